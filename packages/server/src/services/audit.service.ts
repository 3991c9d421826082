import type { TDeps } from '../context.js';
import { findAuditEntries, insertAuditEntry, type TAuditInput } from '../repositories/audit.repository.js';

/**
 * Records a sensitive action. Audit writes must never be silently lost, so a failure
 * propagates and fails the request rather than letting the action pass unrecorded.
 */
export async function recordAudit(deps: Pick<TDeps, 'db'>, entry: TAuditInput): Promise<void> {
  await insertAuditEntry(deps.db, entry);
}

/** Audit entries of one organisation, newest first. */
export async function listAuditEntries(deps: TDeps, organisationId: string, query: { action?: string | undefined; page: number; pageSize: number }) {
  const { rows, total } = await findAuditEntries(deps.db, organisationId, {
    action: query.action,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    entries: rows.map((r) => ({
      id: r.id,
      action: r.action,
      actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? '' } : null,
      targetType: r.targetType,
      targetId: r.targetId,
      details: r.details as Record<string, unknown>,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
