import { createHash, randomBytes } from 'node:crypto';

/** @returns a 256-bit random token, URL-safe */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** @returns the SHA-256 hex digest stored in place of a token */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
