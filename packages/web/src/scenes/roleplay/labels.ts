import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../analyzer/labels';
import { OUTCOMES } from './format';

/**
 * The codes of the role-play API and how the pages name them. Lists mirror
 * packages/content (scenario schema: family, temperament, goods), packages/simulator
 * (moves, scorecard dimensions) and content/scenarios/FORMAT.md. Every name falls back
 * to the code when the API sends one this page does not know yet.
 */

export const FAMILIES = ['complaint', 'inquiry', 'follow_up', 'retention'] as const;
export const TEMPERAMENTS = ['impatient', 'hesitant', 'expert', 'hostile'] as const;
export const GOODS = ['clothing', 'electronics', 'food', 'cosmetics', 'furniture', 'appliances', 'baby', 'other'] as const;
export const GOOD_MOVES = ['acknowledge', 'apology', 'paraphrase', 'clarifying_question', 'plan_with_time', 'compensation', 'pause', 'escalation'] as const;
export const BAD_MOVES = ['excuse', 'blame_shift', 'command', 'denial', 'rhetorical', 'contempt', 'cold_stock', 'over_promise', 'privacy_leak', 'no_progress'] as const;
export const MOVES = [...GOOD_MOVES, ...BAD_MOVES] as const;
/** Scorecard dimensions in the order the rubric explains them. */
export const DIMENSIONS = ['noticing', 'empathy', 'language', 'problem_solving', 'efficiency'] as const;
export const DIFFICULTIES = [1, 2, 3] as const;

export type TFamily = (typeof FAMILIES)[number];
export type TTemperament = (typeof TEMPERAMENTS)[number];

export const FAMILY_COLOR: Record<TFamily, string> = { complaint: 'volcano', inquiry: 'geekblue', follow_up: 'purple', retention: 'cyan' };
export const isFamily = (code: string): code is TFamily => isOneOf(FAMILIES, code);
export const isTemperament = (code: string): code is TTemperament => isOneOf(TEMPERAMENTS, code);

export const TEMPERAMENT_COLOR: Record<TTemperament, string> = { impatient: 'orange', hesitant: 'gold', expert: 'blue', hostile: 'red' };

/**
 * Whether a move helps (a good move), hurts (language to avoid, no progress) or is unknown.
 * @param move the move's code
 * @returns good, bad or unknown
 */
export function moveTone(move: string): 'good' | 'bad' | 'unknown' {
  if (isOneOf(GOOD_MOVES, move)) return 'good';
  if (isOneOf(BAD_MOVES, move)) return 'bad';
  return 'unknown';
}

/**
 * Names of every role-play code in the UI language.
 * @returns one naming function per vocabulary
 */
export function useRoleplayLabels() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return useMemo(
    () => ({
      /** The text of a {zh, en} pair in the UI language. */
      text: (value: { zh: string; en: string }) => (isEnglish ? value.en || value.zh : value.zh || value.en),
      family: (code: string) => (isOneOf(FAMILIES, code) ? t(`roleplay.families.${code}`) : code),
      temperament: (code: string) => (isOneOf(TEMPERAMENTS, code) ? t(`roleplay.temperaments.${code}`) : code),
      goods: (code: string) => (isOneOf(GOODS, code) ? t(`roleplay.goods.${code}`) : code),
      move: (code: string) => (isOneOf(MOVES, code) ? t(`roleplay.moves.${code}`) : code),
      dimension: (code: string) => (isOneOf(DIMENSIONS, code) ? t(`roleplay.dimensions.${code}`) : code),
      outcome: (code: string) => (isOneOf(OUTCOMES, code) ? t(`roleplay.outcomes.${code}`) : code),
    }),
    [t, isEnglish],
  );
}
