import { ArrowLeftOutlined, CheckCircleOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useAcknowledgeAssistEscalation, useAssistEscalation } from '../../api/assist';
import { AppError } from '../../api/client';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { EMOTION_COLOR, RISK_COLOR, useAnalyzerLabels } from '../analyzer/labels';
import { assistAccess } from './access';
import { AssistHeader } from './assist-header';
import './assist.css';

/**
 * /live-assist/escalations/:id, where the bell's notice leads: who asked for help, how the
 * customer was, the agent's note, the last messages with personal data masked, and
 * "acknowledge" for the supervisor (the agent sees the same page and whether someone has it).
 */
export default function AssistEscalationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useAnalyzerLabels();
  const session = useCurrentSession();
  const access = assistAccess(session.roles);
  const query = useAssistEscalation(id);
  const acknowledge = useAcknowledgeAssistEscalation();
  const escalation = query.data;
  const isOwn = escalation?.agent.id === session.user.id;

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(access.canOversee ? '/live-assist/team' : '/live-assist')} data-testid="assist-escalation-back">
      {access.canOversee ? t('assist.escalation.backTeam') : t('assist.escalation.backAssist')}
    </Button>
  );

  if (query.isError) {
    const isMissing = AppError.parseError(query.error).status === 404;
    return <Result status={isMissing ? '404' : 'error'} title={isMissing ? t('assist.escalation.missing') : errorMessage(query.error)} extra={back} />;
  }

  return (
    <div className="cd-assist" data-testid="assist-escalation-page">
      <AssistHeader tab={access.canOversee ? 'team' : 'assist'} subtitle={t('assist.escalation.subtitle')} extra={back} />
      {!escalation ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small" className="cd-assist-card" title={t('assist.escalation.title', { name: escalation.agent.displayName })}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'when', label: t('assist.escalations.when'), children: dayjs(escalation.createdAt).format('YYYY-MM-DD HH:mm') },
                { key: 'teams', label: t('assist.escalations.teams'), children: escalation.teams.map((team) => team.name).join('、') || t('common.none') },
                {
                  key: 'customer',
                  label: t('assist.escalations.customer'),
                  children: (
                    <span data-testid="assist-escalation-risk" data-risk={escalation.risk}>
                      <Tag color={EMOTION_COLOR[escalation.emotion]}>{labels.emotion(escalation.emotion)}</Tag>
                      <Typography.Text strong style={{ color: RISK_COLOR[escalation.risk] }}>
                        {t(`analyzer.riskLevels.${escalation.risk}`)}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  key: 'state',
                  label: t('assist.escalations.state'),
                  children: escalation.acknowledgedAt ? (
                    <Typography.Text data-testid="assist-escalation-state" data-state="acknowledged">
                      <CheckCircleOutlined style={{ color: '#389e0d', marginInlineEnd: 6 }} />
                      {t('assist.escalations.acknowledgedBy', { name: escalation.acknowledgedBy?.displayName ?? '', time: dayjs(escalation.acknowledgedAt).format('HH:mm') })}
                    </Typography.Text>
                  ) : (
                    <Tag color="orange" data-testid="assist-escalation-state" data-state="open">
                      {t('assist.escalations.waiting')}
                    </Tag>
                  ),
                },
              ]}
            />
            <Typography.Title level={5} className="cd-assist-subtitle">
              {t('assist.escalations.note')}
            </Typography.Title>
            <Typography.Paragraph data-testid="assist-escalation-note">{escalation.note ?? <Typography.Text type="secondary">{t('assist.escalation.noNote')}</Typography.Text>}</Typography.Paragraph>
            {access.canOversee && !isOwn && !escalation.acknowledgedAt && (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                loading={acknowledge.isPending}
                onClick={() =>
                  acknowledge.mutate(escalation.id, {
                    onSuccess: () => void message.success(t('assist.escalations.acknowledged')),
                    onError: (err) => void message.error(errorMessage(err)),
                  })
                }
                data-testid="assist-escalation-acknowledge-detail"
              >
                {t('assist.escalation.acknowledge')}
              </Button>
            )}
          </Card>
          <Card
            size="small"
            className="cd-assist-card"
            title={t('assist.escalation.excerpt')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <LockOutlined style={{ marginInlineEnd: 4 }} />
                {t('assist.escalation.masked')}
              </Typography.Text>
            }
          >
            <div className="cd-assist-chat cd-assist-excerpt" data-testid="assist-escalation-excerpt">
              {escalation.excerpt.map((line, index) => (
                <div key={index} className={`cd-assist-msg cd-assist-msg--${line.role}`}>
                  <Typography.Text type="secondary" className="cd-assist-msg__meta">
                    {line.role === 'customer' ? t('assist.roles.customer') : isOwn ? t('assist.roles.agent') : escalation.agent.displayName}
                  </Typography.Text>
                  <div className="cd-assist-bubble">{line.text}</div>
                </div>
              ))}
              {escalation.excerpt.length === 0 && <Typography.Text type="secondary">{t('assist.escalation.noExcerpt')}</Typography.Text>}
            </div>
          </Card>
        </Flex>
      )}
    </div>
  );
}
