import { randomUUID } from 'node:crypto';
import { conversationAnalyze, maskPersonalData, type TConversationAnalysis, type TConversationMessage } from '@calmdesk/engine';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { memberships, qaConversations, qaFlags, qaImportChunks, qaImportRejects, qaImports, qaStaging, users } from '../db/schema.js';
import { applyMapping, type TColumnMapping } from '../qa/mapping.js';
import { readRows } from '../qa/read-rows.js';
import type { TImportFormat } from '../qa/formats.js';
import { qaSettingsOf, readImportFile, REJECTS_STORED } from './qa-import.service.js';

/**
 * The import job. Two phases, each committed in small batches with its checkpoint, so a
 * killed server loses nothing committed and the next claim resumes where it stopped:
 *  1. staging: read the file as a stream, map and mask each row, keep good rows in
 *     qa_staging and bad ones (row number + reason) in qa_import_rejects;
 *  2. analysing: take the staged rows conversation by conversation (in key order), analyse
 *     each with the engine, and store it with its messages in one transaction. A conversation
 *     already stored for this source is skipped: re-importing a file adds nothing twice.
 */

/** A running job that has not beaten for this long belongs to a dead instance and may be taken over (QA_JOB_STALE_SECONDS). */
export const STALE_AFTER_SECONDS = 60;
const STAGING_BATCH_ROWS = 5000;
const ANALYSIS_BATCH_CONVERSATIONS = 400;

type TJob = typeof qaImports.$inferSelect;

/**
 * Claims the oldest queued import, or a running one whose instance stopped beating.
 * @param staleSeconds how long without a heartbeat before a running job counts as abandoned
 * @returns the claimed job, or undefined when there is nothing to do
 */
export async function claimImportJob(db: TDb, workerId: string, staleSeconds = STALE_AFTER_SECONDS): Promise<TJob | undefined> {
  const result = await db.execute(sql`
    UPDATE qa_imports SET status = 'running', worker_id = ${workerId}, heartbeat_at = now(), started_at = coalesce(started_at, now())
    WHERE id = (
      SELECT id FROM qa_imports
      WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
      ORDER BY created_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id`);
  const id = (result.rows[0] as { id: string } | undefined)?.id;
  if (!id) return undefined;
  return (await db.select().from(qaImports).where(eq(qaImports.id, id)).limit(1))[0];
}

/** Thrown inside a batch when the job was cancelled or taken over: stop without writing. */
class JobStopped extends Error {}

/** Commits a batch only while this worker still owns the job; throws JobStopped when cancelled or taken over. */
async function checkpoint(tx: TDb, job: TJob, workerId: string, values: Partial<typeof qaImports.$inferInsert>): Promise<void> {
  const updated = await tx
    .update(qaImports)
    .set({ ...values, heartbeatAt: new Date() })
    .where(and(eq(qaImports.id, job.id), eq(qaImports.workerId, workerId), eq(qaImports.status, 'running')))
    .returning({ isCancelRequested: qaImports.isCancelRequested });
  if (updated.length === 0) throw new JobStopped('the job is no longer ours');
  if (updated[0]!.isCancelRequested) throw new JobStopped('cancelled');
}

export interface TRunOptions {
  workerId: string;
  /** For tests: stop (as if killed) after this many committed staging batches. */
  crashAfterBatches?: number;
  /** Asked after every batch: true when the instance is shutting down (the job goes back to the queue). */
  shouldStop?: () => boolean;
  /** Rows per staging batch (tests use small ones to cut a file into several). */
  stagingBatchRows?: number;
}

/**
 * Runs (or resumes) an import to its end.
 * @returns the final status
 */
