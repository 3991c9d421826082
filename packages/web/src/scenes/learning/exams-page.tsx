import { CheckCircleFilled, ClockCircleOutlined, FileSearchOutlined, FormOutlined, PlayCircleOutlined, RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography, type ButtonProps } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useExams, useStartExam, type TExamSummary } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';
import { examAction } from './exam-rules';
import { useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { SectionError } from './parts';

/** Starting an exam: a dialog with the rules first, then the attempt page. */
function useStartWithRules() {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const errorMessage = useErrorMessage();
  const startExam = useStartExam();
  return (exam: TExamSummary) => {
    const isMakeUp = exam.attemptsUsed > 0;
    modal.confirm({
      title: isMakeUp ? t('learn.exams.makeUpTitle', { title: labels.text(exam.title) }) : t('learn.exams.confirmTitle', { title: labels.text(exam.title) }),
      icon: <FormOutlined style={{ color: '#2f7d8c' }} />,
      width: 520,
      content: (
        <ul className="cd-learning-rules" data-testid="learning-exam-rules">
          <li>{t('learn.exams.ruleSize', { count: exam.questionCount, minutes: exam.timeLimitMinutes, passMark: exam.passMark })}</li>
          <li>{t('learn.exams.ruleClock')}</li>
          <li>{t('learn.exams.ruleSaved')}</li>
          <li>{t('learn.exams.ruleAuto')}</li>
          <li>{t('learn.exams.ruleAttempts', { n: exam.attemptsUsed + 1, max: exam.maxAttempts })}</li>
        </ul>
      ),
      okText: t('learn.exams.confirmOk'),
      cancelText: t('learn.common.cancel'),
      okButtonProps: { 'data-testid': 'learning-exam-confirm' } as ButtonProps,
      onOk: () =>
        new Promise<void>((resolve) => {
          startExam.mutate(exam.id, {
            onSuccess: (attempt) => {
              resolve();
              navigate(`/learning/exam-attempts/${encodeURIComponent(attempt.id)}`);
            },
            onError: (err) => {
              resolve();
              void message.error(AppError.parseError(err).code === 'CONFLICT' ? t('learn.exams.conflict') : errorMessage(err));
            },
          });
        }),
    });
  };
}

function ExamCard({ exam, onStart }: { exam: TExamSummary; onStart: (exam: TExamSummary) => void }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const navigate = useNavigate();
  const action = examAction(exam);
  const attemptPath = (id: string) => `/learning/exam-attempts/${encodeURIComponent(id)}`;
  const hasFailed = !exam.isPassed && exam.attemptsUsed > 0 && !exam.openAttemptId;
  return (
    <Card variant="borderless" className="cd-learning-card" data-testid={`learning-exam-${exam.id}`} data-passed={exam.isPassed} data-action={action}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong className="cd-learning-card__title">
          {labels.text(exam.title)}
        </Typography.Text>
        {exam.isPassed ? (
          <Tag color="success" icon={<CheckCircleFilled />} data-testid={`learning-exam-passed-${exam.id}`}>
            {t('learn.exams.passed')}
          </Tag>
        ) : exam.openAttemptId ? (
          <Tag color="processing">{t('learn.exams.inProgress')}</Tag>
        ) : hasFailed ? (
          <Tag color="error">{t('learn.exams.failed')}</Tag>
        ) : null}
      </Flex>
      <Flex gap={4} wrap>
        {exam.tags.map((tag) => (
          <Tag key={tag} variant="filled">
            {labels.tag(tag)}
          </Tag>
        ))}
      </Flex>
      <dl className="cd-learning-facts">
        <div>
          <dt>{t('learn.exams.questions')}</dt>
          <dd>{exam.questionCount}</dd>
        </div>
        <div>
          <dt>{t('learn.exams.timeLimit')}</dt>
          <dd>
            <ClockCircleOutlined /> {t('learn.common.minutes', { count: exam.timeLimitMinutes })}
          </dd>
        </div>
        <div>
          <dt>{t('learn.exams.passMark')}</dt>
          <dd>{exam.passMark}</dd>
        </div>
        <div>
          <dt>{t('learn.exams.attempts')}</dt>
          <dd data-testid={`learning-exam-attempts-${exam.id}`}>
            {exam.attemptsUsed} / {exam.maxAttempts}
          </dd>
        </div>
        <div>
          <dt>{t('learn.exams.best')}</dt>
          <dd data-testid={`learning-exam-best-${exam.id}`}>{exam.bestScore === null ? '—' : exam.bestScore}</dd>
        </div>
      </dl>
      <div className="cd-learning-card__spacer" />
      {action === 'none' && !exam.isPassed && <Typography.Text type="secondary">{t('learn.exams.noAttemptsLeft')}</Typography.Text>}
      <Flex gap={8} wrap>
        {action === 'resume' && (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => navigate(attemptPath(exam.openAttemptId!))} data-testid={`learning-exam-resume-${exam.id}`}>
            {t('learn.exams.resume')}
          </Button>
        )}
        {action === 'start' && (
          <Button type="primary" icon={<FormOutlined />} onClick={() => onStart(exam)} data-testid={`learning-exam-start-${exam.id}`}>
            {t('learn.exams.start')}
          </Button>
        )}
        {action === 'make-up' && (
          <Button type="primary" icon={<RedoOutlined />} onClick={() => onStart(exam)} data-testid={`learning-exam-makeup-${exam.id}`}>
            {t('learn.exams.makeUp')}
          </Button>
        )}
        {exam.lastAttemptId && exam.lastAttemptId !== exam.openAttemptId && (
          <Button icon={<FileSearchOutlined />} onClick={() => navigate(attemptPath(exam.lastAttemptId!))} data-testid={`learning-exam-result-${exam.id}`}>
            {t('learn.exams.result')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/**
 * Exams at /learning/exams: each with its size, time limit, pass mark, my attempts and best
 * score; start (after a dialog with the rules), resume, see the result, or a make-up.
 * `?start=<examId>` opens the start dialog at once (the result page's make-up link).
 */
export default function ExamsPage() {
  const { t } = useTranslation();
  const examsQuery = useExams();
  const startWithRules = useStartWithRules();
  const [params, setParams] = useSearchParams();
  const askedRef = useRef(false);

  const startId = params.get('start');
  useEffect(() => {
    if (!startId || askedRef.current || !examsQuery.data) return;
    askedRef.current = true;
    setParams(new URLSearchParams(), { replace: true });
    const exam = examsQuery.data.find((item) => item.id === startId);
    if (exam && (examAction(exam) === 'start' || examAction(exam) === 'make-up')) startWithRules(exam);
  }, [startId, examsQuery.data, setParams, startWithRules]);

  return (
    <div data-testid="learning-exams">
      <LearningHeader tab="exams" />
      {examsQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : examsQuery.isError ? (
        <SectionError error={examsQuery.error} onRetry={() => void examsQuery.refetch()} />
      ) : examsQuery.data.length === 0 ? (
        <Empty description={t('learn.exams.empty')} data-testid="learning-exams-empty" />
      ) : (
        <Row gutter={[16, 16]}>
          {examsQuery.data.map((exam) => (
            <Col key={exam.id} xs={24} md={12} xl={8}>
              <ExamCard exam={exam} onStart={startWithRules} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
