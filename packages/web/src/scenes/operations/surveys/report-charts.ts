import type { TBreakdownCell, TQuestionStats } from '@calmdesk/shared';
import type { TEChartOption } from '../../../components/echart';

/**
 * ECharts options of the needs report, pure so they can be tested: the 1–5 bars of a Likert
 * statement, the counts of a choice question, and a breakdown by level or tenure band (the
 * Likert average per group, or each option's share per group). Hidden cells are left out of the
 * charts; the page says why beside them.
 */

/** Red for "strongly disagree" through green for "strongly agree". */
export const LIKERT_COLORS = ['#cf1322', '#fa8c16', '#bfbfbf', '#73d13d', '#389e0d'] as const;
const GROUP_COLORS = ['#2f7d8c', '#f6a04d', '#8c6bb1', '#5b8ff9', '#e8684a', '#9bc53d', '#6d7a80'];

export type TChartWords = {
  likert: readonly string[];
  people: string;
  average: string;
  share: string;
  group: (key: string) => string;
};

type TLikertStats = Extract<TQuestionStats, { kind: 'likert' }>;
type TChoiceStats = Extract<TQuestionStats, { kind: 'choice' }>;

/** Five bars, one per score, coloured from disagreement to agreement. */
export function likertOption(stats: TLikertStats, words: TChartWords): TEChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: words.likert.map((label, i) => `${i + 1} ${label}`), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: words.people,
        barMaxWidth: 36,
        data: stats.counts.map((value, i) => ({ value, itemStyle: { color: LIKERT_COLORS[i] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** Shorter labels for long option texts on an axis (the tooltip keeps the whole text). */
export function shortLabel(text: string, max = 14): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** Horizontal bars, most chosen on top, with the count and its share of those who answered. */
export function choiceOption(stats: TChoiceStats, words: TChartWords): TEChartOption {
  const rows = [...stats.counts].sort((a, b) => a.count - b.count);
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, show: false },
    yAxis: { type: 'category', data: rows.map((row) => row.option), axisLabel: { formatter: (value: string) => shortLabel(value, 16), fontSize: 12 } },
    series: [
      {
        type: 'bar',
        name: words.people,
        barMaxWidth: 22,
        itemStyle: { color: '#2f7d8c' },
        data: rows.map((row) => row.count),
        label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => (stats.answered === 0 ? `${value}` : `${value} · ${Math.round((value / stats.answered) * 100)}%`) },
      },
    ],
  };
}

/** The cells a chart can draw: shown and with answers. */
export function drawableCells(cells: readonly TBreakdownCell[]): TBreakdownCell[] {
  return cells.filter((cell) => cell.stats !== null && (cell.answered ?? 0) > 0);
}

/** The height a breakdown chart needs: a Likert one is fixed, a choice one grows with options × groups. */
export function breakdownHeight(type: 'likert' | 'single' | 'multiple', optionCount: number, groupCount: number): number {
  return type === 'likert' ? 220 : Math.max(200, 48 + optionCount * (groupCount * 11 + 14));
}

/**
 * A breakdown: for a Likert statement, the average per group (1–5); for a choice question, each
 * option's share (%) of those in the group who answered, one bar series per group.
 * @returns null when no group can be drawn
 */
export function breakdownOption(type: 'likert' | 'single' | 'multiple', cells: readonly TBreakdownCell[], options: readonly string[], words: TChartWords): TEChartOption | null {
  const shown = drawableCells(cells);
  if (shown.length === 0) return null;
  if (type === 'likert') {
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: shown.map((cell) => words.group(cell.key)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1 },
      series: [
        {
          type: 'bar',
          name: words.average,
          barMaxWidth: 40,
          data: shown.map((cell, i) => ({ value: cell.stats?.kind === 'likert' ? cell.stats.average : null, itemStyle: { color: GROUP_COLORS[i % GROUP_COLORS.length] } })),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }
  // Options down the side (their texts are long), one bar per group within each option.
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: shown.map((cell) => words.group(cell.key)) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => `${value}%` },
    yAxis: { type: 'category', inverse: true, data: [...options], axisLabel: { formatter: (value: string) => shortLabel(value, 14), fontSize: 12 } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: shown.map((cell, i) => {
      const stats = cell.stats as TChoiceStats;
      return {
        type: 'bar',
        name: words.group(cell.key),
        barMaxWidth: 12,
        itemStyle: { color: GROUP_COLORS[i % GROUP_COLORS.length] },
        data: options.map((option) => {
          const count = stats.counts.find((c) => c.option === option)?.count ?? 0;
          return stats.answered === 0 ? 0 : Math.round((count / stats.answered) * 100);
        }),
      };
    }),
  };
}
