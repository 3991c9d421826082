import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** Yearly plans with approval, sessions, enrolment, sign-in, attendance, make-up tasks (SPEC §2.7): /api/ops/plans/*, /api/ops/sessions/*. */
export function registerPlanRoutes(app: TRouteApp, deps: TDeps): void {
  void app;
  void deps;
}
