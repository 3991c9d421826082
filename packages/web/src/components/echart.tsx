import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

/**
 * A tiny wrapper over ECharts (no React binding package): the charts this app draws
 * (line, radar, bar) registered once, SVG rendering (sharp at any zoom and in screenshots),
 * resized with its box, disposed with the component. Import it only from lazy-loaded pages
 * so ECharts stays out of the first bundle.
 */
echarts.use([LineChart, RadarChart, BarChart, GridComponent, RadarComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export type TEChartOption = echarts.EChartsCoreOption;

/**
 * @param props.option the chart's option; a new object redraws the chart
 * @param props.height the chart's height in pixels
 * @param props.ariaLabel what the chart shows, for screen readers
 */
export function EChart({ option, height, ariaLabel, testId, style }: { option: TEChartOption; height: number; ariaLabel: string; testId?: string; style?: CSSProperties }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = echarts.init(box, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={boxRef} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height, ...style }} />;
}
