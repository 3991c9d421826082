import { Navigate, type RouteObject } from 'react-router-dom';
import { peopleMyRoutes, peopleOpsRoutes } from './people/routes';
import { plansMyRoutes, plansOpsRoutes } from './plans/routes';
import { surveysMyRoutes, surveysOpsRoutes } from './surveys/routes';

/**
 * 培训运营 under /operations (SPEC §2.7, §2.10): each area (surveys; plans and sessions;
 * mentoring, records and incentives) brings its own pages, lazily loaded.
 */
export const operationsRoutes: RouteObject[] = [{ index: true, element: <Navigate to="calendar" replace /> }, ...plansOpsRoutes, ...surveysOpsRoutes, ...peopleOpsRoutes];

/** 我的培训 under /my: everyone's own sessions, surveys, mentoring, points, suggestions and records. */
export const myRoutes: RouteObject[] = [{ index: true, element: <Navigate to="sessions" replace /> }, ...plansMyRoutes, ...surveysMyRoutes, ...peopleMyRoutes];
