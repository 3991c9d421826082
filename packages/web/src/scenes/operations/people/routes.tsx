import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { OpsGuard } from '../ops-guard';

// Each page loads only when opened.
const MentoringPage = lazy(() => import('./mentoring-page'));
const MentorshipPage = lazy(() => import('./mentorship-page'));
const RecordsPage = lazy(() => import('./records-page'));
const IncentivesPage = lazy(() => import('./incentives-page'));
const MyMentoringPage = lazy(() => import('./my-mentoring-page'));
const MyPointsPage = lazy(() => import('./my-points-page'));
const MySuggestionsPage = lazy(() => import('./my-suggestions-page'));
const MyRecordsPage = lazy(() => import('./my-records-page'));

/** Supervisors (their teams) and the training group (everyone), as the server allows. */
const MANAGERS = ['supervisor', 'trainer', 'deputy', 'leader'] as const;

/** The people pages under /operations: 导师带教, 积分与激励 (with its sections), 人员记录. */
export const peopleOpsRoutes: RouteObject[] = [
  { path: 'mentoring', element: <OpsGuard roles={MANAGERS}><MentoringPage /></OpsGuard> },
  { path: 'mentoring/:mentorshipId', element: <OpsGuard roles={MANAGERS}><MentorshipPage area="ops" /></OpsGuard> },
  { path: 'incentives', element: <OpsGuard roles={MANAGERS}><IncentivesPage /></OpsGuard> },
  { path: 'incentives/:section', element: <OpsGuard roles={MANAGERS}><IncentivesPage /></OpsGuard> },
  { path: 'records', element: <OpsGuard roles={MANAGERS}><RecordsPage /></OpsGuard> },
];

/** The people pages under /my, for everyone: 带教 (a mentor opens a mentee there), 积分, 创新建议, 我的记录. */
export const peopleMyRoutes: RouteObject[] = [
  { path: 'mentoring', element: <MyMentoringPage /> },
  { path: 'mentoring/:mentorshipId', element: <MentorshipPage area="my" /> },
  { path: 'points', element: <MyPointsPage /> },
  { path: 'suggestions', element: <MySuggestionsPage /> },
  { path: 'records', element: <MyRecordsPage /> },
];
