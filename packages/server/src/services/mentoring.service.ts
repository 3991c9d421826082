import { hasAnyRole, NEW_HIRE_DAYS, type TMenteeResults, type TMentorshipSummary, type TMentorshipTask } from '@calmdesk/shared';
import { and, arrayContains, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { examAttempts, exams, memberships, mentorshipNotes, mentorships, mentorshipTasks, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findEnrolmentsOfUser } from '../repositories/learning.repository.js';
import { findAttempts } from '../repositories/roleplay.repository.js';
import { findMember, findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { NO_USER, visibleUserIds } from './learning.service.js';
import { notify } from './notification.service.js';
import { isTrainingGroup, managedUserIds, todayInChina } from './record.service.js';

/**
 * Mentoring (SPEC §2.7): every new hire gets a mentor. Supervisors (their teams) and the
 * training group see who has none and assign one; the mentor keeps coaching notes and ticks the
 * first weeks' checklist and milestones, and sees the mentee's learning, exams, role-play and
 * transcript QA (read from those areas, never changed here). Coaching notes stay between the
 * mentor and the training group: the mentee and supervisors do not read them.
 */

/**
 * The first weeks every mentorship starts with, due this many days after its start. Written for
 * a chat agent's on-the-job block: shadow, learn the goods and the emotion basics, practise,
 * then take conversations alone and review them with the mentor.
 */
export const DEFAULT_MENTORSHIP_TASKS: readonly { kind: 'checklist' | 'milestone'; title: string; days: number }[] = [
  { kind: 'checklist', title: '第1天：开通工作台账号，熟悉千牛/抖店后台、快捷短语和转接流程', days: 1 },
  { kind: 'checklist', title: '第1周：熟悉主营商品、价格、发货时效与售后政策', days: 7 },
  { kind: 'checklist', title: '第1周：旁听导师接待两个班次，记下 3 句值得学习的安抚话术', days: 7 },
  { kind: 'checklist', title: '第2周：学完《识别顾客情绪》课程并通过随堂测验', days: 14 },
  { kind: 'checklist', title: '第2周：角色扮演“催发货”“退款纠纷”各完成一次，得分达到 70 分', days: 14 },
  { kind: 'checklist', title: '第3周：在导师陪同下接待，每天与导师复盘 1 通对话', days: 21 },
  { kind: 'checklist', title: '第4周：独立接待，并与导师复盘 5 通对话（其中至少 1 通投诉）', days: 28 },
  { kind: 'milestone', title: '第2周末：通过情绪管理基础考核', days: 14 },
  { kind: 'milestone', title: '第4周末：独立上岗，当月质检平均分 75 分以上且无漏升级', days: 28 },
  { kind: 'milestone', title: '第8周末：任一高难度角色扮演场景达到 85 分，完成转正评估', days: 56 },
];

const addDays = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime()) / 86_400_000);

type TMentorshipRow = typeof mentorships.$inferSelect;

/** Mentorships with the two names and their task counts, in the given order. */
async function summarise(db: TDb, rows: TMentorshipRow[]): Promise<TMentorshipSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(rows.flatMap((r) => [r.mentorUserId, r.menteeUserId]))]));
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  const tasks = await db.select().from(mentorshipTasks).where(inArray(mentorshipTasks.mentorshipId, ids)).orderBy(asc(mentorshipTasks.dueOn), asc(mentorshipTasks.position));
  return rows.map((r) => {
    const own = tasks.filter((t) => t.mentorshipId === r.id);
    const next = own.find((t) => t.doneAt === null);
    return {
      id: r.id,
      mentor: { id: r.mentorUserId, displayName: names.get(r.mentorUserId) ?? '' },
      mentee: { id: r.menteeUserId, displayName: names.get(r.menteeUserId) ?? '' },
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      tasksDone: own.filter((t) => t.doneAt !== null).length,
      tasksTotal: own.length,
      nextTask: next ? { title: next.title, dueOn: next.dueOn } : null,
    };
  });
}

/**
 * /operations/mentoring: new hires (agents hired in the last {@link NEW_HIRE_DAYS} days) with
 * their mentor or none (those without first), the active mentorships and the people who may
 * mentor (mentor role), each with how many mentees they have now. A supervisor sees their teams.
 */
