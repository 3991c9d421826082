import { Card, Checkbox, Flex, Input, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAnswerValue, TFormQuestion } from './answers';
import { useSurveyLabels } from './labels';

/**
 * A survey's questions as a form: Likert as five buttons from 非常不同意 to 非常同意, single
 * choice as radios, multiple choice as checkboxes, open text as a text area. Used to answer at
 * /my/surveys/:id and, read-only or not, as the builder's preview.
 * @param props.answers question id -> answer
 * @param props.errors question id -> message shown under the question
 * @param props.isDisabled shows the questions without taking answers
 */
export function SurveyForm({
  questions,
  answers,
  onChange,
  errors = {},
  isDisabled = false,
}: {
  questions: readonly TFormQuestion[];
  answers: Readonly<Record<string, TAnswerValue>>;
  onChange?: (next: Record<string, TAnswerValue>) => void;
  errors?: Readonly<Record<string, string>>;
  isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  const set = (id: string, value: TAnswerValue) => onChange?.({ ...answers, [id]: value });

  return (
    <Flex vertical gap={12} data-testid="survey-form">
      {questions.map((question, index) => {
        const value = answers[question.id];
        const error = errors[question.id];
        return (
          <Card
            key={question.id}
            size="small"
            variant="outlined"
            id={`survey-question-${question.id}`}
            data-testid={`survey-question-${question.id}`}
            style={error ? { borderColor: '#ff4d4f' } : undefined}
          >
            <Flex gap={8} align="baseline" style={{ marginBottom: 10 }}>
              <Typography.Text type="secondary" style={{ flex: 'none' }}>
                {index + 1}.
              </Typography.Text>
              <Typography.Text strong style={{ flex: 1 }}>
                {question.prompt}
                {question.isRequired && (
                  <Typography.Text type="danger" aria-label={t('surveys.form.required')}>
                    {' '}*
                  </Typography.Text>
                )}
              </Typography.Text>
              {question.type === 'multiple' && <Tag style={{ marginInlineEnd: 0 }}>{t('surveys.form.multipleHint')}</Tag>}
            </Flex>
            {question.type === 'likert' && (
              <Radio.Group
                value={typeof value === 'number' ? value : undefined}
                onChange={(event) => set(question.id, event.target.value as number)}
                disabled={isDisabled}
                optionType="button"
                buttonStyle="solid"
                aria-label={question.prompt}
                style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
              >
                {labels.likert.map((label, i) => (
                  <Radio.Button key={label} value={i + 1} style={{ borderRadius: 6, borderInlineStartWidth: 1 }}>
                    <span data-testid={`survey-answer-${question.id}-${i + 1}`}>
                      {i + 1} · {label}
                    </span>
                  </Radio.Button>
                ))}
              </Radio.Group>
            )}
            {question.type === 'single' && (
              <Radio.Group value={typeof value === 'string' ? value : undefined} onChange={(event) => set(question.id, event.target.value as string)} disabled={isDisabled} aria-label={question.prompt}>
                <Flex vertical gap={6}>
                  {question.options.map((option, i) => (
                    <Radio key={option} value={option}>
                      <span data-testid={`survey-answer-${question.id}-${i}`}>{option}</span>
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            )}
            {question.type === 'multiple' && (
              <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(checked) => set(question.id, checked as string[])} disabled={isDisabled} aria-label={question.prompt}>
                <Flex vertical gap={6}>
                  {question.options.map((option, i) => (
                    <Checkbox key={option} value={option}>
                      <span data-testid={`survey-answer-${question.id}-${i}`}>{option}</span>
                    </Checkbox>
                  ))}
                </Flex>
              </Checkbox.Group>
            )}
            {question.type === 'text' && (
              <Input.TextArea
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(question.id, event.target.value)}
                disabled={isDisabled}
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={4000}
                showCount
                placeholder={t('surveys.form.textPlaceholder')}
                aria-label={question.prompt}
                data-testid={`survey-answer-${question.id}`}
              />
            )}
            {error && (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 6, fontSize: 13 }} data-testid={`survey-error-${question.id}`}>
                {error}
              </Typography.Text>
            )}
          </Card>
        );
      })}
    </Flex>
  );
}
