import { ArrowLeftOutlined, BarChartOutlined, BellOutlined, DeleteOutlined, EditOutlined, LockOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Collapse, Flex, Popconfirm, Progress, Result, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCloseSurvey, useDeleteSurvey, useRemindSurvey, useSurvey, type TSurveyDetail } from '../../../api/surveys';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { KIND_COLOR, STATUS_COLOR, useSurveyLabels } from './labels';
import { SendSurveyDrawer } from './send-drawer';
import { SurveyForm } from './survey-form';

type TRecipient = TSurveyDetail['recipientList'][number];
type TRecipientFilter = 'all' | 'waiting' | 'answered';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null);

/**
 * 问卷详情 at /operations/surveys/:surveyId: where a survey stands — who was asked, who has
 * answered (never what, on an anonymous survey too), reminders — and the training group's
 * actions: send to more people, remind those who have not answered, close, open the report.
 */
export default function SurveyPage() {
  const { surveyId } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const access = opsAccess(session.roles);
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const surveyQuery = useSurvey(surveyId);
  const remind = useRemindSurvey();
  const close = useCloseSurvey();
  const remove = useDeleteSurvey();
  const [sendingId, setSendingId] = useState<string | null>(null);
  const [filter, setFilter] = useState<TRecipientFilter>('all');
  const survey = surveyQuery.data;

  if (surveyQuery.isError) return <Result status="error" title={errorMessage(surveyQuery.error)} extra={<Button onClick={() => navigate('/operations/surveys')}>{t('surveys.builder.back')}</Button>} data-testid="survey-missing" />;
  if (!survey) return <Skeleton active paragraph={{ rows: 12 }} />;

  const waiting = survey.recipients - survey.responded;
  const canManage = access.isTrainingGroup;
  const recipients = survey.recipientList.filter((r) => filter === 'all' || (filter === 'answered' ? r.respondedAt !== null : r.respondedAt === null));
  const onError = (err: unknown) => void message.error(errorMessage(err));

  const columns: TableProps<TRecipient>['columns'] = [
    { key: 'name', title: t('surveys.detail.colName'), render: (_, r) => <Typography.Text>{`${r.user.displayName}（${r.user.login}）`}</Typography.Text> },
    { key: 'teams', title: t('surveys.detail.colTeams'), render: (_, r) => (r.teamNames.length > 0 ? r.teamNames.join('、') : t('common.none')) },
    { key: 'invited', title: t('surveys.detail.colInvited'), render: (_, r) => when(r.invitedAt) },
    { key: 'reminded', title: t('surveys.detail.colReminded'), render: (_, r) => when(r.remindedAt) ?? t('common.none') },
    {
      key: 'status',
      title: t('surveys.detail.colStatus'),
      render: (_, r) => (r.respondedAt ? <Tag color="success">{t('surveys.detail.answered')}</Tag> : <Tag color="warning">{t('surveys.detail.waiting')}</Tag>),
    },
  ];

  return (
    <div data-testid="survey-page">
      <OpsHeader
        tab="surveys"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/operations/surveys')}>
            {t('surveys.builder.back')}
          </Button>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="survey-title">
              {survey.title}
            </Typography.Title>
            <Space size={4} wrap style={{ marginTop: 8 }}>
              <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag>
              <Tag color={STATUS_COLOR[survey.status]} data-testid="survey-status">
                {labels.status(survey.status)}
              </Tag>
              <Tag>{survey.isAnonymous ? t('surveys.anonymous') : t('surveys.named')}</Tag>
              {survey.period && <Tag>{survey.period}</Tag>}
            </Space>
            {survey.description && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 720 }}>
                {survey.description}
              </Typography.Paragraph>
            )}
          </div>
          <Space wrap>
            {canManage && survey.status === 'draft' && (
              <>
                <Button icon={<EditOutlined />} onClick={() => navigate(`/operations/surveys/${survey.id}/edit`)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('surveys.detail.deleteConfirm')} okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(survey.id, { onSuccess: () => navigate('/operations/surveys'), onError })}>
                  <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </>
            )}
            {canManage && survey.status !== 'closed' && (
              <Button icon={<SendOutlined />} type={survey.status === 'draft' ? 'primary' : 'default'} onClick={() => setSendingId(survey.id)} data-testid="survey-send">
                {survey.status === 'draft' ? t('surveys.detail.send') : t('surveys.detail.sendMore')}
              </Button>
            )}
            {canManage && survey.status === 'open' && (
              <Popconfirm
                title={t('surveys.detail.remindConfirm', { count: waiting })}
                okButtonProps={{ 'data-testid': 'survey-remind-confirm' } as never}
                disabled={waiting === 0}
                onConfirm={() =>
                  remind.mutate(survey.id, {
                    onSuccess: (result) => void message.success(t('surveys.detail.reminded', { count: result.reminded })),
                    onError,
                  })
                }
              >
                <Button icon={<BellOutlined />} disabled={waiting === 0} loading={remind.isPending} data-testid="survey-remind">
                  {t('surveys.detail.remind', { count: waiting })}
                </Button>
              </Popconfirm>
            )}
            {canManage && survey.status === 'open' && (
              <Popconfirm title={t('surveys.detail.closeConfirm')} okButtonProps={{ 'data-testid': 'survey-close-confirm' } as never} onConfirm={() => close.mutate(survey.id, { onSuccess: () => void message.success(t('surveys.detail.closed')), onError })}>
                <Button icon={<LockOutlined />} loading={close.isPending} data-testid="survey-close">
                  {t('surveys.detail.close')}
                </Button>
              </Popconfirm>
            )}
            {survey.status !== 'draft' && (
              <Button type="primary" ghost icon={<BarChartOutlined />} onClick={() => navigate(`/operations/surveys/${survey.id}/report`)} data-testid="survey-open-report">
                {t('surveys.detail.viewReport')}
              </Button>
            )}
          </Space>
        </Flex>
      </Card>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Statistic title={t('surveys.detail.recipients')} value={survey.recipients} data-testid="survey-recipients" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Statistic title={t('surveys.detail.responded')} value={survey.responded} data-testid="survey-responded" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Typography.Text type="secondary">{t('surveys.detail.rate')}</Typography.Text>
            <Progress percent={survey.recipients === 0 ? 0 : Math.round((survey.responded / survey.recipients) * 100)} style={{ marginTop: 8 }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Statistic title={t('surveys.detail.due')} value={survey.dueDate ?? t('common.none')} />
          </Card>
        </Col>
      </Row>

      {survey.isAnonymous && survey.status !== 'draft' && <Alert type="info" showIcon title={t('surveys.detail.anonymousNote')} style={{ marginBottom: 16 }} />}

      <Card
        variant="borderless"
        title={t('surveys.detail.recipientsTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented<TRecipientFilter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'waiting', label: t('surveys.detail.waitingCount', { count: waiting }) },
              { value: 'answered', label: t('surveys.detail.answeredCount', { count: survey.responded }) },
            ]}
          />
        }
      >
        <Table<TRecipient>
          rowKey={(r) => r.user.id}
          size="small"
          columns={columns}
          dataSource={recipients}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: survey.status === 'draft' ? t('surveys.detail.noRecipients') : t('common.none') }}
          onRow={(r) => ({ 'data-testid': `survey-recipient-${r.user.login}`, 'data-answered': r.respondedAt ? 'true' : 'false', 'data-reminded': r.remindedAt ? 'true' : 'false' }) as never}
          data-testid="survey-recipient-table"
        />
      </Card>

      <Collapse
        items={[
          {
            key: 'questions',
            label: t('surveys.detail.questions', { count: survey.questionCount }),
            children: <SurveyForm questions={survey.questions} answers={{}} isDisabled />,
          },
        ]}
        style={{ background: '#fff' }}
      />
      <SendSurveyDrawer surveyId={sendingId} isMore={survey.status === 'open'} dueDate={survey.dueDate} onClose={() => setSendingId(null)} />
    </div>
  );
}
