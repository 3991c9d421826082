import type { TCustomerLexicon } from './lexicon.js';
import { linearModelCompile, type TLinearModel, type TLinearModelData } from './linear-model.js';
import { matcherCreate, type TMatch } from './matcher.js';
import type { TNormalizer } from './normalize.js';
import {
  EMOTIONS,
  type CharOffset,
  type TCue,
  type TEmotion,
  type TMessageAnalysis,
  type TMessageContext,
  type TNeed,
  type TPolarity,
  type TRisk,
  type TRiskReason,
  type TThreat,
} from './types.js';

/** What a lexicon match stands for. */
type TPayload =
  | { k: 'emotion'; emotion: TEmotion; weight: number }
  | { k: 'emoji'; emotion: TEmotion; weight: number }
  | { k: 'intensifier'; factor: number }
  | { k: 'diminisher'; factor: number }
  | { k: 'negator' }
  | { k: 'insult'; weight: number }
  | { k: 'threat'; channel: TThreat }
  | { k: 'need'; need: TNeed }
  | { k: 'urgency' }
  | { k: 'repeat_contact' }
  | { k: 'unresolved' }
  | { k: 'rhetorical' }
  | { k: 'sarcasm' };

/**
 * Longer than this, a message is read on its first MAX_ANALYSED_CHARS characters: no chat
 * message is that long, and it bounds the work a pasted document can cause.
 */
export const MAX_ANALYSED_CHARS = 20_000;

/** SMP2020-EWECT labels of the emotion model, and where each lands among our emotions. */
const MODEL_EMOTION_MAP: Record<string, Partial<Record<TEmotion, number>>> = {
  angry: { angry: 0.55, dissatisfied: 0.65 },
  sad: { disappointed: 0.9 },
  fear: { anxious: 0.9 },
  happy: { positive: 0.9 },
  neutral: { calm: 0.55 },
  surprise: { confused: 0.45 },
};

/**
 * Weights of the non-lexical cues, per emotion. Chosen by reading the team's labelled
 * fixtures (packages/engine/test/fixtures) as a coach would: insults and threats are the
 * clearest signs of anger; "still not solved" and repeated contact of dissatisfaction
 * that turns to anger with heat (punctuation, rhetorical questions).
 */
const CUE_WEIGHTS = {
  insult: { angry: 1.2 },
  threat: { angry: 0.45, dissatisfied: 0.4 },
  rhetorical: { angry: 0.45, dissatisfied: 0.3 },
  sarcasm: { dissatisfied: 0.55, angry: 0.25 },
  repeatContact: { dissatisfied: 0.4, angry: 0.25 },
  unresolved: { dissatisfied: 0.45, angry: 0.15 },
  urgency: { anxious: 0.35 },
  exclaimRun: { angry: 0.2 },
  questionRun: { confused: 0.25 },
  repetition: { angry: 0.15 },
  shouting: { angry: 0.35 },
} as const satisfies Record<string, Partial<Record<TEmotion, number>>>;

/** Below this much evidence for any emotion, the message is calm. */
const MIN_EMOTION_SCORE = 0.32;

/** Only the first few characters before an emotion word can negate it: "不是很满意". */
const NEGATION_REACH = 3;

const EMPTY_SCORES = (): Record<TEmotion, number> => ({ calm: 0, confused: 0, anxious: 0, disappointed: 0, dissatisfied: 0, angry: 0, positive: 0 });
const NEGATIVE: ReadonlySet<TEmotion> = new Set(['angry', 'dissatisfied', 'disappointed', 'anxious']);

function isPunctuationBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 46 || c === 33 || c === 63 || c === 59 || c === 0xff0c || c === 0xff1b || c === 0x3002) return true;
  }
  return false;
}

function cue(original: string, kind: TCue['kind'], start: number, end: number, signal?: string, weight?: number): TCue {
  const result: TCue = { kind, text: original.slice(start, end), start: start as CharOffset, end: end as CharOffset };
  if (signal !== undefined) result.signal = signal;
  if (weight !== undefined) result.weight = Math.round(weight * 100) / 100;
  return result;
}

