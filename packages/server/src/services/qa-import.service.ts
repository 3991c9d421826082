import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { qaImportChunks, qaImportRejects, qaImports, qaSettings, qaSources } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { TColumnMappingInput } from '@calmdesk/shared';
import { previewFile } from '../qa/preview.js';
import { recordAudit } from './audit.service.js';

/**
 * Chat-log imports (SPEC §2.9), the part people drive: upload a file, look at its first rows
 * with a suggested column mapping, start the import, follow it, cancel it, read the rejected
 * rows. The work itself is done by the job runner (qa-job.service.ts) on any app instance.
 */

/** Pieces the upload is stored in: small enough to hold one in memory, big enough to be few. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;
/** The largest file accepted (1,000,000 messages of a chat export is about 150–250 MB). */
export const IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

export type TImportStatus = 'uploading' | 'uploaded' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * Stores an uploaded file in 1 MB pieces as it arrives (never the whole file in memory).
 * @returns the new import, status "uploaded"
 */
export async function storeUpload(deps: TDeps, auth: TAuthContext, fileName: string, pieces: AsyncIterable<Buffer>, ip: string) {
  const name = fileName.trim().split(/[\\/]/).pop()!.slice(0, 200);
  if (!/\.(csv|txt|tsv|json|jsonl|ndjson|xlsx)$/i.test(name)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${name}": CalmDesk imports .csv, .json, .jsonl and .xlsx exports`);
  }
  const created = await deps.db.insert(qaImports).values({ organisationId: auth.organisationId, fileName: name, createdBy: auth.userId }).returning({ id: qaImports.id });
  const importId = created[0]!.id;
  let seq = 0;
  let size = 0;
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const flush = async () => {
    if (pendingSize === 0) return;
    await deps.db.insert(qaImportChunks).values({ importId, seq, bytes: Buffer.concat(pending, pendingSize) });
    seq += 1;
    pending = [];
    pendingSize = 0;
  };
  try {
    for await (const piece of pieces) {
      size += piece.length;
      if (size > IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Imports may be up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split the export`);
      let offset = 0;
      while (offset < piece.length) {
        const take = Math.min(piece.length - offset, IMPORT_CHUNK_BYTES - pendingSize);
        pending.push(piece.subarray(offset, offset + take));
        pendingSize += take;
        offset += take;
        if (pendingSize === IMPORT_CHUNK_BYTES) await flush();
      }
    }
    await flush();
  } catch (error) {
    // Nothing half-uploaded stays behind.
    await deps.db.delete(qaImports).where(eq(qaImports.id, importId));
    throw error;
  }
  if (size === 0) {
    await deps.db.delete(qaImports).where(eq(qaImports.id, importId));
    throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body', message: 'empty' }]);
  }
  await deps.db.update(qaImports).set({ status: 'uploaded', sizeBytes: size }).where(eq(qaImports.id, importId));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.import_uploaded', targetType: 'qa_import', targetId: importId, details: { fileName: name, size }, ip });
  return getImport(deps, auth, importId);
}

/**
 * The stored file as a stream of its pieces, read one at a time.
 * @param fromByte skip this many bytes (a preview reads only the start)
 */
export async function* readImportFile(db: TDb, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const rows = await db.select({ bytes: qaImportChunks.bytes }).from(qaImportChunks).where(and(eq(qaImportChunks.importId, importId), eq(qaImportChunks.seq, seq))).limit(1);
    if (rows.length === 0) return;
    yield rows[0]!.bytes;
  }
}

async function findImportRow(db: TDb, organisationId: string, importId: string) {
  const row = (await db.select().from(qaImports).where(and(eq(qaImports.organisationId, organisationId), eq(qaImports.id, importId))).limit(1))[0];
  if (!row) throw notFound('Import');
  return row;
}

/**
 * Seconds left, from the pace so far: rows while reading the file, conversations while analysing.
 * @returns null until there is a pace to go by
 */
export function estimateSecondsLeft(row: Pick<typeof qaImports.$inferSelect, 'status' | 'phase' | 'startedAt' | 'sizeBytes' | 'rowsRead' | 'conversationsTotal' | 'conversationsDone' | 'conversationsSkipped'>, now = Date.now()): number | null {
  if (row.status !== 'running' || !row.startedAt) return null;
  const elapsed = (now - row.startedAt.getTime()) / 1000;
  const progress = importProgress(row);
  if (progress <= 0.01 || elapsed < 1) return null;
  return Math.max(0, Math.round((elapsed / progress) * (1 - progress)));
}

/**
 * Share of the work done, 0–1: reading the file counts for the first 40 %, analysing for the rest.
 * While reading, the share of rows is estimated from bytes (rows are unknown until the end).
 */
export function importProgress(row: Pick<typeof qaImports.$inferSelect, 'status' | 'phase' | 'sizeBytes' | 'rowsRead' | 'conversationsTotal' | 'conversationsDone' | 'conversationsSkipped'>): number {
  if (row.status === 'done') return 1;
  if (row.phase === 'analysing') {
    const total = Math.max(1, row.conversationsTotal);
    return 0.4 + 0.6 * Math.min(1, (row.conversationsDone + row.conversationsSkipped) / total);
  }
  if (row.phase === 'staging') {
    // About 150 bytes per message in chat exports: good enough to move the bar.
    const estimatedRows = Math.max(1, row.sizeBytes / 150);
    return 0.4 * Math.min(0.99, row.rowsRead / estimatedRows);
  }
  return 0;
}

function present(row: typeof qaImports.$inferSelect, sourceName: string | null) {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    sizeBytes: row.sizeBytes,
    source: row.sourceId ? { id: row.sourceId, name: sourceName ?? '' } : null,
    status: row.status as TImportStatus,
    phase: row.phase as 'staging' | 'analysing' | null,
    progress: Math.round(importProgress(row) * 1000) / 1000,
    secondsLeft: estimateSecondsLeft(row),
    rowsRead: row.rowsRead,
    rowsRejected: row.rowsRejected,
    conversationsTotal: row.conversationsTotal,
    conversationsDone: row.conversationsDone,
    conversationsSkipped: row.conversationsSkipped,
    isCancelRequested: row.isCancelRequested,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function getImport(deps: TDeps, auth: TAuthContext, importId: string) {
  const row = await findImportRow(deps.db, auth.organisationId, importId);
  const source = row.sourceId ? (await deps.db.select({ name: qaSources.name }).from(qaSources).where(eq(qaSources.id, row.sourceId)).limit(1))[0] : undefined;
  return present(row, source?.name ?? null);
}

export async function listImports(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select({ row: qaImports, sourceName: qaSources.name })
    .from(qaImports)
    .leftJoin(qaSources, eq(qaSources.id, qaImports.sourceId))
    .where(eq(qaImports.organisationId, auth.organisationId))
    .orderBy(desc(qaImports.createdAt))
    .limit(200);
  return { imports: rows.map((r) => present(r.row, r.sourceName)) };
}

/** Asks the job to stop after its current batch; an import not started yet stops at once. */
export async function cancelImport(deps: TDeps, auth: TAuthContext, importId: string, ip: string) {
  const row = await findImportRow(deps.db, auth.organisationId, importId);
  if (['done', 'failed', 'cancelled'].includes(row.status)) throw new AppError('CONFLICT', `The import has ended (${row.status})`);
  if (row.status === 'running') await deps.db.update(qaImports).set({ isCancelRequested: true }).where(eq(qaImports.id, row.id));
  else await deps.db.update(qaImports).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(qaImports.id, row.id));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.import_cancelled', targetType: 'qa_import', targetId: row.id, ip });
  return getImport(deps, auth, row.id);
}

export async function listRejects(deps: TDeps, auth: TAuthContext, importId: string, page: { offset: number; limit: number }) {
  const row = await findImportRow(deps.db, auth.organisationId, importId);
  const rejects = await deps.db
    .select({ rowNumber: qaImportRejects.rowNumber, messageIndex: qaImportRejects.messageIndex, reason: qaImportRejects.reason })
    .from(qaImportRejects)
    .where(eq(qaImportRejects.importId, row.id))
    .orderBy(asc(qaImportRejects.ordinal))
    .offset(page.offset)
    .limit(page.limit);
  return { total: row.rowsRejected, stored: Math.min(row.rowsRejected, REJECTS_STORED), rejects };
}

/** Rejected rows kept per import (all are counted). */
export const REJECTS_STORED = 10_000;

export async function qaSettingsOf(db: TDb, organisationId: string) {
  const row = (await db.select().from(qaSettings).where(eq(qaSettings.organisationId, organisationId)).limit(1))[0];
  return { isMaskingEnabled: row?.isMaskingEnabled ?? true, retentionDays: row?.retentionDays ?? null, coachingThreshold: row?.coachingThreshold ?? 60 };
}

export async function findOrCreateSource(db: TDb, organisationId: string, name: string): Promise<string> {
  await db.insert(qaSources).values({ organisationId, name }).onConflictDoNothing({ target: [qaSources.organisationId, qaSources.name] });
  const row = (await db.select({ id: qaSources.id }).from(qaSources).where(and(eq(qaSources.organisationId, organisationId), eq(qaSources.name, name))).limit(1))[0]!;
  return row.id;
}

export async function listSources(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select({ id: qaSources.id, name: qaSources.name, mapping: qaSources.mapping, conversations: sql<number>`(select count(*)::int from qa_conversations c where c.source_id = "qa_sources"."id")` })
    .from(qaSources)
    .where(eq(qaSources.organisationId, auth.organisationId))
    .orderBy(asc(qaSources.name));
  return { sources: rows };
}

/** The start of the file: format, columns, first rows and a suggested mapping, plus the mappings remembered per source. */
export async function previewImport(deps: TDeps, auth: TAuthContext, importId: string) {
  const row = await findImportRow(deps.db, auth.organisationId, importId);
  if (row.status === 'uploading') throw new AppError('CONFLICT', 'The file is still uploading');
  const preview = await previewFile(readImportFile(deps.db, row.id), row.fileName, 20);
  if (row.format !== preview.format) await deps.db.update(qaImports).set({ format: preview.format }).where(eq(qaImports.id, row.id));
  const sources = await deps.db.select({ id: qaSources.id, name: qaSources.name, mapping: qaSources.mapping }).from(qaSources).where(eq(qaSources.organisationId, auth.organisationId)).orderBy(asc(qaSources.name));
  return { format: preview.format, headers: preview.headers, rows: preview.rows, suggested: preview.suggested, sources: sources.map((s) => ({ ...s, mapping: (s.mapping ?? null) as TColumnMappingInput | null })) };
}

/**
 * Queues the import with its mapping, after checking every mapped column exists in the file.
 * The mapping is remembered for the source, so the next file from the same tool is one click.
 */
export async function startImport(deps: TDeps, auth: TAuthContext, importId: string, input: { sourceName: string; mapping: TColumnMappingInput }, ip: string) {
  const row = await findImportRow(deps.db, auth.organisationId, importId);
  if (row.status !== 'uploaded') throw new AppError('CONFLICT', `The import has been started already (${row.status})`);
  const preview = await previewFile(readImportFile(deps.db, row.id), row.fileName, 5);
  const headers = new Set(preview.headers);
  // A JSON export may name a field first far into the file (the preview sees only its start): there only the three required columns are checked.
  const isJson = preview.format === 'json' || preview.format === 'jsonl';
  const required = new Set(['conversationId', 'role', 'text']);
  const missing = Object.entries(input.mapping).filter(([key, column]) => key !== 'roleValues' && typeof column === 'string' && !headers.has(column) && (!isJson || required.has(key)));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `The file has no column ${missing.map(([, c]) => `"${String(c)}"`).join(', ')}`, missing.map(([key, column]) => ({ path: `mapping.${key}`, message: `no column "${String(column)}" in the file` })));
  }
  const sourceId = await findOrCreateSource(deps.db, auth.organisationId, input.sourceName);
  await deps.db.transaction(async (tx) => {
    await tx.update(qaSources).set({ mapping: input.mapping }).where(eq(qaSources.id, sourceId));
    await tx.update(qaImports).set({ status: 'queued', sourceId, mapping: input.mapping, format: preview.format }).where(eq(qaImports.id, row.id));
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.import_started', targetType: 'qa_import', targetId: row.id, details: { source: input.sourceName }, ip });
  return getImport(deps, auth, row.id);
}

/** Changes the organisation's QA settings (admins: masking and retention are data-protection decisions). */
export async function updateQaSettings(deps: TDeps, auth: TAuthContext, input: { isMaskingEnabled: boolean; retentionDays: number | null; coachingThreshold: number }, ip: string) {
  const before = await qaSettingsOf(deps.db, auth.organisationId);
  await deps.db
    .insert(qaSettings)
    .values({ organisationId: auth.organisationId, ...input })
    .onConflictDoUpdate({ target: qaSettings.organisationId, set: { ...input, updatedAt: new Date() } });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.settings_changed', targetType: 'organisation', targetId: auth.organisationId, details: { before, after: input }, ip });
  return qaSettingsOf(deps.db, auth.organisationId);
}

/**
 * Deletes conversations past their organisation's retention period, a slice at a time so no
 * lock is held for long. Any instance may run it; the statement is idempotent.
 * @returns how many conversations were deleted
 */
export async function deleteExpiredConversations(db: TDb, slice = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      DELETE FROM qa_conversations WHERE id IN (
        SELECT c.id FROM qa_conversations c JOIN qa_settings s ON s.organisation_id = c.organisation_id
        WHERE s.retention_days IS NOT NULL AND coalesce(c.started_at, c.created_at) < now() - make_interval(days => s.retention_days)
        LIMIT ${slice})`);
    const deleted = result.rowCount ?? 0;
    total += deleted;
    if (deleted < slice) return total;
  }
}
