import { LESSON_EXERCISES } from '@calmdesk/shared';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import learnZhCN from '../../i18n/learn.zh-CN.json';
import { isOneOf } from '../analyzer/labels';
import { GOODS } from '../roleplay/labels';

/**
 * How the learner pages name the API's codes: bilingual texts, case kinds, tags, goods,
 * question types and exercises. Unknown codes (a tag a trainer just made up) show as written.
 */

export const CASE_KINDS = ['good', 'bad', 'turnaround'] as const;
export type TCaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_COLOR: Record<TCaseKind, string> = { good: 'green', bad: 'red', turnaround: 'gold' };

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'short_answer'] as const;
/** Tags the curriculum uses, named in learn.*.json under `tagNames`. */
export const KNOWN_TAGS = Object.keys(learnZhCN.tagNames) as (keyof typeof learnZhCN.tagNames)[];
const EXERCISES = LESSON_EXERCISES.filter((code) => code !== 'none');

/**
 * Names of the learning codes in the UI language.
 * @returns naming functions and date formatting
 */
export function useLearningLabels() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return useMemo(
    () => ({
      isEnglish,
      /** The text of a {zh, en} pair in the UI language (the other one when empty). */
      text: (value: { zh: string; en: string }) => (isEnglish ? value.en || value.zh : value.zh || value.en),
      kind: (code: string) => (isOneOf(CASE_KINDS, code) ? t(`learn.kinds.${code}`) : code),
      tag: (code: string) => (isOneOf(KNOWN_TAGS, code) ? t(`learn.tagNames.${code}`) : code),
      goods: (code: string) => (isOneOf(GOODS, code) ? t(`roleplay.goods.${code}`) : code),
      questionType: (code: string) => (isOneOf(QUESTION_TYPES, code) ? t(`learn.questionTypes.${code}`) : code),
      exercise: (code: string) => (isOneOf(EXERCISES, code) ? t(`learn.exercises.names.${code}`) : code),
      /** A date (or the date part of a time) as YYYY-MM-DD. */
      date: (value: string) => dayjs(value).format('YYYY-MM-DD'),
      /** A time as YYYY-MM-DD HH:mm. */
      time: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm'),
    }),
    [t, isEnglish],
  );
}

export type TLearningLabels = ReturnType<typeof useLearningLabels>;
