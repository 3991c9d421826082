import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { OpsGuard } from '../ops-guard';

// The builder, the report (ECharts) and the forms load only when a survey page is opened.
const SurveysPage = lazy(() => import('./surveys-page'));
const BuilderPage = lazy(() => import('./builder-page'));
const SurveyPage = lazy(() => import('./survey-page'));
const ReportPage = lazy(() => import('./report-page'));
const MySurveysPage = lazy(() => import('./my-surveys-page'));
const MySurveyPage = lazy(() => import('./my-survey-page'));

/** The training group builds and sends; supervisors read the surveys of their teams and the reports. */
const BUILDERS = ['trainer', 'deputy', 'leader'] as const;
const READERS = [...BUILDERS, 'supervisor'] as const;

/** The surveys pages under /operations (training group; supervisors read) and /my (everyone). */
export const surveysOpsRoutes: RouteObject[] = [
  { path: 'surveys', element: <OpsGuard roles={READERS}><SurveysPage /></OpsGuard> },
  { path: 'surveys/new', element: <OpsGuard roles={BUILDERS}><BuilderPage /></OpsGuard> },
  { path: 'surveys/:surveyId', element: <OpsGuard roles={READERS}><SurveyPage /></OpsGuard> },
  { path: 'surveys/:surveyId/edit', element: <OpsGuard roles={BUILDERS}><BuilderPage /></OpsGuard> },
  { path: 'surveys/:surveyId/report', element: <OpsGuard roles={READERS}><ReportPage /></OpsGuard> },
];
export const surveysMyRoutes: RouteObject[] = [
  { path: 'surveys', element: <MySurveysPage /> },
  { path: 'surveys/:surveyId', element: <MySurveyPage /> },
];
