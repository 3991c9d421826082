import type { TQuestionFull } from '../../api/teach';

/** The 新建考试 form's arithmetic: how many bank questions an exam on these tags could draw. */

/**
 * Questions an exam could draw: not retired, carrying at least one of the tags, difficulty in
 * range. The same rule the server applies when the exam is created and when a paper is drawn.
 * @param questions the whole bank (retired ones may be in it)
 * @param tags the exam's tags
 * @param minDifficulty lowest difficulty (1–3)
 * @param maxDifficulty highest difficulty (1–3)
 * @returns how many questions match
 */
export function countMatchingQuestions(questions: readonly TQuestionFull[], tags: readonly string[], minDifficulty: number, maxDifficulty: number): number {
  if (tags.length === 0) return 0;
  return questions.filter((q) => !q.isRetired && q.difficulty >= minDifficulty && q.difficulty <= maxDifficulty && q.tags.some((tag) => tags.includes(tag))).length;
}

/**
 * The number in the server's "only N questions match" issue (`at most N with these tags`).
 * @param message the issue's message
 * @returns N, or null when the message carries no number
 */
export function availableFromIssue(message: string): number | null {
  const match = /(\d+)/.exec(message);
  return match ? Number(match[1]) : null;
}
