import type { TMessageAnalyzer } from './analyze-message.js';
import type { TPhrase, TReplyLexicon } from './lexicon.js';
import { hitsCreate, modelBankCompile, type TLinearModelData } from './linear-model.js';
import { matcherCreate, spansSort } from './matcher.js';
import type { TNormalizer } from './normalize.js';
import {
  REPLY_ISSUES,
  type CharOffset,
  type TLocalised,
  type TMessageAnalysis,
  type TNeed,
  type TReplyCheck,
  type TReplyIssue,
  type TReplyIssueCategory,
  type TReplyMissing,
  type TReplyMissingItem,
  type TSuggestion,
} from './types.js';

type TSignal = keyof TReplyLexicon['signals'];
type TPayload = { k: 'issue'; category: TReplyIssueCategory } | { k: 'signal'; signal: TSignal };

/** Needs that call for an action by the shop, so a reply must say what happens and when. */
const ACTION_NEEDS: ReadonlySet<TNeed> = new Set(['refund', 'return', 'exchange', 'repair', 'compensation', 'delivery', 'cancel', 'modify_order', 'invoice', 'price', 'human', 'apology']);

/** Needs and cues that mean the shop is at fault: wrong, broken, late, rude. */
const FAULT_NEEDS: ReadonlySet<TNeed> = new Set(['refund', 'return', 'exchange', 'repair', 'compensation', 'apology']);

const MISSING_EXPLANATIONS: Record<TReplyMissing, TLocalised> = {
  acknowledge: {
    zh: '顾客带着情绪来，回复却没有先回应这份情绪。先说出你理解的感受（着急、失望、生气），再谈处理。',
    en: 'The customer is upset, and the reply does not acknowledge it. Name the feeling you hear (worried, let down, angry) before the solution.',
  },
  apology: {
    zh: '问题出在我们这边（错发、质量、延误、服务），回复里却没有道歉。真诚的一句道歉能让顾客愿意听后面的方案。',
    en: 'The fault is on our side (wrong item, defect, delay, service) and the reply has no apology. A sincere apology makes the customer ready to hear the plan.',
  },
  next_step: {
    zh: '回复没有说清接下来做什么、什么时候有结果。给出具体动作和时间，例如“今天18点前给您答复”。',
    en: 'The reply does not say what happens next and by when. Give a concrete action and a time, e.g. "I will get back to you by 6 pm today".',
  },
};

/** Which phrase-library purpose fills which gap. */
const PURPOSE_FOR_MISSING: Record<TReplyMissing, string> = { acknowledge: 'empathy', apology: 'apology', next_step: 'plan' };

/** Phrase-library situations that fit a customer's stated needs and threats. */
const SITUATIONS_FOR_NEED: Partial<Record<TNeed, string[]>> = {
  delivery: ['delivery_delay', 'lost_parcel'],
  refund: ['refund_progress', 'return_exchange'],
  return: ['return_exchange'],
  exchange: ['return_exchange', 'size_fit', 'wrong_item'],
  repair: ['quality_issue', 'installation'],
  price: ['price_protection'],
  invoice: ['invoice'],
  cancel: ['cancel_order', 'membership_cancel'],
  modify_order: ['address_change'],
  information: ['presale_inquiry', 'usage_question'],
  compensation: ['quality_issue', 'damaged_parcel'],
  human: ['service_complaint'],
  apology: ['service_complaint'],
};
const SITUATIONS_FOR_THREAT: Record<string, string> = {
  review: 'bad_review_threat',
  platform: 'platform_complaint_threat',
  regulator: 'regulator_threat',
  media: 'media_threat',
  legal: 'legal_threat',
  superior: 'service_complaint',
};

/**
 * How sure an issue model must be to flag a reply on its own. Above one half because a
 * false "avoid" on a good reply costs the trainee's trust more than a missed mild issue.
 */
const ISSUE_MODEL_THRESHOLD = 0.6;

/** A stable small number from a text, so the same reply always gets the same suggestions. */
function textHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type TReplyChecker = (reply: string, customerMessage?: string | TMessageAnalysis) => TReplyCheck;

