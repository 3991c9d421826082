import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/client';

/**
 * A function that turns anything caught into one sentence in the reader's language,
 * with the wait time for lockouts and the request id for server faults when known.
 * @returns `(err) => message`
 */
export function useErrorMessage(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const { key, retryAfterMinutes, requestId } = describeError(err);
      const parts: string[] = [t(key)];
      if (retryAfterMinutes !== undefined) parts.push(t('errors.retryAfter', { count: retryAfterMinutes }));
      if (requestId) parts.push(t('errors.requestId', { id: requestId }));
      return parts.join(' ');
    },
    [t],
  );
}
