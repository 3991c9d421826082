import type { TRouteCase } from './types.js';

/** Who may call each plans route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const PLANS_POLICY: TRouteCase[] = [];