/** Runs of ! or ? (after normalisation both widths look alike): the length says how loud. */
function findPunctuationRuns(text: string, visit: (start: number, end: number, exclaims: number, questions: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63) {
      const start = i;
      let exclaims = 0;
      let questions = 0;
      while (i < text.length && (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63)) {
        if (text.charCodeAt(i) === 33) exclaims += 1;
        else questions += 1;
        i += 1;
      }
      if (i - start >= 2) visit(start, i, exclaims, questions);
    } else {
      i += 1;
    }
  }
}

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** "快点快点", "退款退款退款": a 1–4 character word said twice in a row. */
function findRepetition(text: string): { start: number; end: number } | undefined {
  const limit = Math.min(text.length, 400);
  for (let size = 2; size <= 4; size += 1) {
    for (let i = 0; i + 2 * size <= limit; i += 1) {
      if (!isCjk(text.charCodeAt(i))) continue;
      let same = true;
      for (let j = 0; j < size; j += 1) {
        if (text.charCodeAt(i + j) !== text.charCodeAt(i + size + j)) {
          same = false;
          break;
        }
      }
      if (same) {
        let end = i + 2 * size;
        while (end + size <= limit && text.slice(end, end + size) === text.slice(i, i + size)) end += size;
        return { start: i, end };
      }
    }
  }
  // A single character tripled: 啊啊啊, 气气气 (two is common in plain speech: 谢谢, 看看).
  for (let i = 0; i + 3 <= limit; i += 1) {
    const c = text.charCodeAt(i);
    if (isCjk(c) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
      let end = i + 3;
      while (end < limit && text.charCodeAt(end) === c) end += 1;
      return { start: i, end };
    }
  }
  return undefined;
}

/** Two or more English words in capitals ("THIS IS UNACCEPTABLE") in the original text. */
function findShouting(original: string): { start: number; end: number } | undefined {
  const re = /\b[A-Z]{3,}(?:\s+[A-Z]{2,})+\b/;
  const m = re.exec(original);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/**
 * Removes matches that lie inside a longer match of the same family, in O(n log n):
 * sorted by start (longest first), a match is inside when an earlier one reaches as far.
 */
function dropContainedMatches<P>(matches: TMatch<P>[], family: (p: P) => string): TMatch<P>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const reach = new Map<string, { start: number; end: number }>();
  const kept: TMatch<P>[] = [];
  for (const m of sorted) {
    const f = family(m.payload);
    const widest = reach.get(f);
    const isInside = widest !== undefined && (widest.end > m.end || (widest.end === m.end && widest.start < m.start));
    if (!isInside) kept.push(m);
    if (!widest || m.end > widest.end) reach.set(f, { start: m.start, end: m.end });
  }
  return kept;
}

export type TMessageAnalyzer = (text: string, context?: TMessageContext) => TMessageAnalysis;

/**
 * Compiles the customer lexicon and the statistical models into an analyser.
 * @param lexicon customer-side terms (content/lexicons/customer.yaml)
 * @param normalize the text folder (same length in and out)
 * @param models optional polarity and emotion models (content/models)
 */
