import { randomInt } from 'node:crypto';
import {
  hasAnyRole,
  LATE_AFTER_MINUTES,
  normaliseSignInCode,
  SIGN_IN_CODE_ALPHABET,
  SIGN_IN_CODE_LENGTH,
  signInWindow,
  type TRole,
  type TSessionDetail,
  type TSessionSummary,
  type TSignInCode,
  type ZAttendanceMarks,
  type ZCloseSessionRequest,
  type ZEnrolRequest,
  type ZSessionInput,
  type ZSessionListQuery,
  type ZSessionUpdate,
  type ZSignInResult,
} from '@calmdesk/shared';
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { courses, exams, makeUpTasks, memberships, personRecords, roleplayScenarios, sessionEnrolments, surveys, trainingPlans, trainingSessions, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { getScenarios } from '../lib/scenarios.js';
import { settleAbsences, settleMakeUpTasks } from './attendance.service.js';
import { recordAudit } from './audit.service.js';
import { visibleUserIds } from './learning.service.js';
import { notify } from './notification.service.js';
import { activeMemberIds, displayNames, teamIdsOf, teamNamesOf } from './session-people.service.js';
import { sendReactionSurvey } from './survey.service.js';

/**
 * Training sessions (SPEC §2.7): the calendar, one-off sessions (trainers; supervisors schedule
 * drills for their own teams), enrolment, sign-in by a short code or its QR code while the session
 * runs, manual correction, and closing, which settles attendance: whoever is still only enrolled
 * is absent, and each unexcused absence brings a warning, a make-up task and notices.
 */

/** Who sees the calendar and session pages. */
export const SESSION_READER_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader'];
/** Who schedules and runs sessions: trainers all of them, supervisors the drills they scheduled. */
export const SESSION_MANAGER_ROLES: readonly TRole[] = ['trainer', 'supervisor'];

type TSessionRow = typeof trainingSessions.$inferSelect;

const DAY_MS = 86_400_000;
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** A session of the organisation; NOT_FOUND for another organisation's or an unknown id. */
export async function findSession(db: TDb, organisationId: string, sessionId: string, options: { isForUpdate?: boolean } = {}): Promise<TSessionRow> {
  const query = db.select().from(trainingSessions).where(and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.id, sessionId))).limit(1);
  const rows = options.isForUpdate ? await query.for('update') : await query;
  if (!rows[0]) throw notFound('Session');
  return rows[0];
}

/** Trainers run every session; a supervisor runs the ones they scheduled. */
export function canManageSession(auth: TAuthContext, session: Pick<TSessionRow, 'createdBy'>): boolean {
  return auth.roles.includes('trainer') || (auth.roles.includes('supervisor') && session.createdBy === auth.userId);
}

async function sessionToManage(db: TDb, auth: TAuthContext, sessionId: string, options: { isForUpdate?: boolean } = {}): Promise<TSessionRow> {
  const session = await findSession(db, auth.organisationId, sessionId, options);
  if (!canManageSession(auth, session)) throw new AppError('FORBIDDEN', 'Only trainers, and the supervisor who scheduled this drill, run this session');
  return session;
}

function assertOpen(session: TSessionRow): void {
  if (session.status === 'cancelled') throw new AppError('CONFLICT', 'This session has been cancelled');
  if (session.closedAt) throw new AppError('CONFLICT', 'This session has been closed and its attendance settled');
}

