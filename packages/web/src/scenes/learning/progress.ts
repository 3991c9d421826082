/**
 * Where a learner stands in a course: where "continue" leads, the share done, lateness,
 * and the lessons before and after the current one.
 */

interface TLessonRef {
  id: string;
  position: number;
}

function inOrder<T extends TLessonRef>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.position - b.position);
}

/**
 * The lesson "continue" opens: the first lesson not yet done after the last one finished,
 * else the first not done anywhere (an earlier one was skipped), else — all done — the last
 * one finished, for a second look.
 * @param lessons the course's lessons (any order; position decides)
 * @param progress lessons done and the last one finished
 * @returns a lesson id, or null for a course without lessons
 */
export function resumeLessonId(lessons: readonly TLessonRef[], progress: { doneLessonIds: readonly string[]; lastLessonId: string | null }): string | null {
  const ordered = inOrder(lessons);
  if (ordered.length === 0) return null;
  const done = new Set(progress.doneLessonIds);
  const lastIndex = progress.lastLessonId === null ? -1 : ordered.findIndex((lesson) => lesson.id === progress.lastLessonId);
  const after = ordered.slice(lastIndex + 1).find((lesson) => !done.has(lesson.id));
  const anyOpen = after ?? ordered.find((lesson) => !done.has(lesson.id));
  if (anyOpen) return anyOpen.id;
  return lastIndex >= 0 ? ordered[lastIndex]!.id : ordered[0]!.id;
}

/**
 * Where "continue" on a course in my enrolments leads: the server's next lesson (the first not
 * done, in course order), or the course page once every lesson is done.
 * @param enrolment the course and its next lesson (ZProgressResponse)
 * @returns an app path
 */
export function continuePath(enrolment: { courseId: string; nextLessonId: string | null }): string {
  return enrolment.nextLessonId === null ? `/learning/courses/${encodeURIComponent(enrolment.courseId)}` : `/learning/lessons/${encodeURIComponent(enrolment.nextLessonId)}`;
}

/**
 * Share of a course done.
 * @param done lessons done
 * @param total lessons in the course
 * @returns whole percent 0–100 (0 for an empty course)
 */
export function percentDone(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.round((100 * done) / total)));
}

/**
 * Whether a course is late: a due date before today and not completed.
 * @param dueDate 'YYYY-MM-DD' or null
 * @param today 'YYYY-MM-DD' in the reader's time zone
 * @param completedAt when the course was completed, or null
 * @returns true when overdue
 */
export function isCourseOverdue(dueDate: string | null, today: string, completedAt: string | null): boolean {
  return dueDate !== null && completedAt === null && dueDate.slice(0, 10) < today;
}

/**
 * The lessons before and after one, in course order.
 * @param lessons the course's lessons
 * @param lessonId the current lesson
 * @returns the neighbours (null at either end or when the lesson is not in the course)
 */
export function lessonNeighbours<T extends TLessonRef>(lessons: readonly T[], lessonId: string): { previous: T | null; next: T | null } {
  const ordered = inOrder(lessons);
  const index = ordered.findIndex((lesson) => lesson.id === lessonId);
  if (index === -1) return { previous: null, next: null };
  return { previous: ordered[index - 1] ?? null, next: ordered[index + 1] ?? null };
}
