import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';

// Learner pages (SPEC §2.1, §2.8): loaded on demand, like the role-play area.
const CataloguePage = lazy(() => import('./catalogue-page'));
const CoursePage = lazy(() => import('./course-page'));
const LessonPage = lazy(() => import('./lesson-page'));
const MyLearningPage = lazy(() => import('./mine-page'));
const ExamsPage = lazy(() => import('./exams-page'));
const ExamAttemptPage = lazy(() => import('./exam-attempt-page'));
const CasesPage = lazy(() => import('./cases-page'));
const CasePage = lazy(() => import('./case-page'));
const CertificatesPage = lazy(() => import('./certificates-page'));
const VerifyPage = lazy(() => import('./verify-page'));

/** Learner pages under /learning: catalogue, course, lesson, my learning, exams, cases, certificates. */
export const learningRoutes: RouteObject[] = [
  { index: true, element: <CataloguePage /> },
  { path: 'courses/:courseId', element: <CoursePage /> },
  { path: 'lessons/:lessonId', element: <LessonPage /> },
  { path: 'mine', element: <MyLearningPage /> },
  { path: 'exams', element: <ExamsPage /> },
  { path: 'exam-attempts/:attemptId', element: <ExamAttemptPage /> },
  { path: 'cases', element: <CasesPage /> },
  { path: 'cases/:caseId', element: <CasePage /> },
  { path: 'certificates', element: <CertificatesPage /> },
];

const verify = (
  <Suspense fallback={<FullPageSpin />}>
    <VerifyPage />
  </Suspense>
);

/** Pages anyone may open without signing in: certificate verification at /verify and /verify/:code. */
export const publicLearningRoutes: RouteObject[] = [
  { path: '/verify', element: verify },
  { path: '/verify/:code', element: verify },
];
