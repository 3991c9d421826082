import { CaretRightOutlined, PauseOutlined, ReloadOutlined, StepForwardOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { guideMomentAt, guideTotalSeconds, type TGuideStep } from './guided-steps';
import { useExerciseClock } from './use-exercise-clock';
import './selfcare.css';

/**
 * A timed, step-by-step guide (muscle relaxation, grounding): the step's title and instruction,
 * a count of its seconds, start/pause/next/stop, and the way through the whole guide. Steps move on
 * by themselves when their time is up; "next" moves on earlier.
 * @param props.steps the guide's steps (see guided-steps.ts)
 * @param props.testId prefix of the test ids (`<testId>-start`, `<testId>-step`…)
 */
export function GuidedExercise({ steps, testId }: { steps: readonly TGuideStep[]; testId: string }) {
  const { t } = useTranslation();
  const clock = useExerciseClock();
  const moment = guideMomentAt(steps, clock.elapsedMs);
  const isDone = moment.index >= steps.length;
  const step = isDone ? undefined : steps[moment.index];
  const totalSeconds = guideTotalSeconds(steps);

  useEffect(() => {
    if (isDone && clock.status === 'running') clock.pause();
  }, [isDone, clock]);

  const minutes = Math.round(totalSeconds / 60);
  if (clock.status === 'idle') {
    return (
      <Flex vertical gap={12} align="flex-start" data-testid={testId} data-status="idle">
        <Typography.Text type="secondary">{t('selfcare.guide.length', { minutes, steps: steps.length })}</Typography.Text>
        <Button type="primary" size="large" icon={<CaretRightOutlined />} onClick={clock.start} data-testid={`${testId}-start`}>
          {t('selfcare.guide.start')}
        </Button>
      </Flex>
    );
  }

  if (isDone || !step) {
    return (
      <Flex vertical gap={12} align="flex-start" data-testid={testId} data-status="done">
        <Typography.Paragraph className="cd-guide__step" data-testid={`${testId}-done`} style={{ margin: 0 }}>
          {t('selfcare.guide.done')}
        </Typography.Paragraph>
        <Button icon={<ReloadOutlined />} onClick={clock.start} data-testid={`${testId}-again`}>
          {t('selfcare.guide.again')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12} data-testid={testId} data-status={clock.status} data-step={moment.index}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" data-testid={`${testId}-position`}>
          {t('selfcare.guide.position', { current: moment.index + 1, total: steps.length })}
        </Typography.Text>
        <span className={`cd-guide__mode cd-guide__mode--${step.mode}`} data-testid={`${testId}-mode`} data-mode={step.mode}>
          {t(`selfcare.guide.mode.${step.mode}`)}
        </span>
      </Flex>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid={`${testId}-title`}>
        {t(`selfcare.${step.key}.title`)}
      </Typography.Title>
      <Typography.Paragraph className="cd-guide__step" style={{ margin: 0 }} data-testid={`${testId}-step`}>
        {t(`selfcare.${step.key}.text`)}
      </Typography.Paragraph>
      <Flex align="center" gap={16}>
        <span className="cd-guide__count" data-testid={`${testId}-seconds`} aria-label={t('selfcare.guide.secondsLeft', { count: moment.secondsLeft })}>
          {moment.secondsLeft}
        </span>
        <Progress percent={moment.progress * 100} showInfo={false} strokeColor={step.mode === 'tense' ? '#d58a3c' : '#5ea0be'} style={{ flex: 1, margin: 0 }} />
      </Flex>
      <Progress percent={(clock.elapsedMs / 1000 / totalSeconds) * 100} showInfo={false} size="small" strokeColor="#9dbfc7" aria-label={t('selfcare.guide.overall')} />
      <Flex gap={8} wrap>
        {clock.status === 'running' ? (
          <Button icon={<PauseOutlined />} onClick={clock.pause} data-testid={`${testId}-pause`}>
            {t('selfcare.guide.pause')}
          </Button>
        ) : (
          <Button type="primary" icon={<CaretRightOutlined />} onClick={clock.resume} data-testid={`${testId}-resume`}>
            {t('selfcare.guide.resume')}
          </Button>
        )}
        <Button icon={<StepForwardOutlined />} onClick={() => clock.advanceTo(moment.stepEndMs)} data-testid={`${testId}-next`}>
          {t('selfcare.guide.next')}
        </Button>
        <Button icon={<StopOutlined />} onClick={clock.stop} data-testid={`${testId}-stop`}>
          {t('selfcare.guide.stop')}
        </Button>
      </Flex>
    </Flex>
  );
}
