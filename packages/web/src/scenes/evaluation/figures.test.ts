import type { TLevelFigures } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { cleanMapping, formatChange, formatFigure, hasLevelData, hasSeriesData, kpiTemplateCsv, lineOption } from './figures';
import { filtersFromParams, filtersToParams, rangeSearch } from './range';

const EMPTY: TLevelFigures = {
  reaction: { score: null, responses: 0, invited: 0, responded: 0, responseRate: null },
  learning: { examAverage: null, examPassRate: null, examAttempts: 0, roleplayAverage: null, roleplayAttempts: 0 },
  behaviour: { qaScore: null, empathyRate: null, deEscalationRate: null, missedEscalations: 0, conversations: 0 },
  results: { csat: null, complaintRate: null, repurchaseRate: null, resolutionMinutes: null, escalationRate: null, records: 0 },
};

describe('hasLevelData', () => {
  it('says a level without records has nothing to show, so the page explains instead of showing zeros', () => {
    for (const level of ['reaction', 'learning', 'behaviour', 'results'] as const) expect(hasLevelData(level, EMPTY)).toBe(false);
  });

  it.each([
    { whenInputIs: { ...EMPTY, reaction: { ...EMPTY.reaction, invited: 3 } }, level: 'reaction' as const },
    { whenInputIs: { ...EMPTY, learning: { ...EMPTY.learning, roleplayAttempts: 1 } }, level: 'learning' as const },
    { whenInputIs: { ...EMPTY, behaviour: { ...EMPTY.behaviour, conversations: 2 } }, level: 'behaviour' as const },
    { whenInputIs: { ...EMPTY, results: { ...EMPTY.results, records: 1 } }, level: 'results' as const },
  ])('sees data for $level', ({ whenInputIs, level }) => {
    expect(hasLevelData(level, whenInputIs)).toBe(true);
  });
});

describe('formatFigure and formatChange', () => {
  it.each([
    { whenInputIs: [86.44, 'percent'], expectedOutputIs: '86.4%' },
    { whenInputIs: [0.853, 'percent'], expectedOutputIs: '0.85%' },
    { whenInputIs: [4.256, 'score5'], expectedOutputIs: '4.26' },
    { whenInputIs: [72, 'score'], expectedOutputIs: '72' },
    { whenInputIs: [7.25, 'minutes'], expectedOutputIs: '7.3' },
    { whenInputIs: [3, 'count'], expectedOutputIs: '3' },
    { whenInputIs: [null, 'percent'], expectedOutputIs: '—' },
  ] as const)('$whenInputIs -> $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(formatFigure(whenInputIs[0], whenInputIs[1])).toBe(expectedOutputIs);
  });

  it('signs changes with a true minus', () => {
    expect(formatChange(2.5, 'percent')).toBe('+2.5%');
    expect(formatChange(-0.3, 'minutes')).toBe('−0.3');
    expect(formatChange(0, 'percent')).toBe('0%');
    expect(formatChange(null, 'percent')).toBe('—');
  });
});

describe('lineOption', () => {
  const words = { month: (m: string) => m, value: (v: number) => `${v}` };

  it('keeps months without data as gaps and draws the whole group bold', () => {
    const option = lineOption(['2026-09', '2026-10'], [{ name: '全部', values: [null, 80], isMain: true }, { name: '售前组', values: [70, 82] }], words, 100) as { series: { data: unknown[]; lineStyle: { width: number } }[]; yAxis: { max: number } };
    expect(option.series[0]!.data).toEqual([null, 80]);
    expect(option.series[0]!.lineStyle.width).toBeGreaterThan(option.series[1]!.lineStyle.width);
    expect(option.yAxis.max).toBe(100);
  });

  it('tells a chart with no point from one with some, so the page can say there is no data', () => {
    expect(hasSeriesData([{ name: '全部', values: [null, null] }])).toBe(false);
    expect(hasSeriesData([{ name: '全部', values: [null] }, { name: '售后组', values: [0] }])).toBe(true);
  });
});

describe('KPI import helpers', () => {
  it('offers a template with the headers the server recognises, readable by Excel', () => {
    const csv = kpiTemplateCsv();
    expect(csv.startsWith('\uFEFF工号,月份,满意度(%)')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(3);
  });

  it('leaves unset columns out of the mapping', () => {
    expect(cleanMapping({ person: '工号', month: '', csat: undefined })).toEqual({ person: '工号' });
  });
});

describe('filters in the address', () => {
  it('keeps months and a team id, and drops anything else', () => {
    const params = new URLSearchParams('from=2026-06&to=2026-13&teamId=not-an-id&x=1');
    expect(filtersFromParams(params)).toEqual({ from: '2026-06', to: undefined, teamId: undefined });
    expect(filtersToParams({ from: '2026-06', to: undefined })).toEqual({ from: '2026-06' });
    expect(rangeSearch({ from: '2026-06', to: '2026-11', teamId: '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10' })).toBe('?from=2026-06&to=2026-11');
    expect(rangeSearch({})).toBe('');
  });
});
