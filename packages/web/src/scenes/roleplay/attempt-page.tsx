import { ArrowLeftOutlined, HeartOutlined, RedoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Grid, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAttempt, useSendReply, useStartAttempt, type TAttempt } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { roleplayAccess } from './access';
import { AttemptComments } from './attempt-comments';
import { Chat } from './chat';
import { remainingDelay, typingDelay } from './format';
import { FAMILY_COLOR, isFamily, isTemperament, TEMPERAMENT_COLOR, useRoleplayLabels } from './labels';
import { MoodMeter } from './mood-meter';
import { PacerModal } from './pacer-modal';
import { Scorecard } from './scorecard';
import { withPauseTemplate } from './templates';

/**
 * One attempt at /roleplay/attempts/:attemptId. While it runs, its owner chats with the
 * simulated customer (mood panel beside, a "typing…" pause before each answer, the
 * breathing pacer after a polite pause); once it has ended, and for past attempts, the
 * scorecard. Coaches open anyone's attempt here to read it and comment.
 */
export default function AttemptPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useRoleplayLabels();
  const attemptQuery = useAttempt(attemptId);
  const sendReply = useSendReply(attemptId);
  const startAttempt = useStartAttempt();
  // Below lg the side panel drops under the chat: keep the mood in sight above it instead.
  const isWide = Grid.useBreakpoint().lg !== false;

  const [draft, setDraft] = useState('');
  const [pendingText, setPendingText] = useState<string | null>(null);
  const [isPacerOpen, setPacerOpen] = useState(false);
  const timerRef = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timerRef.current), []);
  useEffect(() => {
    // A new attempt (try again) starts with an empty box.
    setDraft('');
    setPendingText(null);
    window.clearTimeout(timerRef.current);
  }, [attemptId]);

  if (attemptQuery.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (attemptQuery.isError) {
    return (
      <Result
        status={AppError.parseError(attemptQuery.error).code === 'NOT_FOUND' ? '404' : 'error'}
        title={errorMessage(attemptQuery.error)}
        extra={
          <Link to="/roleplay">
            <Button type="primary">{t('roleplay.backToCatalogue')}</Button>
          </Link>
        }
      />
    );
  }

  const attempt = attemptQuery.data;
  const isOwner = attempt.user.id === session.user.id;
  const isFinished = attempt.outcome !== null;
  const canReply = isOwner && !isFinished;
  const { canCoach } = roleplayAccess(session.roles);
  const lastTurn = attempt.turns[attempt.turns.length - 1];
  const backPath = isOwner ? '/roleplay' : canCoach ? '/roleplay/coaching' : '/roleplay';

  const showAnswer = (next: TAttempt) => {
    queryClient.setQueryData(queryKeys.roleplayAttempt(next.id), next);
    setPendingText(null);
    const newest = next.turns[next.turns.length - 1];
    if (next.outcome !== null) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } else if (newest?.feedback.isPause) {
      setPacerOpen(true);
    }
  };

  const send = () => {
    const text = draft.trim();
    if (text === '' || pendingText !== null || !canReply) return;
    const sentAt = Date.now();
    const delay = typingDelay(Math.random());
    setPendingText(text);
    setDraft('');
    sendReply.mutate(text, {
      onSuccess: (next) => {
        timerRef.current = window.setTimeout(() => showAnswer(next), remainingDelay(sentAt, Date.now(), delay));
      },
      onError: (err) => {
        setPendingText(null);
        setDraft(text);
        // Ended meanwhile (another tab): show how it ended.
        if (AppError.parseError(err).code === 'CONFLICT') void attemptQuery.refetch();
        void message.error(errorMessage(err));
      },
    });
  };

  const tryAgain = () =>
    startAttempt.mutate(
      { scenarioId: attempt.scenario.id, ...(attempt.assignmentId ? { assignmentId: attempt.assignmentId } : {}) },
      {
        onSuccess: (next) => navigate(`/roleplay/attempts/${next.id}`),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  const scenario = attempt.scenario;
  const header = (
    <div className="cd-page-header">
      <Link to={backPath} className="cd-roleplay-back">
        <ArrowLeftOutlined /> {isOwner ? t('roleplay.backToCatalogue') : t('roleplay.backToCoaching')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }} data-testid="roleplay-attempt-title">
            {labels.text(scenario.title)}
          </Typography.Title>
          <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
            {isFamily(scenario.family) && <Tag color={FAMILY_COLOR[scenario.family]}>{labels.family(scenario.family)}</Tag>}
            {isTemperament(scenario.temperament) && <Tag color={TEMPERAMENT_COLOR[scenario.temperament]}>{labels.temperament(scenario.temperament)}</Tag>}
            <Typography.Text type="secondary">
              {isOwner ? t('roleplay.attempt.withCustomer', { name: scenario.persona.name }) : t('roleplay.attempt.byTrainee', { name: attempt.user.displayName, customer: scenario.persona.name })}
            </Typography.Text>
          </Flex>
        </div>
        {!isFinished && isOwner && (
          <Button icon={<HeartOutlined />} onClick={() => setPacerOpen(true)} data-testid="roleplay-breathe">
            {t('roleplay.attempt.breathe')}
          </Button>
        )}
      </Flex>
    </div>
  );

  const pacer = <PacerModal open={isPacerOpen} onClose={() => setPacerOpen(false)} />;

  if (isFinished) {
    return (
      <div data-testid="roleplay-attempt" data-outcome={attempt.outcome}>
        {header}
        <Scorecard attempt={attempt} {...(isOwner ? { onTryAgain: tryAgain, isStarting: startAttempt.isPending } : {})} />
        {pacer}
      </div>
    );
  }

  return (
    <div data-testid="roleplay-attempt">
      {header}
      {!isOwner && <Alert type="info" showIcon title={t('roleplay.attempt.inProgress')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {!isWide && (
            <Card variant="borderless" size="small" style={{ marginBottom: 12 }}>
              <MoodMeter state={attempt.state} delta={lastTurn?.feedback.delta ?? null} compact />
            </Card>
          )}
          <Card variant="borderless" styles={{ body: { padding: 0 } }}>
            <Chat
              attempt={attempt}
              pendingText={pendingText}
              draft={draft}
              onDraftChange={setDraft}
              onSend={send}
              onPause={() => setDraft((current) => withPauseTemplate(current))}
              canReply={canReply}
              isLive={canReply}
              footer={
                isOwner ? null : (
                  <div className="cd-chat-input">
                    <Typography.Text type="secondary">{t('roleplay.attempt.readOnly')}</Typography.Text>
                  </div>
                )
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {isWide && (
              <Card title={t('roleplay.attempt.moodTitle', { name: scenario.persona.name })} variant="borderless" size="small">
                <MoodMeter state={attempt.state} delta={lastTurn?.feedback.delta ?? null} />
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
                  {t('roleplay.attempt.moodHint')}
                </Typography.Paragraph>
              </Card>
            )}
            <Card title={t('roleplay.brief.personaTitle')} variant="borderless" size="small">
              <Typography.Text strong>{scenario.persona.name}</Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0 12px' }}>{labels.text(scenario.persona.description)}</Typography.Paragraph>
              <Typography.Text strong>{t('roleplay.brief.situationTitle')}</Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0 0' }}>{labels.text(scenario.situation)}</Typography.Paragraph>
            </Card>
            {isOwner && (
              <Button icon={<RedoOutlined />} onClick={tryAgain} loading={startAttempt.isPending} data-testid="roleplay-restart">
                {t('roleplay.attempt.restart')}
              </Button>
            )}
          </Flex>
        </Col>
      </Row>
      {!isOwner && canCoach && (
        <Card title={t('roleplay.comments.title')} variant="borderless" style={{ marginTop: 16 }}>
          <AttemptComments attempt={attempt} />
        </Card>
      )}
      {pacer}
    </div>
  );
}

