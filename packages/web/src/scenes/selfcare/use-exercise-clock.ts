import { useCallback, useEffect, useRef, useState } from 'react';

export type TClockStatus = 'idle' | 'running' | 'paused';

export interface TExerciseClock {
  status: TClockStatus;
  /** Milliseconds run so far, paused time left out. */
  elapsedMs: number;
  start: () => void;
  pause: () => void;
  resume: () => void;
  /** Back to idle and zero. */
  stop: () => void;
  /** Jumps forward (skip a step), keeping the status. */
  advanceTo: (elapsedMs: number) => void;
}

/** Redraw often enough that a counted second never looks late. */
const TICK_MS = 100;

/**
 * A start/pause/stop stopwatch for the guided exercises. Time is measured from the clock, not by
 * counting ticks, so a tab in the background (where timers slow down) still shows the right phase
 * when it comes back.
 * @returns the status, the elapsed time and the controls
 */
export function useExerciseClock(): TExerciseClock {
  const [status, setStatus] = useState<TClockStatus>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  // Elapsed time banked before the current run, and when the current run started.
  const bankedRef = useRef(0);
  const runStartRef = useRef<number | null>(null);

  const read = () => bankedRef.current + (runStartRef.current === null ? 0 : performance.now() - runStartRef.current);

  useEffect(() => {
    if (status !== 'running') return;
    const timer = window.setInterval(() => setElapsedMs(read()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [status]);

  const start = useCallback(() => {
    bankedRef.current = 0;
    runStartRef.current = performance.now();
    setElapsedMs(0);
    setStatus('running');
  }, []);
  const pause = useCallback(() => {
    bankedRef.current = read();
    runStartRef.current = null;
    setElapsedMs(bankedRef.current);
    setStatus('paused');
  }, []);
  const resume = useCallback(() => {
    runStartRef.current = performance.now();
    setStatus('running');
  }, []);
  const stop = useCallback(() => {
    bankedRef.current = 0;
    runStartRef.current = null;
    setElapsedMs(0);
    setStatus('idle');
  }, []);
  const advanceTo = useCallback((target: number) => {
    bankedRef.current = target;
    if (runStartRef.current !== null) runStartRef.current = performance.now();
    setElapsedMs(target);
  }, []);

  return { status, elapsedMs, start, pause, resume, stop, advanceTo };
}
