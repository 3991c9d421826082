import type { TScenario, TScorecard, TScoreDimension, TSession } from './types.js';

/**
 * The rubric shown to the trainee. Weights follow what SPEC §2.2 asks of a good reply:
 * language and problem solving weigh most; noticing and empathy together as much.
 */
export const RUBRIC: TScorecard['rubric'] = {
  noticing: {
    weight: 0.2,
    description: {
      zh: '察觉情绪：顾客不满或着急时，你是否先回应了这份情绪（说出感受、道歉），而不是直接谈事情。',
      en: 'Noticing the emotion: when the customer was upset or worried, did you respond to the feeling first (name it, apologise) before the matter?',
    },
  },
  empathy: {
    weight: 0.2,
    description: {
      zh: '共情：回复中有多少在理解顾客——回应情绪、真诚道歉、复述确认需求。',
      en: "Empathy: how much of your replies showed understanding — acknowledging, apologising sincerely, confirming the need.",
    },
  },
  language: {
    weight: 0.25,
    description: {
      zh: '语言：没有辩解、推卸、命令、否认、反问、轻视、套话和过度承诺。每出现一次应避免的说法都会扣分。',
      en: 'Language: no excuses, blame-shifting, commands, denial, rhetorical questions, contempt, stock phrases or over-promising. Each one costs points.',
    },
  },
  problem_solving: {
    weight: 0.25,
    description: {
      zh: '解决问题：给出具体方案和时间，需要时提供补偿或升级处理，最终让顾客满意地结束。',
      en: 'Problem solving: a concrete plan with a time, compensation or escalation where due, and a conversation that ends resolved.',
    },
  },
  efficiency: {
    weight: 0.1,
    description: {
      zh: '效率：用较少的回合解决问题；每一轮没有推进都会让顾客更不耐烦。',
      en: 'Efficiency: solving it in few turns; every turn without progress costs patience.',
    },
  },
};

const AVOID_MOVES = new Set(['blame_shift', 'command', 'denial', 'rhetorical', 'contempt', 'over_promise', 'privacy_leak']);
const REVISE_MOVES = new Set(['excuse', 'cold_stock']);

/**
 * Scores a finished (or abandoned) conversation, 0–100 per dimension and in total.
 * A conversation that ends escalated or with the customer leaving cannot score above 40 / 45.
 */
export function scorecardCompute(scenario: TScenario, session: TSession): TScorecard {
  const turns = session.turns;
  const has = (i: number, move: string) => turns[i]!.feedback.moves.some((m) => m.move === move);
  const n = turns.length;

  // Noticing: replies to a customer who was upset (anger ≥ 40 before the reply).
  let upsetTurns = 0;
  let noticed = 0;
  let anger = scenario.start.anger;
  for (let i = 0; i < n; i += 1) {
    if (anger >= 40) {
      upsetTurns += 1;
      if (has(i, 'acknowledge') || has(i, 'apology')) noticed += 1;
    }
    anger = turns[i]!.state.anger;
  }
  const noticing = upsetTurns === 0 ? 100 : (100 * noticed) / upsetTurns;

  const empathic = turns.filter((_, i) => has(i, 'acknowledge') || has(i, 'apology') || has(i, 'paraphrase')).length;
  const empathy = n === 0 ? 0 : Math.min(100, (100 * empathic) / Math.min(n, 3));

  let language = 100;
  for (const turn of turns) {
    for (const m of turn.feedback.moves) {
      if (AVOID_MOVES.has(m.move)) language -= 25;
      else if (REVISE_MOVES.has(m.move)) language -= 12;
    }
  }
  language = Math.max(0, language);

  const seen = new Set(session.seen);
  let problem = 0;
  if (seen.has('plan_with_time')) problem += 45;
  if (seen.has('paraphrase') || seen.has('clarifying_question')) problem += 10;
  const extraNeeds = scenario.ending.resolved.needs.filter((m) => m !== 'plan_with_time');
  problem += extraNeeds.length === 0 || extraNeeds.every((m) => seen.has(m)) ? 15 : 0;
  if (session.outcome === 'resolved') problem += 30;

  const efficiency =
    session.outcome === 'resolved' ? Math.max(40, 100 - 12 * Math.max(0, n - 2)) : session.outcome === 'out_of_turns' ? 30 : session.outcome === null ? 20 : 10;

  const scores: Record<TScoreDimension, number> = {
    noticing: Math.round(noticing),
    empathy: Math.round(empathy),
    language: Math.round(language),
    problem_solving: Math.round(problem),
    efficiency: Math.round(efficiency),
  };
  let total = 0;
  for (const key of Object.keys(scores) as TScoreDimension[]) total += scores[key] * RUBRIC[key].weight;
  if (session.outcome === 'escalated') total = Math.min(total, 40);
  if (session.outcome === 'leaves') total = Math.min(total, 45);
  return { outcome: session.outcome, scores, total: Math.round(total), rubric: RUBRIC };
}
