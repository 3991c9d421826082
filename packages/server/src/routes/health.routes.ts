import { ZHealthResponse } from '@calmdesk/shared';
import { sql } from 'drizzle-orm';
import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';

export const APP_VERSION = '0.1.0';

/** GET /api/health: liveness plus a database round trip, for load balancers and the README check. */
export function registerHealthRoutes(app: TRouteApp, deps: TDeps): void {
  const startedAt = Date.now();
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Health check', response: { 200: ZHealthResponse, 503: ZHealthResponse } } },
    async (_request, reply) => {
      let database: 'ok' | 'error' = 'ok';
      try {
        await deps.db.execute(sql`SELECT 1`);
      } catch {
        database = 'error';
      }
      const body = { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), database, version: APP_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
      return reply.code(database === 'ok' ? 200 : 503).send(body);
    },
  );
}
