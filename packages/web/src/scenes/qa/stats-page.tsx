import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQaStats, type TQaStatsRow } from '../../api/qa';
import { EChart } from '../../components/echart';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useAnalyzerLabels } from '../analyzer/labels';
import { qaAccess } from './access';
import { ScoreTag } from './conversation-tags';
import { useQaLabels } from './labels';
import { QaHeader } from './qa-header';
import { compareNullable, conversationsLinkOf, dailyOption, dailySeries, issueBars, issueOption, percentOf, statsFiltersFromParams, statsFiltersToParams, statsQuery, totalIssueRate, type TStatsChartWords, type TStatsFilters } from './stats';
import './qa.css';

/** Both charts this tall, so their cards line up (the language chart grows past ten kinds). */
const CHART_HEIGHT = 320;

/** A KPI card: the figure big, what it means on hover. */
function Kpi({ title, help, value, suffix, tone, testId, footer }: { title: string; help: string; value: ReactNode; suffix?: string; tone?: 'danger' | 'warning'; testId: string; footer?: ReactNode }) {
  const color = tone === 'danger' ? '#cf1322' : tone === 'warning' ? '#d46b08' : undefined;
  return (
    <Card variant="borderless" size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic
        title={
          <Flex gap={4} align="center">
            <span>{title}</span>
            <Tooltip title={help}>
              <QuestionCircleOutlined style={{ fontSize: 12, color: '#8c8c8c' }} aria-label={help} />
            </Tooltip>
          </Flex>
        }
        value={value as string | number}
        suffix={suffix}
        styles={{ content: { color, fontSize: 26, fontVariantNumeric: 'tabular-nums' } }}
      />
      {footer && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {footer}
        </Typography.Text>
      )}
    </Card>
  );
}

/** A figure that may be missing (no scored conversation, no measured reply): "—" then. */
function Figure({ value, suffix = '' }: { value: number | null; suffix?: string }) {
  const { t } = useTranslation();
  return value === null ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : <span style={{ whiteSpace: 'nowrap' }}>{`${value}${suffix}`}</span>;
}

