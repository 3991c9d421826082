import { describe, expect, it } from 'vitest';
import { escalationFocus, readAnalysis, readMessageReading, trajectorySeries } from './analysis';
import { componentPercent, durationOf, formatPoints, scoreBand } from './score';

/** The analysis the server stored for a conversation with a 12315 threat left unanswered (trimmed). */
const STORED = {
  version: 1,
  messages: [
    { role: 'customer', emotion: 'dissatisfied', intensity: 0.7, risk: 'medium', temperature: 63, polarityScore: -0.8 },
    { role: 'agent', verdict: 'revise', issues: [], missing: ['acknowledge'], hasEmpathy: false, answers: 0 },
    null,
    { role: 'customer', emotion: 'angry', intensity: 0.56, risk: 'high', temperature: 89, polarityScore: -0.9 },
    { role: 'agent', verdict: 'avoid', issues: ['blame_shift'], missing: [], hasEmpathy: false, answers: 3 },
  ],
  trajectory: { start: 63, end: 89, peak: 89, deEscalated: false, escalated: true },
  responseTimes: { firstSeconds: 40, averageSeconds: 120, maxSeconds: 200, measuredTurns: 2 },
  escalation: { status: 'missed', firstHighRiskIndex: 3, missedIndex: 3, threats: ['regulator', 'superior'] },
  language: { agentMessages: 2, messagesWithIssues: 1, avoidMessages: 1, issueCounts: { blame_shift: 1 }, repliesToUpset: 2, empatheticReplies: 0, empathyRate: 0 },
  quality: { score: 42, components: [{ key: 'empathy', points: 0, max: 25 }, { key: 'language', points: 15, max: 30 }, { key: 'responsiveness', points: 12.2, max: 15 }] },
  flags: ['low_score', 'missed_escalation'],
};
const MESSAGES = [
  { text: '耳机用了两天就坏了，我要退货', at: '2026-11-11T02:59:00.000Z' },
  { text: '亲，请您提供一下订单号。', at: '2026-11-11T02:59:40.000Z' },
  { text: '会话已转接', at: null },
  { text: '再不处理我就打12315投诉你们！', at: '2026-11-11T03:00:40.000Z' },
  { text: '这个需要您自己联系售后哦。', at: '2026-11-11T03:04:00.000Z' },
];

describe('scoreBand', () => {
  it.each([
    { whenInputIs: 100, expectedOutputIs: 'good' },
    { whenInputIs: 80, expectedOutputIs: 'good' },
    { whenInputIs: 79, expectedOutputIs: 'fair' },
    { whenInputIs: 60, expectedOutputIs: 'fair' },
    { whenInputIs: 59, expectedOutputIs: 'poor' },
    { whenInputIs: 0, expectedOutputIs: 'poor' },
    { whenInputIs: null, expectedOutputIs: 'none' },
    { whenInputIs: Number.NaN, expectedOutputIs: 'none' },
  ])('$whenInputIs → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(scoreBand(whenInputIs)).toBe(expectedOutputIs);
  });

  it('sizes component bars and writes points with at most one decimal', () => {
    expect(componentPercent(12.2, 15)).toBe(81);
    expect(componentPercent(0, 25)).toBe(0);
    expect(componentPercent(30, 30)).toBe(100);
    expect(componentPercent(5, 0)).toBe(0);
    expect(formatPoints(12.2)).toBe('12.2');
    expect(formatPoints(15)).toBe('15');
    expect(formatPoints(7.25)).toBe('7.3');
  });

  it.each([
    { whenInputIs: null, expectedOutputIs: null },
    { whenInputIs: 0, expectedOutputIs: { minutes: 0, seconds: 0 } },
    { whenInputIs: 45, expectedOutputIs: { minutes: 0, seconds: 45 } },
    { whenInputIs: 200, expectedOutputIs: { minutes: 3, seconds: 20 } },
    { whenInputIs: 3725.6, expectedOutputIs: { minutes: 62, seconds: 6 } },
  ])('durationOf($whenInputIs) → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(durationOf(whenInputIs)).toEqual(expectedOutputIs);
  });
});

