import { describe, expect, it } from 'vitest';
import { BREATHING_PATTERNS, breathingCycleSeconds, breathingSessionSeconds, pacerMomentAt } from './breathing-patterns';
import { GROUNDING_STEPS, guideMomentAt, guideTotalSeconds, PMR_STEPS } from './guided-steps';

const desk = BREATHING_PATTERNS.desk;

describe('the breathing pacer', () => {
  it('paces the quick desk variant as count to 3, in 4, hold 2, out 6 (SPEC §2.1)', () => {
    expect(desk.countInSeconds).toBe(3);
    expect(desk.phases).toEqual([{ kind: 'inhale', seconds: 4 }, { kind: 'hold', seconds: 2 }, { kind: 'exhale', seconds: 6 }]);
    expect(breathingCycleSeconds(BREATHING_PATTERNS['478'])).toBe(19);
    expect(breathingCycleSeconds(BREATHING_PATTERNS.box)).toBe(16);
  });

  it.each([
    { whenElapsedMsIs: 0, expected: { kind: 'ready', secondsLeft: 3, cyclesDone: 0 } },
    { whenElapsedMsIs: 2_100, expected: { kind: 'ready', secondsLeft: 1, cyclesDone: 0 } },
    { whenElapsedMsIs: 3_000, expected: { kind: 'inhale', secondsLeft: 4, cyclesDone: 0 } },
    { whenElapsedMsIs: 6_999, expected: { kind: 'inhale', secondsLeft: 1, cyclesDone: 0 } },
    { whenElapsedMsIs: 7_000, expected: { kind: 'hold', secondsLeft: 2, cyclesDone: 0 } },
    { whenElapsedMsIs: 9_500, expected: { kind: 'exhale', secondsLeft: 6, cyclesDone: 0 } },
    { whenElapsedMsIs: 15_000, expected: { kind: 'inhale', secondsLeft: 4, cyclesDone: 1 } },
    { whenElapsedMsIs: 3_000 + 12_000 * 5 + 8_000, expected: { kind: 'exhale', secondsLeft: 4, cyclesDone: 5 } },
  ])('at $whenElapsedMsIs ms of the desk variant: $expected.kind', ({ whenElapsedMsIs, expected }) => {
    expect(pacerMomentAt(desk, whenElapsedMsIs)).toMatchObject(expected);
  });

  it('ends a timed session on a whole breath, never before the first one', () => {
    expect(breathingSessionSeconds(desk, 60)).toBe(3 + 5 * 12);
    expect(breathingSessionSeconds(BREATHING_PATTERNS['478'], 5)).toBe(3 + 19);
    expect(breathingSessionSeconds(BREATHING_PATTERNS.box, 180)).toBe(3 + 11 * 16);
  });
});

describe('the timed guides', () => {
  it('tenses each muscle group for 5 s and releases it for 10 s', () => {
    const tense = PMR_STEPS.filter((step) => step.mode === 'tense');
    const release = PMR_STEPS.filter((step) => step.mode === 'release');
    expect(tense).toHaveLength(12);
    expect(release).toHaveLength(12);
    expect(tense.every((step) => step.seconds === 5) && release.every((step) => step.seconds === 10)).toBe(true);
  });

  it('walks the senses 5-4-3-2-1 after the feet on the floor', () => {
    expect(GROUNDING_STEPS.map((step) => step.key.split('.').at(-1))).toEqual(['feet', 'see', 'touch', 'hear', 'smell', 'taste', 'outro']);
  });

  it('finds the step, its seconds left and its end; past the last step it is done', () => {
    expect(guideMomentAt(GROUNDING_STEPS, 0)).toMatchObject({ index: 0, secondsLeft: 15, stepEndMs: 15_000 });
    expect(guideMomentAt(GROUNDING_STEPS, 15_000)).toMatchObject({ index: 1, secondsLeft: 30, stepEndMs: 45_000 });
    expect(guideMomentAt(GROUNDING_STEPS, 44_200)).toMatchObject({ index: 1, secondsLeft: 1 });
    expect(guideMomentAt(GROUNDING_STEPS, guideTotalSeconds(GROUNDING_STEPS) * 1000)).toMatchObject({ index: GROUNDING_STEPS.length, secondsLeft: 0 });
  });
});
