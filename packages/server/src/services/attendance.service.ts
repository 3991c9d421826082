import { REPEATED_ABSENCE, signInWindow, type TAttendanceCounts, type TAttendanceOverview, type TMakeUpTask, type TMySession, type ZAttendanceQuery, type ZMakeUpUpdate } from '@calmdesk/shared';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { exams, makeUpTasks, personRecords, sessionEnrolments, teamMembers, teams, trainingSessions, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from './audit.service.js';
import { NO_USER, visibleUserIds } from './learning.service.js';
import { notify } from './notification.service.js';
import { displayNames, membersWithRole, supervisorsOf, teamIdsOf, teamNamesOf } from './session-people.service.js';

/**
 * Attendance (SPEC §2.7): what closing a session does to the absent (warning, make-up task,
 * notices, escalation of repeated absence), make-up tasks and when they are done, the attendance
 * rates by team and person, and everyone's own sessions.
 */

const DAY_MS = 86_400_000;
const CHINA_DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' });
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

type TSessionRow = typeof trainingSessions.$inferSelect;
export type TMakeUpChoice = { kind: 'session'; makeUpSessionId: string | null } | { kind: 'exam'; examId: string };

/**
 * What an unexcused absence brings (called when a session is closed, or an absence is marked after closing):
 * a warning in the person's records, a make-up task (a waived one is opened again), enrolment in the
 * make-up session when one was chosen, a notice to the person and to their supervisors; and when the
 * absence is the person's second (or more) unexcused one in 90 days, a discipline record and a notice
 * to the deputies and supervisors (SPEC §2.7: escalated, recorded, nothing automated beyond that).
 * @param db the closing transaction
 * @returns how many warnings and make-up tasks were created
 */
export async function settleAbsences(
  db: TDb,
  auth: { organisationId: string; userId: string },
  session: Pick<TSessionRow, 'id' | 'title' | 'startsAt'>,
  userIds: string[],
  makeUp: TMakeUpChoice,
  dueDate: string | null,
): Promise<{ warnings: number; makeUpTasks: number; escalations: number }> {
  if (userIds.length === 0) return { warnings: 0, makeUpTasks: 0, escalations: 0 };
  const organisationId = auth.organisationId;
  const day = CHINA_DATE.format(session.startsAt);
  const warnings = await db
    .insert(personRecords)
    .values(userIds.map((userId) => ({ organisationId, userId, kind: 'warning', reason: `未请假缺席培训「${session.title}」（${day}）`, sourceType: 'absence', sourceId: session.id, createdBy: auth.userId })))
    .onConflictDoNothing()
    .returning({ id: personRecords.id });
  const makeUpSessionId = makeUp.kind === 'session' ? makeUp.makeUpSessionId : null;
  const examId = makeUp.kind === 'exam' ? makeUp.examId : null;
  const tasks = await db
    .insert(makeUpTasks)
    .values(userIds.map((userId) => ({ organisationId, userId, missedSessionId: session.id, kind: makeUp.kind, makeUpSessionId, examId, dueDate })))
    .onConflictDoUpdate({ target: [makeUpTasks.missedSessionId, makeUpTasks.userId], set: { status: 'open', doneAt: null, waiveReason: null, waivedBy: null, kind: makeUp.kind, makeUpSessionId, examId, dueDate }, setWhere: eq(makeUpTasks.status, 'waived') })
    .returning({ id: makeUpTasks.id });
  let makeUpLine = { zh: '补课安排将另行通知，请留意。', en: 'The make-up will be announced.' };
  if (makeUpSessionId) {
    const target = (await db.select().from(trainingSessions).where(eq(trainingSessions.id, makeUpSessionId)))[0]!;
    await db.insert(sessionEnrolments).values(userIds.map((userId) => ({ sessionId: makeUpSessionId, userId }))).onConflictDoNothing();
    makeUpLine = { zh: `请参加补课「${target.title}」（${CHINA_TIME.format(target.startsAt)}）。`, en: `Attend the make-up session "${target.title}".` };
  } else if (examId) {
    const exam = (await db.select({ title: exams.title }).from(exams).where(eq(exams.id, examId)))[0];
    const title = exam?.title as { zh: string; en: string } | undefined;
    makeUpLine = { zh: `请${dueDate ? `在 ${dueDate} 前` : ''}通过补考「${title?.zh ?? ''}」。`, en: `Pass the exam "${title?.en ?? ''}"${dueDate ? ` by ${dueDate}` : ''}.` };
  }
  for (const userId of userIds) {
    await notify(db, organisationId, [userId], {
      kind: 'absence_warning',
      title: { zh: `缺勤提醒：${session.title}`, en: `Absence recorded: ${session.title}` },
      body: { zh: `你未请假缺席了 ${day} 的培训，已记录一次警告。${makeUpLine.zh}`, en: `You missed this session without leave; a warning was recorded. ${makeUpLine.en}` },
      link: '/my/sessions',
    });
  }
  const names = await displayNames(db, organisationId, userIds);
  const supervisors = await supervisorsOf(db, organisationId, userIds);
  const bySupervisor = new Map<string, string[]>();
  for (const [userId, ids] of supervisors) for (const id of ids) bySupervisor.set(id, [...(bySupervisor.get(id) ?? []), names.get(userId) ?? '']);
  for (const [supervisorId, people] of bySupervisor) {
    await notify(db, organisationId, [supervisorId], {
      kind: 'absence_team',
      title: { zh: `团队成员缺勤：${people.join('、')}`, en: `Team absence: ${people.join(', ')}` },
      body: { zh: `未请假缺席「${session.title}」（${day}），已生成补课任务。`, en: `Missed "${session.title}" without leave; make-up tasks were created.` },
      link: `/operations/sessions/${session.id}`,
    });
  }
  const repeated = await db
    .select({ userId: sessionEnrolments.userId, count: sql<number>`count(*)::int` })
    .from(sessionEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionEnrolments.sessionId))
    .where(
      and(
        eq(trainingSessions.organisationId, organisationId),
        inArray(sessionEnrolments.userId, userIds),
        eq(sessionEnrolments.attendance, 'absent'),
        gte(trainingSessions.startsAt, new Date(Date.now() - REPEATED_ABSENCE.days * DAY_MS)),
      ),
    )
    .groupBy(sessionEnrolments.userId)
    .having(sql`count(*) >= ${REPEATED_ABSENCE.count}`);
  let escalations = 0;
  if (repeated.length > 0) {
    const records = await db
      .insert(personRecords)
      .values(repeated.map((row) => ({ organisationId, userId: row.userId, kind: 'discipline', reason: `${REPEATED_ABSENCE.days} 天内第 ${row.count} 次未请假缺勤（最近一次：「${session.title}」），按制度升级处理`, sourceType: 'absence', sourceId: session.id, createdBy: auth.userId })))
      .onConflictDoNothing()
      .returning({ userId: personRecords.userId });
    escalations = records.length;
    const deputies = await membersWithRole(db, organisationId, 'deputy');
    for (const row of repeated) {
      await notify(db, organisationId, [...deputies, ...(supervisors.get(row.userId) ?? [])], {
        kind: 'repeated_absence',
        title: { zh: `重复缺勤：${names.get(row.userId) ?? ''}（${REPEATED_ABSENCE.days} 天内 ${row.count} 次）`, en: `Repeated absence: ${names.get(row.userId) ?? ''} (${row.count} in ${REPEATED_ABSENCE.days} days)` },
        body: { zh: '已记入人员记录，请与本人沟通并按制度处理。', en: 'Recorded in their records; talk with them and follow the policy.' },
        link: '/operations/attendance',
      });
    }
  }
  return { warnings: warnings.length, makeUpTasks: tasks.length, escalations };
}

