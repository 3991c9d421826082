/**
 * The simulated customer's three meters (0–100) and how the mood panel shows them.
 * Anger is bad when high; trust and patience are bad when low. The anger bands are the
 * ones the customer's lines follow (content/scenarios/FORMAT.md: hot ≥ 70, tense 40–69,
 * calmer < 40); trust and patience use 60 (what "resolved" usually asks of trust) and 30.
 */

export const METERS = ['anger', 'trust', 'patience'] as const;
export type TMeter = (typeof METERS)[number];
export type TMeters = Record<TMeter, number>;

export type TMeterBand = 'good' | 'watch' | 'bad';

export const BAND_COLOR: Record<TMeterBand, string> = { good: '#389e0d', watch: '#d48806', bad: '#cf1322' };

/**
 * A meter value kept within 0–100 and rounded; anything not a number counts as 0.
 * @param value the raw value
 * @returns 0..100
 */
export function clampMeter(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value)));
}

/**
 * How worrying a meter reading is.
 * @param meter which meter
 * @param value its value, 0–100
 * @returns good, watch or bad
 */
export function meterBand(meter: TMeter, value: number): TMeterBand {
  const v = clampMeter(value);
  if (meter === 'anger') return v >= 70 ? 'bad' : v >= 40 ? 'watch' : 'good';
  return v < 30 ? 'bad' : v < 60 ? 'watch' : 'good';
}

/**
 * The bar colour of a meter reading.
 * @param meter which meter
 * @param value its value, 0–100
 * @returns a CSS colour
 */
export function meterColor(meter: TMeter, value: number): string {
  return BAND_COLOR[meterBand(meter, value)];
}

/**
 * Whether a change of a meter helped the conversation: less anger, more trust or patience.
 * @param meter which meter
 * @param delta the change
 * @returns good, bad, or neutral for no change
 */
export function deltaTone(meter: TMeter, delta: number): 'good' | 'bad' | 'neutral' {
  if (!Number.isFinite(delta) || Math.round(delta) === 0) return 'neutral';
  const better = meter === 'anger' ? delta < 0 : delta > 0;
  return better ? 'good' : 'bad';
}

/**
 * A meter change as text with a real minus sign: +5, −12, 0.
 * @param delta the change
 * @returns the text
 */
export function formatDelta(delta: number): string {
  if (!Number.isFinite(delta)) return '—';
  const rounded = Math.round(delta);
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}
