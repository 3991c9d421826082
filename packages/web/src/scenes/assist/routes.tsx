import type { RouteObject } from 'react-router-dom';

/** 实时辅助 under /live-assist (SPEC §2.5): the agent's assist page, the supervisor's load and escalations. */
export const assistRoutes: RouteObject[] = [];

/** Under /admin/integrations: the organisation's API tokens for chat tools. */
export const assistAdminRoutes: RouteObject[] = [];
