import { Readable, pipeline } from 'node:stream';
import { parse as createCsvParser, type CsvError } from 'csv-parse';
import { peekHead, toByteChunks, toUtf8Chunks, type TByteInput } from './byte-stream.js';
import { detectCsvDelimiter, HEAD_BYTES, type TCsvDelimiter, type TImportFormat, type TTextEncoding } from './formats.js';
import { buildHeaders, toFields } from './columns.js';
import { jsonTextToRows, MAX_RECORD_BYTES, splitJsonRecords } from './json-records.js';
import { readXlsxRows } from './xlsx-rows.js';

/**
 * Streaming readers for chat-log exports: rows come out one at a time while the file
 * streams in, so memory stays flat however big the file is. A bad record becomes a row
 * with an `error` and reading goes on; only a file that is not what its format says
 * (no JSON list, a broken zip) throws.
 *
 * Row numbers, for error reports the user can find in the file (first data record = 1):
 * - CSV: the record number after the header; a quoted line break keeps one record, so it
 *   matches the row Excel shows, minus the header row;
 * - XLSX: the sheet's row number minus the header's (header in row 1: Excel row − 1);
 * - JSON lines: the line number; JSON: the position in the record list. When a record is a
 *   conversation, each of its messages carries the record's number and `messageIndex`.
 * See json-records.ts for the JSON shapes that are understood.
 */

// A type, not an interface, so a row also passes as a plain Record<string, unknown>.
export type TRawRow = {
  /** 1-based number of the record in the file, header excluded (see above). */
  rowNumber: number;
  /** 1-based place of the message in its conversation record (nested JSON only). */
  messageIndex?: number;
  /** Column name → value: strings from CSV, JSON values, cell values (Date for date cells) from Excel. */
  fields: Record<string, unknown>;
  /** Why the record could not be read (bad JSON line, broken CSV quoting); fields is then empty. */
  error?: string;
};

export interface TReadRowsOptions {
  /** Text encoding of CSV and JSON files; detected from the bytes when left out. */
  encoding?: TTextEncoding;
  /** CSV field delimiter; detected from the header line when left out. */
  delimiter?: TCsvDelimiter;
  /** Called once with the header row's column names (CSV and XLSX), before the first row. */
  onHeaders?: (headers: string[]) => void;
  /** Called after each chunk with the bytes read so far: progress against the file size. */
  onBytesRead?: (bytes: number) => void;
}

/**
 * A CSV record longer than this (in characters) is rejected: an unclosed quote would
 * otherwise swallow the rest of the file. Far above the 20,000-character message limit.
 */
const MAX_CSV_RECORD_CHARS = 1_000_000;
const LINE_FEED = 0x0a;

/**
 * The rows of an export, streamed.
 * @param input the file's bytes
 * @param format from detectFormat
 * @returns rows in file order; bad records as rows with `error`
 * @throws AppError BAD_REQUEST when the file cannot be read as the format at all
 */
export async function* readRows(input: TByteInput, format: TImportFormat, options: TReadRowsOptions = {}): AsyncGenerator<TRawRow> {
  const bytes = toByteChunks(input, options.onBytesRead);
  switch (format) {
    case 'xlsx':
      yield* readXlsxRows(bytes, options.onHeaders);
      return;
    case 'csv':
      yield* readCsvRows(toUtf8Chunks(bytes, options.encoding), options);
      return;
    case 'jsonl':
      yield* readJsonLineRows(toUtf8Chunks(bytes, options.encoding));
      return;
    case 'json':
      for await (const record of splitJsonRecords(toUtf8Chunks(bytes, options.encoding))) {
        if (record.text === null) yield { rowNumber: record.recordNumber, fields: {}, error: record.error ?? 'unreadable record' };
        else yield* jsonTextToRows(record.text, record.recordNumber);
      }
      return;
  }
}

async function* readCsvRows(chunks: AsyncIterable<Buffer>, options: TReadRowsOptions): AsyncGenerator<TRawRow> {
  const { head, all } = await peekHead(chunks, HEAD_BYTES);
  const delimiter = options.delimiter ?? detectCsvDelimiter(head.toString('utf8'));
  // A broken record is reported through on_skip while parsing runs ahead of this loop; it
  // carries the count of good records before it, which puts it back in file order here.
  // (on_record could number records as they are parsed, but csv-parse then builds an info
  // object per record, which costs a quarter of the reading time.)
  const broken: { after: number; reason: string }[] = [];
  const parser = createCsvParser({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
    on_skip: (error: CsvError | undefined) => {
      const after = typeof error?.['records'] === 'number' ? error['records'] : Number.MAX_SAFE_INTEGER;
      broken.push({ after, reason: `unreadable CSV record (${error?.message ?? 'parse error'})` });
      return undefined;
    },
  });
  // pipeline destroys the source when the consumer stops early; its errors reach the loop through the parser.
  pipeline(Readable.from(all), parser, () => undefined);
  let headers: string[] | null = null;
  let parsed = 0; // records csv-parse returned, header included
  let recordCount = 0; // data records, blank and broken ones included, so numbers match the file
  for await (const record of parser as AsyncIterable<string[]>) {
    parsed += 1;
    while (broken.length > 0 && broken[0]!.after < parsed) {
      recordCount += 1;
      yield { rowNumber: recordCount, fields: {}, error: broken.shift()!.reason };
    }
    if (headers === null) {
      headers = buildHeaders(record);
      options.onHeaders?.(headers);
      continue;
    }
    recordCount += 1;
    if (!isBlankRecord(record)) yield { rowNumber: recordCount, fields: toFields(headers, record) };
  }
  for (const { reason } of broken) {
    recordCount += 1;
    yield { rowNumber: recordCount, fields: {}, error: reason };
  }
}

function isBlankRecord(record: readonly string[]): boolean {
  for (const value of record) if (value.trim() !== '') return false;
  return true;
}

async function* readJsonLineRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<TRawRow> {
  let lineNumber = 0;
  let parts: Buffer[] = [];
  let partsBytes = 0;
  let isOversized = false;
  function* finishLine(last: Buffer): Generator<TRawRow> {
    lineNumber += 1;
    if (isOversized || partsBytes + last.length > MAX_RECORD_BYTES) {
      yield { rowNumber: lineNumber, fields: {}, error: `line longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB` };
    } else {
      const line = parts.length === 0 ? last : Buffer.concat([...parts, last]);
      let text = line.toString('utf8');
      if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      text = text.trim();
      if (text !== '') yield* jsonTextToRows(text, lineNumber);
    }
    parts = [];
    partsBytes = 0;
    isOversized = false;
  }
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(LINE_FEED); end !== -1; end = chunk.indexOf(LINE_FEED, start)) {
      yield* finishLine(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length && !isOversized) {
      parts.push(chunk.subarray(start));
      partsBytes += chunk.length - start;
      if (partsBytes > MAX_RECORD_BYTES) {
        isOversized = true;
        parts = [];
      }
    }
  }
  if (parts.length > 0 || isOversized) yield* finishLine(Buffer.alloc(0));
}
