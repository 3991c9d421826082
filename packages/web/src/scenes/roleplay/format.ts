/**
 * Small pure helpers of the role-play pages: score bands, the customer's typing delay,
 * the score-over-time series of the history chart.
 */

export const OUTCOMES = ['resolved', 'escalated', 'leaves', 'out_of_turns'] as const;
export type TOutcome = (typeof OUTCOMES)[number];

/** Background and text colour of each ending's banner and tag. */
export const OUTCOME_STYLE: Record<TOutcome, { tag: string; color: string; background: string }> = {
  resolved: { tag: 'success', color: '#237804', background: '#f0f9eb' },
  escalated: { tag: 'error', color: '#a8071a', background: '#fff1f0' },
  leaves: { tag: 'warning', color: '#ad4e00', background: '#fff7e6' },
  out_of_turns: { tag: 'default', color: '#434343', background: '#f5f5f5' },
};

/**
 * Whether a string from the API is one of the known endings.
 * @param value outcome as sent (the attempt list types it as a plain string)
 * @returns true for resolved, escalated, leaves, out_of_turns
 */
export function isOutcome(value: unknown): value is TOutcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

export type TScoreBand = 'excellent' | 'good' | 'fair' | 'poor';

export const SCORE_BAND_COLOR: Record<TScoreBand, string> = { excellent: '#237804', good: '#2f7d8c', fair: '#d48806', poor: '#cf1322' };

/**
 * How a 0–100 score reads: 85 and up excellent, 70 good, 50 fair, below that poor.
 * @param score the score
 * @returns its band
 */
export function scoreBand(score: number): TScoreBand {
  if (!Number.isFinite(score)) return 'poor';
  if (score >= 85) return 'excellent';
  if (score >= 70) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

/**
 * A score as a whole number, or a dash when there is none (an unfinished attempt).
 * @param score 0–100 or null
 * @returns the text
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return String(Math.round(score));
}

/** Shortest and longest "typing…" pause before the customer's next line shows. */
export const TYPING_MIN_MS = 600;
export const TYPING_MAX_MS = 1200;

/**
 * How long the customer "types" before a new line appears.
 * @param random a number in [0, 1), usually Math.random()
 * @returns milliseconds between TYPING_MIN_MS and TYPING_MAX_MS
 */
export function typingDelay(random: number): number {
  const r = Number.isFinite(random) ? Math.min(1, Math.max(0, random)) : 0;
  return Math.round(TYPING_MIN_MS + r * (TYPING_MAX_MS - TYPING_MIN_MS));
}

/**
 * What is left of the typing pause once the answer has arrived.
 * @param sentAt when the reply was sent (ms)
 * @param now now (ms)
 * @param delay the pause picked for this reply (ms)
 * @returns milliseconds still to wait, never negative
 */
export function remainingDelay(sentAt: number, now: number, delay: number): number {
  return Math.max(0, delay - (now - sentAt));
}

export interface TScoredAttempt {
  id: string;
  total: number | null;
  finishedAt: string | null;
}

/**
 * The points of the "my scores over time" chart: finished, scored attempts, oldest first.
 * @param attempts attempts in any order
 * @returns [finishedAt, total, id] triples sorted by time
 */
export function scoreSeries(attempts: readonly TScoredAttempt[]): { at: string; total: number; id: string }[] {
  return attempts
    .filter((attempt): attempt is TScoredAttempt & { total: number; finishedAt: string } => attempt.total !== null && Number.isFinite(attempt.total) && attempt.finishedAt !== null)
    .map((attempt) => ({ at: attempt.finishedAt, total: attempt.total, id: attempt.id }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Whether a due date (YYYY-MM-DD, the end of that day) has passed.
 * @param dueDate the date, or null for none
 * @param today today's date as YYYY-MM-DD in the person's time zone
 * @returns true when the due date is before today
 */
export function isOverdue(dueDate: string | null, today: string): boolean {
  return dueDate !== null && dueDate < today;
}
