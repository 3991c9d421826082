import { POINT_RULE_KEYS, type TPointEntry, type TPointRule, type TPointRuleKey } from '@calmdesk/shared';
import type { ZPointLedgerQuery } from '@calmdesk/shared';
import { and, arrayContains, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { memberships, pointEntries, pointRules, users } from '../db/schema.js';
import { AppError } from '../errors.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { findMember, findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { NO_USER } from './learning.service.js';
import { notify } from './notification.service.js';
import { chinaDayStart, managedUserIds } from './record.service.js';

/**
 * The points ledger (SPEC §2.10): configurable rules award points once per source (an exam
 * passed, a role-play scenario above the bar, a month of QA without language to avoid, an
 * adopted suggestion, a session attended), and the training group adds manual entries with a
 * reason. The ledger is only ever added to; every entry is audited.
 */

/**
 * A fresh organisation's rules. Passing an exam or attending is routine, so it earns little; a
 * clean month of real conversations and an adopted suggestion are what the scheme is for.
 * roleplay_score's threshold is the score to reach (SPEC's example: above 85); clean_month's is
 * the fewest QA conversations that month, so a month with two chats does not count as clean.
 */
export const DEFAULT_POINT_RULES: Record<TPointRuleKey, { points: number; threshold: number | null }> = {
  exam_passed: { points: 10, threshold: null },
  roleplay_score: { points: 5, threshold: 85 },
  clean_month: { points: 20, threshold: 5 },
  suggestion_adopted: { points: 30, threshold: null },
  session_attended: { points: 2, threshold: null },
};

/** Writes the default rules the organisation does not have yet. */
export async function ensurePointRules(db: TDb, organisationId: string): Promise<void> {
  await db
    .insert(pointRules)
    .values(POINT_RULE_KEYS.map((key) => ({ organisationId, key, ...DEFAULT_POINT_RULES[key] })))
    .onConflictDoNothing({ target: [pointRules.organisationId, pointRules.key] });
}

/** The organisation's rules in the fixed order of POINT_RULE_KEYS. */
export async function listPointRules(deps: Pick<TDeps, 'db'>, organisationId: string): Promise<TPointRule[]> {
  await ensurePointRules(deps.db, organisationId);
  const rows = await deps.db.select().from(pointRules).where(eq(pointRules.organisationId, organisationId));
  return POINT_RULE_KEYS.map((key) => {
    const row = rows.find((r) => r.key === key)!;
    return { key, points: row.points, threshold: row.threshold, isEnabled: row.isEnabled, updatedAt: row.updatedAt.toISOString() };
  });
}

/** Changes points, thresholds and on/off of the given rules (training group); audited with before and after. */
export async function updatePointRules(deps: TDeps, auth: TAuthContext, rules: { key: TPointRuleKey; points: number; threshold: number | null; isEnabled: boolean }[], ip: string) {
  const before = await listPointRules(deps, auth.organisationId);
  await deps.db.transaction(async (tx) => {
    for (const rule of rules) {
      await tx
        .update(pointRules)
        .set({ points: rule.points, threshold: rule.key === 'roleplay_score' || rule.key === 'clean_month' ? rule.threshold : null, isEnabled: rule.isEnabled, updatedAt: new Date() })
        .where(and(eq(pointRules.organisationId, auth.organisationId), eq(pointRules.key, rule.key)));
    }
    await recordAudit({ db: tx }, {
      organisationId: auth.organisationId,
      actorUserId: auth.userId,
      action: 'points.rules_changed',
      targetType: 'organisation',
      targetId: auth.organisationId,
      details: { before: before.filter((b) => rules.some((r) => r.key === b.key)).map(({ updatedAt: _, ...rest }) => rest), after: rules },
      ip,
    });
  });
  return { rules: await listPointRules(deps, auth.organisationId) };
}

type TAwarded = { id: string; user_id: string; points: number; rule_key: string; source_id: string };

/**
 * The INSERT … SELECT of each rule: one row per (person, source) earned so far, only for current
 * members; ON CONFLICT on (user, rule, source) makes a second scan add nothing. An entry is
 * dated when it was earned, so period rankings count it in the right month.
 */
function awardQuery(key: TPointRuleKey, organisationId: string, points: number, threshold: number | null): SQL {
  const member = sql`EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = ${organisationId} AND m.user_id = src.user_id)`;
  const insert = (select: SQL) => sql`
    INSERT INTO point_entries (organisation_id, user_id, points, reason, rule_key, source_type, source_id, created_at)
    SELECT ${organisationId}::uuid, src.user_id, ${points}, src.reason, ${key}, src.source_type, src.source_id, src.earned_at
    FROM (${select}) src WHERE ${member}
    ON CONFLICT (user_id, rule_key, source_id) DO NOTHING
    RETURNING id, user_id, points, rule_key, source_id`;
  switch (key) {
    case 'exam_passed':
      // Once per exam, however many make-ups it took; dated by the first pass.
      return insert(sql`
        SELECT DISTINCT ON (a.user_id, a.exam_id) a.user_id, '考试通过：' || (e.title->>'zh') AS reason, 'exam' AS source_type, a.exam_id::text AS source_id, coalesce(a.submitted_at, a.started_at) AS earned_at
        FROM exam_attempts a JOIN exams e ON e.id = a.exam_id
        WHERE a.organisation_id = ${organisationId} AND a.is_passed = true
        ORDER BY a.user_id, a.exam_id, a.submitted_at`);
    case 'roleplay_score':
      // Once per scenario: the first finished attempt at or above the bar is the source, and a
      // scenario already rewarded through another attempt is skipped.
      return insert(sql`
        SELECT DISTINCT ON (a.user_id, a.scenario_id) a.user_id, '角色扮演达到 ' || ${threshold ?? 0}::int || ' 分：' || (a.scenario->'title'->>'zh') || '（' || a.total || ' 分）' AS reason,
          'roleplay_attempt' AS source_type, a.id::text AS source_id, a.finished_at AS earned_at
        FROM roleplay_attempts a
        WHERE a.organisation_id = ${organisationId} AND a.finished_at IS NOT NULL AND a.total >= ${threshold ?? 0}
          AND NOT EXISTS (
            SELECT 1 FROM point_entries p JOIN roleplay_attempts b ON b.id::text = p.source_id
            WHERE p.organisation_id = ${organisationId} AND p.user_id = a.user_id AND p.rule_key = 'roleplay_score' AND b.scenario_id = a.scenario_id)
        ORDER BY a.user_id, a.scenario_id, a.finished_at, a.id`);
    case 'clean_month':
      // Whole months only (Beijing time), with at least `threshold` conversations and no language to avoid.
      return insert(sql`
        SELECT user_id, 'QA 无禁忌用语月：' || month || '（' || n || ' 通对话）' AS reason, 'qa_month' AS source_type, month || '@' || ${organisationId}::text AS source_id,
          ((to_date(month, 'YYYY-MM') + interval '1 month') - interval '1 second') AT TIME ZONE 'Asia/Shanghai' AS earned_at
        FROM (
          SELECT c.agent_user_id AS user_id, to_char(c.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n,
            sum((SELECT coalesce(sum(value::int), 0) FROM jsonb_each_text(coalesce(c.analysis->'language'->'issueCounts', '{}'::jsonb))))::int AS issues
          FROM qa_conversations c
          WHERE c.organisation_id = ${organisationId} AND c.agent_user_id IS NOT NULL AND c.started_at IS NOT NULL
            AND c.started_at < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
          GROUP BY 1, 2
        ) months
        WHERE n >= ${threshold ?? 1} AND issues = 0`);
    case 'suggestion_adopted':
      return insert(sql`
        SELECT s.author_id AS user_id, '创新建议被采纳：' || s.title AS reason, 'suggestion' AS source_type, s.id::text AS source_id, coalesce(s.reviewed_at, s.created_at) AS earned_at
        FROM suggestions s WHERE s.organisation_id = ${organisationId} AND s.status = 'adopted'`);
    case 'session_attended':
      return insert(sql`
        SELECT e.user_id, '参加培训：' || s.title AS reason, 'session' AS source_type, s.id::text AS source_id, coalesce(e.signed_in_at, s.starts_at) AS earned_at
        FROM session_enrolments e JOIN training_sessions s ON s.id = e.session_id
        WHERE s.organisation_id = ${organisationId} AND e.attendance IN ('present', 'late') AND s.status <> 'cancelled'`);
  }
}

/**
 * Awards what the enabled rules say people have earned and not yet received. Idempotent (each
 * person, rule and source is paid once) and safe to run concurrently; called when the points
 * pages load and after the events it rewards, so no background job is needed.
 * @param only limit the scan to these rules (e.g. after an adoption)
 * @returns how many entries were added
 */
export async function awardPoints(deps: Pick<TDeps, 'db'>, organisationId: string, only?: readonly TPointRuleKey[]): Promise<number> {
  const rules = (await listPointRules(deps, organisationId)).filter((r) => r.isEnabled && r.points !== 0 && (!only || only.includes(r.key)));
  let added = 0;
  for (const rule of rules) {
    added += await deps.db.transaction(async (tx) => {
      const result = await tx.execute(awardQuery(rule.key, organisationId, rule.points, rule.threshold));
      const rows = result.rows as TAwarded[];
      for (const row of rows) {
        await recordAudit({ db: tx }, { organisationId, actorUserId: null, action: 'points.awarded', targetType: 'point_entry', targetId: row.id, details: { userId: row.user_id, ruleKey: row.rule_key, points: row.points, sourceId: row.source_id } });
      }
      return rows.length;
    });
  }
  return added;
}

type TEntryRow = typeof pointEntries.$inferSelect & { displayName: string; createdByName: string | null };

function presentEntry(r: TEntryRow): TPointEntry {
  return {
    id: r.id,
    user: { id: r.userId, displayName: r.displayName },
    points: r.points,
    reason: r.reason,
    ruleKey: r.ruleKey as TPointRuleKey | null,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    createdBy: r.createdBy ? { id: r.createdBy, displayName: r.createdByName ?? '' } : null,
    createdAt: r.createdAt.toISOString(),
  };
}

async function findEntries(db: TDb, organisationId: string, where: SQL | undefined, limit: number): Promise<TEntryRow[]> {
  const author = alias(users, 'author');
  const rows = await db
    .select({ entry: pointEntries, displayName: users.displayName, createdByName: author.displayName })
    .from(pointEntries)
    .innerJoin(users, eq(users.id, pointEntries.userId))
    .leftJoin(author, eq(author.id, pointEntries.createdBy))
    .where(and(eq(pointEntries.organisationId, organisationId), where))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.entry, displayName: r.displayName, createdByName: r.createdByName }));
}

