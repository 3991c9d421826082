import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTENT_DIR, formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { loadScenarios, scenarioJsonSchema, type TScenarioFile } from '@calmdesk/content/scenario';
import { engineCreate } from '@calmdesk/engine';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { scorecardCompute } from '../src/scorecard.js';
import { simulatorCreate, type TSimulator } from '../src/simulator.js';

/**
 * Every built-in scenario against the team's test conversations (test/conversations):
 * the well-handled one resolves with a high score, the badly handled one escalates with a
 * low score, for several seeds.
 */
const SCENARIO_DIR = path.join(DEFAULT_CONTENT_DIR, 'scenarios');
const CONVERSATION_DIR = fileURLToPath(new URL('./conversations', import.meta.url));
const loaded = loadScenarios(SCENARIO_DIR);
const scenarios: TScenarioFile[] = loaded.success ? loaded.data : [];
let simulator: TSimulator;

beforeAll(async () => {
  const resources = await loadEngineResources();
  if (!resources.success) throw new Error('content invalid');
  simulator = simulatorCreate(engineCreate(resources.data));
});

function play(scenario: TScenarioFile, replies: string[], seed: number) {
  let session = simulator.start(scenario, seed);
  for (const reply of replies) {
    if (session.outcome !== null) break;
    session = simulator.reply(scenario, session, reply);
  }
  return { session, card: scorecardCompute(scenario, session) };
}

describe('built-in scenarios', () => {
  it('are all valid', () => {
    expect(loaded.success ? '' : formatContentErrors(loaded.errors)).toBe('');
  });

  it('number at least 20 and cover every family and temperament', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    expect(new Set(scenarios.map((s) => s.family))).toEqual(new Set(['complaint', 'inquiry', 'follow_up', 'retention']));
    expect(new Set(scenarios.map((s) => s.temperament))).toEqual(new Set(['impatient', 'hesitant', 'expert', 'hostile']));
  });

  it('publish a JSON Schema that matches the validator', () => {
    const published = JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, 'scenario.schema.json'), 'utf8'));
    expect(published).toEqual(scenarioJsonSchema());
  });

  for (const scenario of scenarios) {
    describe(scenario.id, () => {
      const file = path.join(CONVERSATION_DIR, `${scenario.id}.yaml`);
      const conversation = fs.existsSync(file) ? (parse(fs.readFileSync(file, 'utf8')) as { good: string[]; bad: string[] }) : undefined;

      it('has test conversations', () => {
        expect(conversation?.good.length).toBeGreaterThan(0);
        expect(conversation?.bad.length).toBeGreaterThan(0);
      });

      for (const seed of [1, 2, 3]) {
        it(`seed ${seed}: handled well it resolves with a high score; handled badly it escalates with a low one`, () => {
          const good = play(scenario, conversation!.good, seed);
          const bad = play(scenario, conversation!.bad, seed);
          expect(good.session.outcome, JSON.stringify(good.session.turns.map((t) => [t.feedback.moves.map((m) => m.move), t.state]))).toBe('resolved');
          expect(good.card.total).toBeGreaterThanOrEqual(70);
          expect(bad.session.outcome, JSON.stringify(bad.session.turns.map((t) => [t.feedback.moves.map((m) => m.move), t.state]))).toBe('escalated');
          expect(bad.card.total).toBeLessThanOrEqual(40);
          expect(good.card.total).toBeGreaterThan(bad.card.total);
        });
      }
    });
  }
});
