import { FileExcelOutlined, FilePdfOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import type { TLevelFigures } from '@calmdesk/shared';
import { Alert, Button, Card, DatePicker, Flex, Select, Skeleton, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { evaluationExportUrls, useEvalDashboard, type TEvalDashboard } from '../../api/evaluation';
import { EChart } from '../../components/echart';
import { useErrorMessage } from '../../hooks/use-error-message';
import { DidCard } from './did-card';
import { EvalHeader } from './eval-header';
import { barOption, FIGURES, formatFigure, type TFigureKey } from './figures';
import { LevelCards, useFigureText } from './level-cards';
import { LevelCharts, type TMonthSeries } from './level-charts';
import { FigureHeading, MethodHelp } from './method-help';
import { rangeSearch, useEvalFilters, type TEvalFilters } from './range';

type TTeamRow = TEvalDashboard['byTeam'][number];

/** The figures of the team table, in level order. */
const TABLE_FIGURES: TFigureKey[] = ['reactionScore', 'responseRate', 'examAverage', 'examPassRate', 'roleplayAverage', 'qaScore', 'empathyRate', 'missedEscalations', 'csat', 'complaintRate', 'resolutionMinutes'];
const BAR_FIGURES: TFigureKey[] = ['reactionScore', 'responseRate', 'examAverage', 'examPassRate', 'roleplayAverage', 'qaScore', 'empathyRate', 'deEscalationRate', 'csat', 'complaintRate', 'repurchaseRate', 'resolutionMinutes', 'escalationRate'];

/** The month-range picker and team select of the evaluation pages. */
export function RangeFilter({ filters, onChange }: { filters: TEvalFilters; onChange: (next: TEvalFilters) => void }) {
  const { t } = useTranslation();
  const thisMonth = dayjs().startOf('month');
  return (
    <DatePicker.RangePicker
      picker="month"
      value={[filters.from ? dayjs(`${filters.from}-01`) : null, filters.to ? dayjs(`${filters.to}-01`) : null]}
      onChange={(range) => onChange({ ...filters, from: range?.[0]?.format('YYYY-MM'), to: range?.[1]?.format('YYYY-MM') })}
      allowEmpty={[true, true]}
      placeholder={[t('evaluation.filters.from'), t('evaluation.filters.to')]}
      presets={[
        { label: t('evaluation.filters.last6'), value: [thisMonth.subtract(5, 'month'), thisMonth] as [Dayjs, Dayjs] },
        { label: t('evaluation.filters.last12'), value: [thisMonth.subtract(11, 'month'), thisMonth] as [Dayjs, Dayjs] },
        { label: t('evaluation.filters.thisYear'), value: [thisMonth.startOf('year'), thisMonth] as [Dayjs, Dayjs] },
      ]}
      data-testid="eval-filter-range"
    />
  );
}

/**
 * 评估看板 at /evaluation: the four levels for the caller's teams (or one team) over the chosen
 * months — cards with every figure and its "how computed" link, a chart per level, the teams
 * side by side (a click opens the team), and the before/after comparison. Exports to Excel and
 * PDF. The server decides what a supervisor sees; the page shows what it gets.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const figureText = useFigureText();
  const [filters, setFilters] = useEvalFilters();
  const dashboard = useEvalDashboard(filters);
  const data = dashboard.data;
  const [barFigure, setBarFigure] = useState<TFigureKey>('csat');

  const groups = useMemo<TMonthSeries[]>(() => {
    if (!data) return [];
    const main: TMonthSeries = { name: data.team?.name ?? t('evaluation.dashboard.chartAll'), byMonth: data.byMonth, isMain: true };
    return data.team || data.byTeam.length < 2 ? [main] : [main, ...data.byTeam.map((b) => ({ name: b.team.name, byMonth: b.byMonth }))];
  }, [data, t]);
  const barChart = useMemo(() => {
    const def = FIGURES[barFigure];
    const bars = (data?.byTeam ?? []).map((b) => ({ name: b.team.name, value: def.pick(b.figures) }));
    return barOption(bars, { month: (m) => m, value: (v) => formatFigure(v, def.unit) }, def.axisMax);
  }, [data, barFigure]);

  const search = rangeSearch(filters);
  const teamChoices = (data?.teams ?? []).map((team) => ({ value: team.id, label: team.name }));
  const hasFilters = Boolean(filters.from || filters.to || filters.teamId);
  const figureColumn = (key: TFigureKey) => ({
    key,
    title: <FigureHeading figure={key} />,
    align: 'right' as const,
    width: 118,
    sorter: (a: TTeamRow, b: TTeamRow) => (FIGURES[key].pick(a.figures) ?? -1) - (FIGURES[key].pick(b.figures) ?? -1),
    render: (_: unknown, row: { figures: TLevelFigures }) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{figureText(key, row.figures)}</span>,
  });

  return (
    <div data-testid="eval-dashboard">
      <EvalHeader tab="dashboard" />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Flex gap={12} wrap align="center" data-testid="eval-filters">
          <RangeFilter filters={filters} onChange={setFilters} />
          <Select
            value={filters.teamId}
            onChange={(teamId: string | undefined) => setFilters({ ...filters, teamId })}
            options={teamChoices}
            allowClear
            placeholder={data && !data.isOrganisationWide ? t('evaluation.filters.myTeams') : t('evaluation.filters.allTeams')}
            style={{ width: 220 }}
            loading={dashboard.isPending}
            data-testid="eval-filter-team"
          />
          {hasFilters && (
            <Button icon={<ReloadOutlined />} onClick={() => setFilters({})} data-testid="eval-filter-reset">
              {t('evaluation.filters.reset')}
            </Button>
          )}
          <Flex gap={8} style={{ marginInlineStart: 'auto' }} wrap>
            <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.dashboardXlsx(filters)} download data-testid="eval-export-xlsx">
              {t('evaluation.export.xlsx')}
            </Button>
            <Button icon={<FilePdfOutlined />} href={evaluationExportUrls.dashboardPdf(filters)} download data-testid="eval-export-pdf">
              {t('evaluation.export.pdf')}
            </Button>
          </Flex>
        </Flex>
      </Card>

      {dashboard.isError && <Alert type="error" showIcon title={errorMessage(dashboard.error)} style={{ marginBottom: 16 }} data-testid="eval-error" />}

      {!data ? (
        dashboard.isPending && <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
            <TeamOutlined style={{ color: '#2f7d8c' }} />
            <Typography.Text data-testid="eval-people">
              {data.team ? `${data.team.name} · ` : ''}
              {data.range.from} – {data.range.to} · {t('evaluation.figures.peopleLine', { people: data.people, trained: data.trainedPeople })}
            </Typography.Text>
            <MethodHelp metric="trained-people" />
            <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }}>
              {data.isOrganisationWide ? t('evaluation.filters.scopeAll') : t('evaluation.filters.scopeTeams')}
            </Typography.Text>
          </Flex>

          <LevelCards figures={data.totals} />

          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('evaluation.dashboard.charts')}
          </Typography.Title>
          <LevelCharts months={data.range.months} groups={groups} />

          <Card
            variant="borderless"
            style={{ marginBottom: 16 }}
            title={t('evaluation.dashboard.teams')}
            extra={
              <Flex align="center" gap={2}>
                <Select
                  size="small"
                  value={barFigure}
                  onChange={setBarFigure}
                  options={BAR_FIGURES.map((key) => ({ value: key, label: t(`evaluation.metrics.${key}`) }))}
                  style={{ width: 160 }}
                  aria-label={t('evaluation.dashboard.chartMetric')}
                  data-testid="eval-team-bar-metric"
                />
                <MethodHelp metric={FIGURES[barFigure].method} />
              </Flex>
            }
            data-testid="eval-teams"
          >
            {data.byTeam.length > 0 && <EChart option={barChart} height={220} ariaLabel={`${t('evaluation.dashboard.teamBar')} · ${t(`evaluation.metrics.${barFigure}`)}`} testId="eval-team-bar" />}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
              {t('evaluation.dashboard.teamsHint')}
            </Typography.Paragraph>
            <Table<TTeamRow>
              size="small"
              rowKey={(row) => row.team.id}
              pagination={false}
              dataSource={data.byTeam}
              scroll={{ x: 1560 }}
              onRow={(row) => ({ onClick: () => navigate(`/evaluation/teams/${row.team.id}${search}`), style: { cursor: 'pointer' } })}
              columns={[
                {
                  key: 'team',
                  title: t('evaluation.dashboard.colTeam'),
                  fixed: 'left',
                  render: (_, row) => (
                    <Link to={`/evaluation/teams/${row.team.id}${search}`} onClick={(event) => event.stopPropagation()} data-testid={`eval-team-link-${row.team.id}`}>
                      {row.team.name}
                    </Link>
                  ),
                },
                { key: 'people', title: t('evaluation.metrics.people'), align: 'right', render: (_, row) => row.people },
                { key: 'trained', title: t('evaluation.metrics.trainedPeople'), align: 'right', render: (_, row) => row.trainedPeople },
                ...TABLE_FIGURES.map(figureColumn),
              ]}
            />
          </Card>

          <DidCard rows={data.did} />
        </>
      )}
    </div>
  );
}
