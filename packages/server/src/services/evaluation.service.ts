import type { TEvalDashboard, TEvalPerson, TEvalTeam, TKpiValues } from '@calmdesk/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { notFound } from '../errors.js';
import { findMember, findUserTeams } from '../repositories/user.repository.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { canSeePerson, evaluationScope, type TEvalScope } from './evaluation-access.js';
import { computeDidRows, periodPhase, personBeforeAfter, type TKpiPeriodRecord } from './evaluation-did.js';
import { addAcc, addMonths, figuresOf, monthStartInstant, resolveRange, sumCells, type TAcc, type TCell, type TRange } from './evaluation-figures.js';

/**
 * The four-level dashboard (SPEC §2.8), computed in PostgreSQL per person and month and
 * rolled up here (evaluation-figures.ts) to teams, months and everyone:
 * - level 1 reaction: Likert answers of reaction questionnaires and their response rate, in
 *   the month of the session they are about;
 * - level 2 learning: marked exam attempts (score, passed) and finished role-plays (score);
 * - level 3 behaviour: analysed conversations matched to a person (score, empathy,
 *   de-escalation, missed escalations);
 * - level 4 results: KPI records by the month their period starts, and the before/after
 *   comparison of trained and not-yet-trained people (evaluation-did.ts).
 * Teams are today's memberships, except anonymous reaction answers, which carry the team
 * recorded when they were given. What each figure reads is written out for people in the web
 * app's /evaluation/methods page; keep the two in step.
 */

const MONTH_OF = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
/** When a reaction questionnaire counts: the session it is about, else when it was opened or made. */
const REACTION_AT = sql`coalesce(ts.starts_at, s.opened_at, s.created_at)`;

type TWindow = { organisationId: string; fromAt: Date; toAt: Date; fromDay: string; toDay: string };

function windowOf(organisationId: string, range: TRange): TWindow {
  const after = addMonths(range.to, 1);
  return { organisationId, fromAt: monthStartInstant(range.from), toAt: monthStartInstant(after), fromDay: `${range.from}-01`, toDay: `${after}-01` };
}

type TRows = Record<string, unknown>[];
const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** Each person's teams today. */
async function teamsByUser(deps: TDeps, organisationId: string): Promise<Map<string, string[]>> {
  const result = await deps.db.execute(sql`SELECT tm.user_id::text AS user_id, tm.team_id::text AS team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE t.organisation_id = ${organisationId}`);
  const map = new Map<string, string[]>();
  for (const row of result.rows as { user_id: string; team_id: string }[]) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.team_id]);
  return map;
}

/**
 * The day (YYYY-MM-DD, China time) of each person's first attended session: present or late,
 * at a session not cancelled that has started.
 */
export async function firstTrainedDays(deps: TDeps, organisationId: string): Promise<Map<string, string>> {
  const result = await deps.db.execute(sql`
    SELECT se.user_id::text AS user_id, to_char(min(ts.starts_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
    FROM session_enrolments se JOIN training_sessions ts ON ts.id = se.session_id
    WHERE ts.organisation_id = ${organisationId} AND se.attendance IN ('present', 'late') AND ts.status <> 'cancelled' AND ts.starts_at <= now()
    GROUP BY 1`);
  return new Map((result.rows as { user_id: string; day: string }[]).map((r) => [r.user_id, r.day]));
}

/** KPI records whose period starts in the window. */
async function kpiRecordsIn(deps: TDeps, window: TWindow): Promise<TKpiPeriodRecord[]> {
  const result = await deps.db.execute(sql`
    SELECT user_id::text AS user_id, period_start::text AS period_start, period_end::text AS period_end, csat, complaint_rate, repurchase_rate, resolution_minutes, escalation_rate
    FROM kpi_records WHERE organisation_id = ${window.organisationId} AND period_start >= ${window.fromDay} AND period_start < ${window.toDay}`);
  const value = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return (result.rows as TRows).map((r) => ({
    userId: String(r.user_id),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    values: { csat: value(r.csat), complaintRate: value(r.complaint_rate), repurchaseRate: value(r.repurchase_rate), resolutionMinutes: value(r.resolution_minutes), escalationRate: value(r.escalation_rate) },
  }));
}

