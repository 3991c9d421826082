import type { TLocale, TSessionResponse } from '@calmdesk/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { storeSession } from '../api/session';
import { currentLocale, setLocale } from '../i18n';

/**
 * The current UI language and a way to change it. The choice is remembered in this browser
 * and, when someone is signed in, saved to their account (PATCH /api/me) so other browsers
 * pick it up; a failure to save is not shown, since the UI has already switched.
 * @returns `{ locale, changeLanguage }`
 */
export function useLanguage(): { locale: TLocale; changeLanguage: (locale: TLocale) => Promise<void> } {
  // Subscribes this component to language changes, so `locale` below is always current.
  useTranslation();
  const queryClient = useQueryClient();
  const changeLanguage = useCallback(
    async (locale: TLocale) => {
      await setLocale(locale, { remember: true });
      const session = queryClient.getQueryData<TSessionResponse | null>(queryKeys.session);
      if (session && session.user.locale !== locale) {
        try {
          const updated = await apiFetch<TSessionResponse>('/api/me', { method: 'PATCH', body: { locale } });
          storeSession(queryClient, updated);
        } catch {
          // Kept locally; the account keeps its old locale until the next successful change.
        }
      }
    },
    [queryClient],
  );
  return { locale: currentLocale(), changeLanguage };
}
