/**
 * Progressive muscle relaxation, the short desk version: one muscle group after another,
 * tense for about 5 seconds, then let go and notice the difference for about 10. Pure: the
 * page keeps the running time (pauses left out) and asks which group and step it is at.
 */

/** The groups from the hands up to the face and down to the feet: the usual order of the exercise. */
export const MUSCLE_GROUPS = ['hands', 'arms', 'shoulders', 'face', 'neck', 'chest', 'belly', 'legs', 'feet'] as const;
export type TMuscleGroup = (typeof MUSCLE_GROUPS)[number];

export const TENSE_MS = 5_000;
export const RELAX_MS = 10_000;
export const GROUP_MS = TENSE_MS + RELAX_MS;
export const RELAXATION_TOTAL_MS = GROUP_MS * MUSCLE_GROUPS.length;

export interface TRelaxationState {
  /** Index into MUSCLE_GROUPS (the last one when done). */
  index: number;
  group: TMuscleGroup;
  step: 'tense' | 'relax' | 'done';
  /** Whole seconds left in this step, rounded up (0 when done). */
  stepSecondsLeft: number;
  /** Share of the whole sequence done, 0–1. */
  progress: number;
}

/**
 * Where the sequence is after some running time.
 * @param elapsedMs running time since start, pauses excluded (negative or NaN counts as 0)
 * @returns the group, the step (tense or relax) and the seconds left in it
 */
export function relaxationAt(elapsedMs: number): TRelaxationState {
  const t = Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs) : 0;
  const last = MUSCLE_GROUPS.length - 1;
  if (t >= RELAXATION_TOTAL_MS) return { index: last, group: MUSCLE_GROUPS[last]!, step: 'done', stepSecondsLeft: 0, progress: 1 };
  const index = Math.floor(t / GROUP_MS);
  const inGroup = t - index * GROUP_MS;
  const isTense = inGroup < TENSE_MS;
  const stepLeft = isTense ? TENSE_MS - inGroup : GROUP_MS - inGroup;
  return { index, group: MUSCLE_GROUPS[index]!, step: isTense ? 'tense' : 'relax', stepSecondsLeft: Math.ceil(stepLeft / 1000), progress: t / RELAXATION_TOTAL_MS };
}

/**
 * The running time at which a group starts (to skip ahead or go back one).
 * @param index group index; clamped to the list
 * @returns milliseconds
 */
export function groupStartMs(index: number): number {
  return Math.min(Math.max(0, Math.floor(index)), MUSCLE_GROUPS.length) * GROUP_MS;
}