export async function mentoringOverview(deps: TDeps, auth: TAuthContext) {
  const scope = await managedUserIds(deps, auth);
  const today = todayInChina();
  const since = addDays(today, -NEW_HIRE_DAYS);
  const hires = await deps.db
    .select({ id: users.id, displayName: users.displayName, login: users.login, hireDate: memberships.hireDate })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, auth.organisationId),
        eq(memberships.isActive, true),
        arrayContains(memberships.roles, ['agent']),
        gte(memberships.hireDate, since),
        scope === undefined ? undefined : inArray(memberships.userId, scope.length > 0 ? scope : [NO_USER]),
      ),
    );
  const visibleHires = hires;
  const active = await deps.db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.organisationId, auth.organisationId), isNull(mentorships.endedOn)))
    .orderBy(desc(mentorships.startedOn));
  const activeInView = active.filter((m) => scope === undefined || scope.includes(m.menteeUserId));
  const summaries = await summarise(deps.db, activeInView);
  const byMentee = new Map(summaries.map((s) => [s.mentee.id, s]));
  const mentorRows = await deps.db
    .select({ id: users.id, displayName: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, auth.organisationId), eq(memberships.isActive, true), arrayContains(memberships.roles, ['mentor'])));
  const teams = await findUserTeams(deps.db, auth.organisationId, [...visibleHires.map((h) => h.id), ...mentorRows.map((m) => m.id)]);
  const teamsOf = (userId: string) => teams.filter((t) => t.userId === userId).map((t) => ({ id: t.id, name: t.name }));
  const newHires = visibleHires
    .map((h) => ({
      user: { id: h.id, displayName: h.displayName, login: h.login },
      teams: teamsOf(h.id),
      hireDate: h.hireDate!,
      daysSinceHire: daysBetween(h.hireDate!, today),
      mentorship: byMentee.get(h.id) ?? null,
    }))
    .sort((a, b) => Number(a.mentorship !== null) - Number(b.mentorship !== null) || b.hireDate.localeCompare(a.hireDate) || a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'));
  const mentors = mentorRows
    .map((m) => ({ ...m, teams: teamsOf(m.id), activeMentees: active.filter((a) => a.mentorUserId === m.id).length }))
    .sort((a, b) => a.activeMentees - b.activeMentees || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return { newHireDays: NEW_HIRE_DAYS, newHires, mentorships: summaries, mentors };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/**
 * Gives a person a mentor, with the default first-weeks checklist and milestones due from the
 * start date. One active mentor per mentee: a second one is a CONFLICT until the first ends.
 * The mentor must hold the mentor role; a supervisor assigns only within their teams.
 */
export async function createMentorship(deps: TDeps, auth: TAuthContext, input: { menteeUserId: string; mentorUserId: string; startedOn?: string | undefined }, ip: string): Promise<TMentorshipSummary> {
  const mentee = await findMember(deps.db, auth.organisationId, input.menteeUserId);
  const scope = await managedUserIds(deps, auth);
  if (!mentee || !mentee.isActive || (scope !== undefined && !scope.includes(mentee.id))) {
    throw new AppError('VALIDATION_FAILED', 'Unknown mentee', [{ path: 'menteeUserId', message: mentee ? 'not in your teams' : 'not in this organisation' }]);
  }
  const mentor = await findMember(deps.db, auth.organisationId, input.mentorUserId);
  if (!mentor || !mentor.isActive) throw new AppError('VALIDATION_FAILED', 'Unknown mentor', [{ path: 'mentorUserId', message: 'not in this organisation' }]);
  if (!mentor.roles.includes('mentor')) throw new AppError('VALIDATION_FAILED', `${mentor.displayName} does not hold the mentor role`, [{ path: 'mentorUserId', message: 'needs the mentor role' }]);
  if (mentor.id === mentee.id) throw new AppError('VALIDATION_FAILED', 'A person cannot mentor themselves', [{ path: 'mentorUserId', message: 'same person as the mentee' }]);
  const startedOn = input.startedOn ?? todayInChina();
  const conflict = () => new AppError('CONFLICT', `${mentee.displayName} already has an active mentor; end that mentorship first`, [{ path: 'menteeUserId', message: 'already has a mentor' }]);
  const existing = await deps.db
    .select({ id: mentorships.id })
    .from(mentorships)
    .where(and(eq(mentorships.organisationId, auth.organisationId), eq(mentorships.menteeUserId, mentee.id), isNull(mentorships.endedOn)))
    .limit(1);
  if (existing.length > 0) throw conflict();
  let row: TMentorshipRow;
  try {
    row = await deps.db.transaction(async (tx) => {
      const inserted = await tx.insert(mentorships).values({ organisationId: auth.organisationId, mentorUserId: mentor.id, menteeUserId: mentee.id, startedOn, createdBy: auth.userId }).returning();
      const created = inserted[0]!;
      await tx.insert(mentorshipTasks).values(DEFAULT_MENTORSHIP_TASKS.map((task, position) => ({ mentorshipId: created.id, kind: task.kind, title: task.title, dueOn: addDays(startedOn, task.days), position })));
      await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'mentorship.created', targetType: 'mentorship', targetId: created.id, details: { mentorUserId: mentor.id, menteeUserId: mentee.id, startedOn }, ip });
      await notify(tx, auth.organisationId, [mentor.id], {
        kind: 'mentorship_assigned',
        title: { zh: `你被指派为 ${mentee.displayName} 的带教导师`, en: `You are now ${mentee.displayName}'s mentor` },
        body: { zh: '新人的前几周清单和里程碑已经建好，请安排第一次见面。', en: 'The first weeks’ checklist and milestones are ready; set up your first meeting.' },
        link: `/my/mentoring/${created.id}`,
      });
      await notify(tx, auth.organisationId, [mentee.id], {
        kind: 'mentorship_assigned',
        title: { zh: `${mentor.displayName} 将担任你的带教导师`, en: `${mentor.displayName} will be your mentor` },
        body: { zh: '在“我的培训 · 带教”查看前几周的清单和里程碑。', en: 'See your first weeks’ checklist and milestones under My training · Mentoring.' },
        link: '/my/mentoring',
      });
      return created;
    });
  } catch (error) {
    // Two managers assigning at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  return (await summarise(deps.db, [row]))[0]!;
}

/** A mentorship of the organisation and what the caller may do with it; 404 for anyone who may not see it. */
async function accessMentorship(deps: TDeps, auth: TAuthContext, mentorshipId: string) {
  const row = (await deps.db.select().from(mentorships).where(and(eq(mentorships.organisationId, auth.organisationId), eq(mentorships.id, mentorshipId))).limit(1))[0];
  if (!row) throw notFound('Mentorship');
  const isMentor = row.mentorUserId === auth.userId;
  const isGroup = isTrainingGroup(auth);
  const scope = hasAnyRole(auth.roles, ['supervisor']) && !isGroup ? await managedUserIds(deps, auth) : undefined;
  const isSupervisor = scope !== undefined && scope.includes(row.menteeUserId);
  if (!isMentor && !isGroup && !isSupervisor) throw notFound('Mentorship');
  const isOpen = row.endedOn === null;
  return { row, canReadNotes: isMentor || isGroup, canWrite: (isMentor || isGroup) && isOpen, canEnd: (isGroup || isSupervisor) && isOpen };
}

/**
 * Ends a mentorship (the new hire is on their own, or the mentor changes). Its notes and ticks stay.
 * @returns the summary with its end date
 */
export async function endMentorship(deps: TDeps, auth: TAuthContext, mentorshipId: string, input: { endedOn?: string | undefined }, ip: string): Promise<TMentorshipSummary> {
  const { row, canEnd } = await accessMentorship(deps, auth, mentorshipId);
  if (row.endedOn !== null) throw new AppError('CONFLICT', `This mentorship ended on ${row.endedOn}`);
  if (!canEnd) throw new AppError('FORBIDDEN', "Only the mentee's supervisor or the training group ends a mentorship");
  const endedOn = input.endedOn ?? todayInChina();
  if (endedOn < row.startedOn) throw new AppError('VALIDATION_FAILED', 'The end is before the start', [{ path: 'endedOn', message: `on or after ${row.startedOn}` }]);
  const updated = await deps.db.transaction(async (tx) => {
    const rows = await tx.update(mentorships).set({ endedOn }).where(and(eq(mentorships.id, row.id), isNull(mentorships.endedOn))).returning();
    if (rows.length === 0) throw new AppError('CONFLICT', 'This mentorship has just been ended');
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'mentorship.ended', targetType: 'mentorship', targetId: row.id, details: { endedOn }, ip });
    await notify(tx, auth.organisationId, [row.mentorUserId, row.menteeUserId], {
      kind: 'mentorship_ended',
      title: { zh: '带教关系已结束', en: 'A mentorship has ended' },
      body: { zh: `结束日期：${endedOn}。带教记录仍然保留。`, en: `Ended on ${endedOn}. Its records are kept.` },
      link: '/my/mentoring',
    });
    return rows[0]!;
  });
  return (await summarise(deps.db, [updated]))[0]!;
}

