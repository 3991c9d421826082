import type { TCustomerLexicon } from './lexicon.js';
import { hitsCreate, modelBankCompile, type TLinearModelData } from './linear-model.js';
import { matcherCreate, spansSort, type TMatch } from './matcher.js';
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

/**
 * How much of the emotion model's probability for a label counts as evidence for each of
 * our emotions. The model is trained on our seven emotions (content/training plus mapped
 * Weibo data), so this is nearly the identity; calm is discounted because "nothing
 * stands out" should not outvote a lexical cue.
 */
const MODEL_EMOTION_MAP: Record<string, Partial<Record<TEmotion, number>>> = {
  calm: { calm: 0.7 },
  confused: { confused: 0.9 },
  anxious: { anxious: 0.9 },
  disappointed: { disappointed: 0.9 },
  dissatisfied: { dissatisfied: 0.9 },
  angry: { angry: 0.8, dissatisfied: 0.2 },
  positive: { positive: 0.9 },
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

/** A question mark, or a sentence-final question particle. */
const QUESTION = /[?]|[吗呢么嘛][\s.,~]*$/;

/** Below this much evidence for any emotion, the message is calm. */
const MIN_EMOTION_SCORE = 0.32;

/** Only the first few characters before an emotion word can negate it: "不是很满意". */
const NEGATION_REACH = 3;

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

function isCjk(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** "快点快点", "退款退款退款": a 1–4 character word said twice in a row. */
function findRepetition(text: string): { start: number; end: number } | undefined {
  const limit = Math.min(text.length, 400);
  for (let size = 2; size <= 4; size += 1) {
    for (let i = 0; i + 2 * size <= limit; i += 1) {
      if (text.charCodeAt(i) !== text.charCodeAt(i + size) || !isCjk(text.charCodeAt(i))) continue;
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

export type TMessageAnalyzer = (text: string, context?: TMessageContext) => TMessageAnalysis;

/** Match families: a match inside a longer match of its family is the same word read twice. */
const FAMILY = { emotion: 0, modifier: 1, negator: 2, threat: 3, need: 4, cue: 5 } as const;
type TFamily = (typeof FAMILY)[keyof typeof FAMILY];
type TFamilyPayload = TPayload & { f: TFamily };

function familyOf(p: TPayload): TFamily {
  switch (p.k) {
    case 'emotion':
    case 'emoji':
    case 'insult':
    case 'sarcasm':
      return FAMILY.emotion;
    case 'intensifier':
    case 'diminisher':
      return FAMILY.modifier;
    case 'negator':
      return FAMILY.negator;
    case 'threat':
      return FAMILY.threat;
    case 'need':
      return FAMILY.need;
    default:
      return FAMILY.cue;
  }
}

function bump(target: Float64Array, index: number, amount: number): void {
  target[index] = target[index]! + amount;
}

const EMOTION_INDEX: Record<TEmotion, number> = { calm: 0, confused: 1, anxious: 2, disappointed: 3, dissatisfied: 4, angry: 5, positive: 6 };

/** The negator that denies what starts at `start`, if one ends just before it. */
function findNegatorBefore(negators: readonly TMatch<TFamilyPayload>[], norm: string, start: number): TMatch<TFamilyPayload> | undefined {
  for (let i = negators.length - 1; i >= 0; i -= 1) {
    const n = negators[i]!;
    if (n.end <= start && start - n.end <= NEGATION_REACH - 1 && !isPunctuationBetween(norm, n.end, start)) return n;
  }
  return undefined;
}

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
  const patterns: { term: string; payload: TFamilyPayload }[] = [];
  const add = (term: string, payload: TPayload) => patterns.push({ term, payload: { ...payload, f: familyOf(payload) } as TFamilyPayload });
  for (const emotion of EMOTIONS) for (const { term, weight } of lexicon.emotions[emotion] ?? []) add(term, { k: 'emotion', emotion, weight });
  for (const { term, emotion, weight } of lexicon.emoji) add(term, { k: 'emoji', emotion, weight });
  for (const { term, factor } of lexicon.intensifiers) add(term, { k: 'intensifier', factor });
  for (const { term, factor } of lexicon.diminishers) add(term, { k: 'diminisher', factor });
  for (const term of lexicon.negators) add(term, { k: 'negator' });
  for (const { term, weight } of lexicon.insults) add(term, { k: 'insult', weight });
  for (const [channel, terms] of Object.entries(lexicon.threats)) for (const term of terms ?? []) add(term, { k: 'threat', channel: channel as TThreat });
  for (const [need, terms] of Object.entries(lexicon.needs)) for (const term of terms ?? []) add(term, { k: 'need', need: need as TNeed });
  for (const term of lexicon.urgency) add(term, { k: 'urgency' });
  for (const term of lexicon.repeat_contact) add(term, { k: 'repeat_contact' });
  for (const term of lexicon.unresolved) add(term, { k: 'unresolved' });
  for (const term of lexicon.rhetorical) add(term, { k: 'rhetorical' });
  for (const term of lexicon.sarcasm) add(term, { k: 'sarcasm' });
  const matcher = matcherCreate(patterns);
  const needCancellers = new Set(lexicon.need_cancellers ?? []);

  const bankModels = [models.polarity, models.emotion].filter((m): m is TLinearModelData => m !== undefined);
  const compiledBank = modelBankCompile(bankModels);
  if (!compiledBank.success) throw new Error(`@calmdesk/engine: ${compiledBank.error}`);
  const bank = compiledBank.data;
  const polarityModel = models.polarity ? bank.models[0] : undefined;
  const emotionModel = models.emotion ? bank.models[bank.models.length - 1] : undefined;
  const positiveIndex = polarityModel ? polarityModel.offset + polarityModel.labels.indexOf('pos') : -1;
  const negativeIndex = polarityModel ? polarityModel.offset + polarityModel.labels.indexOf('neg') : -1;
  const modelScores = new Float64Array(bank.width);
  const modelHits = hitsCreate();
  const modelProbabilities = new Float64Array(emotionModel?.labels.length ?? 0);
  // Per model label: pairs of (emotion index, factor), flat for the hot loop.
  const emotionMapping = (emotionModel?.labels ?? []).map((label) =>
    Float64Array.from((Object.entries(MODEL_EMOTION_MAP[label] ?? {}) as [TEmotion, number][]).flatMap(([emotion, factor]) => [EMOTION_INDEX[emotion], factor])),
  );
  const scores = new Float64Array(EMOTIONS.length);
  const lexical = new Float64Array(EMOTIONS.length);
  const negators: TMatch<TFamilyPayload>[] = [];
  const modifiers: TMatch<TFamilyPayload>[] = [];
  const reachStart = new Int32Array(6);
  const reachEnd = new Int32Array(6);

  const analyze: TMessageAnalyzer = (text, context) => {
    if (typeof text !== 'string') {
      throw new TypeError(`@calmdesk/engine: analyzeMessage expects a string, instead found ${text === null ? 'null' : typeof text}`);
    }
    // Earlier turns first: analysing them reuses this analyser's buffers.
    const previous = context?.previous ?? [];
    const recent = previous.length > 0 ? previous.slice(-3).map((turn) => (typeof turn === 'string' ? analyze(turn) : turn)) : undefined;

    const original = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
    const norm = normalize(original);
    const cues: TCue[] = [];
    scores.fill(0);
    lexical.fill(0);
    const needs: TNeed[] = [];
    const threats: TThreat[] = [];
    let heat = 0; // how loud: punctuation, repetition, capitals, intensifiers
    let hasInsult = false;
    let hasRepeat = false;
    let hasUnresolved = false;
    let hasRhetorical = false;

    const all = matcher.findAll(norm);
    // Trie matches come in start order; regular-expression matches are appended after them.
    spansSort(all, 'longest-first');
    reachStart.fill(-1);
    reachEnd.fill(-1);
    negators.length = 0;
    modifiers.length = 0;
    let kept = 0;
    for (const m of all) {
      const f = m.payload.f;
      const isInside = reachEnd[f]! > m.end || (reachEnd[f] === m.end && reachStart[f]! < m.start);
      if (m.end > reachEnd[f]!) {
        reachStart[f] = m.start;
        reachEnd[f] = m.end;
      }
      if (isInside) continue;
      all[kept++] = m;
      if (m.payload.k === 'negator') negators.push(m);
      else if (m.payload.k === 'intensifier' || m.payload.k === 'diminisher') modifiers.push(m);
    }
    all.length = kept;

    for (const m of all) {
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
          const negator = p.k === 'emotion' ? findNegatorBefore(negators, norm, m.start) : undefined;
          if (negator) {
            cues.push(cue(original, 'negation', negator.start, m.end, emotion, -weight));
            // "不是很满意", "not happy": a denied good feeling is a mild complaint.
            // "没有不满意", "不担心": a denied bad feeling adds nothing.
            if (emotion !== 'positive') continue;
            emotion = 'dissatisfied';
            weight *= 0.75;
          }
          bump(scores, EMOTION_INDEX[emotion], weight);
          bump(lexical, EMOTION_INDEX[emotion], weight);
          cues.push(cue(original, p.k === 'emoji' ? 'emoji' : 'emotion_word', m.start, m.end, emotion, weight));
          break;
        }
        case 'insult':
          hasInsult = true;
          bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.insult.angry * p.weight);
          bump(lexical, EMOTION_INDEX.angry, p.weight);
          cues.push(cue(original, 'insult', m.start, m.end, 'angry', p.weight));
          break;
        case 'threat':
          if (!threats.includes(p.channel)) threats.push(p.channel);
          cues.push(cue(original, 'threat', m.start, m.end, p.channel));
          break;
        case 'need': {
          // "不用退款了", "no need to refund": the need is withdrawn. ("还没退款" is not.)
          const negator = findNegatorBefore(negators, norm, m.start);
          if (negator && needCancellers.has(norm.slice(negator.start, negator.end))) {
            cues.push(cue(original, 'negation', negator.start, m.end, p.need));
            break;
          }
          if (!needs.includes(p.need)) {
            needs.push(p.need);
            cues.push(cue(original, 'need', m.start, m.end, p.need));
          }
          break;
        }
        case 'urgency':
          bump(scores, EMOTION_INDEX.anxious, CUE_WEIGHTS.urgency.anxious);
          heat += 0.1;
          cues.push(cue(original, 'urgency', m.start, m.end, 'anxious'));
          break;
        case 'repeat_contact':
          hasRepeat = true;
          bump(scores, EMOTION_INDEX.dissatisfied, CUE_WEIGHTS.repeatContact.dissatisfied);
          bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.repeatContact.angry);
          heat += 0.15;
          cues.push(cue(original, 'repeat_contact', m.start, m.end, 'dissatisfied'));
          break;
        case 'unresolved':
          hasUnresolved = true;
          bump(scores, EMOTION_INDEX.dissatisfied, CUE_WEIGHTS.unresolved.dissatisfied);
          bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.unresolved.angry);
          cues.push(cue(original, 'unresolved', m.start, m.end, 'dissatisfied'));
          break;
        case 'rhetorical':
          hasRhetorical = true;
          bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.rhetorical.angry);
          bump(scores, EMOTION_INDEX.dissatisfied, CUE_WEIGHTS.rhetorical.dissatisfied);
          heat += 0.15;
          cues.push(cue(original, 'rhetorical', m.start, m.end, 'angry'));
          break;
        case 'sarcasm':
          bump(scores, EMOTION_INDEX.dissatisfied, CUE_WEIGHTS.sarcasm.dissatisfied);
          bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.sarcasm.angry);
          bump(lexical, EMOTION_INDEX.dissatisfied, 0.5);
          cues.push(cue(original, 'sarcasm', m.start, m.end, 'dissatisfied'));
          break;
        default:
          break;
      }
    }
    if (threats.length > 0) {
      bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.threat.angry);
      bump(scores, EMOTION_INDEX.dissatisfied, CUE_WEIGHTS.threat.dissatisfied);
    }

    // Runs of ! and ?: the longer, the louder.
    const negativeSoFar = scores[EMOTION_INDEX.angry]! + scores[EMOTION_INDEX.dissatisfied]! + scores[EMOTION_INDEX.disappointed]!;
    let exclaims = 0;
    for (let i = 0; i < norm.length; ) {
      const c = norm.charCodeAt(i);
      if (c !== 33 && c !== 63) {
        i += 1;
        continue;
      }
      const runStart = i;
      let questions = 0;
      let runExclaims = 0;
      while (i < norm.length && (norm.charCodeAt(i) === 33 || norm.charCodeAt(i) === 63)) {
        if (norm.charCodeAt(i) === 33) runExclaims += 1;
        else questions += 1;
        i += 1;
      }
      exclaims += runExclaims;
      if (i - runStart < 2) continue;
      const loud = Math.min(runExclaims + questions, 6);
      heat += 0.08 * loud;
      if (runExclaims >= 2 || (questions >= 2 && negativeSoFar > 0.3)) bump(scores, EMOTION_INDEX.angry, (CUE_WEIGHTS.exclaimRun.angry * Math.min(loud, 4)) / 2);
      else if (questions >= 2) bump(scores, EMOTION_INDEX.confused, CUE_WEIGHTS.questionRun.confused);
      cues.push(cue(original, 'punctuation', runStart, i, runExclaims >= questions ? 'angry' : 'confused', 0.08 * loud));
    }
    const repetition = findRepetition(norm);
    if (repetition) {
      heat += 0.15;
      bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.repetition.angry);
      cues.push(cue(original, 'repetition', repetition.start, repetition.end, 'angry'));
    }
    // normalize() returns its input unchanged when there was nothing to fold: no capitals.
    const shouting = norm === original ? undefined : findShouting(original);
    if (shouting) {
      heat += 0.25;
      bump(scores, EMOTION_INDEX.angry, CUE_WEIGHTS.shouting.angry);
      cues.push(cue(original, 'shouting', shouting.start, shouting.end, 'angry'));
    }

    // Statistical evidence: n-gram models of polarity and emotion, scored in one pass. They
    // decide where the lexicon is silent and are outvoted where it speaks clearly.
    const lexicalTotal = lexical[EMOTION_INDEX.angry]! + lexical[EMOTION_INDEX.dissatisfied]! + lexical[EMOTION_INDEX.disappointed]! + lexical[EMOTION_INDEX.anxious]! + lexical[EMOTION_INDEX.positive]! + lexical[EMOTION_INDEX.confused]!;
    const modelShare = lexicalTotal >= 0.8 ? 0.35 : 0.8;
    let modelPolarity = 0;
    let topModelLabel = -1;
    if (bank.width > 0 && norm.length > 0) {
      bank.score(norm, modelScores, modelHits);
      if (polarityModel) modelPolarity = Math.tanh((modelScores[positiveIndex]! - modelScores[negativeIndex]!) / 2);
      if (emotionModel) {
        const from = emotionModel.offset;
        const to = from + emotionModel.labels.length;
        let max = -Infinity;
        for (let k = from; k < to; k += 1) max = Math.max(max, modelScores[k]!);
        let sum = 0;
        for (let k = from; k < to; k += 1) {
          modelProbabilities[k - from] = Math.exp(modelScores[k]! - max);
          sum += modelProbabilities[k - from]!;
        }
        let best = from;
        for (let k = from; k < to; k += 1) {
          const probability = modelProbabilities[k - from]! / sum;
          if (modelScores[k]! > modelScores[best]!) best = k;
          const mapping = emotionMapping[k - from]!;
          for (let j = 0; j < mapping.length; j += 2) bump(scores, mapping[j]!, probability * mapping[j + 1]! * modelShare);
        }
        topModelLabel = best;
      }
    }
    if (modelPolarity < -0.3) bump(scores, EMOTION_INDEX.dissatisfied, 0.12 * -modelPolarity * modelShare);
    if (modelPolarity > 0.3) bump(scores, EMOTION_INDEX.positive, 0.12 * modelPolarity * modelShare);

    // Earlier turns: three angry messages do not become calm because the fourth is short.
    let escalatingContext = false;
    let calmingAfterHeat = false;
    if (recent) {
      const upset = recent.filter((a) => a.risk === 'high' || a.emotion === 'angry').length;
      const negativeTurns = recent.filter((a) => NEGATIVE.has(a.emotion)).length;
      const carried = recent.reduce((s, a) => s + (NEGATIVE.has(a.emotion) ? a.intensity : 0), 0) / recent.length;
      if (lexical[EMOTION_INDEX.positive]! > 0.5 && lexicalTotal - lexical[EMOTION_INDEX.positive]! < 0.3) {
        calmingAfterHeat = upset > 0;
      } else {
        bump(scores, EMOTION_INDEX.dissatisfied, 0.25 * carried * negativeTurns);
        bump(scores, EMOTION_INDEX.angry, 0.2 * upset);
        escalatingContext = upset >= 2 || (upset >= 1 && negativeTurns >= 2);
      }
      if (escalatingContext || calmingAfterHeat) {
        cues.push({ kind: 'context', text: '', start: 0 as CharOffset, end: 0 as CharOffset, signal: escalatingContext ? 'escalating' : 'calming', weight: Math.round((upset / recent.length) * 100) / 100 });
      }
    }

    // Decision.
    let emotion: TEmotion = 'calm';
    let best = MIN_EMOTION_SCORE;
    for (let k = 1; k < EMOTIONS.length; k += 1) {
      if (scores[k]! > best) {
        best = scores[k]!;
        emotion = EMOTIONS[k]!;
      }
    }
    if (emotion !== 'calm' && scores[EMOTION_INDEX.calm]! > best * 1.6 && lexicalTotal < 0.3) emotion = 'calm';
    // Angry or "only" dissatisfied: heat decides. Single exclamation marks count too (runs
    // counted above). A threat alone is not heat: "否则我会申请平台介入" can be said calmly
    // (its risk is high all the same).
    const complaint = scores[EMOTION_INDEX.angry]! + scores[EMOTION_INDEX.dissatisfied]! + scores[EMOTION_INDEX.disappointed]!;
    const isHot =
      hasInsult ||
      hasRhetorical ||
      heat + 0.12 * Math.min(exclaims, 4) >= 0.45 ||
      lexical[EMOTION_INDEX.angry]! >= 0.85 ||
      (threats.length > 0 && complaint >= 0.6 && exclaims > 0);
    if (emotion === 'dissatisfied' && (isHot || scores[EMOTION_INDEX.angry]! > scores[EMOTION_INDEX.dissatisfied]!)) emotion = 'angry';
    if (emotion === 'angry' && !isHot && scores[EMOTION_INDEX.angry]! < scores[EMOTION_INDEX.dissatisfied]! * 1.2) emotion = 'dissatisfied';
    // Sadness said in so many words ("太失望了", "心里不是滋味") colours a cool complaint.
    if (emotion === 'dissatisfied' && !isHot && lexical[EMOTION_INDEX.disappointed]! >= 0.5 && lexical[EMOTION_INDEX.disappointed]! >= lexical[EMOTION_INDEX.dissatisfied]! * 0.8) emotion = 'disappointed';

    const evidence = emotion === 'calm' ? 0 : scores[EMOTION_INDEX[emotion]]!;
    const intensity = emotion === 'calm' ? Math.min(0.2, heat / 2) : Math.min(1, 1 - Math.exp(-(evidence * 0.9 + heat)));

    // When the model carried the decision, name the n-gram that pushed it most.
    if (topModelLabel >= 0 && emotionModel && lexicalTotal < 0.8) {
      const strongest = bank.strongest(modelHits, topModelLabel);
      if (strongest) cues.push(cue(original, 'model', strongest.start, strongest.start + strongest.length, emotionModel.labels[topModelLabel - emotionModel.offset]!, strongest.weight));
    }

    // Polarity: the lexicon where it has evidence, the model everywhere.
    const lexicalNegative = lexical[EMOTION_INDEX.angry]! + lexical[EMOTION_INDEX.dissatisfied]! + lexical[EMOTION_INDEX.disappointed]! + 0.5 * lexical[EMOTION_INDEX.anxious]! + (hasRhetorical ? 0.4 : 0) + (hasUnresolved ? 0.4 : 0);
    const lexicalPositive = lexical[EMOTION_INDEX.positive]!;
    const lexicalPolarity = Math.max(-1, Math.min(1, (lexicalPositive - lexicalNegative) / 1.2));
    const lexicalWeight = Math.min(0.7, (lexicalPositive + lexicalNegative) / 2);
    let polarityScore = polarityModel ? lexicalWeight * lexicalPolarity + (1 - lexicalWeight) * modelPolarity : lexicalPolarity;
    // The polarity model learnt from reviews, where a question ("什么时候发货？") is usually a
    // complaint: for a calm or puzzled customer with no negative word its lean counts a
    // third, and only a clear lean makes the message positive or negative.
    const isPlainQuestion = (emotion === 'calm' || emotion === 'confused') && lexicalNegative === 0 && QUESTION.test(norm);
    if (isPlainQuestion) polarityScore *= 0.3;
    polarityScore = Math.round(Math.max(-1, Math.min(1, polarityScore)) * 1000) / 1000;
    const band = isPlainQuestion ? 0.3 : 0.15;
    const polarity: TPolarity = polarityScore > band ? 'pos' : polarityScore < -band ? 'neg' : 'neutral';

    const riskReasons: TRiskReason[] = [];
    if (threats.length > 0) riskReasons.push('threat');
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

    spansSort(cues, 'shortest-first');
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const emotionScores: Record<TEmotion, number> = {
      calm: round(scores[0]!),
      confused: round(scores[1]!),
      anxious: round(scores[2]!),
      disappointed: round(scores[3]!),
      dissatisfied: round(scores[4]!),
      angry: round(scores[5]!),
      positive: round(scores[6]!),
    };
    return {
      emotion,
      intensity: Math.round(intensity * 100) / 100,
      polarity,
      polarityScore,
      risk,
      riskReasons,
      needs,
      threats,
      cues,
      emotionScores,
    };
  };
  return analyze;
}
