/**
 * Public types of the engine. Offsets are UTF-16 code-unit indexes into the text as given
 * (what `String.prototype.slice` takes), branded so they are not mixed up with other numbers.
 */
export type CharOffset = number & { readonly _brand: 'CharOffset' };

export const EMOTIONS = ['calm', 'confused', 'anxious', 'disappointed', 'dissatisfied', 'angry', 'positive'] as const;
export type TEmotion = (typeof EMOTIONS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type TRisk = (typeof RISK_LEVELS)[number];

export const NEEDS = ['refund', 'return', 'exchange', 'repair', 'apology', 'compensation', 'delivery', 'invoice', 'information', 'cancel', 'price', 'modify_order', 'human'] as const;
export type TNeed = (typeof NEEDS)[number];

export const THREAT_CHANNELS = ['superior', 'platform', 'regulator', 'review', 'media', 'legal'] as const;
export type TThreat = (typeof THREAT_CHANNELS)[number];

export type TPolarity = 'pos' | 'neg' | 'neutral';

export const CUE_KINDS = [
  'emotion_word',
  'negation',
  'intensifier',
  'diminisher',
  'punctuation',
  'repetition',
  'rhetorical',
  'repeat_contact',
  'unresolved',
  'urgency',
  'threat',
  'insult',
  'sarcasm',
  'emoji',
  'need',
  'shouting',
  'model',
  'context',
] as const;
export type TCueKind = (typeof CUE_KINDS)[number];

/** One piece of evidence behind a judgement. */
export type TCue = {
  kind: TCueKind;
  /** The matched text, as written in the message. */
  text: string;
  start: CharOffset;
  end: CharOffset;
  /** What this cue is evidence for: an emotion, a need, a threat channel, or a polarity. */
  signal?: string;
  /** How much it weighed, 0..1 (negative for evidence against). */
  weight?: number;
};

export type TMessageAnalysis = {
  emotion: TEmotion;
  /** 0 (barely) .. 1 (extreme). */
  intensity: number;
  polarity: TPolarity;
  /** -1 (very negative) .. 1 (very positive). */
  polarityScore: number;
  risk: TRisk;
  /** Why the risk is what it is, in plain codes (see RISK_REASONS). */
  riskReasons: TRiskReason[];
  needs: TNeed[];
  threats: TThreat[];
  cues: TCue[];
  /** Scores per emotion before the decision, for explanation and calibration. */
  emotionScores: Record<TEmotion, number>;
};

export const RISK_REASONS = [
  'threat', // names an escalation channel
  'insult',
  'angry', // the emotion itself
  'repeat_unresolved', // repeated contact about something still unsolved
  'escalating_context', // several upset messages in a row
  'negative_emotion', // anxious, disappointed or dissatisfied: soothe first
  'calm', // nothing above
] as const;
export type TRiskReason = (typeof RISK_REASONS)[number];

/** Earlier turns of the same conversation, oldest first: texts or their analyses. */
export type TMessageContext = {
  previous?: readonly (string | TMessageAnalysis)[];
};

export const REPLY_ISSUES = ['denial', 'excuse', 'blame_shift', 'command', 'rhetorical', 'contempt', 'over_promise', 'cold_stock', 'privacy_leak'] as const;
export type TReplyIssueCategory = (typeof REPLY_ISSUES)[number];

export const REPLY_MISSING = ['acknowledge', 'apology', 'next_step'] as const;
export type TReplyMissing = (typeof REPLY_MISSING)[number];

export type TVerdict = 'ok' | 'revise' | 'avoid';

export type TLocalised = { zh: string; en: string };

export type TReplyIssue = {
  category: TReplyIssueCategory;
  /** lexicon: a listed wording matched; model: the issue model judged the whole reply, the span is its strongest n-gram. */
  source: 'lexicon' | 'model';
  text: string;
  start: CharOffset;
  end: CharOffset;
  explanation: TLocalised;
};

export type TReplyMissingItem = { kind: TReplyMissing; explanation: TLocalised };

export type TSuggestion = {
  id: string;
  purpose: string;
  zh: string;
  en: string;
  /** Why this phrasing is offered: the issue it replaces or the gap it fills. */
  because: TReplyIssueCategory | TReplyMissing | 'emotion';
};

export type TReplyCheck = {
  verdict: TVerdict;
  issues: TReplyIssue[];
  missing: TReplyMissingItem[];
  /** Good moves the reply makes (acknowledgement, apology, plan, time…), for feedback. */
  strengths: { kind: string; text: string; start: CharOffset; end: CharOffset }[];
  suggestions: TSuggestion[];
  /** The analysis of the customer message, when one was given. */
  customer?: TMessageAnalysis;
};