/** Checks the instructor, course and scenarios a session names belong to the organisation. */
async function checkSessionReferences(db: TDb, organisationId: string, input: { instructorUserId?: string | null | undefined; instructorName?: string | null | undefined; courseId?: string | null | undefined; scenarioIds?: string[] | undefined }) {
  const issues: { path: string; message: string }[] = [];
  if (input.instructorUserId && input.instructorName) issues.push({ path: 'instructorName', message: 'name an instructor from the organisation or an invited one, not both' });
  if (input.instructorUserId && !(await db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, input.instructorUserId)))).length) {
    issues.push({ path: 'instructorUserId', message: 'the instructor is not in this organisation' });
  }
  if (input.courseId && !(await db.select({ id: courses.id }).from(courses).where(and(eq(courses.organisationId, organisationId), eq(courses.id, input.courseId)))).length) {
    issues.push({ path: 'courseId', message: 'no such course in the catalogue' });
  }
  const builtIn = getScenarios();
  const unknown = (input.scenarioIds ?? []).filter((id) => !builtIn.has(id));
  if (unknown.length > 0) {
    const custom = await db.select({ id: roleplayScenarios.scenarioId }).from(roleplayScenarios).where(and(eq(roleplayScenarios.organisationId, organisationId), inArray(roleplayScenarios.scenarioId, unknown)));
    const known = new Set(custom.map((row) => row.id));
    const missing = unknown.filter((id) => !known.has(id));
    if (missing.length > 0) issues.push({ path: 'scenarioIds', message: `no role-play scenario ${missing.join(', ')}` });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues.map((issue) => issue.message).join('; '), issues);
}

/**
 * The people to enrol: for a supervisor only their own teams and those teams' members.
 * @returns active member ids; FORBIDDEN names the first team or person outside a supervisor's teams
 */
async function enrolleesFor(db: TDb, auth: TAuthContext, input: { userIds: string[]; teamIds: string[] }): Promise<string[]> {
  if (!auth.roles.includes('trainer')) {
    const myTeams = await teamIdsOf(db, auth.organisationId, auth.userId);
    if (input.teamIds.some((id) => !myTeams.includes(id))) throw new AppError('FORBIDDEN', 'Supervisors enrol their own teams only');
    const mine = new Set(await activeMemberIds(db, auth.organisationId, { userIds: [], teamIds: myTeams }));
    if (input.userIds.some((id) => !mine.has(id))) throw new AppError('FORBIDDEN', 'Supervisors enrol members of their own teams only');
  }
  const people = await activeMemberIds(db, auth.organisationId, input);
  const unknown = input.userIds.filter((id) => !people.includes(id));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'Unknown person', [{ path: 'userIds', message: `${unknown[0]} is not an active member of this organisation` }]);
  return people;
}

/** Enrols people (once each) and tells the new ones. @returns the newly enrolled ids */
async function enrol(db: TDb, organisationId: string, session: Pick<TSessionRow, 'id' | 'title' | 'startsAt' | 'location'>, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const added = await db
    .insert(sessionEnrolments)
    .values(userIds.map((userId) => ({ sessionId: session.id, userId })))
    .onConflictDoNothing()
    .returning({ userId: sessionEnrolments.userId });
  const when = CHINA_TIME.format(session.startsAt);
  await notify(db, organisationId, added.map((row) => row.userId), {
    kind: 'session_enrolled',
    title: { zh: `培训通知：${session.title}`, en: `Training: ${session.title}` },
    body: { zh: `时间 ${when}${session.location ? `，地点 ${session.location}` : ''}。开课前 30 分钟起可签到。`, en: `${session.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${session.location ? `, ${session.location}` : ''}. Sign-in opens 30 minutes before the start.` },
    link: '/my/sessions',
  });
  return added.map((row) => row.userId);
}

// ---------------------------------------------------------------------------
// Reading

function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** Sessions that start between two China-time days (inclusive), with their attendance counts. */
export async function listSessions(deps: TDeps, auth: TAuthContext, query: z.infer<typeof ZSessionListQuery>) {
  const rows = await sessionSummaries(deps.db, auth.organisationId, and(
    gte(trainingSessions.startsAt, chinaDayStart(query.from)),
    lt(trainingSessions.startsAt, new Date(chinaDayStart(query.to).getTime() + DAY_MS)),
    query.kind ? eq(trainingSessions.kind, query.kind) : undefined,
  ));
  return { sessions: rows };
}

