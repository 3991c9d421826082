import { questionProblems, type TCourseBundle } from '@calmdesk/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { courses, lessons, questions } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { findLessonsOfCourse } from '../repositories/learning.repository.js';
import { recordAudit } from './audit.service.js';

type TText = { zh: string; en: string };

/** A course with its lessons and their quiz questions, as one JSON file. */
export async function exportCourse(deps: TDeps, auth: TAuthContext, courseId: string, ip: string): Promise<TCourseBundle> {
  const rows = await deps.db.select().from(courses).where(and(eq(courses.organisationId, auth.organisationId), eq(courses.id, courseId))).limit(1);
  const course = rows[0];
  if (!course) throw notFound('Course');
  const lessonIds = (await findLessonsOfCourse(deps.db, auth.organisationId, courseId)).map((l) => l.id);
  const lessonRows = lessonIds.length === 0 ? [] : await deps.db.select().from(lessons).where(inArray(lessons.id, lessonIds));
  lessonRows.sort((a, b) => a.position - b.position);
  const keys = [...new Set(lessonRows.flatMap((l) => l.quizKeys))];
  const questionRows = keys.length === 0 ? [] : await deps.db.select().from(questions).where(and(eq(questions.organisationId, auth.organisationId), inArray(questions.key, keys)));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'course.exported', targetType: 'course', targetId: courseId, ip });
  return {
    format: 'calmdesk-course-v1',
    course: { key: course.key, title: course.title as TText, summary: course.summary as TText, audience: course.audience as TText, tags: course.tags },
    lessons: lessonRows.map((l) => ({
      key: l.key,
      title: l.title as TText,
      summary: l.summary as TText,
      minutes: l.minutes,
      exercise: l.exercise as TCourseBundle['lessons'][number]['exercise'],
      video: l.video,
      downloads: l.downloads as TCourseBundle['lessons'][number]['downloads'],
      bodyMd: l.bodyMd,
      quiz: l.quizKeys,
    })),
    questions: questionRows.map((q) => ({
      key: q.key,
      type: q.type as TCourseBundle['questions'][number]['type'],
      difficulty: q.difficulty,
      tags: q.tags,
      stem: q.stem,
      options: q.options as { id: string; text: string }[],
      answer: q.answer as (string | boolean)[],
      explanation: q.explanation,
      rubric: q.rubric,
    })),
  };
}

/**
 * Creates a course from an exported file, as the organisation's own. Its key and lesson
 * keys must be new here; questions whose key already exists are reused, not duplicated.
 * Everything or nothing: one transaction.
 */
export async function importCourse(deps: TDeps, auth: TAuthContext, bundle: TCourseBundle, ip: string) {
  const broken = bundle.questions.flatMap((q, i) => questionProblems(q).map((p) => ({ path: `body.questions.${i}.${p.path}`, message: `${q.key}: ${p.message}` })));
  if (broken.length > 0) throw new AppError('VALIDATION_FAILED', `${broken.length} problem(s) in the file's questions`, broken);
  const quizKeys = new Set(bundle.lessons.flatMap((l) => l.quiz));
  const bundled = new Set(bundle.questions.map((q) => q.key));
  return deps.db.transaction(async (tx) => {
    if ((await tx.select({ id: courses.id }).from(courses).where(and(eq(courses.organisationId, auth.organisationId), eq(courses.key, bundle.course.key)))).length > 0) {
      throw new AppError('CONFLICT', `A course "${bundle.course.key}" exists here; change course.key in the file`, [{ path: 'body.course.key', message: 'already used' }]);
    }
    const lessonKeys = bundle.lessons.map((l) => l.key);
    const clashes = await tx.select({ key: lessons.key }).from(lessons).where(and(eq(lessons.organisationId, auth.organisationId), inArray(lessons.key, lessonKeys)));
    if (clashes.length > 0) throw new AppError('CONFLICT', `Lesson keys already used here: ${clashes.map((c) => c.key).join(', ')}`, [{ path: 'body.lessons', message: 'lesson keys must be new' }]);
    const wanted = [...new Set([...quizKeys, ...bundled])];
    const found = wanted.length === 0 ? [] : await tx.select({ key: questions.key }).from(questions).where(and(eq(questions.organisationId, auth.organisationId), inArray(questions.key, wanted)));
    const existing = new Set(found.map((r) => r.key));
    const unknown = [...quizKeys].filter((k) => !bundled.has(k) && !existing.has(k));
    if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', `Quiz questions missing from the file: ${unknown.join(', ')}`, [{ path: 'body.questions', message: `missing ${unknown.join(', ')}` }]);
    const toAdd = bundle.questions.filter((q) => !existing.has(q.key));
    if (toAdd.length > 0) await tx.insert(questions).values(toAdd.map((q) => ({ ...q, organisationId: auth.organisationId, origin: 'custom' })));
    const inserted = await tx
      .insert(courses)
      // Position 1000: after the built-in courses in the catalogue.
      .values({ organisationId: auth.organisationId, key: bundle.course.key, origin: 'custom', position: 1000, title: bundle.course.title, summary: bundle.course.summary, audience: bundle.course.audience, tags: bundle.course.tags })
      .returning({ id: courses.id });
    const courseId = inserted[0]!.id;
    await tx.insert(lessons).values(
      bundle.lessons.map((l, i) => ({
        organisationId: auth.organisationId,
        key: l.key,
        origin: 'custom',
        courseId,
        position: i + 1,
        title: l.title,
        summary: l.summary,
        minutes: l.minutes,
        exercise: l.exercise,
        video: l.video,
        downloads: l.downloads,
        bodyMd: l.bodyMd,
        quizKeys: l.quiz,
      })),
    );
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'course.imported', targetType: 'course', targetId: courseId, details: { key: bundle.course.key }, ip });
    return { courseId, lessons: bundle.lessons.length, questionsAdded: toAdd.length, questionsReused: bundle.questions.length - toAdd.length };
  });
}
