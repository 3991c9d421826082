import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** Needs analysis and reaction questionnaires (SPEC §2.7, §2.8 level 1): /api/ops/surveys/*. */
export function registerSurveyRoutes(app: TRouteApp, deps: TDeps): void {
  void app;
  void deps;
}