describe('readAnalysis', () => {
  it('reads every field the page shows', () => {
    const view = readAnalysis(STORED);
    expect(view.quality.score).toBe(42);
    expect(view.quality.components.map((component) => component.key)).toEqual(['empathy', 'language', 'responsiveness']);
    expect(view.escalation).toEqual({ status: 'missed', firstHighRiskIndex: 3, missedIndex: 3, threats: ['regulator', 'superior'] });
    expect(view.responseTimes.firstSeconds).toBe(40);
    expect(view.language.issueCounts).toEqual({ blame_shift: 1 });
    expect(view.messages[2]).toBeNull();
    expect(view.messages[4]).toEqual({ role: 'agent', verdict: 'avoid', answers: 3 });
    expect(view.flags).toEqual(['low_score', 'missed_escalation']);
  });

  it('turns a missing or malformed record into empty values instead of failing', () => {
    const view = readAnalysis({ quality: { components: [{ key: 'empathy', max: 0, points: 3 }, 'x'] }, escalation: { status: 'weird' }, messages: 'no' });
    expect(view.quality).toEqual({ score: null, components: [] });
    expect(view.escalation.status).toBe('none');
    expect(view.messages).toEqual([]);
    expect(view.trajectory).toEqual({ start: null, end: null, peak: null, deEscalated: false, escalated: false });
    expect(view.language.empathyRate).toBeNull();
  });
});

describe('trajectorySeries', () => {
  it('has one point per customer message, numbered, with the message index the bubbles use', () => {
    expect(trajectorySeries(readAnalysis(STORED), MESSAGES)).toEqual([
      { index: 0, ordinal: 1, temperature: 63, emotion: 'dissatisfied', risk: 'medium', text: MESSAGES[0]!.text, at: MESSAGES[0]!.at },
      { index: 3, ordinal: 2, temperature: 89, emotion: 'angry', risk: 'high', text: MESSAGES[3]!.text, at: MESSAGES[3]!.at },
    ]);
  });

  it('is empty without customer messages', () => {
    expect(trajectorySeries({ messages: [null, { role: 'agent', verdict: 'ok', answers: null }] }, MESSAGES)).toEqual([]);
  });
});

describe('escalationFocus', () => {
  it('points at the missed message, else the first high-risk one, else nothing', () => {
    expect(escalationFocus({ status: 'missed', firstHighRiskIndex: 1, missedIndex: 5, threats: [] })).toBe(5);
    expect(escalationFocus({ status: 'handled', firstHighRiskIndex: 1, missedIndex: null, threats: [] })).toBe(1);
    expect(escalationFocus({ status: 'none', firstHighRiskIndex: null, missedIndex: null, threats: [] })).toBeNull();
  });
});

describe('readMessageReading', () => {
  it('parses a customer reading and an agent check with the analysis API’s schemas', () => {
    const customer = readMessageReading({
      role: 'customer',
      reading: { emotion: 'angry', intensity: 0.5, polarity: 'neg', polarityScore: -0.9, risk: 'high', riskReasons: ['threat'], needs: [], threats: ['regulator'], cues: [{ kind: 'threat', text: '12315', start: 8, end: 13, signal: 'regulator' }], emotionScores: {} },
    });
    expect(customer.kind).toBe('customer');
    const agent = readMessageReading({ role: 'agent', reading: { verdict: 'ok', issues: [], missing: [], strengths: [], suggestions: [] } });
    expect(agent).toEqual({ kind: 'agent', check: { verdict: 'ok', issues: [], missing: [], strengths: [], suggestions: [] } });
  });

  it('gives none for system messages, no reading, or a reading of another shape', () => {
    expect(readMessageReading({ role: 'system', reading: null })).toEqual({ kind: 'none' });
    expect(readMessageReading({ role: 'customer', reading: null })).toEqual({ kind: 'none' });
    expect(readMessageReading({ role: 'customer', reading: { emotion: 'furious' } })).toEqual({ kind: 'none' });
  });
});
