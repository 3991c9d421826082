import type { TEngine, TLocalised, TReplyCheck } from '@calmdesk/engine';
import type { TMeters, TMove, TMoveFound, TOutcome, TScenario, TSession, TTurn, TTurnFeedback } from './types.js';

/** mulberry32: a tiny seeded generator; the same seed gives the same line choices. */
function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

function fillSlots(line: string, facts: TScenario['facts']): string {
  return line.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in facts ? String(facts[key]) : whole));
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** Issue categories of the engine that are moves of the same name. */
const ISSUE_MOVES: readonly TMove[] = ['excuse', 'blame_shift', 'command', 'denial', 'rhetorical', 'contempt', 'cold_stock', 'over_promise', 'privacy_leak'];
/** Strengths of the engine that are moves of the same name. */
const STRENGTH_MOVES: readonly TMove[] = ['acknowledge', 'apology', 'paraphrase', 'pause', 'escalation', 'compensation'];
/** Which move's reaction line the customer says, when a reply makes several: the worst first. */
const REACTION_PRIORITY: readonly TMove[] = ['contempt', 'privacy_leak', 'denial', 'blame_shift', 'rhetorical', 'command', 'excuse', 'over_promise', 'cold_stock', 'plan_with_time', 'compensation', 'escalation', 'apology', 'paraphrase', 'acknowledge', 'clarifying_question', 'pause', 'no_progress'];

const MOVE_NAMES: Record<TMove, TLocalised> = {
  acknowledge: { zh: '回应情绪', en: 'acknowledging the feeling' },
  apology: { zh: '道歉', en: 'apologising' },
  paraphrase: { zh: '复述确认', en: 'confirming the need' },
  clarifying_question: { zh: '礼貌追问', en: 'a clarifying question' },
  plan_with_time: { zh: '具体方案和时间', en: 'a concrete plan with a time' },
  compensation: { zh: '补偿', en: 'compensation' },
  pause: { zh: '礼貌请稍等', en: 'a polite pause' },
  escalation: { zh: '升级处理', en: 'escalating' },
  excuse: { zh: '找借口', en: 'making excuses' },
  blame_shift: { zh: '推卸责任', en: 'shifting the blame' },
  command: { zh: '命令口吻', en: 'commanding' },
  denial: { zh: '否认/反驳', en: 'denying' },
  rhetorical: { zh: '反问/质问', en: 'a rhetorical question' },
  contempt: { zh: '不耐烦/轻视', en: 'impatience or contempt' },
  cold_stock: { zh: '冷冰冰的套话', en: 'a cold stock phrase' },
  over_promise: { zh: '过度承诺', en: 'over-promising' },
  privacy_leak: { zh: '泄露他人信息', en: "leaking another customer's data" },
  no_progress: { zh: '没有推进', en: 'no progress' },
};

const METER_NAMES = { anger: { zh: '怒气', en: 'anger' }, trust: { zh: '信任', en: 'trust' }, patience: { zh: '耐心', en: 'patience' } } as const;

/** Does the reply ask the customer something back (not a rhetorical question)? */
function isClarifyingQuestion(reply: string, check: TReplyCheck): boolean {
  return /[?？]/.test(reply) && !check.issues.some((i) => i.category === 'rhetorical' || i.category === 'contempt');
}

/**
 * Reads a reply into moves with the engine: issues and strengths it finds, a plan only when
 * an action and a time are both there, and "no progress" when nothing moves the case on.
 */
export function movesRead(check: TReplyCheck, reply: string): TMoveFound[] {
  const found: TMoveFound[] = [];
  const add = (move: TMove, span: { text: string; start: number; end: number }) => {
    if (!found.some((f) => f.move === move)) found.push({ move, text: span.text, start: span.start, end: span.end });
  };
  for (const issue of check.issues) if (ISSUE_MOVES.includes(issue.category)) add(issue.category, issue);
  for (const strength of check.strengths) if (STRENGTH_MOVES.includes(strength.kind as TMove)) add(strength.kind as TMove, strength);
  const action = check.strengths.find((s) => s.kind === 'next_step');
  const time = check.strengths.find((s) => s.kind === 'time');
  if (action && time) {
    const start = Math.min(action.start, time.start);
    const end = Math.max(action.end, time.end);
    add('plan_with_time', { text: reply.slice(start, end), start, end });
  }
  if (isClarifyingQuestion(reply, check)) {
    const at = Math.max(0, reply.search(/[?？]/));
    const start = Math.max(0, reply.lastIndexOf('，', at) + 1, reply.lastIndexOf('。', at) + 1);
    add('clarifying_question', { text: reply.slice(start, at + 1), start, end: at + 1 });
  }
  if (!found.some((f) => f.move === 'plan_with_time' || f.move === 'clarifying_question' || f.move === 'pause' || f.move === 'escalation')) {
    found.push({ move: 'no_progress', text: '', start: 0, end: 0 });
  }
  return found;
}

function outcomeOf(scenario: TScenario, state: TMeters, seen: readonly TMove[], turns: number): TOutcome | null {
  const { escalated, leaves, resolved } = scenario.ending;
  if (state.anger >= escalated.anger_at_least) return 'escalated';
  if (state.patience <= leaves.patience_at_most) return 'leaves';
  if (state.anger <= resolved.anger_at_most && state.trust >= resolved.trust_at_least && resolved.needs.every((n) => seen.includes(n))) return 'resolved';
  if (turns >= scenario.max_turns) return 'out_of_turns';
  return null;
}

