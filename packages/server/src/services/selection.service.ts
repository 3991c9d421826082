import { selectionTitle, type TSelection, type TSelectionRow, type TSelectionWeights } from '@calmdesk/shared';
import { and, arrayContains, arrayOverlaps, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { certificates, memberships, traineeSelections, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { newCertificateCode } from './certificate.service.js';
import { notify } from './notification.service.js';
import { periodBounds } from './points.service.js';
import { rankSelection, type TSelectionInput } from './selection-ranking.js';

/**
 * Half-yearly excellent-trainee selection (优秀学员, SPEC §2.10). The training group sets the
 * weights and computes the ranking of the half-year (selection-ranking.ts explains the
 * arithmetic); the top N form the shortlist the leader is told about; the leader confirms the
 * chosen people, who receive a certificate (no exam, no course: the title names the half-year)
 * and a notice. A confirmed selection is final.
 */

/** What the training group starts from; exams and role-play are the learning itself, so they weigh most. */
export const DEFAULT_SELECTION_WEIGHTS: TSelectionWeights = { exams: 35, roleplay: 30, attendance: 20, kpi: 15 };

/**
 * Each agent's measurements in the half-year [from, to) (and the half-year before, for the KPI change).
 * @returns one input per active agent of the organisation
 */
export async function selectionInputs(db: TDb, organisationId: string, period: string): Promise<TSelectionInput[]> {
  const { from, to } = periodBounds(period)!;
  const before = new Date(from);
  before.setUTCMonth(before.getUTCMonth() - 6);
  const agents = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), arrayContains(memberships.roles, ['agent'])));
  if (agents.length === 0) return [];
  const exams = await db.execute(sql`
    SELECT user_id, avg(final_score)::float AS average, count(*)::int AS n FROM exam_attempts
    WHERE organisation_id = ${organisationId} AND final_score IS NOT NULL AND status IN ('graded', 'expired') AND submitted_at >= ${from} AND submitted_at < ${to}
    GROUP BY user_id`);
  const roleplay = await db.execute(sql`
    SELECT user_id, avg(best)::float AS average, count(*)::int AS n FROM (
      SELECT user_id, scenario_id, max(total) AS best FROM roleplay_attempts
      WHERE organisation_id = ${organisationId} AND finished_at IS NOT NULL AND total IS NOT NULL AND finished_at >= ${from} AND finished_at < ${to}
      GROUP BY user_id, scenario_id) best
    GROUP BY user_id`);
  const attendance = await db.execute(sql`
    SELECT e.user_id, count(*) FILTER (WHERE e.attendance IN ('present', 'late'))::int AS attended, count(*) FILTER (WHERE e.attendance IN ('present', 'late', 'absent'))::int AS counted
    FROM session_enrolments e JOIN training_sessions s ON s.id = e.session_id
    WHERE s.organisation_id = ${organisationId} AND s.status <> 'cancelled' AND s.starts_at >= ${from} AND s.starts_at < ${to} AND s.ends_at < now()
    GROUP BY e.user_id`);
  // KPI periods are dates; a period belongs to the half-year it starts in (Beijing calendar days).
  const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const kpi = await db.execute(sql`
    SELECT user_id,
      avg(csat) FILTER (WHERE period_start >= ${day(from)}::date AND period_start < ${day(to)}::date)::float AS after,
      avg(csat) FILTER (WHERE period_start >= ${day(before)}::date AND period_start < ${day(from)}::date)::float AS before,
      count(*)::int AS n
    FROM kpi_records
    WHERE organisation_id = ${organisationId} AND csat IS NOT NULL AND period_start >= ${day(before)}::date AND period_start < ${day(to)}::date
    GROUP BY user_id`);
  const teams = await findUserTeams(db, organisationId, agents.map((a) => a.id));
  type TRow = Record<string, unknown> & { user_id: string };
  const byUser = (rows: unknown[]) => new Map((rows as TRow[]).map((r) => [r.user_id, r]));
  const examsBy = byUser(exams.rows);
  const roleplayBy = byUser(roleplay.rows);
  const attendanceBy = byUser(attendance.rows);
  const kpiBy = byUser(kpi.rows);
  return agents.map((agent) => {
    const e = examsBy.get(agent.id);
    const r = roleplayBy.get(agent.id);
    const a = attendanceBy.get(agent.id);
    const k = kpiBy.get(agent.id);
    return {
      user: agent,
      teams: teams.filter((t) => t.userId === agent.id).map((t) => ({ id: t.id, name: t.name })),
      exams: e ? { average: Number(e.average), count: Number(e.n) } : null,
      roleplay: r ? { average: Number(r.average), count: Number(r.n) } : null,
      attendance: a && Number(a.counted) > 0 ? { attended: Number(a.attended), counted: Number(a.counted) } : null,
      kpi: k && k.after !== null && k.before !== null ? { before: Number(k.before), after: Number(k.after), periods: Number(k.n) } : null,
    };
  });
}

