import { LESSON_EXERCISES } from '@calmdesk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../analyzer/labels';
import { QUESTION_TYPES } from './question-form';

/**
 * The learning API's codes as the trainer pages name them (teach.labels.* in both languages).
 * Every name falls back to the code when the API sends one this page does not know yet.
 */

export const CASE_KINDS = ['good', 'bad', 'turnaround'] as const;
export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'graded', 'expired'] as const;
export const DIFFICULTIES = [1, 2, 3] as const;

export const CASE_KIND_COLOR: Record<(typeof CASE_KINDS)[number], string> = { good: 'success', bad: 'error', turnaround: 'processing' };
export const ATTEMPT_STATUS_COLOR: Record<(typeof ATTEMPT_STATUSES)[number], string> = { in_progress: 'processing', submitted: 'warning', graded: 'success', expired: 'default' };
export const DIFFICULTY_COLOR: Record<number, string> = { 1: 'green', 2: 'gold', 3: 'volcano' };

/**
 * Names of the learning codes in the UI language.
 * @returns one naming function per vocabulary, and `text` for {zh, en} pairs
 */
export function useTeachLabels() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return useMemo(
    () => ({
      isEnglish,
      /** The text of a {zh, en} pair in the UI language (the other one when it is empty). */
      text: (value: { zh: string; en: string }) => (isEnglish ? value.en || value.zh : value.zh || value.en),
      questionType: (code: string) => (isOneOf(QUESTION_TYPES, code) ? t(`teach.labels.questionTypes.${code}`) : code),
      exercise: (code: string) => (isOneOf(LESSON_EXERCISES, code) ? t(`teach.labels.exercises.${code}`) : code),
      caseKind: (code: string) => (isOneOf(CASE_KINDS, code) ? t(`teach.labels.caseKinds.${code}`) : code),
      attemptStatus: (code: string) => (isOneOf(ATTEMPT_STATUSES, code) ? t(`teach.labels.attemptStatus.${code}`) : code),
      difficulty: (level: number) => (level === 1 || level === 2 || level === 3 ? t(`teach.labels.difficulty.${level}`) : String(level)),
    }),
    [t, isEnglish],
  );
}
