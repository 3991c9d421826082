import { describe, expect, it } from 'vitest';
import type { TQaStatsRow } from '../../api/qa';
import { compareNullable, conversationsLinkOf, dailyOption, dailySeries, FILL_DAYS_MAX, issueBars, issueOption, percentOf, statsFiltersFromParams, statsFiltersToParams, statsQuery, totalIssueRate, type TStatsChartWords } from './stats';

const TEAM = '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10';

function row(key: string, figures: Partial<TQaStatsRow> = {}): TQaStatsRow {
  return {
    key,
    name: key,
    conversations: 4,
    averageScore: 72.5,
    deEscalationRate: 0.75,
    highRiskConversations: 1,
    missedEscalations: 0,
    empathyRate: 60,
    averageFirstResponseSeconds: 30,
    averageResponseSeconds: 45,
    agentMessages: 20,
    issueRates: {},
    flagged: 1,
    ...figures,
  };
}

const WORDS: TStatsChartWords = {
  conversations: '对话数',
  averageScore: '平均分',
  deEscalation: '情绪平复率',
  countAxis: '通',
  percentAxis: '分 / %',
  day: (day) => day.slice(5).replace('-', '/'),
  issue: (category) => `«${category}»`,
  issueAxis: '每百条',
};

describe('dashboard filters in the address', () => {
  it.each([
    { whenAddressIs: '', expectedFiltersAre: {} },
    { whenAddressIs: 'from=2026-11-01&to=2026-11-30', expectedFiltersAre: { from: '2026-11-01', to: '2026-11-30' } },
    { whenAddressIs: `shop=${encodeURIComponent(' 心安生活馆 ')}&channel=${encodeURIComponent('抖音')}&teamId=${TEAM}`, expectedFiltersAre: { shop: '心安生活馆', channel: '抖音', teamId: TEAM } },
    { whenAddressIs: 'from=11/01/2026&to=yesterday', expectedFiltersAre: {} },
    { whenAddressIs: 'from=2026-11-30&to=2026-11-01', expectedFiltersAre: { from: '2026-11-30' } },
    { whenAddressIs: 'teamId=not-a-team&shop=', expectedFiltersAre: {} },
  ])('reads "$whenAddressIs"', ({ whenAddressIs, expectedFiltersAre }) => {
    expect(statsFiltersFromParams(new URLSearchParams(whenAddressIs))).toEqual(expectedFiltersAre);
  });

  it('writes back what it read, leaving empty filters out', () => {
    const filters = { from: '2026-11-01', to: '2026-11-30', shop: '心安生活馆', channel: '', teamId: TEAM };
    const params = statsFiltersToParams(filters);
    expect(params).toEqual({ from: '2026-11-01', to: '2026-11-30', shop: '心安生活馆', teamId: TEAM });
    expect(statsFiltersFromParams(new URLSearchParams(params))).toEqual({ from: '2026-11-01', to: '2026-11-30', shop: '心安生活馆', teamId: TEAM });
    expect(statsFiltersToParams({})).toEqual({});
  });

  it('asks for the totals and filter lists on one request only', () => {
    expect(statsQuery({ shop: '心安生活馆' }, 'day', true)).toEqual({ shop: '心安生活馆', groupBy: 'day', withSummary: 'true' });
    expect(statsQuery({ shop: '心安生活馆' }, 'agent')).toEqual({ shop: '心安生活馆', groupBy: 'agent' });
  });
});

describe('dailySeries', () => {
  it('fills the quiet days between the first and the last with zeros, not gaps', () => {
    const points = dailySeries([row('2026-11-07'), row('2026-11-10', { conversations: 2, averageScore: 50, deEscalationRate: 0.5 })]);
    expect(points.map((point) => point.day)).toEqual(['2026-11-07', '2026-11-08', '2026-11-09', '2026-11-10']);
    expect(points[1]).toEqual({ day: '2026-11-08', conversations: 0, averageScore: null, deEscalationPercent: null });
    expect(points[3]).toEqual({ day: '2026-11-10', conversations: 2, averageScore: 50, deEscalationPercent: 50 });
  });

  it('puts the days in order whatever order the rows come in, across a month end', () => {
    expect(dailySeries([row('2026-12-01'), row('2026-11-30')]).map((point) => point.day)).toEqual(['2026-11-30', '2026-12-01']);
  });

  it('covers the chosen date range, even days before the first conversation', () => {
    const points = dailySeries([row('2026-11-03')], { from: '2026-11-01', to: '2026-11-04' });
    expect(points.map((point) => point.conversations)).toEqual([0, 0, 4, 0]);
  });

  it('draws only the days with data when the span would be longer than a year', () => {
    const points = dailySeries([row('2025-01-01'), row('2026-11-01')]);
    expect(points.map((point) => point.day)).toEqual(['2025-01-01', '2026-11-01']);
    expect(dailySeries([row('2026-11-01')], { from: '2020-01-01' }).map((point) => point.day)).toEqual(['2026-11-01']);
    expect(dailySeries([row('2026-01-01'), row('2026-12-31')])).toHaveLength(365);
    expect(FILL_DAYS_MAX).toBeGreaterThanOrEqual(365);
  });

  it('is empty with no rows and no range, and ignores keys that are not days', () => {
    expect(dailySeries([])).toEqual([]);
    expect(dailySeries([row('all')])).toEqual([]);
  });
});

