import { describe, expect, it } from 'vitest';
import { kpiReject, kpiRejectReasonZh, missingMappingParts, parseDay, parseMonth, parseNumberCell, readKpiRow, suggestKpiMapping, type TKpiPeopleLookup, type TKpiPerson } from './kpi-rows.js';

const LI: TKpiPerson = { id: 'u-li', login: 'agent01', displayName: '李思琪' };
const CHEN_A: TKpiPerson = { id: 'u-chen-a', login: 'agent02', displayName: '陈雨桐' };
const CHEN_B: TKpiPerson = { id: 'u-chen-b', login: 'agent03', displayName: '陈雨桐' };
const WANG: TKpiPerson = { id: 'u-wang', login: 'agent04', displayName: '王晓雯' };

function lookup(allowed?: string[]): TKpiPeopleLookup {
  const people = [LI, CHEN_A, CHEN_B, WANG];
  const byName = new Map<string, TKpiPerson[]>();
  for (const p of people) byName.set(p.displayName, [...(byName.get(p.displayName) ?? []), p]);
  return { byLogin: new Map(people.map((p) => [p.login, p])), byName, allowed: allowed ? new Set(allowed) : undefined };
}

describe('suggestKpiMapping', () => {
  it.each([
    {
      whenInputIs: ['工号', '月份', '满意度(%)', '投诉率(%)', '复购率(%)', '平均处理时长(分钟)', '升级率(%)'],
      expectedOutputIs: { person: '工号', month: '月份', csat: '满意度(%)', complaintRate: '投诉率(%)', repurchaseRate: '复购率(%)', resolutionMinutes: '平均处理时长(分钟)', escalationRate: '升级率(%)' },
    },
    {
      whenInputIs: ['Login', 'Period start', 'Period end', 'CSAT %', 'Complaint rate %', 'Repurchase rate %', 'Resolution time (min)', 'Escalation rate %'],
      expectedOutputIs: { person: 'Login', periodStart: 'Period start', periodEnd: 'Period end', csat: 'CSAT %', complaintRate: 'Complaint rate %', repurchaseRate: 'Repurchase rate %', resolutionMinutes: 'Resolution time (min)', escalationRate: 'Escalation rate %' },
    },
    // 客服满意度 is satisfaction, not the person (客服); 客服姓名 is the person.
    { whenInputIs: ['客服姓名', '统计月份', '客服满意度', '客诉率'], expectedOutputIs: { person: '客服姓名', month: '统计月份', csat: '客服满意度', complaintRate: '客诉率' } },
    { whenInputIs: ['姓名', '开始日期', '截止日期', 'AHT'], expectedOutputIs: { person: '姓名', periodStart: '开始日期', periodEnd: '截止日期', resolutionMinutes: 'AHT' } },
    { whenInputIs: ['备注', 'total'], expectedOutputIs: {} },
  ])('$whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(suggestKpiMapping(whenInputIs)).toEqual(expectedOutputIs);
  });
});

describe('missingMappingParts', () => {
  it('asks for a person, a period and at least one KPI', () => {
    expect(missingMappingParts({})).toEqual(['person', 'period', 'kpi']);
    expect(missingMappingParts({ person: 'a', periodStart: 'b', periodEnd: 'c', csat: 'd' })).toEqual([]);
    expect(missingMappingParts({ person: 'a', month: 'b', escalationRate: 'c' })).toEqual([]);
  });
});

describe('cells', () => {
  it.each([
    { whenInputIs: '2026-10', expectedOutputIs: '2026-10' },
    { whenInputIs: '2026/9', expectedOutputIs: '2026-09' },
    { whenInputIs: '2026年10月', expectedOutputIs: '2026-10' },
    { whenInputIs: '202610', expectedOutputIs: '2026-10' },
    { whenInputIs: '２０２６－１０', expectedOutputIs: '2026-10' },
    { whenInputIs: '2026-10-01', expectedOutputIs: '2026-10' },
    { whenInputIs: new Date(Date.UTC(2026, 9, 1)), expectedOutputIs: '2026-10' },
    { whenInputIs: '2026-13', expectedOutputIs: null },
    { whenInputIs: '十月', expectedOutputIs: null },
  ])('month $whenInputIs -> $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(parseMonth(whenInputIs)).toBe(expectedOutputIs);
  });

  it.each([
    { whenInputIs: '2026-10-01', expectedOutputIs: '2026-10-01' },
    { whenInputIs: '2026/2/28', expectedOutputIs: '2026-02-28' },
    { whenInputIs: '2026年10月31日', expectedOutputIs: '2026-10-31' },
    { whenInputIs: '20261031', expectedOutputIs: '2026-10-31' },
    { whenInputIs: 46296, expectedOutputIs: '2026-10-01' },
    { whenInputIs: '2026-02-30', expectedOutputIs: null },
    { whenInputIs: 'soon', expectedOutputIs: null },
  ])('day $whenInputIs -> $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(parseDay(whenInputIs)).toBe(expectedOutputIs);
  });

  it.each([
    { whenInputIs: '96.5', expectedOutputIs: { ok: true, value: 96.5, hasPercentSign: false } },
    { whenInputIs: '96.5%', expectedOutputIs: { ok: true, value: 96.5, hasPercentSign: true } },
    { whenInputIs: '９６．５％', expectedOutputIs: { ok: true, value: 96.5, hasPercentSign: true } },
    { whenInputIs: '1,234', expectedOutputIs: { ok: true, value: 1234, hasPercentSign: false } },
    { whenInputIs: '12.5分钟', expectedOutputIs: { ok: true, value: 12.5, hasPercentSign: false } },
    { whenInputIs: ' ', expectedOutputIs: { ok: true, value: null, hasPercentSign: false } },
    { whenInputIs: 0.8, expectedOutputIs: { ok: true, value: 0.8, hasPercentSign: false } },
    { whenInputIs: '九十', expectedOutputIs: { ok: false } },
    { whenInputIs: '9o', expectedOutputIs: { ok: false } },
  ])('number $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(parseNumberCell(whenInputIs)).toEqual(expectedOutputIs);
  });
});

