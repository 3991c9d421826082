import type { RouteObject } from 'react-router-dom';

/** The surveys pages under /operations (training group) and /my (everyone). */
export const surveysOpsRoutes: RouteObject[] = [];
export const surveysMyRoutes: RouteObject[] = [];