export function messageAnalyzerCreate(
  lexicon: TCustomerLexicon,
  normalize: TNormalizer,
  models: { polarity?: TLinearModelData | undefined; emotion?: TLinearModelData | undefined },
): TMessageAnalyzer {
  const patterns: { term: string; payload: TPayload }[] = [];
  for (const emotion of EMOTIONS) for (const { term, weight } of lexicon.emotions[emotion] ?? []) patterns.push({ term, payload: { k: 'emotion', emotion, weight } });
  for (const { term, emotion, weight } of lexicon.emoji) patterns.push({ term, payload: { k: 'emoji', emotion, weight } });
  for (const { term, factor } of lexicon.intensifiers) patterns.push({ term, payload: { k: 'intensifier', factor } });
  for (const { term, factor } of lexicon.diminishers) patterns.push({ term, payload: { k: 'diminisher', factor } });
  for (const term of lexicon.negators) patterns.push({ term, payload: { k: 'negator' } });
  for (const { term, weight } of lexicon.insults) patterns.push({ term, payload: { k: 'insult', weight } });
  for (const [channel, terms] of Object.entries(lexicon.threats)) for (const term of terms ?? []) patterns.push({ term, payload: { k: 'threat', channel: channel as TThreat } });
  for (const [need, terms] of Object.entries(lexicon.needs)) for (const term of terms ?? []) patterns.push({ term, payload: { k: 'need', need: need as TNeed } });
  for (const term of lexicon.urgency) patterns.push({ term, payload: { k: 'urgency' } });
  for (const term of lexicon.repeat_contact) patterns.push({ term, payload: { k: 'repeat_contact' } });
  for (const term of lexicon.unresolved) patterns.push({ term, payload: { k: 'unresolved' } });
  for (const term of lexicon.rhetorical) patterns.push({ term, payload: { k: 'rhetorical' } });
  for (const term of lexicon.sarcasm) patterns.push({ term, payload: { k: 'sarcasm' } });
  const matcher = matcherCreate(patterns);

  const compile = (data: TLinearModelData | undefined): TLinearModel | undefined => {
    if (!data) return undefined;
    const compiled = linearModelCompile(data);
    if (!compiled.success) throw new Error(`@calmdesk/engine: ${compiled.error}`);
    return compiled.data;
  };
  const polarityModel = compile(models.polarity);
  const emotionModel = compile(models.emotion);
  const polarityScores = new Float64Array(polarityModel?.labels.length ?? 0);
  const emotionScoresBuffer = new Float64Array(emotionModel?.labels.length ?? 0);
  const positiveIndex = polarityModel?.labels.indexOf('pos') ?? -1;

  const analyze: TMessageAnalyzer = (text, context) => {
    if (typeof text !== 'string') {
      throw new TypeError(`@calmdesk/engine: analyzeMessage expects a string, instead found ${text === null ? 'null' : typeof text}`);
    }
    const original = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
    const norm = normalize(original);
    const cues: TCue[] = [];
    const scores = EMPTY_SCORES();
    const lexical = EMPTY_SCORES();
    const needs = new Set<TNeed>();
    const threats = new Set<TThreat>();
    let heat = 0; // how loud: punctuation, repetition, capitals, intensifiers
    let hasInsult = false;
    let hasRepeat = false;
    let hasUnresolved = false;
    let hasRhetorical = false;

    const all = matcher.findAll(norm);
    // A match inside a longer match of the same family is the same word read twice:
    // 满意 inside 不满意, 退款 inside 退款申请.
    const family = (p: TPayload) => (p.k === 'emoji' ? 'emotion' : p.k === 'insult' || p.k === 'sarcasm' ? 'emotion' : p.k);
    const kept = dropContainedMatches(all, family);
    const negators = kept.filter((m) => m.payload.k === 'negator');
    const modifiers = kept.filter((m) => m.payload.k === 'intensifier' || m.payload.k === 'diminisher');
    const negatorBefore = (start: number): TMatch<TPayload> | undefined =>
      negators.find((n) => n.end <= start && start - n.end <= NEGATION_REACH - 1 && !isPunctuationBetween(norm, n.end, start));

    for (const m of kept) {
      const p = m.payload;
      switch (p.k) {
        case 'emotion':
        case 'emoji': {
          let weight = p.weight;
          let emotion = p.emotion;
          for (const mod of modifiers) {
            if (mod.end <= m.start && m.start - mod.end <= 2 && !isPunctuationBetween(norm, mod.end, m.start) && (mod.payload.k === 'intensifier' || mod.payload.k === 'diminisher')) {
              weight *= mod.payload.factor;
              if (mod.payload.k === 'intensifier') heat += 0.1;
              cues.push(cue(original, mod.payload.k, mod.start, mod.end, emotion, mod.payload.factor));
            }
          }
          const negator = p.k === 'emotion' ? negatorBefore(m.start) : undefined;
          if (negator) {
            cues.push(cue(original, 'negation', negator.start, m.end, emotion, -weight));
            if (emotion === 'positive') {
              // "不是很满意", "not happy": a denied good feeling is a complaint, a mild one.
              emotion = 'dissatisfied';
              weight *= 0.75;
            } else if (NEGATIVE.has(emotion)) {
              // "没有不满意", "不担心": the bad feeling is denied; nothing to add.
              continue;
            } else {
              continue;
            }
          }
          scores[emotion] += weight;
          lexical[emotion] += weight;
          cues.push(cue(original, p.k === 'emoji' ? 'emoji' : 'emotion_word', m.start, m.end, emotion, weight));
          break;
        }
        case 'insult':
          hasInsult = true;
          scores.angry += CUE_WEIGHTS.insult.angry * p.weight;
          lexical.angry += p.weight;
          cues.push(cue(original, 'insult', m.start, m.end, 'angry', p.weight));
          break;
        case 'threat':
          threats.add(p.channel);
          cues.push(cue(original, 'threat', m.start, m.end, p.channel));
          break;
        case 'need': {
          const negator = negatorBefore(m.start);
          if (negator && m.start - negator.end <= 1) {
            cues.push(cue(original, 'negation', negator.start, m.end, p.need));
            break;
          }
          if (!needs.has(p.need)) cues.push(cue(original, 'need', m.start, m.end, p.need));
          needs.add(p.need);
          break;
        }
        case 'urgency':
          scores.anxious += CUE_WEIGHTS.urgency.anxious;
          heat += 0.1;
          cues.push(cue(original, 'urgency', m.start, m.end, 'anxious'));
          break;
        case 'repeat_contact':
          hasRepeat = true;
          scores.dissatisfied += CUE_WEIGHTS.repeatContact.dissatisfied;
          scores.angry += CUE_WEIGHTS.repeatContact.angry;
          heat += 0.15;
          cues.push(cue(original, 'repeat_contact', m.start, m.end, 'dissatisfied'));
          break;
        case 'unresolved':
          hasUnresolved = true;
          scores.dissatisfied += CUE_WEIGHTS.unresolved.dissatisfied;
          scores.angry += CUE_WEIGHTS.unresolved.angry;
          cues.push(cue(original, 'unresolved', m.start, m.end, 'dissatisfied'));
          break;
        case 'rhetorical':
          hasRhetorical = true;
          scores.angry += CUE_WEIGHTS.rhetorical.angry;
          scores.dissatisfied += CUE_WEIGHTS.rhetorical.dissatisfied;
          heat += 0.15;
          cues.push(cue(original, 'rhetorical', m.start, m.end, 'angry'));
          break;
        case 'sarcasm':
          scores.dissatisfied += CUE_WEIGHTS.sarcasm.dissatisfied;
          scores.angry += CUE_WEIGHTS.sarcasm.angry;
          lexical.dissatisfied += 0.5;
          cues.push(cue(original, 'sarcasm', m.start, m.end, 'dissatisfied'));
          break;
        case 'negator':
        case 'intensifier':
        case 'diminisher':
          break;
      }
    }
    if (threats.size > 0) {
      scores.angry += CUE_WEIGHTS.threat.angry;
      scores.dissatisfied += CUE_WEIGHTS.threat.dissatisfied;
    }

    const negativeSoFar = scores.angry + scores.dissatisfied + scores.disappointed;
    findPunctuationRuns(norm, (start, end, exclaims, questions) => {
      const loud = Math.min(exclaims + questions, 6);
      heat += 0.08 * loud;
      if (exclaims >= 2 || (questions >= 2 && negativeSoFar > 0.3)) scores.angry += CUE_WEIGHTS.exclaimRun.angry * Math.min(loud, 4) / 2;
      else if (questions >= 2) scores.confused += CUE_WEIGHTS.questionRun.confused;
      cues.push(cue(original, 'punctuation', start, end, exclaims >= questions ? 'angry' : 'confused', 0.08 * loud));
    });
    const repetition = findRepetition(norm);
    if (repetition) {
      heat += 0.15;
      scores.angry += CUE_WEIGHTS.repetition.angry;
      cues.push(cue(original, 'repetition', repetition.start, repetition.end, 'angry'));
    }
    const shouting = findShouting(original);
    if (shouting) {
      heat += 0.25;
      scores.angry += CUE_WEIGHTS.shouting.angry;
      cues.push(cue(original, 'shouting', shouting.start, shouting.end, 'angry'));
    }

    // Statistical evidence: an n-gram model of polarity and one of emotion. They decide
    // where the lexicon is silent, and are outvoted where it speaks clearly.
    let modelPolarity = 0;
    if (polarityModel && norm.length > 0) {
      polarityModel.score(norm, polarityScores);
      const diff = polarityScores[positiveIndex]! - polarityScores[1 - positiveIndex]!;
      modelPolarity = Math.tanh(diff / 2);
    }
    const lexicalTotal = lexical.angry + lexical.dissatisfied + lexical.disappointed + lexical.anxious + lexical.positive + lexical.confused;
    const modelShare = lexicalTotal >= 0.8 ? 0.35 : 0.8;
    let topModelLabel = -1;
    if (emotionModel && norm.length > 0) {
      emotionModel.score(norm, emotionScoresBuffer);
      let max = -Infinity;
      for (const s of emotionScoresBuffer) max = Math.max(max, s);
      let sum = 0;
      for (let k = 0; k < emotionScoresBuffer.length; k += 1) {
        emotionScoresBuffer[k] = Math.exp(emotionScoresBuffer[k]! - max);
        sum += emotionScoresBuffer[k]!;
      }
      let best = 0;
      for (let k = 0; k < emotionScoresBuffer.length; k += 1) {
        const probability = emotionScoresBuffer[k]! / sum;
        if (probability > emotionScoresBuffer[best]! / sum) best = k;
        const mapping = MODEL_EMOTION_MAP[emotionModel.labels[k]!];
        if (!mapping) continue;
        for (const [emotion, factor] of Object.entries(mapping) as [TEmotion, number][]) scores[emotion] += probability * factor * modelShare;
      }
      topModelLabel = best;
    }
    if (modelPolarity < -0.3) scores.dissatisfied += 0.12 * -modelPolarity * modelShare;
    if (modelPolarity > 0.3) scores.positive += 0.12 * modelPolarity * modelShare;

    // Earlier turns: three angry messages do not become calm because the fourth is short.
    let escalatingContext = false;
    let calmingAfterHeat = false;
    const previous = context?.previous ?? [];
    if (previous.length > 0) {
      const recent = previous.slice(-3).map((turn) => (typeof turn === 'string' ? analyze(turn) : turn));
      const upset = recent.filter((a) => a.risk === 'high' || a.emotion === 'angry').length;
      const negativeTurns = recent.filter((a) => NEGATIVE.has(a.emotion)).length;
      const carried = recent.reduce((s, a) => s + (NEGATIVE.has(a.emotion) ? a.intensity : 0), 0) / recent.length;
      if (lexical.positive > 0.5 && lexicalTotal - lexical.positive < 0.3) {
        calmingAfterHeat = upset > 0;
      } else {
        scores.dissatisfied += 0.25 * carried * negativeTurns;
        scores.angry += 0.2 * upset;
        escalatingContext = upset >= 2 || (upset >= 1 && negativeTurns >= 2);
      }
      if (escalatingContext || calmingAfterHeat) {
        cues.push({ kind: 'context', text: '', start: 0 as CharOffset, end: 0 as CharOffset, signal: escalatingContext ? 'escalating' : 'calming', weight: upset / recent.length });
      }
    }

    // Decision.
    let emotion: TEmotion = 'calm';
    let best = MIN_EMOTION_SCORE;
    for (const candidate of EMOTIONS) {
      if (candidate === 'calm') continue;
      if (scores[candidate] > best) {
        best = scores[candidate];
        emotion = candidate;
      }
    }
    if (emotion !== 'calm' && scores.calm > best * 1.6 && lexicalTotal < 0.3) emotion = 'calm';
    const isHot = hasInsult || heat >= 0.45 || lexical.angry >= 0.85 || hasRhetorical || (threats.size > 0 && heat >= 0.2);
    if (emotion === 'dissatisfied' && isHot && scores.angry >= scores.dissatisfied * 0.55) emotion = 'angry';
    if (emotion === 'angry' && !isHot && lexical.angry < 0.6 && !hasInsult) emotion = 'dissatisfied';

    const evidence = emotion === 'calm' ? 0 : scores[emotion];
    const intensity = emotion === 'calm' ? Math.min(0.2, heat / 2) : Math.min(1, 1 - Math.exp(-(evidence * 0.9 + heat)));

    if (topModelLabel >= 0 && emotionModel && lexicalTotal < 0.8) {
      const label = emotionModel.labels[topModelLabel]!;
      cues.push({ kind: 'model', text: '', start: 0 as CharOffset, end: 0 as CharOffset, signal: label, weight: Math.round((emotionScoresBuffer[topModelLabel]! / emotionScoresBuffer.reduce((a, b) => a + b, 0)) * 100) / 100 });
    }

    // Polarity: the lexicon where it has evidence, the model everywhere.
    const lexicalNegative = lexical.angry + lexical.dissatisfied + lexical.disappointed + 0.5 * lexical.anxious + (hasRhetorical ? 0.4 : 0) + (hasUnresolved ? 0.4 : 0);
    const lexicalPolarity = Math.max(-1, Math.min(1, (lexical.positive - lexicalNegative) / 1.2));
    const lexicalWeight = Math.min(0.7, (lexical.positive + lexicalNegative) / 2);
    let polarityScore = polarityModel ? lexicalWeight * lexicalPolarity + (1 - lexicalWeight) * modelPolarity : lexicalPolarity;
    polarityScore = Math.round(Math.max(-1, Math.min(1, polarityScore)) * 1000) / 1000;
    const polarity: TPolarity = polarityScore > 0.1 ? 'pos' : polarityScore < -0.1 ? 'neg' : 'neutral';

    const riskReasons: TRiskReason[] = [];
    if (threats.size > 0) riskReasons.push('threat');
    if (hasInsult) riskReasons.push('insult');
    if (emotion === 'angry') riskReasons.push('angry');
    if (hasRepeat && hasUnresolved && NEGATIVE.has(emotion)) riskReasons.push('repeat_unresolved');
    if (escalatingContext && emotion !== 'positive') riskReasons.push('escalating_context');
    let risk: TRisk = riskReasons.length > 0 ? 'high' : 'low';
    if (risk === 'low' && (NEGATIVE.has(emotion) || calmingAfterHeat)) {
      risk = 'medium';
      riskReasons.push('negative_emotion');
    }
    if (riskReasons.length === 0) riskReasons.push('calm');

    cues.sort((a, b) => a.start - b.start || a.end - b.end);
    const rounded = EMPTY_SCORES();
    for (const e of EMOTIONS) rounded[e] = Math.round(scores[e] * 1000) / 1000;
    return {
      emotion,
      intensity: Math.round(intensity * 100) / 100,
      polarity,
      polarityScore,
      risk,
      riskReasons,
      needs: [...needs],
      threats: [...threats],
      cues,
      emotionScores: rounded,
    };
  };
  return analyze;
}
