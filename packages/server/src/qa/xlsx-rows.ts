import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { buildHeaders, toFields } from './columns.js';
import type { TRawRow } from './read-rows.js';

/**
 * Excel (.xlsx) exports through exceljs's streaming WorkbookReader: the first visible tab,
 * its first non-empty row as the header.
 *
 * Memory: every string cell of an xlsx is an index into one shared-strings table, so the
 * table must be held while the sheet is read. exceljs would keep it as a million JS
 * strings, each a slice that pins the XML chunk it was cut from (about 150 MB for a million
 * messages); here it is one UTF-16 buffer (about 75 MB). exceljs parks the sheet in a
 * temporary file until the table has been read, as Excel writes the sheet first.
 */

/**
 * What exceljs 4.4's WorkbookReader.parse() yields (its types say `any`). With
 * sharedStrings 'emit' a shared string comes bare, as `{ index, text }`, not wrapped in an
 * event like the others.
 */
type TWorkbookEvent =
  | { index: number; text: unknown; eventType?: undefined }
  | { eventType: 'worksheet'; value: TWorksheetReader }
  | { eventType: 'hyperlinks'; value: unknown };
type TWorksheetReader = AsyncIterable<ExcelJS.Row> & { name?: string };
/** The workbook's tabs in order, known once workbook.xml has been read (before any sheet, see above). */
type TWorkbookModel = { model?: { sheets?: { name: string; state?: string }[] } };

/** The name of the first tab a user sees (hidden ones skipped), or undefined if the workbook does not say. */
function findFirstTabName(workbook: TWorkbookModel): string | undefined {
  return workbook.model?.sheets?.find((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden')?.name;
}

/** Strings by index, kept as UTF-16 code units in one growing buffer. */
export interface TStringTable {
  add: (text: string) => void;
  get: (index: number) => string | undefined;
  readonly size: number;
}

/** An empty string table. */
export function createStringTable(): TStringTable {
  let data = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  let ends = new Uint32Array(1 << 14);
  let count = 0;
  return {
    add(text) {
      const bytes = text.length * 2;
      if (used + bytes > data.length) {
        const grown = Buffer.allocUnsafe(Math.max(data.length * 2, used + bytes));
        data.copy(grown, 0, 0, used);
        data = grown;
      }
      data.write(text, used, 'utf16le');
      used += bytes;
      if (count === ends.length) {
        const grown = new Uint32Array(ends.length * 2);
        grown.set(ends);
        ends = grown;
      }
      ends[count] = used;
      count += 1;
    },
    get(index) {
      if (!(index >= 0 && index < count)) return undefined;
      return data.toString('utf16le', index === 0 ? 0 : ends[index - 1]!, ends[index]!);
    },
    get size() {
      return count;
    },
  };
}

/** A cell as a plain value: shared strings looked up, rich text joined, a formula's result, a link's text; errors are empty. */
function toPlainCellValue(value: unknown, strings: TStringTable): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value ?? null;
  const cell = value as { sharedString?: number; richText?: { text?: string }[]; result?: unknown; text?: unknown };
  if (typeof cell.sharedString === 'number') return strings.get(cell.sharedString) ?? null;
  if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
  if ('result' in cell) return toPlainCellValue(cell.result, strings);
  if ('text' in cell) return toPlainCellValue(cell.text, strings);
  return null;
}

const isBlankCell = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The rows of the first worksheet.
 * @param onHeaders called with the header row's names before the first row
 * @throws AppError BAD_REQUEST when the bytes are not a readable xlsx
 */
export async function* readXlsxRows(chunks: AsyncIterable<Buffer>, onHeaders?: (headers: string[]) => void): AsyncGenerator<TRawRow> {
  const input = Readable.from(chunks);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'emit',
    // Styles tell date cells from numbers; exceljs then gives Date values.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const strings = createStringTable();
  try {
    // parse() sends every shared string before the first worksheet (it defers sheets until the table is read).
    for await (const event of workbook.parse() as unknown as AsyncIterable<TWorkbookEvent>) {
      if (event.eventType === undefined) {
        const text = toPlainCellValue(event.text, strings);
        strings.add(typeof text === 'string' ? text : '');
        continue;
      }
      if (event.eventType !== 'worksheet') continue;
      const firstTab = findFirstTabName(workbook as unknown as TWorkbookModel);
      if (firstTab !== undefined && event.value.name !== firstTab) {
        for await (const _ of event.value); // a hidden or later tab stored first in the zip: read past it
        continue;
      }
      let headers: string[] | null = null;
      let headerRowNumber = 0;
      for await (const row of event.value) {
        const values = (row.values as unknown[]).map((v) => toPlainCellValue(v, strings)); // 1-based: values[0] is empty
        if (values.every(isBlankCell)) continue;
        if (headers === null) {
          headers = buildHeaders(values.slice(1));
          headerRowNumber = row.number;
          onHeaders?.(headers);
          continue;
        }
        yield { rowNumber: row.number - headerRowNumber, fields: toFields(headers, values, 1) };
      }
      break; // the first tab only
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BAD_REQUEST', `unreadable Excel file (${(error as Error).message})`);
  } finally {
    input.destroy();
  }
}
