import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { KPI_FIELDS } from '@calmdesk/shared';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { evaluationExportUrls, useEvalPerson, type TEvalPerson } from '../../api/evaluation';
import { useErrorMessage } from '../../hooks/use-error-message';
import { RangeFilter } from './dashboard-page';
import { EvalHeader } from './eval-header';
import { formatChange, formatFigure, KPI_METHOD, kpiUnit } from './figures';
import { LevelCards } from './level-cards';
import { LevelCharts } from './level-charts';
import { MethodHelp } from './method-help';
import { rangeSearch, useEvalFilters } from './range';

type TKpiRow = TEvalPerson['kpis'][number];
const PHASE_COLOURS = { before: 'default', after: 'green', during: 'gold', untrained: 'default' } as const;
const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * A person at /evaluation/people/:userId: their four levels and months, their KPIs placed
 * before or after their first session, and the records behind the figures with links to the
 * exam results, role-play attempts and QA conversations.
 */
export default function PersonPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { userId } = useParams();
  const [filters, setFilters] = useEvalFilters();
  const range = { from: filters.from, to: filters.to };
  const person = useEvalPerson(userId, range);
  const data = person.data;
  const search = rangeSearch(filters);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const groups = useMemo(() => (data ? [{ name: data.person.displayName, byMonth: data.byMonth, isMain: true }] : []), [data]);

  if (person.isError && AppError.parseError(person.error).code === 'NOT_FOUND') {
    return <Result status="404" title={t('evaluation.person.notFound')} extra={<Link to="/evaluation">{t('evaluation.person.backDashboard')}</Link>} />;
  }
  const firstTeam = data?.person.teams[0];
  const none = <Typography.Text type="secondary">{t('evaluation.person.none')}</Typography.Text>;

  return (
    <div data-testid="eval-person-page">
      <EvalHeader
        title={data?.person.displayName ?? t('nav.evaluation')}
        subtitle={
          data ? (
            <Flex gap={8} align="center" wrap>
              <span>{t('evaluation.person.subtitle', { teams: data.person.teams.map((team) => team.name).join('、') || t('evaluation.person.noTeam'), hireDate: data.person.hireDate ?? '—' })}</span>
              <Tag color={data.person.firstTrainedOn ? 'green' : 'default'} data-testid="eval-person-trained">
                {data.person.firstTrainedOn ? t('evaluation.person.firstTrained', { date: data.person.firstTrainedOn }) : t('evaluation.person.notTrained')}
              </Tag>
            </Flex>
          ) : undefined
        }
        extra={
          <Flex gap={8} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(firstTeam ? `/evaluation/teams/${firstTeam.id}${search}` : `/evaluation${search}`)} data-testid="eval-person-back">
              {firstTeam ? t('evaluation.person.back') : t('evaluation.person.backDashboard')}
            </Button>
            {userId && (
              <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.personXlsx(userId, range)} download data-testid="eval-person-export">
                {t('evaluation.export.xlsx')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <RangeFilter filters={filters} onChange={(next) => setFilters({ from: next.from, to: next.to })} />
      </Card>
      {person.isError && <Alert type="error" showIcon title={errorMessage(person.error)} style={{ marginBottom: 16 }} />}
      {!data ? (
        person.isPending && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <LevelCards figures={data.figures} testIdPrefix="eval-person-level" />
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('evaluation.person.months')}
          </Typography.Title>
          <LevelCharts months={data.range.months} groups={groups} />

          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={8}>
              <Card variant="borderless" style={{ height: '100%' }} title={t('evaluation.person.beforeAfter')} extra={<MethodHelp metric="kpi-did" />} data-testid="eval-person-before-after">
                <Table
                  size="small"
                  rowKey="field"
                  pagination={false}
                  dataSource={data.beforeAfter}
                  columns={[
                    { key: 'kpi', title: t('evaluation.did.colKpi'), render: (_, r) => t(`evaluation.metrics.${r.field}`) },
                    { key: 'before', title: t('evaluation.did.colBefore'), align: 'right', render: (_, r) => formatFigure(r.before, kpiUnit(r.field)) },
                    { key: 'after', title: t('evaluation.did.colAfter'), align: 'right', render: (_, r) => formatFigure(r.after, kpiUnit(r.field)) },
                    { key: 'change', title: t('evaluation.did.colChange'), align: 'right', render: (_, r) => formatChange(r.change, kpiUnit(r.field)) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card variant="borderless" style={{ height: '100%' }} title={t('evaluation.person.kpis')} data-testid="eval-person-kpis">
                <Table<TKpiRow>
                  size="small"
                  rowKey={(r) => `${r.periodStart}|${r.periodEnd}`}
                  pagination={false}
                  dataSource={data.kpis}
                  locale={{ emptyText: t('evaluation.empty.results') }}
                  scroll={{ x: 760 }}
                  columns={[
                    { key: 'period', title: t('evaluation.person.colPeriod'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.periodStart} – {r.periodEnd}</span> },
                    { key: 'phase', title: t('evaluation.person.colPhase'), render: (_, r) => <Tag color={PHASE_COLOURS[r.phase]}>{t(`evaluation.person.phase.${r.phase}`)}</Tag> },
                    ...KPI_FIELDS.map((field) => ({
                      key: field,
                      title: (
                        <Flex align="center" gap={0} wrap={false}>
                          <span style={{ whiteSpace: 'nowrap' }}>{t(`evaluation.metrics.${field}`)}</span>
                          <MethodHelp metric={KPI_METHOD[field]} />
                        </Flex>
                      ),
                      align: 'right' as const,
                      render: (_: unknown, r: TKpiRow) => formatFigure(r[field], kpiUnit(field)),
                    })),
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="eval-person-records">
            <Tabs
              defaultActiveKey={(['exams', 'roleplays', 'conversations', 'sessions', 'reactions'] as const).find((key) => data[key].length > 0) ?? 'exams'}
              items={[
                {
                  key: 'exams',
                  label: <span data-testid="eval-person-tab-exams">{`${t('evaluation.person.exams')} (${data.exams.length})`}</span>,
                  children: data.exams.length === 0 ? none : (
                    <Table
                      size="small"
                      rowKey="attemptId"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={data.exams}
                      columns={[
                        { key: 'title', title: t('evaluation.person.colTitle'), render: (_, r) => r.examTitle[lang] },
                        { key: 'time', title: t('evaluation.person.colTime'), render: (_, r) => time(r.submittedAt) },
                        { key: 'score', title: t('evaluation.person.colScore'), align: 'right', render: (_, r) => r.finalScore ?? '—' },
                        { key: 'passed', title: t('evaluation.person.colPassed'), render: (_, r) => (r.isPassed === null ? '—' : <Tag color={r.isPassed ? 'green' : 'red'}>{r.isPassed ? t('common.yes') : t('common.no')}</Tag>) },
                        { key: 'open', title: '', render: (_, r) => <Link to={`/learning/exam-admin/exams/${r.examId}`} data-testid={`eval-person-exam-${r.attemptId}`}>{t('evaluation.person.open')}</Link> },
                      ]}
                    />
                  ),
                },
                {
                  key: 'roleplays',
                  label: <span data-testid="eval-person-tab-roleplays">{`${t('evaluation.person.roleplays')} (${data.roleplays.length})`}</span>,
                  children: data.roleplays.length === 0 ? none : (
                    <Table
                      size="small"
                      rowKey="attemptId"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={data.roleplays}
                      columns={[
                        { key: 'title', title: t('evaluation.person.colTitle'), render: (_, r) => r.scenarioTitle[lang] || r.scenarioId },
                        { key: 'time', title: t('evaluation.person.colTime'), render: (_, r) => time(r.finishedAt) },
                        { key: 'score', title: t('evaluation.person.colScore'), align: 'right', render: (_, r) => r.total ?? '—' },
                        { key: 'open', title: '', render: (_, r) => <Link to={`/roleplay/attempts/${r.attemptId}`} data-testid={`eval-person-roleplay-${r.attemptId}`}>{t('evaluation.person.open')}</Link> },
                      ]}
                    />
                  ),
                },
                {
                  key: 'conversations',
                  label: <span data-testid="eval-person-tab-conversations">{`${t('evaluation.person.conversations')} (${data.conversations.length})`}</span>,
                  children: data.conversations.length === 0 ? none : (
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={data.conversations}
                      columns={[
                        { key: 'time', title: t('evaluation.person.colTime'), render: (_, r) => time(r.startedAt) },
                        { key: 'shop', title: t('evaluation.person.colTitle'), render: (_, r) => r.shop ?? '—' },
                        { key: 'score', title: t('evaluation.person.colScore'), align: 'right', render: (_, r) => r.score ?? '—' },
                        { key: 'empathy', title: t('evaluation.person.colEmpathy'), align: 'right', render: (_, r) => (r.empathyRate === null ? '—' : `${r.empathyRate}%`) },
                        { key: 'calmed', title: t('evaluation.person.colCalmed'), render: (_, r) => (r.isDeEscalated ? t('common.yes') : t('common.no')) },
                        { key: 'missed', title: t('evaluation.person.colMissed'), render: (_, r) => (r.isEscalationMissed ? <Tag color="red">{t('common.yes')}</Tag> : '') },
                        { key: 'open', title: '', render: (_, r) => <Link to={`/qa/conversations/${r.id}`} data-testid={`eval-person-conversation-${r.id}`}>{t('evaluation.person.open')}</Link> },
                      ]}
                    />
                  ),
                },
                {
                  key: 'sessions',
                  label: <span data-testid="eval-person-tab-sessions">{`${t('evaluation.person.sessions')} (${data.sessions.length})`}</span>,
                  children: data.sessions.length === 0 ? none : (
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={data.sessions}
                      columns={[
                        { key: 'title', title: t('evaluation.person.colTitle'), render: (_, r) => r.title },
                        { key: 'time', title: t('evaluation.person.colTime'), render: (_, r) => time(r.startsAt) },
                        { key: 'attendance', title: t('evaluation.person.colAttendance'), render: (_, r) => t(`evaluation.person.attendance.${r.attendance as 'present'}`, { defaultValue: r.attendance }) },
                      ]}
                    />
                  ),
                },
                {
                  key: 'reactions',
                  label: <span data-testid="eval-person-tab-reactions">{`${t('evaluation.person.reactions')} (${data.reactions.length})`}</span>,
                  children: (
                    <Flex vertical gap={8}>
                      <Typography.Text type="secondary">{t('evaluation.person.anonymousNote')}</Typography.Text>
                      {data.reactions.length === 0 ? none : (
                        <Table
                          size="small"
                          rowKey={(r) => `${r.surveyId}|${r.submittedAt}`}
                          pagination={{ pageSize: 10, hideOnSinglePage: true }}
                          dataSource={data.reactions}
                          columns={[
                            { key: 'title', title: t('evaluation.person.colTitle'), render: (_, r) => r.title },
                            { key: 'time', title: t('evaluation.person.colTime'), render: (_, r) => time(r.submittedAt) },
                            { key: 'average', title: t('evaluation.person.colAverage'), align: 'right', render: (_, r) => formatFigure(r.average, 'score5') },
                          ]}
                        />
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
