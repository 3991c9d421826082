import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';

/**
 * Raw uploads (application/octet-stream) reach routes as the request stream itself, so a
 * large import can be passed on piece by piece instead of being held in memory.
 */

/**
 * Reads a whole upload that is known to be small.
 * @param limit bytes allowed; more is refused with 413 before the rest is read
 * @returns the bytes
 */
export async function readBodyLimited(body: unknown, limit: number): Promise<Buffer> {
  if (Buffer.isBuffer(body)) {
    if (body.length > limit) throw tooLarge(limit);
    return body;
  }
  if (!isReadable(body)) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += piece.length;
    if (size > limit) {
      body.destroy();
      throw tooLarge(limit);
    }
    parts.push(piece);
  }
  return Buffer.concat(parts);
}

/**
 * The upload as a stream of pieces.
 * @returns an async iterable of buffers (empty when there is no body)
 */
export async function* bodyPieces(body: unknown): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(body)) {
    if (body.length > 0) yield body;
    return;
  }
  if (!isReadable(body)) return;
  for await (const chunk of body) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
}

function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value && typeof (value as Readable).destroy === 'function';
}

function tooLarge(limit: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The upload is larger than ${Math.round(limit / 1024 / 1024)} MB`);
}
