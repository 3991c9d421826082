import { BUILDABLE_SURVEY_KINDS, type TSurveyInput, type TSurveyQuestion } from '@calmdesk/shared';

/**
 * The survey builder's state and its pure edits: add, change the type of, move and remove
 * questions, the quarters offered, and the checks made before saving (the server checks again
 * and its issues land on the same paths, e.g. `questions.2.options`).
 */

export type TQuestionType = TSurveyQuestion['type'];
export type TBuilderQuestion = { id: string; type: TQuestionType; prompt: string; options: string[]; isRequired: boolean; topic: string | undefined };
export type TBuilderState = {
  kind: (typeof BUILDABLE_SURVEY_KINDS)[number];
  title: string;
  description: string;
  period: string | null;
  isAnonymous: boolean;
  questions: TBuilderQuestion[];
};

/** Error keys under surveys.builder.errors, by path. */
export type TBuilderIssues = Record<string, string>;

export const MAX_OPTIONS = 12;
export const MAX_QUESTIONS = 60;

const isChoice = (type: TQuestionType) => type === 'single' || type === 'multiple';

/** An id not used yet: q1, q2, … (ids are kept when questions move, so answers stay matched). */
export function nextQuestionId(questions: readonly { id: string }[]): string {
  const taken = new Set(questions.map((question) => question.id));
  let n = questions.length + 1;
  while (taken.has(`q${n}`)) n += 1;
  return `q${n}`;
}

/** A new empty question of a type; choice questions start with two empty options. */
export function newQuestion(type: TQuestionType, questions: readonly { id: string }[]): TBuilderQuestion {
  return { id: nextQuestionId(questions), type, prompt: '', options: isChoice(type) ? ['', ''] : [], isRequired: true, topic: undefined };
}

/** The question with another type: options kept between single and multiple, dropped for Likert and text, two empty ones added for a new choice. */
export function changeQuestionType(question: TBuilderQuestion, type: TQuestionType): TBuilderQuestion {
  if (!isChoice(type)) return { ...question, type, options: [] };
  const options = question.options.length >= 2 ? question.options : [...question.options, '', ''].slice(0, Math.max(2, question.options.length));
  return { ...question, type, options };
}

/**
 * Moves a question up (-1) or down (+1); at either end nothing changes.
 * @returns a new list
 */
export function moveQuestion<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The builder's state from a saved survey or a template. */
export function builderStateOf(survey: { kind: string; title: string; description: string; period?: string | null; isAnonymous?: boolean; questions: readonly TSurveyQuestion[] }): TBuilderState {
  return {
    kind: survey.kind === 'general' ? 'general' : 'needs',
    title: survey.title,
    description: survey.description,
    period: survey.period ?? null,
    isAnonymous: survey.isAnonymous ?? true,
    questions: survey.questions.map((question) => ({ id: question.id, type: question.type, prompt: question.prompt, options: [...(question.options ?? [])], isRequired: question.isRequired ?? true, topic: question.topic })),
  };
}

/**
 * What must be fixed before saving, by path (the same paths the server uses).
 * @returns {} when the survey can be saved
 */
export function builderIssues(state: TBuilderState): TBuilderIssues {
  const issues: TBuilderIssues = {};
  if (state.title.trim() === '') issues.title = 'titleRequired';
  if (state.kind === 'needs' && !state.period) issues.period = 'periodRequired';
  if (state.questions.length === 0) issues.questions = 'noQuestions';
  state.questions.forEach((question, index) => {
    if (question.prompt.trim() === '') issues[`questions.${index}.prompt`] = 'promptRequired';
    if (isChoice(question.type)) {
      const filled = question.options.map((option) => option.trim()).filter((option) => option !== '');
      if (filled.length < 2) issues[`questions.${index}.options`] = 'twoOptions';
      else if (new Set(filled).size !== filled.length) issues[`questions.${index}.options`] = 'optionTwice';
    }
  });
  return issues;
}

/** The request body: texts trimmed, empty options dropped. */
export function builderInput(state: TBuilderState): TSurveyInput {
  return {
    kind: state.kind,
    title: state.title.trim(),
    description: state.description.trim(),
    period: state.period,
    isAnonymous: state.isAnonymous,
    questions: state.questions.map((question) => ({
      id: question.id,
      type: question.type,
      prompt: question.prompt.trim(),
      options: isChoice(question.type) ? question.options.map((option) => option.trim()).filter((option) => option !== '') : [],
      isRequired: question.isRequired,
      ...(question.topic ? { topic: question.topic } : {}),
    })),
  };
}

/**
 * Server issues (paths like `body.questions.2.options.0`) moved onto the builder's paths: the
 * question's field, or the top-level field.
 */
export function placeServerIssues(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.').filter((part) => part !== 'body');
    const path = parts[0] === 'questions' && parts.length >= 3 ? parts.slice(0, 3).join('.') : parts[0] === 'questions' && parts.length === 2 ? 'questions' : (parts[0] ?? '');
    if (path && !placed[path]) placed[path] = issue.message;
  }
  return placed;
}

/**
 * Quarters the builder offers: the last one, this one and the next three.
 * @param today the day it is
 * @returns values like 2026-Q4, oldest first
 */
export function quarterChoices(today: Date): string[] {
  const index = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3);
  return Array.from({ length: 5 }, (_, i) => index - 1 + i).map((q) => `${Math.floor(q / 4)}-Q${(q % 4) + 1}`);
}

/** The quarter a day falls in, e.g. 2026-Q4. */
export function quarterOf(today: Date): string {
  return `${today.getFullYear()}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}
