import type { RouteObject } from 'react-router-dom';

/** The people pages under /operations (training group) and /my (everyone). */
export const peopleOpsRoutes: RouteObject[] = [];
export const peopleMyRoutes: RouteObject[] = [];
