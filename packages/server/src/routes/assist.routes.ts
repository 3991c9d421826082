import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

/** 实时辅助 (SPEC §2.5): the assist page's analysis, escalation, load; API tokens; the WebSocket stream. */
export function registerAssistRoutes(_app: TRouteApp, _deps: TDeps): void {}
