/**
 * Quality scores as the QA pages colour them. The bands follow the server's coaching rule:
 * under 60 a conversation is flagged `low_score` (qa_settings.coachingThreshold, default 60),
 * so red means "goes to coaching"; 80 and over is work to hold up as an example.
 */

export type TScoreBand = 'good' | 'fair' | 'poor' | 'none';

/** The low-score flag's default threshold (the engine's and the server's). */
export const LOW_SCORE = 60;
/** From here a conversation counts as good. */
export const GOOD_SCORE = 80;

/**
 * The band of a score.
 * @param score 0..100, or null when no quality component applied (nothing to judge)
 * @returns good (≥ 80), fair (60–79), poor (< 60) or none
 */
export function scoreBand(score: number | null): TScoreBand {
  if (score === null || !Number.isFinite(score)) return 'none';
  if (score >= GOOD_SCORE) return 'good';
  if (score >= LOW_SCORE) return 'fair';
  return 'poor';
}

/** antd Tag preset of each band. */
export const SCORE_TAG_COLOR: Record<TScoreBand, string> = { good: 'success', fair: 'gold', poor: 'error', none: 'default' };
/** Text and bar colour of each band (the analyzer's green, orange and red). */
export const SCORE_COLOR: Record<TScoreBand, string> = { good: '#389e0d', fair: '#d46b08', poor: '#cf1322', none: '#8c8c8c' };

/**
 * A score component's share, for its bar.
 * @param points points earned (may have one decimal)
 * @param max points possible
 * @returns 0..100, whole
 */
export function componentPercent(points: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(points)) return 0;
  return Math.max(0, Math.min(100, Math.round((points / max) * 100)));
}

/**
 * Points as the breakdown writes them: whole numbers without decimals, else one decimal.
 * @param points the points
 * @returns "12", "12.5"
 */
export function formatPoints(points: number): string {
  if (!Number.isFinite(points)) return '—';
  const rounded = Math.round(points * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** A duration split for "1 分 20 秒" / "1 min 20 s"; hours folded into minutes (chat replies do not take hours, and when they do the minutes say it). */
export type TDuration = { minutes: number; seconds: number };

/**
 * Splits seconds into minutes and seconds.
 * @param seconds a response time
 * @returns the parts, or null for no time
 */
export function durationOf(seconds: number | null): TDuration | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  const whole = Math.round(seconds);
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