/** /my/points: brings the ledger up to date, then the caller's balance, this year's points, history and the rules. */
export async function myPoints(deps: TDeps, auth: TAuthContext) {
  await awardPoints(deps, auth.organisationId);
  const entries = (await findEntries(deps.db, auth.organisationId, eq(pointEntries.userId, auth.userId), 1000)).map(presentEntry);
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  return {
    balance: entries.reduce((sum, e) => sum + e.points, 0),
    thisYear: entries.filter((e) => new Date(new Date(e.createdAt).getTime() + 8 * 3_600_000).getUTCFullYear() === year).reduce((sum, e) => sum + e.points, 0),
    entries,
    rules: await listPointRules(deps, auth.organisationId),
  };
}

/** The people a query may cover: the caller's scope, narrowed to a team and/or a person. */
async function peopleFilter(deps: TDeps, auth: TAuthContext, query: { userId?: string | undefined; teamId?: string | undefined }): Promise<string[] | undefined> {
  let userIds = await managedUserIds(deps, auth);
  if (query.teamId) {
    const members = await findTeamMemberIds(deps.db, auth.organisationId, [query.teamId]);
    userIds = userIds === undefined ? members : userIds.filter((id) => members.includes(id));
  }
  if (query.userId) userIds = userIds === undefined || userIds.includes(query.userId) ? [query.userId] : [];
  return userIds;
}

