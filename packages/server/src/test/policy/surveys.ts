import type { TRouteCase } from './types.js';

/** Who may call each surveys route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const SURVEYS_POLICY: TRouteCase[] = [];
