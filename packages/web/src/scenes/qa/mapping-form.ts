import type { TColumnMappingInput, TQaPreview } from '../../api/qa';

/**
 * The mapping step of a new import: which column holds what, and which values of the role
 * column mean customer, agent and system. The form keeps one flat object (a select per field,
 * a tag list per role); these helpers fill it from the suggestion or a source's remembered
 * mapping, read the preview rows, and turn the form into the API's ZColumnMapping.
 */

/** The fields of a mapping, in the order the form asks for them. */
export const MAPPING_FIELDS = ['conversationId', 'time', 'role', 'agentId', 'agentName', 'text', 'shop', 'channel'] as const;
export type TMappingField = (typeof MAPPING_FIELDS)[number];
/** Without these a row is not a message (ZColumnMapping requires them). */
export const REQUIRED_FIELDS: readonly TMappingField[] = ['conversationId', 'role', 'text'];

export const ROLE_GROUPS = ['customer', 'agent', 'system'] as const;
export type TRoleGroup = (typeof ROLE_GROUPS)[number];

/** The form's values: a column (or nothing) per field, the role values per role. */
export type TMappingForm = { [K in TMappingField]: string | undefined } & { roleValues: Record<TRoleGroup, string[]> };

type TPartialMapping = Partial<TColumnMappingInput>;

/** One preview row as the server sends it: the record's number and its cells (see the server's TRawRow). */
export interface TPreviewRow {
  rowNumber: number | null;
  cells: Record<string, unknown>;
  error: string | null;
}

/**
 * Reads a preview row. The schema types rows as plain records; the server sends
 * `{ rowNumber, fields, error? }`. A flat record (cells at the top) is read as cells too.
 * @param row one of ZQaPreview.rows
 * @returns the row number, the cells and the reader's error
 */
export function readPreviewRow(row: Record<string, unknown>): TPreviewRow {
  const fields = row.fields;
  if (typeof fields === 'object' && fields !== null && !Array.isArray(fields)) {
    return {
      rowNumber: typeof row.rowNumber === 'number' ? row.rowNumber : null,
      cells: fields as Record<string, unknown>,
      error: typeof row.error === 'string' ? row.error : null,
    };
  }
  return { rowNumber: null, cells: row, error: null };
}

/**
 * A cell as text for the preview table and the role values: strings trimmed, numbers and
 * booleans written out, nested values as JSON, nothing as ''.
 * @param value a cell
 * @returns the text
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/**
 * The distinct values of a column in the preview rows, most frequent first (first seen first on a tie).
 * @param rows the preview rows
 * @param column a column name; undefined gives []
 * @returns each value once with how many rows have it; empty cells left out
 */