/**
 * The ledger for the incentives page: the training group sees everyone, a supervisor their teams.
 * @returns at most 1000 entries, newest first, and their sum
 */
export async function pointLedger(deps: TDeps, auth: TAuthContext, query: z.infer<typeof ZPointLedgerQuery>) {
  await awardPoints(deps, auth.organisationId);
  const userIds = await peopleFilter(deps, auth, query);
  const source = query.source;
  const where = and(
    userIds === undefined ? undefined : inArray(pointEntries.userId, userIds.length > 0 ? userIds : [NO_USER]),
    source === 'manual' ? isNull(pointEntries.ruleKey) : source === 'rule' ? isNotNull(pointEntries.ruleKey) : source ? eq(pointEntries.ruleKey, source) : undefined,
    query.from ? gte(pointEntries.createdAt, chinaDayStart(query.from)) : undefined,
    query.to ? lt(pointEntries.createdAt, new Date(chinaDayStart(query.to).getTime() + 86_400_000)) : undefined,
  );
  const entries = (await findEntries(deps.db, auth.organisationId, where, 1000)).map(presentEntry);
  return { entries, total: entries.reduce((sum, e) => sum + e.points, 0) };
}

/**
 * The instants a ranking period covers, in Beijing time.
 * @param period 2026, 2026-H2, 2026-Q4, 2026-11 or all
 * @returns [from, to) or null for all time
 */
