import { KPI_FIELDS, KPI_IS_PERCENT, type TKpiField, type TKpiMapping, type TKpiMappingKey, type TKpiReject, type TKpiRejectCode, type TKpiValues } from '@calmdesk/shared';

/**
 * KPI files, row by row (SPEC §2.8 level 4): which column is which (Chinese or English
 * headers as merchants' systems export them), and each row read into a person, a period and
 * five KPIs, or into the one reason it cannot be imported. Pure: the people to match come in
 * as a lookup, so the rules are tested without a database.
 */

/**
 * Header words per field, normalised (lower case, no spaces or brackets or %). A header that
 * is exactly a word scores highest; one that contains a word scores by the word's length, so
 * 客服满意度 goes to satisfaction (满意度) rather than to the person (客服). Words of one
 * Chinese character or up to three Latin letters only count when they are the whole header
 * (月, to, aht), as they hide inside longer ones.
 */
const HEADER_WORDS: Readonly<Record<TKpiMappingKey, readonly string[]>> = {
  person: ['工号', '员工工号', '客服工号', '登录名', '登录账号', '账号', '客服账号', '用户名', 'login', 'username', 'userid', 'user', 'account', '员工', '客服', '客服姓名', '员工姓名', '姓名', 'name', 'agent', 'agentname', '客服昵称', '人员'],
  month: ['月份', '月', '统计月份', '考核月份', '绩效月份', 'month', 'period', '周期', '期间', '统计周期', '考核周期'],
  periodStart: ['开始日期', '起始日期', '开始', '起始', '周期开始', '统计开始', '开始时间', 'periodstart', 'start', 'startdate', 'from', 'begin'],
  periodEnd: ['结束日期', '截止日期', '结束', '截止', '周期结束', '统计结束', '结束时间', 'periodend', 'end', 'enddate', 'to', 'until'],
  csat: ['满意度', '客户满意度', '顾客满意度', '买家满意度', '好评率', 'csat', 'satisfaction', 'customersatisfaction'],
  complaintRate: ['投诉率', '投诉', '客诉率', 'complaintrate', 'complaint', 'complaints'],
  repurchaseRate: ['复购率', '复购', '回购率', 'repurchaserate', 'repurchase', 'repeatpurchaserate', 'repeatpurchase'],
  resolutionMinutes: ['平均处理时长', '处理时长', '平均解决时长', '解决时长', '处理时间', '平均处理时间', '时长', 'resolutiontime', 'resolutionminutes', 'resolution', 'handletime', 'averagehandletime', 'aht'],
  escalationRate: ['升级率', '升级', '转接率', '转主管率', 'escalationrate', 'escalation', 'escalations'],
};

/** A header as the matcher sees it. */
export function normaliseHeader(header: string): string {
  const base = header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}（）【】%％_\-/／·.:：]/g, '');
  // 处理时长(分钟) and resolution time (min) name the same column as without the unit.
  const stripped = base.replace(/(分钟|min|mins|minutes)$/, '');
  return stripped === '' ? base : stripped;
}

const isShortWord = (word: string) => (/^[\u4e00-\u9fff]$/.test(word) || /^[a-z]{1,3}$/.test(word));

function headerScore(header: string, words: readonly string[]): number {
  let best = 0;
  for (const word of words) {
    if (header === word) return 100 + word.length;
    if (!isShortWord(word) && header.includes(word)) best = Math.max(best, word.length);
  }
  return best;
}

/**
 * The mapping found from a file's headers: each field takes the header that fits it best,
 * and no header serves two fields.
 * @param headers the column names as read
 * @returns the columns found (fields without a fitting header are left out)
 */
