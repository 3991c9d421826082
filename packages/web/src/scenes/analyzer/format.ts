/** Number formats of the analyzer's results. */

/**
 * A signed number with two decimals and a real minus sign: +0.40, −0.62, 0.00.
 * @param value the number
 * @returns the text
 */
export function formatSigned(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
}

/**
 * Intensity as a whole percentage, kept within 0–100.
 * @param intensity 0..1 from the engine
 * @returns 0..100
 */
export function intensityPercent(intensity: number): number {
  if (!Number.isFinite(intensity)) return 0;
  return Math.min(100, Math.max(0, Math.round(intensity * 100)));
}
