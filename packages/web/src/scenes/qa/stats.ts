import type { TQaStatsQuery, TQaStatsRow } from '../../api/qa';
import type { TEChartOption } from '../../components/echart';

/**
 * The QA dashboard's pure parts: its filters in the address (/qa/stats?from=…&shop=…), the day
 * series with the quiet days filled in, the two charts' options and the figures of the KPI
 * cards and tables. No React, so each is tested on its own.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;
/** Beyond this many days the chart shows the days with data only: a filled year of zeros says nothing. */
export const FILL_DAYS_MAX = 366;

/** What the dashboard is filtered by. Every field optional: no filter is everything the caller may read. */
export interface TStatsFilters {
  from?: string;
  to?: string;
  shop?: string;
  channel?: string;
  teamId?: string;
}

const TEXT_KEYS = ['shop', 'channel'] as const;

/**
 * Reads the filters from the address; a value the API would refuse (a bad date, a team id that
 * is not a UUID, a date range backwards) is dropped so an old or hand-made link still opens.
 * @param params the page's search params
 * @returns the filters
 */
export function statsFiltersFromParams(params: URLSearchParams): TStatsFilters {
  const filters: TStatsFilters = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && DATE.test(from)) filters.from = from;
  if (to !== null && DATE.test(to) && (filters.from === undefined || to >= filters.from)) filters.to = to;
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value.slice(0, 200);
  }
  const teamId = params.get('teamId');
  if (teamId !== null && UUID.test(teamId)) filters.teamId = teamId;
  return filters;
}

/**
 * Writes the filters to the address, empty ones left out (/qa/stats stays /qa/stats).
 * @param filters the filters
 * @returns search params as a record
 */
export function statsFiltersToParams(filters: TStatsFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['from', 'to', 'shop', 'channel', 'teamId'] as const) {
    const value = filters[key]?.trim();
    if (value) params[key] = value;
  }
  return params;
}

/**
 * The API query of one of the dashboard's three requests.
 * @param filters the filters
 * @param groupBy agent, team or day
 * @param isSummary whether this request also brings the totals and the filter lists (the day one does)
 * @returns GET /api/qa/stats query values
 */
export function statsQuery(filters: TStatsFilters, groupBy: 'agent' | 'team' | 'day', isSummary = false): TQaStatsQuery {
  return { ...statsFiltersToParams(filters), groupBy, ...(isSummary ? { withSummary: 'true' as const } : {}) };
}

