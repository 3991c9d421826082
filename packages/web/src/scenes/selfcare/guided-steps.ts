/**
 * The timed steps of the progressive muscle relaxation and grounding guides (SPEC §2.6). Texts live
 * in the selfcare i18n files under the step's key; here only the order and the seconds.
 */

export type TGuideStepMode = 'intro' | 'tense' | 'release' | 'sense' | 'outro';

/**
 * Jacobson's sequence, shortened for a work break: twelve muscle groups, hands to feet, the
 * order most scripts use.
 */
export const PMR_GROUPS = ['hands', 'arms', 'shoulders', 'forehead', 'eyes', 'jaw', 'neck', 'chest', 'belly', 'thighs', 'calves', 'feet'] as const;
/** 5-4-3-2-1 grounding: feet on the floor, then the senses, then back to work. */
const GROUNDING_KEYS = ['feet', 'see', 'touch', 'hear', 'smell', 'taste', 'outro'] as const;

/** The texts a step may show, so the translation keys are checked. */
export type TGuideStepKey =
  | 'relax.pmr.intro'
  | 'relax.pmr.outro'
  | `relax.pmr.groups.${(typeof PMR_GROUPS)[number]}.${'tense' | 'release'}`
  | `relax.grounding.${(typeof GROUNDING_KEYS)[number]}`;

export interface TGuideStep {
  /** i18n key under `selfcare.` for the step's title and text (`<key>.title`, `<key>.text`). */
  key: TGuideStepKey;
  mode: TGuideStepMode;
  seconds: number;
}

// Tense about 5 s, release about 10 s: long enough to feel the difference, short enough for a break.
const TENSE_SECONDS = 5;
const RELEASE_SECONDS = 10;

export const PMR_STEPS: readonly TGuideStep[] = [
  { key: 'relax.pmr.intro', mode: 'intro', seconds: 15 },
  ...PMR_GROUPS.flatMap((group): TGuideStep[] => [
    { key: `relax.pmr.groups.${group}.tense`, mode: 'tense', seconds: TENSE_SECONDS },
    { key: `relax.pmr.groups.${group}.release`, mode: 'release', seconds: RELEASE_SECONDS },
  ]),
  { key: 'relax.pmr.outro', mode: 'outro', seconds: 20 },
];

/** 5-4-3-2-1: fewer things for the senses that take longer to notice; feet on the floor first. */
export const GROUNDING_STEPS: readonly TGuideStep[] = [
  { key: 'relax.grounding.feet', mode: 'intro', seconds: 15 },
  { key: 'relax.grounding.see', mode: 'sense', seconds: 30 },
  { key: 'relax.grounding.touch', mode: 'sense', seconds: 25 },
  { key: 'relax.grounding.hear', mode: 'sense', seconds: 20 },
  { key: 'relax.grounding.smell', mode: 'sense', seconds: 15 },
  { key: 'relax.grounding.taste', mode: 'sense', seconds: 10 },
  { key: 'relax.grounding.outro', mode: 'outro', seconds: 15 },
];

export interface TGuideMoment {
  /** Index into the steps; equals steps.length when every step is done. */
  index: number;
  secondsLeft: number;
  /** 0..1 through the current step. */
  progress: number;
  /** Milliseconds from the start to the end of the current step. */
  stepEndMs: number;
}

/**
 * Which step a moment falls in.
 * @param steps the guide's steps
 * @param elapsedMs time since the start, paused time left out
 * @returns the step, its seconds left and where its end is
 */
export function guideMomentAt(steps: readonly TGuideStep[], elapsedMs: number): TGuideMoment {
  let startMs = 0;
  for (const [index, step] of steps.entries()) {
    const endMs = startMs + step.seconds * 1000;
    if (elapsedMs < endMs) {
      const within = Math.max(0, elapsedMs - startMs);
      return { index, secondsLeft: Math.max(1, Math.ceil((endMs - Math.max(elapsedMs, startMs)) / 1000)), progress: within / (step.seconds * 1000), stepEndMs: endMs };
    }
    startMs = endMs;
  }
  return { index: steps.length, secondsLeft: 0, progress: 1, stepEndMs: startMs };
}

/**
 * A guide's whole length.
 * @param steps the steps
 * @returns seconds
 */
export function guideTotalSeconds(steps: readonly TGuideStep[]): number {
  return steps.reduce((sum, step) => sum + step.seconds, 0);
}