type TSelectionRowDb = typeof traineeSelections.$inferSelect;

async function present(db: TDb, row: TSelectionRowDb): Promise<TSelection> {
  const title = selectionTitle(row.period);
  const ranking = row.ranking as TSelectionRow[];
  const chosenNames =
    row.chosenUserIds.length === 0 ? [] : await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, row.chosenUserIds));
  const issued =
    row.chosenUserIds.length === 0
      ? []
      : await db
          .select({ userId: certificates.userId, code: certificates.code })
          .from(certificates)
          .where(
            and(
              eq(certificates.organisationId, row.organisationId),
              inArray(certificates.userId, row.chosenUserIds),
              isNull(certificates.examId),
              isNull(certificates.courseId),
              sql`${certificates.title}->>'zh' = ${title.zh}`,
            ),
          );
  const confirmer = row.confirmedBy ? (await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, row.confirmedBy)).limit(1))[0] : undefined;
  return {
    id: row.id,
    period: row.period,
    weights: row.weights as TSelectionWeights,
    shortlistSize: row.shortlistSize,
    status: row.status as TSelection['status'],
    ranking,
    chosen: row.chosenUserIds.map((id) => ({ id, displayName: chosenNames.find((n) => n.id === id)?.displayName ?? '', certificateCode: issued.find((c) => c.userId === id)?.code ?? null })),
    confirmedBy: row.confirmedBy ? { id: row.confirmedBy, displayName: confirmer?.displayName ?? '' } : null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    title,
  };
}

/** Selections of the organisation, newest half-year first. */
export async function listSelections(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db.select().from(traineeSelections).where(eq(traineeSelections.organisationId, auth.organisationId)).orderBy(desc(traineeSelections.period));
  return {
    selections: rows.map((r) => ({
      id: r.id,
      period: r.period,
      status: r.status as TSelection['status'],
      shortlistSize: r.shortlistSize,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      title: selectionTitle(r.period),
      chosen: r.chosenUserIds.length,
      ranked: (r.ranking as unknown[]).length,
    })),
  };
}

export async function getSelection(deps: TDeps, auth: TAuthContext, selectionId: string): Promise<TSelection> {
  const row = (await deps.db.select().from(traineeSelections).where(and(eq(traineeSelections.organisationId, auth.organisationId), eq(traineeSelections.id, selectionId))).limit(1))[0];
  if (!row) throw notFound('Selection');
  return present(deps.db, row);
}

/**
 * Computes (or recomputes) a half-year's ranking with these weights and keeps the top N as the
 * shortlist; the leaders are told it is ready. Refused once the leader has confirmed it.
 */