/** Summaries of the organisation's sessions matching `where`, by start time. */
export async function sessionSummaries(db: TDb, organisationId: string, where: ReturnType<typeof and>): Promise<TSessionSummary[]> {
  const instructor = alias(users, 'instructor');
  const original = alias(trainingSessions, 'original');
  const counts = db
    .select({
      sessionId: sessionEnrolments.sessionId,
      enrolled: sql<number>`count(*)::int`.as('enrolled'),
      attended: sql<number>`count(*) FILTER (WHERE ${sessionEnrolments.attendance} IN ('present', 'late'))::int`.as('attended'),
      absent: sql<number>`count(*) FILTER (WHERE ${sessionEnrolments.attendance} = 'absent')::int`.as('absent'),
      excused: sql<number>`count(*) FILTER (WHERE ${sessionEnrolments.attendance} = 'excused')::int`.as('excused'),
    })
    .from(sessionEnrolments)
    .groupBy(sessionEnrolments.sessionId)
    .as('counts');
  const rows = await db
    .select({
      session: trainingSessions,
      instructorName: instructor.displayName,
      planTitle: trainingPlans.title,
      originalTitle: original.title,
      enrolled: counts.enrolled,
      attended: counts.attended,
      absent: counts.absent,
      excused: counts.excused,
    })
    .from(trainingSessions)
    .leftJoin(instructor, eq(instructor.id, trainingSessions.instructorUserId))
    .leftJoin(trainingPlans, eq(trainingPlans.id, trainingSessions.planId))
    .leftJoin(original, eq(original.id, trainingSessions.makeUpForSessionId))
    .leftJoin(counts, eq(counts.sessionId, trainingSessions.id))
    .where(and(eq(trainingSessions.organisationId, organisationId), where))
    .orderBy(asc(trainingSessions.startsAt))
    .limit(2000);
  return rows.map((row) => presentSummary(row.session, { instructorName: row.instructorName, planTitle: row.planTitle, originalTitle: row.originalTitle, counts: { enrolled: row.enrolled ?? 0, attended: row.attended ?? 0, absent: row.absent ?? 0, excused: row.excused ?? 0 } }));
}

function presentSummary(
  session: TSessionRow,
  extra: { instructorName: string | null; planTitle: string | null; originalTitle: string | null; counts: { enrolled: number; attended: number; absent: number; excused: number } },
): TSessionSummary {
  const instructorName = session.instructorUserId ? extra.instructorName : session.instructorName;
  return {
    id: session.id,
    title: session.title,
    kind: session.kind as TSessionSummary['kind'],
    status: session.status as TSessionSummary['status'],
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    location: session.location,
    instructor: instructorName ? { userId: session.instructorUserId, name: instructorName } : null,
    plan: session.planId && extra.planTitle !== null ? { id: session.planId, title: extra.planTitle } : null,
    makeUpFor: session.makeUpForSessionId && extra.originalTitle !== null ? { id: session.makeUpForSessionId, title: extra.originalTitle } : null,
    enrolledCount: extra.counts.enrolled,
    attendedCount: extra.counts.attended,
    absentCount: extra.counts.absent,
    excusedCount: extra.counts.excused,
    closedAt: session.closedAt?.toISOString() ?? null,
  };
}

function presentCode(session: TSessionRow): TSignInCode | null {
  if (!session.signInCode) return null;
  const { opensAt, closesAt } = signInWindow(session);
  const now = Date.now();
  return {
    code: session.signInCode,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    isOpen: session.status === 'scheduled' && !session.closedAt && now >= opensAt.getTime() && now <= closesAt.getTime(),
    path: `/my/sign-in?session=${session.id}&code=${session.signInCode}`,
  };
}

/**
 * One session with its enrolled people and their attendance. A supervisor sees the members of
 * their own teams (all of them on a drill they run); the others are only counted.
 */
