import { QUESTION_TYPES, ROLES, SESSION_KINDS, SURVEY_STATUSES, SURVEY_TOPICS, TENURE_BANDS } from '@calmdesk/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isOneOf } from '../../analyzer/labels';

/**
 * The survey codes as the pages name them (surveys.* in both languages). Every name falls back to
 * the code when the API sends one this page does not know, e.g. a topic typed by a trainer.
 */

export const SURVEY_KINDS = ['needs', 'reaction', 'general'] as const;
export const STATUS_COLOR: Record<(typeof SURVEY_STATUSES)[number], string> = { draft: 'default', open: 'blue', closed: 'success' };
export const KIND_COLOR: Record<(typeof SURVEY_KINDS)[number], string> = { needs: 'cyan', reaction: 'purple', general: 'blue' };

export function useSurveyLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      kind: (code: string) => (isOneOf(SURVEY_KINDS, code) ? t(`surveys.kinds.${code}`) : code),
      status: (code: string) => (isOneOf(SURVEY_STATUSES, code) ? t(`surveys.statuses.${code}`) : code),
      type: (code: string) => (isOneOf(QUESTION_TYPES, code) ? t(`surveys.types.${code}`) : code),
      topic: (code: string) => (isOneOf(SURVEY_TOPICS, code) ? t(`surveys.topics.${code}`) : code),
      sessionKind: (code: string) => (isOneOf(SESSION_KINDS, code) ? t(`surveys.sessionKinds.${code}`) : code),
      /** A breakdown group: a level (role) or a tenure band. */
      group: (code: string) => (isOneOf(ROLES, code) ? t(`roles.${code}`) : isOneOf(TENURE_BANDS, code) ? t(`surveys.tenures.${code}`) : code),
      /** The five Likert points, 1 first. */
      likert: [t('surveys.likert.l1'), t('surveys.likert.l2'), t('surveys.likert.l3'), t('surveys.likert.l4'), t('surveys.likert.l5')] as const,
    }),
    [t],
  );
}
