import type { TDidRow, TEvalMetric, TKpiMapping, TLevelFigures } from '@calmdesk/shared';
import type { TEChartOption } from '../../components/echart';

/**
 * The dashboard's figures as the pages show them: which figure belongs to which level, how it
 * is written (score, %, minutes), which method explains it, whether a level has data at all,
 * and the chart options. Pure, so it is tested without a browser.
 */

export const LEVELS = ['reaction', 'learning', 'behaviour', 'results'] as const;
export type TLevel = (typeof LEVELS)[number];

export type TFigureKey =
  | 'reactionScore'
  | 'responseRate'
  | 'examAverage'
  | 'examPassRate'
  | 'roleplayAverage'
  | 'qaScore'
  | 'empathyRate'
  | 'deEscalationRate'
  | 'missedEscalations'
  | 'csat'
  | 'complaintRate'
  | 'repurchaseRate'
  | 'resolutionMinutes'
  | 'escalationRate';

export type TUnit = 'score5' | 'score' | 'percent' | 'count' | 'minutes';

export interface TFigureDef {
  level: TLevel;
  unit: TUnit;
  /** The anchor of its explanation on /evaluation/methods. */
  method: TEvalMetric;
  pick: (figures: TLevelFigures) => number | null;
  /** For the charts' y axis: a fixed top, or fitted to the data. */
  axisMax?: number;
}

export const FIGURES: Record<TFigureKey, TFigureDef> = {
  reactionScore: { level: 'reaction', unit: 'score5', method: 'reaction-score', pick: (f) => f.reaction.score, axisMax: 5 },
  responseRate: { level: 'reaction', unit: 'percent', method: 'reaction-response-rate', pick: (f) => f.reaction.responseRate, axisMax: 100 },
  examAverage: { level: 'learning', unit: 'score', method: 'exam-average', pick: (f) => f.learning.examAverage, axisMax: 100 },
  examPassRate: { level: 'learning', unit: 'percent', method: 'exam-pass-rate', pick: (f) => f.learning.examPassRate, axisMax: 100 },
  roleplayAverage: { level: 'learning', unit: 'score', method: 'roleplay-average', pick: (f) => f.learning.roleplayAverage, axisMax: 100 },
  qaScore: { level: 'behaviour', unit: 'score', method: 'qa-score', pick: (f) => f.behaviour.qaScore, axisMax: 100 },
  empathyRate: { level: 'behaviour', unit: 'percent', method: 'qa-empathy', pick: (f) => f.behaviour.empathyRate, axisMax: 100 },
  deEscalationRate: { level: 'behaviour', unit: 'percent', method: 'qa-de-escalation', pick: (f) => f.behaviour.deEscalationRate, axisMax: 100 },
  // A count, but only of something when there were conversations: none is no data, not zero.
  missedEscalations: { level: 'behaviour', unit: 'count', method: 'qa-missed-escalations', pick: (f) => (f.behaviour.conversations > 0 ? f.behaviour.missedEscalations : null) },
  csat: { level: 'results', unit: 'percent', method: 'kpi-csat', pick: (f) => f.results.csat },
  complaintRate: { level: 'results', unit: 'percent', method: 'kpi-complaint-rate', pick: (f) => f.results.complaintRate },
  repurchaseRate: { level: 'results', unit: 'percent', method: 'kpi-repurchase-rate', pick: (f) => f.results.repurchaseRate },
  resolutionMinutes: { level: 'results', unit: 'minutes', method: 'kpi-resolution-minutes', pick: (f) => f.results.resolutionMinutes },
  escalationRate: { level: 'results', unit: 'percent', method: 'kpi-escalation-rate', pick: (f) => f.results.escalationRate },
};

/** Each level's figures, the main one first. */
export const LEVEL_FIGURES: Record<TLevel, TFigureKey[]> = {
  reaction: ['reactionScore', 'responseRate'],
  learning: ['examAverage', 'examPassRate', 'roleplayAverage'],
  behaviour: ['qaScore', 'empathyRate', 'deEscalationRate', 'missedEscalations'],
  results: ['csat', 'complaintRate', 'repurchaseRate', 'resolutionMinutes', 'escalationRate'],
};

/** The method anchor of each KPI, for the before/after table. */
export const KPI_METHOD: Record<TDidRow['field'], TEvalMetric> = {
  csat: 'kpi-csat',
  complaintRate: 'kpi-complaint-rate',
  repurchaseRate: 'kpi-repurchase-rate',
  resolutionMinutes: 'kpi-resolution-minutes',
  escalationRate: 'kpi-escalation-rate',
};

/**
 * Whether a level has anything to show: a level with no records gets an empty state that says
 * what to do, never a row of zeros.
 */
