import type { TQuestionStatistics } from '../../api/teach';

/**
 * How the question statistics read. Difficulty is the share of attempts that got the question
 * right (p: high = easy); discrimination D compares the best and the worst 27% of attempts
 * (high = the question separates those who know from those who do not). The thresholds are
 * the server's (exam.service.ts examQuestionStatistics): flagged from five answers on when
 * p < 0.2, p > 0.95 or D < 0.1.
 */

export const MIN_ANSWERS_TO_FLAG = 5;
export const TOO_HARD = 0.2;
export const TOO_EASY = 0.95;
export const WEAK_DISCRIMINATION = 0.1;
/** D of 0.3 and above is the usual mark of a good item (Ebel's bands: ≥ 0.4 very good, 0.3–0.39 good). */
export const GOOD_DISCRIMINATION = 0.3;

export type TStatRow = TQuestionStatistics['questions'][number];
export type TFlagReason = 'tooHard' | 'tooEasy' | 'noSeparation';
export type TDiscriminationBand = 'none' | 'weak' | 'fair' | 'good';

/**
 * Why a question is flagged, so the page can say it in words.
 * @param row one question's statistics
 * @returns the reasons (empty when the question reads well or has too few answers)
 */
export function flagReasons(row: TStatRow): TFlagReason[] {
  if (row.answered < MIN_ANSWERS_TO_FLAG) return [];
  const reasons: TFlagReason[] = [];
  if (row.difficulty < TOO_HARD) reasons.push('tooHard');
  if (row.difficulty > TOO_EASY) reasons.push('tooEasy');
  if (row.discrimination !== null && row.discrimination < WEAK_DISCRIMINATION) reasons.push('noSeparation');
  return reasons;
}

/**
 * A word for a discrimination value.
 * @param value D, or null when it cannot be computed (short answers, too few attempts)
 * @returns none, weak (< 0.1), fair (< 0.3) or good
 */
export function discriminationBand(value: number | null): TDiscriminationBand {
  if (value === null) return 'none';
  if (value < WEAK_DISCRIMINATION) return 'weak';
  if (value < GOOD_DISCRIMINATION) return 'fair';
  return 'good';
}

/**
 * Flagged questions first, then the hardest; stable otherwise.
 * @param rows the statistics' questions
 * @returns a sorted copy
 */
export function sortStatRows(rows: readonly TStatRow[]): TStatRow[] {
  return [...rows].sort((a, b) => Number(b.isFlagged) - Number(a.isFlagged) || a.difficulty - b.difficulty);
}

export interface TResultsSummary {
  people: number;
  passed: number;
  /** Whole percentage of people who passed; null with nobody yet. */
  passRate: number | null;
  /** Mean of the people's best scores (people without a score left out); null when none. */
  averageBest: number | null;
}

/**
 * The figures above an exam's results table.
 * @param rows one row per person: best score and whether they passed
 * @returns counts, pass rate and the average best score
 */
export function summariseResults(rows: readonly { bestScore: number | null; isPassed: boolean }[]): TResultsSummary {
  const passed = rows.filter((row) => row.isPassed).length;
  const scores = rows.flatMap((row) => (row.bestScore === null ? [] : [row.bestScore]));
  return {
    people: rows.length,
    passed,
    passRate: rows.length === 0 ? null : Math.round((passed / rows.length) * 100),
    averageBest: scores.length === 0 ? null : Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
  };
}
