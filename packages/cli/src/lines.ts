import type { Readable } from 'node:stream';

/** Longest input line the analysis commands accept; longer lines get an error line and are skipped. */
export const MAX_LINE_BYTES = 1_048_576;

export type TLine = { number: number; text: string } | { number: number; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits a byte stream into lines without holding more than one line (up to
 * MAX_LINE_BYTES) in memory, so a 1 GB input streams. Each line is decoded strictly:
 * invalid UTF-8 becomes an error for that line only.
 */
export async function* readLines(input: Readable): AsyncGenerator<TLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let isOversize = false;
  let number = 0;
  const finish = (): TLine => {
    number += 1;
    if (isOversize) return { number, error: `line longer than ${MAX_LINE_BYTES} bytes (1 MiB); skipped` };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      return { number, text: decoder.decode(bytes) };
    } catch {
      return { number, error: 'invalid UTF-8' };
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(10, from);
      const end = newline === -1 ? chunk.length : newline;
      if (end > from && !isOversize) {
        if (size + (end - from) > MAX_LINE_BYTES) {
          isOversize = true;
          parts = [];
        } else {
          parts.push(chunk.subarray(from, end));
          size += end - from;
        }
      }
      if (newline === -1) break;
      yield finish();
      parts = [];
      size = 0;
      isOversize = false;
      from = newline + 1;
    }
  }
  if (size > 0 || isOversize) yield finish();
}