export type TSimulator = {
  /** Starts a conversation: the customer's opening line, chosen by the seed. */
  start: (scenario: TScenario, seed: number) => TSession;
  /** Plays one agent reply; returns the new session (the given one is not changed). */
  reply: (scenario: TScenario, session: TSession, agentText: string) => TSession;
};

/**
 * The role-play state machine over scenario data, reading replies with the engine.
 * Pure and deterministic: the same scenario, seed and replies give the same conversation.
 * @param engine the analysis engine
 */
export function simulatorCreate(engine: TEngine): TSimulator {
  const pick = (lines: readonly string[], rng: number, avoid?: string): { line: string; rng: number } => {
    const r = nextRandom(rng);
    let index = Math.floor(r.value * lines.length);
    if (lines.length > 1 && lines[index] === avoid) index = (index + 1) % lines.length;
    return { line: lines[index]!, rng: r.state };
  };

  return {
    start(scenario, seed) {
      const first = pick(scenario.lines.opening, seed >>> 0);
      return {
        scenarioId: scenario.id,
        seed,
        opening: fillSlots(first.line, scenario.facts),
        state: { ...scenario.start },
        turns: [],
        seen: [],
        outcome: null,
        rng: first.rng,
      };
    },

    reply(scenario, session, agentText) {
      if (typeof agentText !== 'string') throw new TypeError(`@calmdesk/simulator: reply expects a string, instead found ${typeof agentText}`);
      if (session.outcome !== null) return session;
      const lastCustomer = session.turns.length > 0 ? session.turns[session.turns.length - 1]!.customer : session.opening;
      const check = engine.checkReply(agentText, lastCustomer);
      const moves = movesRead(check, agentText);

      const before = session.state;
      const after = { ...before };
      for (const { move } of moves) {
        const effect = scenario.effects[move];
        if (!effect) continue;
        after.anger += effect.anger ?? 0;
        after.trust += effect.trust ?? 0;
        after.patience += effect.patience ?? 0;
      }
      after.anger = clamp(after.anger);
      after.trust = clamp(after.trust);
      after.patience = clamp(after.patience);
      const seen = [...new Set([...session.seen, ...moves.map((m) => m.move)])];
      const turnNumber = session.turns.length + 1;
      const outcome = outcomeOf(scenario, after, seen, turnNumber);

      // What the customer says: a reaction to the most telling move, then the line of the
      // new mood (or of the ending).
      let rng = session.rng;
      const previousLine = session.turns.length > 0 ? session.turns[session.turns.length - 1]!.customer : session.opening;
      const parts: string[] = [];
      const reactionMove = REACTION_PRIORITY.find((m) => moves.some((f) => f.move === m) && scenario.lines.reactions?.[m]?.length);
      if (reactionMove && outcome !== 'resolved') {
        const r = pick(scenario.lines.reactions![reactionMove]!, rng);
        parts.push(r.line);
        rng = r.rng;
      }
      const bandLines = outcome ? scenario.lines[outcome] : after.anger >= 70 ? scenario.lines.hot : after.anger >= 40 ? scenario.lines.tense : scenario.lines.calmer;
      const band = pick(bandLines, rng, previousLine);
      parts.push(band.line);
      rng = band.rng;

      const delta = { anger: after.anger - before.anger, trust: after.trust - before.trust, patience: after.patience - before.patience };
      const feedback: TTurnFeedback = {
        moves,
        delta,
        notes: describeTurn(moves, delta),
        suggestions: check.suggestions,
        isPause: moves.some((m) => m.move === 'pause'),
      };
      const turn: TTurn = { agent: agentText, customer: fillSlots(parts.join(' '), scenario.facts), state: after, feedback };
      return { ...session, state: after, turns: [...session.turns, turn], seen, outcome, rng };
    },
  };
}

/** "推卸责任「这是快递的问题」：怒气 +20" — one note per move, quoting the reply. */
function describeTurn(moves: readonly TMoveFound[], delta: TMeters): TLocalised[] {
  const change = (lang: 'zh' | 'en') =>
    (Object.keys(delta) as (keyof TMeters)[])
      .filter((k) => delta[k] !== 0)
      .map((k) => `${METER_NAMES[k][lang]} ${delta[k] > 0 ? '+' : ''}${delta[k]}`)
      .join(lang === 'zh' ? '，' : ', ');
  const notes: TLocalised[] = moves.map((m) => {
    const name = MOVE_NAMES[m.move];
    if (m.move === 'no_progress') {
      return { zh: '这句回复没有给出方案、时间或需要确认的问题，顾客的耐心在流失。', en: 'This reply gives no plan, no time and no question to move things on; patience drains.' };
    }
    return { zh: `${name.zh}「${m.text}」`, en: `${name.en}: "${m.text}"` };
  });
  const summary = { zh: change('zh'), en: change('en') };
  if (summary.zh) notes.push({ zh: `顾客的情绪变化：${summary.zh}`, en: `The customer's mood: ${summary.en}` });
  return notes;
}
