import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, InputNumber, Result, Row, Skeleton, Slider, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useExamAttempt, useGradeAttempt, type TExamAttempt } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { answerLines, passVerdict, previewFinalScore, shortAnswerIds, type TAttemptQuestion, type TAttemptResult } from './grading';
import { ATTEMPT_STATUS_COLOR, useTeachLabels } from './labels';
import './teach.css';

const QUEUE_PATH = '/learning/exam-admin?section=grading';

/**
 * Marking one attempt at /learning/exam-admin/attempts/:attemptId (trainers): every question
 * with the learner's answer; objective ones marked right or wrong; each short answer with the
 * reference points, explanation and rubric, and a mark of 0–100. The final score is previewed
 * the way the server computes it; submitting returns to the queue.
 */
export default function GradingPage() {
  const { attemptId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const attemptQuery = useExamAttempt(attemptId);
  const attempt = attemptQuery.data;
  const grade = useGradeAttempt();
  const [marks, setMarks] = useState<Record<string, number | null>>({});
  const [missing, setMissing] = useState<string[]>([]);

  const shortIds = useMemo(() => (attempt ? shortAnswerIds(attempt) : []), [attempt]);
  const preview = attempt ? previewFinalScore(attempt, marks) : null;
  const words = { trueWord: t('teach.grading.true'), falseWord: t('teach.grading.false'), blank: t('teach.grading.blank') };

  const header = <LearningHeader tab="exam-admin" />;
  const back = (
    <Link to={QUEUE_PATH}>
      <Button icon={<ArrowLeftOutlined />}>{t('teach.grading.back')}</Button>
    </Link>
  );
  if (attemptQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (attemptQuery.isError || !attempt) {
    return (
      <div>
        {header}
        <Result status="error" title={errorMessage(attemptQuery.error)} extra={back} data-testid="teach-attempt-missing" />
      </div>
    );
  }

  const isGradable = attempt.status === 'submitted';
  const verdict = passVerdict(attempt, preview);
  const submit = () => {
    const unmarked = shortIds.filter((id) => marks[id] === null || marks[id] === undefined);
    setMissing(unmarked);
    if (unmarked.length > 0) {
      document.getElementById(`grade-${unmarked[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const scores = Object.fromEntries(shortIds.map((id) => [id, marks[id] ?? 0]));
    grade.mutate(
      { id: attempt.id, body: { scores } },
      {
        onSuccess: (graded) => {
          void message.success(t('teach.grading.done', { score: graded.finalScore ?? 0 }));
          navigate(QUEUE_PATH);
        },
        onError: (err) => {
          const appError = AppError.parseError(err);
          const ids = appError.issues.map((issue) => issue.path.split(/[./]/).pop() ?? '').filter((id) => shortIds.includes(id));
          if (ids.length > 0) setMissing(ids);
          void message.error(errorMessage(appError));
        },
      },
    );
  };

  return (
    <div data-testid="teach-grading">
      {header}
      <Flex className="cd-teach-editor-bar" align="center" gap={12} wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="teach-grading-title">
          {t('teach.grading.title', { name: attempt.user.displayName, exam: labels.text(attempt.exam.title) })}
        </Typography.Title>
        <Tag color={ATTEMPT_STATUS_COLOR[attempt.status]} data-testid="teach-attempt-status" data-status={attempt.status}>
          {labels.attemptStatus(attempt.status)}
        </Tag>
        {attempt.isMakeUp && <Tag color="orange">{t('teach.common.makeUp', { count: attempt.attemptNumber - 1 })}</Tag>}
        {isGradable && (
          <Flex gap={12} align="center" style={{ marginInlineStart: 'auto' }}>
            <Typography.Text type="secondary">{preview === null ? t('teach.grading.previewPending') : t('teach.grading.previewLine', { score: preview })}</Typography.Text>
            <Button type="primary" loading={grade.isPending} onClick={submit} data-testid="teach-grade-submit-top">
              {t('teach.grading.submit')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={10}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'started', label: t('teach.grading.started'), children: dayjs(attempt.startedAt).format('YYYY-MM-DD HH:mm') },
                { key: 'submitted', label: t('teach.grading.submitted'), children: attempt.submittedAt ? dayjs(attempt.submittedAt).format('YYYY-MM-DD HH:mm') : t('common.none') },
                { key: 'questions', label: t('teach.grading.questions'), children: t('teach.grading.questionCount', { count: attempt.questions.length, short: shortIds.length }) },
              ]}
            />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('teach.grading.objective')} value={attempt.objectiveScore ?? t('common.none')} />
          </Col>
          <Col xs={8} md={5}>
            {attempt.status === 'graded' ? (
              <Statistic title={t('teach.grading.final')} value={attempt.finalScore ?? t('common.none')} styles={{ content: { color: attempt.isPassed ? '#389e0d' : '#cf1322' } }} data-testid="teach-grade-final" />
            ) : (
              <Statistic title={t('teach.grading.preview')} value={preview ?? t('teach.grading.previewPending')} data-testid="teach-grade-preview" />
            )}
          </Col>
          <Col xs={8} md={5}>
            <Statistic title={t('teach.grading.passMark', { mark: attempt.exam.passMark })} value={verdict === null ? t('common.none') : t(`teach.examDetail.${verdict}`)} data-testid="teach-grade-verdict" />
          </Col>
        </Row>
      </Card>
      {attempt.status === 'graded' && <Alert type="success" showIcon title={t('teach.grading.alreadyGraded', { score: attempt.finalScore ?? 0 })} style={{ marginBottom: 16 }} />}
      {attempt.status === 'in_progress' && <Alert type="info" showIcon title={t('teach.grading.inProgress')} style={{ marginBottom: 16 }} />}
      {attempt.status === 'expired' && <Alert type="warning" showIcon title={t('teach.grading.expired')} style={{ marginBottom: 16 }} />}
      <Flex vertical gap={12}>
        {attempt.questions.map((question, index) => (
          <QuestionCard
            key={question.id}
            index={index}
            question={question}
            attempt={attempt}
            result={attempt.results?.find((item) => item.questionId === question.id)}
            words={words}
            mark={marks[question.id] ?? null}
            isMissing={missing.includes(question.id)}
            isGradable={isGradable}
            onMark={(value) => {
              setMarks((current) => ({ ...current, [question.id]: value }));
              setMissing((current) => current.filter((id) => id !== question.id));
            }}
          />
        ))}
      </Flex>
      {isGradable && (
        <Flex justify="flex-end" gap={12} align="center" style={{ padding: '16px 0' }}>
          {missing.length > 0 && <Typography.Text type="danger">{t('teach.grading.markAll', { count: missing.length })}</Typography.Text>}
          <Typography.Text type="secondary">{preview === null ? t('teach.grading.previewPending') : t('teach.grading.previewLine', { score: preview })}</Typography.Text>
          <Button type="primary" size="large" loading={grade.isPending} onClick={submit} data-testid="teach-grade-submit">
            {t('teach.grading.submit')}
          </Button>
        </Flex>
      )}
    </div>
  );
}

function QuestionCard({
  index,
  question,
  attempt,
  result,
  words,
  mark,
  isMissing,
  isGradable,
  onMark,
}: {
  index: number;
  question: TAttemptQuestion;
  attempt: TExamAttempt;
  result: TAttemptResult | undefined;
  words: { trueWord: string; falseWord: string; blank: string };
  mark: number | null;
  isMissing: boolean;
  isGradable: boolean;
  onMark: (value: number | null) => void;
}) {
  const { t } = useTranslation();
  const labels = useTeachLabels();
  const isShort = question.type === 'short_answer';
  const given = answerLines(question, attempt.answers[question.id], words);
  const verdict =
    result?.isCorrect === true ? (
      <Tag icon={<CheckCircleFilled />} color="success">
        {t('teach.grading.right')}
      </Tag>
    ) : result?.isCorrect === false ? (
      <Tag icon={<CloseCircleFilled />} color="error">
        {t('teach.grading.wrong')}
      </Tag>
    ) : isShort ? (
      <Tag color="warning">{t('teach.grading.toMark')}</Tag>
    ) : null;

  return (
    <Card
      id={`grade-${question.id}`}
      size="small"
      variant="borderless"
      style={isMissing ? { boxShadow: '0 0 0 2px #ff4d4f' } : undefined}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('teach.grading.questionNo', { n: index + 1 })}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{labels.questionType(question.type)}</Tag>
          {verdict}
        </Flex>
      }
      data-testid={`teach-grade-question-${question.id}`}
    >
      <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap' }}>
        {question.stem}
      </Typography.Paragraph>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={isShort ? 12 : 24}>
          <Typography.Text type="secondary">{t('teach.grading.learnerAnswer')}</Typography.Text>
          <div className="cd-teach-answer" data-testid={`teach-grade-answer-${question.id}`}>
            {given.join('\n')}
          </div>
          {!isShort && result && result.isCorrect !== true && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
              <Typography.Text type="secondary">{t('teach.grading.rightAnswer')}</Typography.Text> {answerLines(question, result.correctAnswer, words).join('；')}
            </Typography.Paragraph>
          )}
          {!isShort && result?.explanation && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('teach.grading.explanation')} {result.explanation}
            </Typography.Paragraph>
          )}
        </Col>
        {isShort && (
          <Col xs={24} lg={12}>
            {(result?.correctAnswer ?? []).length > 0 && (
              <>
                <Typography.Text type="secondary">{t('teach.grading.reference')}</Typography.Text>
                <ul className="cd-teach-answer" style={{ margin: 0, paddingInlineStart: 28 }} data-testid={`teach-grade-reference-${question.id}`}>
                  {(result?.correctAnswer ?? []).map((point, i) => (
                    <li key={i}>{String(point)}</li>
                  ))}
                </ul>
              </>
            )}
            {result?.explanation && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('teach.grading.explanation')}</Typography.Text> {result.explanation}
              </Typography.Paragraph>
            )}
            {result?.rubric && (
              <div className="cd-teach-rubric" data-testid={`teach-grade-rubric-${question.id}`}>
                <Typography.Text strong>{t('teach.grading.rubric')}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{result.rubric}</div>
              </div>
            )}
            {isGradable && (
              <Flex align="center" gap={12} style={{ marginTop: 12 }} wrap>
                <Typography.Text strong>{t('teach.grading.mark')}</Typography.Text>
                <Slider min={0} max={100} step={5} value={mark ?? 0} onChange={(value) => onMark(value)} style={{ flex: '1 1 160px', minWidth: 160 }} aria-label={t('teach.grading.mark')} />
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  value={mark}
                  onChange={(value) => onMark(value === null ? null : Number(value))}
                  status={isMissing ? 'error' : undefined}
                  style={{ width: 96 }}
                  suffix={t('teach.examForm.points')}
                  aria-label={t('teach.grading.mark')}
                  data-testid={`teach-grade-score-${question.id}`}
                />
              </Flex>
            )}
            {isMissing && <Typography.Text type="danger">{t('teach.grading.markThis')}</Typography.Text>}
          </Col>
        )}
      </Row>
    </Card>
  );
}
