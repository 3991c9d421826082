/**
 * Quiz and exam answers: what the page keeps while someone answers, what it sends
 * (question id -> option ids | [true]/[false] | [text]), which questions are still open,
 * how an answer reads afterwards, and the copy kept in this browser during an exam.
 */

export type TQuestionType = 'single' | 'multiple' | 'true_false' | 'short_answer';
export type TAnswerValue = (string | boolean)[];
export type TAnswerMap = Record<string, TAnswerValue>;

export interface TQuestionLike {
  id: string;
  type: string;
  options: readonly { id: string; text: string }[];
}

/** Longest short answer the API takes (ZSubmitExamRequest). */
export const SHORT_ANSWER_MAX = 4000;

/**
 * One question's answer as the API wants it, or null when nothing usable was given.
 * Choice answers keep only the question's own options, once each, in the order shown;
 * true/false keeps one boolean; a short answer is trimmed and cut to the API's limit.
 * @param question the question
 * @param value what the page holds for it
 * @returns the answer, or null for "not answered"
 */
export function cleanAnswer(question: TQuestionLike, value: TAnswerValue | undefined): TAnswerValue | null {
  if (!value || value.length === 0) return null;
  if (question.type === 'single' || question.type === 'multiple') {
    const chosen = new Set(value.filter((item): item is string => typeof item === 'string'));
    const ids = question.options.map((option) => option.id).filter((id) => chosen.has(id));
    if (ids.length === 0) return null;
    return question.type === 'single' ? ids.slice(0, 1) : ids;
  }
  if (question.type === 'true_false') {
    const flag = value.find((item): item is boolean => typeof item === 'boolean');
    return flag === undefined ? null : [flag];
  }
  const text = value.find((item): item is string => typeof item === 'string')?.trim() ?? '';
  return text === '' ? null : [text.slice(0, SHORT_ANSWER_MAX)];
}

/**
 * The answers to send: every answered question of this paper, cleaned; open ones left out.
 * @param questions the quiz or exam paper
 * @param answers what the page holds
 * @returns question id -> answer
 */
export function answersToSend(questions: readonly TQuestionLike[], answers: TAnswerMap): TAnswerMap {
  const out: TAnswerMap = {};
  for (const question of questions) {
    const clean = cleanAnswer(question, answers[question.id]);
    if (clean) out[question.id] = clean;
  }
  return out;
}

/**
 * The questions still open, as the numbers shown on the page.
 * @param questions the paper, in order
 * @param answers what the page holds
 * @returns 1-based question numbers
 */
export function openQuestionNumbers(questions: readonly TQuestionLike[], answers: TAnswerMap): number[] {
  return questions.flatMap((question, index) => (cleanAnswer(question, answers[question.id]) ? [] : [index + 1]));
}

/**
 * The letter shown before an option: A, B, C… by its place on this paper (exam options are
 * shuffled, so the id is not the letter).
 * @param index 0-based place
 * @returns the letter
 */
export function optionLetter(index: number): string {
  return index >= 0 && index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

export type TAnswerReading =
  | { kind: 'options'; options: { letter: string; text: string }[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; lines: string[] }
  | { kind: 'none' };

/**
 * How an answer (mine or the right one) reads on the result: the chosen options with their
 * letters and texts, true or false, the text (or, for the right answer of a short question,
 * its key points), or nothing.
 * @param question the question as shown
 * @param answer the answer
 * @returns a reading the page renders
 */
export function readAnswer(question: TQuestionLike, answer: TAnswerValue | undefined): TAnswerReading {
  if (!answer || answer.length === 0) return { kind: 'none' };
  if (question.type === 'single' || question.type === 'multiple') {
    const options = question.options.flatMap((option, index) => (answer.includes(option.id) ? [{ letter: optionLetter(index), text: option.text }] : []));
    return options.length === 0 ? { kind: 'none' } : { kind: 'options', options };
  }
  if (question.type === 'true_false') {
    const flag = answer.find((item): item is boolean => typeof item === 'boolean');
    return flag === undefined ? { kind: 'none' } : { kind: 'boolean', value: flag };
  }
  const lines = answer.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return lines.length === 0 ? { kind: 'none' } : { kind: 'text', lines };
}

/**
 * Answers read back from this browser's storage, keeping only well-formed entries (the
 * storage may hold anything: an older version's format, a hand edit).
 * @param raw the stored JSON, or null
 * @returns question id -> answer; {} when nothing usable was stored
 */
export function parseStoredAnswers(raw: string | null): TAnswerMap {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: TAnswerMap = {};
  for (const [id, value] of Object.entries(data)) {
    if (!Array.isArray(value) || value.length > 8) continue;
    if (!value.every((item) => typeof item === 'string' || typeof item === 'boolean')) continue;
    out[id] = value as TAnswerValue;
  }
  return out;
}

/**
 * The storage key of an exam attempt's answers in this browser.
 * @param attemptId the attempt
 * @returns the key
 */
export function examStorageKey(attemptId: string): string {
  return `calmdesk.exam.${attemptId}`;
}
