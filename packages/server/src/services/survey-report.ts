import {
  MIN_ANONYMOUS_CELL,
  ROLES,
  TENURE_BANDS,
  tenureBand,
  type TBreakdownCell,
  type THiddenReason,
  type TQuestionReport,
  type TQuestionStats,
  type TSurveyFinding,
  type TSurveyQuestion,
} from '@calmdesk/shared';

/**
 * The needs report's arithmetic, pure: per question the distribution of all answers and of each
 * level and tenure band, the cells an anonymous survey must not show, and the findings a
 * trainer can turn into plan items. survey-report.service.ts loads the rows and calls it.
 */

/** One stored response as the report needs it. */
export type TReportResponse = {
  answers: Record<string, unknown>;
  level: string;
  tenureMonths: number | null;
  /** The person's name on a named survey; null on an anonymous one. */
  by: string | null;
};

/**
 * A choice option is a finding when at least this share of those who answered chose it: with
 * eight options and people picking two or three, 30 % is clearly more than an even spread.
 */
export const FINDING_MIN_SHARE = 0.3;
/** A Likert statement is a finding when its average is below this (between "neutral" and "agree"), or, for stress, above it. */
export const FINDING_LIKERT_LINE = 3.5;
/** Topics of Likert statements where agreeing is the problem ("I often feel under pressure"). */
const REVERSED_TOPICS = new Set(['stressor']);
/** Topics that describe how people like to learn, not a need: no plan theme comes from them. */
const NON_NEED_TOPICS = new Set(['format', 'suggestion', 'comment']);

type TAnswered = { value: unknown; by: string | null };

