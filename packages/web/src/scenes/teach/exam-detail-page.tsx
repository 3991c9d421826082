import { ArrowLeftOutlined, FileExcelOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Result, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { examResultsXlsxUrl, useExamResults, useQuestionStatistics, type TExamResults } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { teachAccess } from './access';
import { ATTEMPT_STATUS_COLOR, useTeachLabels } from './labels';
import { discriminationBand, flagReasons, MIN_ANSWERS_TO_FLAG, sortStatRows, summariseResults, TOO_EASY, TOO_HARD, type TStatRow } from './stats';
import './teach.css';

type TResultRow = TExamResults['rows'][number];
const BAND_COLOR = { none: 'default', weak: 'red', fair: 'gold', good: 'green' } as const;

/**
 * One exam's results at /learning/exam-admin/exams/:examId: each person's attempts, best
 * score, pass and last status, with the Excel export; and for trainers, deputies and leaders
 * the question statistics (difficulty, discrimination, flagged questions explained).
 */
export default function ExamDetailPage() {
  const { examId = '' } = useParams();
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const access = teachAccess(session.roles);
  const resultsQuery = useExamResults(examId);
  const statsQuery = useQuestionStatistics(examId, access.canSeeStatistics);
  const results = resultsQuery.data;

  const header = <LearningHeader tab="exam-admin" />;
  const back = (
    <Link to="/learning/exam-admin">
      <Button icon={<ArrowLeftOutlined />}>{t('teach.examDetail.back')}</Button>
    </Link>
  );
  if (resultsQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (resultsQuery.isError || !results) {
    return (
      <div>
        {header}
        <Result status="error" title={errorMessage(resultsQuery.error)} extra={back} data-testid="teach-exam-missing" />
      </div>
    );
  }

  const summary = summariseResults(results.rows);
  const resultColumns: TableProps<TResultRow>['columns'] = [
    { key: 'name', title: t('teach.examDetail.colName'), sorter: (a, b) => a.user.displayName.localeCompare(b.user.displayName, 'zh-CN'), render: (_, row) => <Typography.Text strong>{row.user.displayName}</Typography.Text> },
    {
      key: 'teams',
      title: t('teach.examDetail.colTeams'),
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
    { key: 'attempts', title: t('teach.examDetail.colAttempts'), align: 'right', render: (_, row) => `${row.attempts} / ${results.exam.maxAttempts}` },
    { key: 'best', title: t('teach.examDetail.colBest'), align: 'right', sorter: (a, b) => (a.bestScore ?? -1) - (b.bestScore ?? -1), render: (_, row) => row.bestScore ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
    {
      key: 'passed',
      title: t('teach.examDetail.colPassed'),
      render: (_, row) =>
        row.isPassed ? (
          <Tag color="success">{t('teach.examDetail.passed')}</Tag>
        ) : row.lastStatus === 'submitted' || row.lastStatus === 'in_progress' ? (
          // The latest attempt is still running or waiting for marks: not a fail yet.
          <Tag color="processing">{t('teach.examDetail.pending')}</Tag>
        ) : (
          <Tag>{t('teach.examDetail.notPassed')}</Tag>
        ),
    },
    { key: 'status', title: t('teach.examDetail.colStatus'), render: (_, row) => <Tag color={ATTEMPT_STATUS_COLOR[row.lastStatus]}>{labels.attemptStatus(row.lastStatus)}</Tag> },
    { key: 'at', title: t('teach.examDetail.colLastAt'), render: (_, row) => dayjs(row.lastAt).format('YYYY-MM-DD HH:mm') },
  ];

  const statColumns: TableProps<TStatRow>['columns'] = [
    {
      key: 'stem',
      title: t('teach.stats.colQuestion'),
      render: (_, row) => (
        <div style={{ maxWidth: 480 }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: row.stem }} style={{ marginBottom: 2 }}>
            {row.isFlagged && <WarningOutlined style={{ color: '#d48806', marginInlineEnd: 6 }} />}
            {row.stem}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.key} · {labels.questionType(row.type)}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'answered', title: t('teach.stats.colAnswered'), align: 'right', render: (_, row) => row.answered },
    {
      key: 'difficulty',
      title: (
        <Tooltip title={t('teach.stats.difficultyHelp')}>
          <span>{t('teach.stats.colDifficulty')}</span>
        </Tooltip>
      ),
      sorter: (a, b) => a.difficulty - b.difficulty,
      render: (_, row) => (
        <Flex align="center" gap={8}>
          <Progress percent={Math.round(row.difficulty * 100)} size="small" showInfo={false} style={{ width: 80, margin: 0 }} strokeColor={row.answered >= MIN_ANSWERS_TO_FLAG && (row.difficulty < TOO_HARD || row.difficulty > TOO_EASY) ? '#d48806' : '#2f7d8c'} />
          <Typography.Text>{row.difficulty.toFixed(2)}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'discrimination',
      title: (
        <Tooltip title={t('teach.stats.discriminationHelp')}>
          <span>{t('teach.stats.colDiscrimination')}</span>
        </Tooltip>
      ),
      sorter: (a, b) => (a.discrimination ?? -2) - (b.discrimination ?? -2),
      render: (_, row) => {
        const band = discriminationBand(row.discrimination);
        return (
          <Flex align="center" gap={6}>
            <Typography.Text>{row.discrimination === null ? t('common.none') : row.discrimination.toFixed(2)}</Typography.Text>
            <Tag color={BAND_COLOR[band]}>{t(`teach.stats.band.${band}`)}</Tag>
          </Flex>
        );
      },
    },
    {
      key: 'flag',
      title: t('teach.stats.colFlag'),
      render: (_, row) => {
        const reasons = flagReasons(row);
        if (!row.isFlagged && reasons.length === 0) return <Typography.Text type="secondary">{row.answered < MIN_ANSWERS_TO_FLAG ? t('teach.stats.tooFew') : t('teach.stats.ok')}</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            {(reasons.length > 0 ? reasons : (['noSeparation'] as const)).map((reason) => (
              <Typography.Text key={reason} type="warning">
                {t(`teach.stats.reason.${reason}`)}
              </Typography.Text>
            ))}
          </Flex>
        );
      },
    },
  ];

  return (
    <div data-testid="teach-exam-detail">
      {header}
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="teach-exam-title">
          {labels.text(results.exam.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t('teach.examDetail.rules', { pass: results.exam.passMark, attempts: results.exam.maxAttempts })}</Typography.Text>
        <Button icon={<FileExcelOutlined />} href={examResultsXlsxUrl(results.exam.id)} download style={{ marginInlineStart: 'auto' }} data-testid="teach-exam-export">
          {t('teach.examDetail.export')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('teach.examDetail.people')} value={summary.people} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('teach.examDetail.passedCount')} value={summary.passed} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('teach.examDetail.passRate')} value={summary.passRate ?? t('common.none')} suffix={summary.passRate === null ? undefined : '%'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('teach.examDetail.averageBest')} value={summary.averageBest ?? t('common.none')} />
          </Card>
        </Col>
      </Row>
      <Card title={t('teach.examDetail.resultsTitle')} variant="borderless" style={{ marginBottom: 16 }}>
        <Table<TResultRow>
          rowKey={(row) => row.user.id}
          size="middle"
          columns={resultColumns}
          dataSource={results.rows}
          loading={resultsQuery.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('teach.examDetail.noResults') }}
          onRow={(row) => ({ 'data-testid': `teach-result-row-${row.user.id}` }) as HTMLAttributes<HTMLElement>}
          data-testid="teach-exam-results"
        />
      </Card>
      {access.canSeeStatistics && (
        <Card title={t('teach.stats.title')} variant="borderless" data-testid="teach-question-stats">
          <Alert
            type="info"
            showIcon
            title={t('teach.stats.explainTitle')}
            description={
              <ul className="cd-teach-issues">
                <li>{t('teach.stats.explainDifficulty')}</li>
                <li>{t('teach.stats.explainDiscrimination')}</li>
                <li>{t('teach.stats.explainFlag', { min: MIN_ANSWERS_TO_FLAG })}</li>
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
          {statsQuery.isError && <Alert type="error" showIcon title={errorMessage(statsQuery.error)} style={{ marginBottom: 12 }} />}
          {statsQuery.data && statsQuery.data.attempts === 0 ? (
            <Empty description={t('teach.stats.noAttempts')} data-testid="teach-question-stats-empty" />
          ) : (
            <>
              {statsQuery.data && (
                <Typography.Paragraph type="secondary">
                  {t('teach.stats.basis', { count: statsQuery.data.attempts, flagged: statsQuery.data.questions.filter((row) => row.isFlagged).length })}
                </Typography.Paragraph>
              )}
              <Table<TStatRow>
                rowKey="id"
                size="middle"
                columns={statColumns}
                dataSource={sortStatRows(statsQuery.data?.questions ?? [])}
                loading={statsQuery.isFetching}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                rowClassName={(row) => (row.isFlagged ? 'cd-teach-row--flagged' : '')}
                onRow={(row) => ({ 'data-testid': `teach-stat-row-${row.key}`, 'data-flagged': String(row.isFlagged) }) as HTMLAttributes<HTMLElement>}
              />
            </>
          )}
        </Card>
      )}
    </div>
  );
}
