import { PauseOutlined, PlayCircleOutlined, RedoOutlined, StepForwardOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupStartMs, MUSCLE_GROUPS, RELAXATION_TOTAL_MS, relaxationAt, RELAX_MS, TENSE_MS } from '../relaxation';
import { useRunningClock } from './use-running-clock';

/**
 * Progressive muscle relaxation: one group after another, tense about 5 s, then relax about
 * 10 s, with what to do, a countdown, the list of groups and start / pause / next group.
 */
export function MuscleRelaxation() {
  const { t } = useTranslation();
  const clock = useRunningClock({ stopAtMs: RELAXATION_TOTAL_MS });
  const state = relaxationAt(clock.elapsed);
  const isIdle = clock.elapsed === 0 && !clock.isRunning;
  const isDone = state.step === 'done';
  const stepMs = state.step === 'tense' ? TENSE_MS : RELAX_MS;

  return (
    <div data-testid="learning-relaxation" data-step={isIdle ? 'ready' : state.step} data-group={state.group}>
      <Typography.Paragraph type="secondary">{t('learn.relaxation.intro')}</Typography.Paragraph>
      <div className="cd-learning-relax">
        <Steps
          orientation="vertical"
          size="small"
          current={isDone ? MUSCLE_GROUPS.length : state.index}
          className="cd-learning-relax__steps"
          items={MUSCLE_GROUPS.map((group) => ({ title: t(`learn.relaxation.groups.${group}.name`) }))}
        />
        <Flex vertical align="center" justify="center" gap={12} className="cd-learning-relax__stage">
          {isDone ? (
            <>
              <div className="cd-learning-relax__step cd-learning-relax__step--done">{t('learn.relaxation.steps.done')}</div>
              <Typography.Paragraph style={{ textAlign: 'center', margin: 0 }}>{t('learn.relaxation.doneNote')}</Typography.Paragraph>
            </>
          ) : (
            <>
              <Typography.Text type="secondary" data-testid="learning-relaxation-group-of">
                {t('learn.relaxation.groupOf', { n: state.index + 1, total: MUSCLE_GROUPS.length })}
              </Typography.Text>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="learning-relaxation-group">
                {t(`learn.relaxation.groups.${state.group}.name`)}
              </Typography.Title>
              <div className={`cd-learning-relax__step cd-learning-relax__step--${isIdle ? 'ready' : state.step}`} data-testid="learning-relaxation-step">
                {isIdle ? t('learn.relaxation.steps.ready') : t(`learn.relaxation.steps.${state.step}`)}
                {!isIdle && <span className="cd-learning-relax__count">{state.stepSecondsLeft}</span>}
              </div>
              <Typography.Paragraph style={{ textAlign: 'center', margin: 0, maxWidth: 360 }}>
                {state.step === 'relax' && !isIdle ? t('learn.relaxation.relaxHint') : t(`learn.relaxation.groups.${state.group}.how`)}
              </Typography.Paragraph>
              {!isIdle && <Progress percent={Math.round(100 * (1 - (state.stepSecondsLeft * 1000) / stepMs))} showInfo={false} size="small" style={{ width: 220 }} />}
            </>
          )}
        </Flex>
      </div>
      <Flex gap={8} justify="center" wrap style={{ marginTop: 12 }}>
        {clock.isRunning ? (
          <Button icon={<PauseOutlined />} onClick={clock.pause} data-testid="learning-relaxation-pause">
            {t('learn.common.pause')}
          </Button>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={clock.start} data-testid="learning-relaxation-start">
            {isIdle || isDone ? t('learn.common.startExercise') : t('learn.common.resume')}
          </Button>
        )}
        {!isIdle && !isDone && (
          <Button icon={<StepForwardOutlined />} onClick={() => clock.seek(groupStartMs(state.index + 1))} data-testid="learning-relaxation-next">
            {t('learn.relaxation.next')}
          </Button>
        )}
        {!isIdle && (
          <Button icon={<RedoOutlined />} onClick={clock.reset}>
            {t('learn.common.restart')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', margin: '10px 0 0' }}>
        {t('learn.relaxation.tip')}
      </Typography.Paragraph>
    </div>
  );
}
