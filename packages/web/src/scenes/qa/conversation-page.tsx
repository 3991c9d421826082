import { AimOutlined, ArrowLeftOutlined, FallOutlined, PlayCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Progress, Result, Row, Skeleton, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePractiseQaConversation, useQaConversation } from '../../api/qa';
import { EChart } from '../../components/echart';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useAnalyzerLabels } from '../analyzer/labels';
import { roleplayAccess } from '../roleplay/access';
import { escalationFocus, readAnalysis, trajectorySeries, type TAnalysisView } from './analysis';
import { ChatMessage, type TMessageFocus } from './chat-message';
import { DeEscalatedMark, FlagTags } from './conversation-tags';
import { FlagButton } from './flag-button';
import { useQaLabels } from './labels';
import { QaHeader } from './qa-header';
import { componentPercent, formatPoints, SCORE_COLOR, scoreBand } from './score';
import { trajectoryOption } from './trajectory';
import './qa.css';

const ESCALATION_COLOR = { none: 'default', handled: 'success', missed: 'error' } as const;

/** The quality score, big, with its components as bars (points of max). */
function ScoreCard({ analysis }: { analysis: TAnalysisView }) {
  const { t } = useTranslation();
  const labels = useQaLabels();
  const score = analysis.quality.score === null ? null : Math.round(analysis.quality.score);
  const band = scoreBand(score);
  return (
    <Card variant="borderless" title={t('qa.conversation.score')} style={{ height: '100%' }} data-testid="qa-score-card">
      <Flex align="baseline" gap={10} style={{ marginBottom: 12 }}>
        <span className="cd-qa-score" style={{ color: SCORE_COLOR[band] }} data-testid="qa-score" data-band={band}>
          {score ?? t('common.none')}
        </span>
        <Typography.Text type="secondary">{score === null ? t('qa.conversation.noScore') : t(`qa.conversation.band.${band}`)}</Typography.Text>
      </Flex>
      <Flex vertical gap={8} data-testid="qa-score-breakdown">
        {analysis.quality.components.map((component) => (
          <div key={component.key} data-testid={`qa-score-component-${component.key}`}>
            <Flex justify="space-between" style={{ fontSize: 13 }}>
              <span>{labels.component(component.key)}</span>
              <Typography.Text type="secondary">
                {formatPoints(component.points)} / {component.max}
              </Typography.Text>
            </Flex>
            <Progress percent={componentPercent(component.points, component.max)} showInfo={false} size="small" strokeColor={SCORE_COLOR[scoreBand(componentPercent(component.points, component.max))]} style={{ margin: 0 }} />
          </div>
        ))}
        {analysis.quality.components.length === 0 && <Typography.Text type="secondary">{t('qa.conversation.noComponents')}</Typography.Text>}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('qa.conversation.scoreHelp')}
      </Typography.Paragraph>
    </Card>
  );
}

/**
 * One conversation at /qa/conversations/:conversationId: the score and its breakdown, the
 * customer's temperature over the conversation, response times, escalation (the message it
 * is about outlined in the chat), language, and the chat itself with every message's reading.
 * Trainers also get "Practise this": a draft role-play scenario made from the conversation,
 * opened in the authoring page.
 */
