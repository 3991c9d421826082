import { peekHead, toByteChunks, type TByteInput } from './byte-stream.js';
import { detectCsvDelimiter, detectEncoding, detectFormat, HEAD_BYTES, type TCsvDelimiter, type TImportFormat, type TTextEncoding } from './formats.js';
import { suggestMapping, type TMappingSuggestion } from './mapping.js';
import { readRows, type TRawRow } from './read-rows.js';

/** What the mapping step shows before an import: the file as read, and a suggested mapping. */
export interface TFilePreview {
  format: TImportFormat;
  /** Text encoding as detected from the head; null for xlsx. */
  encoding: TTextEncoding | null;
  delimiter: TCsvDelimiter | null;
  /** The header row (CSV, XLSX), or every field name of the sample rows in first-seen order (JSON). */
  headers: string[];
  /** The first rows, bad ones included so the user sees what will be rejected. */
  rows: TRawRow[];
  suggested: TMappingSuggestion;
}

/**
 * Reads the start of an export for the mapping step: its format, columns, first rows and
 * a suggested mapping. Stops reading (and closes the input) after maxRows rows, except
 * for an Excel-made .xlsx, whose sheet exceljs must first copy aside (see read-rows.ts).
 * @param input the file's bytes
 * @param fileName the uploaded name (its extension helps tell JSON from JSON lines)
 * @throws AppError when the file is none of the formats or unreadable as its format
 */
export async function previewFile(input: TByteInput, fileName: string, maxRows = 20): Promise<TFilePreview> {
  const { head, all } = await peekHead(toByteChunks(input), HEAD_BYTES);
  try {
    const format = detectFormat(fileName, head);
    const encoding = format === 'xlsx' ? null : detectEncoding(head);
    const delimiter = format === 'csv' ? detectCsvDelimiter(new TextDecoder(encoding ?? 'utf-8').decode(head)) : null;
    let headerRow: string[] | null = null;
    const rows: TRawRow[] = [];
    if (maxRows > 0) {
      const options = { onHeaders: (h: string[]) => (headerRow = h), ...(delimiter ? { delimiter } : {}) };
      for await (const row of readRows(all, format, options)) {
        rows.push(row);
        if (rows.length >= maxRows) break;
      }
    }
    const headers = headerRow ?? collectFieldNames(rows);
    return { format, encoding, delimiter, headers, rows, suggested: suggestMapping(headers, rows) };
  } finally {
    await all.return!(); // closes the input, whether it was read to the end, stopped early or refused
  }
}

function collectFieldNames(rows: readonly TRawRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.fields)) names.add(name);
  return [...names];
}
