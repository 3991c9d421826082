import { and, eq } from 'drizzle-orm';
import type { TDeps } from '../context.js';
import { courseFeedback, courses } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { TAuthContext } from '../auth/access.js';
import { gradeAnswer } from '../lib/grading.js';
import { hasAnyRole, type TRole } from '@calmdesk/shared';
import { AppError } from '../errors.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { resolveAssignees } from './user.service.js';
import {
  assignCourse as assignCourseRows,
  findEnrolmentsOfOrganisation,
  countDoneLessons,
  findCase,
  findCases,
  findCourses,
  findEnrolmentsOfUser,
  findDoneLessonIds,
  findLesson,
  findLessonProgress,
  findLessonsOfCourse,
  findQuestionsByKeys,
  updateEnrolment,
  upsertEnrolment,
  upsertLessonProgress,
} from '../repositories/learning.repository.js';

type TText = { zh: string; en: string };
type TOrigin = 'builtin' | 'custom';

/** Who writes courses, lessons, questions and cases (and sees unpublished ones). */
export const COURSE_AUTHOR_ROLES = ['trainer'] as const;

export async function listCourses(deps: TDeps, organisationId: string) {
  const rows = await findCourses(deps.db, organisationId);
  return rows.map((r) => ({ ...r, title: r.title as TText, summary: r.summary as TText, audience: r.audience as TText, origin: r.origin as 'builtin' | 'custom', minutes: Number(r.minutes) }));
}

export async function getCourse(deps: TDeps, organisationId: string, courseId: string) {
  const course = (await listCourses(deps, organisationId)).find((c) => c.id === courseId);
  if (!course) throw notFound('Course');
  const lessonRows = await findLessonsOfCourse(deps.db, organisationId, courseId);
  return { ...course, lessons: lessonRows.map((l) => ({ ...l, title: l.title as TText, summary: l.summary as TText, origin: l.origin as TOrigin })) };
}

/** A course with the caller's standing in it: enrolled, lessons done, where to resume, feedback given. */
export async function getCourseForLearner(deps: TDeps, auth: TAuthContext, courseId: string) {
  const course = await getCourse(deps, auth.organisationId, courseId);
  const enrolment = (await findEnrolmentsOfUser(deps.db, auth.organisationId, auth.userId)).find((e) => e.courseId === courseId);
  const done = await findDoneLessonIds(deps.db, auth.userId, courseId);
  const feedback = await deps.db.select({ userId: courseFeedback.userId }).from(courseFeedback).where(and(eq(courseFeedback.userId, auth.userId), eq(courseFeedback.courseId, courseId))).limit(1);
  return {
    ...course,
    myProgress: {
      isEnrolled: enrolment !== undefined,
      dueDate: enrolment?.dueDate ?? null,
      lastLessonId: enrolment?.lastLessonId ?? null,
      doneLessonIds: done,
      completedAt: enrolment?.completedAt?.toISOString() ?? null,
      hasGivenFeedback: feedback.length > 0,
    },
  };
}

/** A lesson with its quiz questions, without their answers, and the caller's last hand-in. */
export async function getLesson(deps: TDeps, auth: TAuthContext, lessonId: string) {
  const organisationId = auth.organisationId;
  const lesson = await findLesson(deps.db, organisationId, lessonId);
  // A lesson of an unpublished course stays with its editors.
  if (!lesson || !(await isCourseVisible(deps, auth, lesson.courseId))) throw notFound('Lesson');
  const mine = await findLessonProgress(deps.db, auth.userId, lessonId);
  const quizRows = await findQuestionsByKeys(deps.db, organisationId, lesson.quizKeys);
  const byKey = new Map(quizRows.map((q) => [q.key, q]));
  const quiz = lesson.quizKeys.flatMap((key) => {
    const q = byKey.get(key);
    return q ? [{ id: q.id, type: q.type as 'single' | 'multiple' | 'true_false' | 'short_answer', stem: q.stem, options: q.options as { id: string; text: string }[] }] : [];
  });
  return {
    id: lesson.id,
    key: lesson.key,
    courseId: lesson.courseId,
    position: lesson.position,
    title: lesson.title as TText,
    summary: lesson.summary as TText,
    minutes: lesson.minutes,
    exercise: lesson.exercise,
    origin: lesson.origin as TOrigin,
    bodyMd: lesson.bodyMd,
    video: lesson.video,
    downloads: lesson.downloads as { title: TText; url: string }[],
    quiz,
    myProgress: mine ? { completedAt: mine.completedAt.toISOString(), quizScore: mine.quizScore, answers: mine.quizAnswers as Record<string, (string | boolean)[]> } : null,
  };
}

