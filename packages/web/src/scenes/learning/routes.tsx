import type { RouteObject } from 'react-router-dom';

/** Learner pages under /learning (filled in by the learner-pages work). */
export const learningRoutes: RouteObject[] = [];

/** Pages anyone may open without signing in: certificate verification at /verify/:code. */
export const publicLearningRoutes: RouteObject[] = [];
