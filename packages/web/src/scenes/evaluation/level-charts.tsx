import type { TLevelFigures } from '@calmdesk/shared';
import { Card, Col, Empty, Flex, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { FIGURES, formatFigure, hasSeriesData, LEVEL_FIGURES, LEVELS, lineOption, type TFigureKey, type TLevel, type TLineSeries } from './figures';
import { MethodHelp } from './method-help';

export type TMonthSeries = { name: string; byMonth: readonly { month: string; figures: TLevelFigures }[]; isMain?: boolean };

/** One level's chart: a figure of the level (chosen), one line per group. */
function LevelChart({ level, months, groups }: { level: TLevel; months: readonly string[]; groups: readonly TMonthSeries[] }) {
  const { t } = useTranslation();
  const choices = LEVEL_FIGURES[level];
  // Start on the level's first figure that has a point (exams may be missing while role-plays are not).
  const [figure, setFigure] = useState<TFigureKey>(() => choices.find((key) => groups.some((g) => g.byMonth.some((m) => FIGURES[key].pick(m.figures) !== null))) ?? choices[0]!);
  const def = FIGURES[figure];
  const { option, hasData } = useMemo(() => {
    const series: TLineSeries[] = groups.map((group) => {
      const byMonth = new Map(group.byMonth.map((m) => [m.month, m.figures]));
      return { name: group.name, isMain: group.isMain ?? false, values: months.map((month) => (byMonth.has(month) ? def.pick(byMonth.get(month)!) : null)) };
    });
    return { option: lineOption(months, series, { month: (m) => m, value: (v) => formatFigure(v, def.unit) }, def.axisMax), hasData: hasSeriesData(series) };
  }, [groups, months, def]);
  return (
    <Card
      variant="borderless"
      size="small"
      title={t(`evaluation.levels.${level}`)}
      extra={
        <Flex align="center" gap={2}>
          <Select
            size="small"
            value={figure}
            onChange={setFigure}
            options={choices.map((key) => ({ value: key, label: t(`evaluation.metrics.${key}`) }))}
            style={{ width: 150 }}
            aria-label={t('evaluation.dashboard.chartMetric')}
            data-testid={`eval-chart-metric-${level}`}
          />
          <MethodHelp metric={def.method} />
        </Flex>
      }
    >
      {hasData ? (
        <EChart option={option} height={240} ariaLabel={`${t(`evaluation.levels.${level}`)} · ${t(`evaluation.metrics.${figure}`)}`} testId={`eval-chart-${level}`} />
      ) : (
        <Flex align="center" justify="center" style={{ height: 240 }} data-testid={`eval-chart-${level}-empty`}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${t('evaluation.empty.chart')} · ${t(`evaluation.empty.${level}`)}`} style={{ maxWidth: 420 }} />
        </Flex>
      )}
    </Card>
  );
}

/**
 * The four levels over the months, two by two.
 * @param props.months the months of the range
 * @param props.groups the lines: the whole group first (bold), then teams
 */
export function LevelCharts({ months, groups }: { months: readonly string[]; groups: readonly TMonthSeries[] }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {LEVELS.map((level) => (
        <Col key={level} xs={24} lg={12}>
          <LevelChart level={level} months={months} groups={groups} />
        </Col>
      ))}
    </Row>
  );
}
