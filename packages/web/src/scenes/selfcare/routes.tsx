import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';

// 自我关怀 pages load on demand; the public pacer page's chunk is precached by the service worker (vite.config.ts).
const OverviewPage = lazy(() => import('./overview-page'));
const BreathePage = lazy(() => import('./breathe-page'));
const RelaxPage = lazy(() => import('./relax-page'));
const DiaryPage = lazy(() => import('./diary-page'));
const AbcPage = lazy(() => import('./abc-page'));
const NotesPage = lazy(() => import('./notes-page'));
const CheckPage = lazy(() => import('./check-page'));
const DataPage = lazy(() => import('./data-page'));
const TeamPage = lazy(() => import('./team-page'));
const PublicBreathePage = lazy(() => import('./public-breathe-page'));

/** 自我关怀 under /selfcare (SPEC §2.6): private to the signed-in person; the team page shows only anonymous aggregates. */
export const selfcareRoutes: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'breathe', element: <BreathePage /> },
  { path: 'relax', element: <RelaxPage /> },
  { path: 'diary', element: <DiaryPage /> },
  { path: 'abc', element: <AbcPage /> },
  { path: 'notes', element: <NotesPage /> },
  { path: 'check', element: <CheckPage /> },
  { path: 'data', element: <DataPage /> },
  { path: 'team', element: <TeamPage /> },
];

/** Pages that work without signing in and offline (the breathing pacer at /breathe). */
export const publicSelfcareRoutes: RouteObject[] = [
  {
    path: '/breathe',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicBreathePage />
      </Suspense>
    ),
  },
];
