import type { TEChartOption } from '../../components/echart';
import { CALM_TEMPERATURE, type TRiskLevel, type TTrajectoryPoint } from './analysis';

/**
 * The ECharts option of the customer's temperature, message by message: a line over the
 * customer messages, each point coloured by its risk, the calm line dashed, the message the
 * escalation status is about drawn larger. Pure, so its content is tested without a DOM.
 */

/** The analyzer's risk colours (labels.ts RISK_COLOR), repeated here to keep this file free of React. */
const RISK_POINT_COLOR: Record<TRiskLevel, string> = { low: '#389e0d', medium: '#d46b08', high: '#cf1322' };
const LINE_COLOR = '#2f7d8c';
const TOOLTIP_TEXT_MAX = 40;

/**
 * Escapes text for ECharts' HTML tooltips: customer messages are whatever people typed.
 * @param text any text
 * @returns the text with & < > " ' as entities
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Words the chart needs, in the reader's language. */
export interface TTrajectoryWords {
  axisName: string;
  calmLine: string;
  /** "第 {n} 条" or "#n": the x axis label of a customer message. */
  messageLabel: (ordinal: number) => string;
  emotion: (code: string) => string;
  risk: (level: TRiskLevel) => string;
  temperature: (value: number) => string;
  time: (at: string) => string;
}

/**
 * The chart's option.
 * @param points the customer messages (trajectorySeries)
 * @param focusIndex the message index to mark (escalationFocus), or null
 * @param words labels in the reader's language
 * @returns an ECharts option for components/echart.tsx
 */
export function trajectoryOption(points: readonly TTrajectoryPoint[], focusIndex: number | null, words: TTrajectoryWords): TEChartOption {
  const tooltipOf = (point: TTrajectoryPoint) => {
    const text = point.text.length > TOOLTIP_TEXT_MAX ? `${point.text.slice(0, TOOLTIP_TEXT_MAX - 1)}…` : point.text;
    const head = [words.messageLabel(point.ordinal), point.at ? words.time(point.at) : ''].filter(Boolean).join(' · ');
    return `${escapeHtml(head)}<br/><b>${escapeHtml(words.temperature(point.temperature))}</b> · ${escapeHtml(words.emotion(point.emotion))} · ${escapeHtml(words.risk(point.risk))}<br/><span style="color:#666">${escapeHtml(text)}</span>`;
  };
  return {
    // A report, not a show: the points are there at once (and in screenshots).
    animation: false,
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      // A function, not a string: a string is a template, and a customer's "{b}" would be replaced.
      formatter: (params: { dataIndex?: number }) => {
        const point = points[params.dataIndex ?? -1];
        return point ? tooltipOf(point) : '';
      },
    },
    xAxis: { type: 'category', data: points.map((point) => words.messageLabel(point.ordinal)), boundaryGap: points.length === 1, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 25, name: words.axisName, nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'line',
        smooth: 0.25,
        lineStyle: { color: LINE_COLOR, width: 2 },
        areaStyle: { color: 'rgba(47, 125, 140, 0.08)' },
        data: points.map((point) => ({
          value: point.temperature,
          symbol: point.index === focusIndex ? 'diamond' : 'circle',
          symbolSize: point.index === focusIndex ? 16 : point.risk === 'high' ? 11 : 8,
          itemStyle: { color: RISK_POINT_COLOR[point.risk], borderColor: '#fff', borderWidth: 1.5 },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          label: { formatter: words.calmLine, position: 'insideEndTop', color: '#8c8c8c' },
          data: [{ yAxis: CALM_TEMPERATURE }],
        },
      },
    ],
  };
}