/** Published courses are for everyone; unpublished ones only for the people who write courses. */
async function isCourseVisible(deps: TDeps, auth: TAuthContext, courseId: string): Promise<boolean> {
  const rows = await deps.db.select({ isPublished: courses.isPublished }).from(courses).where(and(eq(courses.organisationId, auth.organisationId), eq(courses.id, courseId))).limit(1);
  const course = rows[0];
  return course !== undefined && (course.isPublished || hasAnyRole(auth.roles, COURSE_AUTHOR_ROLES));
}

export async function listCases(deps: TDeps, organisationId: string) {
  const rows = await findCases(deps.db, organisationId);
  return rows.map((r) => ({ ...r, title: r.title as TText, kind: r.kind as 'good' | 'bad' | 'turnaround', origin: r.origin as TOrigin }));
}

export async function getCase(deps: TDeps, organisationId: string, caseId: string) {
  const row = await findCase(deps.db, organisationId, caseId);
  if (!row) throw notFound('Case');
  return { id: row.id, key: row.key, title: row.title as TText, kind: row.kind as 'good' | 'bad' | 'turnaround', tags: row.tags, goods: row.goods, bodyMd: row.bodyMd, origin: row.origin as TOrigin };
}

/** Enrols the caller in a course (again is fine: nothing changes). */
export async function enrolSelf(deps: TDeps, auth: TAuthContext, courseId: string) {
  await getCourse(deps, auth.organisationId, courseId);
  await upsertEnrolment(deps.db, { organisationId: auth.organisationId, userId: auth.userId, courseId });
  return myProgress(deps, auth);
}

/**
 * Finishes a lesson: marks its quiz (objective questions; short answers wait for a trainer),
 * keeps the latest answers, moves the resume point, and completes the course when every
 * lesson is done. Enrols the caller if needed.
 * @returns the score, each question's result with the right answer and explanation, and whether the course is now complete
 */
export async function completeLesson(deps: TDeps, auth: TAuthContext, lessonId: string, answers: Record<string, (string | boolean)[]>) {
  const lesson = await findLesson(deps.db, auth.organisationId, lessonId);
  if (!lesson || !(await isCourseVisible(deps, auth, lesson.courseId))) throw notFound('Lesson');
  const quiz = await findQuestionsByKeys(deps.db, auth.organisationId, lesson.quizKeys);
  const results = quiz.map((q) => ({
    questionId: q.id,
    isCorrect: gradeAnswer(q, answers[q.id]),
    correctAnswer: q.answer as (string | boolean)[],
    explanation: q.explanation,
  }));
  const marked = results.filter((r) => r.isCorrect !== null);
  const score = marked.length === 0 ? null : Math.round((100 * marked.filter((r) => r.isCorrect).length) / marked.length);
  const completion = await deps.db.transaction(async (tx) => {
    await upsertEnrolment(tx, { organisationId: auth.organisationId, userId: auth.userId, courseId: lesson.courseId });
    await upsertLessonProgress(tx, { userId: auth.userId, lessonId, organisationId: auth.organisationId, quizScore: score, quizAnswers: answers });
    const { done, total } = await countDoneLessons(tx, auth.userId, lesson.courseId);
    const isComplete = total > 0 && done >= total;
    await updateEnrolment(tx, auth.userId, lesson.courseId, { lastLessonId: lessonId, ...(isComplete ? { completedAt: new Date() } : {}) });
    return isComplete;
  });
  return { score, results, isCourseComplete: completion };
}