export default function ConversationPage() {
  const { conversationId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const labels = useQaLabels();
  const analyzerLabels = useAnalyzerLabels();
  const conversationQuery = useQaConversation(conversationId);
  const conversation = conversationQuery.data;
  const session = useCurrentSession();
  const { message } = App.useApp();
  const practise = usePractiseQaConversation();
  // The server lets QA readers (everyone on this page) who also author scenarios do it: trainers.
  const canPractise = roleplayAccess(session.roles).canAuthor;

  const analysis = useMemo(() => (conversation ? readAnalysis(conversation.analysis) : null), [conversation]);
  const points = useMemo(() => (conversation && analysis ? trajectorySeries(analysis, conversation.messages) : []), [conversation, analysis]);
  const focusIndex = analysis ? escalationFocus(analysis.escalation) : null;
  const chartOption = useMemo(
    () =>
      trajectoryOption(points, focusIndex, {
        axisName: t('qa.conversation.temperature'),
        calmLine: t('qa.conversation.calmLine'),
        messageLabel: (ordinal) => t('qa.conversation.customerMessage', { n: ordinal }),
        emotion: analyzerLabels.emotion,
        risk: (level) => t(`analyzer.riskLevels.${level}`),
        temperature: (value) => t('qa.conversation.temperatureValue', { value }),
        time: (at) => dayjs(at).format('HH:mm:ss'),
      }),
    [points, focusIndex, t, analyzerLabels],
  );

  // Back to the list as it was (its filters are in the address) when we came from it.
  const back = () => (location.key !== 'default' ? navigate(-1) : navigate('/qa'));
  const startPractise = () =>
    practise.mutate(conversationId, {
      onSuccess: (draft) => {
        void message.success(t('qa.practise.created', { id: draft.id }));
        navigate(`/roleplay/authoring?edit=${encodeURIComponent(draft.id)}`);
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  const header = (
    <QaHeader
      tab="conversations"
      extra={
        <Flex gap={8} wrap>
          {canPractise && conversation && (
            <Tooltip title={t('qa.practise.hint')}>
              <Button icon={<PlayCircleOutlined />} onClick={startPractise} loading={practise.isPending} data-testid="qa-practise">
                {t('qa.practise.button')}
              </Button>
            </Tooltip>
          )}
          <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="qa-conversation-back">
            {t('qa.conversation.back')}
          </Button>
        </Flex>
      }
    />
  );
  if (conversationQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  if (!conversation || !analysis) {
    return (
      <div>
        {header}
        <Result status="error" title={errorMessage(conversationQuery.error)} data-testid="qa-conversation-missing" />
      </div>
    );
  }

  const agentName = conversation.agent.name ?? t('qa.roles.agent');
  const { escalation, responseTimes, trajectory, language } = analysis;
  const focusOf = (index: number): TMessageFocus => (index === focusIndex ? (escalation.status === 'missed' ? 'missed' : 'firstHighRisk') : null);
  const scrollTo = (index: number) => document.getElementById(`qa-msg-${index}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const issueEntries = Object.entries(language.issueCounts).sort((a, b) => b[1] - a[1]);

  return (
    <div data-testid="qa-conversation" data-conversation-id={conversation.id}>
      {header}
      <Flex align="baseline" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="qa-conversation-title">
          {t('qa.conversation.title', { id: conversation.externalId })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {[
            agentName,
            conversation.shop,
            conversation.channel,
            conversation.source.name,
            conversation.startedAt ? dayjs(conversation.startedAt).format('YYYY-MM-DD HH:mm') : null,
            t('qa.conversation.messages', { count: conversation.messageCount }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        <FlagTags flags={conversation.flags} />
        <FlagButton conversationId={conversation.id} style={{ marginInlineStart: 'auto' }} />
      </Flex>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={8}>
          <ScoreCard analysis={analysis} />
        </Col>
        <Col xs={24} lg={16}>
          <Card
            variant="borderless"
            title={t('qa.conversation.trajectory')}
            style={{ height: '100%' }}
            extra={
              <Flex gap={6} align="center">
                {trajectory.deEscalated ? <FallOutlined style={{ color: '#389e0d' }} /> : trajectory.escalated ? <RiseOutlined style={{ color: '#cf1322' }} /> : null}
                <Typography.Text type={trajectory.escalated ? 'danger' : undefined} data-testid="qa-trajectory-verdict">
                  {trajectory.deEscalated ? t('qa.conversation.deEscalated') : trajectory.escalated ? t('qa.conversation.escalated') : t('qa.conversation.unchanged')}
                </Typography.Text>
              </Flex>
            }
          >
            {points.length === 0 ? (
              <Empty description={t('qa.conversation.noCustomer')} />
            ) : (
              <EChart option={chartOption} height={300} ariaLabel={t('qa.conversation.trajectoryAria', { count: points.length })} testId="qa-trajectory-chart" />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              {t('qa.conversation.trajectoryHelp', {
                start: trajectory.start ?? t('common.none'),
                end: trajectory.end ?? t('common.none'),
                peak: trajectory.peak ?? t('common.none'),
              })}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card variant="borderless" title={t('qa.conversation.responseTimes')} style={{ height: '100%' }} data-testid="qa-response-times">
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic title={t('qa.conversation.firstResponse')} value={labels.duration(responseTimes.firstSeconds)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('qa.conversation.averageResponse')} value={labels.duration(responseTimes.averageSeconds)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('qa.conversation.slowestResponse')} value={labels.duration(responseTimes.maxSeconds)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('qa.conversation.measuredTurns')} value={responseTimes.measuredTurns} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card variant="borderless" title={t('qa.conversation.escalation')} style={{ height: '100%' }} data-testid="qa-escalation" data-status={escalation.status}>
            <Tag color={ESCALATION_COLOR[escalation.status]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="qa-escalation-status">
              {t(`qa.conversation.escalationStatus.${escalation.status}`)}
            </Tag>
            <Typography.Paragraph type="secondary" style={{ margin: '10px 0' }}>
              {t(`qa.conversation.escalationHelp.${escalation.status}`)}
            </Typography.Paragraph>
            {escalation.threats.length > 0 && (
              <Flex gap={4} wrap align="center" style={{ marginBottom: 10 }}>
                <Typography.Text type="secondary">{t('qa.conversation.threatsSaid')}</Typography.Text>
                {escalation.threats.map((threat) => (
                  <Tag key={threat} color="red" style={{ marginInlineEnd: 0 }}>
                    {analyzerLabels.threat(threat)}
                  </Tag>
                ))}
              </Flex>
            )}
            {focusIndex !== null && (
              <Button icon={<AimOutlined />} onClick={() => scrollTo(focusIndex)} data-testid="qa-escalation-jump">
                {t('qa.conversation.jump')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card variant="borderless" title={t('qa.conversation.language')} style={{ height: '100%' }} data-testid="qa-language">
            <Row gutter={[12, 12]}>
              <Col span={12}>
                <Statistic title={t('qa.conversation.empathyRate')} value={language.empathyRate === null ? t('common.none') : Math.round(language.empathyRate * 100)} suffix={language.empathyRate === null ? undefined : '%'} />
              </Col>
              <Col span={12}>
                <Statistic title={t('qa.conversation.withIssues')} value={language.messagesWithIssues} suffix={`/ ${language.agentMessages}`} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0', fontSize: 12 }}>
              {language.repliesToUpset > 0 ? t('qa.conversation.empathyHelp', { upset: language.repliesToUpset, empathetic: language.empatheticReplies }) : t('qa.conversation.empathyNone')}
            </Typography.Paragraph>
            <Flex gap={4} wrap>
              {issueEntries.map(([category, count]) => (
                <Tag key={category} color="red" style={{ marginInlineEnd: 0 }}>
                  {analyzerLabels.issue(category)} × {count}
                </Tag>
              ))}
              {issueEntries.length === 0 && (
                <Typography.Text type="secondary">
                  <DeEscalatedMark isDeEscalated /> {t('qa.conversation.noIssues')}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Card variant="borderless" title={t('qa.conversation.chat')} data-testid="qa-chat">
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t('qa.conversation.chatHelp')}
        </Typography.Paragraph>
        {conversation.messages.length === 0 && <Alert type="info" showIcon title={t('qa.conversation.noMessages')} />}
        <div className="cd-qa-chat">
          {conversation.messages.map((message, index) => {
            const reading = analysis.messages[index];
            return (
              <ChatMessage
                key={message.seq}
                message={message}
                index={index}
                temperature={reading?.role === 'customer' ? reading.temperature : null}
                focus={focusOf(index)}
                agentName={agentName}
              />
            );
          })}
        </div>
      </Card>
    </div>
  );
}