function isAnswered(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/**
 * The distribution of one question's answers.
 * @param question the question
 * @param answers the answers given to it (unanswered ones left out)
 * @param isAnonymous texts lose their author and their order
 */
export function questionStats(question: TSurveyQuestion, answers: readonly TAnswered[], isAnonymous: boolean): TQuestionStats {
  if (question.type === 'likert') {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    let answered = 0;
    for (const { value } of answers) {
      if (typeof value !== 'number' || value < 1 || value > 5) continue;
      counts[Math.round(value) - 1]! += 1;
      sum += value;
      answered += 1;
    }
    return { kind: 'likert', answered, average: answered === 0 ? null : Math.round((sum / answered) * 100) / 100, counts };
  }
  if (question.type === 'single' || question.type === 'multiple') {
    const counts = new Map(question.options.map((option) => [option, 0]));
    let answered = 0;
    for (const { value } of answers) {
      const chosen = Array.isArray(value) ? value : [value];
      let counted = false;
      for (const option of chosen) {
        if (typeof option !== 'string' || !counts.has(option)) continue;
        counts.set(option, counts.get(option)! + 1);
        counted = true;
      }
      if (counted) answered += 1;
    }
    return { kind: 'choice', answered, counts: question.options.map((option) => ({ option, count: counts.get(option)! })) };
  }
  const texts = answers.filter((a) => typeof a.value === 'string' && a.value.trim() !== '').map((a) => ({ text: (a.value as string).trim(), by: isAnonymous ? null : a.by }));
  // Anonymous: sorted by text, so the order of answering (which the recipients' list shows) tells nothing.
  if (isAnonymous) texts.sort((a, b) => a.text.localeCompare(b.text, 'zh-CN'));
  return { kind: 'text', answered: texts.length, texts };
}

/**
 * One breakdown (by level or by tenure band) of a question: a cell per group, in the groups'
 * order. On an anonymous survey a cell with 1 or 2 answers is hidden (too_few); when exactly one
 * cell is hidden and the total is shown, the smallest other cell is hidden too (complement),
 * since the total minus the shown cells would give the hidden one back.
 * @param isOverallShown whether the question's total is shown (the complement rule needs it)
 */
export function breakdownCells(
  question: TSurveyQuestion,
  groups: readonly { key: string; answers: TAnswered[] }[],
  options: { isAnonymous: boolean; minCell: number; isOverallShown: boolean },
): TBreakdownCell[] {
  const cells: TBreakdownCell[] = groups.map(({ key, answers }) => {
    const stats = questionStats(question, answers, options.isAnonymous);
    const isTooFew = options.isAnonymous && stats.answered > 0 && stats.answered < options.minCell;
    return isTooFew ? { key, answered: null, stats: null, hiddenReason: 'too_few' } : { key, answered: stats.answered, stats, hiddenReason: null };
  });
  const hidden = cells.filter((cell) => cell.hiddenReason !== null);
  if (options.isAnonymous && options.isOverallShown && hidden.length === 1) {
    const smallest = cells.filter((cell) => cell.hiddenReason === null && (cell.answered ?? 0) > 0).sort((a, b) => (a.answered ?? 0) - (b.answered ?? 0))[0];
    if (smallest) Object.assign(smallest, { answered: null, stats: null, hiddenReason: 'complement' satisfies THiddenReason });
  }
  return cells;
}

/**
 * What the answers point at: options chosen by at least {@link FINDING_MIN_SHARE} of those who
 * answered, and Likert statements on the wrong side of {@link FINDING_LIKERT_LINE}; strongest first.
 * Questions about formats and open suggestions give none; a hidden total gives none.
 */
export function surveyFindings(questions: readonly TQuestionReport[]): TSurveyFinding[] {
  const choices: TSurveyFinding[] = [];
  const statements: TSurveyFinding[] = [];
  for (const question of questions) {
    const stats = question.overall;
    if (!stats || (question.topic && NON_NEED_TOPICS.has(question.topic))) continue;
    if (stats.kind === 'choice' && stats.answered > 0) {
      stats.counts.forEach(({ option, count }, index) => {
        const share = count / stats.answered;
        if (share >= FINDING_MIN_SHARE && count >= 2) {
          choices.push({ id: `${question.id}:${index}`, questionId: question.id, topic: question.topic, prompt: question.prompt, option, share: Math.round(share * 1000) / 1000, count, average: null });
        }
      });
    }
    if (stats.kind === 'likert' && stats.average !== null) {
      const isReversed = question.topic !== null && REVERSED_TOPICS.has(question.topic);
      if (isReversed ? stats.average >= FINDING_LIKERT_LINE : stats.average < FINDING_LIKERT_LINE) {
        statements.push({ id: question.id, questionId: question.id, topic: question.topic, prompt: question.prompt, option: null, share: null, count: null, average: stats.average });
      }
    }
  }
  choices.sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  // The furthest from the line first.
  statements.sort((a, b) => Math.abs((b.average ?? 0) - FINDING_LIKERT_LINE) - Math.abs((a.average ?? 0) - FINDING_LIKERT_LINE));
  return [...choices, ...statements];
}

/**
 * The whole report body from the responses in scope.
 * @param questions the survey's questions
 * @param responses the responses in the caller's scope
 * @param options.isAnonymous whether cells are protected
 * @param options.minCell the smallest cell shown (MIN_ANONYMOUS_CELL)
 * @returns levels and tenure bands with their response counts, the questions, the findings, and
 *   whether everything is hidden (an anonymous survey with fewer than minCell responses)
 */
export function buildSurveyReport(questions: readonly TSurveyQuestion[], responses: readonly TReportResponse[], options: { isAnonymous: boolean; minCell?: number }) {
  const minCell = options.minCell ?? MIN_ANONYMOUS_CELL;
  const isAnonymous = options.isAnonymous;
  const isHidden = isAnonymous && responses.length < minCell;
  const levelKeys = ROLES.filter((role) => responses.some((r) => r.level === role));
  const tenureKeys = TENURE_BANDS.filter((band) => responses.some((r) => tenureBand(r.tenureMonths) === band));
  const groupCount = (count: number) => (isAnonymous && count > 0 && count < minCell ? null : count);
  const levels = levelKeys.map((key) => ({ key, responses: isHidden ? null : groupCount(responses.filter((r) => r.level === key).length) }));
  const tenures = tenureKeys.map((key) => ({ key, responses: isHidden ? null : groupCount(responses.filter((r) => tenureBand(r.tenureMonths) === key).length) }));

  const reports: TQuestionReport[] = questions.map((question) => {
    const base = { id: question.id, type: question.type, prompt: question.prompt, topic: question.topic ?? null, options: question.options };
    if (isHidden) return { ...base, overall: null, byLevel: [], byTenure: [] };
    const answersOf = (rows: readonly TReportResponse[]): TAnswered[] => rows.filter((r) => isAnswered(r.answers[question.id])).map((r) => ({ value: r.answers[question.id], by: r.by }));
    const overall = questionStats(question, answersOf(responses), isAnonymous);
    const isOverallShown = !(isAnonymous && overall.answered > 0 && overall.answered < minCell);
    // Open answers are listed whole, not split by group: a sentence in a group of three is easy to attribute.
    const cells = (keys: readonly string[], groupOf: (r: TReportResponse) => string) =>
      question.type === 'text' ? [] : breakdownCells(question, keys.map((key) => ({ key, answers: answersOf(responses.filter((r) => groupOf(r) === key)) })), { isAnonymous, minCell, isOverallShown });
    return {
      ...base,
      overall: isOverallShown ? overall : null,
      byLevel: cells(levelKeys, (r) => r.level),
      byTenure: cells(tenureKeys, (r) => tenureBand(r.tenureMonths)),
    };
  });
  return { isHidden, minCell, levels, tenures, questions: reports, findings: surveyFindings(reports) };
}
