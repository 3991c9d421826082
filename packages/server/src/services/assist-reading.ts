import { conversationTemperature, type TEmotion, type TEngine, type TMessageAnalysis } from '@calmdesk/engine';
import type { TAssistPhrase, TAssistReading, TAssistRisk } from '@calmdesk/shared';

/**
 * The live-assist reading of a conversation (SPEC §2.5), shared by the assist page and the
 * WebSocket stream: the customer's temperature over the conversation, where they are now,
 * openers and empathy lines for that emotion, and the "bring in your supervisor" prompt.
 * Pure over the engine: no database, no clock.
 */

/** How many earlier customer messages the analyser reads as context (it uses the last three). */
export const ASSIST_CONTEXT_TURNS = 3;
/** Lines offered per purpose: enough to choose from, few enough to read while typing. */
const PHRASES_PER_PURPOSE = 3;

/** A customer message as held: its reading and temperature, for the trajectory. */
export type TAssistPoint = { index: number; analysis: TMessageAnalysis; temperature: number };

const RISK_RANK: Record<TAssistRisk, number> = { low: 0, medium: 1, high: 2 };

/** The higher of two risk levels. */
export function assistMaxRisk(a: TAssistRisk, b: TAssistRisk): TAssistRisk {
  return RISK_RANK[a] >= RISK_RANK[b] ? a : b;
}

/**
 * Reads one customer message with the customer messages before it as context.
 * @param previous earlier customer readings, oldest first (only the last three are used)
 */
export function assistReadMessage(engine: TEngine, text: string, index: number, previous: readonly TMessageAnalysis[]): TAssistPoint {
  const context = previous.length > ASSIST_CONTEXT_TURNS ? previous.slice(-ASSIST_CONTEXT_TURNS) : previous;
  const analysis = engine.analyzeMessage(text, context.length > 0 ? { previous: context } : undefined);
  return { index, analysis, temperature: conversationTemperature(analysis) };
}

type TPhraseSets = { openers: TAssistPhrase[]; empathy: TAssistPhrase[]; escalation: TAssistPhrase[] };

/** Phrase lists per emotion, built once per engine: the stream asks for them on every message. */
const phraseCache = new WeakMap<TEngine, Map<string, TPhraseSets>>();

/**
 * Openers, empathy and escalation lines fitting an emotion (engine.suggestPhrases), cached.
 * @param emotion the customer's current emotion; undefined before the customer wrote (general openers)
 */
export function assistPhrases(engine: TEngine, emotion: TEmotion | undefined): TPhraseSets {
  let byEmotion = phraseCache.get(engine);
  if (!byEmotion) {
    byEmotion = new Map();
    phraseCache.set(engine, byEmotion);
  }
  const key = emotion ?? '';
  let sets = byEmotion.get(key);
  if (!sets) {
    const pick = (purpose: string) =>
      engine.suggestPhrases(purpose, emotion, PHRASES_PER_PURPOSE).map((p) => ({ id: p.id, purpose: p.purpose, zh: p.zh, en: p.en }));
    sets = { openers: pick('opening'), empathy: pick('empathy'), escalation: pick('escalation') };
    byEmotion.set(key, sets);
  }
  return sets;
}

/**
 * The reading of a conversation from its customer points, oldest first.
 * @param points every customer message held (the trajectory shows them all)
 * @param peakFloor a peak already known from earlier messages no longer held (the stream drops old ones)
 */
export function assistReading(engine: TEngine, points: readonly TAssistPoint[], peakFloor: TAssistRisk = 'low'): TAssistReading {
  let peakRisk = peakFloor;
  const trajectory = points.map((p) => {
    peakRisk = assistMaxRisk(peakRisk, p.analysis.risk);
    return { index: p.index, temperature: p.temperature, emotion: p.analysis.emotion, risk: p.analysis.risk };
  });
  const last = points.at(-1);
  const phrases = assistPhrases(engine, last?.analysis.emotion);
  const shouldEscalate = last?.analysis.risk === 'high';
  return {
    trajectory,
    current: last ? { emotion: last.analysis.emotion, intensity: last.analysis.intensity, risk: last.analysis.risk, temperature: last.temperature } : null,
    peakRisk,
    openers: phrases.openers,
    empathy: phrases.empathy,
    escalate: { shouldEscalate, reasons: shouldEscalate ? [...last.analysis.riskReasons] : [], phrases: shouldEscalate ? phrases.escalation : [] },
  };
}
