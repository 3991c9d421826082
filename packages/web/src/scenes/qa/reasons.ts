/**
 * The server states why a row was rejected in short English (qa/mapping.ts applyMapping:
 * "empty text in column 消息内容"). The page says the common ones in the reader's language
 * (qa.rejectReasons.*) and shows any other reason as the server wrote it.
 */

export type TRejectReasonKey = 'missingConversationId' | 'emptyRole' | 'unknownRole' | 'emptyText' | 'tooLongText' | 'unreadableTime' | 'unsupportedValue' | 'notPlainText';

export interface TRejectReason {
  key: TRejectReasonKey;
  /** The column the reason names. */
  column: string;
  /** The offending value, when the reason quotes one. */
  value?: string;
}

const PATTERNS: readonly [TRejectReasonKey, RegExp][] = [
  ['missingConversationId', /^missing conversation id in column (.+)$/],
  ['emptyRole', /^empty role in column (.+)$/],
  ['unknownRole', /^unknown role "(.*)" in column (.+)$/],
  ['emptyText', /^empty text in column (.+)$/],
  ['tooLongText', /^text longer than [\d,]+ characters in column (.+)$/],
  ['unreadableTime', /^unreadable time "(.*)" in column (.+)$/],
  ['unsupportedValue', /^unsupported value in column (.+)$/],
  ['notPlainText', /^text is not plain text in column (.+)$/],
];

/**
 * Recognises a reject reason.
 * @param reason the server's reason
 * @returns its key with the column (and value), or null for a reason to show as it is
 */
export function parseRejectReason(reason: string): TRejectReason | null {
  for (const [key, pattern] of PATTERNS) {
    const match = pattern.exec(reason.trim());
    if (!match) continue;
    if (match.length === 3) return { key, value: match[1] ?? '', column: match[2] ?? '' };
    return { key, column: match[1] ?? '' };
  }
  return null;
}
