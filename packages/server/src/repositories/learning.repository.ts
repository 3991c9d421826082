import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { cases, courses, enrolments, lessonProgress, lessons, questions, users } from '../db/schema.js';

export async function findCourses(db: TDb, organisationId: string) {
  return db
    .select({
      id: courses.id,
      key: courses.key,
      title: courses.title,
      summary: courses.summary,
      audience: courses.audience,
      tags: courses.tags,
      origin: courses.origin,
      lessonCount: count(lessons.id),
      minutes: sql<number>`coalesce(sum(${lessons.minutes}), 0)::int`,
    })
    .from(courses)
    .leftJoin(lessons, eq(lessons.courseId, courses.id))
    .where(and(eq(courses.organisationId, organisationId), eq(courses.isPublished, true)))
    .groupBy(courses.id)
    .orderBy(asc(courses.position), asc(courses.key));
}

export async function findLessonsOfCourse(db: TDb, organisationId: string, courseId: string) {
  return db
    .select({ id: lessons.id, key: lessons.key, position: lessons.position, title: lessons.title, summary: lessons.summary, minutes: lessons.minutes, exercise: lessons.exercise, origin: lessons.origin })
    .from(lessons)
    .where(and(eq(lessons.organisationId, organisationId), eq(lessons.courseId, courseId)))
    .orderBy(asc(lessons.position));
}

export async function findLesson(db: TDb, organisationId: string, lessonId: string) {
  const rows = await db.select().from(lessons).where(and(eq(lessons.organisationId, organisationId), eq(lessons.id, lessonId))).limit(1);
  return rows[0];
}

export async function findQuestionsByKeys(db: TDb, organisationId: string, keys: string[]) {
  if (keys.length === 0) return [];
  return db.select().from(questions).where(and(eq(questions.organisationId, organisationId), inArray(questions.key, keys), eq(questions.isRetired, false)));
}

export async function findCases(db: TDb, organisationId: string) {
  return db
    .select({ id: cases.id, key: cases.key, title: cases.title, kind: cases.kind, tags: cases.tags, goods: cases.goods, origin: cases.origin })
    .from(cases)
    .where(eq(cases.organisationId, organisationId))
    .orderBy(asc(cases.key));
}

export async function findCase(db: TDb, organisationId: string, caseId: string) {
  const rows = await db.select().from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId))).limit(1);
  return rows[0];
}

export async function upsertEnrolment(db: TDb, values: { organisationId: string; userId: string; courseId: string; assignedBy?: string | null; dueDate?: string | null }): Promise<void> {
  await db
    .insert(enrolments)
    .values({ ...values, assignedBy: values.assignedBy ?? null, dueDate: values.dueDate ?? null })
    .onConflictDoNothing({ target: [enrolments.userId, enrolments.courseId] });
}

export async function updateEnrolment(db: TDb, userId: string, courseId: string, values: Partial<typeof enrolments.$inferInsert>): Promise<void> {
  await db.update(enrolments).set(values).where(and(eq(enrolments.userId, userId), eq(enrolments.courseId, courseId)));
}

export async function upsertLessonProgress(db: TDb, values: { userId: string; lessonId: string; organisationId: string; quizScore: number | null; quizAnswers: unknown }): Promise<void> {
  await db
    .insert(lessonProgress)
    .values({ ...values, completedAt: new Date() })
    .onConflictDoUpdate({ target: [lessonProgress.userId, lessonProgress.lessonId], set: { quizScore: values.quizScore, quizAnswers: values.quizAnswers, completedAt: new Date() } });
}

export async function findLessonProgress(db: TDb, userId: string, lessonId: string) {
  const rows = await db.select().from(lessonProgress).where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId))).limit(1);
  return rows[0];
}

/** The lessons of a course the person finished. */
export async function findDoneLessonIds(db: TDb, userId: string, courseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: lessonProgress.lessonId })
    .from(lessonProgress)
    .innerJoin(lessons, eq(lessons.id, lessonProgress.lessonId))
    .where(and(eq(lessonProgress.userId, userId), eq(lessons.courseId, courseId)));
  return rows.map((r) => r.id);
}

/** How many of a course's lessons the person finished. */
export async function countDoneLessons(db: TDb, userId: string, courseId: string): Promise<{ done: number; total: number }> {
  const rows = await db
    .select({ total: count(lessons.id), done: count(lessonProgress.lessonId) })
    .from(lessons)
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, userId)))
    .where(eq(lessons.courseId, courseId));
  return { done: rows[0]?.done ?? 0, total: rows[0]?.total ?? 0 };
}

export async function findEnrolmentsOfUser(db: TDb, organisationId: string, userId: string) {
  return db
    .select({
      courseId: enrolments.courseId,
      title: courses.title,
      dueDate: enrolments.dueDate,
      lastLessonId: enrolments.lastLessonId,
      startedAt: enrolments.startedAt,
      completedAt: enrolments.completedAt,
      lessonsDone: sql<number>`(select count(*)::int from ${lessonProgress} lp join ${lessons} l on l.id = lp.lesson_id where lp.user_id = ${userId} and l.course_id = ${enrolments.courseId})`,
      lessonCount: sql<number>`(select count(*)::int from ${lessons} l where l.course_id = ${enrolments.courseId})`,
      // The first lesson not done after the last one finished, else the first not done anywhere (one was skipped).
      nextLessonId: sql<string | null>`(select l.id from ${lessons} l where l.course_id = ${enrolments.courseId} and not exists (select 1 from ${lessonProgress} lp where lp.lesson_id = l.id and lp.user_id = ${userId}) order by l.position <= coalesce((select ll.position from ${lessons} ll where ll.id = ${enrolments.lastLessonId}), 0), l.position limit 1)`,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.userId, userId)))
    .orderBy(asc(courses.position));
}

/** Assigns (or re-dates) a course for each person; an earlier self-enrolment keeps its progress. */
export async function assignCourse(db: TDb, values: { organisationId: string; courseId: string; assignedBy: string; dueDate: string | null }, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(enrolments)
    .values(userIds.map((userId) => ({ ...values, userId })))
    .onConflictDoUpdate({ target: [enrolments.userId, enrolments.courseId], set: { assignedBy: values.assignedBy, dueDate: values.dueDate } });
}

export async function findEnrolmentsOfOrganisation(db: TDb, organisationId: string, userIds?: string[]) {
  return db
    .select({
      userId: enrolments.userId,
      displayName: users.displayName,
      courseId: enrolments.courseId,
      courseTitle: courses.title,
      dueDate: enrolments.dueDate,
      completedAt: enrolments.completedAt,
      lessonsDone: sql<number>`(select count(*)::int from ${lessonProgress} lp join ${lessons} l on l.id = lp.lesson_id where lp.user_id = ${enrolments.userId} and l.course_id = ${enrolments.courseId})`,
      lessonCount: sql<number>`(select count(*)::int from ${lessons} l where l.course_id = ${enrolments.courseId})`,
      quizAverage: sql<number | null>`(select avg(lp.quiz_score) from ${lessonProgress} lp join ${lessons} l on l.id = lp.lesson_id where lp.user_id = ${enrolments.userId} and l.course_id = ${enrolments.courseId})`,
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(and(eq(enrolments.organisationId, organisationId), userIds ? inArray(enrolments.userId, userIds.length > 0 ? userIds : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .orderBy(asc(users.displayName), asc(courses.position));
}
