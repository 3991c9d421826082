import { randomUUID } from 'node:crypto';
import {
  hasAnyRole,
  surveyTemplate,
  TRAINING_GROUP_ROLES,
  ZSurveyInput,
  type TRole,
  type TSendSurveyRequest,
  type TSubmitSurveyResponse,
  type TSurveyDetail,
  type TSurveyInput,
  type TSurveyQuestion,
  type TSurveySummary,
} from '@calmdesk/shared';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { memberships, sessionEnrolments, surveyRecipients, surveyResponses, surveys, trainingSessions, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { notify } from './notification.service.js';
import { checkSurveyAnswers, surveyLevelOf, tenureMonthsAt } from './survey-answers.js';
import { resolveAssignees } from './user.service.js';

/**
 * Needs analysis and reaction questionnaires (SPEC §2.7, §2.8 level 1). The training group
 * builds a survey (a draft), sends it to teams and people (it opens), reminds those who have
 * not answered, and closes it. Everyone answers their own at /my/surveys, once. Anonymous
 * answers carry no person, only the level, tenure and team snapshot; survey_recipients still
 * records *that* someone answered, so reminders go only to the others.
 */

/** Who builds, sends and closes surveys: the training management group. */
export const SURVEY_BUILDER_ROLES: readonly TRole[] = TRAINING_GROUP_ROLES;
/** Who reads surveys and their reports: the group (everything) and supervisors (their teams). */
export const SURVEY_READER_ROLES: readonly TRole[] = [...TRAINING_GROUP_ROLES, 'supervisor'];

type TSurveyRow = typeof surveys.$inferSelect;
type TKind = TSurveySummary['kind'];
type TStatus = TSurveySummary['status'];

/** CalmDesk's merchants work on China time (UTC+8, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 60 * 60_000;

/** A due date (YYYY-MM-DD) means the end of that day in China. */
export function dueAtOf(date: string | null): Date | null {
  return date ? new Date(`${date}T23:59:59+08:00`) : null;
}

/** The China day of a moment, YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The quarter of a moment in China, e.g. 2026-Q4. */
export function chinaQuarter(at: Date): string {
  const day = chinaDay(at);
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The caller's view of surveys: everything for the group; for a supervisor, the members of their teams. */
export type TSurveyScope = { isAll: true } | { isAll: false; teamIds: string[]; memberIds: string[] };

export async function surveyScopeOf(deps: Pick<TDeps, 'db'>, auth: TAuthContext): Promise<TSurveyScope> {
  if (hasAnyRole(auth.roles, SURVEY_BUILDER_ROLES)) return { isAll: true };
  const teamIds = (await findUserTeams(deps.db, auth.organisationId, [auth.userId])).map((team) => team.id);
  return { isAll: false, teamIds, memberIds: await findTeamMemberIds(deps.db, auth.organisationId, teamIds) };
}

/** The survey row of the organisation; NOT_FOUND for another organisation's or an unknown id. */
export async function findSurveyRow(db: TDb, organisationId: string, surveyId: string): Promise<TSurveyRow> {
  const rows = await db.select().from(surveys).where(and(eq(surveys.organisationId, organisationId), eq(surveys.id, surveyId))).limit(1);
  if (!rows[0]) throw notFound('Survey');
  return rows[0];
}

/** A survey a supervisor may see: sent (not a draft) to at least one member of their teams. */
async function visibleSurveyRow(deps: Pick<TDeps, 'db'>, auth: TAuthContext, surveyId: string, scope: TSurveyScope): Promise<TSurveyRow> {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  if (scope.isAll) return row;
  if (row.status === 'draft' || scope.memberIds.length === 0) throw notFound('Survey');
  const asked = await deps.db
    .select({ n: count() })
    .from(surveyRecipients)
    .where(and(eq(surveyRecipients.surveyId, row.id), inArray(surveyRecipients.userId, scope.memberIds)));
  if ((asked[0]?.n ?? 0) === 0) throw notFound('Survey');
  return row;
}

/** Recipients and respondents per survey, counting only these people when a scope is given. */
async function recipientCounts(db: TDb, surveyIds: string[], memberIds?: string[]) {
  if (surveyIds.length === 0 || memberIds?.length === 0) return new Map<string, { recipients: number; responded: number }>();
  const rows = await db
    .select({ surveyId: surveyRecipients.surveyId, recipients: count(), responded: count(surveyRecipients.respondedAt) })
    .from(surveyRecipients)
    .where(and(inArray(surveyRecipients.surveyId, surveyIds), memberIds ? inArray(surveyRecipients.userId, memberIds) : undefined))
    .groupBy(surveyRecipients.surveyId);
  return new Map(rows.map((row) => [row.surveyId, { recipients: row.recipients, responded: row.responded }]));
}

function summaryOf(row: TSurveyRow, counts: { recipients: number; responded: number } | undefined, creator: { id: string; displayName: string } | null): TSurveySummary {
  return {
    id: row.id,
    kind: row.kind as TKind,
    title: row.title,
    description: row.description,
    period: row.period,
    status: row.status as TStatus,
    isAnonymous: row.isAnonymous,
    questionCount: (row.questions as TSurveyQuestion[]).length,
    sessionId: row.sessionId,
    dueDate: row.dueAt ? chinaDay(row.dueAt) : null,
    openedAt: iso(row.openedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    createdBy: creator,
    recipients: counts?.recipients ?? 0,
    responded: counts?.responded ?? 0,
  };
}

async function creatorsOf(db: TDb, rows: TSurveyRow[]) {
  const ids = [...new Set(rows.map((row) => row.createdBy).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const found = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((user) => [user.id, user.displayName]));
}

/** Summaries of these rows in the caller's scope. */
export async function surveySummaries(deps: Pick<TDeps, 'db'>, rows: TSurveyRow[], scope: TSurveyScope): Promise<TSurveySummary[]> {
  const counts = await recipientCounts(deps.db, rows.map((row) => row.id), scope.isAll ? undefined : scope.memberIds);
  const creators = await creatorsOf(deps.db, rows);
  return rows.map((row) => summaryOf(row, counts.get(row.id), row.createdBy && creators.has(row.createdBy) ? { id: row.createdBy, displayName: creators.get(row.createdBy)! } : null));
}

/**
 * Surveys, newest first: all of them for the training group; for a supervisor, those sent to
 * their teams (drafts are the group's own work in progress).
 */
export async function listSurveys(deps: TDeps, auth: TAuthContext, query: { kind?: TKind | undefined; status?: TStatus | undefined }) {
  const scope = await surveyScopeOf(deps, auth);
  const conditions: (SQL | undefined)[] = [eq(surveys.organisationId, auth.organisationId), query.kind ? eq(surveys.kind, query.kind) : undefined, query.status ? eq(surveys.status, query.status) : undefined];
  if (!scope.isAll) {
    if (scope.memberIds.length === 0) return { surveys: [] };
    conditions.push(
      sql`${surveys.status} <> 'draft'`,
      sql`exists (select 1 from ${surveyRecipients} where ${surveyRecipients.surveyId} = ${surveys.id} and ${inArray(surveyRecipients.userId, scope.memberIds)})`,
    );
  }
  const rows = await deps.db.select().from(surveys).where(and(...conditions)).orderBy(desc(surveys.createdAt)).limit(500);
  return { surveys: await surveySummaries(deps, rows, scope) };
}

/**
 * One survey with its questions and who was asked (for a supervisor: the members of their
 * teams). Whether each person answered is shown even for an anonymous survey; what they answered never is.
 */
export async function getSurvey(deps: Pick<TDeps, 'db'>, auth: TAuthContext, surveyId: string): Promise<TSurveyDetail> {
  const scope = await surveyScopeOf(deps, auth);
  const row = await visibleSurveyRow(deps, auth, surveyId, scope);
  return surveyDetail(deps, auth.organisationId, row, scope);
}

async function surveyDetail(deps: Pick<TDeps, 'db'>, organisationId: string, row: TSurveyRow, scope: TSurveyScope): Promise<TSurveyDetail> {
  const [summary] = await surveySummaries(deps, [row], scope);
  const recipients = await deps.db
    .select({ userId: surveyRecipients.userId, displayName: users.displayName, login: users.login, invitedAt: surveyRecipients.invitedAt, remindedAt: surveyRecipients.remindedAt, respondedAt: surveyRecipients.respondedAt })
    .from(surveyRecipients)
    .innerJoin(users, eq(users.id, surveyRecipients.userId))
    .where(and(eq(surveyRecipients.surveyId, row.id), scope.isAll ? undefined : inArray(surveyRecipients.userId, scope.memberIds.length > 0 ? scope.memberIds : [randomUUID()])))
    .orderBy(asc(users.displayName));
  const teams = await findUserTeams(deps.db, organisationId, recipients.map((r) => r.userId));
  return {
    ...summary!,
    questions: (row.questions as TSurveyQuestion[]).map((question) => ({ ...question, options: question.options ?? [], isRequired: question.isRequired ?? true })),
    recipientList: recipients.map((r) => ({
      user: { id: r.userId, displayName: r.displayName, login: r.login },
      teamNames: teams.filter((team) => team.userId === r.userId).map((team) => team.name),
      invitedAt: r.invitedAt.toISOString(),
      remindedAt: iso(r.remindedAt),
      respondedAt: iso(r.respondedAt),
    })),
  };
}

const ALL_SCOPE: TSurveyScope = { isAll: true };

/** The builder's input checked again here (the route checks it too), so other callers get the same 400s with field paths. */
function parseSurveyInput(input: TSurveyInput) {
  const parsed = ZSurveyInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path].join('.'), message: issue.message }));
  throw new AppError('VALIDATION_FAILED', `Invalid survey: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** Creates a draft survey from the builder. */
export async function createSurvey(deps: TDeps, auth: TAuthContext, input: TSurveyInput, ip: string): Promise<TSurveyDetail> {
  const survey = parseSurveyInput(input);
  const [row] = await deps.db
    .insert(surveys)
    .values({ organisationId: auth.organisationId, kind: survey.kind, title: survey.title, description: survey.description, period: survey.period, isAnonymous: survey.isAnonymous, questions: survey.questions, createdBy: auth.userId })
    .returning();
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.created', targetType: 'survey', targetId: row!.id, details: { title: survey.title, kind: survey.kind, questions: survey.questions.length }, ip });
  return surveyDetail(deps, auth.organisationId, row!, ALL_SCOPE);
}

function refuseUnlessDraft(row: TSurveyRow, what: string): void {
  if (row.status !== 'draft') throw new AppError('CONFLICT', `This survey is ${row.status}: ${what} only while it is a draft, before anyone has been asked`);
}

/** Replaces a draft's fields and questions; once sent, the questions stay as people saw them. */
export async function updateSurvey(deps: TDeps, auth: TAuthContext, surveyId: string, input: TSurveyInput, ip: string): Promise<TSurveyDetail> {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  refuseUnlessDraft(row, 'it can be changed');
  const survey = parseSurveyInput(input);
  const [updated] = await deps.db
    .update(surveys)
    .set({ kind: survey.kind, title: survey.title, description: survey.description, period: survey.period, isAnonymous: survey.isAnonymous, questions: survey.questions })
    .where(and(eq(surveys.id, row.id), eq(surveys.status, 'draft')))
    .returning();
  if (!updated) throw new AppError('CONFLICT', 'This survey was sent meanwhile: it can be changed only while it is a draft');
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.updated', targetType: 'survey', targetId: row.id, details: { title: survey.title }, ip });
  return surveyDetail(deps, auth.organisationId, updated, ALL_SCOPE);
}

/** Deletes a draft nobody has seen. */
export async function deleteSurvey(deps: TDeps, auth: TAuthContext, surveyId: string, ip: string): Promise<{ ok: true }> {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  refuseUnlessDraft(row, 'it can be deleted');
  await deps.db.delete(surveys).where(and(eq(surveys.id, row.id), eq(surveys.status, 'draft')));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.deleted', targetType: 'survey', targetId: row.id, details: { title: row.title }, ip });
  return { ok: true };
}

/** Active members of the organisation among these people. */
async function activeMemberIds(db: TDb, organisationId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), inArray(memberships.userId, userIds)));
  return rows.map((row) => row.userId);
}

/** The invitation: the survey's title, and the due date when there is one. */
function inviteNotice(row: Pick<TSurveyRow, 'id' | 'title' | 'dueAt'>) {
  const due = row.dueAt ? chinaDay(row.dueAt) : null;
  return {
    kind: 'survey_invite',
    title: { zh: `请填写问卷：${row.title}`, en: `A survey for you: ${row.title}` },
    body: due ? { zh: `请在 ${due} 前完成，大约需要几分钟。`, en: `Please answer by ${due}; it takes a few minutes.` } : { zh: '大约需要几分钟。', en: 'It takes a few minutes.' },
    link: `/my/surveys/${row.id}`,
  };
}

/** Adds recipients (once each) and notifies the new ones. @returns the people newly asked */
async function inviteRecipients(db: TDb, organisationId: string, row: Pick<TSurveyRow, 'id' | 'title' | 'dueAt'>, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const added: string[] = [];
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await db
      .insert(surveyRecipients)
      .values(userIds.slice(i, i + 1000).map((userId) => ({ surveyId: row.id, userId })))
      .onConflictDoNothing()
      .returning({ userId: surveyRecipients.userId });
    added.push(...rows.map((r) => r.userId));
  }
  await notify(db, organisationId, added, inviteNotice(row));
  return added;
}

/**
 * Sends a draft (it opens) or an open survey to more teams and people, with the due date.
 * People already asked are not asked again; each newly asked person gets a notice.
 * @returns the survey and how many were newly invited
 */
export async function sendSurvey(deps: TDeps, auth: TAuthContext, surveyId: string, body: TSendSurveyRequest, ip: string) {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  if (row.status === 'closed') throw new AppError('CONFLICT', 'This survey is closed: make a new one to ask again');
  const dueDate = body.dueDate ?? null;
  if (dueDate && dueDate < chinaDay(new Date())) throw new AppError('VALIDATION_FAILED', 'The due date has passed', [{ path: 'body.dueDate', message: 'pick today or a later day' }]);
  const resolved = await resolveAssignees(deps, auth.organisationId, { userIds: body.userIds ?? [], teamIds: body.teamIds ?? [] });
  const people = await activeMemberIds(deps.db, auth.organisationId, resolved);
  if (people.length === 0) throw new AppError('VALIDATION_FAILED', 'Nobody to ask', [{ path: 'body.teamIds', message: 'the teams and people chosen have no active members' }]);
  const result = await deps.db.transaction(async (tx) => {
    const [opened] = await tx
      .update(surveys)
      .set({ status: 'open', openedAt: row.openedAt ?? new Date(), dueAt: dueDate ? dueAtOf(dueDate) : row.dueAt })
      .where(and(eq(surveys.id, row.id), inArray(surveys.status, ['draft', 'open'])))
      .returning();
    if (!opened) throw new AppError('CONFLICT', 'This survey was closed meanwhile');
    return { opened, invited: await inviteRecipients(tx, auth.organisationId, opened, people) };
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.sent', targetType: 'survey', targetId: row.id, details: { invited: result.invited.length, teamIds: body.teamIds ?? [], dueDate }, ip });
  return { survey: await surveyDetail(deps, auth.organisationId, result.opened, ALL_SCOPE), invited: result.invited.length };
}

/**
 * Reminds those who have not answered an open survey (a survey_reminder notice each) and
 * records when. Knowing who answered is what makes this possible on an anonymous survey too.
 */
export async function remindSurvey(deps: TDeps, auth: TAuthContext, surveyId: string, ip: string) {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  if (row.status !== 'open') throw new AppError('CONFLICT', `This survey is ${row.status}: only an open survey can be reminded`);
  const reminded = await deps.db.transaction(async (tx) => {
    const pending = await tx
      .update(surveyRecipients)
      .set({ remindedAt: new Date() })
      .where(and(eq(surveyRecipients.surveyId, row.id), isNull(surveyRecipients.respondedAt)))
      .returning({ userId: surveyRecipients.userId });
    const due = row.dueAt ? chinaDay(row.dueAt) : null;
    await notify(tx, auth.organisationId, pending.map((p) => p.userId), {
      kind: 'survey_reminder',
      title: { zh: `提醒：问卷「${row.title}」还没有填写`, en: `Reminder: “${row.title}” is waiting for your answers` },
      body: due ? { zh: `截止日期 ${due}，几分钟就能填完。`, en: `Due ${due}; it takes a few minutes.` } : { zh: '几分钟就能填完。', en: 'It takes a few minutes.' },
      link: `/my/surveys/${row.id}`,
    });
    return pending.length;
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.reminded', targetType: 'survey', targetId: row.id, details: { reminded }, ip });
  return { survey: await surveyDetail(deps, auth.organisationId, row, ALL_SCOPE), reminded };
}

/** Closes an open survey: no more answers; the report stays. */
export async function closeSurvey(deps: TDeps, auth: TAuthContext, surveyId: string, ip: string): Promise<TSurveyDetail> {
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  if (row.status !== 'open') throw new AppError('CONFLICT', row.status === 'draft' ? 'This survey has not been sent: delete the draft instead' : 'This survey is closed already');
  const [closed] = await deps.db.update(surveys).set({ status: 'closed', closedAt: new Date() }).where(and(eq(surveys.id, row.id), eq(surveys.status, 'open'))).returning();
  if (!closed) throw new AppError('CONFLICT', 'This survey is closed already');
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'survey.closed', targetType: 'survey', targetId: row.id, ip });
  return surveyDetail(deps, auth.organisationId, closed, ALL_SCOPE);
}

// ---------------------------------------------------------------------------
// Answering

async function mySurveyRows(db: TDb, auth: TAuthContext, surveyId?: string) {
  return db
    .select({ survey: surveys, invitedAt: surveyRecipients.invitedAt, respondedAt: surveyRecipients.respondedAt })
    .from(surveyRecipients)
    .innerJoin(surveys, eq(surveys.id, surveyRecipients.surveyId))
    .where(and(eq(surveyRecipients.userId, auth.userId), eq(surveys.organisationId, auth.organisationId), sql`${surveys.status} <> 'draft'`, surveyId ? eq(surveys.id, surveyId) : undefined))
    .orderBy(desc(surveyRecipients.invitedAt));
}

function mySurveyOf(row: Awaited<ReturnType<typeof mySurveyRows>>[number]) {
  return {
    id: row.survey.id,
    kind: row.survey.kind as TKind,
    title: row.survey.title,
    description: row.survey.description,
    status: row.survey.status as TStatus,
    isAnonymous: row.survey.isAnonymous,
    questionCount: (row.survey.questions as TSurveyQuestion[]).length,
    dueDate: row.survey.dueAt ? chinaDay(row.survey.dueAt) : null,
    invitedAt: row.invitedAt.toISOString(),
    respondedAt: iso(row.respondedAt),
  };
}

/** The surveys I was asked to answer: open ones waiting for me first, then the rest, newest first. */
export async function listMySurveys(deps: TDeps, auth: TAuthContext) {
  const rows = (await mySurveyRows(deps.db, auth)).map(mySurveyOf);
  const isWaiting = (s: (typeof rows)[number]) => s.status === 'open' && s.respondedAt === null;
  return { surveys: [...rows.filter(isWaiting), ...rows.filter((s) => !isWaiting(s))] };
}

/** One survey I was asked to answer, with its questions; NOT_FOUND when I was not asked. */
export async function getMySurvey(deps: TDeps, auth: TAuthContext, surveyId: string) {
  const row = (await mySurveyRows(deps.db, auth, surveyId))[0];
  if (!row) throw notFound('Survey');
  return { ...mySurveyOf(row), questions: row.survey.questions as TSurveyQuestion[] };
}

/**
 * Stores my answers, once. The response keeps my level (highest role), months since my hire
 * date and my first team for the report; on an anonymous survey it keeps no user id, and its
 * time is only the day, so it cannot be matched with the moment recorded in survey_recipients.
 * Not audited: an audit entry would tie me to the moment of an anonymous answer.
 * @throws NOT_FOUND when I was not asked, CONFLICT when I answered already or the survey is closed, VALIDATION_FAILED naming `answers.<id>`
 */
export async function submitSurveyResponse(deps: TDeps, auth: TAuthContext, surveyId: string, body: TSubmitSurveyResponse) {
  const row = (await mySurveyRows(deps.db, auth, surveyId))[0];
  if (!row) throw notFound('Survey');
  if (row.respondedAt) throw new AppError('CONFLICT', 'You have answered this survey already: one answer per person');
  if (row.survey.status !== 'open') throw new AppError('CONFLICT', 'This survey is closed and takes no more answers');
  const { answers, issues } = checkSurveyAnswers(row.survey.questions as TSurveyQuestion[], body.answers);
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid answers: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues.map((i) => ({ path: `body.${i.path}`, message: i.message })));

  const member = (await deps.db.select({ roles: memberships.roles, hireDate: memberships.hireDate }).from(memberships).where(and(eq(memberships.organisationId, auth.organisationId), eq(memberships.userId, auth.userId))).limit(1))[0];
  const firstTeam = (await findUserTeams(deps.db, auth.organisationId, [auth.userId]))[0];
  const now = new Date();
  const isAnonymous = row.survey.isAnonymous;
  await deps.db.transaction(async (tx) => {
    // The claim is the one-answer rule: a second submit racing this one finds responded_at set.
    const claimed = await tx
      .update(surveyRecipients)
      .set({ respondedAt: now })
      .where(and(eq(surveyRecipients.surveyId, row.survey.id), eq(surveyRecipients.userId, auth.userId), isNull(surveyRecipients.respondedAt)))
      .returning({ userId: surveyRecipients.userId });
    if (claimed.length === 0) throw new AppError('CONFLICT', 'You have answered this survey already: one answer per person');
    await tx.insert(surveyResponses).values({
      surveyId: row.survey.id,
      organisationId: auth.organisationId,
      userId: isAnonymous ? null : auth.userId,
      answers,
      level: surveyLevelOf((member?.roles ?? auth.roles) as TRole[]),
      tenureMonths: tenureMonthsAt(member?.hireDate ?? null, now),
      teamId: firstTeam?.id ?? null,
      submittedAt: isAnonymous ? new Date(`${chinaDay(now)}T00:00:00+08:00`) : now,
    });
  });
  return { respondedAt: now.toISOString(), isAnonymous };
}

// ---------------------------------------------------------------------------
// Reaction questionnaires (level 1), sent when a session is closed

/** How long people have to give their reaction after a session. */
const REACTION_DAYS = 7;

/**
 * Sends the reaction questionnaire of a held session to the people who attended (present or
 * late): an open, anonymous survey from the built-in reaction template, titled with the
 * session's title, due in 7 days. Idempotent: the session has at most one (surveys.session_id is
 * unique); calling again only asks attendees marked present since, and notifies only them.
 * Runs in the caller's transaction when given one (PLANS closes the session and calls this).
 * @param dbOrDeps the database or transaction, or deps holding it
 * @param organisationId the session's organisation
 * @param sessionId the session
 * @returns the survey's id; null when nobody attended and none exists
 * @throws NOT_FOUND when the session is not the organisation's
 */
export async function sendReactionSurvey(dbOrDeps: TDb | Pick<TDeps, 'db'>, organisationId: string, sessionId: string): Promise<string | null> {
  const db = 'select' in dbOrDeps ? dbOrDeps : dbOrDeps.db;
  const session = (await db.select().from(trainingSessions).where(and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.id, sessionId))).limit(1))[0];
  if (!session) throw notFound('Session');
  const attendees = (
    await db
      .select({ userId: sessionEnrolments.userId })
      .from(sessionEnrolments)
      .where(and(eq(sessionEnrolments.sessionId, session.id), inArray(sessionEnrolments.attendance, ['present', 'late'])))
  ).map((row) => row.userId);
  let survey = (await db.select().from(surveys).where(eq(surveys.sessionId, session.id)).limit(1))[0];
  if (!survey) {
    if (attendees.length === 0) return null;
    const template = surveyTemplate('reaction', 'zh-CN');
    const now = new Date();
    const created = await db
      .insert(surveys)
      .values({
        organisationId,
        kind: 'reaction',
        title: `${template.title}：${session.title}`,
        description: template.description,
        questions: template.questions,
        isAnonymous: true,
        status: 'open',
        period: chinaQuarter(session.startsAt),
        sessionId: session.id,
        openedAt: now,
        dueAt: dueAtOf(chinaDay(new Date(now.getTime() + REACTION_DAYS * 86_400_000))),
      })
      .onConflictDoNothing({ target: surveys.sessionId })
      .returning();
    // Lost a race with a concurrent call: use the one it made.
    survey = created[0] ?? (await db.select().from(surveys).where(eq(surveys.sessionId, session.id)).limit(1))[0]!;
  }
  const active = await activeMemberIds(db, organisationId, attendees);
  if (survey.status !== 'closed') await inviteRecipients(db, organisationId, survey, active);
  return survey.id;
}
