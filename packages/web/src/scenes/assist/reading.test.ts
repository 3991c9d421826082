import type { TMessageAnalysisDto } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { assistTrajectory, insertIntoDraft, latestCustomerReading } from './reading';

const reading: TMessageAnalysisDto = { emotion: 'angry', intensity: 0.9, polarity: 'neg', polarityScore: -0.8, risk: 'high', riskReasons: ['threat'], needs: [], threats: ['regulator'], cues: [], emotionScores: {} };

describe('assistTrajectory', () => {
  it('lines the points up with the page messages when the oldest were not sent', () => {
    const messages = [
      { role: 'customer', text: '最早的一条' },
      { role: 'customer', text: '在吗' },
      { role: 'agent', text: '在的' },
      { role: 'customer', text: '再不退款我就投诉到12315' },
    ] as const;
    const points = assistTrajectory({ trajectory: [{ index: 0, temperature: 30, emotion: 'anxious', risk: 'low' }, { index: 2, temperature: 88, emotion: 'angry', risk: 'high' }] }, messages, 1);
    expect(points).toEqual([
      { index: 1, ordinal: 1, temperature: 30, emotion: 'anxious', risk: 'low', text: '在吗', at: null },
      { index: 3, ordinal: 2, temperature: 88, emotion: 'angry', risk: 'high', text: '再不退款我就投诉到12315', at: null },
    ]);
  });
});

describe('latestCustomerReading', () => {
  it('finds the last customer message, skipping the agent replies after it', () => {
    const messages = [
      { role: 'customer', text: '再不退款我就投诉' },
      { role: 'agent', text: '非常抱歉' },
    ] as const;
    const latest = latestCustomerReading({ messages: [{ index: 0, role: 'customer', reading, temperature: 90 }, { index: 1, role: 'agent', reading: null, temperature: null }] }, messages, 0);
    expect(latest).toEqual({ index: 0, text: '再不退款我就投诉', reading, temperature: 90 });
  });

  it('is null before the customer has written', () => {
    expect(latestCustomerReading({ messages: [{ index: 0, role: 'agent', reading: null, temperature: null }] }, [{ role: 'agent', text: '您好' }], 0)).toBeNull();
  });
});

describe('insertIntoDraft', () => {
  it.each([
    { whenInputIs: ['', '非常理解您的着急。'], expectedOutputIs: '非常理解您的着急。' },
    { whenInputIs: ['您好', '我马上帮您查。'], expectedOutputIs: '您好，我马上帮您查。' },
    { whenInputIs: ['您好！  ', '我马上帮您查。'], expectedOutputIs: '您好！我马上帮您查。' },
    { whenInputIs: ['我马上帮您查。', '我马上帮您查。'], expectedOutputIs: '我马上帮您查。' },
  ])('$whenInputIs', ({ whenInputIs: [draft, line], expectedOutputIs }) => {
    expect(insertIntoDraft(draft ?? '', line ?? '')).toBe(expectedOutputIs);
  });
});
