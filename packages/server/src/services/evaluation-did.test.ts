import type { TKpiValues } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { computeDid, computeDidRows, periodPhase, personBeforeAfter, type TKpiPeriodRecord } from './evaluation-did.js';

const MONTH_ENDS: Record<string, string> = { '07': '31', '08': '31', '09': '30', '10': '31', '11': '30', '12': '31' };
const NONE: TKpiValues = { csat: null, complaintRate: null, repurchaseRate: null, resolutionMinutes: null, escalationRate: null };

/** Monthly records of one person in 2026: { '07': 80, ... } for the given KPI. */
function monthly(userId: string, byMonth: Record<string, number | null>, field: keyof TKpiValues = 'csat'): TKpiPeriodRecord[] {
  return Object.entries(byMonth).map(([month, value]) => ({ userId, periodStart: `2026-${month}-01`, periodEnd: `2026-${month}-${MONTH_ENDS[month]}`, values: { ...NONE, [field]: value } }));
}

describe('periodPhase', () => {
  it.each([
    { whenInputIs: ['2026-08-01', '2026-08-31', '2026-09-10'], expectedOutputIs: 'before' },
    { whenInputIs: ['2026-09-01', '2026-09-30', '2026-09-10'], expectedOutputIs: 'during' },
    { whenInputIs: ['2026-09-10', '2026-09-30', '2026-09-10'], expectedOutputIs: 'after' },
    { whenInputIs: ['2026-10-01', '2026-10-31', '2026-09-10'], expectedOutputIs: 'after' },
    { whenInputIs: ['2026-10-01', '2026-10-31', null], expectedOutputIs: 'untrained' },
  ] as const)('$whenInputIs -> $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(periodPhase(whenInputIs[0], whenInputIs[1], whenInputIs[2])).toBe(expectedOutputIs);
  });
});

