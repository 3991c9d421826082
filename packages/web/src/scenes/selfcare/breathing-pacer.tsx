import { CaretRightOutlined, PauseOutlined, ReloadOutlined, SoundOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Switch, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BREATHING_PATTERNS,
  breathingSessionSeconds,
  pacerMomentAt,
  pacerScaleRange,
  type TBreathingPatternId,
} from './breathing-patterns';
import { canPlaySoftSound, openSoftSound, type TSoftSound } from './soft-sound';
import { usePrefersReducedMotion } from './use-prefers-reduced-motion';
import { useExerciseClock } from './use-exercise-clock';
import './selfcare.css';

export interface TBreathingPacerSummary {
  /** Whole breath cycles finished. */
  cycles: number;
  /** Seconds spent, count-in included. */
  seconds: number;
  /** True when a timed session ran to its end; false when the person stopped early. */
  isComplete: boolean;
}

export interface TBreathingPacerProps {
  /** Which rhythm to pace: 'desk' (3-4-2-6), '478', 'box' or 'belly'. */
  pattern: TBreathingPatternId;
  /** Stop by itself after about this long (rounded to whole breaths); without it the pacer runs until stopped. */
  durationSeconds?: number;
  /** Called when a timed session ends, or when the person stops after at least one full breath. */
  onDone?: (summary: TBreathingPacerSummary) => void;
  /** Smaller circle and one row of controls, for embedding in another page (the assist page's one-minute pause). */
  compact?: boolean;
  /** Start at once instead of waiting for the start button. */
  autoStart?: boolean;
}

/**
 * The animated breathing pacer (SPEC §2.6): a circle that grows on the in-breath and shrinks on the
 * out-breath, the phase and its seconds counted down, the finished cycles, start/pause/stop and an
 * optional soft tone. With "reduce motion" set in the system, the circle stays still and the count
 * carries the rhythm. Makes no API calls, so it also works on the public offline page /breathe.
 */
