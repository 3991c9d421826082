import { SELFCARE_BODY_SIGNALS, SELFCARE_EMOTIONS, type TSelfcareBodySignal, type TSelfcareEmotion, type TSelfcareText } from '@calmdesk/shared';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The shared lists (emotions, body signals, ABC examples, the questionnaire) carry their own zh and
 * en text: this picks the one for the UI language.
 * @returns `(text) => string`
 */
export function useLocalText(): (text: TSelfcareText) => string {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  return useCallback((text: TSelfcareText) => (isEnglish ? text.en : text.zh), [isEnglish]);
}

const EMOTION_BY_KEY = new Map(SELFCARE_EMOTIONS.map((emotion) => [emotion.key, emotion]));
const SIGNAL_BY_KEY = new Map(SELFCARE_BODY_SIGNALS.map((signal) => [signal.key, signal]));

/**
 * @param key an emotion key
 * @returns its label and whether it is a pleasant one
 */
export function emotionOf(key: TSelfcareEmotion): { label: TSelfcareText; isPleasant: boolean } {
  const emotion = EMOTION_BY_KEY.get(key);
  return emotion ? { label: emotion.label, isPleasant: emotion.isPleasant } : { label: { zh: key, en: key }, isPleasant: false };
}

/**
 * @param key a body-signal key
 * @returns its label
 */
export function bodySignalLabel(key: TSelfcareBodySignal): TSelfcareText {
  return SIGNAL_BY_KEY.get(key)?.label ?? { zh: key, en: key };
}

/**
 * When an entry happened, short: time today, "M月D日 HH:mm" this year, the full date before.
 * @param iso the ISO date-time
 * @returns the date for a list
 */
export function formatWhen(iso: string): string {
  const when = dayjs(iso);
  const now = dayjs();
  if (when.isSame(now, 'day')) return when.format('HH:mm');
  if (when.isSame(now, 'year')) return when.format('MM-DD HH:mm');
  return when.format('YYYY-MM-DD HH:mm');
}