describe('computeDid', () => {
  // A and B attended their first session on 10 September: July and August are before, September straddles it, October and November are after.
  const trained = new Map([
    ['A', '2026-09-10'],
    ['B', '2026-09-10'],
  ]);
  const records = [
    ...monthly('A', { '07': 80, '08': 82, '09': 85, '10': 90, '11': 92 }),
    ...monthly('B', { '07': 70, '08': 70, '10': 75, '11': 75 }),
    ...monthly('C', { '07': 80, '08': 80, '10': 82, '11': 82 }),
    ...monthly('D', { '07': 60, '08': 62, '10': 61, '11': 63 }),
  ];

  it('subtracts the not-yet-trained people’s change over the same periods from the trained people’s change', () => {
    const row = computeDid(records, trained, 'csat');
    // A: 81 -> 91 (+10), B: 70 -> 75 (+5); C +2 and D +1 over the same months, +1.5 on average.
    expect(row).toEqual({
      field: 'csat',
      trainedPeople: 2,
      controlPeople: 2,
      trainedBefore: 75.5,
      trainedAfter: 83,
      controlBefore: 70.5,
      controlAfter: 72,
      trainedChange: 7.5,
      controlChange: 1.5,
      difference: 6,
      isImprovement: true,
      isSmall: true,
    });
  });

  it('leaves out the period that straddles the first session', () => {
    const withoutSeptember = records.filter((r) => !r.periodStart.startsWith('2026-09'));
    expect(computeDid(withoutSeptember, trained, 'csat').difference).toBe(computeDid(records, trained, 'csat').difference);
  });

  it('calls a fall an improvement for KPIs where lower is better', () => {
    const complaints = [...monthly('A', { '08': 2, '10': 1 }, 'complaintRate'), ...monthly('C', { '08': 2, '10': 2 }, 'complaintRate')];
    const row = computeDid(complaints, new Map([['A', '2026-09-10']]), 'complaintRate');
    expect(row.difference).toBe(-1);
    expect(row.isImprovement).toBe(true);
  });

  it('takes people trained after the compared periods as not yet trained, and not those trained during them', () => {
    const base = [...monthly('A', { '08': 80, '10': 90 }), ...monthly('E', { '08': 70, '10': 74 })];
    const laterTrained = computeDid(base, new Map([['A', '2026-09-10'], ['E', '2026-11-15']]), 'csat');
    expect(laterTrained).toMatchObject({ trainedPeople: 1, controlPeople: 1, controlChange: 4, difference: 6 });
    const trainedInOctober = computeDid(base, new Map([['A', '2026-09-10'], ['E', '2026-10-15']]), 'csat');
    expect(trainedInOctober).toMatchObject({ trainedPeople: 1, controlPeople: 0, controlChange: null, difference: null, isImprovement: null });
    // E trained in mid-October has no period wholly after it, so E is not counted as trained either.
    expect(trainedInOctober.trainedChange).toBe(10);
  });

  it('compares each after-period with the people still untrained when it ends', () => {
    // E is trained in mid-November: a comparison for October, not for November.
    const staggered = [...monthly('A', { '08': 80, '10': 90, '11': 100 }), ...monthly('E', { '08': 70, '10': 74, '11': 90 })];
    const row = computeDid(staggered, new Map([['A', '2026-09-10'], ['E', '2026-11-15']]), 'csat');
    expect(row).toMatchObject({ trainedPeople: 1, controlPeople: 1, trainedBefore: 80, trainedAfter: 90, trainedChange: 10, controlBefore: 70, controlAfter: 74, controlChange: 4, difference: 6 });
  });

  it('needs periods on both sides of the first session', () => {
    const onlyAfter = [...monthly('A', { '10': 90, '11': 92 }), ...monthly('C', { '10': 80, '11': 80 })];
    expect(computeDid(onlyAfter, new Map([['A', '2026-09-10']]), 'csat')).toMatchObject({ trainedPeople: 0, trainedBefore: null, difference: null });
  });

  it('skips periods without a value for the KPI', () => {
    const gaps = [...monthly('A', { '08': 80, '10': null, '11': 90 }), ...monthly('C', { '08': 80, '10': 85, '11': 80 })];
    // A's after-periods: November only (October has no value); C compared over August and November.
    expect(computeDid(gaps, new Map([['A', '2026-09-10']]), 'csat')).toMatchObject({ trainedChange: 10, controlChange: 0, difference: 10 });
  });

  it('marks groups under five people as small and five or more as not', () => {
    const many: TKpiPeriodRecord[] = [];
    const dates = new Map<string, string>();
    for (let i = 0; i < 5; i += 1) {
      many.push(...monthly(`T${i}`, { '08': 80, '10': 85 }), ...monthly(`C${i}`, { '08': 80, '10': 81 }));
      dates.set(`T${i}`, '2026-09-10');
    }
    expect(computeDid(many, dates, 'csat')).toMatchObject({ trainedPeople: 5, controlPeople: 5, difference: 4, isSmall: false });
    expect(computeDidRows(many, dates).map((r) => r.field)).toEqual(['csat', 'complaintRate', 'repurchaseRate', 'resolutionMinutes', 'escalationRate']);
  });

  it('has no difference with nobody trained', () => {
    expect(computeDid(records, new Map(), 'csat')).toMatchObject({ trainedPeople: 0, controlPeople: 0, difference: null, isSmall: true });
  });
});

describe('personBeforeAfter', () => {
  it('gives the means of the periods before and after the first session', () => {
    const rows = personBeforeAfter(monthly('A', { '07': 80, '08': 82, '09': 85, '10': 90, '11': 92 }), '2026-09-10');
    expect(rows.find((r) => r.field === 'csat')).toEqual({ field: 'csat', before: 81, after: 91, change: 10 });
    expect(rows.find((r) => r.field === 'complaintRate')).toEqual({ field: 'complaintRate', before: null, after: null, change: null });
  });

  it('has nothing before or after for someone not trained', () => {
    expect(personBeforeAfter(monthly('A', { '07': 80 }), null).find((r) => r.field === 'csat')).toEqual({ field: 'csat', before: null, after: null, change: null });
  });
});
