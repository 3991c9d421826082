import type { RouteObject } from 'react-router-dom';

/** The plans pages under /operations (training group) and /my (everyone). */
export const plansOpsRoutes: RouteObject[] = [];
export const plansMyRoutes: RouteObject[] = [];
