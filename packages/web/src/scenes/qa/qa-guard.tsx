import type { ReactNode } from 'react';
import { useCurrentSession } from '../../hooks/use-current-session';
import { NoAccessPage } from '../no-access-page';
import { qaAccess, type TQaAccess } from './access';

/**
 * Shows a QA page only to the roles the server lets use it (mentors read conversations but do
 * not import); everyone else gets the no-access page, since an address can be typed or shared.
 * @param props.need the right the page needs
 */
export function QaGuard({ need, children }: { need: keyof TQaAccess; children: ReactNode }) {
  const session = useCurrentSession();
  return qaAccess(session.roles)[need] ? children : <NoAccessPage />;
}
