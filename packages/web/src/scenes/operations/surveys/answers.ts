import type { TSurveyAnswers } from '@calmdesk/shared';

/** The answer form's pure rules: which required questions are still empty, and what is sent. */

export type TFormQuestion = { id: string; type: 'likert' | 'single' | 'multiple' | 'text'; prompt: string; options: string[]; isRequired: boolean };
export type TAnswerValue = TSurveyAnswers[string];

/** Whether an answer says nothing: missing, blank text, no option ticked. */
export function isEmptyAnswer(value: TAnswerValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** Ids of required questions without an answer, in the questions' order. */
export function missingAnswers(questions: readonly TFormQuestion[], answers: Readonly<Record<string, TAnswerValue>>): string[] {
  return questions.filter((question) => question.isRequired && isEmptyAnswer(answers[question.id])).map((question) => question.id);
}

/** The answers to send: empty ones left out, text trimmed. */
export function answersToSend(questions: readonly TFormQuestion[], answers: Readonly<Record<string, TAnswerValue>>): TSurveyAnswers {
  const sent: TSurveyAnswers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value === undefined || isEmptyAnswer(value)) continue;
    sent[question.id] = typeof value === 'string' ? value.trim() : value;
  }
  return sent;
}

/** How many questions have an answer, for the progress line. */
export function answeredCount(questions: readonly TFormQuestion[], answers: Readonly<Record<string, TAnswerValue>>): number {
  return questions.filter((question) => !isEmptyAnswer(answers[question.id])).length;
}