async function findTasks(db: TDb, mentorshipId: string): Promise<TMentorshipTask[]> {
  const doer = alias(users, 'doer');
  const rows = await db
    .select({ task: mentorshipTasks, doneByName: doer.displayName })
    .from(mentorshipTasks)
    .leftJoin(doer, eq(doer.id, mentorshipTasks.doneBy))
    .where(eq(mentorshipTasks.mentorshipId, mentorshipId))
    .orderBy(asc(mentorshipTasks.position));
  return rows.map(({ task, doneByName }) => ({
    id: task.id,
    kind: task.kind as TMentorshipTask['kind'],
    title: task.title,
    dueOn: task.dueOn,
    doneAt: task.doneAt?.toISOString() ?? null,
    doneBy: task.doneBy ? { id: task.doneBy, displayName: doneByName ?? '' } : null,
    position: task.position,
  }));
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * A mentee's training so far, read from the learning, exam, role-play and QA tables.
 * @returns courses with lessons done, exam attempts, role-play (best per scenario, recent) and QA figures with the lowest-scoring conversations
 */
export async function menteeResults(db: TDb, organisationId: string, userId: string): Promise<TMenteeResults> {
  const courses = await findEnrolmentsOfUser(db, organisationId, userId);
  const examRows = await db
    .select({ attempt: examAttempts, title: exams.title })
    .from(examAttempts)
    .innerJoin(exams, eq(exams.id, examAttempts.examId))
    .where(and(eq(examAttempts.organisationId, organisationId), eq(examAttempts.userId, userId)))
    .orderBy(desc(examAttempts.startedAt))
    .limit(20);
  const { rows: attempts, total } = await findAttempts(db, organisationId, { userIds: [userId], limit: 500, offset: 0 });
  const finished = attempts.filter((a) => a.finishedAt !== null && a.total !== null);
  const best = new Map<string, { scenarioId: string; title: { zh: string; en: string }; bestScore: number; attempts: number }>();
  for (const a of finished) {
    const entry = best.get(a.scenarioId) ?? { scenarioId: a.scenarioId, title: a.scenarioTitle, bestScore: 0, attempts: 0 };
    entry.bestScore = Math.max(entry.bestScore, a.total!);
    entry.attempts += 1;
    best.set(a.scenarioId, entry);
  }
  const qa = await db.execute(sql`
    SELECT count(*)::int AS conversations, avg(score)::float AS average_score, coalesce(sum(is_escalation_missed::int), 0)::int AS missed,
      coalesce(sum((SELECT coalesce(sum(value::int), 0) FROM jsonb_each_text(coalesce(analysis->'language'->'issueCounts', '{}'::jsonb)))), 0)::int AS issues
    FROM qa_conversations WHERE organisation_id = ${organisationId} AND agent_user_id = ${userId}`);
  const lowest = await db.execute(sql`
    SELECT id, started_at, score, is_escalation_missed FROM qa_conversations
    WHERE organisation_id = ${organisationId} AND agent_user_id = ${userId} AND score IS NOT NULL
    ORDER BY is_escalation_missed DESC, score ASC, started_at DESC NULLS LAST LIMIT 5`);
  const qaRow = qa.rows[0] as { conversations: number; average_score: number | null; missed: number; issues: number };
  return {
    courses: courses.map((c) => ({ courseId: c.courseId, title: c.title as { zh: string; en: string }, lessonsDone: Number(c.lessonsDone), lessonCount: Number(c.lessonCount), dueDate: c.dueDate, completedAt: c.completedAt?.toISOString() ?? null })),
    exams: examRows.map(({ attempt, title }) => ({
      attemptId: attempt.id,
      examTitle: title as { zh: string; en: string },
      attemptNumber: attempt.attemptNumber,
      score: attempt.finalScore,
      isPassed: attempt.isPassed,
      status: attempt.status,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
    })),
    roleplay: {
      attempts: total,
      finished: finished.length,
      averageScore: finished.length === 0 ? null : round1(finished.reduce((s, a) => s + a.total!, 0) / finished.length),
      bestByScenario: [...best.values()].sort((a, b) => b.bestScore - a.bestScore),
      recent: attempts.slice(0, 5).map((a) => ({ id: a.id, scenarioTitle: a.scenarioTitle, total: a.total, outcome: a.outcome, startedAt: a.startedAt.toISOString() })),
    },
    qa: {
      conversations: qaRow.conversations,
      averageScore: round1(qaRow.average_score),
      missedEscalations: qaRow.missed,
      languageIssues: qaRow.issues,
      lowest: (lowest.rows as { id: string; started_at: Date | string | null; score: number | null; is_escalation_missed: boolean }[]).map((r) => ({
        id: r.id,
        startedAt: r.started_at === null ? null : new Date(r.started_at).toISOString(),
        score: r.score,
        isEscalationMissed: r.is_escalation_missed,
      })),
    },
  };
}

/** Mirrors the QA pages' rule (qa-conversation.service.ts): the training group reads every agent's conversations, others their teams'. */
async function canOpenConversationsOf(deps: TDeps, auth: TAuthContext, userId: string): Promise<boolean> {
  if (!hasAnyRole(auth.roles, ['mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'])) return false;
  const visible = await visibleUserIds(deps, auth);
  return visible === undefined || visible.includes(userId);
}

/**
 * One mentorship for its mentor, the training group or the mentee's supervisor: the checklist,
 * the mentee's results and (mentor and training group only) the coaching notes.
 */
export async function getMentorship(deps: TDeps, auth: TAuthContext, mentorshipId: string) {
  const { row, canReadNotes, canWrite, canEnd } = await accessMentorship(deps, auth, mentorshipId);
  const summary = (await summarise(deps.db, [row]))[0]!;
  const author = alias(users, 'author');
  const notes = canReadNotes
    ? (
        await deps.db
          .select({ note: mentorshipNotes, authorName: author.displayName })
          .from(mentorshipNotes)
          .leftJoin(author, eq(author.id, mentorshipNotes.authorId))
          .where(eq(mentorshipNotes.mentorshipId, row.id))
          .orderBy(desc(mentorshipNotes.createdAt))
      ).map(({ note, authorName }) => ({ id: note.id, author: note.authorId ? { id: note.authorId, displayName: authorName ?? '' } : null, body: note.body, createdAt: note.createdAt.toISOString() }))
    : null;
  const mentee = await findMember(deps.db, auth.organisationId, row.menteeUserId);
  const teams = await findUserTeams(deps.db, auth.organisationId, [row.menteeUserId]);
  return {
    ...summary,
    menteeTeams: teams.map((t) => ({ id: t.id, name: t.name })),
    menteeHireDate: mentee?.hireDate ?? null,
    tasks: await findTasks(deps.db, row.id),
    notes,
    results: await menteeResults(deps.db, auth.organisationId, row.menteeUserId),
    canWrite,
    canEnd,
    canOpenQa: await canOpenConversationsOf(deps, auth, row.menteeUserId),
  };
}

async function writable(deps: TDeps, auth: TAuthContext, mentorshipId: string) {
  const access = await accessMentorship(deps, auth, mentorshipId);
  if (access.row.endedOn !== null) throw new AppError('CONFLICT', `This mentorship ended on ${access.row.endedOn}; its records are read-only`);
  if (!access.canWrite) throw new AppError('FORBIDDEN', 'Only the mentor and the training group write here');
  return access.row;
}

/** Adds a coaching note (private to the mentor and the training group). */
export async function addMentorshipNote(deps: TDeps, auth: TAuthContext, mentorshipId: string, body: string, ip: string) {
  const row = await writable(deps, auth, mentorshipId);
  await deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(mentorshipNotes).values({ mentorshipId: row.id, authorId: auth.userId, body }).returning({ id: mentorshipNotes.id });
    // The note's words stay out of the audit log: only that one was written.
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'mentorship.note_added', targetType: 'mentorship', targetId: row.id, details: { noteId: inserted[0]!.id }, ip });
  });
  return getMentorship(deps, auth, mentorshipId);
}

