import { describe, expect, it } from 'vitest';
import { kpiChangeMark, rankSelection, scoreSelectionInput, type TSelectionInput } from './selection-ranking.js';

/** The excellent-trainee arithmetic, checked by hand. */

const WEIGHTS = { exams: 40, roleplay: 30, attendance: 20, kpi: 10 };

function input(name: string, parts: Partial<Omit<TSelectionInput, 'user' | 'teams'>>): TSelectionInput {
  return { user: { id: name, displayName: name }, teams: [], exams: null, roleplay: null, attendance: null, kpi: null, ...parts };
}

describe('scoreSelectionInput', () => {
  it('weights each part’s mark: 90×40% + 80×30% + 75%×20% + (50+5×2)×10% = 81', () => {
    const result = scoreSelectionInput(
      input('a', { exams: { average: 90, count: 2 }, roleplay: { average: 80, count: 3 }, attendance: { attended: 3, counted: 4 }, kpi: { before: 88, after: 90, periods: 6 } }),
      WEIGHTS,
    );
    expect(result.score).toBe(81);
    expect(result.redistributed).toEqual([]);
    expect(result.parts.exams).toEqual({ value: 90, mark: 90, weight: 40, points: 36, count: 2 });
    expect(result.parts.attendance).toEqual({ value: 0.75, mark: 75, weight: 20, points: 15, count: 4 });
    expect(result.parts.kpi).toEqual({ value: 2, mark: 60, weight: 10, points: 6, count: 6 });
  });

  it('hands a missing KPI’s weight to the other parts in proportion: 40/90, 30/90, 20/90 of 10 more', () => {
    const result = scoreSelectionInput(input('b', { exams: { average: 90, count: 1 }, roleplay: { average: 90, count: 1 }, attendance: { attended: 9, counted: 10 } }), WEIGHTS);
    expect(result.redistributed).toEqual(['kpi']);
    expect(result.parts.kpi.weight).toBe(0);
    expect(result.parts.exams.weight).toBeCloseTo(44.44, 2);
    expect(result.parts.roleplay.weight).toBeCloseTo(33.33, 2);
    expect(result.parts.attendance.weight).toBeCloseTo(22.22, 2);
    // Every present part is 90, so the score is 90 whatever the split.
    expect(result.score).toBe(90);
  });

  it('counts a missing exam or role-play as 0 with its weight kept: not taking part is not excused', () => {
    const result = scoreSelectionInput(input('c', { roleplay: { average: 100, count: 2 }, attendance: { attended: 1, counted: 1 }, kpi: { before: 90, after: 90, periods: 2 } }), WEIGHTS);
    expect(result.redistributed).toEqual([]);
    expect(result.parts.exams).toEqual({ value: null, mark: null, weight: 40, points: 0, count: 0 });
    expect(result.score).toBe(30 + 20 + 5);
  });

  it('redistributes attendance and KPI together when neither can be measured', () => {
    const result = scoreSelectionInput(input('d', { exams: { average: 70, count: 1 }, roleplay: { average: 100, count: 1 } }), WEIGHTS);
    expect(result.redistributed).toEqual(['attendance', 'kpi']);
    expect(result.parts.exams.weight).toBeCloseTo(57.14, 2);
    expect(result.score).toBeCloseTo(70 * (4 / 7) + 100 * (3 / 7), 1);
  });

  it.each([
    { whenInputIs: 0, expectedOutputIs: 50 },
    { whenInputIs: 4, expectedOutputIs: 70 },
    { whenInputIs: -3.5, expectedOutputIs: 32.5 },
    { whenInputIs: 12, expectedOutputIs: 100 },
    { whenInputIs: -30, expectedOutputIs: 0 },
  ])('marks a CSAT change of $whenInputIs points as $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(kpiChangeMark(whenInputIs)).toBe(expectedOutputIs);
  });
});

describe('rankSelection', () => {
  it('ranks best first, shares ranks on equal scores, and leaves out people with nothing measured', () => {
    const rows = rankSelection(
      [
        input('林晨曦', { exams: { average: 80, count: 1 } }),
        input('陈雨桐', { exams: { average: 95, count: 1 } }),
        input('黄子涵', { exams: { average: 80, count: 1 } }),
        input('没来过', {}),
        input('张浩然', { attendance: { attended: 0, counted: 0 } }),
      ],
      { exams: 100, roleplay: 0, attendance: 0, kpi: 0 },
    );
    expect(rows.map((r) => [r.rank, r.user.displayName, r.score])).toEqual([
      [1, '陈雨桐', 95],
      [2, '黄子涵', 80],
      [2, '林晨曦', 80],
    ]);
  });
});
