import { Alert, Card, Empty, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttempts } from '../../api/roleplay';
import { EChart, type TEChartOption } from '../../components/echart';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { BRAND_COLOR } from '../../theme';
import { AttemptsTable } from './attempts-table';
import { scoreSeries } from './format';
import { useRoleplayLabels } from './labels';
import { RoleplayHeader } from './roleplay-header';

/** How many of my latest attempts the history page loads (the API's largest page). */
const HISTORY_LIMIT = 200;

/** My attempts at /roleplay/history: scores over time and every attempt, newest first. */
export default function HistoryPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useRoleplayLabels();
  const attemptsQuery = useAttempts({ userId: session.user.id, page: 1, pageSize: HISTORY_LIMIT });
  const attempts = useMemo(() => attemptsQuery.data?.attempts ?? [], [attemptsQuery.data]);

  const chart = useMemo<TEChartOption | null>(() => {
    const points = scoreSeries(attempts);
    if (points.length === 0) return null;
    const titles = new Map(attempts.map((attempt) => [attempt.id, labels.text(attempt.scenarioTitle)]));
    return {
      grid: { left: 36, right: 24, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const point = points[items[0]?.dataIndex ?? 0];
          if (!point) return '';
          return `${dayjs(point.at).format('YYYY-MM-DD HH:mm')}<br/>${titles.get(point.id) ?? ''}<br/><b>${t('roleplay.history.chartScore', { score: point.total })}</b>`;
        },
      },
      xAxis: { type: 'category', data: points.map((point) => dayjs(point.at).format('MM-DD HH:mm')), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      series: [
        {
          type: 'line',
          data: points.map((point) => point.total),
          smooth: true,
          symbolSize: 8,
          lineStyle: { color: BRAND_COLOR, width: 2 },
          itemStyle: { color: BRAND_COLOR },
          areaStyle: { color: 'rgba(47, 125, 140, 0.08)' },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#b7c9cd', type: 'dashed' }, label: { position: 'insideEndTop', formatter: t('roleplay.history.goodLine'), color: '#7d9499' }, data: [{ yAxis: 70 }] },
        },
      ],
    };
  }, [attempts, labels, t]);

  return (
    <div data-testid="roleplay-history">
      <RoleplayHeader tab="history" />
      {attemptsQuery.isError && <Alert type="error" showIcon title={errorMessage(attemptsQuery.error)} style={{ marginBottom: 16 }} />}
      <Card title={t('roleplay.history.chartTitle')} variant="borderless" style={{ marginBottom: 16 }}>
        {chart ? (
          <EChart option={chart} height={220} ariaLabel={t('roleplay.history.chartTitle')} testId="roleplay-history-chart" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roleplay.history.chartEmpty')} />
        )}
      </Card>
      <Card title={t('roleplay.history.tableTitle')} variant="borderless">
        <AttemptsTable attempts={attempts} showPerson={false} loading={attemptsQuery.isFetching} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} />
        {attemptsQuery.data && attemptsQuery.data.total > HISTORY_LIMIT && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('roleplay.history.limited', { count: HISTORY_LIMIT })}
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