export async function runImportJob(deps: TDeps, job: TJob, options: TRunOptions): Promise<'done' | 'cancelled' | 'failed' | 'stopped'> {
  try {
    const settings = await qaSettingsOf(deps.db, job.organisationId);
    const mapping = job.mapping as TColumnMapping;
    let current = job;
    if (current.phase === null || current.phase === 'staging') {
      await stageRows(deps, current, mapping, settings.isMaskingEnabled, options);
      const total = await deps.db.execute(sql`SELECT count(DISTINCT conversation_key)::int AS n FROM qa_staging WHERE import_id = ${job.id}`);
      await deps.db.transaction((tx) => checkpoint(tx, current, options.workerId, { phase: 'analysing', conversationsTotal: (total.rows[0] as { n: number }).n }));
      current = (await deps.db.select().from(qaImports).where(eq(qaImports.id, job.id)).limit(1))[0]!;
    }
    await analyseConversations(deps, current, settings.coachingThreshold, options);
    await deps.db.transaction(async (tx) => {
      await checkpoint(tx, current, options.workerId, { status: 'done', finishedAt: new Date() });
      await tx.delete(qaStaging).where(eq(qaStaging.importId, job.id));
      await tx.delete(qaImportChunks).where(eq(qaImportChunks.importId, job.id));
    });
    return 'done';
  } catch (error) {
    if (error instanceof SimulatedCrash) return 'stopped';
    if (error instanceof JobStopped) {
      if (error.message === 'paused') {
        // Shutting down: back to the queue at once, so the next instance resumes it without waiting for the heartbeat to go stale.
        await deps.db.update(qaImports).set({ status: 'queued', workerId: null }).where(and(eq(qaImports.id, job.id), eq(qaImports.workerId, options.workerId)));
        return 'stopped';
      }
      if (error.message === 'cancelled') {
        await deps.db.update(qaImports).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(qaImports.id, job.id));
        await deps.db.delete(qaStaging).where(eq(qaStaging.importId, job.id));
        return 'cancelled';
      }
      return 'stopped';
    }
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.update(qaImports).set({ status: 'failed', error: message.slice(0, 2000), finishedAt: new Date() }).where(eq(qaImports.id, job.id));
    return 'failed';
  }
}

class SimulatedCrash extends Error {}

async function stageRows(deps: TDeps, job: TJob, mapping: TColumnMapping, isMasking: boolean, options: TRunOptions): Promise<void> {
  // Messages are counted as read: the count is the checkpoint, and a re-read of the file skips that many.
  const already = job.rowsRead;
  let rejectedSoFar = job.rowsRejected;
  let batch: (typeof qaStaging.$inferInsert)[] = [];
  let rejects: (typeof qaImportRejects.$inferInsert)[] = [];
  let ordinal = 0;
  let batches = 0;
  // While one batch is written, the next is read and masked: the database and Node work side by side.
  let writing: Promise<void> | null = null;
  const commit = async () => {
    const stagedRows = batch;
    const rejectedRows = rejects;
    const readSoFar = ordinal;
    batch = [];
    rejects = [];
    await writing;
    writing = writeBatch(stagedRows, rejectedRows, readSoFar);
    // A failed write must not go unnoticed until the next batch.
    writing.catch(() => undefined);
  };
  const writeBatch = async (stagedRows: (typeof qaStaging.$inferInsert)[], rejectedRows: (typeof qaImportRejects.$inferInsert)[], readSoFar: number) => {
    await deps.db.transaction(async (tx) => {
      if (stagedRows.length > 0) await insertStaging(tx, stagedRows);
      const room = Math.max(0, REJECTS_STORED - rejectedSoFar);
      if (rejectedRows.length > 0 && room > 0) await tx.insert(qaImportRejects).values(rejectedRows.slice(0, room)).onConflictDoNothing();
      rejectedSoFar += rejectedRows.length;
      await checkpoint(tx, job, options.workerId, { phase: 'staging', rowsRead: readSoFar, rowsRejected: rejectedSoFar });
    });
    batches += 1;
    if (options.crashAfterBatches !== undefined && batches >= options.crashAfterBatches) throw new SimulatedCrash();
    if (options.shouldStop?.()) throw new JobStopped('paused');
  };
  for await (const raw of readRows(readImportFile(deps.db, job.id), job.format as TImportFormat)) {
    ordinal += 1;
    if (ordinal <= already) continue;
    const mapped = raw.error ? { ok: false as const, reason: raw.error } : applyMapping(raw, mapping);
    if (!mapped.ok) {
      rejects.push({ importId: job.id, ordinal, rowNumber: raw.rowNumber, messageIndex: raw.messageIndex ?? null, reason: mapped.reason });
    } else {
      const m = mapped.message;
      batch.push({
        importId: job.id,
        ordinal,
        conversationKey: m.conversationId,
        at: m.at === null ? null : new Date(m.at),
        role: m.role,
        agentId: m.agentId,
        agentName: m.agentName,
        text: isMasking ? maskPersonalData(m.text).text : m.text,
        shop: m.shop,
        channel: m.channel,
      });
    }
    if (batch.length + rejects.length >= (options.stagingBatchRows ?? STAGING_BATCH_ROWS)) await commit();
  }
  await commit();
  await writing;
}

