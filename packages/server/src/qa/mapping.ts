import type { TRawRow } from './read-rows.js';

/**
 * The column mapping: which column of an export holds the conversation id, the time, the
 * speaker's role, the agent, the text (shop and channel optional), and which role values
 * mean customer, agent and system. suggestMapping guesses it from the headers and a few
 * rows for the mapping step; applyMapping turns every row into a message or a reason.
 */

export type TMessageRole = 'customer' | 'agent' | 'system';

/** Column names of the file, as the reader gives them (see read-rows.ts). */
export interface TColumnMapping {
  conversationId: string;
  time?: string;
  role: string;
  agentId?: string;
  agentName?: string;
  text: string;
  shop?: string;
  channel?: string;
  /** The role column's values, by role. Values not listed fall back to the standard words (买家, 客服, system…). */
  roleValues?: { customer: string[]; agent: string[]; system?: string[] };
}

export type TMappingField = Exclude<keyof TColumnMapping, 'roleValues'>;

export interface TMappedMessage {
  conversationId: string;
  /** Epoch ms; null when the file has no time column or the cell is empty. */
  at: number | null;
  role: TMessageRole;
  agentId: string | null;
  agentName: string | null;
  text: string;
  shop: string | null;
  channel: string | null;
}

export type TMappingResult = { ok: true; message: TMappedMessage } | { ok: false; reason: string };

export interface TMappingSuggestion {
  mapping: Partial<TColumnMapping>;
  /** 0–1: the weakest of the three required fields (0 if one is missing); below about 0.6, ask the user to check. */
  confidence: number;
  /** 0–1 per mapped field: 1 = a standard header name whose values fit, lower = guessed. */
  fieldConfidence: Partial<Record<TMappingField, number>>;
  /** Values of the suggested role column that match no known role word: the user must place them. */
  unknownRoleValues: string[];
}

/** Longest message kept; longer ones are pasted documents or logs, not chat. */
export const MAX_TEXT_CHARS = 20_000;
/** Longest id, agent name, shop or channel. */
export const MAX_LABEL_CHARS = 200;

// ---------------------------------------------------------------------------------------
// Times

/** China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 1 = 1900-01-01, counting the fictional 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const NUMBER_TEXT = /^\d+(?:\.\d+)?$/;
/** 2026-11-11 20:00:05, 2026/11/11 20:00, 2026-11-11T20:00:05.123+08:00, 2026年11月11日 20:00:05, 2026-11-11. */
const DATE_TIME_TEXT =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:(?:T|\s+)(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:[.,](\d{1,9}))?秒?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * A message time as epoch ms. Understands date-time text with or without zone (no zone =
 * Asia/Shanghai), epoch seconds, ms and µs, Excel serial days (20000–80000, 1954–2119),
 * and the Date values exceljs makes for date cells (it puts the sheet's wall-clock time in
 * the UTC fields, so they are read as Shanghai time too).
 * @returns epoch ms, or null when the value is not a time
 */
export function parseMessageTime(value: unknown): number | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ms - SHANGHAI_OFFSET_MS;
  }
  if (typeof value === 'number') return timeFromNumber(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) return timeFromNumber(Number(text));
  return timeFromText(text);
}

function timeFromNumber(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (n >= 20_000 && n < 80_000) return Math.round(EXCEL_EPOCH_MS + n * DAY_MS) - SHANGHAI_OFFSET_MS;
  if (n >= 1e9 && n < 1e11) return Math.round(n * 1000);
  if (n >= 1e11 && n < 1e14) return Math.round(n);
  if (n >= 1e14 && n < 1e17) return Math.round(n / 1000);
  return null;
}

function timeFromText(text: string): number | null {
  const fixed = timeFromUsualText(text);
  if (fixed !== undefined) return fixed;
  const m = DATE_TIME_TEXT.exec(text);
  if (!m) return null;
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  return toEpochMs(Number(m[1]), Number(m[2]), Number(m[3]), hour, minute, second, ms, zoneOffsetMs(m[8]));
}

/**
 * "2026-11-11 20:00:05" (or with / and T), the format nearly every export uses, read
 * without the regex: a third of the mapping's time per row otherwise.
 * @returns undefined when the text has another shape
 */
