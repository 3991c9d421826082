import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** Mentoring, person records, points, suggestions, excellent-trainee selection (SPEC §2.7, §2.10): /api/ops/mentoring/*, /api/ops/records/*, /api/ops/points/*, /api/ops/suggestions/*, /api/ops/selections/*. */
export function registerPeopleRoutes(app: TRouteApp, deps: TDeps): void {
  void app;
  void deps;
}