export function BreathingPacer({ pattern: patternId, durationSeconds, onDone, compact = false, autoStart = false }: TBreathingPacerProps) {
  const { t } = useTranslation();
  const pattern = BREATHING_PATTERNS[patternId];
  const clock = useExerciseClock();
  const reducedMotion = usePrefersReducedMotion();
  const [isSoundOn, setSoundOn] = useState(false);
  const [finished, setFinished] = useState<TBreathingPacerSummary | null>(null);
  const soundRef = useRef<TSoftSound | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const sessionSeconds = durationSeconds === undefined ? null : breathingSessionSeconds(pattern, durationSeconds);
  const moment = pacerMomentAt(pattern, clock.elapsedMs);
  const isActive = clock.status !== 'idle';
  const phaseKey = `${moment.cyclesDone}:${moment.phaseIndex}`;

  // A new pattern starts from the beginning.
  useEffect(() => {
    clock.stop();
    setFinished(null);
  }, [patternId]);

  useEffect(() => {
    if (autoStart) clock.start();
  }, []);

  // The timed session ends on a whole breath.
  useEffect(() => {
    if (sessionSeconds === null || clock.status !== 'running' || clock.elapsedMs < sessionSeconds * 1000) return;
    const summary = { cycles: pacerMomentAt(pattern, sessionSeconds * 1000 - 1).cyclesDone + 1, seconds: sessionSeconds, isComplete: true };
    clock.stop();
    setFinished(summary);
    onDoneRef.current?.(summary);
  }, [clock, pattern, sessionSeconds]);

  // A soft tone at the start of each phase, when sound is on.
  useEffect(() => {
    if (clock.status === 'running' && isSoundOn) soundRef.current?.cue(moment.kind);
  }, [phaseKey, clock.status === 'running', isSoundOn]);

  useEffect(() => () => soundRef.current?.close(), []);

  const onSoundChange = (checked: boolean) => {
    if (checked && !soundRef.current) soundRef.current = openSoftSound();
    setSoundOn(checked);
  };

  const onStart = () => {
    setFinished(null);
    clock.start();
  };
  const onStop = () => {
    const summary = { cycles: moment.cyclesDone, seconds: Math.round(clock.elapsedMs / 1000), isComplete: false };
    clock.stop();
    if (summary.cycles > 0) {
      setFinished(summary);
      onDoneRef.current?.(summary);
    }
  };

  // The circle runs from where it is to the phase's end size over the seconds left, in CSS;
  // recomputed only when the phase changes or the clock starts or pauses.
  const motion = useMemo<CSSProperties>(() => {
    const range = pacerScaleRange(moment.kind);
    const now = range.from + (range.to - range.from) * moment.progress;
    if (clock.status !== 'running' || reducedMotion) return { transform: `scale(${reducedMotion ? 0.8 : now})`, transition: 'none' };
    const remaining = moment.phaseSeconds * (1 - moment.progress);
    return { transform: `scale(${range.to})`, transition: `transform ${remaining.toFixed(2)}s ease-in-out` };
  }, [phaseKey, clock.status, reducedMotion]);

  const size = compact ? 168 : 260;
  const rhythm = [
    ...(pattern.countInSeconds > 0 ? [t('selfcare.pacer.rhythmCountIn', { seconds: pattern.countInSeconds })] : []),
    ...pattern.phases.map((phase) => t(`selfcare.pacer.rhythm.${phase.kind}`, { seconds: phase.seconds })),
  ].join(' · ');
  const remainingSeconds = sessionSeconds === null ? null : Math.max(0, Math.ceil(sessionSeconds - clock.elapsedMs / 1000));
  const phaseLabel = isActive ? t(`selfcare.pacer.phase.${moment.kind}`) : finished ? t('selfcare.pacer.finished') : t('selfcare.pacer.idle');

  return (
    <div className={`cd-breath${compact ? ' cd-breath--compact' : ''}`} data-testid="pacer" data-pattern={patternId} data-status={clock.status}>
      <div className="cd-breath__stage" style={{ width: size, height: size }}>
        <div className="cd-breath__halo" aria-hidden="true" />
        <div className={`cd-breath__circle cd-breath__circle--${isActive ? moment.kind : 'idle'}`} style={motion} aria-hidden="true" />
        <div className="cd-breath__label">
          <span className="cd-breath__phase" data-testid="pacer-phase" data-phase={isActive ? moment.kind : finished ? 'done' : 'idle'} aria-live="polite">
            {phaseLabel}
          </span>
          {isActive && (
            <span className="cd-breath__seconds" data-testid="pacer-seconds" aria-hidden={!reducedMotion}>
              {moment.secondsLeft}
            </span>
          )}
        </div>
      </div>

      <Typography.Text type="secondary" className="cd-breath__rhythm" data-testid="pacer-rhythm">
        {rhythm}
      </Typography.Text>

      <Flex gap={16} justify="center" wrap className="cd-breath__status">
        <Typography.Text data-testid="pacer-cycles">{t('selfcare.pacer.cycles', { count: finished && !isActive ? finished.cycles : moment.cyclesDone })}</Typography.Text>
        {remainingSeconds !== null && isActive && (
          <Typography.Text type="secondary" data-testid="pacer-remaining">
            {t('selfcare.pacer.remaining', { time: formatSeconds(remainingSeconds) })}
          </Typography.Text>
        )}
      </Flex>
      {sessionSeconds !== null && isActive && (
        <Progress percent={Math.min(100, (clock.elapsedMs / 1000 / sessionSeconds) * 100)} showInfo={false} size="small" strokeColor="#5ea0be" style={{ maxWidth: 260, margin: '0 auto' }} />
      )}
      {finished && !isActive && (
        <Typography.Paragraph className="cd-breath__done" data-testid="pacer-done">
          {t('selfcare.pacer.doneNote', { count: finished.cycles })}
        </Typography.Paragraph>
      )}

      <Flex gap={8} justify="center" align="center" wrap className="cd-breath__controls">
        {clock.status === 'idle' && (
          <Button type="primary" size={compact ? 'middle' : 'large'} icon={finished ? <ReloadOutlined /> : <CaretRightOutlined />} onClick={onStart} data-testid="pacer-start">
            {finished ? t('selfcare.pacer.again') : t('selfcare.pacer.start')}
          </Button>
        )}
        {clock.status === 'running' && (
          <Button size={compact ? 'middle' : 'large'} icon={<PauseOutlined />} onClick={clock.pause} data-testid="pacer-pause">
            {t('selfcare.pacer.pause')}
          </Button>
        )}
        {clock.status === 'paused' && (
          <Button type="primary" size={compact ? 'middle' : 'large'} icon={<CaretRightOutlined />} onClick={clock.resume} data-testid="pacer-resume">
            {t('selfcare.pacer.resume')}
          </Button>
        )}
        {isActive && (
          <Button size={compact ? 'middle' : 'large'} icon={<StopOutlined />} onClick={onStop} data-testid="pacer-stop">
            {t('selfcare.pacer.stop')}
          </Button>
        )}
        {canPlaySoftSound() && (
          <label className="cd-breath__sound">
            <SoundOutlined aria-hidden="true" />
            <span>{t('selfcare.pacer.sound')}</span>
            <Switch size="small" checked={isSoundOn} onChange={onSoundChange} data-testid="pacer-sound" />
          </label>
        )}
      </Flex>
      {reducedMotion && !compact && (
        <Typography.Paragraph type="secondary" className="cd-breath__note" data-testid="pacer-reduced-motion">
          {t('selfcare.pacer.reducedMotion')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
