/**
 * The one-minute breathing pacer (SPEC §2.1, the quick desk variant): count to three,
 * then breathe in for 4 s, hold for 2 s and breathe out for 6 s, again and again until the
 * minute is up. Pure: the modal asks where the pacer is at a given elapsed time.
 */

export const PACER_READY_MS = 3_000;
export const PACER_TOTAL_MS = 60_000;
export const PACER_STEPS = [
  { phase: 'inhale', ms: 4_000 },
  { phase: 'hold', ms: 2_000 },
  { phase: 'exhale', ms: 6_000 },
] as const;
export const PACER_CYCLE_MS = PACER_STEPS.reduce((sum, step) => sum + step.ms, 0);

/** Smallest and largest scale of the breathing circle. */
export const PACER_MIN_SCALE = 0.55;
export const PACER_MAX_SCALE = 1;

export type TPacerPhase = 'ready' | 'inhale' | 'hold' | 'exhale' | 'done';

export interface TPacerState {
  phase: TPacerPhase;
  /** Whole seconds left in this phase (3, 2, 1 while getting ready), rounded up; 0 when done. */
  phaseSecondsLeft: number;
  /** Whole seconds left in the minute, rounded up. */
  totalSecondsLeft: number;
  /** Scale of the circle, PACER_MIN_SCALE (empty lungs) to PACER_MAX_SCALE (full). */
  scale: number;
  /** Breaths begun so far (1 during the first one; 0 while getting ready). */
  breath: number;
}

/** Ease in and out, so the circle starts and ends each breath gently. */
function ease(progress: number): number {
  const p = Math.min(1, Math.max(0, progress));
  return 0.5 - Math.cos(Math.PI * p) / 2;
}

/**
 * Where the pacer is after some time.
 * @param elapsedMs milliseconds since the pacer opened (negative counts as 0)
 * @returns phase, seconds left, circle scale and breath number
 */
export function pacerAt(elapsedMs: number): TPacerState {
  const t = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  const totalSecondsLeft = Math.max(0, Math.ceil((PACER_TOTAL_MS - t) / 1000));
  if (t >= PACER_TOTAL_MS) return { phase: 'done', phaseSecondsLeft: 0, totalSecondsLeft: 0, scale: PACER_MIN_SCALE, breath: Math.ceil((PACER_TOTAL_MS - PACER_READY_MS) / PACER_CYCLE_MS) };
  if (t < PACER_READY_MS) return { phase: 'ready', phaseSecondsLeft: Math.ceil((PACER_READY_MS - t) / 1000), totalSecondsLeft, scale: PACER_MIN_SCALE, breath: 0 };

  const sinceReady = t - PACER_READY_MS;
  const breath = Math.floor(sinceReady / PACER_CYCLE_MS) + 1;
  let inCycle = sinceReady % PACER_CYCLE_MS;
  for (const step of PACER_STEPS) {
    if (inCycle < step.ms) {
      // The last breath may be cut short by the end of the minute.
      const stepEnd = Math.min(step.ms, PACER_TOTAL_MS - t + inCycle);
      const phaseSecondsLeft = Math.max(1, Math.ceil((stepEnd - inCycle) / 1000));
      const progress = inCycle / step.ms;
      const span = PACER_MAX_SCALE - PACER_MIN_SCALE;
      const scale =
        step.phase === 'inhale' ? PACER_MIN_SCALE + span * ease(progress) : step.phase === 'hold' ? PACER_MAX_SCALE : PACER_MAX_SCALE - span * ease(progress);
      return { phase: step.phase, phaseSecondsLeft, totalSecondsLeft, scale, breath };
    }
    inCycle -= step.ms;
  }
  // Unreachable: inCycle < PACER_CYCLE_MS always falls in a step.
  return { phase: 'done', phaseSecondsLeft: 0, totalSecondsLeft, scale: PACER_MIN_SCALE, breath };
}
