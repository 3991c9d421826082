import type { TLocalised, TSuggestion } from '@calmdesk/engine';

/** What a reply does, as the simulated customer feels it (content/scenarios/FORMAT.md). */
export const MOVES = [
  'acknowledge',
  'apology',
  'paraphrase',
  'clarifying_question',
  'plan_with_time',
  'compensation',
  'pause',
  'escalation',
  'excuse',
  'blame_shift',
  'command',
  'denial',
  'rhetorical',
  'contempt',
  'cold_stock',
  'over_promise',
  'privacy_leak',
  'no_progress',
] as const;
export type TMove = (typeof MOVES)[number];

export type TMeters = { anger: number; trust: number; patience: number };
export type TMeterDelta = Partial<TMeters>;

export type TOutcome = 'resolved' | 'escalated' | 'leaves' | 'out_of_turns';

/** A scenario as the simulator reads it (validated by @calmdesk/content/scenario). */
export type TScenario = {
  id: string;
  title: TLocalised;
  summary: TLocalised;
  family: 'complaint' | 'inquiry' | 'follow_up' | 'retention';
  temperament: 'impatient' | 'hesitant' | 'expert' | 'hostile';
  difficulty: number;
  goods: string;
  persona: { name: string; description: TLocalised };
  facts: Record<string, string | number>;
  situation: TLocalised;
  need: TLocalised;
  acceptable_outcomes: TLocalised[];
  start: TMeters;
  max_turns: number;
  effects: Partial<Record<TMove, TMeterDelta>>;
  ending: {
    escalated: { anger_at_least: number };
    leaves: { patience_at_most: number };
    resolved: { anger_at_most: number; trust_at_least: number; needs: TMove[] };
  };
  lines: {
    opening: string[];
    hot: string[];
    tense: string[];
    calmer: string[];
    resolved: string[];
    escalated: string[];
    leaves: string[];
    out_of_turns: string[];
    reactions?: Partial<Record<TMove, string[]>> | undefined;
  };
};

/** One move found in a reply, with the words that show it (empty for no_progress). */
export type TMoveFound = { move: TMove; text: string; start: number; end: number };

export type TTurnFeedback = {
  moves: TMoveFound[];
  /** How the meters moved, after clamping to 0..100. */
  delta: TMeters;
  /** Plain-language feedback quoting the reply. */
  notes: TLocalised[];
  /** Better phrasings from the phrase library. */
  suggestions: TSuggestion[];
  /** The reply asked for a short pause: the UI offers a one-minute breathing pacer. */
  isPause: boolean;
};

export type TTurn = {
  agent: string;
  customer: string;
  state: TMeters;
  feedback: TTurnFeedback;
};

export type TSession = {
  scenarioId: string;
  seed: number;
  /** The customer's first message. */
  opening: string;
  state: TMeters;
  turns: TTurn[];
  /** Moves seen so far (for the "needs" of the resolved ending). */
  seen: TMove[];
  outcome: TOutcome | null;
  /** Random state: which line variants come next. */
  rng: number;
};

export const SCORE_DIMENSIONS = ['noticing', 'empathy', 'language', 'problem_solving', 'efficiency'] as const;
export type TScoreDimension = (typeof SCORE_DIMENSIONS)[number];

export type TScorecard = {
  outcome: TOutcome | null;
  scores: Record<TScoreDimension, number>;
  total: number;
  rubric: Record<TScoreDimension, { weight: number; description: TLocalised }>;
};
