import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';

// 自我关怀 pages load on demand; the public pacer page's chunk is precached by the service worker (vite.config.ts).
const OverviewPage = lazy(() => import('./overview-page'));
const BreathePage = lazy(() => import('./breathe-page'));
const RelaxPage = lazy(() => import('./relax-page'));
const PublicBreathePage = lazy(() => import('./public-breathe-page'));

/** 自我关怀 under /selfcare (SPEC §2.6): private to the signed-in person. */
export const selfcareRoutes: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'breathe', element: <BreathePage /> },
  { path: 'relax', element: <RelaxPage /> },
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