export function periodBounds(period: string): { from: Date; to: Date } | null {
  if (period === 'all') return null;
  const year = Number(period.slice(0, 4));
  const at = (y: number, month: number) => new Date(`${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`);
  const rest = period.slice(5);
  if (rest === '') return { from: at(year, 1), to: at(year + 1, 1) };
  if (rest.startsWith('H')) {
    const first = rest === 'H1' ? 1 : 7;
    return { from: at(year, first), to: at(year, first + 6) };
  }
  if (rest.startsWith('Q')) {
    const first = (Number(rest.slice(1)) - 1) * 3 + 1;
    return { from: at(year, first), to: at(year, first + 3) };
  }
  const month = Number(rest);
  return { from: at(year, month), to: at(year, month + 1) };
}

/**
 * Ranking by points earned in a period: every active agent in the caller's scope (with 0 if they
 * earned none) and anyone else with points. Equal points share a rank (1, 2, 2, 4).
 */
export async function pointRanking(deps: TDeps, auth: TAuthContext, query: { period: string; teamId?: string | undefined }) {
  await awardPoints(deps, auth.organisationId);
  const userIds = await peopleFilter(deps, auth, query);
  const bounds = periodBounds(query.period);
  const inPeople = (column: typeof pointEntries.userId | typeof memberships.userId) => (userIds === undefined ? undefined : inArray(column, userIds.length > 0 ? userIds : [NO_USER]));
  const sums = await deps.db
    .select({ userId: pointEntries.userId, points: sql<number>`sum(${pointEntries.points})::int`, entries: sql<number>`count(*)::int` })
    .from(pointEntries)
    .where(and(eq(pointEntries.organisationId, auth.organisationId), inPeople(pointEntries.userId), bounds ? gte(pointEntries.createdAt, bounds.from) : undefined, bounds ? lt(pointEntries.createdAt, bounds.to) : undefined))
    .groupBy(pointEntries.userId);
  const agents = await deps.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, auth.organisationId), eq(memberships.isActive, true), arrayContains(memberships.roles, ['agent']), inPeople(memberships.userId)));
  const ids = [...new Set([...agents.map((a) => a.id), ...sums.map((s) => s.userId)])];
  const names = ids.length === 0 ? [] : await deps.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName));
  const teams = await findUserTeams(deps.db, auth.organisationId, ids);
  const rows = names
    .map((u) => {
      const sum = sums.find((s) => s.userId === u.id);
      return { user: u, teams: teams.filter((t) => t.userId === u.id).map((t) => ({ id: t.id, name: t.name })), points: sum?.points ?? 0, entries: sum?.entries ?? 0 };
    })
    .sort((a, b) => b.points - a.points || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
  let rank = 0;
  return {
    period: query.period,
    rows: rows.map((row, index) => {
      if (index === 0 || rows[index - 1]!.points !== row.points) rank = index + 1;
      return { rank, ...row };
    }),
  };
}

/** A manual entry by the training group: points (+ or −) with a reason; audited, and the person is told. */
export async function addManualPoints(deps: TDeps, auth: TAuthContext, input: { userId: string; points: number; reason: string }, ip: string): Promise<TPointEntry> {
  const member = await findMember(deps.db, auth.organisationId, input.userId);
  if (!member) throw new AppError('VALIDATION_FAILED', 'Unknown person', [{ path: 'userId', message: 'not in this organisation' }]);
  const id = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(pointEntries)
      .values({ organisationId: auth.organisationId, userId: input.userId, points: input.points, reason: input.reason, createdBy: auth.userId })
      .returning({ id: pointEntries.id });
    const entryId = inserted[0]!.id;
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'points.manual_entry', targetType: 'point_entry', targetId: entryId, details: { userId: input.userId, points: input.points, reason: input.reason }, ip });
    const signed = input.points > 0 ? `+${input.points}` : String(input.points);
    await notify(tx, auth.organisationId, [input.userId], {
      kind: 'points_manual',
      title: { zh: `积分变动 ${signed}`, en: `Points ${signed}` },
      body: { zh: input.reason, en: input.reason },
      link: '/my/points',
    });
    return entryId;
  });
  return presentEntry((await findEntries(deps.db, auth.organisationId, eq(pointEntries.id, id), 1))[0]!);
}