/**
 * 质检看板 at /qa/stats: how the agents and teams handle real conversations — conversations,
 * score, de-escalation, empathy, high risk and missed escalations, response times — as KPI
 * cards, a chart over days, language to avoid by kind, and tables by agent and by team.
 * Filters (dates, shop, channel, team) live in the address. Supervisors and mentors see their
 * teams, the others everyone: the server decides, the page shows what it gets.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useQaLabels();
  const analyzerLabels = useAnalyzerLabels();
  const access = qaAccess(session.roles);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => statsFiltersFromParams(params), [params]);
  const byDay = useQaStats(statsQuery(filters, 'day', true));
  const byAgent = useQaStats(statsQuery(filters, 'agent'));
  const byTeam = useQaStats(statsQuery(filters, 'team'));
  const totals = byDay.data?.totals;
  const options = byDay.data?.options;

  const change = (partial: Partial<TStatsFilters>) => setParams(statsFiltersToParams({ ...filters, ...partial }), { replace: true });
  const hasFilters = Object.keys(statsFiltersToParams(filters)).length > 0;

  const words = useMemo<TStatsChartWords>(
    () => ({
      conversations: t('qa.stats.conversations'),
      averageScore: t('qa.stats.averageScore'),
      deEscalation: t('qa.stats.deEscalation'),
      countAxis: t('qa.stats.countAxis'),
      percentAxis: t('qa.stats.percentAxis'),
      day: (day) => dayjs(day).format('MM/DD'),
      issue: analyzerLabels.issue,
      issueAxis: t('qa.stats.issueAxis'),
    }),
    [t, analyzerLabels],
  );
  const points = useMemo(() => dailySeries(byDay.data?.rows ?? [], filters), [byDay.data, filters]);
  const dayChart = useMemo(() => dailyOption(points, words), [points, words]);
  const bars = useMemo(() => issueBars(totals?.issueRates ?? {}), [totals]);
  const issueChart = useMemo(() => issueOption(bars, words), [bars, words]);

  /** A select of the values the caller's conversations have; a value from the address stays offered. */
  const choices = (values: readonly string[] | undefined, current: string | undefined) => [...new Set([...(values ?? []), ...(current ? [current] : [])])].map((value) => ({ value, label: value }));
  const teamChoices = (options?.teams ?? []).map((team) => ({ value: team.id, label: team.name }));
  if (filters.teamId && !teamChoices.some((choice) => choice.value === filters.teamId)) teamChoices.push({ value: filters.teamId, label: t('qa.stats.otherTeam') });

  // A row's language issues stand out when above everyone's together (the filters' totals).
  const averageIssueRate = totalIssueRate(totals?.issueRates ?? {});
  const columns = (kind: 'agent' | 'team'): TableProps<TQaStatsRow>['columns'] => [
    {
      key: 'name',
      title: kind === 'agent' ? t('qa.stats.colAgent') : t('qa.stats.colTeam'),
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (_, row) => {
        const link = conversationsLinkOf(kind, row.key, filters);
        const name = (
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {row.name}
          </Typography.Text>
        );
        return (
          <Flex gap={6} align="center" wrap={false}>
            {link ? (
              <Link to={link} title={t('qa.stats.openConversations')} data-testid={`qa-stats-${kind}-link`}>
                {name}
              </Link>
            ) : (
              name
            )}
            {kind === 'agent' && row.key.startsWith('name:') && (
              <Tooltip title={t('qa.conversations.unmatchedHelp')}>
                <Tag style={{ marginInlineEnd: 0 }}>{t('qa.conversations.unmatched')}</Tag>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
    { key: 'conversations', title: t('qa.stats.colConversations'), align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.conversations - b.conversations, render: (_, row) => row.conversations.toLocaleString() },
    {
      key: 'score',
      title: t('qa.stats.colScore'),
      align: 'center',
      sorter: (a, b, order) => compareNullable(a.averageScore, b.averageScore, order),
      render: (_, row) => <ScoreTag score={row.averageScore === null ? null : Math.round(row.averageScore)} />,
    },
    { key: 'deEscalation', title: t('qa.stats.colDeEscalation'), align: 'right', sorter: (a, b) => a.deEscalationRate - b.deEscalationRate, render: (_, row) => <Figure value={percentOf(row.deEscalationRate)} suffix="%" /> },
    { key: 'empathy', title: t('qa.stats.colEmpathy'), align: 'right', sorter: (a, b, order) => compareNullable(a.empathyRate, b.empathyRate, order), render: (_, row) => <Figure value={row.empathyRate} suffix="%" /> },
    { key: 'highRisk', title: t('qa.stats.colHighRisk'), align: 'right', sorter: (a, b) => a.highRiskConversations - b.highRiskConversations, render: (_, row) => row.highRiskConversations },
    {
      key: 'missed',
      title: t('qa.stats.colMissed'),
      align: 'right',
      sorter: (a, b) => a.missedEscalations - b.missedEscalations,
      render: (_, row) => <Typography.Text type={row.missedEscalations > 0 ? 'danger' : undefined} strong={row.missedEscalations > 0}>{row.missedEscalations}</Typography.Text>,
    },
    {
      key: 'firstResponse',
      title: t('qa.stats.colFirstResponse'),
      align: 'right',
      sorter: (a, b, order) => compareNullable(a.averageFirstResponseSeconds, b.averageFirstResponseSeconds, order),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{labels.duration(row.averageFirstResponseSeconds === null ? null : Math.round(row.averageFirstResponseSeconds))}</span>,
    },
    {
      key: 'avgResponse',
      title: t('qa.stats.colAvgResponse'),
      align: 'right',
      sorter: (a, b, order) => compareNullable(a.averageResponseSeconds, b.averageResponseSeconds, order),
      render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{labels.duration(row.averageResponseSeconds === null ? null : Math.round(row.averageResponseSeconds))}</span>,
    },
    {
      key: 'issues',
      title: (
        <Tooltip title={t('qa.stats.colIssuesHelp')}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {t('qa.stats.colIssues')} <QuestionCircleOutlined style={{ fontSize: 12, color: '#8c8c8c' }} />
          </span>
        </Tooltip>
      ),
      align: 'right',
      sorter: (a, b) => totalIssueRate(a.issueRates) - totalIssueRate(b.issueRates),
      render: (_, row) => {
        const kinds = issueBars(row.issueRates);
        const total = totalIssueRate(row.issueRates);
        return kinds.length === 0 ? (
          <Typography.Text type="secondary">0</Typography.Text>
        ) : (
          <Tooltip title={kinds.map(([category, rate]) => `${analyzerLabels.issue(category)} ${rate}`).join(t('qa.listSeparator'))}>
            <Typography.Text type={total > averageIssueRate ? 'warning' : undefined} style={{ borderBottom: '1px dotted #bfbfbf', cursor: 'help' }}>
              {total}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    { key: 'flagged', title: t('qa.stats.flagged'), align: 'right', sorter: (a, b) => a.flagged - b.flagged, render: (_, row) => row.flagged },
  ];

  const isFirstLoad = byDay.isPending;
  const isEmpty = totals !== undefined && totals.conversations === 0;

  return (
    <div data-testid="qa-stats">
      <QaHeader tab="stats" />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Flex gap={12} wrap align="center" data-testid="qa-stats-filters">
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('qa.filters.from'), t('qa.filters.to')]}
            presets={[
              { label: t('qa.stats.last7'), value: [dayjs().subtract(6, 'day'), dayjs()] as [Dayjs, Dayjs] },
              { label: t('qa.stats.last30'), value: [dayjs().subtract(29, 'day'), dayjs()] as [Dayjs, Dayjs] },
              { label: t('qa.stats.thisMonth'), value: [dayjs().startOf('month'), dayjs()] as [Dayjs, Dayjs] },
              { label: t('qa.stats.lastMonth'), value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] as [Dayjs, Dayjs] },
            ]}
            data-testid="qa-stats-range"
          />
          <Select
            value={filters.shop}
            onChange={(shop: string | undefined) => change({ shop })}
            options={choices(options?.shops, filters.shop)}
            allowClear
            showSearch
            placeholder={t('qa.stats.allShops')}
            style={{ width: 180 }}
            loading={byDay.isPending}
            data-testid="qa-stats-shop"
          />
          <Select
            value={filters.channel}
            onChange={(channel: string | undefined) => change({ channel })}
            options={choices(options?.channels, filters.channel)}
            allowClear
            showSearch
            placeholder={t('qa.stats.allChannels')}
            style={{ width: 150 }}
            loading={byDay.isPending}
            data-testid="qa-stats-channel"
          />
          <Select
            value={filters.teamId}
            onChange={(teamId: string | undefined) => change({ teamId })}
            options={teamChoices}
            allowClear
            placeholder={t('qa.stats.allTeams')}
            style={{ width: 200 }}
            loading={byDay.isPending}
            data-testid="qa-stats-team"
          />
          {hasFilters && (
            <Button icon={<ReloadOutlined />} onClick={() => setParams({}, { replace: true })} data-testid="qa-stats-reset">
              {t('qa.filters.reset')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }}>
            {access.canSeeAllTeams ? t('qa.stats.scopeAll') : t('qa.stats.scopeTeams')}
          </Typography.Text>
        </Flex>
      </Card>

      {(byDay.isError || byAgent.isError || byTeam.isError) && <Alert type="error" showIcon title={errorMessage(byDay.error ?? byAgent.error ?? byTeam.error)} style={{ marginBottom: 16 }} />}

      {isFirstLoad ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : isEmpty ? (
        <Card variant="borderless">
          <Empty description={hasFilters ? t('qa.stats.emptyFiltered') : access.canImport ? t('qa.conversations.emptyImport') : t('qa.conversations.empty')} data-testid="qa-stats-empty" />
        </Card>
      ) : (
        totals && (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="qa-stats-kpis">
              <Col xs={12} md={6} xxl={3}>
                <Kpi
                  title={t('qa.stats.conversations')}
                  help={t('qa.stats.conversationsHelp')}
                  value={totals.conversations.toLocaleString()}
                  testId="qa-kpi-conversations"
                  footer={t('qa.stats.flaggedCount', { count: totals.flagged })}
                />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi title={t('qa.stats.averageScore')} help={t('qa.stats.averageScoreHelp')} value={totals.averageScore ?? t('common.none')} testId="qa-kpi-score" tone={totals.averageScore !== null && totals.averageScore < 60 ? 'danger' : undefined} />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi title={t('qa.stats.deEscalation')} help={t('qa.stats.deEscalationHelp')} value={percentOf(totals.deEscalationRate)} suffix="%" testId="qa-kpi-de-escalation" />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi title={t('qa.stats.empathy')} help={t('qa.stats.empathyHelp')} value={totals.empathyRate ?? t('common.none')} suffix={totals.empathyRate === null ? undefined : '%'} testId="qa-kpi-empathy" />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi title={t('qa.stats.highRisk')} help={t('qa.stats.highRiskHelp')} value={totals.highRiskConversations} tone={totals.highRiskConversations > 0 ? 'warning' : undefined} testId="qa-kpi-high-risk" />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi title={t('qa.stats.missed')} help={t('qa.stats.missedHelp')} value={totals.missedEscalations} tone={totals.missedEscalations > 0 ? 'danger' : undefined} testId="qa-kpi-missed" />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi
                  title={t('qa.stats.firstResponse')}
                  help={t('qa.stats.firstResponseHelp')}
                  value={labels.duration(totals.averageFirstResponseSeconds === null ? null : Math.round(totals.averageFirstResponseSeconds))}
                  testId="qa-kpi-first-response"
                />
              </Col>
              <Col xs={12} md={6} xxl={3}>
                <Kpi
                  title={t('qa.stats.avgResponse')}
                  help={t('qa.stats.avgResponseHelp')}
                  value={labels.duration(totals.averageResponseSeconds === null ? null : Math.round(totals.averageResponseSeconds))}
                  testId="qa-kpi-avg-response"
                />
              </Col>
            </Row>

            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} xl={15}>
                <Card variant="borderless" title={t('qa.stats.byDay')} style={{ height: '100%' }}>
                  {points.length === 0 ? (
                    <Empty description={t('qa.stats.noDays')} />
                  ) : (
                    <EChart option={dayChart} height={CHART_HEIGHT} ariaLabel={t('qa.stats.byDayAria', { count: points.length })} testId="qa-stats-day-chart" />
                  )}
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                    {t('qa.stats.byDayHelp')}
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Card variant="borderless" title={t('qa.stats.issues')} style={{ height: '100%' }}>
                  {bars.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('qa.stats.noIssues')} />
                  ) : (
                    <EChart option={issueChart} height={Math.max(CHART_HEIGHT, 40 + bars.length * 28)} ariaLabel={t('qa.stats.issuesAria', { count: bars.length })} testId="qa-stats-issue-chart" />
                  )}
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
                    {t('qa.stats.issuesHelp')}
                  </Typography.Paragraph>
                </Card>
              </Col>
            </Row>

            <Card variant="borderless" title={t('qa.stats.byAgent')} style={{ marginBottom: 16 }} data-testid="qa-stats-agents">
              <Table<TQaStatsRow>
                rowKey="key"
                size="middle"
                columns={columns('agent')}
                dataSource={byAgent.data?.rows ?? []}
                loading={byAgent.isFetching}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                onRow={(row) => ({ 'data-testid': `qa-stats-agent-${row.key}`, 'data-name': row.name }) as never}
              />
            </Card>
            <Card variant="borderless" title={t('qa.stats.byTeam')} data-testid="qa-stats-teams">
              <Table<TQaStatsRow>
                rowKey="key"
                size="middle"
                columns={columns('team')}
                dataSource={byTeam.data?.rows ?? []}
                loading={byTeam.isFetching}
                scroll={{ x: 'max-content' }}
                pagination={false}
                locale={{ emptyText: t('qa.stats.noTeams') }}
                onRow={(row) => ({ 'data-testid': `qa-stats-team-${row.key}`, 'data-name': row.name }) as never}
              />
            </Card>
          </>
        )
      )}
    </div>
  );
}