export function distinctValues(rows: readonly Record<string, unknown>[], column: string | undefined): { value: string; count: number }[] {
  if (column === undefined) return [];
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = cellText(readPreviewRow(row).cells[column]);
    if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/**
 * Role words, checked in this order so 智能客服 (a bot) is system before 客服 makes it an
 * agent, and "customer service" an agent before "customer" makes it a customer. The server
 * knows more (qa/mapping.ts) and also accepts its standard words without a mapping; this is
 * only to pre-fill the form when someone picks a role column the suggestion did not.
 */
const ROLE_WORDS: readonly [TRoleGroup, readonly string[]][] = [
  ['system', ['系统', '机器人', '自动回复', '智能客服', '智能助手', 'system', 'sys', 'bot', 'robot', 'auto']],
  ['agent', ['客服', '卖家', '商家', '店铺', '店小二', '售前', '售后', '坐席', 'agent', 'customerservice', 'seller', 'staff', 'service', 'support', 'merchant', 'servicer', 'kefu', 'cs']],
  ['customer', ['顾客', '买家', '客户', '用户', '消费者', '访客', '会员', 'customer', 'buyer', 'user', 'client', 'visitor', 'consumer', 'guest']],
];
const CJK = /[\u3400-\u9fff]/;

/**
 * The role a value of the role column most likely means: the whole value is a role word
 * (case and spaces aside), or a Chinese role word is inside it ("买家（张三）", "人工客服01").
 * @param value a value of the role column
 * @returns the role, or null for a value like a nickname or an id
 */
export function guessRoleGroup(value: string): TRoleGroup | null {
  const normalized = value.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (normalized === '') return null;
  for (const [group, words] of ROLE_WORDS) if (words.includes(normalized)) return group;
  for (const [group, words] of ROLE_WORDS) if (words.some((word) => CJK.test(word) && normalized.includes(word))) return group;
  return null;
}

/**
 * Sorts the values seen in the role column into customer, agent and system: what the
 * suggestion (or remembered mapping) says first, then a guess from the words; values it
 * cannot place are left for the person.
 * @param values distinct values of the role column
 * @param known role values from the suggestion or a remembered mapping, if any
 * @returns the values per role, each value in at most one role
 */
export function suggestRoleValues(values: readonly string[], known?: TColumnMappingInput['roleValues']): Record<TRoleGroup, string[]> {
  const result: Record<TRoleGroup, string[]> = { customer: [], agent: [], system: [] };
  const placed = new Set<string>();
  const place = (group: TRoleGroup, value: string) => {
    if (placed.has(value)) return;
    placed.add(value);
    result[group].push(value);
  };
  if (known) for (const group of ROLE_GROUPS) for (const value of known[group] ?? []) place(group, value);
  for (const value of values) {
    const group = guessRoleGroup(value);
    if (group !== null) place(group, value);
  }
  return result;
}

/**
 * Role values seen in the preview that no role holds: rows with them are rejected unless
 * the server knows the word. The page warns about them.
 * @param roleValues the form's role values
 * @param seen distinct values of the role column
 * @returns the values in no role
 */
export function unplacedRoleValues(roleValues: Record<TRoleGroup, readonly string[]>, seen: readonly string[]): string[] {
  const placed = new Set(ROLE_GROUPS.flatMap((group) => roleValues[group]));
  return seen.filter((value) => !placed.has(value));
}

/**
 * The mapping the form starts from: a source's remembered mapping when one is chosen and
 * remembered, else the suggestion; a remembered column this file does not have falls back
 * to the suggestion for that field (the source's export may have changed its columns).
 * @param preview the file's preview
 * @param sourceName the source chosen, if any (compared by name)
 * @returns the form's values
 */
export function initialMappingForm(preview: Pick<TQaPreview, 'headers' | 'rows' | 'suggested' | 'sources'>, sourceName?: string): TMappingForm {
  const remembered = sourceName === undefined ? null : (preview.sources.find((source) => source.name === sourceName.trim())?.mapping ?? null);
  const headers = new Set(preview.headers);
  const suggested: TPartialMapping = preview.suggested.mapping;
  const pick = (field: TMappingField): string | undefined => {
    const fromSource = remembered?.[field];
    if (fromSource !== undefined && headers.has(fromSource)) return fromSource;
    const fromSuggestion = suggested[field];
    return fromSuggestion !== undefined && headers.has(fromSuggestion) ? fromSuggestion : undefined;
  };
  const columns = Object.fromEntries(MAPPING_FIELDS.map((field) => [field, pick(field)])) as { [K in TMappingField]: string | undefined };
  // Role values belong to a role column: take them from whichever mapping chose that column.
  const known = remembered && remembered.role === columns.role ? remembered.roleValues : suggested.role === columns.role ? suggested.roleValues : undefined;
  const seen = distinctValues(preview.rows, columns.role).map((item) => item.value);
  return { ...columns, roleValues: suggestRoleValues(seen, known) };
}

/**
 * The form as the API's mapping: empty optional fields left out; the role values sent when
 * customer and agent both have some (the schema wants both), system only when it has some.
 * @param form the form's values
 * @returns the mapping for POST /api/qa/imports/:id/start
 * @throws Error when a required field is empty: the form's rules stop that before
 */
export function formToMapping(form: TMappingForm): TColumnMappingInput {
  const column = (field: TMappingField) => {
    const value = form[field]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const required = (field: TMappingField) => {
    const value = column(field);
    if (value === undefined) throw new Error(`web: formToMapping needs a column for ${field}`);
    return value;
  };
  const clean = (values: readonly string[]) => [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
  const customer = clean(form.roleValues.customer);
  const agent = clean(form.roleValues.agent);
  const system = clean(form.roleValues.system);
  const mapping: TColumnMappingInput = { conversationId: required('conversationId'), role: required('role'), text: required('text') };
  for (const field of ['time', 'agentId', 'agentName', 'shop', 'channel'] as const) {
    const value = column(field);
    if (value !== undefined) mapping[field] = value;
  }
  if (customer.length > 0 && agent.length > 0) mapping.roleValues = { customer, agent, ...(system.length > 0 ? { system } : {}) };
  return mapping;
}

/**
 * A mapping (the API's shape) as the form's values: the inverse of formToMapping.
 * @param mapping a full or partial mapping
 * @returns the form's values; missing role values as empty lists
 */
export function mappingToForm(mapping: TPartialMapping): TMappingForm {
  const columns = Object.fromEntries(MAPPING_FIELDS.map((field) => [field, mapping[field]])) as { [K in TMappingField]: string | undefined };
  return {
    ...columns,
    roleValues: { customer: [...(mapping.roleValues?.customer ?? [])], agent: [...(mapping.roleValues?.agent ?? [])], system: [...(mapping.roleValues?.system ?? [])] },
  };
}

/**
 * Form fields the server named in a 400 (issues at `mapping.<field>`: no such column).
 * @param issues the error's issues
 * @returns field → message, for the fields of the form
 */
export function mappingIssues(issues: readonly { path: string; message: string }[]): Partial<Record<TMappingField, string>> {
  const result: Partial<Record<TMappingField, string>> = {};
  for (const issue of issues) {
    const segments = issue.path.split(/[./]/).filter((segment) => segment !== '' && segment !== 'body');
    const field = segments[0] === 'mapping' ? segments[1] : undefined;
    if (field !== undefined && (MAPPING_FIELDS as readonly string[]).includes(field)) result[field as TMappingField] = issue.message;
  }
  return result;
}