export function hasLevelData(level: TLevel, figures: TLevelFigures): boolean {
  if (level === 'reaction') return figures.reaction.responses > 0 || figures.reaction.invited > 0;
  if (level === 'learning') return figures.learning.examAttempts + figures.learning.roleplayAttempts > 0;
  if (level === 'behaviour') return figures.behaviour.conversations > 0;
  return figures.results.records > 0;
}

/**
 * A figure as text: 4.25 / 5, 86.4%, 7.5 (minutes get their unit from the caller), "—" when missing.
 * @param value the figure, or null
 * @param unit how it is measured
 * @param none what to write for a missing value
 */
export function formatFigure(value: number | null, unit: TUnit, none = '—'): string {
  if (value === null) return none;
  if (unit === 'percent') return `${trim(value, value < 10 ? 2 : 1)}%`;
  if (unit === 'score5') return trim(value, 2);
  if (unit === 'count') return String(value);
  return trim(value, 1);
}

function trim(value: number, digits: number): string {
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** A signed change: +2.5, −0.3. */
export function formatChange(value: number | null, unit: TUnit): string {
  if (value === null) return '—';
  const text = formatFigure(Math.abs(value), unit);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** The unit of a KPI. */
export function kpiUnit(field: TDidRow['field']): TUnit {
  return field === 'resolutionMinutes' ? 'minutes' : 'percent';
}

// ---------------------------------------------------------------------------------------
// Charts

const COLOURS = ['#2f7d8c', '#d4862a', '#6b5bb5', '#3c8d4f', '#c0504d', '#4b7bb5', '#8c6d2f', '#b55b8f'];

export type TLineSeries = { name: string; values: readonly (number | null)[]; isMain?: boolean };

/** Words the charts show, in the reader's language. */
export interface TChartWords {
  month: (month: string) => string;
  value: (value: number) => string;
}

/** Whether any line has a point: a chart without one shows a sentence instead. */
export function hasSeriesData(series: readonly TLineSeries[]): boolean {
  return series.some((s) => s.values.some((v) => v !== null));
}

/**
 * Lines over months: the whole group bold, each team thin; a month without data is a gap.
 * @param months YYYY-MM in order
 * @param axisMax a fixed top of the y axis (5 for Likert, 100 for scores and rates), or fitted
 */
export function lineOption(months: readonly string[], series: readonly TLineSeries[], words: TChartWords, axisMax?: number): TEChartOption {
  return {
    animation: false,
    color: COLOURS,
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    legend: { top: 0, type: 'scroll', show: series.length > 1 },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? words.value(value) : '—') },
    xAxis: { type: 'category', data: months.map(words.month), boundaryGap: false },
    yAxis: { type: 'value', min: 0, ...(axisMax !== undefined ? { max: axisMax } : {}), axisLabel: { formatter: (value: number) => words.value(value) } },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      data: s.values.map((v) => (v === null ? null : v)),
      connectNulls: false,
      symbolSize: s.isMain ? 7 : 5,
      lineStyle: { width: s.isMain ? 3 : 1.5 },
      z: s.isMain ? 3 : 2,
    })),
  };
}

/**
 * Teams side by side on one figure.
 * @param bars team name and value; teams without a value show no bar
 */
export function barOption(bars: readonly { name: string; value: number | null }[], words: TChartWords, axisMax?: number): TEChartOption {
  return {
    animation: false,
    color: COLOURS,
    grid: { left: 44, right: 16, top: 20, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? words.value(value) : '—') },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, overflow: 'truncate', width: 110 } },
    yAxis: { type: 'value', min: 0, ...(axisMax !== undefined ? { max: axisMax } : {}), axisLabel: { formatter: (value: number) => words.value(value) } },
    series: [{ type: 'bar', data: bars.map((b) => b.value), barMaxWidth: 48, label: { show: true, position: 'top', formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? words.value(value) : '') } }],
  };
}

// ---------------------------------------------------------------------------------------
// KPI import

/** The template offered for download: the headers the server recognises, two example rows. */
export function kpiTemplateCsv(): string {
  const rows = [
    ['工号', '月份', '满意度(%)', '投诉率(%)', '复购率(%)', '平均处理时长(分钟)', '升级率(%)'],
    ['agent01', '2026-10', '92.5', '0.8', '31.2', '6.5', '1.2'],
    ['agent02', '2026-10', '88.0', '1.1', '28.5', '7.2', '2.0'],
  ];
  // A byte-order mark, so Excel opens the Chinese headers as UTF-8.
  return `\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

/** The mapping without unset fields, as the upload query wants it. */
export function cleanMapping(mapping: TKpiMapping): TKpiMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => typeof column === 'string' && column !== '')) as TKpiMapping;
}
