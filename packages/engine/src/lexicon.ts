import type { TEmotion, TLocalised, TNeed, TReplyIssueCategory, TThreat, TVerdict } from './types.js';

/**
 * Language data the engine is given (it never reads files). The server, the CLI and the
 * bench load it from content/lexicons/*.yaml; content/lexicons/FORMAT.md documents it.
 * All terms are written in normalised form: Simplified Chinese, half-width, lower case.
 */
export type TWeightedTerm = { term: string; weight: number };

export type TCustomerLexicon = {
  emotions: Partial<Record<TEmotion, TWeightedTerm[]>>;
  intensifiers: { term: string; factor: number }[];
  diminishers: { term: string; factor: number }[];
  negators: string[];
  /** Negators that withdraw a need when right before it ("不用退款"); others ("还没退款") do not. */
  need_cancellers?: string[];
  insults: TWeightedTerm[];
  threats: Partial<Record<TThreat, string[]>>;
  needs: Partial<Record<TNeed, string[]>>;
  urgency: string[];
  repeat_contact: string[];
  unresolved: string[];
  rhetorical: string[];
  sarcasm: string[];
  emoji: { term: string; emotion: TEmotion; weight: number }[];
};

export type TReplyLexicon = {
  issues: Record<TReplyIssueCategory, { explanation: TLocalised; severity: Exclude<TVerdict, 'ok'>; terms: string[] }>;
  signals: Record<'acknowledge' | 'apology' | 'next_step' | 'time' | 'paraphrase' | 'pause' | 'escalation' | 'compensation', string[]>;
};

export type TPhrase = {
  id: string;
  purpose: string;
  situations: string[];
  emotions: TEmotion[];
  zh: string;
  en: string;
  replaces?: TReplyIssueCategory[];
};

/** Everything createEngine needs. */
export type TEngineResources = {
  customer: TCustomerLexicon;
  reply: TReplyLexicon;
  /** Traditional → Simplified character pairs. */
  t2s: ReadonlyMap<string, string>;
  phrases: readonly TPhrase[];
  models: {
    polarity?: import('./linear-model.js').TLinearModelData;
    emotion?: import('./linear-model.js').TLinearModelData;
    /** One yes/no model per reply-issue category (name `reply_<category>`). */
    replyIssues?: import('./linear-model.js').TLinearModelData[];
  };
};
