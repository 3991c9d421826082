import { describe, expect, it } from 'vitest';
import { ZPlanItem, type TPlanItem } from './operations.js';
import { diffPlanItems, normaliseSignInCode, planBudget, planItemMonths, planItemSessionTimes, SIGN_IN_CODE_ALPHABET, ZAttendanceMarks, ZPlanInput, ZSessionInput } from './plans.js';

const item = (fields: Partial<TPlanItem> & { id: string; theme: string }): TPlanItem => ZPlanItem.parse({ kind: 'classroom', date: '2026-03-12', ...fields });

describe('planItemSessionTimes', () => {
  const cases = [
    { whenInputIs: { date: '2026-03-12', startTime: '14:00', durationMinutes: 120, repeat: 1, everyDays: 7 }, expectedOutputIs: [['2026-03-12T06:00:00.000Z', '2026-03-12T08:00:00.000Z']] },
    // A new-hire block: five days in a row at 09:00 China time, the first on a Monday.
    {
      whenInputIs: { date: '2026-07-06', startTime: '09:00', durationMinutes: 420, repeat: 5, everyDays: 1 },
      expectedOutputIs: [
        ['2026-07-06T01:00:00.000Z', '2026-07-06T08:00:00.000Z'],
        ['2026-07-07T01:00:00.000Z', '2026-07-07T08:00:00.000Z'],
        ['2026-07-08T01:00:00.000Z', '2026-07-08T08:00:00.000Z'],
        ['2026-07-09T01:00:00.000Z', '2026-07-09T08:00:00.000Z'],
        ['2026-07-10T01:00:00.000Z', '2026-07-10T08:00:00.000Z'],
      ],
    },
    // Just after midnight in Shanghai is still the previous day in UTC.
    { whenInputIs: { date: '2026-01-01', startTime: '00:30', durationMinutes: 30, repeat: 1, everyDays: 7 }, expectedOutputIs: [['2025-12-31T16:30:00.000Z', '2025-12-31T17:00:00.000Z']] },
  ];
  for (const { whenInputIs, expectedOutputIs } of cases) {
    it(`${whenInputIs.date} ${whenInputIs.startTime} ×${whenInputIs.repeat}`, () => {
      expect(planItemSessionTimes(whenInputIs).map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual(expectedOutputIs);
    });
  }

  it('numbers the sessions from 1', () => {
    expect(planItemSessionTimes({ date: '2026-03-12', startTime: '14:00', durationMinutes: 60, repeat: 3, everyDays: 28 }).map((s) => s.number)).toEqual([1, 2, 3]);
  });
});

describe('planItemMonths', () => {
  it('names every month a repeated item reaches, across the new year', () => {
    expect(planItemMonths({ date: '2026-11-20', startTime: '14:00', durationMinutes: 60, repeat: 3, everyDays: 30 })).toEqual(['2026-11', '2026-12', '2027-01']);
  });
  it('uses China time: 23:30 on 31 March is March', () => {
    expect(planItemMonths({ date: '2026-03-31', startTime: '23:30', durationMinutes: 30, repeat: 1, everyDays: 7 })).toEqual(['2026-03']);
  });
});

describe('diffPlanItems', () => {
  const a = item({ id: 'a', theme: '投诉安抚话术' });
  const b = item({ id: 'b', theme: '情绪 ABC 模型', budget: 800 });
  const c = item({ id: 'c', theme: '新员工集中培训', repeat: 5, everyDays: 1 });

  it('finds nothing between equal versions', () => {
    expect(diffPlanItems([a, b], [a, b])).toEqual({ added: [], removed: [], changed: [] });
  });
  it('names added and removed themes', () => {
    expect(diffPlanItems([a, b], [a, c])).toEqual({ added: [{ id: 'c', theme: '新员工集中培训' }], removed: [{ id: 'b', theme: '情绪 ABC 模型' }], changed: [] });
  });
  it('reports a renamed theme and changed fields as one change, keeping the old theme', () => {
    const renamed = { ...b, theme: '情绪 ABC 模型与复盘', budget: 1200, teamIds: ['5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10'] };
    expect(diffPlanItems([a, b], [a, renamed]).changed).toEqual([{ id: 'b', theme: '情绪 ABC 模型与复盘', previousTheme: '情绪 ABC 模型', fields: ['theme', 'teamIds', 'budget'] }]);
  });
});

describe('planBudget', () => {
  it('adds the item budgets and keeps the overall budget apart', () => {
    expect(planBudget({ items: [item({ id: 'a', theme: 'x', budget: 1500.5 }), item({ id: 'b', theme: 'y' }), item({ id: 'c', theme: 'z', budget: 300 })], budget: 20000 })).toEqual({ itemsTotal: 1800.5, budget: 20000 });
  });
});

describe('normaliseSignInCode', () => {
  it('ignores case, spaces and dashes', () => {
    expect(normaliseSignInCode(' k7p-2 qx ')).toBe('K7P2QX');
  });
  it('uses no letter or digit that reads like another', () => {
    for (const ambiguous of ['I', 'L', 'O', '0', '1']) expect(SIGN_IN_CODE_ALPHABET).not.toContain(ambiguous);
  });
});

describe('request schemas', () => {
  it('refuses a plan item outside the plan year and a repeated item id', () => {
    const result = ZPlanInput.safeParse({ year: 2026, title: '2026 年度计划', content: { items: [item({ id: 'a', theme: '甲', date: '2027-01-05' }), item({ id: 'a', theme: '乙' })] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['content.items.0.date', 'content.items.1.id']);
  });
  it('refuses a session that ends before it starts', () => {
    const result = ZSessionInput.safeParse({ title: '演练', kind: 'drill', startsAt: '2026-03-12T06:00:00Z', endsAt: '2026-03-12T05:00:00Z' });
    expect(result.error?.issues[0]?.path).toEqual(['endsAt']);
  });
  it('asks for a reason for an excused absence', () => {
    const result = ZAttendanceMarks.safeParse({ marks: [{ userId: '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10', attendance: 'excused' }] });
    expect(result.error?.issues[0]?.path).toEqual(['marks', 0, 'reason']);
  });
});