export async function getSession(deps: TDeps, auth: TAuthContext, sessionId: string): Promise<TSessionDetail> {
  const session = await findSession(deps.db, auth.organisationId, sessionId);
  const [summary] = await sessionSummaries(deps.db, auth.organisationId, eq(trainingSessions.id, session.id));
  const isManager = canManageSession(auth, session);
  const visible = isManager ? undefined : await visibleUserIds(deps, auth);
  const marker = alias(users, 'marker');
  const rows = await deps.db
    .select({ enrolment: sessionEnrolments, displayName: users.displayName, markerName: marker.displayName })
    .from(sessionEnrolments)
    .innerJoin(users, eq(users.id, sessionEnrolments.userId))
    .leftJoin(marker, eq(marker.id, sessionEnrolments.markedBy))
    .where(eq(sessionEnrolments.sessionId, session.id))
    .orderBy(asc(users.displayName));
  const shown = visible ? rows.filter((row) => visible.includes(row.enrolment.userId)) : rows;
  const teamsOf = await teamNamesOf(deps.db, auth.organisationId, shown.map((row) => row.enrolment.userId));
  const course = session.courseId ? (await deps.db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.id, session.courseId)))[0] : undefined;
  const survey = (await deps.db.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.organisationId, auth.organisationId), eq(surveys.sessionId, session.id))).limit(1))[0];
  const creator = session.createdBy ? (await displayNames(deps.db, auth.organisationId, [session.createdBy])).get(session.createdBy) : undefined;
  return {
    ...summary!,
    description: session.description,
    course: course ? { id: course.id, title: course.title as { zh: string; en: string } } : null,
    scenarioIds: session.scenarioIds,
    enrolments: shown
      .map((row) => ({
        user: { id: row.enrolment.userId, displayName: row.displayName },
        teams: teamsOf.get(row.enrolment.userId) ?? [],
        attendance: row.enrolment.attendance as TSessionDetail['enrolments'][number]['attendance'],
        signedInAt: row.enrolment.signedInAt?.toISOString() ?? null,
        signInMethod: row.enrolment.signInMethod as 'code' | 'qr' | 'manual' | null,
        excuseReason: row.enrolment.excuseReason,
        markedBy: row.markerName,
        markedAt: row.enrolment.markedAt?.toISOString() ?? null,
      }))
      .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName, 'zh-CN')),
    hiddenEnrolmentCount: rows.length - shown.length,
    canManage: isManager,
    signIn: isManager ? presentCode(session) : null,
    reactionSurveyId: survey?.id ?? null,
    createdBy: session.createdBy && creator !== undefined ? { id: session.createdBy, displayName: creator } : null,
  };
}

// ---------------------------------------------------------------------------
// Scheduling

/**
 * Schedules a one-off session and enrols the people and teams given. Supervisors schedule drills
 * for their own teams only. A make-up session (`makeUpForSessionId`) also enrols everyone with an
 * open make-up task for the missed session and becomes the session those tasks point to.
 */
export async function createSession(deps: TDeps, auth: TAuthContext, input: z.output<typeof ZSessionInput>, ip: string): Promise<TSessionDetail> {
  if (!auth.roles.includes('trainer') && input.kind !== 'drill') throw new AppError('FORBIDDEN', 'Supervisors schedule drills for their own teams; ask a trainer for other kinds of session');
  await checkSessionReferences(deps.db, auth.organisationId, input);
  const sessionId = await deps.db.transaction(async (tx) => {
    const people = await enrolleesFor(tx, auth, input);
    let makeUpPeople: string[] = [];
    if (input.makeUpForSessionId) {
      const missed = await findSession(tx, auth.organisationId, input.makeUpForSessionId).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Unknown session', [{ path: 'makeUpForSessionId', message: 'no such session in this organisation' }]);
      });
      if (!canManageSession(auth, missed)) throw new AppError('FORBIDDEN', 'Only whoever runs the missed session schedules its make-up');
      makeUpPeople = (await tx.select({ userId: makeUpTasks.userId }).from(makeUpTasks).where(and(eq(makeUpTasks.missedSessionId, missed.id), eq(makeUpTasks.status, 'open'), eq(makeUpTasks.kind, 'session')))).map((row) => row.userId);
    }
    const [session] = await tx
      .insert(trainingSessions)
      .values({
        organisationId: auth.organisationId,
        title: input.title,
        description: input.description,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        location: input.location,
        instructorUserId: input.instructorUserId,
        instructorName: input.instructorName || null,
        courseId: input.courseId,
        scenarioIds: input.scenarioIds,
        makeUpForSessionId: input.makeUpForSessionId,
        createdBy: auth.userId,
      })
      .returning();
    await enrol(tx, auth.organisationId, session!, [...new Set([...people, ...makeUpPeople])]);
    if (input.makeUpForSessionId) {
      await tx
        .update(makeUpTasks)
        .set({ makeUpSessionId: session!.id })
        .where(and(eq(makeUpTasks.missedSessionId, input.makeUpForSessionId), eq(makeUpTasks.status, 'open'), eq(makeUpTasks.kind, 'session')));
    }
    return session!.id;
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.created', targetType: 'training_session', targetId: sessionId, details: { title: input.title, kind: input.kind, makeUpFor: input.makeUpForSessionId }, ip });
  return getSession(deps, auth, sessionId);
}

