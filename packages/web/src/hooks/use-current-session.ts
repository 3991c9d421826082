import type { TSessionResponse } from '@calmdesk/shared';
import { createContext, useContext } from 'react';

/** The signed-in session, provided by the auth guard to everything inside the app shell. */
export const SessionContext = createContext<TSessionResponse | null>(null);

/**
 * The current session, for components rendered inside the auth guard.
 * @returns the session (never null there)
 * @throws Error when used outside the guard: a programming error
 */
export function useCurrentSession(): TSessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('web: useCurrentSession() used outside <RequireAuth>');
  return session;
}
