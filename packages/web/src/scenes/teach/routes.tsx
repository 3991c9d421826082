import type { RouteObject } from 'react-router-dom';

/** Trainer and oversight pages under /learning (filled in by the trainer-pages work). */
export const teachRoutes: RouteObject[] = [];
