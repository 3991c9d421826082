import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { TEngine } from '@calmdesk/engine';
import { scorecardCompute, simulatorCreate, type TScenario, type TSession } from '@calmdesk/simulator';

/** The JSON of `calmdesk roleplay run --json`: exactly the contract's keys, in its order. */
export function presentRun(scenario: TScenario, session: TSession) {
  const card = scorecardCompute(scenario, session);
  return {
    scenario: scenario.id,
    outcome: session.outcome ?? 'unfinished',
    turns: session.turns.map((t) => ({ agent: t.agent, customer: t.customer, state: t.state, feedback: t.feedback })),
    scores: card.scores,
    total: card.total,
  };
}

/**
 * Plays the replies of a file (one per line; blank lines skipped) against a scenario.
 * Replies after the conversation ended are ignored, as a real customer would be gone.
 */
export function runScenario(engine: TEngine, scenario: TScenario, replies: readonly string[], seed: number): TSession {
  const simulator = simulatorCreate(engine);
  let session = simulator.start(scenario, seed);
  for (const reply of replies) {
    if (session.outcome !== null) break;
    session = simulator.reply(scenario, session, reply);
  }
  return session;
}

export function readReplies(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const bar = (value: number) => `${'█'.repeat(Math.round(value / 10))}${'·'.repeat(10 - Math.round(value / 10))} ${String(value).padStart(3)}`;

/** `calmdesk roleplay play <id>`: the conversation in the terminal, meters after each reply, the scorecard at the end. */
export async function playInteractive(engine: TEngine, scenario: TScenario, seed: number, input: Readable, output: Writable): Promise<TSession> {
  const simulator = simulatorCreate(engine);
  let session = simulator.start(scenario, seed);
  const say = (text: string) => output.write(`${text}\n`);
  say(`\n${scenario.title.zh} / ${scenario.title.en}`);
  say(`${scenario.situation.zh}`);
  say(`（输入回复后回车；输入 /quit 结束。Type a reply and press Enter; /quit to stop.）\n`);
  say(`${scenario.persona.name}: ${session.opening}`);
  const lines = readline.createInterface({ input, terminal: false });
  output.write('你 / you> ');
  for await (const line of lines) {
    const text = line.trim();
    if (text === '/quit') break;
    if (text === '') {
      output.write('你 / you> ');
      continue;
    }
    session = simulator.reply(scenario, session, text);
    const turn = session.turns[session.turns.length - 1]!;
    for (const note of turn.feedback.notes) say(`  · ${note.zh}`);
    if (turn.feedback.isPause) say('  · 你请顾客稍等：借这一分钟做三次深呼吸（吸 4 秒、停 2 秒、呼 6 秒）。');
    say(`  怒气 anger ${bar(turn.state.anger)}   信任 trust ${bar(turn.state.trust)}   耐心 patience ${bar(turn.state.patience)}`);
    say(`${scenario.persona.name}: ${turn.customer}`);
    if (session.outcome !== null) break;
    output.write('你 / you> ');
  }
  lines.close();
  const card = scorecardCompute(scenario, session);
  say(`\n结果 outcome: ${session.outcome ?? 'unfinished'}   总分 total: ${card.total}/100`);
  for (const [dimension, score] of Object.entries(card.scores)) say(`  ${dimension.padEnd(16)} ${bar(score)}`);
  return session;
}

/** Finds a scenario by id in a folder of scenario files. */
export function scenarioPath(directory: string, id: string): string {
  return path.join(directory, `${id}.yaml`);
}
