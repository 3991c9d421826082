import type { RouteObject } from 'react-router-dom';

/** 效果评估 under /evaluation (SPEC §2.8): the four-level dashboard, KPI imports, drill-down to people. */
export const evaluationRoutes: RouteObject[] = [];
