import type { TRole } from '@calmdesk/shared';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDb } from '../db/client.js';
import { loginThrottle, memberships, sessions, users } from '../db/schema.js';
import { hashToken } from '../lib/tokens.js';

/**
 * Looks up a live session and the caller's roles in its organisation. A session dies with
 * its expiry, the membership's deactivation or removal.
 * @returns the caller, or null
 */
export async function findSessionByToken(db: TDb, token: string): Promise<TAuthContext | null> {
  if (token.length > 100) return null;
  const tokenHash = hashToken(token);
  const rows = await db
    .select({
      userId: sessions.userId,
      organisationId: sessions.organisationId,
      csrfToken: sessions.csrfToken,
      roles: memberships.roles,
      login: users.login,
      displayName: users.displayName,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organisationId, sessions.organisationId)),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), eq(memberships.isActive, true)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { ...row, roles: row.roles as TRole[], tokenHash };
}

export async function insertSession(
  db: TDb,
  values: { tokenHash: string; userId: string; organisationId: string; csrfToken: string; expiresAt: Date; ip: string; userAgent: string | undefined },
): Promise<void> {
  await db.insert(sessions).values({ ...values, userAgent: values.userAgent?.slice(0, 300) ?? null });
}

export async function updateSessionOrganisation(db: TDb, tokenHash: string, organisationId: string): Promise<void> {
  await db.update(sessions).set({ organisationId }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: TDb, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, optionally keeping the current one (password change). */
export async function deleteUserSessions(db: TDb, userId: string, keepTokenHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepTokenHash ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: TDb): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ h: sessions.tokenHash });
  return deleted.length;
}

/**
 * Counts one login attempt for a key in the current one-minute window, atomically, so
 * several app instances share the limit.
 * @returns attempts in the window including this one
 */
export async function countLoginAttempt(db: TDb, key: string): Promise<number> {
  const rows = await db
    .insert(loginThrottle)
    .values({ key, windowStart: sql`now()`, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${loginThrottle.windowStart} < now() - interval '1 minute' THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${loginThrottle.windowStart} < now() - interval '1 minute' THEN now() ELSE ${loginThrottle.windowStart} END`,
      },
    })
    .returning({ attempts: loginThrottle.attempts });
  return rows[0]?.attempts ?? 1;
}

export async function deleteStaleLoginThrottles(db: TDb): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.windowStart, sql`now() - interval '10 minutes'`));
}
