import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QA_IMPORT_STATUSES } from '@calmdesk/shared';
import { isOneOf } from '../analyzer/labels';
import { CONVERSATION_FLAGS, QUALITY_KEYS } from './analysis';
import type { TImportStage } from './progress';
import { etaOf } from './progress';
import { parseRejectReason } from './reasons';
import { durationOf } from './score';

/**
 * The QA pages' words for the API's codes and figures (qa.* in both languages). Every name
 * falls back to the code itself when the server sends one this page does not know yet.
 * @returns one naming function per vocabulary
 */
export function useQaLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      status: (code: string) => (isOneOf(QA_IMPORT_STATUSES, code) ? t(`qa.status.${code}`) : code),
      stage: (stage: TImportStage) => t(`qa.stage.${stage}`),
      flag: (code: string) => (isOneOf(CONVERSATION_FLAGS, code) ? t(`qa.flags.${code}`) : code),
      component: (key: string) => (isOneOf(QUALITY_KEYS, key) ? t(`qa.quality.${key}`) : key),
      /** "约 2 分钟", or null when the server has no estimate yet. */
      eta: (secondsLeft: number | null) => {
        const eta = etaOf(secondsLeft);
        if (eta === null) return null;
        if (eta.unit === 'lessThanMinute') return t('qa.eta.lessThanMinute');
        if (eta.unit === 'minutes') return t('qa.eta.minutes', { count: eta.minutes });
        return eta.minutes === 0 ? t('qa.eta.hours', { count: eta.hours }) : t('qa.eta.hoursMinutes', { hours: eta.hours, minutes: eta.minutes });
      },
      /** "45 秒", "3 分 20 秒", or — */
      duration: (seconds: number | null) => {
        const parts = durationOf(seconds);
        if (parts === null) return t('common.none');
        return parts.minutes === 0 ? t('qa.duration.seconds', { seconds: parts.seconds }) : t('qa.duration.minutes', { minutes: parts.minutes, seconds: parts.seconds });
      },
      /** A reject reason in the reader's language when it is a known one. */
      rejectReason: (reason: string) => {
        const parsed = parseRejectReason(reason);
        return parsed === null ? reason : t(`qa.rejectReasons.${parsed.key}`, { column: parsed.column, value: parsed.value ?? '' });
      },
    }),
    [t],
  );
}
