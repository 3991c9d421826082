import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** KPI import and the four-level dashboard (SPEC §2.8): /api/eval/*. */
export function registerEvaluationRoutes(app: TRouteApp, deps: TDeps): void {
  void app;
  void deps;
}
