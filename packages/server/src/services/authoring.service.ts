import { randomBytes } from 'node:crypto';
import type { ZCaseInput, ZCourseInput, ZLessonInput, ZQuestionInput } from '@calmdesk/shared';
import { and, arrayContains, asc, eq, ilike, inArray, max, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { cases, courses, lessons, questions } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from './audit.service.js';

/**
 * Trainers write the organisation's learning content in the app: courses, lessons, the
 * question bank and cases. Built-in items may be edited (they then stop following content
 * updates: `isEdited`) or unpublished, not deleted — the next start would bring them back.
 * Keys never change once given: lessons name their quiz questions by key, and exports carry them.
 */

type TText = { zh: string; en: string };
type TCourseInput = z.infer<typeof ZCourseInput>;
type TLessonInput = z.infer<typeof ZLessonInput>;
type TQuestionInput = z.infer<typeof ZQuestionInput>;
type TCaseInput = z.infer<typeof ZCaseInput>;
type TOrigin = 'builtin' | 'custom';

function generatedKey(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

async function audit(deps: TDeps, auth: TAuthContext, action: string, targetType: string, targetId: string, ip: string, details: Record<string, unknown> = {}) {
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action, targetType, targetId, details, ip });
}

function keyTaken(what: string, key: string): AppError {
  return new AppError('CONFLICT', `A ${what} with the key "${key}" exists already`, [{ path: 'key', message: 'already used; choose another key' }]);
}

function keyFixed(key: string): AppError {
  return new AppError('VALIDATION_FAILED', `The key "${key}" cannot change`, [{ path: 'key', message: 'keys are fixed once given' }]);
}

function refuseBuiltInDelete(what: string): AppError {
  return new AppError('CONFLICT', `A built-in ${what} cannot be deleted; ${what === 'course' ? 'unpublish it' : 'edit it'} instead`);
}

// --- Courses ---------------------------------------------------------------

async function findCourseRow(db: TDb, organisationId: string, courseId: string) {
  const row = (await db.select().from(courses).where(and(eq(courses.organisationId, organisationId), eq(courses.id, courseId))).limit(1))[0];
  if (!row) throw notFound('Course');
  return row;
}

/** Every course of the organisation with its lessons, unpublished ones included. */
export async function listAuthoringCourses(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db.select().from(courses).where(eq(courses.organisationId, auth.organisationId)).orderBy(asc(courses.position), asc(courses.key));
  const lessonRows =
    rows.length === 0
      ? []
      : await deps.db
          .select({ id: lessons.id, courseId: lessons.courseId, key: lessons.key, position: lessons.position, title: lessons.title, summary: lessons.summary, minutes: lessons.minutes, exercise: lessons.exercise, origin: lessons.origin })
          .from(lessons)
          .where(eq(lessons.organisationId, auth.organisationId))
          .orderBy(asc(lessons.position));
  return {
    courses: rows.map((c) => {
      const own = lessonRows.filter((l) => l.courseId === c.id).map(({ courseId: _courseId, ...l }) => ({ ...l, title: l.title as TText, summary: l.summary as TText, origin: l.origin as TOrigin }));
      return {
        id: c.id,
        key: c.key,
        title: c.title as TText,
        summary: c.summary as TText,
        audience: c.audience as TText,
        tags: c.tags,
        lessonCount: own.length,
        minutes: own.reduce((sum, l) => sum + l.minutes, 0),
        origin: c.origin as TOrigin,
        isPublished: c.isPublished,
        isEdited: c.isEdited,
        lessons: own,
      };
    }),
  };
}

async function authoringCourse(deps: TDeps, auth: TAuthContext, courseId: string) {
  const course = (await listAuthoringCourses(deps, auth)).courses.find((c) => c.id === courseId);
  if (!course) throw notFound('Course');
  return course;
}

