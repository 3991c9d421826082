import { CheckCircleFilled, RedoOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The five senses of 5-4-3-2-1 and how many things each asks for. */
const SENSES = [
  { key: 'see', count: 5 },
  { key: 'touch', count: 4 },
  { key: 'hear', count: 3 },
  { key: 'smell', count: 2 },
  { key: 'taste', count: 1 },
] as const;

const emptyAnswers = () => SENSES.map((sense) => Array.from({ length: sense.count }, () => ''));

/**
 * The 5-4-3-2-1 grounding exercise: five things seen, four touched, three heard, two smelt,
 * one tasted, one sense at a time with a box per thing. Nothing is kept: it is for the moment.
 */
export function Grounding() {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<string[][]>(emptyAnswers);
  const isDone = step >= SENSES.length;
  const sense = SENSES[Math.min(step, SENSES.length - 1)]!;

  const restart = () => {
    setAnswers(emptyAnswers());
    setStep(0);
  };

  return (
    <div data-testid="learning-grounding" data-step={isDone ? 'done' : sense.key}>
      <Typography.Paragraph type="secondary">{t('learn.grounding.intro')}</Typography.Paragraph>
      <Progress percent={Math.round((100 * Math.min(step, SENSES.length)) / SENSES.length)} steps={SENSES.length} showInfo={false} strokeColor="#2f7d8c" style={{ marginBottom: 12 }} />
      {isDone ? (
        <Flex vertical align="center" gap={12} className="cd-learning-grounding__done" data-testid="learning-grounding-done">
          <CheckCircleFilled style={{ fontSize: 40, color: '#2f7d8c' }} />
          <Typography.Paragraph style={{ textAlign: 'center', margin: 0, maxWidth: 420 }}>{t('learn.grounding.done')}</Typography.Paragraph>
          <ul className="cd-learning-grounding__recap">
            {SENSES.map((item, index) => {
              const filled = answers[index]!.map((value) => value.trim()).filter(Boolean);
              return filled.length === 0 ? null : (
                <li key={item.key}>
                  <strong>{t(`learn.grounding.steps.${item.key}.short`)}</strong>
                  {filled.join('、')}
                </li>
              );
            })}
          </ul>
          <Button icon={<RedoOutlined />} onClick={restart} data-testid="learning-grounding-again">
            {t('learn.grounding.again')}
          </Button>
        </Flex>
      ) : (
        <div className="cd-learning-grounding__step">
          <Typography.Text type="secondary">{t('learn.grounding.stepOf', { n: step + 1, total: SENSES.length })}</Typography.Text>
          <Typography.Title level={4} style={{ margin: '4px 0' }} data-testid="learning-grounding-title">
            <span className="cd-learning-grounding__number">{sense.count}</span>
            {t(`learn.grounding.steps.${sense.key}.label`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t(`learn.grounding.steps.${sense.key}.hint`)}</Typography.Paragraph>
          <Flex vertical gap={8} style={{ maxWidth: 420 }}>
            {answers[step]!.map((value, index) => (
              <Input
                key={`${sense.key}-${index}`}
                value={value}
                maxLength={100}
                placeholder={t('learn.grounding.placeholder', { n: index + 1 })}
                onChange={(event) =>
                  setAnswers((current) => current.map((list, listIndex) => (listIndex === step ? list.map((item, itemIndex) => (itemIndex === index ? event.target.value : item)) : list)))
                }
                onPressEnter={() => setStep(step + 1)}
                data-testid={`learning-grounding-input-${index}`}
              />
            ))}
          </Flex>
          <Flex gap={8} style={{ marginTop: 16 }}>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('learn.grounding.back')}</Button>}
            <Button type="primary" onClick={() => setStep(step + 1)} data-testid="learning-grounding-next">
              {step === SENSES.length - 1 ? t('learn.grounding.finish') : t('learn.grounding.next')}
            </Button>
          </Flex>
        </div>
      )}
    </div>
  );
}
