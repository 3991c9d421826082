import type { TRouteCase } from './types.js';

/** 效果评估: supervisors (their teams) and the training group; admins run the install, agents and mentors see their own results elsewhere. */
const EVALUATORS = ['supervisor', 'trainer', 'deputy', 'leader'] as const;

/** Who may call each evaluation route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const EVALUATION_POLICY: TRouteCase[] = [
  { method: 'POST', url: '/api/eval/kpi-imports/preview', allowed: EVALUATORS },
  { method: 'POST', url: '/api/eval/kpi-imports', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/kpi-imports', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/kpi-imports/:id', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/kpi-imports/:id/rejects.xlsx', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/kpis', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/kpis.xlsx', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/dashboard', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/dashboard.xlsx', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/dashboard.pdf', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/teams/:id', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/teams/:id/export.xlsx', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/people/:id', allowed: EVALUATORS },
  { method: 'GET', url: '/api/eval/people/:id/export.xlsx', allowed: EVALUATORS },
];