/** Changes the details of a session that has not been closed or cancelled. */
export async function updateSession(deps: TDeps, auth: TAuthContext, sessionId: string, input: z.output<typeof ZSessionUpdate>, ip: string): Promise<TSessionDetail> {
  const session = await sessionToManage(deps.db, auth, sessionId);
  assertOpen(session);
  const startsAt = input.startsAt ? new Date(input.startsAt) : session.startsAt;
  const endsAt = input.endsAt ? new Date(input.endsAt) : session.endsAt;
  if (endsAt <= startsAt) throw new AppError('VALIDATION_FAILED', 'The end must come after the start', [{ path: 'endsAt', message: 'the end must come after the start' }]);
  const instructorUserId = input.instructorUserId !== undefined ? input.instructorUserId : session.instructorUserId;
  const instructorName = input.instructorName !== undefined ? input.instructorName || null : session.instructorName;
  await checkSessionReferences(deps.db, auth.organisationId, { instructorUserId, instructorName });
  await deps.db
    .update(trainingSessions)
    .set({ title: input.title ?? session.title, description: input.description ?? session.description, location: input.location ?? session.location, startsAt, endsAt, instructorUserId, instructorName })
    .where(eq(trainingSessions.id, session.id));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.updated', targetType: 'training_session', targetId: session.id, details: { fields: Object.keys(input) }, ip });
  return getSession(deps, auth, session.id);
}