/**
 * Compiles the reply lexicon and the phrase library into a checker.
 * @param lexicon language to avoid and good moves (content/lexicons/reply.yaml)
 * @param phrases the phrase library (content/phrases)
 * @param normalize the text folder
 * @param analyzeMessage reads the customer message the reply answers
 */
export function replyCheckerCreate(
  lexicon: TReplyLexicon,
  phrases: readonly TPhrase[],
  normalize: TNormalizer,
  analyzeMessage: TMessageAnalyzer,
  issueModels: readonly TLinearModelData[] = [],
): TReplyChecker {
  const compiledBank = modelBankCompile(issueModels);
  if (!compiledBank.success) throw new Error(`@calmdesk/engine: ${compiledBank.error}`);
  const bank = compiledBank.data;
  const bankScores = new Float64Array(bank.width);
  const bankHits = hitsCreate();
  const modelCategories = bank.models.map((m) => m.name.replace(/^reply_/, '') as TReplyIssueCategory);
  const patterns: { term: string; payload: TPayload }[] = [];
  for (const category of REPLY_ISSUES) for (const term of lexicon.issues[category]?.terms ?? []) patterns.push({ term, payload: { k: 'issue', category } });
  for (const [signal, terms] of Object.entries(lexicon.signals) as [TSignal, string[]][]) for (const term of terms) patterns.push({ term, payload: { k: 'signal', signal } });
  const matcher = matcherCreate(patterns);

  const byPurpose = new Map<string, TPhrase[]>();
  const byReplaces = new Map<TReplyIssueCategory, TPhrase[]>();
  for (const phrase of phrases) {
    (byPurpose.get(phrase.purpose) ?? byPurpose.set(phrase.purpose, []).get(phrase.purpose)!).push(phrase);
    for (const category of phrase.replaces ?? []) (byReplaces.get(category) ?? byReplaces.set(category, []).get(category)!).push(phrase);
  }

  /**
   * The best-fitting phrase: right situation first, then emotion, then a stable spread by
   * the reply's hash (the same reply always gets the same suggestion). One pass, no sort.
   */
  const pick = (candidates: readonly TPhrase[] | undefined, customer: TMessageAnalysis | undefined, salt: number, exclude: Set<string>): TPhrase | undefined => {
    if (!candidates || candidates.length === 0) return undefined;
    const situations = new Set<string>();
    for (const need of customer?.needs ?? []) for (const s of SITUATIONS_FOR_NEED[need] ?? []) situations.add(s);
    for (const threat of customer?.threats ?? []) situations.add(SITUATIONS_FOR_THREAT[threat] ?? 'general');
    let best: TPhrase | undefined;
    let bestFit = -1;
    let bestTie = 0;
    for (let i = 0; i < candidates.length; i += 1) {
      const p = candidates[i]!;
      if (exclude.has(p.id)) continue;
      let fit = 0;
      if (customer && p.emotions.includes(customer.emotion)) fit += 2;
      if (p.situations.some((s) => situations.has(s))) fit += 3;
      else if (p.situations.includes('general')) fit += 1;
      const tie = (salt + Math.imul(i, 2654435761)) >>> 0;
      if (fit > bestFit || (fit === bestFit && tie < bestTie)) {
        best = p;
        bestFit = fit;
        bestTie = tie;
      }
    }
    return best;
  };

  return (reply, customerMessage) => {
    if (typeof reply !== 'string') {
      throw new TypeError(`@calmdesk/engine: checkReply expects a string, instead found ${reply === null ? 'null' : typeof reply}`);
    }
    const text = reply.length > 20_000 ? reply.slice(0, 20_000) : reply;
    const norm = normalize(text);
    const matches = matcher.findAll(norm);
    spansSort(matches, 'longest-first');

    const issues: TReplyIssue[] = [];
    const strengths: TReplyCheck['strengths'] = [];
    const signals = new Set<TSignal>();
    let lastIssueEnd = -1;
    let lastIssueCategory: string | undefined;
    for (const m of matches) {
      const span = { text: text.slice(m.start, m.end), start: m.start as CharOffset, end: m.end as CharOffset };
      if (m.payload.k === 'issue') {
        // One flag per stretch of text and category, even when several terms overlap.
        if (m.payload.category === lastIssueCategory && m.start < lastIssueEnd) continue;
        issues.push({ category: m.payload.category, source: 'lexicon', ...span, explanation: lexicon.issues[m.payload.category].explanation });
        lastIssueEnd = m.end;
        lastIssueCategory = m.payload.category;
      } else {
        signals.add(m.payload.signal);
        strengths.push({ kind: m.payload.signal, ...span });
      }
    }

    // The issue models catch wordings no pattern lists; a category the lexicon already
    // found is not flagged twice.
    if (bank.width > 0 && norm.trim().length > 0) {
      bank.score(norm, bankScores, bankHits);
      for (let m = 0; m < bank.models.length; m += 1) {
        const category = modelCategories[m]!;
        const yes = bank.models[m]!.offset + 1;
        const probability = 1 / (1 + Math.exp(bankScores[yes - 1]! - bankScores[yes]!));
        if (probability < ISSUE_MODEL_THRESHOLD || issues.some((i) => i.category === category)) continue;
        const strongest = bank.strongest(bankHits, yes);
        const start = strongest?.start ?? 0;
        const end = strongest ? strongest.start + strongest.length : text.length;
        issues.push({ category, source: 'model', text: text.slice(start, end), start: start as CharOffset, end: end as CharOffset, explanation: lexicon.issues[category].explanation });
      }
      spansSort(issues, 'shortest-first');
    }

    const customer = customerMessage === undefined ? undefined : typeof customerMessage === 'string' ? analyzeMessage(customerMessage) : customerMessage;
    const missing: TReplyMissingItem[] = [];
    if (customer) {
      const isUpset = customer.emotion === 'angry' || customer.emotion === 'anxious' || customer.emotion === 'disappointed' || customer.emotion === 'dissatisfied';
      if (isUpset && !signals.has('acknowledge')) missing.push({ kind: 'acknowledge', explanation: MISSING_EXPLANATIONS.acknowledge });
      const isShopAtFault =
        (customer.emotion === 'angry' || customer.emotion === 'dissatisfied' || customer.emotion === 'disappointed') &&
        (customer.needs.some((n) => FAULT_NEEDS.has(n)) || customer.cues.some((c) => c.kind === 'unresolved' || c.kind === 'repeat_contact') || customer.threats.length > 0);
      if (isShopAtFault && !signals.has('apology')) missing.push({ kind: 'apology', explanation: MISSING_EXPLANATIONS.apology });
      const needsAction = isUpset || customer.needs.some((n) => ACTION_NEEDS.has(n));
      const hasPlan = (signals.has('next_step') || signals.has('escalation') || signals.has('compensation')) && signals.has('time');
      const isPausing = signals.has('pause');
      if (needsAction && !hasPlan && !isPausing) missing.push({ kind: 'next_step', explanation: MISSING_EXPLANATIONS.next_step });
    }

    const isAvoid = issues.some((i) => lexicon.issues[i.category].severity === 'avoid');
    const verdict = isAvoid ? 'avoid' : issues.length > 0 || missing.length > 0 ? 'revise' : 'ok';

    const suggestions: TSuggestion[] = [];
    const used = new Set<string>();
    const salt = textHash(norm);
    const add = (phrase: TPhrase, because: TSuggestion['because']) => {
      used.add(phrase.id);
      suggestions.push({ id: phrase.id, purpose: phrase.purpose, zh: phrase.zh, en: phrase.en, because });
    };
    const offer = (phrase: TPhrase | undefined, because: TSuggestion['because']) => {
      if (phrase) add(phrase, because);
    };
    for (const category of new Set(issues.map((i) => i.category))) offer(pick(byReplaces.get(category), customer, salt, used), category);
    for (const gap of missing) offer(pick(byPurpose.get(PURPOSE_FOR_MISSING[gap.kind]), customer, salt, used), gap.kind);
    if (suggestions.length === 0 && customer && customer.emotion !== 'calm' && customer.emotion !== 'positive' && verdict !== 'ok') {
      offer(pick(byPurpose.get('empathy'), customer, salt, used), 'emotion');
    }

    const result: TReplyCheck = { verdict, issues, missing, strengths, suggestions: suggestions.slice(0, 5) };
    if (customer) result.customer = customer;
    return result;
  };
}
