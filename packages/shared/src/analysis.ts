import { z } from 'zod';

/**
 * Request and response schemas of the analysis API (/api/analyze/*). They mirror the
 * engine's result types (packages/engine/src/types.ts); the server validates every response
 * against them, so a drift between the two fails the server's tests.
 */
export const CUSTOMER_EMOTIONS = ['calm', 'confused', 'anxious', 'disappointed', 'dissatisfied', 'angry', 'positive'] as const;
export const ZCustomerEmotion = z.enum(CUSTOMER_EMOTIONS);
export type TCustomerEmotion = z.infer<typeof ZCustomerEmotion>;

/** Longest message or reply the API accepts: far above any chat message, well under the body limit. */
export const ANALYSIS_TEXT_MAX = 10_000;
export const ANALYSIS_BATCH_MAX = 1_000;

const ZSpan = { text: z.string(), start: z.number().int(), end: z.number().int() };

export const ZCue = z.object({
  kind: z.string(),
  ...ZSpan,
  signal: z.string().optional(),
  weight: z.number().optional(),
});

export const ZMessageAnalysis = z.object({
  emotion: ZCustomerEmotion,
  intensity: z.number(),
  polarity: z.enum(['pos', 'neg', 'neutral']),
  polarityScore: z.number(),
  risk: z.enum(['low', 'medium', 'high']),
  riskReasons: z.array(z.string()),
  needs: z.array(z.string()),
  threats: z.array(z.string()),
  cues: z.array(ZCue),
  emotionScores: z.record(z.string(), z.number()),
});
export type TMessageAnalysisDto = z.infer<typeof ZMessageAnalysis>;

const ZLocalisedText = z.object({ zh: z.string(), en: z.string() });

export const ZReplyCheck = z.object({
  verdict: z.enum(['ok', 'revise', 'avoid']),
  issues: z.array(z.object({ category: z.string(), source: z.enum(['lexicon', 'model']), ...ZSpan, explanation: ZLocalisedText })),
  missing: z.array(z.object({ kind: z.string(), explanation: ZLocalisedText })),
  strengths: z.array(z.object({ kind: z.string(), ...ZSpan })),
  suggestions: z.array(z.object({ id: z.string(), purpose: z.string(), zh: z.string(), en: z.string(), because: z.string() })),
  customer: ZMessageAnalysis.optional(),
});
export type TReplyCheckDto = z.infer<typeof ZReplyCheck>;

const ZAnalysisText = z.string().max(ANALYSIS_TEXT_MAX, `at most ${ANALYSIS_TEXT_MAX} characters`);

export const ZAnalyzeMessageRequest = z.object({
  text: ZAnalysisText,
  /** Earlier customer messages of the same conversation, oldest first. */
  context: z.array(ZAnalysisText).max(20).optional(),
});
export const ZAnalyzeReplyRequest = z.object({ text: ZAnalysisText, customer: ZAnalysisText.optional() });

export const ZAnalyzeMessageBatchRequest = z.object({
  items: z.array(ZAnalyzeMessageRequest.extend({ id: z.string().max(200).optional() })).min(1).max(ANALYSIS_BATCH_MAX),
});
export const ZAnalyzeMessageBatchResponse = z.object({
  results: z.array(ZMessageAnalysis.extend({ id: z.string().nullable() })),
});
export const ZAnalyzeReplyBatchRequest = z.object({
  items: z.array(ZAnalyzeReplyRequest.extend({ id: z.string().max(200).optional() })).min(1).max(ANALYSIS_BATCH_MAX),
});
export const ZAnalyzeReplyBatchResponse = z.object({
  results: z.array(ZReplyCheck.extend({ id: z.string().nullable() })),
});