/** The caller's courses with progress and where to resume. */
export async function myProgress(deps: TDeps, auth: TAuthContext) {
  const rows = await findEnrolmentsOfUser(deps.db, auth.organisationId, auth.userId);
  return {
    enrolments: rows.map((r) => ({
      courseId: r.courseId,
      title: r.title as TText,
      dueDate: r.dueDate,
      lastLessonId: r.lastLessonId,
      nextLessonId: r.nextLessonId,
      lessonsDone: Number(r.lessonsDone),
      lessonCount: Number(r.lessonCount),
      startedAt: r.startedAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
  };
}

/** Assigns a course to people and teams (expanded to their members now), with a due date. */
export async function assignCourse(deps: TDeps, auth: TAuthContext, courseId: string, input: { userIds: string[]; teamIds: string[]; dueDate?: string | null | undefined }, ip: string) {
  await getCourse(deps, auth.organisationId, courseId);
  const people = await resolveAssignees(deps, auth.organisationId, input);
  await assignCourseRows(deps.db, { organisationId: auth.organisationId, courseId, assignedBy: auth.userId, dueDate: input.dueDate ?? null }, people);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'course.assigned', targetType: 'course', targetId: courseId, details: { people: people.length, dueDate: input.dueDate ?? null }, ip });
  return { assigned: people.length };
}

/** Roles that see everyone's learning; a supervisor sees the members of their own teams. */
const ORGANISATION_WIDE: readonly TRole[] = ['trainer', 'deputy', 'leader'];
/** Matches nobody: `IN (...)` needs at least one value. */
export const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * Whose learning the caller may see.
 * @returns undefined for everyone in the organisation (trainer, deputy, leader), else the members of the caller's teams
 */
export async function visibleUserIds(deps: TDeps, auth: TAuthContext): Promise<string[] | undefined> {
  if (hasAnyRole(auth.roles, ORGANISATION_WIDE)) return undefined;
  const myTeams = (await findUserTeams(deps.db, auth.organisationId, [auth.userId])).map((t) => t.id);
  return findTeamMemberIds(deps.db, auth.organisationId, myTeams);
}

export async function learningOverview(deps: TDeps, auth: TAuthContext) {
  const userIds = await visibleUserIds(deps, auth);
  const rows = await findEnrolmentsOfOrganisation(deps.db, auth.organisationId, userIds);
  const teamsOf = await findUserTeams(deps.db, auth.organisationId, [...new Set(rows.map((r) => r.userId))]);
  const today = new Date().toISOString().slice(0, 10);
  return {
    rows: rows.map((r) => ({
      user: { id: r.userId, displayName: r.displayName },
      teamNames: teamsOf.filter((t) => t.userId === r.userId).map((t) => t.name),
      courseId: r.courseId,
      courseTitle: r.courseTitle as TText,
      quizAverage: r.quizAverage === null ? null : Math.round(Number(r.quizAverage)),
      lessonsDone: Number(r.lessonsDone),
      lessonCount: Number(r.lessonCount),
      dueDate: r.dueDate,
      completedAt: r.completedAt?.toISOString() ?? null,
      isOverdue: r.completedAt === null && r.dueDate !== null && r.dueDate < today,
    })),
  };
}

/**
 * A person's reaction to a course (level 1), once per course; sending again replaces it.
 * Only people enrolled in the course may answer.
 */
export async function giveCourseFeedback(deps: TDeps, auth: TAuthContext, courseId: string, input: { content: number; method: number; instructor: number; comment: string }) {
  await getCourse(deps, auth.organisationId, courseId);
  const enrolled = (await findEnrolmentsOfUser(deps.db, auth.organisationId, auth.userId)).some((e) => e.courseId === courseId);
  if (!enrolled) throw new AppError('CONFLICT', 'Enrol in the course before rating it');
  await deps.db
    .insert(courseFeedback)
    .values({ userId: auth.userId, courseId, organisationId: auth.organisationId, ...input })
    .onConflictDoUpdate({ target: [courseFeedback.userId, courseFeedback.courseId], set: { ...input, createdAt: new Date() } });
  return courseFeedbackSummary(deps, auth.organisationId, courseId, false);
}

/**
 * Averages and comments, anonymous: names are never returned, so people answer honestly.
 * @param withComments trainers see the comments; the person who just answered sees only the averages
 */
export async function courseFeedbackSummary(deps: TDeps, organisationId: string, courseId: string, withComments = true) {
  await getCourse(deps, organisationId, courseId);
  const rows = await deps.db.select().from(courseFeedback).where(and(eq(courseFeedback.organisationId, organisationId), eq(courseFeedback.courseId, courseId)));
  const avg = (pick: (r: (typeof rows)[number]) => number) => (rows.length === 0 ? null : Math.round((rows.reduce((s, r) => s + pick(r), 0) / rows.length) * 100) / 100);
  return {
    responses: rows.length,
    content: avg((r) => r.content),
    method: avg((r) => r.method),
    instructor: avg((r) => r.instructor),
    comments: withComments ? rows.filter((r) => r.comment).map((r) => ({ comment: r.comment, createdAt: r.createdAt.toISOString() })) : [],
  };
}
