/**
 * Breathing patterns for the pacer (SPEC §2.1 "breathing methods", §2.6 "guided breathing") and
 * the pure arithmetic that says where in a pattern a given moment falls. No timers here: the
 * pacer feeds in the elapsed time, so the rules are easy to test.
 */

export const BREATHING_PATTERN_IDS = ['desk', '478', 'box', 'belly'] as const;
export type TBreathingPatternId = (typeof BREATHING_PATTERN_IDS)[number];

/** `hold` keeps the lungs full, `rest` keeps them empty (the fourth side of box breathing). */
export type TBreathPhaseKind = 'ready' | 'inhale' | 'hold' | 'exhale' | 'rest';

export interface TBreathPhase {
  kind: Exclude<TBreathPhaseKind, 'ready'>;
  seconds: number;
}

export interface TBreathingPattern {
  id: TBreathingPatternId;
  /** Counted once before the first breath ("count to 3" of the desk variant; a moment to settle in the others). */
  countInSeconds: number;
  phases: readonly TBreathPhase[];
}

/**
 * The patterns the course teaches. Desk: count to 3, in 4, hold 2, out 6 (SPEC §2.1), short enough
 * between two chats. 4-7-8: the long hold and longer out-breath slow the heart. Box: four equal
 * sides of 4 s. Belly: no hold, a breath out longer than the breath in.
 */
export const BREATHING_PATTERNS: Readonly<Record<TBreathingPatternId, TBreathingPattern>> = {
  desk: { id: 'desk', countInSeconds: 3, phases: [{ kind: 'inhale', seconds: 4 }, { kind: 'hold', seconds: 2 }, { kind: 'exhale', seconds: 6 }] },
  '478': { id: '478', countInSeconds: 3, phases: [{ kind: 'inhale', seconds: 4 }, { kind: 'hold', seconds: 7 }, { kind: 'exhale', seconds: 8 }] },
  box: {
    id: 'box',
    countInSeconds: 3,
    phases: [{ kind: 'inhale', seconds: 4 }, { kind: 'hold', seconds: 4 }, { kind: 'exhale', seconds: 4 }, { kind: 'rest', seconds: 4 }],
  },
  belly: { id: 'belly', countInSeconds: 3, phases: [{ kind: 'inhale', seconds: 4 }, { kind: 'exhale', seconds: 6 }] },
};

/**
 * Tells whether a string names a pattern (from a URL, say).
 * @param value anything
 * @returns true for one of {@link BREATHING_PATTERN_IDS}
 */
export function isBreathingPatternId(value: unknown): value is TBreathingPatternId {
  return typeof value === 'string' && (BREATHING_PATTERN_IDS as readonly string[]).includes(value);
}

/**
 * One breath cycle's length.
 * @param pattern the pattern
 * @returns seconds from the start of an in-breath to the start of the next
 */
export function breathingCycleSeconds(pattern: TBreathingPattern): number {
  return pattern.phases.reduce((sum, phase) => sum + phase.seconds, 0);
}

/**
 * How long a session of about `durationSeconds` really lasts: the count-in plus whole cycles, so it
 * never stops in the middle of a breath (at least one cycle; nearest whole number of cycles).
 * @param pattern the pattern
 * @param durationSeconds the wished length
 * @returns the length in seconds
 */
export function breathingSessionSeconds(pattern: TBreathingPattern, durationSeconds: number): number {
  const cycle = breathingCycleSeconds(pattern);
  const cycles = Math.max(1, Math.round((durationSeconds - pattern.countInSeconds) / cycle));
  return pattern.countInSeconds + cycles * cycle;
}

export interface TPacerMoment {
  kind: TBreathPhaseKind;
  /** Index of the phase within the cycle; -1 during the count-in. */
  phaseIndex: number;
  /** Length of the current phase in seconds. */
  phaseSeconds: number;
  /** Seconds left in the current phase, rounded up (what the person counts: 4, 3, 2, 1). */
  secondsLeft: number;
  /** 0..1 through the current phase. */
  progress: number;
  /** Whole cycles finished so far. */
  cyclesDone: number;
}

/**
 * Where in the pattern a moment falls.
 * @param pattern the pattern
 * @param elapsedMs time since the start (count-in included), paused time left out
 * @returns the phase, the count, and the finished cycles
 */
export function pacerMomentAt(pattern: TBreathingPattern, elapsedMs: number): TPacerMoment {
  const elapsed = Math.max(0, elapsedMs) / 1000;
  if (elapsed < pattern.countInSeconds) {
    return {
      kind: 'ready',
      phaseIndex: -1,
      phaseSeconds: pattern.countInSeconds,
      secondsLeft: Math.ceil(pattern.countInSeconds - elapsed),
      progress: elapsed / pattern.countInSeconds,
      cyclesDone: 0,
    };
  }
  const cycle = breathingCycleSeconds(pattern);
  const sinceStart = elapsed - pattern.countInSeconds;
  const cyclesDone = Math.floor(sinceStart / cycle);
  let within = sinceStart - cyclesDone * cycle;
  for (const [index, phase] of pattern.phases.entries()) {
    if (within < phase.seconds) {
      return {
        kind: phase.kind,
        phaseIndex: index,
        phaseSeconds: phase.seconds,
        secondsLeft: Math.max(1, Math.ceil(phase.seconds - within)),
        progress: within / phase.seconds,
        cyclesDone,
      };
    }
    within -= phase.seconds;
  }
  // Floating-point edge at the very end of a cycle: the next cycle's first phase.
  const first = pattern.phases[0]!;
  return { kind: first.kind, phaseIndex: 0, phaseSeconds: first.seconds, secondsLeft: first.seconds, progress: 0, cyclesDone: cyclesDone + 1 };
}

/** Circle scale at the end of each kind of phase: full after breathing in, small after breathing out. */
const SCALE_FULL = 1;
const SCALE_EMPTY = 0.55;

/**
 * The circle's size at the start and the end of a phase, so the animation can run from one to the other.
 * @param kind the phase
 * @returns `{ from, to }` scales between 0.55 and 1
 */
export function pacerScaleRange(kind: TBreathPhaseKind): { from: number; to: number } {
  switch (kind) {
    case 'inhale':
      return { from: SCALE_EMPTY, to: SCALE_FULL };
    case 'hold':
      return { from: SCALE_FULL, to: SCALE_FULL };
    case 'exhale':
      return { from: SCALE_FULL, to: SCALE_EMPTY };
    case 'rest':
    case 'ready':
      return { from: SCALE_EMPTY, to: SCALE_EMPTY };
  }
}