/** One INSERT per batch through arrays: far faster than a VALUES list for thousands of rows. */
async function insertStaging(tx: TDb, rows: (typeof qaStaging.$inferInsert)[]): Promise<void> {
  const col = <T>(pick: (r: (typeof qaStaging.$inferInsert)) => T) => rows.map(pick);
  await tx.execute(sql`
    INSERT INTO qa_staging (import_id, ordinal, conversation_key, at, role, agent_id, agent_name, text, shop, channel)
    SELECT * FROM unnest(
      ${sql.param(col((r) => r.importId))}::uuid[], ${sql.param(col((r) => r.ordinal))}::int[], ${sql.param(col((r) => r.conversationKey))}::text[],
      ${sql.param(col((r) => (r.at ? r.at.toISOString() : null)))}::timestamptz[], ${sql.param(col((r) => r.role))}::text[], ${sql.param(col((r) => r.agentId ?? null))}::text[],
      ${sql.param(col((r) => r.agentName ?? null))}::text[], ${sql.param(col((r) => r.text))}::text[], ${sql.param(col((r) => r.shop ?? null))}::text[], ${sql.param(col((r) => r.channel ?? null))}::text[])
    ON CONFLICT DO NOTHING`);
}

type TStaged = { conversation_key: string; at: Date | string | null; role: string; agent_id: string | null; agent_name: string | null; text: string; shop: string | null; channel: string | null };

async function analyseConversations(deps: TDeps, job: TJob, threshold: number, options: TRunOptions): Promise<void> {
  const engine = deps.engine;
  const people = await peopleIndex(deps.db, job.organisationId);
  let lastKey = job.lastConversationKey;
  let writing: Promise<void> | null = null;
  let done = job.conversationsDone;
  let skipped = job.conversationsSkipped;
  for (;;) {
    const keysResult = await deps.db.execute(sql`
      SELECT DISTINCT conversation_key FROM qa_staging
      WHERE import_id = ${job.id} AND (${lastKey}::text IS NULL OR conversation_key > ${lastKey})
      ORDER BY conversation_key LIMIT ${ANALYSIS_BATCH_CONVERSATIONS}`);
    const keys = (keysResult.rows as { conversation_key: string }[]).map((r) => r.conversation_key);
    if (keys.length === 0) {
      await writing;
      return;
    }
    const stored = await deps.db
      .select({ externalId: qaConversations.externalId })
      .from(qaConversations)
      .where(and(eq(qaConversations.organisationId, job.organisationId), eq(qaConversations.sourceId, job.sourceId!), inArray(qaConversations.externalId, keys)));
    const existing = new Set(stored.map((r) => r.externalId));
    const fresh = keys.filter((k) => !existing.has(k));
    const rowsResult =
      fresh.length === 0
        ? { rows: [] }
        : await deps.db.execute(sql`
            SELECT conversation_key, at, role, agent_id, agent_name, text, shop, channel FROM qa_staging
            WHERE import_id = ${job.id} AND conversation_key = ANY(${sql.param(fresh)}::text[])
            ORDER BY conversation_key, at NULLS LAST, ordinal`);
    const byKey = new Map<string, TStaged[]>();
    for (const row of rowsResult.rows as TStaged[]) {
      const list = byKey.get(row.conversation_key);
      if (list) list.push(row);
      else byKey.set(row.conversation_key, [row]);
    }
    const analysed = [...byKey.entries()].map(([key, rows]) => buildConversation(engine, job, key, rows, threshold, people));
    lastKey = keys.at(-1)!;
    done += analysed.length;
    skipped += keys.length - fresh.length;
    // Written while the next batch is read and analysed; batches still commit one after another, in key order.
    await writing;
    const values = { lastConversationKey: lastKey, conversationsDone: done, conversationsSkipped: skipped };
    writing = deps.db.transaction(async (tx) => {
      if (analysed.length > 0) await insertConversations(tx, analysed);
      await checkpoint(tx, job, options.workerId, values);
    });
    writing.catch(() => undefined);
    if (options.shouldStop?.()) {
      await writing;
      throw new JobStopped('paused');
    }
  }
}

type TBuilt = { row: typeof qaConversations.$inferInsert & { id: string }; messages: { seq: number; at: Date | null; role: string; text: string }[]; flagReason: string | null };

