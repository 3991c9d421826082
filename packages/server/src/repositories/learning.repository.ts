import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { cases, courses, lessons, questions } from '../db/schema.js';

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
    .select({ id: lessons.id, key: lessons.key, position: lessons.position, title: lessons.title, summary: lessons.summary, minutes: lessons.minutes, exercise: lessons.exercise })
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
    .select({ id: cases.id, key: cases.key, title: cases.title, kind: cases.kind, tags: cases.tags, goods: cases.goods })
    .from(cases)
    .where(eq(cases.organisationId, organisationId))
    .orderBy(asc(cases.key));
}

export async function findCase(db: TDb, organisationId: string, caseId: string) {
  const rows = await db.select().from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId))).limit(1);
  return rows[0];
}
