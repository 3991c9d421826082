/**
 * What a learner may do with an exam, from the exam list's numbers (ZExamSummary): the
 * server enforces the same rules (one open attempt, none after passing, a limit on attempts).
 */

export type TExamAction = 'resume' | 'start' | 'make-up' | 'none';

interface TExamStanding {
  openAttemptId: string | null;
  isPassed: boolean;
  attemptsUsed: number;
  maxAttempts: number;
}

/**
 * The main action on an exam: resume an open attempt, start the first, or a make-up after a
 * failed attempt while attempts remain; nothing once passed or out of attempts.
 * @param exam my standing in the exam
 * @returns the action
 */
export function examAction(exam: TExamStanding): TExamAction {
  if (exam.openAttemptId) return 'resume';
  if (exam.isPassed || exam.attemptsUsed >= exam.maxAttempts) return 'none';
  return exam.attemptsUsed === 0 ? 'start' : 'make-up';
}

/**
 * Whether a make-up can be offered on a result page.
 * @param exam my standing in the exam
 * @returns true when not passed, no attempt is open and attempts remain
 */
export function canTakeMakeUp(exam: TExamStanding): boolean {
  return examAction(exam) === 'make-up';
}