/** Cancels a session that has not been closed, and tells the people enrolled. */
export async function cancelSession(deps: TDeps, auth: TAuthContext, sessionId: string, ip: string): Promise<TSessionDetail> {
  await deps.db.transaction(async (tx) => {
    const session = await sessionToManage(tx, auth, sessionId, { isForUpdate: true });
    assertOpen(session);
    await tx.update(trainingSessions).set({ status: 'cancelled', signInCode: null }).where(eq(trainingSessions.id, session.id));
    const enrolled = (await tx.select({ userId: sessionEnrolments.userId }).from(sessionEnrolments).where(eq(sessionEnrolments.sessionId, session.id))).map((row) => row.userId);
    await notify(tx, auth.organisationId, enrolled, {
      kind: 'session_cancelled',
      title: { zh: `课次取消：${session.title}`, en: `Session cancelled: ${session.title}` },
      body: { zh: `原定 ${CHINA_TIME.format(session.startsAt)} 的培训已取消。`, en: 'This session will not take place.' },
      link: '/my/sessions',
    });
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.cancelled', targetType: 'training_session', targetId: sessionId, ip });
  return getSession(deps, auth, sessionId);
}

/** Enrols more people or teams (supervisors: their own). */
export async function enrolInSession(deps: TDeps, auth: TAuthContext, sessionId: string, input: z.output<typeof ZEnrolRequest>, ip: string): Promise<TSessionDetail> {
  const added = await deps.db.transaction(async (tx) => {
    const session = await sessionToManage(tx, auth, sessionId);
    assertOpen(session);
    return enrol(tx, auth.organisationId, session, await enrolleesFor(tx, auth, input));
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.enrolled', targetType: 'training_session', targetId: sessionId, details: { added: added.length }, ip });
  return getSession(deps, auth, sessionId);
}

// ---------------------------------------------------------------------------
// Sign-in

/** Six characters from the unambiguous alphabet, drawn with a cryptographic generator. */
export function createSignInCode(): string {
  return Array.from({ length: SIGN_IN_CODE_LENGTH }, () => SIGN_IN_CODE_ALPHABET[randomInt(SIGN_IN_CODE_ALPHABET.length)]).join('');
}

/**
 * The instructor starts sign-in: the session gets a code (kept if it has one), accepted from
 * 30 minutes before the start until the end. CONFLICT once the session has ended.
 */
export async function startSignIn(deps: TDeps, auth: TAuthContext, sessionId: string, ip: string): Promise<TSignInCode> {
  const session = await deps.db.transaction(async (tx) => {
    const row = await sessionToManage(tx, auth, sessionId, { isForUpdate: true });
    assertOpen(row);
    if (Date.now() > row.endsAt.getTime()) throw new AppError('CONFLICT', 'The session has ended; correct attendance by hand and close it');
    if (row.signInCode) return row;
    const [updated] = await tx.update(trainingSessions).set({ signInCode: createSignInCode() }).where(eq(trainingSessions.id, row.id)).returning();
    return updated!;
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.sign_in_started', targetType: 'training_session', targetId: session.id, ip });
  return presentCode(session)!;
}

/**
 * An enrolled person signs in with the code (typed, or from the QR code). Late after
 * LATE_AFTER_MINUTES past the start. Signing in again changes nothing.
 * Errors, in the order checked: NOT_FOUND (no such session), FORBIDDEN (not enrolled),
 * CONFLICT (cancelled, closed, outside the window with its times, sign-in not started),
 * BAD_REQUEST (wrong code).
 */
export async function signIn(deps: TDeps, auth: TAuthContext, sessionId: string, input: { code: string; method: 'code' | 'qr' }): Promise<z.infer<typeof ZSignInResult>> {
  const session = await findSession(deps.db, auth.organisationId, sessionId).catch(() => {
    throw new AppError('NOT_FOUND', '找不到这个课次，请核对签到链接 (no such session)');
  });
  const enrolment = (await deps.db.select().from(sessionEnrolments).where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, auth.userId))))[0];
  if (!enrolment) throw new AppError('FORBIDDEN', `你不在「${session.title}」的报名名单上，请联系培训专员 (you are not enrolled in this session)`);
  if (session.status === 'cancelled') throw new AppError('CONFLICT', `「${session.title}」已取消 (cancelled)`);
  if (session.closedAt) throw new AppError('CONFLICT', `「${session.title}」已结束，考勤已结算 (closed)`);
  const { opensAt, closesAt } = signInWindow(session);
  const window = [
    { path: 'opensAt', message: opensAt.toISOString() },
    { path: 'closesAt', message: closesAt.toISOString() },
  ];
  const now = new Date();
  if (now < opensAt) throw new AppError('CONFLICT', `签到尚未开始：${CHINA_TIME.format(opensAt)} 开放（开课前 30 分钟）(sign-in opens at ${opensAt.toISOString()})`, window);
  if (now > closesAt) throw new AppError('CONFLICT', `签到已截止：${CHINA_TIME.format(closesAt)} 结束 (sign-in closed at ${closesAt.toISOString()})`, window);
  if (!session.signInCode) throw new AppError('CONFLICT', '讲师还没有开始签到，请稍候 (the instructor has not started sign-in)', window);
  if (normaliseSignInCode(input.code) !== session.signInCode) throw new AppError('BAD_REQUEST', '签到码不正确', [{ path: 'code', message: '签到码不正确 (wrong code)' }]);
  if ((enrolment.attendance === 'present' || enrolment.attendance === 'late') && enrolment.signedInAt) {
    return { sessionId: session.id, title: session.title, attendance: enrolment.attendance as 'present' | 'late', signedInAt: enrolment.signedInAt.toISOString(), wasAlreadySignedIn: true };
  }
  const attendance = now.getTime() > session.startsAt.getTime() + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'present';
  await deps.db
    .update(sessionEnrolments)
    .set({ attendance, signedInAt: now, signInMethod: input.method, excuseReason: null, markedBy: null, markedAt: null })
    .where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, auth.userId)));
  await settleMakeUpTasks(deps.db, auth.organisationId, [auth.userId]);
  return { sessionId: session.id, title: session.title, attendance, signedInAt: now.toISOString(), wasAlreadySignedIn: false };
}

