import { loadEngineResources } from '@calmdesk/content';
import { beforeAll, describe, expect, it } from 'vitest';
import { engineCreate, type TEngine, type TMessageAnalysis, type TReplyCheck } from '../src/index.js';
import { messageFixtures, precisionRecall, replyFixtures, setPrecisionRecall, type TMessageFixture, type TReplyFixture } from './fixtures.js';

/**
 * The engine with the product's content on the team's labelled fixtures (800 customer
 * messages, 400 agent replies, held out from every training set). Each floor sits a few
 * points under what the engine measured when it was set (packages/engine/test/report.ts
 * prints the current figures); a change that loses accuracy fails here.
 */
const FLOORS = {
  emotion: {
    calm: [0.45, 0.6],
    confused: [0.7, 0.68],
    anxious: [0.62, 0.58],
    disappointed: [0.78, 0.38],
    dissatisfied: [0.45, 0.6],
    angry: [0.8, 0.68],
    positive: [0.72, 0.8],
  },
  risk: { low: [0.7, 0.84], medium: [0.7, 0.65], high: [0.85, 0.7] },
  threats: { superior: [0.85, 0.85], platform: [0.85, 0.8], regulator: [0.9, 0.8], review: [0.9, 0.5], media: [0.8, 0.6], legal: [0.9, 0.9] },
  needs: { refund: [0.75, 0.75], invoice: [0.75, 0.9], cancel: [0.55, 0.9], delivery: [0.4, 0.6], price: [0.45, 0.6] },
  verdict: { ok: [0.68, 0.5], revise: [0.45, 0.72], avoid: [0.88, 0.74] },
  issues: {
    denial: [0.75, 0.55],
    excuse: [0.85, 0.5],
    blame_shift: [0.68, 0.44],
    command: [0.82, 0.3],
    rhetorical: [0.8, 0.75],
    contempt: [0.85, 0.5],
    over_promise: [0.88, 0.78],
    cold_stock: [0.7, 0.85],
    privacy_leak: [0.9, 0.76],
  },
  missing: { acknowledge: [0.42, 0.45], apology: [0.75, 0.2], next_step: [0.5, 0.58] },
} as const;

let engine: TEngine;
let messages: TMessageFixture[];
let analyses: TMessageAnalysis[];
let replies: TReplyFixture[];
let checks: TReplyCheck[];

beforeAll(async () => {
  const loaded = await loadEngineResources();
  if (!loaded.success) throw new Error('content/ is invalid');
  engine = engineCreate(loaded.data);
  messages = messageFixtures();
  analyses = messages.map((m) => engine.analyzeMessage(m.text));
  replies = replyFixtures();
  checks = replies.map((r) => engine.checkReply(r.text, r.customer));
});

function expectFloor(name: string, measured: { precision: number; recall: number }, floor: readonly [number, number]) {
  expect(measured.precision, `${name} precision`).toBeGreaterThanOrEqual(floor[0]);
  expect(measured.recall, `${name} recall`).toBeGreaterThanOrEqual(floor[1]);
}

describe('fixture set', () => {
  it('holds 800 messages and 400 replies with unique ids', () => {
    expect(messages).toHaveLength(800);
    expect(replies).toHaveLength(400);
    expect(new Set([...messages, ...replies].map((f) => f.id)).size).toBe(1200);
  });
});

describe('customer messages', () => {
  for (const [label, floor] of Object.entries(FLOORS.emotion)) {
    it(`emotion "${label}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(label, precisionRecall(messages.map((m) => m.emotion), analyses.map((a) => a.emotion), label), floor);
    });
  }
  for (const [label, floor] of Object.entries(FLOORS.risk)) {
    it(`risk "${label}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(label, precisionRecall(messages.map((m) => m.risk), analyses.map((a) => a.risk), label), floor);
    });
  }
  for (const [channel, floor] of Object.entries(FLOORS.threats)) {
    it(`threat "${channel}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(channel, setPrecisionRecall(messages.map((m) => m.threats), analyses.map((a) => a.threats), channel), floor);
    });
  }
  for (const [need, floor] of Object.entries(FLOORS.needs)) {
    it(`need "${need}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(need, setPrecisionRecall(messages.map((m) => m.needs), analyses.map((a) => a.needs), need), floor);
    });
  }

  it('does not read an emotion word inside a product name (气炸 in 空气炸锅)', () => {
    const question = engine.analyzeMessage('请问这款空气炸锅能做蛋挞吗？');
    expect(question.emotion).not.toBe('angry');
    expect(question.risk).toBe('low');
    expect(engine.analyzeMessage('我真的要气炸了！！').emotion).toBe('angry');
  });

  it('never answers a threatening message with low risk', () => {
    const missed = messages.filter((m, i) => m.threats.length > 0 && analyses[i]!.risk === 'low').map((m) => m.id);
    expect(missed.length / messages.filter((m) => m.threats.length > 0).length).toBeLessThan(0.1);
  });

  it('reads Traditional Chinese and English about as well as Simplified', () => {
    const accuracy = (lang: string) => {
      const picked = messages.map((m, i) => ({ m, a: analyses[i]! })).filter((x) => x.m.lang === lang);
      return picked.filter((x) => x.m.risk === x.a.risk).length / picked.length;
    };
    expect(accuracy('zh-Hant')).toBeGreaterThan(accuracy('zh-Hans') - 0.15);
    expect(accuracy('en')).toBeGreaterThan(accuracy('zh-Hans') - 0.25);
  });

  it('gives every non-calm judgement at least one cue with a valid span', () => {
    for (const [i, a] of analyses.entries()) {
      const text = messages[i]!.text;
      if (a.emotion !== 'calm') expect(a.cues.length, messages[i]!.id).toBeGreaterThan(0);
      for (const cue of a.cues) if (cue.kind !== 'context') expect(text.slice(cue.start, cue.end)).toBe(cue.text);
    }
  });
});

describe('agent replies', () => {
  for (const [verdict, floor] of Object.entries(FLOORS.verdict)) {
    it(`verdict "${verdict}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(verdict, precisionRecall(replies.map((r) => r.verdict), checks.map((c) => c.verdict), verdict), floor);
    });
  }
  for (const [category, floor] of Object.entries(FLOORS.issues)) {
    it(`issue "${category}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      expectFloor(category, setPrecisionRecall(replies.map((r) => r.categories), checks.map((c) => c.issues.map((i) => i.category as string)), category), floor);
    });
  }
  for (const [kind, floor] of Object.entries(FLOORS.missing)) {
    it(`missing "${kind}" holds precision ≥ ${floor[0]} and recall ≥ ${floor[1]}`, () => {
      const withCustomer = replies.map((r, i) => ({ r, c: checks[i]! })).filter((x) => x.r.customer);
      expectFloor(kind, setPrecisionRecall(withCustomer.map((x) => x.r.missing), withCustomer.map((x) => x.c.missing.map((m) => m.kind as string)), kind), floor);
    });
  }

  it('suggests at least one better phrasing for most replies to avoid', () => {
    const avoid = checks.filter((c) => c.verdict === 'avoid');
    expect(avoid.filter((c) => c.suggestions.length > 0).length / avoid.length).toBeGreaterThan(0.9);
  });
});
