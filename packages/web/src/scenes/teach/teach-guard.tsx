import type { ReactNode } from 'react';
import { useCurrentSession } from '../../hooks/use-current-session';
import { NoAccessPage } from '../no-access-page';
import { teachAccess, type TTeachAccess } from './access';

/**
 * Shows a trainer page only to the roles the server lets use it; everyone else gets the
 * no-access page (the tabs never link there, but an address can be typed or shared).
 * @param props.need the right the page needs
 */
export function TeachGuard({ need, children }: { need: keyof TTeachAccess; children: ReactNode }) {
  const session = useCurrentSession();
  return teachAccess(session.roles)[need] ? children : <NoAccessPage />;
}
