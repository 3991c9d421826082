import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Checkbox, Flex, Input, Radio, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { optionLetter, readAnswer, SHORT_ANSWER_MAX, type TAnswerValue, type TQuestionLike } from './answers';
import { useLearningLabels } from './labels';

export interface TQuestion extends TQuestionLike {
  stem: string;
}

/** A question's number, stem and type. */
function QuestionHead({ question, number, extra }: { question: TQuestion; number: number; extra?: ReactNode }) {
  const labels = useLearningLabels();
  return (
    <Flex gap={8} align="flex-start" justify="space-between" wrap className="cd-question__head">
      <div className="cd-question__stem">
        <span className="cd-question__number">{number}.</span>
        {question.stem}
        <Tag variant="filled" style={{ marginInlineStart: 8 }}>
          {labels.questionType(question.type)}
        </Tag>
      </div>
      {extra}
    </Flex>
  );
}

/**
 * One question to answer: options as radio buttons (single), check boxes (multiple), true or
 * false, or a text box (short answer).
 * @param props.question the question as shown (options in paper order)
 * @param props.number its number on the page
 * @param props.value what is chosen or written so far
 * @param props.onChange gets the new value (option ids, [true]/[false], or [text])
 * @param props.testId prefix of the test ids (question box, options)
 */
export function QuestionInput({
  question,
  number,
  value,
  onChange,
  disabled = false,
  testId,
}: {
  question: TQuestion;
  number: number;
  value: TAnswerValue | undefined;
  onChange: (value: TAnswerValue) => void;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const label = (index: number, text: string) => (
    <span>
      <span className="cd-question__letter">{optionLetter(index)}.</span> {text}
    </span>
  );
  let input: ReactNode;
  if (question.type === 'single') {
    input = (
      <Radio.Group value={typeof value?.[0] === 'string' ? value[0] : undefined} onChange={(event) => onChange([event.target.value as string])} disabled={disabled} className="cd-question__options">
        {question.options.map((option, index) => (
          <Radio key={option.id} value={option.id} data-testid={`${testId}-option-${option.id}`}>
            {label(index, option.text)}
          </Radio>
        ))}
      </Radio.Group>
    );
  } else if (question.type === 'multiple') {
    input = (
      <Checkbox.Group value={(value ?? []).filter((item): item is string => typeof item === 'string')} onChange={(ids) => onChange(ids as string[])} disabled={disabled} className="cd-question__options">
        {question.options.map((option, index) => (
          <Checkbox key={option.id} value={option.id} data-testid={`${testId}-option-${option.id}`}>
            {label(index, option.text)}
          </Checkbox>
        ))}
      </Checkbox.Group>
    );
  } else if (question.type === 'true_false') {
    const flag = value?.find((item): item is boolean => typeof item === 'boolean');
    input = (
      <Radio.Group value={flag === undefined ? undefined : String(flag)} onChange={(event) => onChange([event.target.value === 'true'])} disabled={disabled} className="cd-question__options cd-question__options--row">
        <Radio value="true" data-testid={`${testId}-option-true`}>
          {t('learn.quiz.true')}
        </Radio>
        <Radio value="false" data-testid={`${testId}-option-false`}>
          {t('learn.quiz.false')}
        </Radio>
      </Radio.Group>
    );
  } else {
    input = (
      <Input.TextArea
        value={typeof value?.[0] === 'string' ? value[0] : ''}
        onChange={(event) => onChange([event.target.value])}
        disabled={disabled}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={SHORT_ANSWER_MAX}
        placeholder={t('learn.quiz.shortPlaceholder')}
        data-testid={`${testId}-text`}
      />
    );
  }
  return (
    <div className="cd-question" data-testid={testId} data-type={question.type}>
      <QuestionHead question={question} number={number} />
      {question.type === 'multiple' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('learn.quiz.multipleHint')}
        </Typography.Text>
      )}
      <div className="cd-question__input">{input}</div>
    </div>
  );
}

/** An answer as words: options with letters, true/false, text lines, or "not answered". */
function AnswerText({ question, answer, asKeyPoints = false }: { question: TQuestion; answer: TAnswerValue | undefined; asKeyPoints?: boolean }) {
  const { t } = useTranslation();
  const reading = readAnswer(question, answer);
  if (reading.kind === 'none') return <Typography.Text type="secondary">{t('learn.quiz.noAnswer')}</Typography.Text>;
  if (reading.kind === 'boolean') return <span>{reading.value ? t('learn.quiz.true') : t('learn.quiz.false')}</span>;
  if (reading.kind === 'options') {
    return (
      <span>
        {reading.options.map((option) => (
          <span key={option.letter} className="cd-question__answer-option">
            <span className="cd-question__letter">{option.letter}.</span> {option.text}
          </span>
        ))}
      </span>
    );
  }
  return asKeyPoints && reading.lines.length > 1 ? (
    <ul className="cd-question__points">
      {reading.lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  ) : (
    <span className="cd-question__text-answer">{reading.lines.join('\n')}</span>
  );
}

export interface TQuestionOutcome {
  isCorrect: boolean | null;
  correctAnswer: TAnswerValue;
  explanation: string;
  rubric?: string | null;
}

/**
 * A question after hand-in: right, wrong or waiting for a trainer; my answer, the right
 * answer (for a short answer the key points, "参考要点") and the explanation.
 * @param props.question the question as shown
 * @param props.number its number on the page
 * @param props.answer what I answered
 * @param props.outcome the marking (null when the server sent none for this question)
 */
export function QuestionReview({ question, number, answer, outcome, testId }: { question: TQuestion; number: number; answer: TAnswerValue | undefined; outcome: TQuestionOutcome | null; testId: string }) {
  const { t } = useTranslation();
  const isShort = question.type === 'short_answer';
  const status = outcome === null ? null : outcome.isCorrect === null ? 'waiting' : outcome.isCorrect ? 'right' : 'wrong';
  const badge =
    status === 'right' ? (
      <Tag color="success" icon={<CheckCircleFilled />}>
        {t('learn.quiz.right')}
      </Tag>
    ) : status === 'wrong' ? (
      <Tag color="error" icon={<CloseCircleFilled />}>
        {t('learn.quiz.wrong')}
      </Tag>
    ) : status === 'waiting' ? (
      <Tag color="processing" icon={<ClockCircleFilled />}>
        {t('learn.quiz.waiting')}
      </Tag>
    ) : null;
  return (
    <div className={`cd-question cd-question--${status ?? 'plain'}`} data-testid={testId} data-result={status ?? 'none'}>
      <QuestionHead question={question} number={number} extra={badge} />
      <dl className="cd-question__review">
        <dt>{t('learn.quiz.yourAnswer')}</dt>
        <dd data-testid={`${testId}-mine`}>
          <AnswerText question={question} answer={answer} />
        </dd>
        {outcome && (
          <>
            <dt>{isShort ? t('learn.quiz.keyPoints') : t('learn.quiz.rightAnswer')}</dt>
            <dd data-testid={`${testId}-right`}>
              <AnswerText question={question} answer={outcome.correctAnswer} asKeyPoints={isShort} />
            </dd>
            {isShort && outcome.rubric && (
              <>
                <dt>{t('learn.quiz.rubric')}</dt>
                <dd className="cd-question__text-answer">{outcome.rubric}</dd>
              </>
            )}
            {outcome.explanation && (
              <>
                <dt>{t('learn.quiz.explanation')}</dt>
                <dd className="cd-question__explanation">{outcome.explanation}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </div>
  );
}
