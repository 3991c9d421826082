import { describe, expect, it } from 'vitest';
import { addMonths, figuresOf, monthsBetween, resolveRange, shanghaiMonth, sumCells } from './evaluation-figures.js';

describe('months', () => {
  it.each([
    { whenInputIs: ['2026-11', 1], expectedOutputIs: '2026-12' },
    { whenInputIs: ['2026-12', 1], expectedOutputIs: '2027-01' },
    { whenInputIs: ['2026-01', -1], expectedOutputIs: '2025-12' },
    { whenInputIs: ['2026-06', -18], expectedOutputIs: '2024-12' },
  ] as const)('addMonths $whenInputIs -> $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(addMonths(whenInputIs[0], whenInputIs[1])).toBe(expectedOutputIs);
  });

  it('counts a month in China time: 31 December 17:00 UTC is already January in Beijing', () => {
    expect(shanghaiMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('defaults to this month and the twelve before it, and refuses backwards or over-long ranges', () => {
    const now = new Date('2026-12-06T09:00:00+08:00');
    expect(resolveRange({}, now)).toMatchObject({ from: '2025-12', to: '2026-12' });
    expect(resolveRange({ from: '2026-03' }, now)).toMatchObject({ from: '2026-03', to: '2027-03' });
    expect(resolveRange({ to: '2026-06' }, now).months).toHaveLength(13);
    expect(() => resolveRange({ from: '2026-10', to: '2026-09' }, now)).toThrow(/starts/);
    expect(() => resolveRange({ from: '2020-01', to: '2026-09' }, now)).toThrow(/at most 36/);
  });
});

describe('figuresOf', () => {
  it('adds sums and counts before dividing, so teams of different sizes weigh by their records', () => {
    const cells = [
      { userId: 'a', teamIds: ['t'], month: '2026-10', acc: { examSum: 180, examAttempts: 2, examPassed: 2, invited: 4, responded: 3 } },
      { userId: 'b', teamIds: ['t'], month: '2026-10', acc: { examSum: 40, examAttempts: 1, examPassed: 0, invited: 1, responded: 0 } },
    ];
    const figures = figuresOf(sumCells(cells));
    // (180 + 40) / 3, not the mean of 90 and 40.
    expect(figures.learning).toEqual({ examAverage: 73.3, examPassRate: 66.7, examAttempts: 3, roleplayAverage: null, roleplayAttempts: 0 });
    expect(figures.reaction.responseRate).toBe(60);
    expect(figures.results).toEqual({ csat: null, complaintRate: null, repurchaseRate: null, resolutionMinutes: null, escalationRate: null, records: 0 });
  });
});