/**
 * Signs in with a typed code alone: the session is the one of mine whose running code it is, so a
 * person with two sessions open at once need not pick. Then as {@link signIn}.
 * NOT enrolled in the session with this code: FORBIDDEN; no session has it: BAD_REQUEST 签到码不正确.
 */
export async function signInWithCode(deps: TDeps, auth: TAuthContext, input: { code: string; method: 'code' | 'qr' }): Promise<z.infer<typeof ZSignInResult>> {
  const code = normaliseSignInCode(input.code);
  const matches = await deps.db
    .select({ id: trainingSessions.id, enrolled: sessionEnrolments.userId })
    .from(trainingSessions)
    .leftJoin(sessionEnrolments, and(eq(sessionEnrolments.sessionId, trainingSessions.id), eq(sessionEnrolments.userId, auth.userId)))
    .where(and(eq(trainingSessions.organisationId, auth.organisationId), eq(trainingSessions.signInCode, code)));
  const mine = matches.find((row) => row.enrolled !== null);
  if (mine) return signIn(deps, auth, mine.id, input);
  if (matches.length > 0) return signIn(deps, auth, matches[0]!.id, input);
  throw new AppError('BAD_REQUEST', '签到码不正确', [{ path: 'code', message: '签到码不正确 (wrong code)' }]);
}

// ---------------------------------------------------------------------------
// Attendance correction and closing

/**
 * The trainer corrects attendance: present, late, excused (with the reason), absent, or back to enrolled.
 * After closing, a correction away from absent waives the make-up task and removes the warning;
 * a correction to absent brings them as closing would.
 */
export async function markAttendance(deps: TDeps, auth: TAuthContext, sessionId: string, input: z.output<typeof ZAttendanceMarks>, ip: string): Promise<TSessionDetail> {
  await deps.db.transaction(async (tx) => {
    const session = await sessionToManage(tx, auth, sessionId, { isForUpdate: true });
    if (session.status === 'cancelled') throw new AppError('CONFLICT', 'This session has been cancelled');
    const current = new Map(
      (await tx.select().from(sessionEnrolments).where(and(eq(sessionEnrolments.sessionId, session.id), inArray(sessionEnrolments.userId, input.marks.map((m) => m.userId))))).map((row) => [row.userId, row]),
    );
    const issues = input.marks.flatMap((mark, index) => (current.has(mark.userId) ? [] : [{ path: `marks.${index}.userId`, message: 'this person is not enrolled in the session' }]));
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'Enrol these people before marking their attendance', issues);
    if (session.closedAt && input.marks.some((mark) => mark.attendance === 'enrolled')) {
      throw new AppError('VALIDATION_FAILED', 'The session is closed: mark present, late, excused or absent', [{ path: 'marks', message: 'enrolled is not a settled state' }]);
    }
    const now = new Date();
    const nowAbsent: string[] = [];
    const noLongerAbsent: string[] = [];
    for (const mark of input.marks) {
      const before = current.get(mark.userId)!;
      const isAttending = mark.attendance === 'present' || mark.attendance === 'late';
      await tx
        .update(sessionEnrolments)
        .set({
          attendance: mark.attendance,
          excuseReason: mark.attendance === 'excused' ? mark.reason : null,
          signedInAt: isAttending ? (before.signedInAt ?? now) : mark.attendance === 'enrolled' ? null : before.signedInAt,
          signInMethod: isAttending ? (before.signedInAt ? before.signInMethod : 'manual') : mark.attendance === 'enrolled' ? null : before.signInMethod,
          markedBy: auth.userId,
          markedAt: now,
        })
        .where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.userId, mark.userId)));
      if (before.attendance !== 'absent' && mark.attendance === 'absent') nowAbsent.push(mark.userId);
      if (before.attendance === 'absent' && mark.attendance !== 'absent') noLongerAbsent.push(mark.userId);
    }
    if (session.closedAt && noLongerAbsent.length > 0) {
      await tx
        .update(makeUpTasks)
        .set({ status: 'waived', waiveReason: '考勤已更正，不再需要补课 (attendance corrected)', waivedBy: auth.userId })
        .where(and(eq(makeUpTasks.missedSessionId, session.id), inArray(makeUpTasks.userId, noLongerAbsent), eq(makeUpTasks.status, 'open')));
      await tx
        .delete(personRecords)
        .where(and(eq(personRecords.organisationId, auth.organisationId), eq(personRecords.sourceType, 'absence'), eq(personRecords.sourceId, session.id), inArray(personRecords.userId, noLongerAbsent)));
    }
    if (session.closedAt && nowAbsent.length > 0) await settleAbsences(tx, auth, session, nowAbsent, { kind: 'session', makeUpSessionId: null }, null);
    await settleMakeUpTasks(tx, auth.organisationId, input.marks.map((m) => m.userId));
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.attendance_marked', targetType: 'training_session', targetId: sessionId, details: { marks: input.marks }, ip });
  return getSession(deps, auth, sessionId);
}

