import type { TDeps } from '../context.js';
import { notFound } from '../errors.js';
import { findCase, findCases, findCourses, findLesson, findLessonsOfCourse, findQuestionsByKeys } from '../repositories/learning.repository.js';

type TText = { zh: string; en: string };

export async function listCourses(deps: TDeps, organisationId: string) {
  const rows = await findCourses(deps.db, organisationId);
  return rows.map((r) => ({ ...r, title: r.title as TText, summary: r.summary as TText, audience: r.audience as TText, origin: r.origin as 'builtin' | 'custom', minutes: Number(r.minutes) }));
}

export async function getCourse(deps: TDeps, organisationId: string, courseId: string) {
  const course = (await listCourses(deps, organisationId)).find((c) => c.id === courseId);
  if (!course) throw notFound('Course');
  const lessonRows = await findLessonsOfCourse(deps.db, organisationId, courseId);
  return { ...course, lessons: lessonRows.map((l) => ({ ...l, title: l.title as TText, summary: l.summary as TText })) };
}

/** A lesson with its quiz questions, without their answers. */
export async function getLesson(deps: TDeps, organisationId: string, lessonId: string) {
  const lesson = await findLesson(deps.db, organisationId, lessonId);
  if (!lesson) throw notFound('Lesson');
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
    bodyMd: lesson.bodyMd,
    video: lesson.video,
    downloads: lesson.downloads as { title: TText; url: string }[],
    quiz,
  };
}

export async function listCases(deps: TDeps, organisationId: string) {
  const rows = await findCases(deps.db, organisationId);
  return rows.map((r) => ({ ...r, title: r.title as TText, kind: r.kind as 'good' | 'bad' | 'turnaround' }));
}

export async function getCase(deps: TDeps, organisationId: string, caseId: string) {
  const row = await findCase(deps.db, organisationId, caseId);
  if (!row) throw notFound('Case');
  return { id: row.id, key: row.key, title: row.title as TText, kind: row.kind as 'good' | 'bad' | 'turnaround', tags: row.tags, goods: row.goods, bodyMd: row.bodyMd };
}
