import type { TCustomerEmotion } from '@calmdesk/shared';
import { CUSTOMER_EMOTIONS } from '@calmdesk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The codes the analysis API answers with and how the page names and colours them. The API
 * types most of them as plain strings (the engine owns the vocabularies), so every label
 * falls back to the raw code when the engine learns a word this page does not know yet.
 * The lists mirror packages/engine/src/types.ts and content/phrases (purposes).
 */

export const NEEDS = ['refund', 'return', 'exchange', 'repair', 'apology', 'compensation', 'delivery', 'invoice', 'information', 'cancel', 'price', 'modify_order', 'human'] as const;
export const THREATS = ['superior', 'platform', 'regulator', 'review', 'media', 'legal'] as const;
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
export const RISK_REASONS = ['threat', 'insult', 'angry', 'repeat_unresolved', 'escalating_context', 'negative_emotion', 'calm'] as const;
export const REPLY_ISSUES = ['denial', 'excuse', 'blame_shift', 'command', 'rhetorical', 'contempt', 'over_promise', 'cold_stock', 'privacy_leak'] as const;
export const REPLY_MISSING = ['acknowledge', 'apology', 'next_step'] as const;
export const REPLY_STRENGTHS = ['acknowledge', 'apology', 'next_step', 'time', 'paraphrase', 'pause', 'escalation', 'compensation'] as const;
export const PHRASE_SLOTS = ['time', 'amount', 'order', 'product'] as const;
export const PHRASE_PURPOSES = ['apology', 'closing', 'compensation', 'empathy', 'escalation', 'opening', 'paraphrase', 'pause', 'plan', 'reassurance', 'refusal', 'retention'] as const;

export type TCueKind = (typeof CUE_KINDS)[number];
export type TRiskLevel = 'low' | 'medium' | 'high';
export type TVerdict = 'ok' | 'revise' | 'avoid';

/** Earlier messages the API takes with one message (ZAnalyzeMessageRequest.context.max). */
export const CONTEXT_MAX = 20;

/**
 * Whether a code is one of a known list (narrows it for typed translation keys).
 * @param list the known codes
 * @param value a code from the API
 * @returns true when the list holds it
 */
export function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** antd preset colour names, with the light shade used behind highlighted text. */
type TPreset = 'gold' | 'blue' | 'orange' | 'default' | 'volcano' | 'purple' | 'geekblue' | 'lime' | 'red' | 'magenta' | 'green' | 'cyan';
const PRESET_BACKGROUND: Record<TPreset, string> = {
  gold: '#fff1b8',
  blue: '#bae0ff',
  orange: '#ffe7ba',
  default: '#f0f0f0',
  volcano: '#ffd8bf',
  purple: '#efdbff',
  geekblue: '#d6e4ff',
  lime: '#eaff8f',
  red: '#ffccc7',
  magenta: '#ffd6e7',
  green: '#d9f7be',
  cyan: '#b5f5ec',
};

const CUE_COLOR: Record<TCueKind, TPreset> = {
  emotion_word: 'gold',
  negation: 'blue',
  intensifier: 'orange',
  diminisher: 'default',
  punctuation: 'volcano',
  repetition: 'volcano',
  rhetorical: 'purple',
  repeat_contact: 'geekblue',
  unresolved: 'geekblue',
  urgency: 'lime',
  threat: 'red',
  insult: 'red',
  sarcasm: 'magenta',
  emoji: 'magenta',
  need: 'green',
  shouting: 'volcano',
  model: 'cyan',
  context: 'cyan',
};

/** When cues overlap, the merged highlight takes the colour of the weightiest kind. */
const CUE_PRIORITY: readonly TCueKind[] = [
  'threat',
  'insult',
  'sarcasm',
  'rhetorical',
  'shouting',
  'repeat_contact',
  'unresolved',
  'urgency',
  'emotion_word',
  'emoji',
  'intensifier',
  'punctuation',
  'repetition',
  'need',
  'negation',
  'diminisher',
  'model',
  'context',
];

/**
 * The tag colour of a cue kind.
 * @param kind the cue's kind
 * @returns an antd preset colour name
 */
