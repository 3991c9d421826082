import type { TAssistMessage, TMessageAnalysisDto } from '@calmdesk/shared';
import type { TAssistAnalysis } from '../../api/assist';
import type { TTrajectoryPoint } from '../qa/analysis';

/**
 * What the assist page draws from the server's reading of the conversation. The answer's
 * indexes count the messages that were sent, which are the latest ones when a very long chat
 * was cut (use-assist-conversation messagesToSend), so `offset` lines them up with the page's.
 * Pure, so it is tested without a DOM.
 */

/**
 * The customer's temperature message by message, for the QA trajectory chart (qa/trajectory.ts).
 * @param analysis the latest answer
 * @param messages every message the page holds
 * @param offset messages before the first one sent
 * @returns one point per customer message that was read
 */
export function assistTrajectory(analysis: Pick<TAssistAnalysis, 'trajectory'>, messages: readonly TAssistMessage[], offset: number): TTrajectoryPoint[] {
  return analysis.trajectory.map((point, ordinal) => {
    const index = point.index + offset;
    return { index, ordinal: ordinal + 1, temperature: point.temperature, emotion: point.emotion, risk: point.risk, text: messages[index]?.text ?? '', at: null };
  });
}

/**
 * The latest customer message and how the engine read it (its cues are marked on the page).
 * @param analysis the latest answer
 * @param messages every message the page holds
 * @param offset messages before the first one sent
 * @returns the message's index, text and reading, or null before the customer has written
 */
export function latestCustomerReading(
  analysis: Pick<TAssistAnalysis, 'messages'>,
  messages: readonly TAssistMessage[],
  offset: number,
): { index: number; text: string; reading: TMessageAnalysisDto; temperature: number | null } | null {
  for (let at = analysis.messages.length - 1; at >= 0; at -= 1) {
    const entry = analysis.messages[at];
    if (entry?.role !== 'customer' || !entry.reading) continue;
    const index = entry.index + offset;
    const message = messages[index];
    if (!message) return null;
    return { index, text: message.text, reading: entry.reading, temperature: entry.temperature };
  }
  return null;
}

/**
 * Puts a suggested line into the draft: the line alone when the draft is empty, else after it.
 * @param draft the draft as it is
 * @param line the suggested line
 * @returns the new draft
 */
export function insertIntoDraft(draft: string, line: string): string {
  const trimmed = draft.trimEnd();
  if (trimmed === '') return line;
  if (trimmed.includes(line)) return draft;
  return /[。！？!?.…~～]$/u.test(trimmed) ? `${trimmed}${line}` : `${trimmed}，${line}`;
}
