import { lazy, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import { useCurrentSession } from '../../hooks/use-current-session';
import { NoAccessPage } from '../no-access-page';
import { assistAccess, type TAssistAccess } from './access';

// The chat panel, ECharts and the pacer load only when 实时辅助 is opened.
const LiveAssistPage = lazy(() => import('./live-assist-page'));
const AssistTeamPage = lazy(() => import('./team-page'));
const AssistEscalationPage = lazy(() => import('./escalation-page'));
const IntegrationsPage = lazy(() => import('./integrations-page'));

/** Shows the page only to roles the server lets use it; others see "no access". */
function AssistGuard({ need, children }: { need: keyof TAssistAccess; children: ReactNode }) {
  const session = useCurrentSession();
  return assistAccess(session.roles)[need] ? <>{children}</> : <NoAccessPage />;
}

/** The assist page for those who serve customers; those who only oversee (deputy, leader) land on the team's page. */
function AssistIndex() {
  const session = useCurrentSession();
  const access = assistAccess(session.roles);
  if (access.canServe) return <LiveAssistPage />;
  return access.canOversee ? <Navigate to="team" replace /> : <NoAccessPage />;
}

/** 实时辅助 under /live-assist (SPEC §2.5): the agent's assist page, the supervisor's load and escalations. */
export const assistRoutes: RouteObject[] = [
  { index: true, element: <AssistIndex /> },
  { path: 'team', element: <AssistGuard need="canOversee"><AssistTeamPage /></AssistGuard> },
  // Agents open their own escalation from the "主管已收到" notice; the server scopes what each may read.
  { path: 'escalations/:id', element: <AssistEscalationPage /> },
];

/** Under /admin/integrations: the organisation's API tokens for chat tools. */
export const assistAdminRoutes: RouteObject[] = [{ index: true, element: <IntegrationsPage /> }];
