import type { TRouteCase } from './types.js';

export const ASSIST_POLICY: TRouteCase[] = [];
