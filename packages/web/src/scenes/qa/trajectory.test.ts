import { describe, expect, it } from 'vitest';
import type { TTrajectoryPoint } from './analysis';
import { escapeHtml, trajectoryOption, type TTrajectoryWords } from './trajectory';

const WORDS: TTrajectoryWords = {
  axisName: '温度',
  calmLine: '平静线',
  messageLabel: (n) => `第${n}条`,
  emotion: (code) => code,
  risk: (level) => level,
  temperature: (value) => `温度 ${value}`,
  time: (at) => at.slice(11, 19),
};
const POINTS: TTrajectoryPoint[] = [
  { index: 0, ordinal: 1, temperature: 63, emotion: 'dissatisfied', risk: 'medium', text: '耳机坏了', at: '2026-11-11T02:59:00.000Z' },
  { index: 2, ordinal: 2, temperature: 89, emotion: 'angry', risk: 'high', text: '<script>alert(1)</script>再不处理就打12315', at: null },
];

type TSeries = { data: { value: number; symbol: string; symbolSize: number; itemStyle: { color: string } }[]; markLine: { data: { yAxis: number }[] } };
type TOption = { xAxis: { data: string[] }; tooltip: { formatter: (params: { dataIndex?: number }) => string }; series: TSeries[] };

describe('trajectoryOption', () => {
  const option = trajectoryOption(POINTS, 2, WORDS) as TOption;
  const series = option.series[0]!;

  it('has one point per customer message, labelled by its number', () => {
    expect(option.xAxis.data).toEqual(['第1条', '第2条']);
    expect(series.data.map((point) => point.value)).toEqual([63, 89]);
  });

  it('colours points by risk and marks the escalation message', () => {
    expect(series.data[0]!.itemStyle.color).toBe('#d46b08');
    expect(series.data[1]!.itemStyle.color).toBe('#cf1322');
    expect(series.data[1]!.symbol).toBe('diamond');
    expect(series.data[0]!.symbol).toBe('circle');
  });

  it('draws the calm line at 25', () => {
    expect(series.markLine.data).toEqual([{ yAxis: 25 }]);
  });

  it('escapes what the customer typed in the tooltip, and shortens it', () => {
    const tooltip = option.tooltip.formatter({ dataIndex: 1 });
    expect(tooltip).not.toContain('<script>');
    expect(tooltip).toContain('&lt;script&gt;');
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('02:59:00');
    expect(option.tooltip.formatter({})).toBe('');
  });

  it('is empty without points', () => {
    const empty = trajectoryOption([], null, WORDS) as TOption;
    expect(empty.series[0]!.data).toEqual([]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML characters and leaves Chinese alone', () => {
    expect(escapeHtml(`<a href="x">'退款' & 投诉</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;退款&#39; &amp; 投诉&lt;/a&gt;');
  });
});