export async function createCourse(deps: TDeps, auth: TAuthContext, input: TCourseInput, ip: string) {
  const key = input.key ?? generatedKey('course');
  const clash = await deps.db.select({ id: courses.id }).from(courses).where(and(eq(courses.organisationId, auth.organisationId), eq(courses.key, key))).limit(1);
  if (clash.length > 0) throw keyTaken('course', key);
  const last = await deps.db.select({ position: max(courses.position) }).from(courses).where(eq(courses.organisationId, auth.organisationId));
  const inserted = await deps.db
    .insert(courses)
    .values({
      organisationId: auth.organisationId,
      key,
      origin: 'custom',
      // After the built-in courses, in the order they were written.
      position: Math.max(1000, (last[0]?.position ?? 0) + 1),
      title: input.title,
      summary: input.summary,
      audience: input.audience,
      tags: input.tags,
      isPublished: input.isPublished,
    })
    .returning({ id: courses.id });
  const id = inserted[0]!.id;
  await audit(deps, auth, 'course.created', 'course', id, ip, { key });
  return authoringCourse(deps, auth, id);
}

export async function updateCourse(deps: TDeps, auth: TAuthContext, courseId: string, input: TCourseInput, ip: string) {
  const row = await findCourseRow(deps.db, auth.organisationId, courseId);
  if (input.key !== undefined && input.key !== row.key) throw keyFixed(row.key);
  await deps.db
    .update(courses)
    .set({ title: input.title, summary: input.summary, audience: input.audience, tags: input.tags, isPublished: input.isPublished, isEdited: row.origin === 'builtin', updatedAt: new Date() })
    .where(eq(courses.id, row.id));
  await audit(deps, auth, 'course.updated', 'course', row.id, ip, { isPublished: input.isPublished });
  return authoringCourse(deps, auth, row.id);
}

/** Deletes one of the organisation's own courses, with its lessons and everyone's progress in it. */
export async function deleteCourse(deps: TDeps, auth: TAuthContext, courseId: string, ip: string) {
  const row = await findCourseRow(deps.db, auth.organisationId, courseId);
  if (row.origin === 'builtin') throw refuseBuiltInDelete('course');
  await deps.db.delete(courses).where(eq(courses.id, row.id));
  await audit(deps, auth, 'course.deleted', 'course', row.id, ip, { key: row.key });
}

/** Puts a course's lessons in the given order; the list must hold each lesson exactly once. */
export async function reorderLessons(deps: TDeps, auth: TAuthContext, courseId: string, lessonIds: string[], ip: string) {
  const course = await findCourseRow(deps.db, auth.organisationId, courseId);
  await deps.db.transaction(async (tx) => {
    const current = await tx.select({ id: lessons.id, position: lessons.position, origin: lessons.origin }).from(lessons).where(eq(lessons.courseId, course.id)).for('update');
    const expected = new Set(current.map((l) => l.id));
    if (lessonIds.length !== expected.size || new Set(lessonIds).size !== lessonIds.length || lessonIds.some((id) => !expected.has(id))) {
      throw new AppError('VALIDATION_FAILED', 'List every lesson of the course exactly once', [{ path: 'lessonIds', message: `expected the ${expected.size} lessons of this course` }]);
    }
    for (const [index, id] of lessonIds.entries()) {
      const lesson = current.find((l) => l.id === id)!;
      if (lesson.position === index + 1) continue;
      // A moved built-in lesson keeps its new place: content updates no longer move it back.
      await tx.update(lessons).set({ position: index + 1, ...(lesson.origin === 'builtin' ? { isEdited: true } : {}), updatedAt: new Date() }).where(eq(lessons.id, id));
    }
  });
  await audit(deps, auth, 'course.lessons_reordered', 'course', course.id, ip);
  return authoringCourse(deps, auth, course.id);
}

// --- Lessons ---------------------------------------------------------------

async function findLessonRow(db: TDb, organisationId: string, lessonId: string) {
  const row = (await db.select().from(lessons).where(and(eq(lessons.organisationId, organisationId), eq(lessons.id, lessonId))).limit(1))[0];
  if (!row) throw notFound('Lesson');
  return row;
}