/**
 * Marks open make-up tasks done whose condition has been met: the person attended (present or
 * late) the make-up session, or any session held as a make-up for the one they missed; or passed the
 * linked exam after the task was made. Cheap enough to run before every listing.
 * @param userIds only these people's tasks (all of the organisation's when omitted)
 * @returns how many tasks were marked done
 */
export async function settleMakeUpTasks(db: TDb, organisationId: string, userIds?: readonly string[]): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  const who = userIds ? sql`AND t.user_id IN (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  const result = await db.execute(sql`
    UPDATE make_up_tasks t SET status = 'done', done_at = now()
    WHERE t.organisation_id = ${organisationId} AND t.status = 'open' ${who} AND (
      (t.kind = 'session' AND EXISTS (
        SELECT 1 FROM session_enrolments e JOIN training_sessions s ON s.id = e.session_id
        WHERE e.user_id = t.user_id AND e.attendance IN ('present', 'late') AND s.id <> t.missed_session_id
          AND (s.id = t.make_up_session_id OR s.make_up_for_session_id = t.missed_session_id)))
      OR (t.kind = 'exam' AND t.exam_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM exam_attempts a WHERE a.exam_id = t.exam_id AND a.user_id = t.user_id AND a.is_passed AND a.submitted_at >= t.created_at))
    )`);
  return result.rowCount ?? 0;
}

/** Make-up tasks matching `where`, open ones first, newest first. */
export async function presentMakeUps(db: TDb, organisationId: string, where: SQL | undefined): Promise<TMakeUpTask[]> {
  const missed = alias(trainingSessions, 'missed');
  const makeUp = alias(trainingSessions, 'make_up');
  const rows = await db
    .select({ task: makeUpTasks, displayName: users.displayName, missed, makeUp, examTitle: exams.title })
    .from(makeUpTasks)
    .innerJoin(users, eq(users.id, makeUpTasks.userId))
    .innerJoin(missed, eq(missed.id, makeUpTasks.missedSessionId))
    .leftJoin(makeUp, eq(makeUp.id, makeUpTasks.makeUpSessionId))
    .leftJoin(exams, eq(exams.id, makeUpTasks.examId))
    .where(and(eq(makeUpTasks.organisationId, organisationId), where))
    .orderBy(sql`${makeUpTasks.status} = 'open' DESC`, desc(makeUpTasks.createdAt))
    .limit(1000);
  const teamsOf = await teamNamesOf(db, organisationId, rows.map((row) => row.task.userId));
  return rows.map(({ task, displayName, missed: m, makeUp: s, examTitle }) => ({
    id: task.id,
    user: { id: task.userId, displayName },
    teams: teamsOf.get(task.userId) ?? [],
    missedSession: { id: m.id, title: m.title, startsAt: m.startsAt.toISOString() },
    kind: task.kind as 'session' | 'exam',
    makeUpSession: s ? { id: s.id, title: s.title, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), location: s.location } : null,
    exam: task.examId && examTitle ? { id: task.examId, title: examTitle as { zh: string; en: string } } : null,
    dueDate: task.dueDate,
    status: task.status as TMakeUpTask['status'],
    doneAt: task.doneAt?.toISOString() ?? null,
    waiveReason: task.waiveReason,
    createdAt: task.createdAt.toISOString(),
  }));
}

/** Make-up tasks the caller may see (supervisors: their teams' members), by status. */
export async function listMakeUps(deps: TDeps, auth: TAuthContext, status: 'open' | 'done' | 'waived' | 'all') {
  const visible = await visibleUserIds(deps, auth);
  await settleMakeUpTasks(deps.db, auth.organisationId, visible);
  const tasks = await presentMakeUps(deps.db, auth.organisationId, and(status === 'all' ? undefined : eq(makeUpTasks.status, status), visible ? inArray(makeUpTasks.userId, visible.length ? visible : [NO_USER]) : undefined));
  return { tasks };
}

async function openTask(db: TDb, organisationId: string, taskId: string) {
  const task = (await db.select().from(makeUpTasks).where(and(eq(makeUpTasks.organisationId, organisationId), eq(makeUpTasks.id, taskId))))[0];
  if (!task) throw notFound('Make-up task');
  if (task.status !== 'open') throw new AppError('CONFLICT', `This make-up task is ${task.status} already`);
  return task;
}

/**
 * A trainer decides what a make-up task asks: a make-up session (the person is enrolled in it) or an exam, and by when.
 */
export async function updateMakeUp(deps: TDeps, auth: TAuthContext, taskId: string, input: z.output<typeof ZMakeUpUpdate>, ip: string): Promise<TMakeUpTask> {
  await deps.db.transaction(async (tx) => {
    const task = await openTask(tx, auth.organisationId, taskId);
    let line = { zh: '', en: '' };
    if (input.kind === 'session' && input.makeUpSessionId) {
      const target = (await tx.select().from(trainingSessions).where(and(eq(trainingSessions.organisationId, auth.organisationId), eq(trainingSessions.id, input.makeUpSessionId))))[0];
      if (!target || target.status !== 'scheduled' || target.closedAt || target.id === task.missedSessionId) {
        throw new AppError('VALIDATION_FAILED', 'Choose a scheduled session for the make-up', [{ path: 'makeUpSessionId', message: 'not a scheduled session of this organisation' }]);
      }
      await tx.insert(sessionEnrolments).values({ sessionId: target.id, userId: task.userId }).onConflictDoNothing();
      line = { zh: `请参加补课「${target.title}」（${CHINA_TIME.format(target.startsAt)}）。`, en: `Attend the make-up session "${target.title}".` };
    }
    if (input.kind === 'exam') {
      const exam = (await tx.select({ title: exams.title }).from(exams).where(and(eq(exams.organisationId, auth.organisationId), eq(exams.id, input.examId!))))[0];
      if (!exam) throw new AppError('VALIDATION_FAILED', 'Unknown exam', [{ path: 'examId', message: 'no such exam in this organisation' }]);
      const title = exam.title as { zh: string; en: string };
      line = { zh: `请通过补考「${title.zh}」。`, en: `Pass the exam "${title.en}".` };
    }
    await tx
      .update(makeUpTasks)
      .set({ kind: input.kind, makeUpSessionId: input.kind === 'session' ? input.makeUpSessionId : null, examId: input.kind === 'exam' ? input.examId : null, ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}) })
      .where(eq(makeUpTasks.id, task.id));
    if (line.zh) {
      await notify(tx, auth.organisationId, [task.userId], { kind: 'make_up_assigned', title: { zh: '补课安排', en: 'Your make-up' }, body: line, link: '/my/sessions' });
    }
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'make_up.updated', targetType: 'make_up_task', targetId: taskId, details: { ...input }, ip });
  await settleMakeUpTasks(deps.db, auth.organisationId);
  return (await presentMakeUps(deps.db, auth.organisationId, eq(makeUpTasks.id, taskId)))[0]!;
}

/** A trainer waives an open make-up task, with the reason; the person is told. */
export async function waiveMakeUp(deps: TDeps, auth: TAuthContext, taskId: string, reason: string, ip: string): Promise<TMakeUpTask> {
  await deps.db.transaction(async (tx) => {
    const task = await openTask(tx, auth.organisationId, taskId);
    await tx.update(makeUpTasks).set({ status: 'waived', waiveReason: reason, waivedBy: auth.userId }).where(eq(makeUpTasks.id, task.id));
    await notify(tx, auth.organisationId, [task.userId], { kind: 'make_up_waived', title: { zh: '补课任务已免除', en: 'Make-up waived' }, body: { zh: `原因：${reason}`, en: `Reason: ${reason}` }, link: '/my/sessions' });
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'make_up.waived', targetType: 'make_up_task', targetId: taskId, details: { reason }, ip });
  return (await presentMakeUps(deps.db, auth.organisationId, eq(makeUpTasks.id, taskId)))[0]!;
}

// ---------------------------------------------------------------------------
// Attendance overview

const emptyCounts = (): TAttendanceCounts => ({ enrolments: 0, present: 0, late: 0, excused: 0, absent: 0, rate: null });

function add(counts: TAttendanceCounts, attendance: string): void {
  counts.enrolments += 1;
  if (attendance === 'present' || attendance === 'late' || attendance === 'excused' || attendance === 'absent') counts[attendance] += 1;
}

/** Attendance rate: attended over attended plus unexcused absences; excused absences do not count against. */
function withRate<T extends TAttendanceCounts>(counts: T): T {
  const attended = counts.present + counts.late;
  const base = attended + counts.absent;
  return { ...counts, rate: base === 0 ? null : Math.round((attended / base) * 1000) / 1000 };
}

/**
 * Attendance rates per team and person over settled enrolments (sessions closed, or marked by hand)
 * of sessions that started in the period; repeated absences (2+ unexcused in the last 90 days);
 * open make-up tasks. Supervisors see their own teams; the training group everyone.
 */
export async function attendanceOverview(deps: TDeps, auth: TAuthContext, query: z.infer<typeof ZAttendanceQuery>): Promise<TAttendanceOverview> {
  const to = query.to ?? chinaToday();
  const from = query.from ?? new Date(Date.parse(to) - 89 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new AppError('VALIDATION_FAILED', 'from must not be after to', [{ path: 'to', message: 'before from' }]);
  const visible = await visibleUserIds(deps, auth);
  let people = visible;
  if (query.teamId) {
    const members = (await deps.db.select({ userId: teamMembers.userId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(and(eq(teams.organisationId, auth.organisationId), eq(teams.id, query.teamId)))).map((r) => r.userId);
    people = visible ? members.filter((id) => visible.includes(id)) : members;
  }
  const peopleFilter = people ? inArray(sessionEnrolments.userId, people.length ? people : [NO_USER]) : undefined;
  await settleMakeUpTasks(deps.db, auth.organisationId, people);
  const rows = await deps.db
    .select({ userId: sessionEnrolments.userId, attendance: sessionEnrolments.attendance, sessionId: sessionEnrolments.sessionId })
    .from(sessionEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionEnrolments.sessionId))
    .where(
      and(
        eq(trainingSessions.organisationId, auth.organisationId),
        ne(trainingSessions.status, 'cancelled'),
        gte(trainingSessions.startsAt, new Date(`${from}T00:00:00+08:00`)),
        lte(trainingSessions.startsAt, new Date(Math.min(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS, Date.now()))),
        or(isNotNull(trainingSessions.closedAt), ne(sessionEnrolments.attendance, 'enrolled')),
        peopleFilter,
      ),
    );
  const userIds = [...new Set(rows.map((row) => row.userId))];
  const names = await displayNames(deps.db, auth.organisationId, userIds);
  const memberOf = userIds.length
    ? await deps.db.select({ userId: teamMembers.userId, teamId: teams.id, name: teams.name }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(and(eq(teams.organisationId, auth.organisationId), inArray(teamMembers.userId, userIds)))
    : [];
  const myTeams = visible ? new Set(await teamIdsOf(deps.db, auth.organisationId, auth.userId)) : undefined;
  const totals = emptyCounts();
  const byPerson = new Map<string, TAttendanceCounts>();
  const byTeam = new Map<string, TAttendanceCounts & { teamId: string; name: string }>();
  for (const row of rows) {
    add(totals, row.attendance);
    const person = byPerson.get(row.userId) ?? emptyCounts();
    add(person, row.attendance);
    byPerson.set(row.userId, person);
    for (const team of memberOf.filter((m) => m.userId === row.userId && (!myTeams || myTeams.has(m.teamId)) && (!query.teamId || m.teamId === query.teamId))) {
      const counts = byTeam.get(team.teamId) ?? { ...emptyCounts(), teamId: team.teamId, name: team.name };
      add(counts, row.attendance);
      byTeam.set(team.teamId, counts);
    }
  }
  const teamNames = (userId: string) => memberOf.filter((m) => m.userId === userId).map((m) => m.name).sort();
  const peopleRows = [...byPerson]
    .map(([userId, counts]) => withRate({ ...counts, user: { id: userId, displayName: names.get(userId) ?? '' }, teams: teamNames(userId) }))
    .sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
  return {
    from,
    to,
    scope: visible ? 'my_teams' : 'organisation',
    sessionCount: new Set(rows.map((row) => row.sessionId)).size,
    totals: withRate(totals),
    teams: [...byTeam.values()].map(withRate).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    people: peopleRows,
    repeatedAbsences: await repeatedAbsences(deps.db, auth.organisationId, people),
    openMakeUps: await presentMakeUps(deps.db, auth.organisationId, and(eq(makeUpTasks.status, 'open'), people ? inArray(makeUpTasks.userId, people.length ? people : [NO_USER]) : undefined)),
  };
}

/** People with REPEATED_ABSENCE.count or more unexcused absences in the last REPEATED_ABSENCE.days days. */
async function repeatedAbsences(db: TDb, organisationId: string, people: string[] | undefined): Promise<TAttendanceOverview['repeatedAbsences']> {
  const rows = await db
    .select({ userId: sessionEnrolments.userId, sessionId: trainingSessions.id, title: trainingSessions.title, startsAt: trainingSessions.startsAt })
    .from(sessionEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionEnrolments.sessionId))
    .where(
      and(
        eq(trainingSessions.organisationId, organisationId),
        eq(sessionEnrolments.attendance, 'absent'),
        gte(trainingSessions.startsAt, new Date(Date.now() - REPEATED_ABSENCE.days * DAY_MS)),
        people ? inArray(sessionEnrolments.userId, people.length ? people : [NO_USER]) : undefined,
      ),
    )
    .orderBy(desc(trainingSessions.startsAt));
  const byPerson = new Map<string, typeof rows>();
  for (const row of rows) byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);
  const repeated = [...byPerson].filter(([, list]) => list.length >= REPEATED_ABSENCE.count);
  const ids = repeated.map(([userId]) => userId);
  const names = await displayNames(db, organisationId, ids);
  const teamsOf = await teamNamesOf(db, organisationId, ids);
  return repeated
    .map(([userId, list]) => ({
      user: { id: userId, displayName: names.get(userId) ?? '' },
      teams: teamsOf.get(userId) ?? [],
      count: list.length,
      sessions: list.map((row) => ({ id: row.sessionId, title: row.title, startsAt: row.startsAt.toISOString() })),
    }))
    .sort((a, b) => b.count - a.count || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
}

// ---------------------------------------------------------------------------
// My sessions

/** My upcoming and past sessions with my attendance, and my make-up tasks (open ones, and those finished in the last 180 days). */
export async function mySessions(deps: TDeps, auth: TAuthContext): Promise<{ upcoming: TMySession[]; past: TMySession[]; makeUps: TMakeUpTask[] }> {
  await settleMakeUpTasks(deps.db, auth.organisationId, [auth.userId]);
  const instructor = alias(users, 'instructor');
  const original = alias(trainingSessions, 'original');
  const rows = await deps.db
    .select({ session: trainingSessions, enrolment: sessionEnrolments, instructorName: instructor.displayName, originalTitle: original.title })
    .from(sessionEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, sessionEnrolments.sessionId))
    .leftJoin(instructor, eq(instructor.id, trainingSessions.instructorUserId))
    .leftJoin(original, eq(original.id, trainingSessions.makeUpForSessionId))
    .where(and(eq(sessionEnrolments.userId, auth.userId), eq(trainingSessions.organisationId, auth.organisationId)))
    .orderBy(asc(trainingSessions.startsAt));
  const now = Date.now();
  const present = ({ session, enrolment, instructorName, originalTitle }: (typeof rows)[number]): TMySession => {
    const { opensAt, closesAt } = signInWindow(session);
    const name = session.instructorUserId ? instructorName : session.instructorName;
    return {
      id: session.id,
      title: session.title,
      kind: session.kind as TMySession['kind'],
      status: session.status as TMySession['status'],
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      location: session.location,
      instructor: name ? { userId: session.instructorUserId, name } : null,
      makeUpFor: session.makeUpForSessionId && originalTitle ? { id: session.makeUpForSessionId, title: originalTitle } : null,
      closedAt: session.closedAt?.toISOString() ?? null,
      attendance: enrolment.attendance as TMySession['attendance'],
      signedInAt: enrolment.signedInAt?.toISOString() ?? null,
      excuseReason: enrolment.excuseReason,
      signInOpensAt: opensAt.toISOString(),
      signInClosesAt: closesAt.toISOString(),
    };
  };
  const upcoming = rows.filter((row) => row.session.endsAt.getTime() >= now && !row.session.closedAt).slice(0, 60).map(present);
  const past = rows
    .filter((row) => row.session.endsAt.getTime() < now || row.session.closedAt)
    .reverse()
    .slice(0, 60)
    .map(present);
  const makeUps = await presentMakeUps(
    deps.db,
    auth.organisationId,
    and(eq(makeUpTasks.userId, auth.userId), or(eq(makeUpTasks.status, 'open'), gte(makeUpTasks.createdAt, new Date(now - 180 * DAY_MS)))),
  );
  return { upcoming, past, makeUps };
}