function toMillis(value: Date | string | null): number | null {
  if (value === null) return null;
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function buildConversation(engine: TDeps['engine'], job: TJob, key: string, rows: TStaged[], threshold: number, people: Map<string, string>): TBuilt {
  const messages: TConversationMessage[] = rows.map((r) => ({ role: r.role as TConversationMessage['role'], at: toMillis(r.at), text: r.text }));
  const analysis: TConversationAnalysis = conversationAnalyze(engine, messages, { lowScoreThreshold: threshold });
  const agentRow = rows.find((r) => r.role === 'agent' && (r.agent_id || r.agent_name));
  const agentKey = agentRow?.agent_id ?? agentRow?.agent_name ?? null;
  const times = messages.flatMap((m) => (m.at === null ? [] : [m.at]));
  const id = randomUUID();
  const flags = analysis.flags as string[];
  return {
    row: {
      id,
      organisationId: job.organisationId,
      sourceId: job.sourceId!,
      externalId: key,
      importId: job.id,
      agentKey,
      agentName: agentRow?.agent_name ?? agentRow?.agent_id ?? null,
      agentUserId: (agentRow?.agent_id && people.get(agentRow.agent_id)) || (agentRow?.agent_name && people.get(agentRow.agent_name)) || null,
      shop: rows.find((r) => r.shop)?.shop ?? null,
      channel: rows.find((r) => r.channel)?.channel ?? null,
      startedAt: times.length > 0 ? new Date(Math.min(...times)) : null,
      endedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
      messageCount: messages.length,
      score: analysis.quality.score === null ? null : Math.round(analysis.quality.score),
      isDeEscalated: analysis.trajectory.deEscalated,
      hadHighRisk: analysis.escalation.status !== 'none',
      isEscalationMissed: analysis.escalation.status === 'missed',
      firstResponseSeconds: analysis.responseTimes.firstSeconds === null ? null : Math.round(analysis.responseTimes.firstSeconds),
      avgResponseSeconds: analysis.responseTimes.averageSeconds === null ? null : Math.round(analysis.responseTimes.averageSeconds),
      empathyRate: analysis.language.empathyRate === null ? null : Math.round(analysis.language.empathyRate * 100),
      flags,
      // Per-message readings are left out: the conversation view recomputes them (with cues) when opened.
      analysis: compactAnalysis(analysis),
    },
    messages: rows.map((r, seq) => ({ seq, at: r.at === null ? null : new Date(toMillis(r.at)!), role: r.role, text: r.text })),
    flagReason: flags.length > 0 ? flags.join(',') : null,
  };
}

function compactAnalysis(analysis: TConversationAnalysis): Omit<TConversationAnalysis, 'messages'> {
  const { messages: _perMessage, ...rest } = analysis;
  return rest;
}

async function insertConversations(tx: TDb, built: TBuilt[]): Promise<void> {
  // Another instance may have stored some of these in the meantime: keep theirs, skip ours.
  const inserted = await tx
    .insert(qaConversations)
    .values(built.map((b) => b.row))
    .onConflictDoNothing({ target: [qaConversations.organisationId, qaConversations.sourceId, qaConversations.externalId] })
    .returning({ id: qaConversations.id });
  const kept = new Set(inserted.map((r) => r.id));
  const ours = built.filter((b) => kept.has(b.row.id));
  const messages = ours.flatMap((b) => b.messages.map((m) => ({ conversationId: b.row.id, ...m })));
  if (messages.length > 0) {
    await tx.execute(sql`
      INSERT INTO qa_messages (conversation_id, seq, at, role, text)
      SELECT * FROM unnest(${sql.param(messages.map((m) => m.conversationId))}::uuid[], ${sql.param(messages.map((m) => m.seq))}::int[],
        ${sql.param(messages.map((m) => (m.at ? m.at.toISOString() : null)))}::timestamptz[], ${sql.param(messages.map((m) => m.role))}::text[], ${sql.param(messages.map((m) => m.text))}::text[])`);
  }
  const flagged = ours.filter((b) => b.flagReason !== null);
  if (flagged.length > 0) {
    await tx
      .insert(qaFlags)
      .values(flagged.map((b) => ({ organisationId: b.row.organisationId, conversationId: b.row.id, origin: 'rule', reason: b.flagReason! })))
      .onConflictDoNothing();
  }
}

/** Agents named in exports by login or display name, matched to people of the organisation. */
async function peopleIndex(db: TDb, organisationId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, login: users.login, displayName: users.displayName })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(memberships.organisationId, organisationId));
  const index = new Map<string, string>();
  for (const r of rows) {
    index.set(r.displayName, r.id);
    index.set(r.login, r.id);
  }
  return index;
}

/**
 * The background worker of one app instance: claims an import when idle, runs it, and looks
 * again every few seconds. Several instances share the work through the claim.
 * @returns stop(): waits for the current batch, then ends
 */
export function startImportWorker(deps: TDeps, log: (message: string) => void, intervalMs = 2000): { stop: () => Promise<void> } {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let isStopping = false;
  let running: Promise<void> | null = null;
  const tick = async () => {
    if (isStopping || running) return;
    running = (async () => {
      try {
        for (;;) {
          if (isStopping) return;
          const job = await claimImportJob(deps.db, workerId, deps.config.qaJobStaleSeconds);
          if (!job) return;
          log(`import ${job.id} (${job.fileName}) claimed by ${workerId}`);
          const outcome = await runImportJob(deps, job, { workerId, shouldStop: () => isStopping });
          log(`import ${job.id}: ${outcome}`);
        }
      } catch (error) {
        log(`import worker: ${error instanceof Error ? error.message : String(error)}`);
      }
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    stop: async () => {
      isStopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