export async function computeSelection(deps: TDeps, auth: TAuthContext, input: { period: string; weights: TSelectionWeights; shortlistSize: number }, ip: string): Promise<TSelection> {
  const { from } = periodBounds(input.period)!;
  if (from.getTime() > Date.now()) throw new AppError('VALIDATION_FAILED', `${input.period} has not started yet`, [{ path: 'period', message: 'a half-year that has started' }]);
  const ranking = rankSelection(await selectionInputs(deps.db, auth.organisationId, input.period), input.weights);
  const row = await deps.db.transaction(async (tx) => {
    const existing = (await tx.select().from(traineeSelections).where(and(eq(traineeSelections.organisationId, auth.organisationId), eq(traineeSelections.period, input.period))).for('update').limit(1))[0];
    if (existing?.status === 'confirmed') throw new AppError('CONFLICT', `The ${input.period} selection has been confirmed; it can no longer change`);
    const values = { weights: input.weights, ranking, shortlistSize: input.shortlistSize, status: 'shortlisted', createdBy: auth.userId };
    const saved = existing
      ? (await tx.update(traineeSelections).set(values).where(eq(traineeSelections.id, existing.id)).returning())[0]!
      : (
          await tx
            .insert(traineeSelections)
            .values({ organisationId: auth.organisationId, period: input.period, ...values })
            .onConflictDoUpdate({ target: [traineeSelections.organisationId, traineeSelections.period], set: values })
            .returning()
        )[0]!;
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'selection.computed', targetType: 'trainee_selection', targetId: saved.id, details: { period: input.period, weights: input.weights, shortlistSize: input.shortlistSize, ranked: ranking.length }, ip });
    const leaders = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, auth.organisationId), eq(memberships.isActive, true), arrayOverlaps(memberships.roles, ['leader'])));
    const title = selectionTitle(input.period);
    await notify(
      tx,
      auth.organisationId,
      leaders.map((l) => l.id).filter((id) => id !== auth.userId),
      {
        kind: 'selection_shortlisted',
        title: { zh: `${title.zh}候选名单待确认`, en: `${title.en}: shortlist to confirm` },
        body: { zh: `共 ${Math.min(input.shortlistSize, ranking.length)} 人入围，请在“积分与激励 · 优秀学员”中确认。`, en: `${Math.min(input.shortlistSize, ranking.length)} people shortlisted; confirm under Incentives · Excellent trainees.` },
        link: `/operations/incentives/selection?id=${saved.id}`,
      },
    );
    return saved;
  });
  return present(deps.db, row);
}

/**
 * The leader confirms the chosen people (from the shortlist): each gets a certificate titled
 * for the half-year and a notice. Runs once; a second confirmation is a CONFLICT.
 */
export async function confirmSelection(deps: TDeps, auth: TAuthContext, selectionId: string, chosenUserIds: string[], ip: string): Promise<TSelection> {
  const chosen = [...new Set(chosenUserIds)];
  const row = await deps.db.transaction(async (tx) => {
    const current = (await tx.select().from(traineeSelections).where(and(eq(traineeSelections.organisationId, auth.organisationId), eq(traineeSelections.id, selectionId))).for('update').limit(1))[0];
    if (!current) throw notFound('Selection');
    if (current.status === 'confirmed') throw new AppError('CONFLICT', `The ${current.period} selection was confirmed already`);
    if (current.status !== 'shortlisted') throw new AppError('CONFLICT', 'Compute the ranking before confirming');
    const ranking = current.ranking as TSelectionRow[];
    const shortlist = ranking.slice(0, current.shortlistSize);
    const outside = chosen.filter((id) => !shortlist.some((r) => r.user.id === id));
    if (outside.length > 0) throw new AppError('VALIDATION_FAILED', 'Choose from the shortlist', [{ path: 'chosenUserIds', message: `not on the shortlist: ${outside.join(', ')}` }]);
    const title = selectionTitle(current.period);
    const updated = (await tx.update(traineeSelections).set({ status: 'confirmed', chosenUserIds: chosen, confirmedBy: auth.userId, confirmedAt: new Date() }).where(eq(traineeSelections.id, current.id)).returning())[0]!;
    const names = await tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, chosen));
    for (const person of names) {
      const issued = await tx
        .insert(certificates)
        .values({ organisationId: auth.organisationId, userId: person.id, examId: null, courseId: null, code: newCertificateCode(), recipientName: person.displayName, title, score: null })
        .returning({ id: certificates.id });
      await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'certificate.issued', targetType: 'certificate', targetId: issued[0]!.id, details: { userId: person.id, selectionId: current.id, period: current.period }, ip });
    }
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'selection.confirmed', targetType: 'trainee_selection', targetId: current.id, details: { period: current.period, chosenUserIds: chosen }, ip });
    await notify(tx, auth.organisationId, chosen, {
      kind: 'selection_chosen',
      title: { zh: `恭喜你获评“${title.zh}”`, en: `Congratulations: ${title.en}` },
      body: { zh: '证书已发放，可在“在线学习 · 我的证书”下载。', en: 'Your certificate is ready to download under Learning · My certificates.' },
      link: '/learning/certificates',
    });
    return updated;
  });
  return present(deps.db, row);
}
