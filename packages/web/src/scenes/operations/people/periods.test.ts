import { describe, expect, it } from 'vitest';
import { currentPeriods, recentHalves, todayInChina } from './periods';

describe('currentPeriods', () => {
  it.each([
    { whenInputIs: '2026-12-06', expectedOutputIs: ['2026-12', '2026-Q4', '2026-H2', '2026', 'all'] },
    { whenInputIs: '2026-01-31', expectedOutputIs: ['2026-01', '2026-Q1', '2026-H1', '2026', 'all'] },
    { whenInputIs: '2026-06-30', expectedOutputIs: ['2026-06', '2026-Q2', '2026-H1', '2026', 'all'] },
  ])('names the periods around $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(currentPeriods(whenInputIs).map((choice) => choice.period)).toEqual(expectedOutputIs);
  });
});

describe('recentHalves', () => {
  it('lists the current half-year and the three before it, crossing years', () => {
    expect(recentHalves('2026-03-01')).toEqual(['2026-H1', '2025-H2', '2025-H1', '2024-H2']);
    expect(recentHalves('2026-07-01')).toEqual(['2026-H2', '2026-H1', '2025-H2', '2025-H1']);
  });
});

describe('todayInChina', () => {
  it('is already tomorrow in Beijing at 17:00 UTC', () => {
    expect(todayInChina(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01');
    expect(todayInChina(new Date('2026-06-30T15:59:00Z'))).toBe('2026-06-30');
  });
});