/** Quiz keys must name questions of the bank that are in use (not retired). */
async function checkQuizKeys(db: TDb, organisationId: string, keys: string[]): Promise<void> {
  if (new Set(keys).size !== keys.length) throw new AppError('VALIDATION_FAILED', 'A question appears twice in the quiz', [{ path: 'quizKeys', message: 'each question once' }]);
  if (keys.length === 0) return;
  const found = await db.select({ key: questions.key }).from(questions).where(and(eq(questions.organisationId, organisationId), inArray(questions.key, keys), eq(questions.isRetired, false)));
  const known = new Set(found.map((q) => q.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `Not in the question bank (or retired): ${unknown.join(', ')}`, [{ path: 'quizKeys', message: `unknown: ${unknown.join(', ')}` }]);
}

function presentLessonSource(row: typeof lessons.$inferSelect) {
  return {
    id: row.id,
    courseId: row.courseId,
    key: row.key,
    position: row.position,
    origin: row.origin as TOrigin,
    isEdited: row.isEdited,
    title: row.title as TText,
    summary: row.summary as TText,
    minutes: row.minutes,
    exercise: row.exercise as TLessonInput['exercise'],
    video: row.video,
    downloads: row.downloads as TLessonInput['downloads'],
    bodyMd: row.bodyMd,
    quizKeys: row.quizKeys,
  };
}

export async function getLessonSource(deps: TDeps, auth: TAuthContext, lessonId: string) {
  return presentLessonSource(await findLessonRow(deps.db, auth.organisationId, lessonId));
}

export async function createLesson(deps: TDeps, auth: TAuthContext, courseId: string, input: TLessonInput, ip: string) {
  const course = await findCourseRow(deps.db, auth.organisationId, courseId);
  const key = input.key ?? generatedKey(course.key.slice(0, 40));
  const clash = await deps.db.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.organisationId, auth.organisationId), eq(lessons.key, key))).limit(1);
  if (clash.length > 0) throw keyTaken('lesson', key);
  await checkQuizKeys(deps.db, auth.organisationId, input.quizKeys);
  const last = await deps.db.select({ position: max(lessons.position) }).from(lessons).where(eq(lessons.courseId, course.id));
  const inserted = await deps.db
    .insert(lessons)
    .values({
      organisationId: auth.organisationId,
      key,
      origin: 'custom',
      courseId: course.id,
      position: (last[0]?.position ?? 0) + 1,
      title: input.title,
      summary: input.summary,
      minutes: input.minutes,
      exercise: input.exercise,
      video: input.video,
      downloads: input.downloads,
      bodyMd: input.bodyMd,
      quizKeys: input.quizKeys,
    })
    .returning();
  await audit(deps, auth, 'lesson.created', 'lesson', inserted[0]!.id, ip, { key, courseId: course.id });
  return presentLessonSource(inserted[0]!);
}

export async function updateLesson(deps: TDeps, auth: TAuthContext, lessonId: string, input: TLessonInput, ip: string) {
  const row = await findLessonRow(deps.db, auth.organisationId, lessonId);
  if (input.key !== undefined && input.key !== row.key) throw keyFixed(row.key);
  await checkQuizKeys(deps.db, auth.organisationId, input.quizKeys);
  const updated = await deps.db
    .update(lessons)
    .set({
      title: input.title,
      summary: input.summary,
      minutes: input.minutes,
      exercise: input.exercise,
      video: input.video,
      downloads: input.downloads,
      bodyMd: input.bodyMd,
      quizKeys: input.quizKeys,
      isEdited: row.origin === 'builtin',
      updatedAt: new Date(),
    })
    .where(eq(lessons.id, row.id))
    .returning();
  await audit(deps, auth, 'lesson.updated', 'lesson', row.id, ip);
  return presentLessonSource(updated[0]!);
}

export async function deleteLesson(deps: TDeps, auth: TAuthContext, lessonId: string, ip: string) {
  const row = await findLessonRow(deps.db, auth.organisationId, lessonId);
  if (row.origin === 'builtin') throw refuseBuiltInDelete('lesson');
  await deps.db.transaction(async (tx) => {
    await tx.delete(lessons).where(eq(lessons.id, row.id));
    // Close the gap so positions stay 1..n.
    await tx.execute(sql`UPDATE lessons SET position = position - 1 WHERE course_id = ${row.courseId} AND position > ${row.position}`);
  });
  await audit(deps, auth, 'lesson.deleted', 'lesson', row.id, ip, { key: row.key });
}