export function cueTagColor(kind: string): TPreset {
  return isOneOf(CUE_KINDS, kind) ? CUE_COLOR[kind] : 'default';
}

/**
 * The background of a highlight covering these cue kinds.
 * @param kinds kinds of the cues merged into one highlight
 * @returns a CSS colour
 */
export function cueBackground(kinds: readonly string[]): string {
  const known = kinds.filter((kind): kind is TCueKind => isOneOf(CUE_KINDS, kind));
  const top = CUE_PRIORITY.find((kind) => known.includes(kind));
  return PRESET_BACKGROUND[top ? CUE_COLOR[top] : 'default'];
}

export const EMOTION_COLOR: Record<TCustomerEmotion, TPreset> = {
  calm: 'cyan',
  confused: 'purple',
  anxious: 'gold',
  disappointed: 'geekblue',
  dissatisfied: 'orange',
  angry: 'red',
  positive: 'green',
};

export const RISK_COLOR: Record<TRiskLevel, string> = { low: '#389e0d', medium: '#d46b08', high: '#cf1322' };
export const VERDICT_COLOR: Record<TVerdict, string> = { ok: '#389e0d', revise: '#d46b08', avoid: '#cf1322' };

/** Background of an issue (language to avoid) and a strength (a good move) in the reply. */
export const ISSUE_BACKGROUND = PRESET_BACKGROUND.red;
export const STRENGTH_BACKGROUND = PRESET_BACKGROUND.green;

/**
 * Names for every code the analysis API returns, in the UI language, each falling back to
 * the code itself when it is unknown.
 * @returns one naming function per vocabulary
 */
export function useAnalyzerLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const emotion = (code: string) => (isOneOf(CUSTOMER_EMOTIONS, code) ? t(`analyzer.emotions.${code}`) : code);
    const need = (code: string) => (isOneOf(NEEDS, code) ? t(`analyzer.needs.${code}`) : code);
    const threat = (code: string) => (isOneOf(THREATS, code) ? t(`analyzer.threats.${code}`) : code);
    const issue = (code: string) => (isOneOf(REPLY_ISSUES, code) ? t(`analyzer.issues.${code}`) : code);
    const missing = (code: string) => (isOneOf(REPLY_MISSING, code) ? t(`analyzer.missing.${code}`) : code);
    return {
      emotion,
      need,
      threat,
      issue,
      missing,
      cueKind: (code: string) => (isOneOf(CUE_KINDS, code) ? t(`analyzer.cueKinds.${code}`) : code),
      riskReason: (code: string) => (isOneOf(RISK_REASONS, code) ? t(`analyzer.riskReasons.${code}`) : code),
      strength: (code: string) => (isOneOf(REPLY_STRENGTHS, code) ? t(`analyzer.strengths.${code}`) : code),
      slot: (code: string) => (isOneOf(PHRASE_SLOTS, code) ? t(`analyzer.slots.${code}`) : code),
      purpose: (code: string) => (isOneOf(PHRASE_PURPOSES, code) ? t(`analyzer.purposes.${code}`) : code),
      /** What a cue is evidence for: an emotion, a need, a threat channel or a polarity. */
      signal: (code: string) => {
        if (isOneOf(CUSTOMER_EMOTIONS, code)) return emotion(code);
        if (isOneOf(NEEDS, code)) return need(code);
        if (isOneOf(THREATS, code)) return threat(code);
        if (code === 'pos' || code === 'neg' || code === 'neutral') return t(`analyzer.polarity.${code}`);
        return code;
      },
      /** Why a phrasing is offered: the issue it replaces, the gap it fills, or the customer's emotion. */
      because: (code: string) => {
        if (isOneOf(REPLY_ISSUES, code)) return t('analyzer.reply.becauseIssue', { label: issue(code) });
        if (isOneOf(REPLY_MISSING, code)) return t('analyzer.reply.becauseMissing', { label: missing(code) });
        if (code === 'emotion') return t('analyzer.reply.becauseEmotion');
        return code;
      },
    };
  }, [t]);
}