export function suggestKpiMapping(headers: readonly string[]): TKpiMapping {
  const pairs: { key: TKpiMappingKey; header: string; score: number }[] = [];
  for (const header of headers) {
    const normalised = normaliseHeader(header);
    if (normalised === '') continue;
    for (const key of Object.keys(HEADER_WORDS) as TKpiMappingKey[]) {
      const score = headerScore(normalised, HEADER_WORDS[key]);
      if (score > 0) pairs.push({ key, header, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const mapping: TKpiMapping = {};
  const usedHeaders = new Set<string>();
  for (const { key, header } of pairs) {
    if (mapping[key] !== undefined || usedHeaders.has(header)) continue;
    mapping[key] = header;
    usedHeaders.add(header);
  }
  return mapping;
}

/**
 * What a mapping still lacks before rows can be read: the person, a period (a month column,
 * or start and end columns), at least one KPI.
 */
export function missingMappingParts(mapping: TKpiMapping): ('person' | 'period' | 'kpi')[] {
  const missing: ('person' | 'period' | 'kpi')[] = [];
  if (!mapping.person) missing.push('person');
  // A start column alone may hold months (2026-10); rows with a start date and no end are rejected one by one.
  if (!mapping.month && !mapping.periodStart) missing.push('period');
  if (!KPI_FIELDS.some((field) => mapping[field])) missing.push('kpi');
  return missing;
}

// ---------------------------------------------------------------------------------------
// Cells

/** Excel's day 0 (serial 1 = 1900-01-01, counting its fictional 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Text of a cell for messages: trimmed, at most 60 characters. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  const text = String(value).normalize('NFKC').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A Date or an Excel serial as its calendar day. exceljs puts the sheet's wall-clock date in the UTC fields. */
function dayOfDateValue(value: Date | number): string | null {
  const date = typeof value === 'number' ? new Date(EXCEL_EPOCH_MS + Math.round(value) * DAY_MS) : value;
  if (Number.isNaN(date.getTime())) return null;
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * A calendar day: 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日, 20261001, a date cell, or
 * an Excel serial day (as CSV copies of date cells carry).
 * @returns YYYY-MM-DD, or null when the value is not a real date
 */
export function parseDay(value: unknown): string | null {
  if (value instanceof Date) return dayOfDateValue(value);
  if (typeof value === 'number') return value >= 20_000 && value <= 80_000 ? dayOfDateValue(value) : null;
  const text = String(value).normalize('NFKC').trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isRealDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return parseDay(Number(text));
  return null;
}

/**
 * A month: 2026-10, 2026/10, 2026.10, 2026年10月, 202610, or a date in it (Excel turns a typed
 * 2026-10 into the date 2026-10-01).
 * @returns YYYY-MM, or null
 */
export function parseMonth(value: unknown): string | null {
  if (value instanceof Date || typeof value === 'number') return parseDay(value)?.slice(0, 7) ?? null;
  const text = String(value).normalize('NFKC').trim();
  const match = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    return isRealDate(y, m, 1) ? `${y}-${pad(m)}` : null;
  }
  return parseDay(text)?.slice(0, 7) ?? null;
}

/** The last day of a month YYYY-MM. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

type TNumberResult = { ok: true; value: number | null; hasPercentSign: boolean } | { ok: false };

/** A number as written: 96.5, 96.5%, ９６．５％, 1,234, 12.5分钟; empty is null. */
export function parseNumberCell(value: unknown): TNumberResult {
  if (isBlank(value)) return { ok: true, value: null, hasPercentSign: false };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value, hasPercentSign: false } : { ok: false };
  let text = String(value).normalize('NFKC').trim();
  const hasPercentSign = text.endsWith('%');
  text = text.replace(/%$/, '').replace(/\s*(分钟|分|minutes|mins|min|m)$/i, '').replace(/,(?=\d{3}(\D|$))/g, '').trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text), hasPercentSign };
}

/** Longest KPI period: a year (quarters and months are the usual ones). */
const MAX_PERIOD_DAYS = 366;
/** Longest average handling time taken as real: a week, in minutes. */
export const MAX_RESOLUTION_MINUTES = 7 * 24 * 60;

// ---------------------------------------------------------------------------------------
// Rows

export type TKpiPerson = { id: string; login: string; displayName: string };

/** The people a file may name, and who the importer may import for. */
export interface TKpiPeopleLookup {
  /** lower-case login → person */
  byLogin: ReadonlyMap<string, TKpiPerson>;
  /** display name → people with it */
  byName: ReadonlyMap<string, readonly TKpiPerson[]>;
  /** The people the importer may import for; undefined: everyone in the organisation. */
  allowed: ReadonlySet<string> | undefined;
}

export type TKpiRowResult =
  | { ok: true; person: TKpiPerson; personText: string; periodStart: string; periodEnd: string; values: TKpiValues }
  | { ok: false; reject: TKpiReject; personText: string; person: TKpiPerson | null; periodStart: string | null; periodEnd: string | null; values: TKpiValues };

const EMPTY_VALUES: TKpiValues = { csat: null, complaintRate: null, repurchaseRate: null, resolutionMinutes: null, escalationRate: null };

const REASONS: Record<TKpiRejectCode, (field: string | null, value: string | null, otherRow: number | null) => string> = {
  unreadable: (_f, value) => `unreadable row${value ? ` (${value})` : ''}`,
  missing_person: () => 'no person (login or name) in the row',
  unknown_person: (_f, value) => `no person with the login or name "${value}"`,
  ambiguous_person: (_f, value) => `several people are called "${value}": use the login`,
  not_your_team: (_f, value) => `"${value}" is not in your teams`,
  missing_period: () => 'no period: give a month (2026-10) or a start and end date',
  bad_month: (_f, value) => `"${value}" is not a month like 2026-10`,
  bad_date: (field, value) => `${field}: "${value}" is not a date like 2026-10-01`,
  end_before_start: (_f, value) => `the period ends before it starts (${value})`,
  period_too_long: (_f, value) => `the period is longer than a year (${value})`,
  bad_number: (field, value) => `${field}: "${value}" is not a number`,
  out_of_range: (field, value) => `${field}: ${value} is out of range (${field === 'resolutionMinutes' ? `0–${MAX_RESOLUTION_MINUTES} minutes` : '0–100 %'})`,
  looks_like_fraction: (field, value) => `${field}: ${value} looks like a fraction; write percentages as 96.5 or 96.5%`,
  no_values: () => 'no KPI values in the row',
  duplicate: (_f, _v, otherRow) => `the same person and period as row ${otherRow}`,
};

/** Field names as a Chinese reader knows them, for the reasons in exported reports. */
const FIELD_NAMES_ZH: Record<string, string> = {
  person: '人员',
  month: '月份',
  periodStart: '开始日期',
  periodEnd: '结束日期',
  period: '统计周期',
  csat: '满意度',
  complaintRate: '投诉率',
  repurchaseRate: '复购率',
  resolutionMinutes: '平均处理时长',
  escalationRate: '升级率',
};

const REASONS_ZH: Record<TKpiRejectCode, (field: string, value: string, otherRow: number | null) => string> = {
  unreadable: (_f, value) => `这一行无法读取（${value}）`,
  missing_person: () => '没有填写人员（工号或姓名）',
  unknown_person: (_f, value) => `系统里没有工号或姓名为「${value}」的人`,
  ambiguous_person: (_f, value) => `有多人叫「${value}」，请改用工号`,
  not_your_team: (_f, value) => `「${value}」不在你的团队，主管只能导入本团队的数据`,
  missing_period: () => '没有统计周期：请填写月份（如 2026-10），或开始和结束日期',
  bad_month: (_f, value) => `「${value}」不是月份，应写成 2026-10`,
  bad_date: (field, value) => `${field}「${value}」不是日期，应写成 2026-10-01`,
  end_before_start: (_f, value) => `结束日期早于开始日期（${value}）`,
  period_too_long: (_f, value) => `统计周期超过一年（${value}）`,
  bad_number: (field, value) => `${field}「${value}」不是数字`,
  out_of_range: (field, value) => `${field} ${value} 超出范围（百分比 0–100，处理时长 0–${MAX_RESOLUTION_MINUTES} 分钟）`,
  looks_like_fraction: (field, value) => `${field} ${value} 像是小数，百分比请写成 96.5 或 96.5%`,
  no_values: () => '这一行没有任何 KPI 数值',
  duplicate: (_f, _v, otherRow) => `与第 ${otherRow} 行的人员和周期相同`,
};

/** A reject's reason in Chinese (the web app words it from the code; exports need the text). */
export function kpiRejectReasonZh(reject: TKpiReject): string {
  const field = reject.field ? (FIELD_NAMES_ZH[reject.field] ?? reject.field) : '';
  return REASONS_ZH[reject.code](field, reject.value ?? '', reject.otherRow);
}

/**
 * A reject with its English reason.
 * @param code why
 * @param details the field, the value as written, the other row (duplicates)
 */
export function kpiReject(rowNumber: number, code: TKpiRejectCode, details: { field?: string | null; value?: string | null; otherRow?: number | null } = {}): TKpiReject {
  const field = details.field ?? null;
  const value = details.value ?? null;
  const otherRow = details.otherRow ?? null;
  return { rowNumber, code, field, value, otherRow, reason: REASONS[code](field, value, otherRow) };
}

function findPerson(text: string, people: TKpiPeopleLookup): { person: TKpiPerson } | { code: 'unknown_person' | 'ambiguous_person' } {
  const byLogin = people.byLogin.get(text.toLowerCase());
  if (byLogin) return { person: byLogin };
  const named = people.byName.get(text) ?? [];
  if (named.length === 1) return { person: named[0]! };
  return { code: named.length > 1 ? 'ambiguous_person' : 'unknown_person' };
}

/** The period of a row: the month column if it has a value, else the start and end columns (a start alone that is a month counts as that month). */
function readPeriod(fields: Record<string, unknown>, mapping: TKpiMapping): { start: string; end: string } | { code: TKpiRejectCode; field?: string; value?: string } {
  const monthCell = mapping.month ? fields[mapping.month] : undefined;
  if (!isBlank(monthCell)) {
    const month = parseMonth(monthCell);
    return month ? { start: `${month}-01`, end: monthEnd(month) } : { code: 'bad_month', field: 'month', value: cellText(monthCell) };
  }
  const startCell = mapping.periodStart ? fields[mapping.periodStart] : undefined;
  const endCell = mapping.periodEnd ? fields[mapping.periodEnd] : undefined;
  if (isBlank(startCell) && isBlank(endCell)) return { code: 'missing_period' };
  if (!isBlank(startCell) && isBlank(endCell)) {
    const month = typeof startCell === 'string' ? parseMonth(startCell) : null;
    if (month && parseDay(startCell) === null) return { start: `${month}-01`, end: monthEnd(month) };
    return parseDay(startCell) === null ? { code: 'bad_date', field: 'periodStart', value: cellText(startCell) } : { code: 'missing_period', field: 'periodEnd' };
  }
  if (isBlank(startCell)) return { code: 'missing_period', field: 'periodStart' };
  const start = parseDay(startCell);
  if (!start) return { code: 'bad_date', field: 'periodStart', value: cellText(startCell) };
  const end = parseDay(endCell);
  if (!end) return { code: 'bad_date', field: 'periodEnd', value: cellText(endCell) };
  if (end < start) return { code: 'end_before_start', value: `${start} – ${end}` };
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS + 1 > MAX_PERIOD_DAYS) return { code: 'period_too_long', value: `${start} – ${end}` };
  return { start, end };
}

