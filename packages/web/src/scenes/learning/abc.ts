/**
 * The ABC worksheet (Ellis: Activating event, Belief, Consequence, then Disputing the belief
 * and the new Effect). It stays in this browser, one sheet per lesson; nothing is sent to the
 * server (the private diary of the self-care area will keep such entries later).
 */

export const ABC_FIELDS = ['a', 'b', 'c', 'd', 'e'] as const;
export type TAbcField = (typeof ABC_FIELDS)[number];
export type TAbcSheet = Record<TAbcField, string>;

/** Longest text one field keeps: a worksheet entry, not an essay. */
export const ABC_FIELD_MAX = 2000;

export const EMPTY_SHEET: TAbcSheet = { a: '', b: '', c: '', d: '', e: '' };

/**
 * The storage key of a lesson's worksheet in this browser. It names the person too: a shared
 * computer must not show one agent's worksheet to the next.
 * @param userId the signed-in person
 * @param lessonId the lesson
 * @returns the key
 */
export function abcStorageKey(userId: string, lessonId: string): string {
  return `calmdesk.abc.${userId}.${lessonId}`;
}

/**
 * A worksheet read back from storage; unknown keys and non-text values are dropped.
 * @param raw the stored JSON, or null
 * @returns the sheet (empty fields where nothing usable was stored)
 */
export function parseSheet(raw: string | null): TAbcSheet {
  const sheet: TAbcSheet = { ...EMPTY_SHEET };
  if (!raw) return sheet;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return sheet;
  }
  if (typeof data !== 'object' || data === null) return sheet;
  for (const field of ABC_FIELDS) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value === 'string') sheet[field] = value.slice(0, ABC_FIELD_MAX);
  }
  return sheet;
}

/**
 * Whether a sheet has nothing written in it.
 * @param sheet the sheet
 * @returns true when every field is blank
 */
export function isSheetEmpty(sheet: TAbcSheet): boolean {
  return ABC_FIELDS.every((field) => sheet[field].trim() === '');
}

/**
 * The sheet as plain text, to paste into a note or a message to a mentor.
 * @param sheet the sheet
 * @param labels each field's heading in the reader's language ("A 诱发事件")
 * @param title a first line (the lesson's name), or '' for none
 * @returns one block per filled field, blank fields left out
 */
export function sheetAsText(sheet: TAbcSheet, labels: Record<TAbcField, string>, title = ''): string {
  const blocks = ABC_FIELDS.filter((field) => sheet[field].trim() !== '').map((field) => `${labels[field]}\n${sheet[field].trim()}`);
  return [title.trim(), ...blocks].filter((block) => block !== '').join('\n\n');
}
