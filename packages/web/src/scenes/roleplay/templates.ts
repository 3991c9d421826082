/**
 * Texts the practice chat puts into the reply box. They are replies to a Chinese-speaking
 * simulated customer, read by an engine that reads Chinese, so they stay in Chinese in both
 * UI languages (like the analyser's examples).
 */

/** A polite request for a short pause (the engine reads it as a "pause" move). */
export const PAUSE_TEMPLATE = '麻烦您稍等两分钟，我马上帮您查一下。';

/**
 * Puts the pause template into a draft: appended after what is already written, or alone
 * when the draft is empty; never twice.
 * @param draft the reply being written
 * @returns the new draft
 */
export function withPauseTemplate(draft: string): string {
  if (draft.includes(PAUSE_TEMPLATE)) return draft;
  const trimmed = draft.trimEnd();
  return trimmed === '' ? PAUSE_TEMPLATE : `${trimmed}${/[。！？!?.~～]$/.test(trimmed) ? '' : '。'}${PAUSE_TEMPLATE}`;
}
