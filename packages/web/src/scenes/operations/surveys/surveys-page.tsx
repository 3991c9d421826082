import { BarChartOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Progress, Segmented, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSurveys, type TSurveySummary } from '../../../api/surveys';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { KIND_COLOR, STATUS_COLOR, SURVEY_KINDS, useSurveyLabels } from './labels';

type TKindFilter = 'all' | (typeof SURVEY_KINDS)[number];

/**
 * 调研问卷 at /operations/surveys: the quarterly needs analyses, the reaction questionnaires sent
 * after sessions and any other survey, with their status and how many answered. The training
 * group builds new ones; a supervisor sees the surveys sent to their teams and their reports.
 */
export default function SurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const access = opsAccess(session.roles);
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const surveysQuery = useSurveys();
  const [kind, setKind] = useState<TKindFilter>('all');
  const rows = (surveysQuery.data ?? []).filter((survey) => kind === 'all' || survey.kind === kind);
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableProps<TSurveySummary>['columns'] = [
    {
      key: 'title',
      title: t('surveys.list.colTitle'),
      render: (_, survey) => (
        <Flex vertical gap={2}>
          <Link to={survey.status === 'draft' ? `/operations/surveys/${survey.id}/edit` : access.isTrainingGroup ? `/operations/surveys/${survey.id}` : `/operations/surveys/${survey.id}/report`} data-testid={`survey-link-${survey.id}`}>
            <Typography.Text strong>{survey.title}</Typography.Text>
          </Link>
          {survey.createdBy && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('surveys.list.createdBy', { name: survey.createdBy.displayName, date: dayjs(survey.createdAt).format('YYYY-MM-DD') })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'kind', title: t('surveys.list.colKind'), render: (_, survey) => <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag> },
    { key: 'period', title: t('surveys.list.colPeriod'), render: (_, survey) => survey.period ?? t('common.none') },
    {
      key: 'status',
      title: t('surveys.list.colStatus'),
      render: (_, survey) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[survey.status]} data-testid={`survey-status-${survey.id}`}>
            {labels.status(survey.status)}
          </Tag>
          <Tag>{survey.isAnonymous ? t('surveys.anonymous') : t('surveys.named')}</Tag>
        </Space>
      ),
    },
    {
      key: 'progress',
      title: access.isTrainingGroup ? t('surveys.list.colProgress') : t('surveys.list.colProgressTeams'),
      width: 200,
      render: (_, survey) =>
        survey.status === 'draft' ? (
          <Typography.Text type="secondary">{t('surveys.list.notSent')}</Typography.Text>
        ) : (
          <Tooltip title={t('surveys.list.progressHelp', { responded: survey.responded, recipients: survey.recipients })}>
            <Flex vertical gap={0}>
              <Typography.Text style={{ fontSize: 12 }}>{`${survey.responded} / ${survey.recipients}`}</Typography.Text>
              <Progress percent={survey.recipients === 0 ? 0 : Math.round((survey.responded / survey.recipients) * 100)} size="small" showInfo={false} />
            </Flex>
          </Tooltip>
        ),
    },
    {
      key: 'due',
      title: t('surveys.list.colDue'),
      render: (_, survey) =>
        survey.dueDate ? (
          <Typography.Text type={survey.status === 'open' && survey.dueDate < today ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {survey.dueDate}
          </Typography.Text>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, survey) => (
        <Space size={4}>
          {survey.status === 'draft' ? (
            access.isTrainingGroup && (
              <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/operations/surveys/${survey.id}/edit`)} data-testid={`survey-edit-${survey.id}`}>
                {t('common.edit')}
              </Button>
            )
          ) : (
            <Button size="small" icon={<BarChartOutlined />} onClick={() => navigate(`/operations/surveys/${survey.id}/report`)} data-testid={`survey-report-${survey.id}`}>
              {t('surveys.list.report')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="surveys-page">
      <OpsHeader
        tab="surveys"
        extra={
          access.isTrainingGroup && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/operations/surveys/new')} data-testid="survey-new">
              {t('surveys.list.new')}
            </Button>
          )
        }
      />
      {surveysQuery.isError && <Alert type="error" showIcon title={errorMessage(surveysQuery.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Segmented<TKindFilter>
            value={kind}
            onChange={setKind}
            options={[{ value: 'all', label: t('common.all') }, ...SURVEY_KINDS.map((value) => ({ value, label: labels.kind(value) }))]}
            data-testid="survey-kind-filter"
          />
          {!access.isTrainingGroup && <Typography.Text type="secondary">{t('surveys.list.scopeTeams')}</Typography.Text>}
        </Flex>
        <Table<TSurveySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={surveysQuery.isPending}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={access.isTrainingGroup ? t('surveys.list.empty') : t('surveys.list.emptyReader')} /> }}
          onRow={(survey) => ({ 'data-testid': `survey-row-${survey.id}`, 'data-title': survey.title }) as never}
          data-testid="surveys-table"
        />
      </Card>
    </div>
  );
}
