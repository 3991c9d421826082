import { messageAnalyzerCreate, type TMessageAnalyzer } from './analyze-message.js';
import { replyCheckerCreate, type TReplyChecker } from './check-reply.js';
import type { TEngineResources, TPhrase } from './lexicon.js';
import { normalizerCreate, type TNormalizer } from './normalize.js';
import type { TEmotion } from './types.js';

export type TEngine = {
  /** Reads a customer message: emotion, intensity, polarity, risk, needs, threats and the cues behind them. */
  analyzeMessage: TMessageAnalyzer;
  /** Checks an agent's draft reply, optionally against the customer message it answers. */
  checkReply: TReplyChecker;
  /** Phrase-library entries for a purpose (opening, empathy, plan…) that fit an emotion. */
  suggestPhrases: (purpose: string, emotion?: TEmotion, limit?: number) => TPhrase[];
  /** The length-preserving text folding the engine reads with. */
  normalize: TNormalizer;
};

/**
 * Builds an engine from language data. Compiling takes a few tens of milliseconds; build
 * one engine per process and reuse it: every call after that is pure and allocation-light.
 * @param resources lexicons, phrase library and models (see TEngineResources)
 * @returns the engine
 */
export function engineCreate(resources: TEngineResources): TEngine {
  const normalize = normalizerCreate(resources.t2s);
  const analyzeMessage = messageAnalyzerCreate(resources.customer, normalize, resources.models);
  const checkReply = replyCheckerCreate(resources.reply, resources.phrases, normalize, analyzeMessage, resources.models.replyIssues ?? []);
  return {
    analyzeMessage,
    checkReply,
    normalize,
    suggestPhrases: (purpose, emotion, limit = 5) =>
      resources.phrases.filter((p) => p.purpose === purpose && (emotion === undefined || p.emotions.includes(emotion))).slice(0, limit),
  };
}
