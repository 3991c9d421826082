import { STRESS_QUESTIONNAIRE, scoreStressCheck, stressBandOf, type TStressBand } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { chinaWeekStart, diaryCell, stressCell } from './selfcare-aggregates.service.js';
import { diaryStreakOf, stressStaysHigh } from './selfcare.service.js';

/** The rules of self-care that need no database: scoring, the "stays high" rule, the streak, weeks, cells. */

const answersAll = (value: number, reversed: number) => Object.fromEntries(STRESS_QUESTIONNAIRE.items.map((i) => [i.id, i.isReversed ? reversed : value]));

describe('stress scoring', () => {
  it.each([
    { whenAnswersAre: 'all 0, positive items 4', answers: answersAll(0, 4), expected: { score: 0, band: 'low' } },
    { whenAnswersAre: 'all 4, positive items 0', answers: answersAll(4, 0), expected: { score: 100, band: 'high' } },
    { whenAnswersAre: 'everything 2 (sometimes)', answers: answersAll(2, 2), expected: { score: 50, band: 'moderate' } },
    { whenAnswersAre: 'everything 4 (always)', answers: answersAll(4, 4), expected: { score: 60, band: 'high' } },
    { whenAnswersAre: 'everything 0 (never)', answers: answersAll(0, 0), expected: { score: 40, band: 'moderate' } },
  ])('$whenAnswersAre → $expected.score', ({ answers, expected }) => {
    expect(scoreStressCheck(answers)).toEqual(expected);
  });

  it.each([
    [0, 'low'],
    [34, 'low'],
    [35, 'moderate'],
    [59, 'moderate'],
    [60, 'high'],
    [100, 'high'],
  ] as const)('score %i is %s', (score, band) => {
    expect(stressBandOf(score)).toBe(band);
  });

  it('has 8–10 items, some reverse-scored, each in Chinese and English', () => {
    expect(STRESS_QUESTIONNAIRE.items.length).toBeGreaterThanOrEqual(8);
    expect(STRESS_QUESTIONNAIRE.items.length).toBeLessThanOrEqual(10);
    expect(STRESS_QUESTIONNAIRE.items.some((i) => i.isReversed)).toBe(true);
    for (const item of STRESS_QUESTIONNAIRE.items) expect(item.text.zh.length * item.text.en.length).toBeGreaterThan(0);
  });
});

describe('stays high', () => {
  const cases: { whenBandsAre: TStressBand[]; expected: string | null }[] = [
    { whenBandsAre: [], expected: null },
    { whenBandsAre: ['high'], expected: null },
    { whenBandsAre: ['low', 'high', 'high'], expected: 'last_two_high' },
    { whenBandsAre: ['high', 'low', 'high'], expected: null },
    { whenBandsAre: ['moderate', 'low', 'moderate', 'high'], expected: 'mostly_elevated' },
    { whenBandsAre: ['moderate', 'moderate', 'moderate'], expected: 'mostly_elevated' },
    { whenBandsAre: ['moderate', 'high', 'moderate', 'low'], expected: null },
    { whenBandsAre: ['high', 'high', 'low'], expected: null },
    { whenBandsAre: ['moderate', 'low', 'low', 'moderate'], expected: null },
  ];
  it.each(cases)('$whenBandsAre → $expected', ({ whenBandsAre, expected }) => {
    expect(stressStaysHigh(whenBandsAre)).toBe(expected);
  });
});

describe('diary streak', () => {
  it.each([
    { days: [], today: '2026-03-10', expected: 0 },
    { days: ['2026-03-10', '2026-03-09', '2026-03-08'], today: '2026-03-10', expected: 3 },
    { days: ['2026-03-09', '2026-03-08'], today: '2026-03-10', expected: 2 },
    { days: ['2026-03-08'], today: '2026-03-10', expected: 0 },
    { days: ['2026-03-01', '2026-02-28', '2026-02-27'], today: '2026-03-01', expected: 3 },
  ])('$days on $today → $expected', ({ days, today, expected }) => {
    expect(diaryStreakOf(days, today)).toBe(expected);
  });
});

describe('weeks and cells', () => {
  it('a week starts on Monday, China time', () => {
    expect(chinaWeekStart(new Date('2026-03-08T15:59:00Z'))).toBe('2026-03-02'); // Sunday 23:59 in Shanghai
    expect(chinaWeekStart(new Date('2026-03-08T16:00:00Z'))).toBe('2026-03-09'); // Monday 00:00 in Shanghai
  });

  it('a cell below five contributors carries no numbers; at five it shows them rounded', () => {
    expect(stressCell(undefined)).toEqual({ status: 'hidden', contributors: '<5' });
    expect(stressCell({ teamId: 't', weekStart: 'w', contributors: 4, averageScore: 50, low: 1, moderate: 2, high: 1 })).toEqual({ status: 'hidden', contributors: '<5' });
    expect(stressCell({ teamId: 't', weekStart: 'w', contributors: 5, averageScore: 51.26, low: 1, moderate: 3, high: 1 })).toEqual({ status: 'shown', contributors: 5, averageScore: 51.3, bands: { low: 1, moderate: 3, high: 1 } });
    expect(diaryCell({ teamId: 't', weekStart: 'w', contributors: 4, entries: 20, averageIntensity: 5 })).toEqual({ status: 'hidden', contributors: '<5' });
    expect(diaryCell({ teamId: 't', weekStart: 'w', contributors: 5, entries: 7, averageIntensity: 4.449 })).toEqual({ status: 'shown', contributors: 5, entries: 7, averageIntensity: 4.4 });
  });
});
