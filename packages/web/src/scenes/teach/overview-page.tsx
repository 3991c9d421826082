import { FileExcelOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Input, Progress, Row, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OVERVIEW_XLSX_URL, useLearningOverview, type TOverviewRow } from '../../api/teach';
import { EChart, type TEChartOption } from '../../components/echart';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { teachAccess } from './access';
import { AssignCourseDrawer } from './assign-course-drawer';
import { FeedbackCard } from './feedback-card';
import { useTeachLabels } from './labels';
import { filterOverviewRows, overviewTeams, progressPercent, summariseTeams } from './overview';
import './teach.css';

const PAGE_SIZE = 20;
const COMPLETION_COLOR = '#2f7d8c';
const OVERDUE_COLOR = '#d4380d';

/**
 * 学习概况 at /learning/overview (trainers, supervisors for their teams, deputies, leaders):
 * every person × course with progress, quiz average, due and completion dates and overdue
 * ones in red; filters; per-team completion and overdue chart; the Excel export. Trainers
 * assign courses from here; trainers, deputies and leaders read the courses' reactions.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const access = teachAccess(session.roles);
  const overviewQuery = useLearningOverview();
  const [team, setTeam] = useState<string | undefined>();
  const [courseId, setCourseId] = useState<string | undefined>();
  const [isOverdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [isAssignOpen, setAssignOpen] = useState(false);

  const rows = useMemo(() => overviewQuery.data ?? [], [overviewQuery.data]);
  const filtered = useMemo(() => filterOverviewRows(rows, { team, courseId, isOverdueOnly, search }), [rows, team, courseId, isOverdueOnly, search]);
  const teams = useMemo(() => overviewTeams(rows), [rows]);
  const courses = useMemo(() => {
    const byId = new Map<string, TOverviewRow['courseTitle']>();
    for (const row of rows) byId.set(row.courseId, row.courseTitle);
    return [...byId].map(([id, title]) => ({ value: id, label: labels.text(title) }));
  }, [rows, labels]);
  // The chart follows the course and overdue filters but always shows every team, to compare them.
  const teamSummary = useMemo(
    () => summariseTeams(filterOverviewRows(rows, { courseId, isOverdueOnly: false, search: '' }), t('teach.overview.noTeam')),
    [rows, courseId, t],
  );
  const overdueCount = filtered.filter((row) => row.isOverdue).length;
  const completedCount = filtered.filter((row) => row.completedAt !== null).length;

  const chartOption = useMemo<TEChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('teach.overview.chartCompletion'), t('teach.overview.chartOverdue')] },
      grid: { left: 48, right: 48, top: 40, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: teamSummary.map((entry) => entry.team), axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: [
        { type: 'value', name: '%', min: 0, max: 100, splitNumber: 4 },
        { type: 'value', name: t('teach.overview.chartOverdueAxis'), minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('teach.overview.chartCompletion'),
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color: COMPLETION_COLOR, borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top', formatter: '{c}%' },
          data: teamSummary.map((entry) => entry.completionRate),
        },
        {
          name: t('teach.overview.chartOverdue'),
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 36,
          itemStyle: { color: OVERDUE_COLOR, borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top' },
          data: teamSummary.map((entry) => entry.overdue),
        },
      ],
    }),
    [teamSummary, t],
  );

  const columns: TableProps<TOverviewRow>['columns'] = [
    {
      key: 'name',
      title: t('teach.overview.colName'),
      fixed: 'left',
      sorter: (a, b) => a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'),
      render: (_, row) => <Typography.Text strong>{row.user.displayName}</Typography.Text>,
    },
    {
      key: 'teams',
      title: t('teach.overview.colTeams'),
      render: (_, row) =>
        row.teamNames.length === 0 ? (
          <Typography.Text type="secondary">{t('teach.overview.noTeam')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {row.teamNames.map((name) => (
              <Tag key={name} style={{ marginInlineEnd: 0 }}>
                {name}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { key: 'course', title: t('teach.overview.colCourse'), render: (_, row) => labels.text(row.courseTitle) },
    {
      key: 'progress',
      title: t('teach.overview.colProgress'),
      width: 200,
      sorter: (a, b) => progressPercent(a.lessonsDone, a.lessonCount) - progressPercent(b.lessonsDone, b.lessonCount),
      render: (_, row) => (
        <Flex align="center" gap={8}>
          <Progress
            percent={progressPercent(row.lessonsDone, row.lessonCount)}
            size="small"
            showInfo={false}
            status={row.completedAt ? 'success' : row.isOverdue ? 'exception' : 'normal'}
            style={{ width: 96, margin: 0 }}
          />
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('teach.overview.progress', { done: row.lessonsDone, count: row.lessonCount })}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'quiz',
      title: t('teach.overview.colQuiz'),
      align: 'right',
      sorter: (a, b) => (a.quizAverage ?? -1) - (b.quizAverage ?? -1),
      render: (_, row) => (row.quizAverage === null ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : Math.round(row.quizAverage)),
    },
    {
      key: 'due',
      title: t('teach.overview.colDue'),
      sorter: (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      render: (_, row) =>
        row.dueDate ? <Typography.Text type={row.isOverdue ? 'danger' : undefined}>{row.dueDate}</Typography.Text> : <Typography.Text type="secondary">{t('teach.overview.noDue')}</Typography.Text>,
    },
    {
      key: 'completed',
      title: t('teach.overview.colCompleted'),
      render: (_, row) => (row.completedAt ? dayjs(row.completedAt).format('YYYY-MM-DD') : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>),
    },
    {
      key: 'status',
      title: t('teach.overview.colStatus'),
      render: (_, row) =>
        row.isOverdue ? (
          <Tag color="red" data-testid="teach-overview-overdue">
            {t('teach.overview.overdue')}
          </Tag>
        ) : row.completedAt ? (
          <Tag color="success">{t('teach.overview.completed')}</Tag>
        ) : row.lessonsDone > 0 ? (
          <Tag color="processing">{t('teach.overview.inProgress')}</Tag>
        ) : (
          <Tag>{t('teach.overview.notStarted')}</Tag>
        ),
    },
  ];

  return (
    <div data-testid="teach-overview">
      <LearningHeader
        tab="overview"
        extra={
          <Flex gap={8} wrap>
            {!access.canAuthor && (
              <Link to="/learning/exam-admin">
                <Button icon={<TrophyOutlined />} data-testid="teach-overview-exam-results">
                  {t('teach.overview.examResults')}
                </Button>
              </Link>
            )}
            <Tooltip title={t('teach.overview.exportHint')}>
              <Button icon={<FileExcelOutlined />} href={OVERVIEW_XLSX_URL} download data-testid="teach-overview-export">
                {t('teach.overview.export')}
              </Button>
            </Tooltip>
            {access.canAuthor && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssignOpen(true)} data-testid="teach-assign-open">
                {t('teach.assign.open')}
              </Button>
            )}
          </Flex>
        }
      />
      {overviewQuery.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(overviewQuery.error)}
          action={<Button onClick={() => void overviewQuery.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24}>
          <Card title={t('teach.overview.chartTitle')} variant="borderless" extra={<Typography.Text type="secondary">{t('teach.overview.chartHint')}</Typography.Text>}>
            {teamSummary.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={overviewQuery.isPending ? t('teach.common.loading') : t('teach.overview.chartEmpty')} />
            ) : (
              <EChart option={chartOption} height={260} ariaLabel={t('teach.overview.chartTitle')} testId="teach-overview-chart" />
            )}
          </Card>
        </Col>
      </Row>
      <Card
        variant="borderless"
        title={
          <Flex gap={16} align="baseline" wrap>
            <span>{t('teach.overview.tableTitle')}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} data-testid="teach-overview-counts">
              {t('teach.overview.counts', { count: filtered.length, completed: completedCount, overdue: overdueCount })}
            </Typography.Text>
          </Flex>
        }
        style={{ marginBottom: 16 }}
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('teach.overview.searchName')}
            aria-label={t('teach.overview.searchName')}
            onSearch={setSearch}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 200 }}
            data-testid="teach-overview-search"
          />
          <Select
            allowClear
            placeholder={t('teach.overview.filterTeam')}
            aria-label={t('teach.overview.filterTeam')}
            value={team}
            onChange={setTeam}
            options={teams.map((name) => ({ value: name, label: name }))}
            style={{ width: 180 }}
            data-testid="teach-overview-filter-team"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('teach.overview.filterCourse')}
            aria-label={t('teach.overview.filterCourse')}
            value={courseId}
            onChange={setCourseId}
            options={courses}
            style={{ width: 240 }}
            data-testid="teach-overview-filter-course"
          />
          <Checkbox checked={isOverdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)} style={{ alignSelf: 'center' }}>
            <span data-testid="teach-overview-filter-overdue">{t('teach.overview.overdueOnly')}</span>
          </Checkbox>
        </Flex>
        <Table<TOverviewRow>
          rowKey={(row) => `${row.user.id}:${row.courseId}`}
          size="middle"
          columns={columns}
          dataSource={filtered}
          loading={overviewQuery.isFetching}
          pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
          scroll={{ x: 'max-content' }}
          rowClassName={(row) => (row.isOverdue ? 'cd-teach-row--overdue' : '')}
          locale={{ emptyText: rows.length === 0 ? t('teach.overview.empty') : t('teach.overview.noMatch') }}
          onRow={(row) => ({ 'data-testid': `teach-overview-row-${row.user.id}-${row.courseId}`, 'data-overdue': String(row.isOverdue) }) as HTMLAttributes<HTMLElement>}
          data-testid="teach-overview-table"
        />
      </Card>
      {access.canSeeStatistics && <FeedbackCard />}
      {access.canAuthor && <AssignCourseDrawer open={isAssignOpen} onClose={() => setAssignOpen(false)} courseId={courseId} />}
    </div>
  );
}