/** Every figure of the organisation in the window, per person (or team snapshot) and month. */
async function loadCells(deps: TDeps, window: TWindow, userTeams: Map<string, string[]>, kpis: readonly TKpiPeriodRecord[]): Promise<TCell[]> {
  const { organisationId, fromAt, toAt } = window;
  const [reaction, recipients, exams, roleplays, conversations] = await Promise.all([
    deps.db.execute(sql`
      SELECT r.user_id::text AS user_id, r.team_id::text AS team_id, ${MONTH_OF(REACTION_AT)} AS month,
        count(DISTINCT r.id)::int AS responses, coalesce(sum(a.value), 0)::float AS sum, count(a.value)::int AS answers
      FROM survey_responses r
      JOIN surveys s ON s.id = r.survey_id
      LEFT JOIN training_sessions ts ON ts.id = s.session_id
      LEFT JOIN LATERAL (
        SELECT (r.answers->>(q->>'id'))::float AS value FROM jsonb_array_elements(s.questions) q
        WHERE q->>'type' = 'likert' AND jsonb_typeof(r.answers->(q->>'id')) = 'number'
      ) a ON true
      WHERE s.organisation_id = ${organisationId} AND s.kind = 'reaction' AND ${REACTION_AT} >= ${fromAt} AND ${REACTION_AT} < ${toAt}
      GROUP BY 1, 2, 3`),
    deps.db.execute(sql`
      SELECT sr.user_id::text AS user_id, ${MONTH_OF(REACTION_AT)} AS month, count(*)::int AS invited, count(sr.responded_at)::int AS responded
      FROM survey_recipients sr
      JOIN surveys s ON s.id = sr.survey_id
      LEFT JOIN training_sessions ts ON ts.id = s.session_id
      WHERE s.organisation_id = ${organisationId} AND s.kind = 'reaction' AND s.status <> 'draft' AND ${REACTION_AT} >= ${fromAt} AND ${REACTION_AT} < ${toAt}
      GROUP BY 1, 2`),
    deps.db.execute(sql`
      SELECT user_id::text AS user_id, ${MONTH_OF(sql`submitted_at`)} AS month, count(*)::int AS attempts, sum(final_score)::float AS sum, sum(coalesce(is_passed, false)::int)::int AS passed
      FROM exam_attempts
      WHERE organisation_id = ${organisationId} AND status IN ('graded', 'expired') AND final_score IS NOT NULL AND submitted_at >= ${fromAt} AND submitted_at < ${toAt}
      GROUP BY 1, 2`),
    deps.db.execute(sql`
      SELECT user_id::text AS user_id, ${MONTH_OF(sql`finished_at`)} AS month, count(*)::int AS attempts, sum(total)::float AS sum
      FROM roleplay_attempts
      WHERE organisation_id = ${organisationId} AND total IS NOT NULL AND finished_at >= ${fromAt} AND finished_at < ${toAt}
      GROUP BY 1, 2`),
    deps.db.execute(sql`
      SELECT agent_user_id::text AS user_id, ${MONTH_OF(sql`started_at`)} AS month, count(*)::int AS conversations,
        coalesce(sum(score), 0)::float AS score_sum, count(score)::int AS scored, coalesce(sum(empathy_rate), 0)::float AS empathy_sum, count(empathy_rate)::int AS empathy_n,
        sum(is_de_escalated::int)::int AS de_escalated, sum(is_escalation_missed::int)::int AS missed
      FROM qa_conversations
      WHERE organisation_id = ${organisationId} AND agent_user_id IS NOT NULL AND started_at >= ${fromAt} AND started_at < ${toAt}
      GROUP BY 1, 2`),
  ]);
  const cells: TCell[] = [];
  const personCell = (userId: string, month: string, acc: TAcc) => cells.push({ userId, teamIds: userTeams.get(userId) ?? [], month, acc });
  for (const r of reaction.rows as TRows) {
    const userId = r.user_id === null ? null : String(r.user_id);
    cells.push({ userId, teamIds: r.team_id === null ? [] : [String(r.team_id)], month: String(r.month), acc: { reactionResponses: num(r.responses), reactionSum: num(r.sum), reactionAnswers: num(r.answers) } });
  }
  for (const r of recipients.rows as TRows) personCell(String(r.user_id), String(r.month), { invited: num(r.invited), responded: num(r.responded) });
  for (const r of exams.rows as TRows) personCell(String(r.user_id), String(r.month), { examAttempts: num(r.attempts), examSum: num(r.sum), examPassed: num(r.passed) });
  for (const r of roleplays.rows as TRows) personCell(String(r.user_id), String(r.month), { roleplayAttempts: num(r.attempts), roleplaySum: num(r.sum) });
  for (const r of conversations.rows as TRows) {
    personCell(String(r.user_id), String(r.month), {
      conversations: num(r.conversations),
      qaScoreSum: num(r.score_sum),
      qaScored: num(r.scored),
      empathySum: num(r.empathy_sum),
      empathyMeasured: num(r.empathy_n),
      deEscalated: num(r.de_escalated),
      missed: num(r.missed),
    });
  }
  for (const record of kpis) {
    const acc: TAcc = { kpiRecords: 1 };
    for (const [field, value] of Object.entries(record.values) as [keyof TKpiValues, number | null][]) {
      if (value === null) continue;
      acc[`${field}Sum`] = value;
      acc[`${field}N`] = 1;
    }
    personCell(record.userId, record.periodStart.slice(0, 7), acc);
  }
  return cells;
}

