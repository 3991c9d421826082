import type { TRouteCase } from './types.js';

/** Who may call each people route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const PEOPLE_POLICY: TRouteCase[] = [];
