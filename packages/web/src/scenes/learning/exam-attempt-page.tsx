import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, HourglassOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Result, Row, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useExamAttempt, useExams, useSubmitExam, type TExamAttempt } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';
import { answersToSend, cleanAnswer, examStorageKey, openQuestionNumbers, parseStoredAnswers, type TAnswerMap } from './answers';
import { clockOffsetMs, clockTone, formatClock, secondsLeft, warningsCrossed } from './countdown';
import { canTakeMakeUp } from './exam-rules';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { BackLink, LoadFailure } from './parts';
import { QuestionInput, QuestionReview } from './questions';
import { readLocal, removeLocal, writeLocal } from './storage';

/**
 * Seconds left on the server's clock, re-read twice a second.
 * @param deadlineAt the attempt's deadline
 * @param offset the server clock's lead over this browser's, in milliseconds
 * @returns whole seconds, 0 once passed
 */
function useSecondsLeft(deadlineAt: string, offset: number): number {
  const [left, setLeft] = useState(() => secondsLeft(deadlineAt, Date.now(), offset));
  useEffect(() => {
    const read = () => setLeft(secondsLeft(deadlineAt, Date.now(), offset));
    read();
    const timer = window.setInterval(read, 500);
    return () => window.clearInterval(timer);
  }, [deadlineAt, offset]);
  return left;
}