describe('figures', () => {
  it('turns a rate into a percentage with one decimal', () => {
    expect(percentOf(0.667)).toBe(66.7);
    expect(percentOf(0)).toBe(0);
    expect(percentOf(1)).toBe(100);
  });

  it('adds the rates of every kind of language to avoid', () => {
    expect(totalIssueRate({ excuse: 2.5, blame_shift: 1.25, command: 0 })).toBe(3.8);
    expect(totalIssueRate({})).toBe(0);
  });

  it('lists the kinds of language to avoid most frequent first, without zeros', () => {
    expect(issueBars({ excuse: 1.5, blame_shift: 4, command: 0, denial: 1.5 })).toEqual([
      ['blame_shift', 4],
      ['denial', 1.5],
      ['excuse', 1.5],
    ]);
  });

  it.each([
    { a: 1, b: 2, order: 'ascend' as const, expectedSign: -1 },
    { a: null, b: 2, order: 'ascend' as const, expectedSign: 1 },
    { a: null, b: 2, order: 'descend' as const, expectedSign: -1 },
    { a: 3, b: null, order: 'descend' as const, expectedSign: 1 },
    { a: null, b: null, order: 'ascend' as const, expectedSign: 0 },
  ])('sorts $a against $b ($order) with missing figures last', ({ a, b, order, expectedSign }) => {
    expect(Math.sign(compareNullable(a, b, order))).toBe(expectedSign);
  });
});

describe('chart options', () => {
  it('draws conversations as bars and the score and de-escalation rate as lines on a 0–100 axis', () => {
    const option = dailyOption(dailySeries([row('2026-11-07'), row('2026-11-09', { deEscalationRate: 0.5 })]), WORDS) as {
      xAxis: { data: string[] };
      yAxis: { max?: number }[];
      series: { name: string; type: string; yAxisIndex?: number; data: (number | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['11/07', '11/08', '11/09']);
    expect(option.series.map((series) => [series.name, series.type, series.yAxisIndex ?? 0])).toEqual([
      ['对话数', 'bar', 0],
      ['平均分', 'line', 1],
      ['情绪平复率', 'line', 1],
    ]);
    expect(option.series[0]!.data).toEqual([4, 0, 4]);
    expect(option.series[1]!.data).toEqual([72.5, null, 72.5]);
    expect(option.series[2]!.data).toEqual([75, null, 50]);
    expect(option.yAxis[1]!.max).toBe(100);
  });

  it('puts the most frequent kind of language on top of the bar chart, in the reader’s words', () => {
    const option = issueOption(issueBars({ excuse: 1.5, blame_shift: 4 }), WORDS) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    // Category axes draw bottom-up: the last entry is the top bar.
    expect(option.yAxis.data).toEqual(['«excuse»', '«blame_shift»']);
    expect(option.series[0]!.data).toEqual([1.5, 4]);
  });
});

describe('conversationsLinkOf', () => {
  const agent = '3b1c2d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
  it("links an agent's row to their conversations under the dashboard's filters", () => {
    expect(conversationsLinkOf('agent', agent, { from: '2026-11-01', shop: '心安旗舰店', teamId: agent })).toBe(`/qa?from=2026-11-01&shop=${encodeURIComponent('心安旗舰店')}&agentUserId=${agent}&teamId=${agent}`);
  });
  it("links a team's row by team, and an unmatched agent nowhere", () => {
    expect(conversationsLinkOf('team', agent, {})).toBe(`/qa?teamId=${agent}`);
    expect(conversationsLinkOf('agent', 'name:小周', {})).toBeNull();
  });
});
