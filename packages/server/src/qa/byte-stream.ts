import { detectEncoding, type TTextEncoding } from './formats.js';

/**
 * Byte-stream plumbing shared by the readers: any readable as Buffers, a peek at the head
 * that does not lose it, and text in any supported encoding turned into UTF-8 on the fly.
 */

/** What the readers accept: a Node stream (an upload, a file) or any async iterable of bytes. */
export type TByteInput = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream;

/** How many bytes after the first non-ASCII byte decide the encoding of a file with an all-ASCII start. */
const DECIDE_BYTES = 4096;

/**
 * The input as Buffers.
 * @param onBytesRead called after each chunk with the bytes read so far (for a progress bar)
 */
export async function* toByteChunks(input: TByteInput, onBytesRead?: (bytes: number) => void): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of input as AsyncIterable<Buffer | Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    onBytesRead?.(total);
    yield bytes;
  }
}

/**
 * Reads at least `minBytes` (or all, if shorter) and gives them back with a stream that
 * still starts at the beginning. Closing that stream (return(), or stopping a for-await
 * over it) closes the input, even if it was never read.
 * @returns the head, and the whole input again
 */
export async function peekHead(source: AsyncIterable<Buffer>, minBytes: number): Promise<{ head: Buffer; all: AsyncIterableIterator<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let isDone = false;
  while (length < minBytes) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  let isHeadSent = head.length === 0;
  const all: AsyncIterableIterator<Buffer> = {
    [Symbol.asyncIterator]: () => all,
    async next() {
      if (!isHeadSent) {
        isHeadSent = true;
        return { value: head, done: false };
      }
      if (isDone) return { value: undefined, done: true };
      const next = await iterator.next();
      if (next.done) isDone = true;
      return next;
    },
    async return() {
      isHeadSent = true;
      if (!isDone) {
        isDone = true;
        await iterator.return?.();
      }
      return { value: undefined, done: true };
    },
  };
  return { head, all };
}

/**
 * Text bytes as UTF-8 bytes. UTF-8 passes through untouched (BOM included, csv-parse and
 * the JSON readers drop it); GB18030 and UTF-16 are decoded and re-encoded. Without a given
 * encoding it is decided where the first non-ASCII byte appears, so a GB18030 file whose
 * first 64 KB happen to be ASCII is still read right.
 * @param encoding a known encoding, or undefined to detect it
 */
export async function* toUtf8Chunks(source: AsyncIterable<Buffer>, encoding?: TTextEncoding): AsyncGenerator<Buffer> {
  let decided: TTextEncoding | undefined = encoding;
  let decoder = decided && decided !== 'utf-8' ? new TextDecoder(decided) : undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const decide = () => {
    const window = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    decided = detectEncoding(window);
    if (decided !== 'utf-8') decoder = new TextDecoder(decided);
    return window;
  };
  const convert = (bytes: Buffer) => (decoder ? Buffer.from(decoder.decode(bytes, { stream: true }), 'utf8') : bytes);
  let isStart = true;
  for await (const chunk of source) {
    if (decided) {
      yield convert(chunk);
      continue;
    }
    if (isStart && chunk.length > 0) {
      isStart = false;
      if (chunk[0]! >= 0x80) {
        // A byte-order mark or a non-ASCII first byte: decide on this chunk.
        pending.push(chunk);
        pendingBytes = chunk.length;
        if (pendingBytes >= DECIDE_BYTES) yield convert(decide());
        continue;
      }
    }
    if (pendingBytes === 0) {
      const first = indexOfNonAscii(chunk);
      if (first === -1) {
        yield chunk;
        continue;
      }
      if (first > 0) yield chunk.subarray(0, first);
      pending.push(chunk.subarray(first));
      pendingBytes = chunk.length - first;
    } else {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
    if (pendingBytes >= DECIDE_BYTES) yield convert(decide());
  }
  if (pendingBytes > 0) yield convert(decide());
  if (decoder) {
    const tail = decoder.decode();
    if (tail) yield Buffer.from(tail, 'utf8');
  }
}

function indexOfNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i]! >= 0x80) return i;
  return -1;
}
