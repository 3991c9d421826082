import { and, count, desc, eq } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { auditLog, users } from '../db/schema.js';

export type TAuditInput = {
  organisationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string;
};

/** Appends one entry; the log is append-only (no update or delete path exists). */
export async function insertAuditEntry(db: TDb, entry: TAuditInput): Promise<void> {
  await db.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}

export async function findAuditEntries(
  db: TDb,
  organisationId: string,
  filter: { action?: string | undefined; limit: number; offset: number },
) {
  const where = and(eq(auditLog.organisationId, organisationId), filter.action ? eq(auditLog.action, filter.action) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actorId: auditLog.actorUserId,
        actorName: users.displayName,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        details: auditLog.details,
        ip: auditLog.ip,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}
