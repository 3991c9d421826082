import type { TExamAttempt } from '../../api/teach';

/**
 * The marking page's reading of an attempt: each question with the learner's answer in words,
 * whether it was right (objective questions), and the final score the marks would give.
 */

export type TAttemptQuestion = TExamAttempt['questions'][number];
export type TAttemptResult = NonNullable<TExamAttempt['results']>[number];
type TAnswer = (string | boolean)[] | undefined;

export interface TAnswerWords {
  trueWord: string;
  falseWord: string;
  blank: string;
}

/**
 * Option letters in the order the learner saw them (A, B, C…).
 * @param question the question as drawn for this attempt (options shuffled)
 * @param optionId an option's id
 * @returns the letter, or the id when it is not among the options
 */
export function optionLetter(question: TAttemptQuestion, optionId: string): string {
  const index = question.options.findIndex((option) => option.id === optionId);
  return index === -1 ? optionId : String.fromCharCode(65 + index);
}

/**
 * An answer as text: "B. 先共情" for choices (in the order the learner saw), 对/错 for
 * true/false, the text itself for a short answer.
 * @param question the question as drawn
 * @param answer the answer given (or the right answer)
 * @param words how to write true, false and "no answer"
 * @returns one string per chosen option or line
 */
export function answerLines(question: TAttemptQuestion, answer: TAnswer, words: TAnswerWords): string[] {
  if (!answer || answer.length === 0) return [words.blank];
  if (question.type === 'true_false') return answer.map((value) => (value === true || value === 'true' ? words.trueWord : words.falseWord));
  if (question.type === 'short_answer') {
    const lines = answer.map(String).filter((text) => text.trim() !== '');
    return lines.length === 0 ? [words.blank] : lines;
  }
  return [...answer]
    .map(String)
    .sort((a, b) => optionLetter(question, a).localeCompare(optionLetter(question, b)))
    .map((id) => {
      const option = question.options.find((item) => item.id === id);
      return option ? `${optionLetter(question, id)}. ${option.text}` : id;
    });
}

/**
 * The short-answer questions a trainer must mark.
 * @param attempt the attempt
 * @returns their ids, paper order
 */
export function shortAnswerIds(attempt: TExamAttempt): string[] {
  return attempt.questions.filter((question) => question.type === 'short_answer').map((question) => question.id);
}

/**
 * The final score the marks would give, the way the server computes it: every question weighs
 * the same, a right objective answer counts 100, a short answer its mark.
 * @param attempt the handed-in attempt (with results)
 * @param marks 0–100 per short-answer question id
 * @returns the rounded score, or null while a short answer is unmarked
 */
export function previewFinalScore(attempt: TExamAttempt, marks: Readonly<Record<string, number | null | undefined>>): number | null {
  if (attempt.questions.length === 0) return 0;
  let points = 0;
  for (const question of attempt.questions) {
    if (question.type === 'short_answer') {
      const mark = marks[question.id];
      if (mark === null || mark === undefined) return null;
      points += mark;
    } else {
      const result = attempt.results?.find((item) => item.questionId === question.id);
      points += result?.isCorrect === true ? 100 : 0;
    }
  }
  return Math.round(points / attempt.questions.length);
}

/**
 * Whether the attempt passes its exam's pass mark (ZExamAttempt.exam): the server's verdict once
 * graded, else the verdict the previewed score would give.
 * @param attempt the attempt
 * @param preview the previewed final score (previewFinalScore), null while a short answer is unmarked
 * @returns 'passed', 'notPassed', or null when not known yet
 */
export function passVerdict(attempt: TExamAttempt, preview: number | null): 'passed' | 'notPassed' | null {
  if (attempt.status === 'graded') return attempt.isPassed ? 'passed' : 'notPassed';
  if (preview === null) return null;
  return preview >= attempt.exam.passMark ? 'passed' : 'notPassed';
}
