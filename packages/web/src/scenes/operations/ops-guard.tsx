import type { TRole } from '@calmdesk/shared';
import type { ReactNode } from 'react';
import { useCurrentSession } from '../../hooks/use-current-session';
import { NoAccessPage } from '../no-access-page';

/**
 * Shows a 培训运营 page only to the roles the server lets use it; others get the no-access page,
 * since an address can be typed or shared.
 * @param props.roles roles that may open the page
 */
export function OpsGuard({ roles, children }: { roles: readonly TRole[]; children: ReactNode }) {
  const session = useCurrentSession();
  return session.roles.some((role) => roles.includes(role)) ? children : <NoAccessPage />;
}