/** Which cells a group takes: person cells by person, anonymous reaction cells by their team. */
type TGroup = { userIds: ReadonlySet<string> | undefined; teamIds: ReadonlySet<string> | undefined };

function inGroup(cell: TCell, group: TGroup): boolean {
  if (group.userIds === undefined && group.teamIds === undefined) return true;
  const isTeamSnapshot = cell.acc.reactionAnswers !== undefined || cell.acc.reactionResponses !== undefined;
  if (isTeamSnapshot) return group.teamIds !== undefined && cell.teamIds.some((id) => group.teamIds!.has(id));
  return cell.userId !== null && group.userIds !== undefined && group.userIds.has(cell.userId);
}

function byMonth(cells: readonly TCell[], months: readonly string[]) {
  const sums = new Map<string, TAcc>(months.map((m) => [m, {}]));
  for (const cell of cells) {
    const acc = sums.get(cell.month);
    if (acc) addAcc(acc, cell.acc);
  }
  return months.map((month) => ({ month, figures: figuresOf(sums.get(month)!) }));
}

/** Everything the dashboard, team and person views share, for one caller and range. */
async function loadContext(deps: TDeps, auth: TAuthContext, query: { from?: string | undefined; to?: string | undefined }) {
  const range = resolveRange(query);
  const window = windowOf(auth.organisationId, range);
  const [scope, userTeams, trainedOn, kpis] = await Promise.all([evaluationScope(deps, auth), teamsByUser(deps, auth.organisationId), firstTrainedDays(deps, auth.organisationId), kpiRecordsIn(deps, window)]);
  const cells = await loadCells(deps, window, userTeams, kpis);
  return { range, scope, userTeams, trainedOn, kpis, cells };
}

/** The people and team snapshots of the caller's whole view, or of one of their teams. */
async function groupOf(deps: TDeps, auth: TAuthContext, scope: TEvalScope, teamId: string | undefined): Promise<TGroup & { members: string[] }> {
  if (teamId) {
    const members = await findTeamMemberIds(deps.db, auth.organisationId, [teamId]);
    return { userIds: new Set(members), teamIds: new Set([teamId]), members };
  }
  const teamIds = scope.teams.map((t) => t.id);
  const members = await findTeamMemberIds(deps.db, auth.organisationId, teamIds);
  return scope.isOrganisationWide ? { userIds: undefined, teamIds: undefined, members } : { userIds: new Set(members), teamIds: new Set(teamIds), members };
}

const trainedCount = (userIds: readonly string[], trainedOn: ReadonlyMap<string, string>, lastDay: string) => userIds.filter((id) => (trainedOn.get(id) ?? '9999') <= lastDay).length;

/**
 * The dashboard: the four levels for the caller's teams (or one of them) over the months,
 * per team side by side, and the before/after comparison.
 * @throws AppError 404 for a team the caller may not see, 400 for a bad range
 */
export async function evaluationDashboard(deps: TDeps, auth: TAuthContext, query: { from?: string | undefined; to?: string | undefined; teamId?: string | undefined }): Promise<TEvalDashboard> {
  const { range, scope, userTeams, trainedOn, kpis, cells } = await loadContext(deps, auth, query);
  const team = query.teamId ? scope.teams.find((t) => t.id === query.teamId) : undefined;
  if (query.teamId && !team) throw notFound('Team');
  const group = await groupOf(deps, auth, scope, query.teamId);
  const groupCells = cells.filter((cell) => inGroup(cell, group));
  const lastDay = `${addMonths(range.to, 1)}-01`;
  const teamsShown = team ? [team] : scope.teams;
  const byTeam = teamsShown.map((t) => {
    const members = [...userTeams.entries()].filter(([, teamIds]) => teamIds.includes(t.id)).map(([userId]) => userId);
    const teamCells = cells.filter((cell) => cell.teamIds.includes(t.id));
    return { team: t, people: members.length, trainedPeople: trainedCount(members, trainedOn, lastDay), figures: figuresOf(sumCells(teamCells)), byMonth: byMonth(teamCells, range.months) };
  });
  const groupKpis = group.userIds === undefined ? kpis : kpis.filter((r) => group.userIds!.has(r.userId));
  return {
    range,
    team: team ?? null,
    isOrganisationWide: scope.isOrganisationWide,
    teams: scope.teams,
    people: group.members.length,
    trainedPeople: trainedCount(group.members, trainedOn, lastDay),
    totals: figuresOf(sumCells(groupCells)),
    byMonth: byMonth(groupCells, range.months),
    byTeam,
    did: computeDidRows(groupKpis, trainedOn),
  };
}

