import { AppError } from '../errors.js';
import type { TRawRow } from './read-rows.js';

/**
 * JSON exports, read record by record without holding the file: an incremental splitter
 * that finds the list of records in a JSON document and cuts out one element at a time,
 * and the flattening of a record (a message, or a conversation holding messages) into rows.
 *
 * The shapes chat tools export, all handled:
 * 1. a flat list of messages: `[{ "session_id": "…", "time": "…", "sender": "buyer", "content": "…" }, …]`
 *    (one message per JSON line in a .jsonl file);
 * 2. a list of conversations, each with its messages:
 *    `[{ "id": "c1", "shop": "…", "messages": [{ "time": "…", "from": "客服", "text": "…" }] }, …]`
 *    (or one conversation per JSON line). A message row gets the conversation's fields as
 *    `conversation.<name>` (`conversation.id`, `conversation.shop`), so they never collide
 *    with the message's own `id` or `time`;
 * 3. either list wrapped in an object, as API dumps and JD-style exports do:
 *    `{ "conversations": [...] }`, `{ "code": 0, "data": { "list": [...] } }`. The wrapper's
 *    other fields are not carried into the rows.
 * Nested objects inside a message are flattened with dots (`sender.role`, `content.text`).
 */

/** A JSON record larger than this is rejected, not held: a guard against a file that is one unclosed string. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** Keys under which a conversation record holds its messages. */
const MESSAGE_LIST_KEYS = [
  'messages', 'message_list', 'messageList', 'msgs', 'msg_list', 'msgList', 'chats', 'chat_list', 'chatList',
  'records', 'dialog', 'dialogs', 'dialogue', 'history', 'chat_history', 'chatHistory',
  '消息', '消息列表', '聊天记录', '对话', '对话记录',
];
const CONVERSATION_PREFIX = 'conversation.';
/** Nested objects deeper than this stay objects (a mapping cannot point into them). */
const MAX_FLATTEN_DEPTH = 4;

