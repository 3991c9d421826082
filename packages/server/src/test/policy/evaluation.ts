import type { TRouteCase } from './types.js';

/** Who may call each evaluation route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const EVALUATION_POLICY: TRouteCase[] = [];
