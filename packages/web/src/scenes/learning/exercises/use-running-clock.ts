import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A stopwatch for the guided exercises: running time with pauses left out, ticking a few
 * times a second while running.
 * @param options.stopAtMs stop by itself once this much time has run
 * @returns elapsed ms, whether it runs, and start/pause/reset/seek controls
 */
export function useRunningClock(options: { stopAtMs: number; tickMs?: number }) {
  const { stopAtMs, tickMs = 100 } = options;
  const [elapsed, setElapsed] = useState(0);
  const [isRunning, setRunning] = useState(false);
  // Running time banked before the current run, when the current run started, and whether one is on.
  const bankedRef = useRef(0);
  const startedRef = useRef(0);
  const runningRef = useRef(false);

  const now = useCallback(() => bankedRef.current + (runningRef.current ? performance.now() - startedRef.current : 0), []);

  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => {
      const value = now();
      if (value >= stopAtMs) {
        bankedRef.current = stopAtMs;
        runningRef.current = false;
        setElapsed(stopAtMs);
        setRunning(false);
      } else {
        setElapsed(value);
      }
    }, tickMs);
    return () => window.clearInterval(timer);
  }, [isRunning, stopAtMs, tickMs, now]);

  const start = useCallback(() => {
    if (runningRef.current) return;
    if (bankedRef.current >= stopAtMs) {
      bankedRef.current = 0;
      setElapsed(0);
    }
    startedRef.current = performance.now();
    runningRef.current = true;
    setRunning(true);
  }, [stopAtMs]);

  const pause = useCallback(() => {
    if (!runningRef.current) return;
    bankedRef.current = Math.min(stopAtMs, now());
    runningRef.current = false;
    setElapsed(bankedRef.current);
    setRunning(false);
  }, [now, stopAtMs]);

  const reset = useCallback(() => {
    bankedRef.current = 0;
    runningRef.current = false;
    setElapsed(0);
    setRunning(false);
  }, []);

  /** Jumps to a running time (skip ahead, go back); keeps running if it was. */
  const seek = useCallback(
    (ms: number) => {
      bankedRef.current = Math.min(Math.max(0, ms), stopAtMs);
      startedRef.current = performance.now();
      setElapsed(bankedRef.current);
    },
    [stopAtMs],
  );

  return { elapsed, isRunning, isDone: elapsed >= stopAtMs, start, pause, reset, seek };
}