/** One element of the record list: its JSON text, or why it cannot be read. */
export interface TJsonRecord {
  recordNumber: number;
  text: string | null;
  error?: string;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const isWhitespace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

const SEARCHING = 0;
const IN_LIST = 1;

/**
 * Cuts the records out of a JSON document as it streams past. The record list is the
 * document itself if it is an array, else the first array of objects reached through
 * objects only (`{ "data": { "list": [ {…} ] } }`). Works on UTF-8 bytes: structural
 * characters are ASCII and never occur inside a multi-byte character.
 * @param chunks UTF-8 bytes
 * @throws AppError BAD_REQUEST when the document is not JSON or holds no list of objects
 */
export async function* splitJsonRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<TJsonRecord> {
  let depth = 0; // containers open
  let arraysOpen = 0; // of which arrays (while searching: a list inside a list is not the record list)
  const isArrayAt: boolean[] = [];
  let isInString = false;
  let isEscaped = false;
  let mode = SEARCHING;
  let isRootSeen = false;
  let isCandidate = false; // an array just opened under objects only: is its first value an object?
  let listDepth = -1; // depth inside the record list, between records
  let recordNumber = 0;
  let isInRecord = false;
  let isInScalar = false; // a non-object at list level, skipped
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let isOversized = false;
  let isStart = true;

  const finishRecord = (last: Buffer): TJsonRecord => {
    isInRecord = false;
    if (isOversized || partsBytes + last.length > MAX_RECORD_BYTES) {
      isOversized = false;
      parts = [];
      partsBytes = 0;
      return { recordNumber, text: null, error: `record larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB` };
    }
    const text = parts.length === 0 ? last.toString('utf8') : Buffer.concat([...parts, last]).toString('utf8');
    parts = [];
    partsBytes = 0;
    return { recordNumber, text };
  };

  for await (const chunk of chunks) {
    let i = 0;
    if (isStart && chunk.length > 0) {
      isStart = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let recordStart = isInRecord ? 0 : -1;
    for (const n = chunk.length; i < n; i += 1) {
      if (isInString) {
        // Jump to the closing quote with indexOf (native, most bytes of a chat log are in strings).
        if (isEscaped) {
          isEscaped = false; // the chunk starts with the character a backslash at the end of the last one escapes
          continue;
        }
        let end = chunk.indexOf(QUOTE, i);
        while (end !== -1 && backslashesBefore(chunk, end, i) % 2 === 1) end = chunk.indexOf(QUOTE, end + 1);
        if (end === -1) {
          isEscaped = backslashesBefore(chunk, n, i) % 2 === 1;
          i = n;
        } else {
          isInString = false;
          i = end;
        }
        continue;
      }
      const b = chunk[i]!;
      if (isWhitespace(b)) {
        isInScalar = false;
        continue;
      }
      if (!isRootSeen) {
        isRootSeen = true;
        if (b === OPEN_BRACKET) {
          mode = IN_LIST;
          listDepth = 1;
        } else if (b !== OPEN_BRACE) {
          throw new AppError('BAD_REQUEST', 'the file is not a JSON array or object');
        }
        depth = 1;
        isArrayAt[0] = b === OPEN_BRACKET;
        if (b === OPEN_BRACKET) arraysOpen = 1;
        continue;
      }
      if (isCandidate) {
        isCandidate = false;
        if (b === OPEN_BRACE) {
          mode = IN_LIST;
          listDepth = depth;
        }
      }
      if (mode === IN_LIST && depth === listDepth) {
        // Between records of the list.
        if (b === COMMA) {
          isInScalar = false;
          continue;
        }
        if (b === CLOSE_BRACKET) return; // the end of the list: the rest of the file is not read
        if (b === OPEN_BRACE || b === OPEN_BRACKET) {
          recordNumber += 1;
          isInRecord = true;
          recordStart = i;
        } else if (!isInScalar) {
          recordNumber += 1;
          isInScalar = b !== QUOTE;
          if (b === QUOTE) isInString = true;
          yield { recordNumber, text: null, error: 'record is not an object' };
          continue;
        } else {
          continue;
        }
      }
      if (b === QUOTE) {
        isInString = true;
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        const isArray = b === OPEN_BRACKET;
        isArrayAt[depth] = isArray;
        depth += 1;
        if (isArray) {
          arraysOpen += 1;
          if (mode === SEARCHING && arraysOpen === 1) isCandidate = true;
        }
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (depth === 0) continue; // a stray closer
        depth -= 1;
        if (isArrayAt[depth]) arraysOpen -= 1;
        if (isInRecord && depth === listDepth) {
          yield finishRecord(chunk.subarray(recordStart, i + 1));
          recordStart = -1;
        } else if (depth === 0) {
          break; // the root closed without a record list
        }
      }
    }
    if (isInRecord && recordStart !== -1 && !isOversized) {
      parts.push(chunk.subarray(recordStart));
      partsBytes += chunk.length - recordStart;
      if (partsBytes > MAX_RECORD_BYTES) {
        isOversized = true;
        parts = [];
      }
    }
    if (isRootSeen && depth === 0) break;
  }
  if (isInRecord) {
    yield { recordNumber, text: null, error: 'the file ends inside this record (was it cut short?)' };
  } else if (mode === SEARCHING && isRootSeen) {
    throw new AppError('BAD_REQUEST', 'no list of messages or conversations found in the JSON file');
  }
}

/** A run of 16+ digits after a structural character: a JSON integer that may not fit a double. */
const BIG_INTEGER_PROBE = /[:[,]\s*-?\d{16}/;
/** Strings (skipped whole) or integer literals of 16+ digits outside strings. */
const BIG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;

/**
 * JSON.parse that keeps 16-digit-and-longer integers as strings: Douyin and JD ids are
 * 64-bit and would otherwise be rounded into each other.
 * @throws SyntaxError as JSON.parse does
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  if (BIG_INTEGER_PROBE.test(text)) {
    text = text.replace(BIG_INTEGER, (match, digits: string | undefined) => (digits === undefined ? match : `"${digits}"`));
  }
  return JSON.parse(text);
}

/** How many backslashes come right before `end`, not looking before `from`. */
function backslashesBefore(bytes: Buffer, end: number, from: number): number {
  let count = 0;
  for (let i = end - 1; i >= from && bytes[i] === BACKSLASH; i -= 1) count += 1;
  return count;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object with nested objects flattened into dotted keys; the object itself when nothing is nested. */
function flattenObject(value: Record<string, unknown>, prefix = '', target?: Record<string, unknown>, depth = 0): Record<string, unknown> {
  if (!target && prefix === '') {
    let hasNested = false;
    for (const key in value) {
      if (isPlainObject(value[key])) {
        hasNested = true;
        break;
      }
    }
    if (!hasNested) return value;
  }
  const out = target ?? {};
  for (const key in value) {
    const item = value[key];
    if (isPlainObject(item) && depth < MAX_FLATTEN_DEPTH) flattenObject(item, `${prefix}${key}.`, out, depth + 1);
    else out[prefix + key] = item;
  }
  return out;
}

function findMessageListKey(record: Record<string, unknown>): string | undefined {
  for (const key of MESSAGE_LIST_KEYS) {
    const list = record[key];
    if (Array.isArray(list) && (list.length === 0 || isPlainObject(list[0]))) return key;
  }
  return undefined;
}

/**
 * The rows of one parsed JSON record: itself if it is a message, one per message if it is
 * a conversation (shape 2 above), with the conversation's fields as `conversation.<name>`.
 * @param rowNumber the record's number in the file (JSON-lines line, or list position)
 */
export function* recordToRows(value: unknown, rowNumber: number): Generator<TRawRow> {
  if (!isPlainObject(value)) {
    yield { rowNumber, fields: {}, error: 'record is not an object' };
    return;
  }
  const listKey = findMessageListKey(value);
  if (listKey === undefined) {
    yield { rowNumber, fields: flattenObject(value) };
    return;
  }
  const conversation: Record<string, unknown> = {};
  for (const key in value) {
    if (key === listKey) continue;
    const item = value[key];
    if (isPlainObject(item)) flattenObject(item, `${CONVERSATION_PREFIX}${key}.`, conversation, 1);
    else conversation[CONVERSATION_PREFIX + key] = item;
  }
  const messages = value[listKey] as unknown[];
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index];
    if (!isPlainObject(message)) {
      yield { rowNumber, messageIndex: index + 1, fields: {}, error: 'message is not an object' };
      continue;
    }
    yield { rowNumber, messageIndex: index + 1, fields: Object.assign({}, conversation, flattenObject(message)) };
  }
}

/**
 * The rows of one record's JSON text; a syntax error becomes a row with the error.
 * @param rowNumber the record's number in the file
 */
export function* jsonTextToRows(text: string, rowNumber: number): Generator<TRawRow> {
  let value: unknown;
  try {
    value = parseJsonKeepingBigIntegers(text);
  } catch (error) {
    yield { rowNumber, fields: {}, error: `not valid JSON (${shorten((error as Error).message, 80)})` };
    return;
  }
  yield* recordToRows(value, rowNumber);
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
