import type { TRouteCase } from './types.js';

export const SELFCARE_POLICY: TRouteCase[] = [];
