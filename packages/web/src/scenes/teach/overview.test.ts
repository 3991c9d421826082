import { describe, expect, it } from 'vitest';
import type { TOverviewRow } from '../../api/teach';
import { filterOverviewRows, overviewTeams, progressPercent, summariseTeams } from './overview';

const COURSE_A = '00000000-0000-4000-8000-00000000000a';
const COURSE_B = '00000000-0000-4000-8000-00000000000b';

function row(name: string, teams: string[], overrides: Partial<TOverviewRow> = {}): TOverviewRow {
  return {
    user: { id: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`, displayName: name },
    teamNames: teams,
    courseId: COURSE_A,
    courseTitle: { zh: '认识情绪', en: 'Understanding emotions' },
    quizAverage: null,
    lessonsDone: 0,
    lessonCount: 6,
    dueDate: null,
    completedAt: null,
    isOverdue: false,
    ...overrides,
  };
}

const ROWS = [
  row('王小明', ['售前咨询组'], { lessonsDone: 6, completedAt: '2026-03-01T08:00:00.000Z' }),
  row('李娜', ['售前咨询组', '售后服务组'], { isOverdue: true, dueDate: '2026-01-10' }),
  row('Zhang Wei', ['售后服务组'], { courseId: COURSE_B }),
  row('赵敏', []),
];

describe('filterOverviewRows', () => {
  it('keeps every row when no filter is set', () => {
    expect(filterOverviewRows(ROWS, { isOverdueOnly: false, search: '' })).toHaveLength(4);
  });

  it('narrows to a team, a course, the overdue ones and a name, together', () => {
    expect(filterOverviewRows(ROWS, { team: '售后服务组', isOverdueOnly: false, search: '' }).map((r) => r.user.displayName)).toEqual(['李娜', 'Zhang Wei']);
    expect(filterOverviewRows(ROWS, { courseId: COURSE_B, isOverdueOnly: false, search: '' }).map((r) => r.user.displayName)).toEqual(['Zhang Wei']);
    expect(filterOverviewRows(ROWS, { isOverdueOnly: true, search: '' }).map((r) => r.user.displayName)).toEqual(['李娜']);
    expect(filterOverviewRows(ROWS, { team: '售前咨询组', isOverdueOnly: true, search: '李' }).map((r) => r.user.displayName)).toEqual(['李娜']);
  });

  it('searches names in any case and ignores surrounding spaces', () => {
    expect(filterOverviewRows(ROWS, { isOverdueOnly: false, search: '  zhang ' }).map((r) => r.user.displayName)).toEqual(['Zhang Wei']);
  });
});

describe('progressPercent', () => {
  it.each([
    { done: 0, count: 6, expected: 0 },
    { done: 3, count: 6, expected: 50 },
    { done: 1, count: 3, expected: 33 },
    { done: 6, count: 6, expected: 100 },
    { done: 2, count: 0, expected: 0 },
    { done: 7, count: 6, expected: 100 },
  ])('$done of $count lessons is $expected%', ({ done, count, expected }) => {
    expect(progressPercent(done, count)).toBe(expected);
  });
});

describe('summariseTeams', () => {
  it('counts a person in each of their teams and gathers people without a team last', () => {
    const summary = summariseTeams(ROWS, '未分组');
    expect(summary.map((s) => s.team)).toEqual(['售后服务组', '售前咨询组', '未分组']);
    const presale = summary.find((s) => s.team === '售前咨询组')!;
    expect(presale).toMatchObject({ enrolments: 2, completed: 1, completionRate: 50, overdue: 1 });
    const aftersale = summary.find((s) => s.team === '售后服务组')!;
    expect(aftersale).toMatchObject({ enrolments: 2, completed: 0, completionRate: 0, overdue: 1 });
    expect(summary.at(-1)).toMatchObject({ team: '未分组', enrolments: 1 });
  });

  it('is empty for no rows', () => {
    expect(summariseTeams([], '未分组')).toEqual([]);
  });
});

describe('overviewTeams', () => {
  it('lists each team once', () => {
    expect(overviewTeams(ROWS)).toEqual(['售后服务组', '售前咨询组']);
  });
});
