/** Column names and row objects shared by the CSV and Excel readers. */

/**
 * Column names from a header row: trimmed, a blank name becomes `column_<n>`, a repeated
 * name gets `_2`, `_3` so no column hides another.
 */
export function buildHeaders(cells: readonly unknown[]): string[] {
  const seen = new Set<string>();
  // Array.from, not map: an Excel header row is sparse, and map would skip its holes.
  return Array.from(cells, (cell, index) => {
    let name = String(cell ?? '').replace(/^\uFEFF/, '').trim();
    if (name === '') name = `column_${index + 1}`;
    let unique = name;
    for (let n = 2; seen.has(unique); n += 1) unique = `${name}_${n}`;
    seen.add(unique);
    return unique;
  });
}

/**
 * A row object from header names and cell values; cells beyond the header (a row with an
 * extra delimiter) stay visible as `column_<n>` instead of vanishing.
 * @param offset where the first column's value is (exceljs rows start at 1)
 */
export function toFields(headers: readonly string[], values: readonly unknown[], offset = 0): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < headers.length; i += 1) fields[headers[i]!] = values[i + offset] ?? null;
  for (let i = headers.length + offset; i < values.length; i += 1) {
    if (values[i] !== undefined && values[i] !== '') fields[`column_${i + 1 - offset}`] = values[i];
  }
  return fields;
}
