import type { TRole } from '@calmdesk/shared';
import { hasAnyRole } from '@calmdesk/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { findSessionByToken } from '../repositories/session.repository.js';
import type { TDeps } from '../context.js';

/**
 * Who may call a route. Every /api route declares one in `config.access`; the app refuses
 * to start when a route forgets, so no endpoint can skip the check.
 * - `public`: anyone (login, health).
 * - `any`: any signed-in member of the session's organisation.
 * - a role list: signed in and holding at least one of them in that organisation.
 */
export type TAccess = 'public' | 'any' | readonly TRole[];

/** The signed-in caller, scoped to one organisation. */
export type TAuthContext = {
  userId: string;
  organisationId: string;
  roles: TRole[];
  login: string;
  displayName: string;
  locale: string;
  tokenHash: string;
  csrfToken: string;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, for the authorisation-matrix test and audits. */
    apiRoutes: { method: string; url: string; access: TAccess }[];
  }
  interface FastifyContextConfig {
    access?: TAccess;
  }
  interface FastifyRequest {
    auth: TAuthContext | null;
  }
}

export const SESSION_COOKIE = 'cd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** @returns the caller; throws UNAUTHENTICATED on a public route that needs one. */
export function requireAuth(request: FastifyRequest): TAuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.auth;
}

/**
 * Installs the authorisation layer: resolves the session cookie, then enforces the
 * route's access rule and the CSRF token on state-changing requests.
 */
export function registerAccessControl(app: FastifyInstance, deps: TDeps): void {
  app.decorateRequest('auth', null);
  app.decorate('apiRoutes', []);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    if (!isApi) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`calmdesk: route ${route.method} ${route.url} declares no config.access`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.auth = await findSessionByToken(deps.db, token);
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== auth.csrfToken) {
      throw new AppError('CSRF_FAILED', 'Missing or wrong x-csrf-token header');
    }
    if (access !== 'any' && !hasAnyRole(auth.roles, access)) {
      throw new AppError('FORBIDDEN', 'Your role does not allow this');
    }
  });
}