/** The KPIs of a row; mapped columns only. */
function readValues(fields: Record<string, unknown>, mapping: TKpiMapping): { values: TKpiValues } | { code: TKpiRejectCode; field: TKpiField; value: string } {
  const values: TKpiValues = { ...EMPTY_VALUES };
  for (const field of KPI_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const cell = fields[column];
    const parsed = parseNumberCell(cell);
    if (!parsed.ok) return { code: 'bad_number', field, value: cellText(cell) };
    if (parsed.value === null) continue;
    const value = parsed.value;
    const max = KPI_IS_PERCENT[field] ? 100 : MAX_RESOLUTION_MINUTES;
    if (value < 0 || value > max) return { code: 'out_of_range', field, value: cellText(cell) };
    // Nobody's satisfaction is 0.96 %: that is a fraction (a percent-formatted Excel cell), not a percentage.
    if (field === 'csat' && !parsed.hasPercentSign && value > 0 && value <= 1) return { code: 'looks_like_fraction', field, value: cellText(cell) };
    values[field] = Math.round(value * 10_000) / 10_000;
  }
  return { values };
}

/**
 * One data row: the person (login first, then a name held by exactly one person, then
 * whether the importer may import for them), the period, the KPIs. The first problem found
 * is the reason; a row is imported whole or not at all.
 * @param rowNumber counted from the first row under the header
 * @param fields column → cell, as the readers give them
 * @returns the row to store, or the reject with what could be read
 */