/**
 * Closes a session that has started: everyone still only enrolled becomes absent; each unexcused
 * absence gets a warning record, a make-up task (the make-up session, if chosen, or an exam) and
 * notices to the person and their supervisors. Then the reaction questionnaire is sent.
 */
export async function closeSession(deps: TDeps, auth: TAuthContext, sessionId: string, input: z.output<typeof ZCloseSessionRequest>, ip: string) {
  const settled = await deps.db.transaction(async (tx) => {
    const session = await sessionToManage(tx, auth, sessionId, { isForUpdate: true });
    assertOpen(session);
    if (Date.now() < session.startsAt.getTime()) throw new AppError('CONFLICT', `The session starts at ${session.startsAt.toISOString()}; close it once it has taken place`);
    if (input.makeUp.kind === 'session' && input.makeUp.makeUpSessionId) {
      const target = await findSession(tx, auth.organisationId, input.makeUp.makeUpSessionId).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Unknown make-up session', [{ path: 'makeUp.makeUpSessionId', message: 'no such session in this organisation' }]);
      });
      if (target.id === session.id || target.status !== 'scheduled' || target.closedAt) {
        throw new AppError('VALIDATION_FAILED', 'Choose a later session that is still scheduled', [{ path: 'makeUp.makeUpSessionId', message: 'not a scheduled session' }]);
      }
    }
    if (input.makeUp.kind === 'exam' && !(await tx.select({ id: exams.id }).from(exams).where(and(eq(exams.organisationId, auth.organisationId), eq(exams.id, input.makeUp.examId)))).length) {
      throw new AppError('VALIDATION_FAILED', 'Unknown exam', [{ path: 'makeUp.examId', message: 'no such exam in this organisation' }]);
    }
    const now = new Date();
    const markedAbsent = await tx
      .update(sessionEnrolments)
      .set({ attendance: 'absent', markedAt: now })
      .where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.attendance, 'enrolled')))
      .returning({ userId: sessionEnrolments.userId });
    await tx.update(trainingSessions).set({ status: 'held', closedAt: now, signInCode: null }).where(eq(trainingSessions.id, session.id));
    const absent = (await tx.select({ userId: sessionEnrolments.userId }).from(sessionEnrolments).where(and(eq(sessionEnrolments.sessionId, session.id), eq(sessionEnrolments.attendance, 'absent')))).map((row) => row.userId);
    const result = await settleAbsences(tx, auth, session, absent, input.makeUp, input.dueDate);
    return { markedAbsent: markedAbsent.length, ...result };
  });
  let reactionSurveyId: string | null = null;
  try {
    reactionSurveyId = await sendReactionSurvey(deps, auth.organisationId, sessionId);
  } catch (error) {
    // The session is closed and attendance settled either way; the questionnaire can be sent from the surveys page.
    deps.log.warn({ err: error, sessionId }, 'reaction questionnaire not sent');
  }
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'session.closed', targetType: 'training_session', targetId: sessionId, details: { ...settled, reactionSurveyId }, ip });
  return { session: await getSession(deps, auth, sessionId), ...settled, reactionSurveyId };
}

/** Whether the caller reads sessions organisation-wide (the training group) or through their teams. */
export function readsAllSessions(auth: TAuthContext): boolean {
  return hasAnyRole(auth.roles, ['trainer', 'deputy', 'leader']);
}