/**
 * One team: its figures, its before/after comparison, and each member's four levels.
 * @throws AppError 404 for a team the caller may not see
 */
export async function evaluationTeam(deps: TDeps, auth: TAuthContext, teamId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<TEvalTeam> {
  const { range, scope, trainedOn, kpis, cells } = await loadContext(deps, auth, query);
  const team = scope.teams.find((t) => t.id === teamId);
  if (!team) throw notFound('Team');
  const members = await deps.db.execute(sql`
    SELECT u.id::text AS id, u.login, u.display_name FROM team_members tm JOIN users u ON u.id = tm.user_id JOIN memberships m ON m.user_id = u.id AND m.organisation_id = ${auth.organisationId}
    WHERE tm.team_id = ${teamId} ORDER BY u.display_name`);
  const people = (members.rows as { id: string; login: string; display_name: string }[]).map((m) => ({ id: m.id, login: m.login, displayName: m.display_name }));
  const memberIds = new Set(people.map((p) => p.id));
  const teamCells = cells.filter((cell) => cell.teamIds.includes(teamId));
  const perPerson = new Map<string, TAcc>();
  for (const cell of cells) {
    // Person cells only: anonymous reaction answers belong to no one.
    if (cell.userId === null || !memberIds.has(cell.userId)) continue;
    perPerson.set(cell.userId, addAcc(perPerson.get(cell.userId) ?? {}, cell.acc));
  }
  return {
    team,
    range,
    figures: figuresOf(sumCells(teamCells)),
    did: computeDidRows(kpis.filter((r) => memberIds.has(r.userId)), trainedOn),
    people: people
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))
      .map((person) => ({ person, firstTrainedOn: trainedOn.get(person.id) ?? null, figures: figuresOf(perPerson.get(person.id) ?? {}) })),
  };
}

/** How many of each kind of record the person page lists. */
const PERSON_LIST_MAX = 100;

/**
 * One person: the four levels over the months, their KPI periods placed before or after their
 * first session, and the records behind the figures (sessions, exams, role-plays,
 * conversations, named reaction answers) with links for the web app.
 * @throws AppError 404 for a person the caller may not see
 */
