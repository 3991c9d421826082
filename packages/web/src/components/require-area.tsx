import type { ReactNode } from 'react';
import { useCurrentSession } from '../hooks/use-current-session';
import { canOpen, type TNavKey } from '../navigation';
import { NoAccessPage } from '../scenes/no-access-page';

/**
 * Shows its children only to roles that may open the area; others see a "no access" page.
 * @param props.area the area's navigation key
 */
export function RequireArea({ area, children }: { area: TNavKey; children: ReactNode }) {
  const session = useCurrentSession();
  return canOpen(session.roles, area) ? <>{children}</> : <NoAccessPage />;
}
