import { AppError } from '../errors.js';

/**
 * Which reader a chat-log export needs, told from its name and its first bytes. The bytes
 * win over the extension: chat tools name JSON-lines files `.json` and Excel files get
 * renamed, so the extension only settles what the bytes leave open.
 */

export type TImportFormat = 'csv' | 'jsonl' | 'json' | 'xlsx';
/** The text encodings chat exports arrive in: GB18030 (a superset of GBK) from Chinese desktop tools, UTF-16 from Excel's "Unicode text". */
export type TTextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type TCsvDelimiter = ',' | '\t' | ';';

/** How many bytes of a file the detection looks at. */
export const HEAD_BYTES = 64 * 1024;

const CSV_DELIMITERS: readonly TCsvDelimiter[] = [',', '\t', ';'];

const hasPrefix = (bytes: Buffer, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 container of Excel 97–2003 `.xls`, which exceljs cannot read. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * The encoding of a text file from its first bytes: a byte-order mark if there is one, else
 * UTF-8 when the bytes from the first non-ASCII byte on are valid UTF-8, else GB18030.
 * All-ASCII bytes read the same in both and count as UTF-8.
 * @param bytes the start of the file, or any stretch of it after an all-ASCII start
 */
export function detectEncoding(bytes: Buffer): TTextEncoding {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (hasPrefix(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (hasPrefix(bytes, [0xfe, 0xff])) return 'utf-16be';
  return isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
}

/** Valid UTF-8, allowing a character cut in half at the end (the bytes are only a head). */
function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The CSV field delimiter: the one of comma, tab and semicolon found most often outside
 * quotes in the header line (comma on a tie or when none is found).
 * @param headText the start of the file as text
 */
export function detectCsvDelimiter(headText: string): TCsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  for (const ch of headText) {
    if (ch === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (ch === '\n' || ch === '\r')) break;
    else if (!isQuoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: TCsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * The format of an export: PK zip bytes → xlsx; text starting with `[` → a JSON array;
 * `{` with a complete object on the first line and another `{` line after it → JSON lines;
 * `{` otherwise → one JSON document (pretty-printed or a wrapper object); anything else → CSV.
 * @param fileName the uploaded name; its extension settles a file of one JSON line
 * @param head the first bytes (HEAD_BYTES is plenty)
 * @throws AppError UNSUPPORTED_MEDIA_TYPE for old .xls files and binary files
 */
export function detectFormat(fileName: string, head: Buffer): TImportFormat {
  if (hasPrefix(head, ZIP_MAGIC)) return 'xlsx';
  if (hasPrefix(head, OLE_MAGIC)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is an old Excel file (.xls): save it as .xlsx or CSV and import that`);
  }
  const encoding = detectEncoding(head);
  if (!encoding.startsWith('utf-16') && head.includes(0)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}" is not a CSV, JSON or Excel (.xlsx) file`);
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const text = new TextDecoder(encoding).decode(head);
  const start = text.search(/\S/);
  if (start === -1) return extension === 'json' ? 'json' : extension === 'jsonl' || extension === 'ndjson' ? 'jsonl' : 'csv';
  if (text[start] === '[') return /^\[\s*([[{"\]\d-]|$)/.test(text.slice(start, start + 256)) ? 'json' : 'csv';
  if (text[start] !== '{') return 'csv';
  const lineEnd = text.indexOf('\n', start);
  if (!isJsonObjectText(text.slice(start, lineEnd === -1 ? undefined : lineEnd))) {
    // The first line is not a whole object: a pretty-printed document, or a line longer than the head.
    return lineEnd === -1 && extension !== 'json' ? 'jsonl' : 'json';
  }
  if (lineEnd !== -1 && text.slice(lineEnd + 1).trimStart().startsWith('{')) return 'jsonl';
  return extension === 'json' ? 'json' : 'jsonl';
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
