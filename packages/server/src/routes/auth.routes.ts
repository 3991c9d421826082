import {
  ZChangePasswordRequest,
  ZLoginRequest,
  ZOkResponse,
  ZSessionResponse,
  ZSwitchOrganisationRequest,
  ZUpdateProfileRequest,
} from '@calmdesk/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TRouteApp } from '../app.js';
import { requireAuth, SESSION_COOKIE } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { changePassword, describeSession, login, logout, switchOrganisation, updateProfile } from '../services/auth.service.js';

const tags = ['auth'];

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, ttlHours: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the browser reached us over https (directly or via a trusted proxy).
    secure: request.protocol === 'https',
    path: '/',
    maxAge: ttlHours * 3600,
  });
}

/** Login, logout, the current session, organisation switch, own profile and password. */
export function registerAuthRoutes(app: TRouteApp, deps: TDeps): void {
  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags, summary: 'Sign in', body: ZLoginRequest, response: { 200: ZSessionResponse } } },
    async (request, reply) => {
      const { token, session } = await login(deps, request.body, { ip: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(request, reply, token, deps.config.sessionTtlHours);
      return session;
    },
  );

  app.get(
    '/api/auth/session',
    { config: { access: 'any' }, schema: { tags, summary: 'The signed-in session', response: { 200: ZSessionResponse } } },
    async (request) => describeSession(deps, requireAuth(request)),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'any' }, schema: { tags, summary: 'Sign out', response: { 200: ZOkResponse } } },
    async (request, reply) => {
      await logout(deps, requireAuth(request), request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/switch-organisation',
    { config: { access: 'any' }, schema: { tags, summary: 'Work in another organisation you belong to', body: ZSwitchOrganisationRequest, response: { 200: ZSessionResponse } } },
    async (request) => switchOrganisation(deps, requireAuth(request), request.body.organisationId),
  );

  app.patch(
    '/api/me',
    { config: { access: 'any' }, schema: { tags, summary: 'Update own name or language', body: ZUpdateProfileRequest, response: { 200: ZSessionResponse } } },
    async (request) => updateProfile(deps, requireAuth(request), request.body),
  );

  app.post(
    '/api/me/password',
    { config: { access: 'any' }, schema: { tags, summary: 'Change own password', body: ZChangePasswordRequest, response: { 200: ZOkResponse } } },
    async (request) => {
      await changePassword(deps, requireAuth(request), request.body, request.ip);
      return { ok: true as const };
    },
  );
}
