import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { TeachGuard } from './teach-guard';

// Trainer pages are lazy: tables, forms, the Markdown editor and ECharts load only when opened.
const OverviewPage = lazy(() => import('./overview-page'));
const AuthoringPage = lazy(() => import('./authoring-page'));
const CourseEditorPage = lazy(() => import('./course-editor-page'));
const LessonEditorPage = lazy(() => import('./lesson-editor-page'));
const CaseEditorPage = lazy(() => import('./case-editor-page'));
const ExamAdminPage = lazy(() => import('./exam-admin-page'));
const ExamDetailPage = lazy(() => import('./exam-detail-page'));
const GradingPage = lazy(() => import('./grading-page'));

/**
 * Trainer and oversight pages under /learning (SPEC §2.1, §2.8), each guarded by role like the
 * server: 学习概况 for trainers, supervisors, deputies and leaders; 内容编辑 for trainers;
 * 考试管理 for trainers, with results (and, for deputies and leaders, statistics) read-only
 * for the overseeing roles.
 */
export const teachRoutes: RouteObject[] = [
  { path: 'overview', element: <TeachGuard need="canOverview"><OverviewPage /></TeachGuard> },
  { path: 'authoring', element: <TeachGuard need="canAuthor"><AuthoringPage /></TeachGuard> },
  { path: 'authoring/courses/:courseId', element: <TeachGuard need="canAuthor"><CourseEditorPage /></TeachGuard> },
  { path: 'authoring/courses/:courseId/new-lesson', element: <TeachGuard need="canAuthor"><LessonEditorPage /></TeachGuard> },
  { path: 'authoring/lessons/:lessonId', element: <TeachGuard need="canAuthor"><LessonEditorPage /></TeachGuard> },
  { path: 'authoring/cases/new', element: <TeachGuard need="canAuthor"><CaseEditorPage /></TeachGuard> },
  { path: 'authoring/cases/:caseId', element: <TeachGuard need="canAuthor"><CaseEditorPage /></TeachGuard> },
  { path: 'exam-admin', element: <TeachGuard need="canSeeResults"><ExamAdminPage /></TeachGuard> },
  { path: 'exam-admin/exams/:examId', element: <TeachGuard need="canSeeResults"><ExamDetailPage /></TeachGuard> },
  { path: 'exam-admin/attempts/:attemptId', element: <TeachGuard need="canAuthor"><GradingPage /></TeachGuard> },
];