// --- Question bank ---------------------------------------------------------

function presentQuestion(row: typeof questions.$inferSelect, usedInLessons: number) {
  return {
    id: row.id,
    key: row.key,
    type: row.type as TQuestionInput['type'],
    difficulty: row.difficulty,
    tags: row.tags,
    stem: row.stem,
    options: row.options as TQuestionInput['options'],
    answer: row.answer as TQuestionInput['answer'],
    explanation: row.explanation,
    rubric: row.rubric,
    isRetired: row.isRetired,
    origin: row.origin as TOrigin,
    isEdited: row.isEdited,
    usedInLessons,
  };
}

async function lessonUse(db: TDb, organisationId: string, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .select({ key: sql<string>`k`, n: sql<number>`count(*)::int` })
    .from(sql`${lessons}, unnest(${lessons.quizKeys}) AS k`)
    .where(and(eq(lessons.organisationId, organisationId), sql`k = ANY(${sql.param(keys)}::text[])`))
    .groupBy(sql`k`);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** The question bank with answers, filtered; plus every tag with its count, for exam setting. */
export async function listQuestionBank(deps: TDeps, auth: TAuthContext, filter: { tag?: string | undefined; type?: string | undefined; q?: string | undefined; includeRetired: 'true' | 'false' }) {
  const rows = await deps.db
    .select()
    .from(questions)
    .where(
      and(
        eq(questions.organisationId, auth.organisationId),
        filter.includeRetired === 'true' ? undefined : eq(questions.isRetired, false),
        filter.tag ? arrayContains(questions.tags, [filter.tag]) : undefined,
        filter.type ? eq(questions.type, filter.type) : undefined,
        filter.q ? or(ilike(questions.stem, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`), ilike(questions.key, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`)) : undefined,
      ),
    )
    .orderBy(asc(questions.key));
  const use = await lessonUse(deps.db, auth.organisationId, rows.map((r) => r.key));
  const tags = await deps.db
    .select({ tag: sql<string>`t`, count: sql<number>`count(*)::int` })
    .from(sql`${questions}, unnest(${questions.tags}) AS t`)
    .where(and(eq(questions.organisationId, auth.organisationId), eq(questions.isRetired, false)))
    .groupBy(sql`t`)
    .orderBy(sql`t`);
  return { questions: rows.map((r) => presentQuestion(r, use.get(r.key) ?? 0)), tags };
}

async function findQuestionRow(db: TDb, organisationId: string, questionId: string) {
  const row = (await db.select().from(questions).where(and(eq(questions.organisationId, organisationId), eq(questions.id, questionId))).limit(1))[0];
  if (!row) throw notFound('Question');
  return row;
}

async function questionWithUse(deps: TDeps, auth: TAuthContext, row: typeof questions.$inferSelect) {
  return presentQuestion(row, (await lessonUse(deps.db, auth.organisationId, [row.key])).get(row.key) ?? 0);
}

function questionValues(input: TQuestionInput) {
  return { type: input.type, difficulty: input.difficulty, tags: input.tags, stem: input.stem, options: input.options, answer: input.answer, explanation: input.explanation, rubric: input.rubric };
}

export async function createQuestion(deps: TDeps, auth: TAuthContext, input: TQuestionInput, ip: string) {
  const key = input.key ?? generatedKey('q');
  const clash = await deps.db.select({ id: questions.id }).from(questions).where(and(eq(questions.organisationId, auth.organisationId), eq(questions.key, key))).limit(1);
  if (clash.length > 0) throw keyTaken('question', key);
  const inserted = await deps.db.insert(questions).values({ organisationId: auth.organisationId, key, origin: 'custom', ...questionValues(input) }).returning();
  await audit(deps, auth, 'question.created', 'question', inserted[0]!.id, ip, { key });
  return questionWithUse(deps, auth, inserted[0]!);
}

/**
 * Edits a question. Attempts already marked keep their scores; statistics and results shown
 * afterwards use the question as it now is.
 */
export async function updateQuestion(deps: TDeps, auth: TAuthContext, questionId: string, input: TQuestionInput, ip: string) {
  const row = await findQuestionRow(deps.db, auth.organisationId, questionId);
  if (input.key !== undefined && input.key !== row.key) throw keyFixed(row.key);
  const updated = await deps.db
    .update(questions)
    .set({ ...questionValues(input), isEdited: row.origin === 'builtin', updatedAt: new Date() })
    .where(eq(questions.id, row.id))
    .returning();
  await audit(deps, auth, 'question.updated', 'question', row.id, ip);
  return questionWithUse(deps, auth, updated[0]!);
}

/** Retires a question: new exams and quizzes no longer draw it; past attempts keep it. */
export async function setQuestionRetired(deps: TDeps, auth: TAuthContext, questionId: string, isRetired: boolean, ip: string) {
  const row = await findQuestionRow(deps.db, auth.organisationId, questionId);
  const updated = await deps.db.update(questions).set({ isRetired, updatedAt: new Date() }).where(eq(questions.id, row.id)).returning();
  await audit(deps, auth, isRetired ? 'question.retired' : 'question.restored', 'question', row.id, ip);
  return questionWithUse(deps, auth, updated[0]!);
}

// --- Cases -----------------------------------------------------------------

async function findCaseRow(db: TDb, organisationId: string, caseId: string) {
  const row = (await db.select().from(cases).where(and(eq(cases.organisationId, organisationId), eq(cases.id, caseId))).limit(1))[0];
  if (!row) throw notFound('Case');
  return row;
}

function presentCaseSource(row: typeof cases.$inferSelect) {
  return { id: row.id, key: row.key, title: row.title as TText, kind: row.kind as TCaseInput['kind'], tags: row.tags, goods: row.goods, bodyMd: row.bodyMd, origin: row.origin as TOrigin, isEdited: row.isEdited };
}

export async function getCaseSource(deps: TDeps, auth: TAuthContext, caseId: string) {
  return presentCaseSource(await findCaseRow(deps.db, auth.organisationId, caseId));
}

export async function createCase(deps: TDeps, auth: TAuthContext, input: TCaseInput, ip: string) {
  const key = input.key ?? generatedKey('case');
  const clash = await deps.db.select({ id: cases.id }).from(cases).where(and(eq(cases.organisationId, auth.organisationId), eq(cases.key, key))).limit(1);
  if (clash.length > 0) throw keyTaken('case', key);
  const inserted = await deps.db
    .insert(cases)
    .values({ organisationId: auth.organisationId, key, origin: 'custom', title: input.title, kind: input.kind, tags: input.tags, goods: input.goods, bodyMd: input.bodyMd })
    .returning();
  await audit(deps, auth, 'case.created', 'case', inserted[0]!.id, ip, { key });
  return presentCaseSource(inserted[0]!);
}

export async function updateCase(deps: TDeps, auth: TAuthContext, caseId: string, input: TCaseInput, ip: string) {
  const row = await findCaseRow(deps.db, auth.organisationId, caseId);
  if (input.key !== undefined && input.key !== row.key) throw keyFixed(row.key);
  const updated = await deps.db
    .update(cases)
    .set({ title: input.title, kind: input.kind, tags: input.tags, goods: input.goods, bodyMd: input.bodyMd, isEdited: row.origin === 'builtin', updatedAt: new Date() })
    .where(eq(cases.id, row.id))
    .returning();
  await audit(deps, auth, 'case.updated', 'case', row.id, ip);
  return presentCaseSource(updated[0]!);
}

export async function deleteCase(deps: TDeps, auth: TAuthContext, caseId: string, ip: string) {
  const row = await findCaseRow(deps.db, auth.organisationId, caseId);
  if (row.origin === 'builtin') throw refuseBuiltInDelete('case');
  await deps.db.delete(cases).where(eq(cases.id, row.id));
  await audit(deps, auth, 'case.deleted', 'case', row.id, ip, { key: row.key });
}
