import type { TQaCoachingItem } from '../../api/qa';
import { CONVERSATION_FLAGS } from './analysis';

/**
 * The coaching queue's pure parts: what a flag's reason says and how the comment box is checked.
 * A rule flag's reason is the import's flag codes joined by commas ("low_score,missed_escalation",
 * qa-job.service.ts); a person's is their own words.
 */

/** The server's limit on a comment (ZQaCommentRequest) and on a flag's reason (ZQaFlagRequest). */
export const COMMENT_MAX = 4000;
export const REASON_MAX = 500;

export type TCoachingReason = { origin: 'rule'; codes: string[] } | { origin: 'person'; text: string };

/**
 * Reads a flag's reason.
 * @param item a coaching queue item
 * @returns the rule codes (known ones first, in the app's order, unknown ones kept after them) or the person's text
 */
export function coachingReason(item: Pick<TQaCoachingItem, 'origin' | 'reason'>): TCoachingReason {
  if (item.origin === 'person') return { origin: 'person', text: item.reason.trim() };
  const codes = [...new Set(item.reason.split(',').map((code) => code.trim()).filter(Boolean))];
  const known = CONVERSATION_FLAGS.filter((flag) => codes.includes(flag));
  return { origin: 'rule', codes: [...known, ...codes.filter((code) => !(CONVERSATION_FLAGS as readonly string[]).includes(code))] };
}

/**
 * Whether a comment or reason may be sent: something besides spaces, within the server's limit.
 * @param text what was typed
 * @param max the limit in characters
 * @returns true when the server will take it
 */
export function isSendable(text: string, max: number): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= max;
}

/**
 * The open flag of a conversation, if it is in the queue now.
 * @param items the open queue
 * @param conversationId the conversation
 * @returns the flag or undefined
 */
export function openFlagOf(items: readonly TQaCoachingItem[] | undefined, conversationId: string): TQaCoachingItem | undefined {
  return items?.find((item) => item.conversation.id === conversationId && item.status === 'open');
}