/** Adds a checklist item or milestone of the mentor's own at the end of the list. */
export async function addMentorshipTask(deps: TDeps, auth: TAuthContext, mentorshipId: string, input: { kind: 'checklist' | 'milestone'; title: string; dueOn: string | null }) {
  const row = await writable(deps, auth, mentorshipId);
  const last = await deps.db.select({ n: sql<number>`coalesce(max(${mentorshipTasks.position}), -1)::int` }).from(mentorshipTasks).where(eq(mentorshipTasks.mentorshipId, row.id));
  await deps.db.insert(mentorshipTasks).values({ mentorshipId: row.id, kind: input.kind, title: input.title, dueOn: input.dueOn, position: (last[0]?.n ?? -1) + 1 });
  return getMentorship(deps, auth, mentorshipId);
}

/** Ticks (or unticks) a checklist item or milestone. */
export async function setMentorshipTaskDone(deps: TDeps, auth: TAuthContext, taskId: string, isDone: boolean) {
  const task = (
    await deps.db
      .select({ id: mentorshipTasks.id, mentorshipId: mentorshipTasks.mentorshipId })
      .from(mentorshipTasks)
      .innerJoin(mentorships, eq(mentorships.id, mentorshipTasks.mentorshipId))
      .where(and(eq(mentorshipTasks.id, taskId), eq(mentorships.organisationId, auth.organisationId)))
      .limit(1)
  )[0];
  if (!task) throw notFound('Task');
  await writable(deps, auth, task.mentorshipId);
  await deps.db
    .update(mentorshipTasks)
    .set(isDone ? { doneAt: new Date(), doneBy: auth.userId } : { doneAt: null, doneBy: null })
    .where(eq(mentorshipTasks.id, task.id));
  return getMentorship(deps, auth, task.mentorshipId);
}

