import { createHash, randomBytes } from 'node:crypto';
import type { TApiToken, TCreatedApiToken } from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { notFound } from '../errors.js';
import { findApiToken, findApiTokens, findDisplayNames, findLiveApiTokenByHash, insertApiToken, revokeApiToken, touchApiToken, type TApiTokenRow } from '../repositories/assist.repository.js';
import { recordAudit } from './audit.service.js';

/**
 * An organisation's API tokens for chat tools (the live-assist stream). The token is shown
 * once when made; only its SHA-256 is stored, so a leaked table leaks no live token.
 * `cdk_` marks a CalmDesk key in secret scanners and logs; 32 random bytes make guessing hopeless.
 */
const TOKEN_MARK = 'cdk_';
/** Characters of the token kept to tell tokens apart: the mark and 8 of the random part. */
const PREFIX_LENGTH = TOKEN_MARK.length + 8;

export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Hooks the stream registers so a revoke closes this instance's open connections at once. */
const revokeListeners = new Set<(tokenId: string) => void>();

/** @returns a function that removes the listener */
export function onApiTokenRevoked(listener: (tokenId: string) => void): () => void {
  revokeListeners.add(listener);
  return () => revokeListeners.delete(listener);
}

function present(row: TApiTokenRow, names: Map<string, string>): TApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy ? { id: row.createdBy, displayName: names.get(row.createdBy) ?? '' } : null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(deps: TDeps, auth: TAuthContext): Promise<{ tokens: TApiToken[] }> {
  const rows = await findApiTokens(deps.db, auth.organisationId);
  const names = await findDisplayNames(deps.db, rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])));
  return { tokens: rows.map((r) => present(r, names)) };
}

/** Makes a token; the secret is in the answer only. Audited. */
export async function createApiToken(deps: TDeps, auth: TAuthContext, name: string, ip: string): Promise<TCreatedApiToken> {
  const secret = `${TOKEN_MARK}${randomBytes(32).toString('base64url')}`;
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertApiToken(tx, { organisationId: auth.organisationId, name, tokenHash: apiTokenHash(secret), prefix: secret.slice(0, PREFIX_LENGTH), createdBy: auth.userId });
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'api_token.created', targetType: 'api_token', targetId: created.id, details: { name, prefix: created.prefix }, ip });
    return created;
  });
  return { token: present(row, new Map([[auth.userId, auth.displayName]])), secret };
}

/** Revokes a token (idempotent); open stream connections using it close. Audited. */
export async function revokeApiTokenById(deps: TDeps, auth: TAuthContext, id: string, ip: string): Promise<TApiToken> {
  const existing = await findApiToken(deps.db, auth.organisationId, id);
  if (!existing) throw notFound('API token');
  const row = await deps.db.transaction(async (tx) => {
    const revoked = await revokeApiToken(tx, id);
    if (!existing.revokedAt) {
      await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'api_token.revoked', targetType: 'api_token', targetId: id, details: { name: existing.name, prefix: existing.prefix }, ip });
    }
    return revoked;
  });
  for (const listener of revokeListeners) listener(id);
  const names = await findDisplayNames(deps.db, row.createdBy ? [row.createdBy] : []);
  return present(row, names);
}

/**
 * The organisation of a live token, or undefined for an unknown or revoked one. Marks it used.
 * @param token the secret as the chat tool sent it
 */
export async function authenticateApiToken(deps: TDeps, token: string): Promise<{ id: string; organisationId: string; organisationName: string } | undefined> {
  if (!token.startsWith(TOKEN_MARK) || token.length > 200) return undefined;
  const found = await findLiveApiTokenByHash(deps.db, apiTokenHash(token));
  if (found) await touchApiToken(deps.db, found.id);
  return found;
}
