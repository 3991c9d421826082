import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { notifications } from '../db/schema.js';

/**
 * In-app notices (the bell in the header): survey invitations and reminders, absence
 * warnings, plan decisions, escalations. Any service may send one; only the addressee reads it.
 */

export type TNotice = {
  kind: string;
  title: { zh: string; en: string };
  body?: { zh?: string; en?: string };
  /** Path in the web app a click opens, e.g. /operations/surveys/<id>. */
  link?: string | null;
};

/**
 * Sends one notice to each of these people (duplicates in the list are sent once).
 * @param db the database or the caller's transaction, so a notice is sent only if the work it announces commits
 * @returns how many notices were written
 */
export async function notify(db: TDb, organisationId: string, userIds: readonly string[], notice: TNotice): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = unique.map((userId) => ({ organisationId, userId, kind: notice.kind, title: notice.title, body: notice.body ?? {}, link: notice.link ?? null }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(notifications).values(rows.slice(i, i + 1000));
  return unique.length;
}

const own = (auth: TAuthContext) => and(eq(notifications.userId, auth.userId), eq(notifications.organisationId, auth.organisationId));

export async function listNotifications(deps: TDeps, auth: TAuthContext, query: { isUnreadOnly: 'true' | 'false'; limit: number }) {
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(and(own(auth), query.isUnreadOnly === 'true' ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(query.limit);
  const unread = await deps.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(own(auth), isNull(notifications.readAt)));
  return {
    unread: unread[0]?.n ?? 0,
    notifications: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title as { zh: string; en: string },
      body: row.body as { zh?: string; en?: string },
      link: row.link,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** Marks the caller's notices read: these ids, or all of them. Someone else's ids are ignored. */
export async function markNotificationsRead(deps: TDeps, auth: TAuthContext, ids: string[] | undefined) {
  await deps.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(own(auth), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.length > 0 ? ids : ['00000000-0000-4000-8000-000000000000']) : undefined));
  return listNotifications(deps, auth, { isUnreadOnly: 'false', limit: 30 });
}
