import { ArrowLeftOutlined, EyeInvisibleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useAssignments, useAttempts, useScenario, useStartAttempt } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { Difficulty, ScenarioTags } from './scenario-tags';
import { OutcomeTag } from './attempts-table';
import { formatScore } from './format';
import { useRoleplayLabels } from './labels';
import { MoodMeter } from './mood-meter';

/**
 * A scenario's brief at /roleplay/:scenarioId: who the customer is and what happened,
 * how the conversation starts (mood, turns), and the start button. What the customer
 * really needs and what would count as solved stay hidden until the attempt ends: finding
 * out is part of the practice. `?assignment=<id>` counts the attempt towards that assignment.
 */
export default function BriefPage() {
  const { scenarioId = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useRoleplayLabels();
  const scenarioQuery = useScenario(scenarioId);
  const assignmentsQuery = useAssignments();
  const mineQuery = useAttempts({ userId: session.user.id, scenarioId, page: 1, pageSize: 5 });
  const startAttempt = useStartAttempt();

  const assignmentId = params.get('assignment');
  const assignment = assignmentId ? assignmentsQuery.data?.find((item) => item.id === assignmentId && item.scenarioId === scenarioId && item.isDoneByMe !== null) : undefined;

  if (scenarioQuery.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (scenarioQuery.isError) {
    return (
      <Result
        status={AppError.parseError(scenarioQuery.error).code === 'NOT_FOUND' ? '404' : 'error'}
        title={errorMessage(scenarioQuery.error)}
        extra={
          <Link to="/roleplay">
            <Button type="primary">{t('roleplay.backToCatalogue')}</Button>
          </Link>
        }
      />
    );
  }
  const scenario = scenarioQuery.data;

  const start = () =>
    startAttempt.mutate(
      { scenarioId: scenario.id, ...(assignment ? { assignmentId: assignment.id } : {}) },
      {
        onSuccess: (attempt) => navigate(`/roleplay/attempts/${attempt.id}`),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const mine = mineQuery.data?.attempts ?? [];
  return (
    <div data-testid="roleplay-brief">
      <div className="cd-page-header">
        <Link to="/roleplay" className="cd-roleplay-back">
          <ArrowLeftOutlined /> {t('roleplay.backToCatalogue')}
        </Link>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ flex: 1, minWidth: 260 }}>
            <Flex align="center" gap={12} wrap style={{ marginTop: 4 }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="roleplay-brief-title">
                {labels.text(scenario.title)}
              </Typography.Title>
              <Difficulty value={scenario.difficulty} />
            </Flex>
            <div style={{ marginTop: 8 }}>
              <ScenarioTags scenario={scenario} />
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 760 }}>
              {labels.text(scenario.summary)}
            </Typography.Paragraph>
          </div>
        </Flex>
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card title={t('roleplay.brief.personaTitle')} variant="borderless">
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {scenario.persona.name}
              </Typography.Title>
              <Typography.Paragraph className="cd-prose" style={{ marginBottom: 0 }}>
                {labels.text(scenario.persona.description)}
              </Typography.Paragraph>
            </Card>
            <Card title={t('roleplay.brief.situationTitle')} variant="borderless">
              <Typography.Paragraph className="cd-prose" style={{ marginBottom: 0 }} data-testid="roleplay-situation">
                {labels.text(scenario.situation)}
              </Typography.Paragraph>
            </Card>
            <Alert type="info" showIcon icon={<EyeInvisibleOutlined />} title={t('roleplay.brief.hiddenNeed')} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card variant="borderless">
              {assignment && (
                <Alert
                  type={assignment.isDoneByMe ? 'success' : 'warning'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="roleplay-brief-assignment"
                  title={assignment.isDoneByMe ? t('roleplay.brief.assignmentDone') : t('roleplay.brief.assignment')}
                  description={assignment.dueDate ? t('roleplay.assignments.due', { date: assignment.dueDate }) : t('roleplay.assignments.noDue')}
                />
              )}
              <Typography.Paragraph style={{ marginTop: 0 }}>{t('roleplay.brief.rules', { count: scenario.maxTurns })}</Typography.Paragraph>
              <Button type="primary" size="large" block icon={<PlayCircleOutlined />} onClick={start} loading={startAttempt.isPending} data-testid="roleplay-start">
                {t('roleplay.brief.start')}
              </Button>
            </Card>
            <Card title={t('roleplay.brief.startMood', { name: scenario.persona.name })} variant="borderless" size="small">
              <MoodMeter state={scenario.start} delta={null} />
            </Card>
            {mine.length > 0 && (
              <Card title={t('roleplay.brief.myAttempts')} variant="borderless" size="small">
                <ul className="cd-roleplay-mini-list">
                  {mine.map((item) => (
                    <li key={item.id}>
                      <Flex gap={8} align="center" wrap style={{ flex: 1 }}>
                        <Typography.Text type="secondary">{dayjs(item.startedAt).format('MM-DD HH:mm')}</Typography.Text>
                        <OutcomeTag outcome={item.outcome} />
                        <Typography.Text strong>{formatScore(item.total)}</Typography.Text>
                      </Flex>
                      <Link to={`/roleplay/attempts/${item.id}`}>{t('roleplay.history.open')}</Link>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