describe('readKpiRow', () => {
  const mapping = { person: '工号', month: '月份', csat: '满意度', complaintRate: '投诉率', resolutionMinutes: '处理时长' };
  const row = (fields: Record<string, unknown>) => readKpiRow(7, { 工号: 'agent01', 月份: '2026-10', 满意度: '92.5', 投诉率: '0.8', 处理时长: '6.5', ...fields }, mapping, lookup());

  it('reads a good row: the person by login, the month as its first and last day, unmapped KPIs as null', () => {
    expect(row({})).toEqual({
      ok: true,
      person: LI,
      personText: 'agent01',
      periodStart: '2026-10-01',
      periodEnd: '2026-10-31',
      values: { csat: 92.5, complaintRate: 0.8, repurchaseRate: null, resolutionMinutes: 6.5, escalationRate: null },
    });
  });

  it('finds a person by a name only one person has, and by a login in any case', () => {
    expect(row({ 工号: '王晓雯' })).toMatchObject({ ok: true, person: WANG });
    expect(row({ 工号: 'AGENT01' })).toMatchObject({ ok: true, person: LI });
  });

  it.each([
    { whenInputIs: { 工号: '' }, expectedOutputIs: { code: 'missing_person' } },
    { whenInputIs: { 工号: '张无名' }, expectedOutputIs: { code: 'unknown_person', value: '张无名' } },
    { whenInputIs: { 工号: '陈雨桐' }, expectedOutputIs: { code: 'ambiguous_person', value: '陈雨桐' } },
    { whenInputIs: { 月份: '' }, expectedOutputIs: { code: 'missing_period' } },
    { whenInputIs: { 月份: '十月' }, expectedOutputIs: { code: 'bad_month', value: '十月' } },
    { whenInputIs: { 满意度: '很好' }, expectedOutputIs: { code: 'bad_number', field: 'csat', value: '很好' } },
    { whenInputIs: { 满意度: '120' }, expectedOutputIs: { code: 'out_of_range', field: 'csat', value: '120' } },
    { whenInputIs: { 投诉率: '-1' }, expectedOutputIs: { code: 'out_of_range', field: 'complaintRate' } },
    { whenInputIs: { 处理时长: '20000' }, expectedOutputIs: { code: 'out_of_range', field: 'resolutionMinutes' } },
    { whenInputIs: { 满意度: 0.925 }, expectedOutputIs: { code: 'looks_like_fraction', field: 'csat' } },
    { whenInputIs: { 满意度: '', 投诉率: '', 处理时长: '' }, expectedOutputIs: { code: 'no_values' } },
  ])('rejects $whenInputIs with $expectedOutputIs.code, row number kept', ({ whenInputIs, expectedOutputIs }) => {
    const result = row(whenInputIs);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reject).toMatchObject({ rowNumber: 7, ...expectedOutputIs });
      expect(result.reject.reason.length).toBeGreaterThan(5);
    }
  });

  it('accepts satisfaction written with a percent sign even when small', () => {
    expect(row({ 满意度: '0.9%' })).toMatchObject({ ok: true, values: { csat: 0.9 } });
  });

  it('rejects a period that ends before it starts or lasts more than a year', () => {
    const dated = { person: '工号', periodStart: '开始', periodEnd: '结束', csat: '满意度' };
    const read = (start: string, end: string) => readKpiRow(3, { 工号: 'agent01', 开始: start, 结束: end, 满意度: '90' }, dated, lookup());
    expect(read('2026-10-31', '2026-10-01')).toMatchObject({ ok: false, reject: { code: 'end_before_start', value: '2026-10-31 – 2026-10-01' } });
    expect(read('2025-01-01', '2026-06-30')).toMatchObject({ ok: false, reject: { code: 'period_too_long' } });
    expect(read('2026-10-01', '2026-12-31')).toMatchObject({ ok: true, periodStart: '2026-10-01', periodEnd: '2026-12-31' });
    expect(read('2026-10-01', 'later')).toMatchObject({ ok: false, reject: { code: 'bad_date', field: 'periodEnd' } });
    // A month in the start column alone stands for that month.
    expect(read('2026-10', '')).toMatchObject({ ok: true, periodStart: '2026-10-01', periodEnd: '2026-10-31' });
  });

  it('rejects people outside the importer’s teams', () => {
    const result = readKpiRow(2, { 工号: 'agent04', 月份: '2026-10', 满意度: '90' }, mapping, lookup([LI.id]));
    expect(result).toMatchObject({ ok: false, reject: { code: 'not_your_team', value: 'agent04' }, person: WANG });
  });
});

describe('reasons in Chinese', () => {
  it('names the field and value as a Chinese reader knows them', () => {
    expect(kpiRejectReasonZh(kpiReject(4, 'bad_number', { field: 'csat', value: '很好' }))).toBe('满意度「很好」不是数字');
    expect(kpiRejectReasonZh(kpiReject(8, 'duplicate', { field: 'person', value: 'agent01', otherRow: 2 }))).toBe('与第 2 行的人员和周期相同');
  });
});