export function readKpiRow(rowNumber: number, fields: Record<string, unknown>, mapping: TKpiMapping, people: TKpiPeopleLookup): TKpiRowResult {
  const personText = mapping.person ? cellText(fields[mapping.person]) : '';
  const fail = (reject: TKpiReject, person: TKpiPerson | null = null, period: { start: string; end: string } | null = null, values: TKpiValues = EMPTY_VALUES): TKpiRowResult => ({
    ok: false,
    reject,
    personText,
    person,
    periodStart: period?.start ?? null,
    periodEnd: period?.end ?? null,
    values,
  });
  if (personText === '') return fail(kpiReject(rowNumber, 'missing_person', { field: 'person' }));
  const found = findPerson(personText, people);
  if ('code' in found) return fail(kpiReject(rowNumber, found.code, { field: 'person', value: personText }));
  const person = found.person;
  if (people.allowed && !people.allowed.has(person.id)) return fail(kpiReject(rowNumber, 'not_your_team', { field: 'person', value: personText }), person);
  const period = readPeriod(fields, mapping);
  if ('code' in period) return fail(kpiReject(rowNumber, period.code, { field: period.field ?? 'period', value: period.value ?? null }), person);
  const values = readValues(fields, mapping);
  if ('code' in values) return fail(kpiReject(rowNumber, values.code, { field: values.field, value: values.value }), person, period);
  if (KPI_FIELDS.every((field) => values.values[field] === null)) return fail(kpiReject(rowNumber, 'no_values'), person, period, values.values);
  return { ok: true, person, personText, periodStart: period.start, periodEnd: period.end, values: values.values };
}
