import { PauseOutlined, PlayCircleOutlined, RedoOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BREATH_PATTERNS, breathAt, breathCycleMs, type TBreathPatternKey } from '../breathing';
import { useRunningClock } from './use-running-clock';

const PHASE_COLOR = { inhale: '#2f7d8c', hold: '#5ea0be', exhale: '#7fbf9f', done: '#8fb8c0' } as const;

/**
 * The breathing exercise: an animated circle pacing 4-7-8 (in 4, hold 7, out 8, four rounds)
 * or the gentler 4-2-6, with the step's name, its seconds and the round; start and pause.
 * Swapping the pattern starts it afresh.
 */
export function BreathingPacer() {
  const { t } = useTranslation();
  const [patternKey, setPatternKey] = useState<TBreathPatternKey>('4-7-8');
  const pattern = BREATH_PATTERNS[patternKey];
  const clock = useRunningClock({ stopAtMs: breathCycleMs(pattern) * pattern.rounds });
  const state = breathAt(pattern, clock.elapsed);
  const isIdle = clock.elapsed === 0 && !clock.isRunning;
  const phaseLabel = isIdle ? t('learn.breathing.ready') : t(`learn.breathing.phases.${state.phase}`);

  return (
    <Flex vertical align="center" gap={14} data-testid="learning-breathing" data-phase={isIdle ? 'ready' : state.phase} data-pattern={patternKey}>
      <Segmented
        value={patternKey}
        onChange={(value) => {
          clock.reset();
          setPatternKey(value as TBreathPatternKey);
        }}
        options={(Object.keys(BREATH_PATTERNS) as TBreathPatternKey[]).map((key) => ({ value: key, label: <span data-testid={`learning-breathing-pattern-${key}`}>{t(`learn.breathing.patterns.${key}`)}</span> }))}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center', maxWidth: 460 }}>
        {t(`learn.breathing.patternHints.${patternKey}`)}
      </Typography.Paragraph>
      <div className="cd-learning-pacer">
        <div className="cd-learning-pacer__ring" />
        <div className="cd-learning-pacer__circle" style={{ transform: `scale(${state.scale})`, background: PHASE_COLOR[state.phase] }} />
        <div className="cd-learning-pacer__label" aria-live="polite">
          <div className="cd-learning-pacer__phase" data-testid="learning-breathing-phase">
            {phaseLabel}
          </div>
          {!isIdle && state.phase !== 'done' && <div className="cd-learning-pacer__count">{state.phaseSecondsLeft}</div>}
        </div>
      </div>
      <Typography.Text type="secondary" data-testid="learning-breathing-round">
        {state.phase === 'done' ? t('learn.breathing.doneNote') : t('learn.breathing.round', { round: state.round, total: pattern.rounds })}
      </Typography.Text>
      <Progress percent={Math.round(state.progress * 100)} showInfo={false} size="small" style={{ width: 260 }} />
      <Flex gap={8}>
        {clock.isRunning ? (
          <Button icon={<PauseOutlined />} onClick={clock.pause} data-testid="learning-breathing-pause">
            {t('learn.common.pause')}
          </Button>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={clock.start} data-testid="learning-breathing-start">
            {isIdle || clock.isDone ? t('learn.common.startExercise') : t('learn.common.resume')}
          </Button>
        )}
        {!isIdle && (
          <Button icon={<RedoOutlined />} onClick={clock.reset} data-testid="learning-breathing-reset">
            {t('learn.common.restart')}
          </Button>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('learn.breathing.tip')}
      </Typography.Text>
    </Flex>
  );
}