/** One day of the chart: nulls where the day had no conversation to average. */
export interface TDayPoint {
  day: string;
  conversations: number;
  averageScore: number | null;
  /** 0–100, one decimal. */
  deEscalationPercent: number | null;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The day rows as the chart draws them, every day from the first to the last present (a quiet
 * day is a zero, not a gap the line jumps over). The chosen date range widens the span so the
 * chart covers what was asked for, unless that would mean more than {@link FILL_DAYS_MAX} days.
 * @param rows GET /api/qa/stats?groupBy=day rows (keys YYYY-MM-DD)
 * @param range the filters' from and to
 * @returns one point per day, in order
 */
export function dailySeries(rows: readonly TQaStatsRow[], range: Pick<TStatsFilters, 'from' | 'to'> = {}): TDayPoint[] {
  const byDay = new Map(rows.filter((row) => DATE.test(row.key)).map((row) => [row.key, row]));
  const days = [...byDay.keys()].sort();
  const wanted = [range.from ?? days[0], range.to ?? days[days.length - 1]];
  let first = days[0];
  let last = days[days.length - 1];
  if (wanted[0] !== undefined && wanted[1] !== undefined && daysBetween(wanted[0], wanted[1]) <= FILL_DAYS_MAX) {
    first = first === undefined || wanted[0] < first ? wanted[0] : first;
    last = last === undefined || wanted[1] > last ? wanted[1] : last;
  }
  if (first === undefined || last === undefined) return [];
  const span = daysBetween(first, last);
  const keys = span <= FILL_DAYS_MAX ? Array.from({ length: span + 1 }, (_, i) => addDays(first, i)) : days;
  return keys.map((day) => {
    const row = byDay.get(day);
    return {
      day,
      conversations: row?.conversations ?? 0,
      averageScore: row?.averageScore ?? null,
      deEscalationPercent: row && row.conversations > 0 ? percentOf(row.deEscalationRate) : null,
    };
  });
}

/**
 * A share as a percentage with one decimal.
 * @param rate 0–1
 * @returns 0–100
 */
export function percentOf(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

/**
 * Language to avoid per 100 agent messages, all kinds together (a message may count under two).
 * @param issueRates the row's rates by category
 * @returns the sum, one decimal
 */
export function totalIssueRate(issueRates: Readonly<Record<string, number>>): number {
  return Math.round(Object.values(issueRates).reduce((sum, rate) => sum + rate, 0) * 10) / 10;
}

/**
 * The categories of language to avoid, most frequent first, for the bar chart.
 * @param issueRates rates per 100 agent messages by category
 * @returns [category, rate] pairs without zeros
 */
export function issueBars(issueRates: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(issueRates)
    .filter(([, rate]) => rate > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Orders two figures for a table column; a missing figure (no score, no response time) goes
 * last whichever way the column is sorted, as antd passes the direction.
 */
export function compareNullable(a: number | null, b: number | null, order: 'ascend' | 'descend' | null | undefined): number {
  if (a === null && b === null) return 0;
  if (a === null) return order === 'descend' ? -1 : 1;
  if (b === null) return order === 'descend' ? 1 : -1;
  return a - b;
}

/** Words and colours the charts need, in the reader's language. */
export interface TStatsChartWords {
  conversations: string;
  averageScore: string;
  deEscalation: string;
  countAxis: string;
  percentAxis: string;
  /** "12/01" from "2026-12-01". */
  day: (day: string) => string;
  issue: (category: string) => string;
  issueAxis: string;
}

const TEAL = '#2f7d8c';
const GREEN = '#389e0d';
const ORANGE = '#d46b08';
const BAR_GREY = 'rgba(47, 125, 140, 0.25)';

/**
 * The day chart: conversations as bars on the left axis, the average score and the
 * de-escalation rate as lines on the right one (both 0–100).
 * @param points dailySeries
 * @param words labels in the reader's language
 * @returns an ECharts option for components/echart.tsx
 */
export function dailyOption(points: readonly TDayPoint[], words: TStatsChartWords): TEChartOption {
  return {
    animation: false,
    color: [BAR_GREY, TEAL, GREEN],
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0, data: [words.conversations, words.averageScore, words.deEscalation] },
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((point) => words.day(point.day)), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: words.countAxis, minInterval: 1, nameTextStyle: { align: 'left' } },
      { type: 'value', name: words.percentAxis, min: 0, max: 100, interval: 25, splitLine: { show: false }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      { name: words.conversations, type: 'bar', barMaxWidth: 28, itemStyle: { color: BAR_GREY, borderRadius: [3, 3, 0, 0] }, data: points.map((point) => point.conversations) },
      { name: words.averageScore, type: 'line', yAxisIndex: 1, connectNulls: true, symbolSize: 6, lineStyle: { width: 2, color: TEAL }, itemStyle: { color: TEAL }, data: points.map((point) => point.averageScore) },
      {
        name: words.deEscalation,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        symbolSize: 6,
        lineStyle: { width: 2, color: GREEN, type: 'dashed' },
        itemStyle: { color: GREEN },
        data: points.map((point) => point.deEscalationPercent),
      },
    ],
  };
}

/**
 * The language bar chart: one horizontal bar per kind of language to avoid, the most frequent on top.
 * @param bars issueBars
 * @param words labels in the reader's language
 * @returns an ECharts option
 */
export function issueOption(bars: readonly [string, number][], words: TStatsChartWords): TEChartOption {
  // ECharts draws a category y axis from the bottom up: reversed, the largest bar is on top.
  const ordered = [...bars].reverse();
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    // The axis unit (per 100 agent messages) is said under the chart and in the tooltip.
    xAxis: { type: 'value', minInterval: 0.1, splitNumber: 3 },
    yAxis: { type: 'category', data: ordered.map(([category]) => words.issue(category)), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: words.issueAxis,
        barMaxWidth: 18,
        itemStyle: { color: ORANGE, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', color: '#5c6b70' },
        data: ordered.map(([, rate]) => rate),
      },
    ],
  };
}

/**
 * The conversation list behind one row of the dashboard's tables: that agent's (or that team's)
 * conversations under the same dates, shop and channel. Agents not matched to a person have no link.
 * @param kind which table the row is in
 * @param key the row's key (a user or team id; `name:…` for an unmatched agent)
 * @param filters the dashboard's filters
 * @returns the /qa address, or null
 */
export function conversationsLinkOf(kind: 'agent' | 'team', key: string, filters: TStatsFilters): string | null {
  if (!/^[0-9a-f-]{36}$/i.test(key)) return null;
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'shop', 'channel'] as const) if (filters[name]) params.set(name, filters[name]);
  if (kind === 'agent') {
    params.set('agentUserId', key);
    if (filters.teamId) params.set('teamId', filters.teamId);
  } else params.set('teamId', key);
  return `/qa?${params.toString()}`;
}
