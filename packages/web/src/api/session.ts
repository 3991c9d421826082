import type { TLocale, TLoginRequest, TSessionResponse } from '@calmdesk/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { adoptAccountLocale } from '../i18n';
import { AppError, apiFetch, setCsrfToken } from './client';
import { queryKeys } from './query-keys';

/** Session and own-account calls: login, logout, organisation switch, profile, password. */

/**
 * Loads the current session.
 * @returns the session, or null when nobody is signed in (the API answers 401)
 */
export async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    const session = await apiFetch<TSessionResponse>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    adoptAccountLocale(session.user.locale);
    return session;
  } catch (err) {
    const appError = AppError.parseError(err);
    if (appError.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw appError;
  }
}

/**
 * Stores a fresh session answer (login, switch, profile change) as the current session.
 * @param queryClient the app's query client
 * @param session the server's answer
 */
export function storeSession(queryClient: QueryClient, session: TSessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(queryKeys.session, session);
}

/**
 * Forgets the session and everything loaded under it (after logout or a 401).
 * @param queryClient the app's query client
 */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
  queryClient.setQueryData(queryKeys.session, null);
}

/** The current session; `data` is null when signed out. */
export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: (body: TLoginRequest) => apiFetch<TSessionResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      storeSession(queryClient, session);
      adoptAccountLocale(session.user.locale);
    },
  });
}

/**
 * Private notes kept in this browser (ABC worksheets written in lessons) go when the person
 * signs out, so the next person at a shared desk cannot read them.
 */
function forgetPrivateNotes(): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith('calmdesk.abc.') ?? false);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
    // Signed out locally whatever the server said: an expired session is logged out already.
    onSettled: () => {
      forgetPrivateNotes();
      clearSession(queryClient);
    },
  });
}

export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      apiFetch<TSessionResponse>('/api/auth/switch-organisation', { method: 'POST', body: { organisationId } }),
    onSuccess: (session) => {
      // Everything cached belonged to the previous organisation.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      storeSession(queryClient, session);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { displayName?: string; locale?: TLocale }) =>
      apiFetch<TSessionResponse>('/api/me', { method: 'PATCH', body }),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      apiFetch<{ ok: true }>('/api/me/password', { method: 'POST', body }),
  });
}
