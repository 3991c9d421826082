import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// ECharts, tables and the upload step load only when 效果评估 is opened.
const DashboardPage = lazy(() => import('./dashboard-page'));
const TeamPage = lazy(() => import('./team-page'));
const PersonPage = lazy(() => import('./person-page'));
const KpiPage = lazy(() => import('./kpi-page'));
const MethodsPage = lazy(() => import('./methods-page'));

/**
 * 效果评估 under /evaluation (SPEC §2.8): the four-level dashboard, a team's and a person's
 * figures, KPI imports and how every figure is computed. The area guard (navigation.ts
 * EVALUATION_ROLES) lets supervisors and the training group in; the server narrows a
 * supervisor to their teams.
 */
export const evaluationRoutes: RouteObject[] = [
  { index: true, element: <DashboardPage /> },
  { path: 'teams/:teamId', element: <TeamPage /> },
  { path: 'people/:userId', element: <PersonPage /> },
  { path: 'kpis', element: <KpiPage /> },
  { path: 'methods', element: <MethodsPage /> },
];
