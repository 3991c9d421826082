import type { TQuestionFull, TQuestionInput } from '../../api/teach';

/**
 * The question drawer's values and the API's question shape. The form keeps choices as rows
 * of text with a "right" mark (ids a–h follow the row order when saved), true/false as one
 * choice, and a short answer's reference points as lines: the fields follow the type.
 */

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'short_answer'] as const;
export type TQuestionType = (typeof QUESTION_TYPES)[number];
/** Option ids the server accepts: one lower-case letter, at most eight options. */
export const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
export const MAX_OPTIONS = OPTION_IDS.length;

export interface TOptionRow {
  text: string;
  isCorrect: boolean;
}

export interface TQuestionFormValues {
  type: TQuestionType;
  difficulty: number;
  tags: string[];
  stem: string;
  options: TOptionRow[];
  /** True/false: which one is right. */
  truth: 'true' | 'false';
  /** Short answer: the points a good answer makes, one per row (shown to the grader). */
  keyPoints: string[];
  explanation: string;
  rubric: string;
}

/**
 * Blank values for a new question.
 * @param tag a tag to start with (the bank's current filter, say)
 * @returns values with four empty options for a single choice
 */
export function emptyQuestionValues(tag?: string): TQuestionFormValues {
  return {
    type: 'single',
    difficulty: 1,
    tags: tag ? [tag] : [],
    stem: '',
    options: Array.from({ length: 4 }, () => ({ text: '', isCorrect: false })),
    truth: 'true',
    keyPoints: [''],
    explanation: '',
    rubric: '',
  };
}

/**
 * The form's values for a stored question.
 * @param question the question from the bank
 * @returns values; fields of the other types keep usable defaults, so switching type works
 */
export function questionToValues(question: TQuestionFull): TQuestionFormValues {
  const blank = emptyQuestionValues();
  const isChoice = question.type === 'single' || question.type === 'multiple';
  const answers = new Set(question.answer.filter((a): a is string => typeof a === 'string'));
  return {
    type: question.type,
    difficulty: question.difficulty,
    tags: [...question.tags],
    stem: question.stem,
    options: isChoice ? question.options.map((option) => ({ text: option.text, isCorrect: answers.has(option.id) })) : blank.options,
    truth: question.type === 'true_false' && question.answer[0] === false ? 'false' : 'true',
    keyPoints: question.type === 'short_answer' && answers.size > 0 ? [...answers] : blank.keyPoints,
    explanation: question.explanation,
    rubric: question.rubric ?? '',
  };
}

/**
 * The request body for the form's values: only the fields of the chosen type are sent.
 * @param values the form's values
 * @param key the question's key when editing (kept), undefined for a new one (the server picks it)
 * @returns the body for POST or PUT /api/learning/questions
 */
export function valuesToQuestionInput(values: TQuestionFormValues, key?: string): TQuestionInput {
  const common = {
    ...(key ? { key } : {}),
    type: values.type,
    difficulty: values.difficulty,
    tags: values.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    stem: values.stem.trim(),
    explanation: values.explanation.trim(),
    rubric: values.rubric.trim() === '' ? null : values.rubric.trim(),
  };
  if (values.type === 'single' || values.type === 'multiple') {
    const rows = values.options.filter((row) => row.text.trim() !== '').slice(0, MAX_OPTIONS);
    const options = rows.map((row, index) => ({ id: OPTION_IDS[index]!, text: row.text.trim() }));
    const answer = rows.flatMap((row, index) => (row.isCorrect ? [OPTION_IDS[index]!] : []));
    return { ...common, options, answer };
  }
  if (values.type === 'true_false') return { ...common, options: [], answer: [values.truth === 'true'] };
  return { ...common, options: [], answer: values.keyPoints.map((point) => point.trim()).filter((point) => point !== '') };
}

/**
 * Marks one option right for a single choice (the others lose their mark) or toggles it for a
 * multiple choice.
 * @param options the option rows
 * @param index the row clicked
 * @param type the question type
 * @returns the new rows
 */
export function markOption(options: readonly TOptionRow[], index: number, type: TQuestionType): TOptionRow[] {
  if (type === 'single') return options.map((row, i) => ({ ...row, isCorrect: i === index }));
  return options.map((row, i) => (i === index ? { ...row, isCorrect: !row.isCorrect } : row));
}

/**
 * Which form field a server issue about a question belongs to.
 * @param path the issue's path, e.g. `answer`, `options.2.text`, `tags.0`
 * @param type the question type being saved
 * @returns the field name in the drawer
 */
export function questionIssueField(path: string, type: TQuestionType): keyof TQuestionFormValues {
  const head = path.split(/[./]/).filter((part) => part !== '' && part !== 'body')[0] ?? '';
  if (head === 'answer') return type === 'true_false' ? 'truth' : type === 'short_answer' ? 'keyPoints' : 'options';
  if (head === 'options') return 'options';
  if (head === 'type' || head === 'difficulty' || head === 'tags' || head === 'stem' || head === 'explanation' || head === 'rubric') return head;
  return 'stem';
}
