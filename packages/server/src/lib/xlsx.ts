import ExcelJS from 'exceljs';

/**
 * One-sheet Excel workbooks for the oversight tables (progress, exam results): a bold, frozen
 * header row, filters on every column, widths fitted to the content (CJK counted double).
 */

export interface TColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null;
  /** Excel number format, e.g. '0%' or 'yyyy-mm-dd'. */
  format?: string;
}

function displayWidth(value: unknown): number {
  const text = value instanceof Date ? '2026-01-01 00:00' : String(value ?? '');
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * Builds the workbook.
 * @returns the .xlsx bytes
 */
export async function buildWorkbook<T>(sheetName: string, columns: TColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CalmDesk';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: Math.min(60, Math.max(displayWidth(c.header), ...rows.slice(0, 500).map((r) => displayWidth(c.value(r)))) + 2),
    ...(c.format ? { style: { numFmt: c.format } } : {}),
  }));
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c, i) => [String(i), c.value(row) ?? null])));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