/** The attempt while it runs: countdown, questions, answer sheet, hand-in (by hand or at zero). */
function TakeExam({ attempt, clockOffset, onConflict }: { attempt: TExamAttempt; clockOffset: number; onConflict: () => void }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const { modal, message, notification } = App.useApp();
  const errorMessage = useErrorMessage();
  const submit = useSubmitExam(attempt.id);
  const storageKey = examStorageKey(attempt.id);
  const [answers, setAnswers] = useState<TAnswerMap>(() => ({ ...attempt.answers, ...parseStoredAnswers(readLocal(storageKey)) }));
  const left = useSecondsLeft(attempt.deadlineAt, clockOffset);
  const previousLeft = useRef<number | null>(null);
  const isSending = useRef(false);
  const answersRef = useRef(answers);
  answersRef.current = answers;

  const change = (questionId: string, value: (string | boolean)[]) =>
    setAnswers((current) => {
      const next = { ...current, [questionId]: value };
      writeLocal(storageKey, JSON.stringify(next));
      return next;
    });

  const send = useCallback(() => {
    if (isSending.current) return;
    isSending.current = true;
    submit.mutate(answersToSend(attempt.questions, answersRef.current), {
      onSuccess: () => removeLocal(storageKey),
      onError: (err) => {
        isSending.current = false;
        if (AppError.parseError(err).code === 'CONFLICT') onConflict();
        else void message.error(errorMessage(err));
      },
    });
  }, [attempt.questions, errorMessage, message, onConflict, storageKey, submit]);

  const sendRef = useRef(send);
  sendRef.current = send;
  const autoSent = useRef(false);

  // Warnings at 5 minutes and 1 minute; hand in by itself at zero (once: a failure leaves the button to the learner).
  useEffect(() => {
    for (const threshold of warningsCrossed(previousLeft.current, left)) {
      notification.warning({
        key: `exam-warning-${threshold}`,
        title: threshold === 300 ? t('learn.attempt.warn5') : t('learn.attempt.warn1'),
        description: threshold === 300 ? t('learn.attempt.warn5Detail') : t('learn.attempt.warn1Detail'),
        placement: 'top',
        duration: 8,
      });
    }
    previousLeft.current = left;
    if (left <= 0 && !autoSent.current) {
      autoSent.current = true;
      sendRef.current();
    }
  }, [left, notification, t]);

  const open = openQuestionNumbers(attempt.questions, answers);
  const confirmSend = () =>
    modal.confirm({
      title: t('learn.attempt.confirmTitle'),
      content: open.length === 0 ? t('learn.attempt.confirmAll') : t('learn.attempt.confirmOpen', { count: open.length, list: open.join('、') }),
      okText: t('learn.attempt.confirmOk'),
      cancelText: t('learn.attempt.keepGoing'),
      okButtonProps: { 'data-testid': 'learning-attempt-confirm' } as ButtonProps,
      onOk: send,
    });
  const tone = clockTone(left);
  const answeredCount = attempt.questions.length - open.length;

  return (
    <div data-testid="learning-attempt" data-status="in_progress">
      <div className="cd-page-header">
        <BackLink to="/learning/exams">{t('learn.attempt.backToExams')}</BackLink>
        <Flex align="center" gap={10} wrap style={{ marginTop: 4 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="learning-attempt-title">
            {labels.text(attempt.exam.title)}
          </Typography.Title>
          {attempt.isMakeUp && <Tag color="orange">{t('learn.attempt.makeUp')}</Tag>}
          <Tag variant="filled">{t('learn.attempt.attemptN', { n: attempt.attemptNumber })}</Tag>
        </Flex>
        <Typography.Text type="secondary">
          {t('learn.attempt.facts', { count: attempt.questions.length, minutes: attempt.exam.timeLimitMinutes, passMark: attempt.exam.passMark })}
        </Typography.Text>
      </div>
      {left <= 0 &&
        (submit.isError ? (
          <Alert type="error" showIcon title={t('learn.attempt.autoFailed')} description={errorMessage(submit.error)} style={{ marginBottom: 16 }} data-testid="learning-attempt-auto-failed" />
        ) : (
          <Alert type="warning" showIcon icon={<HourglassOutlined />} title={t('learn.attempt.autoSubmitting')} style={{ marginBottom: 16 }} data-testid="learning-attempt-auto" />
        ))}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 17, order: 1 }}>
          <Flex vertical gap={12}>
            {attempt.questions.map((question, index) => (
              <Card key={question.id} variant="borderless" size="small" id={`exam-q-${index + 1}`} className="cd-exam-question">
                <QuestionInput
                  question={question}
                  number={index + 1}
                  value={answers[question.id]}
                  onChange={(value) => change(question.id, value)}
                  disabled={submit.isPending}
                  testId={`learning-attempt-q${index + 1}`}
                />
              </Card>
            ))}
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 7, order: 2 }}>
          <div className="cd-exam-side">
            <Card variant="borderless" size="small">
              <Flex vertical gap={12}>
                <div className={`cd-exam-clock cd-exam-clock--${tone}`} data-testid="learning-attempt-clock" data-seconds={left} data-tone={tone} role="timer" aria-live="off">
                  <span className="cd-exam-clock__label">
                    <ClockCircleOutlined /> {t('learn.attempt.timeLeft')}
                  </span>
                  <span className="cd-exam-clock__time">{formatClock(left)}</span>
                </div>
                <div>
                  <Flex justify="space-between" align="baseline">
                    <Typography.Text strong>{t('learn.attempt.navigator')}</Typography.Text>
                    <Typography.Text type="secondary" data-testid="learning-attempt-answered">
                      {t('learn.attempt.answered', { done: answeredCount, total: attempt.questions.length })}
                    </Typography.Text>
                  </Flex>
                  <div className="cd-exam-nav" data-testid="learning-attempt-navigator">
                    {attempt.questions.map((question, index) => {
                      const isAnswered = cleanAnswer(question, answers[question.id]) !== null;
                      return (
                        <button
                          key={question.id}
                          type="button"
                          className={`cd-exam-nav__item${isAnswered ? ' cd-exam-nav__item--done' : ''}`}
                          onClick={() => document.getElementById(`exam-q-${index + 1}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' })}
                          aria-label={t('learn.attempt.questionN', { n: index + 1 })}
                          data-testid={`learning-attempt-nav-${index + 1}`}
                          data-answered={isAnswered}
                        >
                          {index + 1}
                        </button>
                      );
                    })}
                  </div>
                  <Flex gap={12} style={{ marginTop: 8, fontSize: 12 }}>
                    <span>
                      <span className="cd-exam-nav__swatch cd-exam-nav__swatch--done" /> {t('learn.attempt.legendAnswered')}
                    </span>
                    <span>
                      <span className="cd-exam-nav__swatch" /> {t('learn.attempt.legendOpen')}
                    </span>
                  </Flex>
                </div>
                <Button type="primary" size="large" block icon={<SendOutlined />} onClick={confirmSend} loading={submit.isPending} data-testid="learning-attempt-submit">
                  {t('learn.attempt.submit')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('learn.attempt.savedLocally')}
                </Typography.Text>
              </Flex>
            </Card>
          </div>
        </Col>
      </Row>
      {/* Narrow screens: the answer sheet sits above the paper, so the time stays in a corner while scrolling. */}
      <div className={`cd-exam-mini-clock cd-exam-mini-clock--${tone}`} aria-hidden="true">
        <ClockCircleOutlined /> {formatClock(left)} · {answeredCount}/{attempt.questions.length}
      </div>
    </div>
  );
}

/** The attempt once handed in (or expired): score against the pass mark, then every question explained. */
function ExamResult({ attempt, hadConflict }: { attempt: TExamAttempt; hadConflict: boolean }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  // Whether another attempt may start depends on all my attempts and on the exam still being
  // open (closed exams leave my list): the exam list knows both, the attempt does not.
  const examsQuery = useExams();
  const exam = examsQuery.data?.find((item) => item.id === attempt.examId);
  const byId = new Map((attempt.results ?? []).map((item) => [item.questionId, item]));
  const score = attempt.finalScore ?? attempt.objectiveScore;
  const verdict = attempt.status === 'expired' ? 'expired' : attempt.status === 'submitted' ? 'waiting' : attempt.isPassed ? 'passed' : 'failed';
  const offerMakeUp = exam !== undefined && canTakeMakeUp(exam) && verdict !== 'waiting';

  useEffect(() => removeLocal(examStorageKey(attempt.id)), [attempt.id]);

  return (
    <div data-testid="learning-attempt" data-status={attempt.status}>
      <div className="cd-page-header">
        <BackLink to="/learning/exams">{t('learn.attempt.backToExams')}</BackLink>
        <Flex align="center" gap={10} wrap style={{ marginTop: 4 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="learning-attempt-title">
            {labels.text(attempt.exam.title)}
          </Typography.Title>
          {attempt.isMakeUp && <Tag color="orange">{t('learn.attempt.makeUp')}</Tag>}
          <Tag variant="filled">{t('learn.attempt.attemptN', { n: attempt.attemptNumber })}</Tag>
        </Flex>
      </div>
      {hadConflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="learning-attempt-conflict"
          title={attempt.status === 'expired' ? t('learn.attempt.timeUp') : t('learn.attempt.handedInElsewhere')}
          description={attempt.status === 'expired' ? t('learn.attempt.timeUpDetail') : undefined}
        />
      )}
      <Card variant="borderless" style={{ marginBottom: 16 }} data-testid="learning-result" data-verdict={verdict}>
        <Flex gap={24} align="center" wrap>
          <div className={`cd-exam-score cd-exam-score--${verdict}`}>
            <span className="cd-exam-score__value" data-testid="learning-result-score">
              {score ?? '—'}
            </span>
            <span className="cd-exam-score__label">{t('learn.result.score')}</span>
          </div>
          <Flex vertical gap={6} style={{ flex: 1, minWidth: 240 }}>
            <div>
              {verdict === 'passed' && (
                <Tag color="success" icon={<CheckCircleFilled />} className="cd-exam-verdict" data-testid="learning-result-verdict">
                  {t('learn.result.passed')}
                </Tag>
              )}
              {verdict === 'failed' && (
                <Tag color="error" icon={<CloseCircleFilled />} className="cd-exam-verdict" data-testid="learning-result-verdict">
                  {t('learn.result.failed')}
                </Tag>
              )}
              {verdict === 'waiting' && (
                <Tag color="processing" icon={<HourglassOutlined />} className="cd-exam-verdict" data-testid="learning-result-verdict">
                  {t('learn.result.waiting')}
                </Tag>
              )}
              {verdict === 'expired' && (
                <Tag color="default" icon={<HourglassOutlined />} className="cd-exam-verdict" data-testid="learning-result-verdict">
                  {t('learn.result.expiredTag')}
                </Tag>
              )}
            </div>
            <Typography.Text>{t('learn.result.passMark', { score: attempt.exam.passMark })}</Typography.Text>
            {verdict === 'waiting' && <Typography.Text data-testid="learning-result-waiting">{t('learn.result.waitsTrainer', { score: attempt.objectiveScore ?? 0 })}</Typography.Text>}
            {verdict === 'expired' && <Typography.Text>{t('learn.result.expired')}</Typography.Text>}
            {attempt.submittedAt && (
              <Typography.Text type="secondary">{t('learn.result.submittedAt', { time: labels.time(attempt.submittedAt) })}</Typography.Text>
            )}
          </Flex>
          <Flex vertical gap={8}>
            {verdict === 'passed' && (
              <Link to="/learning/certificates">
                <Button type="primary" icon={<SafetyCertificateOutlined />} data-testid="learning-result-certificates">
                  {t('learn.result.certificates')}
                </Button>
              </Link>
            )}
            {offerMakeUp && (
              <Link to={`/learning/exams?start=${encodeURIComponent(attempt.examId)}`}>
                <Button type="primary" data-testid="learning-result-makeup">
                  {t('learn.result.makeUp', { left: exam.maxAttempts - exam.attemptsUsed })}
                </Button>
              </Link>
            )}
            <Link to="/learning/exams">
              <Button data-testid="learning-result-back">{t('learn.attempt.backToExams')}</Button>
            </Link>
          </Flex>
        </Flex>
      </Card>
      <Flex vertical gap={12}>
        {attempt.questions.map((question, index) => {
          const outcome = byId.get(question.id);
          return (
            <Card key={question.id} variant="borderless" size="small">
              <QuestionReview
                question={question}
                number={index + 1}
                answer={attempt.answers[question.id]}
                outcome={outcome ? { isCorrect: outcome.isCorrect, correctAnswer: outcome.correctAnswer, explanation: outcome.explanation, rubric: outcome.rubric } : null}
                testId={`learning-result-q${index + 1}`}
              />
            </Card>
          );
        })}
      </Flex>
    </div>
  );
}

/**
 * An exam attempt at /learning/exam-attempts/:attemptId: while it runs, the countdown to the
 * server's deadline (warnings at 5 and 1 minutes), the questions with an answer sheet, answers
 * kept in this browser across reloads, hand-in with a check of open questions, and an automatic
 * hand-in at zero. Afterwards, the result: score against the pass mark, each question explained,
 * and the way to a make-up or to my certificates.
 */
export default function ExamAttemptPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation();
  const attemptQuery = useExamAttempt(attemptId);
  const [hadConflict, setConflict] = useState(false);
  const { refetch: refetchAttempt } = attemptQuery;
  const onConflict = useCallback(() => {
    setConflict(true);
    void refetchAttempt();
  }, [refetchAttempt]);

  let body;
  if (attemptQuery.isPending) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else if (attemptQuery.isError) body = <LoadFailure error={attemptQuery.error} backTo="/learning/exams" backLabel={t('learn.attempt.backToExams')} onRetry={() => void attemptQuery.refetch()} />;
  else {
    const attempt = attemptQuery.data;
    // The server's time in the answer against this browser's when it arrived (dataUpdatedAt).
    const clockOffset = clockOffsetMs(attempt.serverNow, attemptQuery.dataUpdatedAt);
    if (attempt.status === 'in_progress' && hadConflict) body = (
        <Result
          status="warning"
          title={t('learn.attempt.notAccepted')}
          subTitle={t('learn.attempt.notAcceptedDetail')}
          data-testid="learning-attempt-not-accepted"
          extra={[
            <Button key="retry" onClick={onConflict}>
              {t('learn.common.retry')}
            </Button>,
            <Button key="back" type="primary" onClick={() => setConflict(false)}>
              {t('learn.attempt.backToPaper')}
            </Button>,
          ]}
        />
      );
    else body = attempt.status === 'in_progress' ? <TakeExam key={attempt.id} attempt={attempt} clockOffset={clockOffset} onConflict={onConflict} /> : <ExamResult attempt={attempt} hadConflict={hadConflict} />;
  }
  return (
    <>
      <LearningHeader tab="exams" />
      {body}
    </>
  );
}
