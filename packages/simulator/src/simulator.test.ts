import { loadEngineResources } from '@calmdesk/content';
import { engineCreate, type TEngine } from '@calmdesk/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SCENARIO } from '../test/test-scenario.js';
import { scorecardCompute } from './scorecard.js';
import { simulatorCreate, type TSimulator } from './simulator.js';

let engine: TEngine;
let simulator: TSimulator;

beforeAll(async () => {
  const loaded = await loadEngineResources();
  if (!loaded.success) throw new Error('content invalid');
  engine = engineCreate(loaded.data);
  simulator = simulatorCreate(engine);
});

function play(replies: string[], seed = 7) {
  let session = simulator.start(TEST_SCENARIO, seed);
  for (const reply of replies) session = simulator.reply(TEST_SCENARIO, session, reply);
  return session;
}

const GOOD = ['真的很抱歉让您等了这么久，换作是我也会着急。', '我马上为您加急处理，今天18点前把新单号发给您。'];
const BAD = ['这是快递的问题，您去找快递吧。', '最近单量大，我们也没办法，请耐心等待。', '这是快递的问题，跟我们没关系。'];

describe('simulator', () => {
  it('opens with a line from the scenario, slots filled', () => {
    const session = simulator.start(TEST_SCENARIO, 1);
    expect(session.opening).toMatch(/充电宝|20261101-0001/);
    expect(session.opening).not.toMatch(/\{/);
  });

  it('calms down at empathy and a plan with a time, and resolves', () => {
    const session = play(GOOD);
    expect(session.outcome).toBe('resolved');
    expect(session.turns[0]!.feedback.moves.map((m) => m.move)).toEqual(expect.arrayContaining(['apology', 'acknowledge']));
    expect(session.turns[1]!.feedback.moves.map((m) => m.move)).toContain('plan_with_time');
    expect(session.turns[0]!.state.anger).toBeLessThan(TEST_SCENARIO.start.anger);
  });

  it('gets angrier at blame-shifting and excuses, and escalates', () => {
    const session = play(BAD);
    expect(session.outcome).toBe('escalated');
    expect(session.turns[0]!.feedback.delta.anger).toBeGreaterThan(0);
    expect(session.turns[0]!.customer).toContain('快递的问题也是你们的事');
  });

  it('is deterministic for the same seed and replies', () => {
    expect(play(GOOD, 42)).toEqual(play(GOOD, 42));
    expect(play(BAD, 42)).toEqual(play(BAD, 42));
  });

  it('treats a polite pause as legitimate and flags it for the breathing pacer', () => {
    const session = play(['麻烦您稍等两分钟，我马上查一下物流记录。']);
    const feedback = session.turns[0]!.feedback;
    expect(feedback.isPause).toBe(true);
    expect(feedback.moves.map((m) => m.move)).not.toContain('no_progress');
  });

  it('ends out of turns when nothing moves either way', () => {
    const session = play(['好的。', '嗯嗯。', '好的呢。', '收到。', '好。', '好的。']);
    expect(['out_of_turns', 'leaves']).toContain(session.outcome);
    expect(session.turns.length).toBeLessThanOrEqual(TEST_SCENARIO.max_turns);
  });

  it('ignores replies after the end', () => {
    const session = play([...BAD, '对不起']);
    expect(session.turns).toHaveLength(play(BAD).turns.length);
  });

  it('quotes the reply in the feedback', () => {
    const notes = play(['这是快递的问题，您去找快递吧。']).turns[0]!.feedback.notes.map((n) => n.zh).join(' ');
    expect(notes).toMatch(/推卸责任「.*快递.*」/);
    expect(notes).toMatch(/怒气 \+\d+/);
  });
});

describe('scorecard', () => {
  it('scores a good conversation high and a bad one low, with the rubric', () => {
    const good = scorecardCompute(TEST_SCENARIO, play(GOOD));
    const bad = scorecardCompute(TEST_SCENARIO, play(BAD));
    expect(good.total).toBeGreaterThanOrEqual(75);
    expect(bad.total).toBeLessThanOrEqual(40);
    expect(good.scores.language).toBe(100);
    expect(bad.scores.language).toBeLessThanOrEqual(51);
    expect(Object.values(good.rubric).reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1);
  });
});