export async function evaluationPerson(deps: TDeps, auth: TAuthContext, userId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<TEvalPerson> {
  const scope = await evaluationScope(deps, auth);
  const member = canSeePerson(scope, userId) ? await findMember(deps.db, auth.organisationId, userId) : undefined;
  if (!member) throw notFound('Person');
  const { range, trainedOn, kpis, cells } = await loadContext(deps, auth, query);
  const window = windowOf(auth.organisationId, range);
  const own = cells.filter((cell) => cell.userId === userId);
  const ownKpis = kpis.filter((r) => r.userId === userId).sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
  const firstTrainedOn = trainedOn.get(userId) ?? null;
  const { fromAt, toAt } = window;
  const [sessions, exams, roleplays, conversations, reactions, teams] = await Promise.all([
    deps.db.execute(sql`
      SELECT ts.id::text AS id, ts.title, ts.starts_at, se.attendance FROM session_enrolments se JOIN training_sessions ts ON ts.id = se.session_id
      WHERE ts.organisation_id = ${auth.organisationId} AND se.user_id = ${userId} AND ts.status <> 'cancelled' AND ts.starts_at <= now()
      ORDER BY ts.starts_at DESC LIMIT ${PERSON_LIST_MAX}`),
    deps.db.execute(sql`
      SELECT a.id::text AS id, a.exam_id::text AS exam_id, e.title, a.submitted_at, a.final_score, a.is_passed FROM exam_attempts a JOIN exams e ON e.id = a.exam_id
      WHERE a.organisation_id = ${auth.organisationId} AND a.user_id = ${userId} AND a.status IN ('graded', 'expired', 'submitted') AND a.submitted_at >= ${fromAt} AND a.submitted_at < ${toAt}
      ORDER BY a.submitted_at DESC LIMIT ${PERSON_LIST_MAX}`),
    deps.db.execute(sql`
      SELECT id::text AS id, scenario_id, scenario->'title' AS title, finished_at, total, outcome FROM roleplay_attempts
      WHERE organisation_id = ${auth.organisationId} AND user_id = ${userId} AND finished_at >= ${fromAt} AND finished_at < ${toAt}
      ORDER BY finished_at DESC LIMIT ${PERSON_LIST_MAX}`),
    deps.db.execute(sql`
      SELECT id::text AS id, started_at, score, empathy_rate, is_de_escalated, is_escalation_missed, shop FROM qa_conversations
      WHERE organisation_id = ${auth.organisationId} AND agent_user_id = ${userId} AND started_at >= ${fromAt} AND started_at < ${toAt}
      ORDER BY started_at DESC LIMIT ${PERSON_LIST_MAX}`),
    deps.db.execute(sql`
      SELECT s.id::text AS survey_id, s.title, r.submitted_at,
        (SELECT avg((r.answers->>(q->>'id'))::float) FROM jsonb_array_elements(s.questions) q WHERE q->>'type' = 'likert' AND jsonb_typeof(r.answers->(q->>'id')) = 'number') AS average
      FROM survey_responses r JOIN surveys s ON s.id = r.survey_id LEFT JOIN training_sessions ts ON ts.id = s.session_id
      WHERE s.organisation_id = ${auth.organisationId} AND s.kind = 'reaction' AND r.user_id = ${userId} AND ${REACTION_AT} >= ${fromAt} AND ${REACTION_AT} < ${toAt}
      ORDER BY r.submitted_at DESC LIMIT ${PERSON_LIST_MAX}`),
    findUserTeams(deps.db, auth.organisationId, [userId]),
  ]);
  const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());
  const text = (value: unknown) => {
    const t = (value ?? {}) as { zh?: string; en?: string };
    return { zh: t.zh ?? t.en ?? '', en: t.en ?? t.zh ?? '' };
  };
  return {
    person: { id: member.id, login: member.login, displayName: member.displayName, teams: teams.map((t) => ({ id: t.id, name: t.name })), hireDate: member.hireDate, firstTrainedOn },
    range,
    figures: figuresOf(sumCells(own)),
    byMonth: byMonth(own, range.months),
    kpis: ownKpis.map((r) => ({ periodStart: r.periodStart, periodEnd: r.periodEnd, ...r.values, phase: periodPhase(r.periodStart, r.periodEnd, firstTrainedOn) })),
    beforeAfter: personBeforeAfter(ownKpis, firstTrainedOn),
    sessions: (sessions.rows as TRows).map((r) => ({ id: String(r.id), title: String(r.title), startsAt: iso(r.starts_at)!, attendance: String(r.attendance) })),
    exams: (exams.rows as TRows).map((r) => ({
      attemptId: String(r.id),
      examId: String(r.exam_id),
      examTitle: text(r.title),
      submittedAt: iso(r.submitted_at),
      finalScore: r.final_score === null ? null : Number(r.final_score),
      isPassed: r.is_passed === null ? null : Boolean(r.is_passed),
    })),
    roleplays: (roleplays.rows as TRows).map((r) => ({
      attemptId: String(r.id),
      scenarioId: String(r.scenario_id),
      scenarioTitle: text(r.title),
      finishedAt: iso(r.finished_at),
      total: r.total === null ? null : Number(r.total),
      outcome: r.outcome === null ? null : String(r.outcome),
    })),
    conversations: (conversations.rows as TRows).map((r) => ({
      id: String(r.id),
      startedAt: iso(r.started_at),
      score: r.score === null ? null : Number(r.score),
      empathyRate: r.empathy_rate === null ? null : Number(r.empathy_rate),
      isDeEscalated: Boolean(r.is_de_escalated),
      isEscalationMissed: Boolean(r.is_escalation_missed),
      shop: r.shop === null ? null : String(r.shop),
    })),
    reactions: (reactions.rows as TRows).map((r) => ({
      surveyId: String(r.survey_id),
      title: String(r.title),
      submittedAt: iso(r.submitted_at)!,
      average: r.average === null ? null : Math.round(Number(r.average) * 100) / 100,
    })),
  };
}