/**
 * /my/mentoring: the caller's active mentees with a short view of each one's results (as a
 * mentor), and the caller's own mentor with the checklist (as a mentee; notes are not shown).
 */
export async function myMentoring(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select()
    .from(mentorships)
    .where(and(eq(mentorships.organisationId, auth.organisationId), isNull(mentorships.endedOn), or(eq(mentorships.mentorUserId, auth.userId), eq(mentorships.menteeUserId, auth.userId))))
    .orderBy(asc(mentorships.startedOn));
  const summaries = await summarise(deps.db, rows);
  const asMentor = [];
  for (const summary of summaries.filter((s) => s.mentor.id === auth.userId)) {
    const results = await menteeResults(deps.db, auth.organisationId, summary.mentee.id);
    const graded = results.exams.filter((e) => e.score !== null);
    asMentor.push({
      ...summary,
      results: {
        qa: results.qa,
        coursesDone: results.courses.filter((c) => c.completedAt !== null).length,
        courses: results.courses.length,
        roleplayAverage: results.roleplay.averageScore,
        examAverage: graded.length === 0 ? null : round1(graded.reduce((s, e) => s + e.score!, 0) / graded.length),
      },
    });
  }
  const mine = summaries.find((s) => s.mentee.id === auth.userId);
  return { asMentor, asMentee: mine ? { mentorship: mine, tasks: await findTasks(deps.db, mine.id) } : null };
}
