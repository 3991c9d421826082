import type { TLessonInput, TLessonSource, TQuestionFull } from '../../api/teach';

/**
 * The lesson editor's values and the API's lesson shape, and the quiz list it builds from
 * the question bank (ordered, at most ten).
 */

export const MAX_QUIZ_QUESTIONS = 10;

export interface TDownloadRow {
  title: { zh: string; en: string };
  url: string;
}

export interface TLessonFormValues {
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
  minutes: number;
  exercise: TLessonInput['exercise'];
  /** '' when the lesson has no video. */
  video: string;
  downloads: TDownloadRow[];
  bodyMd: string;
  /** Question keys from the bank, in quiz order. */
  quizKeys: string[];
}

/**
 * Values for a lesson not written yet.
 * @param heading the body's first heading (in the UI language)
 * @returns blank values: ten minutes, no exercise, a body that starts with a heading
 */
export function emptyLessonValues(heading: string): TLessonFormValues {
  return { title: { zh: '', en: '' }, summary: { zh: '', en: '' }, minutes: 10, exercise: 'none', video: '', downloads: [], bodyMd: `## ${heading}\n\n`, quizKeys: [] };
}

/**
 * The form's values for a stored lesson.
 * @param lesson the lesson's source
 * @returns values (a missing video becomes '')
 */
export function lessonToValues(lesson: TLessonSource): TLessonFormValues {
  return {
    title: { ...lesson.title },
    summary: { ...lesson.summary },
    minutes: lesson.minutes,
    exercise: lesson.exercise,
    video: lesson.video ?? '',
    downloads: lesson.downloads.map((download) => ({ title: { ...download.title }, url: download.url })),
    bodyMd: lesson.bodyMd,
    quizKeys: [...lesson.quizKeys],
  };
}

/**
 * The request body for the editor's values; texts trimmed, empty download rows dropped.
 * @param values the editor's values
 * @param key the lesson's key when editing (kept); undefined for a new lesson
 * @returns the body for POST /courses/:id/lessons or PUT /lessons/:id
 */
export function valuesToLessonInput(values: TLessonFormValues, key?: string): TLessonInput {
  const video = values.video.trim();
  return {
    ...(key ? { key } : {}),
    title: { zh: values.title.zh.trim(), en: values.title.en.trim() },
    summary: { zh: values.summary.zh.trim(), en: values.summary.en.trim() },
    minutes: values.minutes,
    exercise: values.exercise,
    video: video === '' ? null : video,
    downloads: values.downloads
      .filter((row) => row.url.trim() !== '' || row.title.zh.trim() !== '' || row.title.en.trim() !== '')
      .map((row) => ({ title: { zh: row.title.zh.trim(), en: row.title.en.trim() }, url: row.url.trim() })),
    bodyMd: values.bodyMd,
    quizKeys: [...values.quizKeys],
  };
}

/**
 * Whether the editor holds changes not saved yet (compared as the bodies that would be sent).
 * @param current the editor's values now
 * @param saved the values last loaded or saved
 * @returns true when saving would change the lesson
 */
export function isLessonDirty(current: TLessonFormValues, saved: TLessonFormValues): boolean {
  return JSON.stringify(valuesToLessonInput(current)) !== JSON.stringify(valuesToLessonInput(saved));
}

/**
 * Adds a question to the end of the quiz.
 * @param keys the quiz's question keys
 * @param key the question to add
 * @returns the new list; unchanged when the key is there already or the quiz is full
 */
export function addQuizKey(keys: readonly string[], key: string): string[] {
  if (keys.includes(key) || keys.length >= MAX_QUIZ_QUESTIONS) return [...keys];
  return [...keys, key];
}

/**
 * Moves one item up or down by one place.
 * @param items the list
 * @param index the item to move
 * @param delta -1 (up) or +1 (down)
 * @returns the new list; unchanged when the move would leave the list
 */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * Questions whose stem, key or tags contain the search text, optionally with one tag; retired
 * ones left out (they are not drawn into quizzes).
 * @param questions the bank
 * @param search text to look for (any case)
 * @param tag a tag the question must carry, if any
 * @returns the matching questions, bank order
 */
export function searchQuestions(questions: readonly TQuestionFull[], search: string, tag?: string): TQuestionFull[] {
  const needle = search.trim().toLocaleLowerCase();
  return questions.filter(
    (question) =>
      !question.isRetired &&
      (tag === undefined || question.tags.includes(tag)) &&
      (needle === '' || question.stem.toLocaleLowerCase().includes(needle) || question.key.toLocaleLowerCase().includes(needle) || question.tags.some((t) => t.toLocaleLowerCase().includes(needle))),
  );
}
