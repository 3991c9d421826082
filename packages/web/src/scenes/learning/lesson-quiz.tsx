import { CheckOutlined, RedoOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCompleteLesson, type TCompleteLessonResponse, type TLessonDetail } from '../../api/learning';
import { useErrorMessage } from '../../hooks/use-error-message';
import { answersToSend, openQuestionNumbers, type TAnswerMap } from './answers';
import { useLearningLabels } from './labels';
import { QuestionInput, QuestionReview } from './questions';

/** The score line of a marked quiz: the percentage, or "short answers only" when nothing was marked. */
function ScoreLine({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <Typography.Text data-testid="learning-quiz-score">{t('learn.quiz.onlyShort')}</Typography.Text>;
  return (
    <Typography.Text strong style={{ fontSize: 18 }} data-testid="learning-quiz-score" data-score={score}>
      {t('learn.quiz.score', { score })}
    </Typography.Text>
  );
}

/**
 * The end of a lesson: its quiz (single, multiple, true/false, short answer) and the
 * "finish lesson" button. Finishing sends the answers, then shows the score and each
 * question right or wrong with the right answer and why; short answers wait for a trainer.
 * When the course becomes complete, says so and points to the questionnaire.
 * @param props.lesson the lesson, with its quiz and my last hand-in
 */
export function LessonQuiz({ lesson }: { lesson: TLessonDetail }) {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const { modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const complete = useCompleteLesson(lesson.id, lesson.courseId);
  const [answers, setAnswers] = useState<TAnswerMap>(() => lesson.myProgress?.answers ?? {});
  const [result, setResult] = useState<TCompleteLessonResponse | null>(null);
  const hasQuiz = lesson.quiz.length > 0;

  const send = () =>
    complete.mutate(answersToSend(lesson.quiz, answers), {
      onSuccess: (response) => {
        setResult(response);
        document.getElementById('lesson-quiz')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      },
    });
  const finish = () => {
    const open = openQuestionNumbers(lesson.quiz, answers);
    if (open.length === 0) return send();
    modal.confirm({
      title: t('learn.quiz.openTitle'),
      content: t('learn.quiz.openBody', { list: open.join('、'), count: open.length }),
      okText: t('learn.quiz.finishAnyway'),
      cancelText: t('learn.quiz.keepAnswering'),
      onOk: send,
    });
  };

  if (result) {
    const byId = new Map(result.results.map((item) => [item.questionId, item]));
    return (
      <Card variant="borderless" id="lesson-quiz" title={t('learn.quiz.resultTitle')} data-testid="learning-quiz-result">
        <Flex vertical gap={16}>
          {result.isCourseComplete && (
            <Alert
              type="success"
              showIcon
              icon={<TrophyOutlined />}
              data-testid="learning-course-finished"
              title={t('learn.quiz.courseComplete')}
              description={
                <Link to={`/learning/courses/${encodeURIComponent(lesson.courseId)}#feedback`} data-testid="learning-to-feedback">
                  {t('learn.quiz.toFeedback')}
                </Link>
              }
            />
          )}
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Flex vertical gap={2}>
              <Typography.Text type="secondary">{t('learn.quiz.lessonDone')}</Typography.Text>
              {hasQuiz && <ScoreLine score={result.score} />}
            </Flex>
            {hasQuiz && (
              <Button icon={<RedoOutlined />} onClick={() => setResult(null)} data-testid="learning-quiz-again">
                {t('learn.quiz.again')}
              </Button>
            )}
          </Flex>
          {lesson.quiz.map((question, index) => {
            const outcome = byId.get(question.id);
            return (
              <QuestionReview
                key={question.id}
                question={question}
                number={index + 1}
                answer={answers[question.id]}
                outcome={outcome ? { isCorrect: outcome.isCorrect, correctAnswer: outcome.correctAnswer, explanation: outcome.explanation } : null}
                testId={`learning-quiz-review-${index + 1}`}
              />
            );
          })}
        </Flex>
      </Card>
    );
  }

  return (
    <Card variant="borderless" id="lesson-quiz" title={hasQuiz ? t('learn.quiz.title', { count: lesson.quiz.length }) : t('learn.quiz.finishTitle')} data-testid="learning-quiz">
      <Flex vertical gap={16}>
        {lesson.myProgress && (
          <Alert
            type="info"
            showIcon
            data-testid="learning-quiz-previous"
            title={
              lesson.myProgress.quizScore === null
                ? t('learn.quiz.doneBefore', { date: labels.time(lesson.myProgress.completedAt) })
                : t('learn.quiz.doneBeforeScore', { date: labels.time(lesson.myProgress.completedAt), score: lesson.myProgress.quizScore })
            }
          />
        )}
        <Typography.Text type="secondary">{hasQuiz ? t('learn.quiz.intro') : t('learn.quiz.noQuiz')}</Typography.Text>
        {lesson.quiz.map((question, index) => (
          <QuestionInput
            key={question.id}
            question={question}
            number={index + 1}
            value={answers[question.id]}
            onChange={(value) => setAnswers((current) => ({ ...current, [question.id]: value }))}
            testId={`learning-quiz-q${index + 1}`}
          />
        ))}
        {complete.isError && <Alert type="error" showIcon title={errorMessage(complete.error)} />}
        <div>
          <Button type="primary" size="large" icon={<CheckOutlined />} onClick={finish} loading={complete.isPending} data-testid="learning-lesson-finish">
            {t('learn.quiz.finish')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}