function timeFromUsualText(t: string): number | null | undefined {
  if (t.length !== 19) return undefined;
  const separator = t.charCodeAt(4);
  const middle = t.charCodeAt(10);
  if ((separator !== 0x2d && separator !== 0x2f) || t.charCodeAt(7) !== separator || (middle !== 0x20 && middle !== 0x54) || t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) {
    return undefined;
  }
  const year = readDigits(t, 0, 4);
  const month = readDigits(t, 5, 2);
  const day = readDigits(t, 8, 2);
  const hour = readDigits(t, 11, 2);
  const minute = readDigits(t, 14, 2);
  const second = readDigits(t, 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return undefined;
  return toEpochMs(year, month, day, hour, minute, second, 0, SHANGHAI_OFFSET_MS);
}

/** The number written by `length` digits at `start`, or -1 if one is not a digit. */
function readDigits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Epoch ms of a wall-clock time at a UTC offset, or null for an impossible date or time (2026-02-30, 24:00). */
function toEpochMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMs: number): number | null {
  const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (daysInMonth === undefined || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMs;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return SHANGHAI_OFFSET_MS;
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
  return (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
}

// ---------------------------------------------------------------------------------------
// Roles

/**
 * Words for each role, normalized (lower case, no spaces, underscores or hyphens). Checked
 * in this order, so 智能客服 (a bot) is system before 客服 makes it an agent, and
 * "customer service" is an agent before "customer" makes it a customer.
 */
const ROLE_WORDS: readonly [TMessageRole, readonly string[]][] = [
  ['system', ['系统', '系统消息', '系统通知', 'system', 'sys', '机器人', '客服机器人', 'bot', 'robot', 'chatbot', '自动回复', '智能客服', '智能助手', 'auto', 'autoreply']],
  [
    'agent',
    ['客服', '人工客服', '卖家', '商家', '店铺', '店小二', '售前', '售后', '坐席', 'agent', 'seller', 'staff', 'service', 'customerservice', 'cs', 'support', 'servicer', 'merchant', 'shop', 'store', 'kefu', 'waiter', 'operator'],
  ],
  ['customer', ['顾客', '买家', '客户', '用户', '消费者', '访客', '游客', '会员', 'customer', 'buyer', 'user', 'client', 'visitor', 'consumer', 'guest', 'member']],
];
const STANDARD_ROLE_WORDS = new Map<string, TMessageRole>(ROLE_WORDS.flatMap(([role, words]) => words.map((w) => [w, role] as const)));
const ROLE_NORMALIZE = /[\s_-]+/g;
const normalizeRoleValue = (value: string) => value.trim().toLowerCase().replace(ROLE_NORMALIZE, '');
const CJK = /[\u3400-\u9fff]/;

/**
 * The role a value of the role column most likely means, for suggestions: a standard word,
 * or a Chinese role word inside the value ("买家（张三）", "人工客服01").
 * @returns the role, or null for a value like a nickname
 */
export function guessRole(value: string): TMessageRole | null {
  const normalized = normalizeRoleValue(value);
  const exact = STANDARD_ROLE_WORDS.get(normalized);
  if (exact) return exact;
  for (const [role, words] of ROLE_WORDS) {
    for (const word of words) if (CJK.test(word) && normalized.includes(word)) return role;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Applying a mapping

interface TCompiledMapping {
  /** Normalized role value → role: the mapping's own values over the standard words. */
  roles: Map<string, TMessageRole>;
  /** Raw cell text → role (or null), so each distinct value is normalized once. */
  roleCache: Map<string, TMessageRole | null>;
}
/** Enough for every role spelling; a nickname column mapped as role by mistake stops growing it here. */
const ROLE_CACHE_LIMIT = 10_000;
const compiledMappings = new WeakMap<TColumnMapping, TCompiledMapping>();

function compileMapping(mapping: TColumnMapping): TCompiledMapping {
  let compiled = compiledMappings.get(mapping);
  if (compiled) return compiled;
  const roles = new Map(STANDARD_ROLE_WORDS);
  const own = mapping.roleValues;
  if (own) {
    for (const role of ['system', 'customer', 'agent'] as const) {
      for (const value of own[role] ?? []) roles.set(normalizeRoleValue(String(value)), role);
    }
  }
  compiled = { roles, roleCache: new Map() };
  compiledMappings.set(mapping, compiled);
  return compiled;
}

function lookUpRole(compiled: TCompiledMapping, value: string): TMessageRole | null {
  const cached = compiled.roleCache.get(value);
  if (cached !== undefined) return cached;
  const role = compiled.roles.get(normalizeRoleValue(value)) ?? null;
  if (compiled.roleCache.size < ROLE_CACHE_LIMIT) compiled.roleCache.set(value, role);
  return role;
}

/** A cell as trimmed text: '' when empty, undefined when it is a list or an object. */
function toCellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return undefined;
}

const quote = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : value instanceof Date ? value.toISOString() : JSON.stringify(value) ?? String(value);
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
};
const fail = (reason: string): TMappingResult => ({ ok: false, reason });

/**
 * One row as a message, or why it cannot be one. Rejects a missing conversation id, an
 * empty or over-long text, an empty or unknown role, an unreadable time, and any label
 * over MAX_LABEL_CHARS; a row the reader could not read keeps the reader's reason.
 * @param mapping reuse the same object for every row: what it compiles to is cached on it
 * @returns the message, or a short English reason naming the column
 */
export function applyMapping(row: TRawRow, mapping: TColumnMapping): TMappingResult {
  if (row.error !== undefined) return fail(row.error);
  const fields = row.fields;

  const conversationId = toCellText(fields[mapping.conversationId]);
  if (conversationId === undefined) return fail(`unsupported value in column ${mapping.conversationId}`);
  if (conversationId === '') return fail(`missing conversation id in column ${mapping.conversationId}`);
  if (conversationId.length > MAX_LABEL_CHARS) return fail(`conversation id longer than ${MAX_LABEL_CHARS} characters in column ${mapping.conversationId}`);

  const roleText = toCellText(fields[mapping.role]);
  if (roleText === undefined) return fail(`unsupported value in column ${mapping.role}`);
  if (roleText === '') return fail(`empty role in column ${mapping.role}`);
  const role = lookUpRole(compileMapping(mapping), roleText);
  if (role === null) return fail(`unknown role ${quote(roleText)} in column ${mapping.role}`);

  const text = toCellText(fields[mapping.text]);
  if (text === undefined) return fail(`text is not plain text in column ${mapping.text}`);
  if (text === '') return fail(`empty text in column ${mapping.text}`);
  if (text.length > MAX_TEXT_CHARS) return fail(`text longer than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters in column ${mapping.text}`);

  let at: number | null = null;
  if (mapping.time !== undefined) {
    const raw = fields[mapping.time];
    if (toCellText(raw) !== '') {
      at = parseMessageTime(raw);
      if (at === null) return fail(`unreadable time ${quote(raw)} in column ${mapping.time}`);
    }
  }

  const message: TMappedMessage = { conversationId, at, role, agentId: null, agentName: null, text, shop: null, channel: null };
  for (const key of LABEL_FIELDS) {
    const column = mapping[key];
    if (column === undefined) continue;
    const value = toCellText(fields[column]);
    if (value === undefined) return fail(`unsupported value in column ${column}`);
    if (value.length > MAX_LABEL_CHARS) return fail(`${LABEL_NAMES[key]} longer than ${MAX_LABEL_CHARS} characters in column ${column}`);
    if (value !== '') message[key] = value;
  }
  return { ok: true, message };
}

const LABEL_FIELDS = ['agentId', 'agentName', 'shop', 'channel'] as const;
const LABEL_NAMES = { agentId: 'agent id', agentName: 'agent name', shop: 'shop', channel: 'channel' } as const;

// ---------------------------------------------------------------------------------------
// Suggesting a mapping

/**
 * Header names of common exports (千牛, 抖店飞鸽, 京麦, 拼多多, Zendesk-like tools), normalized
 * like normalizeHeader does. Strong names mean the field outright; weak ones only when
 * nothing better is there.
 */
const HEADER_NAMES: Record<TMappingField, { strong: readonly string[]; weak: readonly string[] }> = {
  conversationId: {
    strong: ['会话id', '会话编号', '会话号', '会话标识', '对话id', '对话编号', '咨询id', '咨询编号', '聊天id', 'sessionid', 'conversationid', 'chatid', 'dialogid', 'dialogueid', 'threadid', 'ticketid'],
    weak: ['会话', '对话', 'session', 'conversation', 'chat'],
  },
  time: {
    strong: ['时间', '发送时间', '消息时间', '聊天时间', '创建时间', '日期时间', 'time', 'timestamp', 'createdat', 'createtime', 'sendtime', 'senttime', 'sentat', 'msgtime', 'messagetime', 'datetime'],
    weak: ['日期', 'date', 'ts'],
  },
  role: {
    strong: ['发送方', '角色', '身份', '发送方角色', '发送者角色', '发送者身份', '发送方类型', '发言方', '消息来源', 'sender', 'role', 'from', 'sendertype', 'senderrole', 'speaker', 'fromtype', 'fromrole', 'usertype', 'roletype', 'direction'],
    weak: ['发送者', '发送人', '发言人', '说话人', '类型', 'type'],
  },
  agentId: {
    strong: ['客服账号', '客服id', '客服工号', '客服编号', '客服子账号', '接待客服账号', '工号', '子账号', 'agentid', 'staffid', 'servicerid', 'employeeid', 'agentaccount'],
    weak: ['账号', '坐席id', 'account'],
  },
  agentName: {
    strong: ['客服', '客服昵称', '客服名称', '客服名', '客服姓名', '接待客服', '客服人员', '坐席', '接待人', 'agent', 'agentname', 'staff', 'staffname', 'servicer', 'servicername', 'assignee'],
    weak: [],
  },
  text: {
    strong: ['内容', '消息内容', '聊天内容', '消息文本', '发送内容', '对话内容', '回复内容', 'text', 'content', 'message', 'messagecontent', 'msgcontent', 'messagetext', 'body'],
    weak: ['消息', '文本', '聊天记录', 'msg'],
  },
  shop: { strong: ['店铺', '店铺名称', '店铺名', '店名', 'shop', 'store', 'shopname', 'storename'], weak: ['商家', '商铺', '卖家', 'seller'] },
  channel: { strong: ['渠道', '平台', '渠道名称', '来源渠道', '接入渠道', '来源平台', 'channel', 'platform'], weak: ['来源', 'source'] },
};
const FIELD_ORDER: readonly TMappingField[] = ['conversationId', 'text', 'role', 'time', 'agentName', 'agentId', 'shop', 'channel'];
const REQUIRED_FIELDS: readonly TMappingField[] = ['conversationId', 'role', 'text'];
const NESTED_CONVERSATION_PREFIX = 'conversation.';
const HEADER_NORMALIZE = /[\s_\-.·:：()（）[\]【】"'“”]+/g;
/** Headers naming an id: never the text, the time or the role, whatever else they contain. */
const ID_LIKE_HEADER = /(id|编号|账号|工号|号)$/;

const normalizeHeader = (header: string) => header.normalize('NFKC').toLowerCase().replace(HEADER_NORMALIZE, '');

interface TCandidate {
  header: string;
  field: TMappingField;
  score: number;
}

/** How well a header names each field, from its name alone. */
function scoreHeader(header: string): TCandidate[] {
  let name = normalizeHeader(header);
  let factor = 1;
  if (header.startsWith(NESTED_CONVERSATION_PREFIX)) {
    // A conversation's field in nested JSON (read-rows.ts): conversation.id is the conversation id.
    const rest = normalizeHeader(header.slice(NESTED_CONVERSATION_PREFIX.length));
    if (rest === 'id') return [{ header, field: 'conversationId', score: 1 }];
    name = rest;
    factor = 0.95;
  }
  const candidates: TCandidate[] = [];
  for (const field of FIELD_ORDER) {
    const names = HEADER_NAMES[field];
    let score = 0;
    if (names.strong.includes(name)) score = 1;
    else if (names.weak.includes(name)) score = 0.7;
    else if (!(ID_LIKE_HEADER.test(name) && (field === 'text' || field === 'time' || field === 'role'))) {
      // A longer header holding a strong name: 发送时间戳, 买家消息内容. Short ASCII names would match too much.
      if (names.strong.some((n) => (CJK.test(n) ? n.length >= 2 : n.length >= 5) && name.includes(n))) score = 0.6;
    }
    if (score > 0) candidates.push({ header, field, score: score * factor });
  }
  return candidates;
}

interface TColumnProfile {
  filled: number;
  timeShare: number;
  /** Share of date-like values (Date cells, date-time text): numbers alone could be ids. */
  dateShare: number;
  roleShare: number;
  numericShare: number;
  averageLength: number;
}

function profileColumn(header: string, rows: readonly TRawRow[]): TColumnProfile {
  let filled = 0;
  let times = 0;
  let dates = 0;
  let roles = 0;
  let numbers = 0;
  let length = 0;
  for (const row of rows) {
    const value = row.fields[header];
    const text = toCellText(value);
    if (!text) continue;
    filled += 1;
    length += text.length;
    if (parseMessageTime(value) !== null) {
      times += 1;
      if (value instanceof Date || !NUMBER_TEXT.test(text)) dates += 1;
    }
    if (guessRole(text) !== null) roles += 1;
    if (typeof value === 'number' || NUMBER_TEXT.test(text)) numbers += 1;
  }
  const share = (n: number) => (filled === 0 ? 0 : n / filled);
  return { filled, timeShare: share(times), dateShare: share(dates), roleShare: share(roles), numericShare: share(numbers), averageLength: share(length) };
}

/** A header's score after looking at its values: a "时间" column of nicknames is not the time. */
function checkAgainstValues(candidate: TCandidate, profile: TColumnProfile): number {
  if (profile.filled === 0) return candidate.score;
  switch (candidate.field) {
    case 'time':
      return profile.timeShare >= 0.5 ? candidate.score : candidate.score * 0.3;
    case 'role':
      return profile.roleShare >= 0.5 ? candidate.score : candidate.score * 0.4;
    case 'text':
      return profile.numericShare > 0.8 ? candidate.score * 0.3 : candidate.score;
    default:
      return candidate.score;
  }
}

/**
 * A mapping guessed from the headers (Chinese and English names of common exports) and
 * sample rows (which column holds times, which holds role words, which holds long text),
 * with the role values seen sorted into roles.
 * @param headers the file's column names
 * @param sampleRows the first rows (previewFile reads 20); rows with an error are ignored
 */
export function suggestMapping(headers: readonly string[], sampleRows: readonly TRawRow[]): TMappingSuggestion {
  const rows = sampleRows.filter((row) => row.error === undefined);
  const profiles = new Map(headers.map((h) => [h, profileColumn(h, rows)]));
  const candidates = headers
    .flatMap(scoreHeader)
    .map((c) => ({ ...c, score: checkAgainstValues(c, profiles.get(c.header)!) }));
  // Columns whose values say what they are, whatever their names: dates, role words.
  for (const [header, profile] of profiles) {
    if (profile.dateShare >= 0.9) candidates.push({ header, field: 'time', score: 0.5 });
    if (profile.roleShare >= 0.8) candidates.push({ header, field: 'role', score: 0.5 });
  }
  candidates.sort((a, b) => b.score - a.score || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));

  const chosen = new Map<TMappingField, TCandidate>();
  const usedHeaders = new Set<string>();
  const choose = (candidate: TCandidate) => {
    if (chosen.has(candidate.field) || usedHeaders.has(candidate.header)) return;
    chosen.set(candidate.field, candidate);
    usedHeaders.add(candidate.header);
  };
  candidates.forEach(choose);

  // No column is named like the text: take the one with the longest words.
  if (!chosen.has('text')) {
    const longest = headers
      .filter((h) => !usedHeaders.has(h) && profiles.get(h)!.filled > 0 && profiles.get(h)!.numericShare < 0.5)
      .sort((a, b) => profiles.get(b)!.averageLength - profiles.get(a)!.averageLength)[0];
    if (longest && profiles.get(longest)!.averageLength >= 4) choose({ header: longest, field: 'text', score: 0.3 });
  }

  const mapping: Partial<TColumnMapping> = {};
  const fields: Partial<Record<TMappingField, number>> = {};
  for (const field of FIELD_ORDER) {
    const candidate = chosen.get(field);
    if (!candidate) continue;
    mapping[field] = candidate.header;
    fields[field] = Math.round(candidate.score * 100) / 100;
  }
  let unknownRoleValues: string[] = [];
  if (mapping.role !== undefined) {
    const sorted = sortRoleValues(rows, mapping.role);
    // Only a mapping that names both sides; otherwise the standard words apply anyway.
    if (sorted.roleValues.customer.length > 0 && sorted.roleValues.agent.length > 0) mapping.roleValues = sorted.roleValues;
    unknownRoleValues = sorted.unknown;
  }
  const overall = Math.min(...REQUIRED_FIELDS.map((f) => fields[f] ?? 0));
  return { mapping, confidence: overall, fieldConfidence: fields, unknownRoleValues };
}

function sortRoleValues(rows: readonly TRawRow[], column: string): { roleValues: NonNullable<TColumnMapping['roleValues']>; unknown: string[] } {
  const roleValues: NonNullable<TColumnMapping['roleValues']> = { customer: [], agent: [], system: [] };
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const value = toCellText(row.fields[column]);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const role = guessRole(value);
    if (role === null) unknown.push(value);
    else roleValues[role]!.push(value);
  }
  if (roleValues.system!.length === 0) delete roleValues.system;
  return { roleValues, unknown };
}
