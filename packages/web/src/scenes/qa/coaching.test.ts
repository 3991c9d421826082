import { describe, expect, it } from 'vitest';
import type { TQaCoachingItem } from '../../api/qa';
import { COMMENT_MAX, coachingReason, isSendable, openFlagOf, REASON_MAX } from './coaching';

describe('coachingReason', () => {
  it.each([
    { whenReasonIs: 'low_score', expectedCodesAre: ['low_score'] },
    { whenReasonIs: 'missed_escalation,low_score', expectedCodesAre: ['low_score', 'missed_escalation'] },
    { whenReasonIs: 'avoid_language, low_score,low_score', expectedCodesAre: ['low_score', 'avoid_language'] },
    { whenReasonIs: 'new_rule,missed_escalation', expectedCodesAre: ['missed_escalation', 'new_rule'] },
    { whenReasonIs: '', expectedCodesAre: [] },
  ])('reads the rules\' "$whenReasonIs" as codes', ({ whenReasonIs, expectedCodesAre }) => {
    expect(coachingReason({ origin: 'rule', reason: whenReasonIs })).toEqual({ origin: 'rule', codes: expectedCodesAre });
  });

  it("keeps a person's reason as they wrote it, commas included", () => {
    expect(coachingReason({ origin: 'person', reason: ' 开场没有称呼顾客，语气偏冷, 需要复盘 ' })).toEqual({ origin: 'person', text: '开场没有称呼顾客，语气偏冷, 需要复盘' });
  });
});

describe('isSendable', () => {
  it('takes text within the limit and refuses blanks and overlong text', () => {
    expect(isSendable('下次先道歉', COMMENT_MAX)).toBe(true);
    expect(isSendable('   \n ', COMMENT_MAX)).toBe(false);
    expect(isSendable('好'.repeat(REASON_MAX), REASON_MAX)).toBe(true);
    expect(isSendable('好'.repeat(REASON_MAX + 1), REASON_MAX)).toBe(false);
    expect(isSendable(`  ${'好'.repeat(REASON_MAX)}  `, REASON_MAX)).toBe(true);
  });
});

describe('openFlagOf', () => {
  const item = (id: string, conversationId: string, status: 'open' | 'done') => ({ id, status, conversation: { id: conversationId } }) as TQaCoachingItem;

  it('finds the open flag of the conversation, not a coached one or another conversation', () => {
    const items = [item('f1', 'c1', 'done'), item('f2', 'c2', 'open'), item('f3', 'c1', 'open')];
    expect(openFlagOf(items, 'c1')?.id).toBe('f3');
    expect(openFlagOf(items, 'c9')).toBeUndefined();
    expect(openFlagOf(undefined, 'c1')).toBeUndefined();
  });
});
