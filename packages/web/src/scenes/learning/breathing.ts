/**
 * A general breathing pacer for the lesson exercise: a pattern of timed steps (breathe in,
 * hold, breathe out) repeated for a number of rounds. 4-7-8 is the deep-relaxation pattern
 * of the curriculum; 4-2-6 the gentler desk variant. Pure: the page keeps the running time
 * (with pauses left out) and asks where the pacer is.
 */

export type TBreathPhase = 'inhale' | 'hold' | 'exhale';
export type TBreathPatternKey = '4-7-8' | '4-2-6';

export interface TBreathPattern {
  key: TBreathPatternKey;
  steps: readonly { phase: TBreathPhase; seconds: number }[];
  /** Rounds of one session: 4-7-8 is done in four (longer makes beginners light-headed); 4-2-6 for about a minute. */
  rounds: number;
}

export const BREATH_PATTERNS: Record<TBreathPatternKey, TBreathPattern> = {
  '4-7-8': {
    key: '4-7-8',
    steps: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 7 },
      { phase: 'exhale', seconds: 8 },
    ],
    rounds: 4,
  },
  '4-2-6': {
    key: '4-2-6',
    steps: [
      { phase: 'inhale', seconds: 4 },
      { phase: 'hold', seconds: 2 },
      { phase: 'exhale', seconds: 6 },
    ],
    rounds: 5,
  },
};

/** Smallest and largest scale of the circle: empty and full lungs. */
export const BREATH_MIN_SCALE = 0.5;
export const BREATH_MAX_SCALE = 1;

export interface TBreathState {
  phase: TBreathPhase | 'done';
  /** 1-based round; equals the pattern's rounds when done. */
  round: number;
  /** Whole seconds left in this step, rounded up (0 when done). */
  phaseSecondsLeft: number;
  /** Circle scale between BREATH_MIN_SCALE and BREATH_MAX_SCALE. */
  scale: number;
  /** Share of the whole session done, 0–1. */
  progress: number;
}

/**
 * Length of one round of a pattern.
 * @param pattern the pattern
 * @returns milliseconds
 */
export function breathCycleMs(pattern: TBreathPattern): number {
  return pattern.steps.reduce((sum, step) => sum + step.seconds * 1000, 0);
}

/** Ease in and out, so each breath starts and ends gently. */
function ease(progress: number): number {
  const p = Math.min(1, Math.max(0, progress));
  return 0.5 - Math.cos(Math.PI * p) / 2;
}

/**
 * Where the pacer is after some running time.
 * @param pattern the breathing pattern
 * @param elapsedMs running time since start, pauses excluded (negative or NaN counts as 0)
 * @returns the step, round, seconds left in the step, circle scale and overall progress
 */
export function breathAt(pattern: TBreathPattern, elapsedMs: number): TBreathState {
  const cycle = breathCycleMs(pattern);
  const total = cycle * pattern.rounds;
  const t = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  if (t >= total) return { phase: 'done', round: pattern.rounds, phaseSecondsLeft: 0, scale: BREATH_MIN_SCALE, progress: 1 };
  const round = Math.floor(t / cycle) + 1;
  let inCycle = t % cycle;
  const span = BREATH_MAX_SCALE - BREATH_MIN_SCALE;
  for (const step of pattern.steps) {
    const ms = step.seconds * 1000;
    if (inCycle < ms) {
      const share = inCycle / ms;
      const scale = step.phase === 'inhale' ? BREATH_MIN_SCALE + span * ease(share) : step.phase === 'hold' ? BREATH_MAX_SCALE : BREATH_MAX_SCALE - span * ease(share);
      return { phase: step.phase, round, phaseSecondsLeft: Math.ceil((ms - inCycle) / 1000), scale, progress: t / total };
    }
    inCycle -= ms;
  }
  // Unreachable: inCycle < cycle always falls in a step.
  return { phase: 'done', round: pattern.rounds, phaseSecondsLeft: 0, scale: BREATH_MIN_SCALE, progress: 1 };
}
