import { CheckCircleOutlined, ClockCircleOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useMySurveys, type TMySurvey } from '../../../api/surveys';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { KIND_COLOR, useSurveyLabels } from './labels';

/**
 * 问卷 at /my/surveys: the surveys I was asked to answer. Open ones I have not answered come first
 * as cards (due date, how many questions, anonymous or not); below, the ones I answered or that closed.
 */
export default function MySurveysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const query = useMySurveys();
  const today = dayjs().format('YYYY-MM-DD');
  const surveys = query.data ?? [];
  const waiting = surveys.filter((survey) => survey.status === 'open' && survey.respondedAt === null);
  const others = surveys.filter((survey) => !waiting.includes(survey));

  const columns: TableProps<TMySurvey>['columns'] = [
    {
      key: 'title',
      title: t('surveys.my.colTitle'),
      render: (_, survey) => (
        <Link to={`/my/surveys/${survey.id}`} data-testid={`my-survey-link-${survey.id}`}>
          {survey.title}
        </Link>
      ),
    },
    { key: 'kind', title: t('surveys.list.colKind'), render: (_, survey) => <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag> },
    {
      key: 'state',
      title: t('surveys.list.colStatus'),
      render: (_, survey) =>
        survey.respondedAt ? (
          <Tag icon={<CheckCircleOutlined />} color="success">
            {t('surveys.my.answeredOn', { date: dayjs(survey.respondedAt).format('YYYY-MM-DD') })}
          </Tag>
        ) : (
          <Tag>{t('surveys.my.closedUnanswered')}</Tag>
        ),
    },
  ];

  return (
    <div data-testid="my-surveys">
      <MyHeader tab="surveys" />
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('surveys.my.waiting', { count: waiting.length })}
          </Typography.Title>
          {waiting.length === 0 ? (
            <Card variant="borderless" style={{ marginBottom: 24 }}>
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.my.empty')} data-testid="my-surveys-empty" />
            </Card>
          ) : (
            <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
              {waiting.map((survey) => {
                const isOverdue = survey.dueDate !== null && survey.dueDate < today;
                return (
                  <Col xs={24} md={12} xl={8} key={survey.id}>
                    <Card variant="borderless" style={{ height: '100%' }} data-testid={`my-survey-${survey.id}`} data-title={survey.title}>
                      <Flex vertical gap={8} style={{ height: '100%' }}>
                        <Flex gap={6} wrap>
                          <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag>
                          <Tag>{survey.isAnonymous ? t('surveys.anonymous') : t('surveys.named')}</Tag>
                        </Flex>
                        <Typography.Title level={5} style={{ margin: 0 }}>
                          {survey.title}
                        </Typography.Title>
                        {survey.description && (
                          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                            {survey.description}
                          </Typography.Paragraph>
                        )}
                        <Typography.Text type={isOverdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                          <ClockCircleOutlined />{' '}
                          {survey.dueDate ? (isOverdue ? t('surveys.my.overdue', { date: survey.dueDate }) : t('surveys.my.dueOn', { date: survey.dueDate })) : t('surveys.my.noDue')}
                          {' · '}
                          {t('surveys.my.questions', { count: survey.questionCount })}
                        </Typography.Text>
                        <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(`/my/surveys/${survey.id}`)} style={{ alignSelf: 'flex-start', marginTop: 'auto' }} data-testid={`my-survey-answer-${survey.id}`}>
                          {t('surveys.my.answer')}
                        </Button>
                      </Flex>
                    </Card>
                  </Col>
                );
              })}
            </Row>
          )}
          {others.length > 0 && (
            <Card variant="borderless" title={t('surveys.my.done')}>
              <Table<TMySurvey> rowKey="id" size="middle" columns={columns} dataSource={others} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="my-surveys-done" />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
