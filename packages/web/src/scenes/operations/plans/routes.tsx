import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { OpsGuard } from '../ops-guard';
import { READER_ROLES } from './labels';

// Calendar, tables, the plan editor and the QR code load only when these pages are opened.
const CalendarPage = lazy(() => import('./calendar-page'));
const SessionPage = lazy(() => import('./session-page'));
const AttendancePage = lazy(() => import('./attendance-page'));
const PlansPage = lazy(() => import('./plans-page'));
const PlanPage = lazy(() => import('./plan-page'));
const MySessionsPage = lazy(() => import('./my-sessions-page'));
const SignInPage = lazy(() => import('./sign-in-page'));

const guarded = (page: React.ReactNode) => <OpsGuard roles={READER_ROLES}>{page}</OpsGuard>;

/** The plans pages under /operations (training group and supervisors) and /my (everyone). */
export const plansOpsRoutes: RouteObject[] = [
  { path: 'calendar', element: guarded(<CalendarPage />) },
  { path: 'sessions/:sessionId', element: guarded(<SessionPage />) },
  { path: 'attendance', element: guarded(<AttendancePage />) },
  { path: 'plans', element: guarded(<PlansPage />) },
  { path: 'plans/:planId', element: guarded(<PlanPage />) },
];
export const plansMyRoutes: RouteObject[] = [
  { path: 'sessions', element: <MySessionsPage /> },
  { path: 'sign-in', element: <SignInPage /> },
];
