import {
  ZAuditListQuery,
  ZAuditListResponse,
  ZCreateTeamRequest,
  ZCreateUserRequest,
  ZIdParams,
  ZOkResponse,
  ZPeopleResponse,
  ZResetPasswordRequest,
  ZTeam,
  ZTeamListResponse,
  ZUpdateTeamRequest,
  ZUpdateUserRequest,
  ZUserListQuery,
  ZUserListResponse,
  ZUserSummary,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { listAuditEntries } from '../services/audit.service.js';
import { createTeam, listTeams, removeTeam, renameTeam } from '../services/team.service.js';
import { createUser, getUser, listPeople, listUsers, removeUserFromOrganisation, resetUserPassword, updateUserInOrganisation } from '../services/user.service.js';

const admin = { access: ['admin'] as const };

/** Teams (readable by every member) and the admin's user, team and audit management. */
export function registerAdminRoutes(app: TRouteApp, deps: TDeps): void {
  app.get(
    '/api/teams',
    { config: { access: 'any' }, schema: { tags: ['teams'], summary: 'Teams of the organisation', response: { 200: ZTeamListResponse } } },
    async (request) => ({ teams: await listTeams(deps, requireAuth(request).organisationId) }),
  );

  app.get(
    '/api/people',
    {
      config: { access: ['trainer', 'mentor', 'supervisor', 'deputy', 'leader', 'admin'] },
      schema: { tags: ['teams'], summary: 'Active people of the organisation (names and teams), for assigning work', response: { 200: ZPeopleResponse } },
    },
    async (request) => ({ people: await listPeople(deps, requireAuth(request).organisationId) }),
  );

  app.get(
    '/api/admin/users',
    { config: admin, schema: { tags: ['admin'], summary: 'List members', querystring: ZUserListQuery, response: { 200: ZUserListResponse } } },
    async (request) => listUsers(deps, requireAuth(request).organisationId, request.query),
  );

  app.post(
    '/api/admin/users',
    { config: admin, schema: { tags: ['admin'], summary: 'Create a member', body: ZCreateUserRequest, response: { 201: ZUserSummary } } },
    async (request, reply) => reply.code(201).send(await createUser(deps, requireAuth(request), request.body, request.ip)),
  );

  app.get(
    '/api/admin/users/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'One member', params: ZIdParams, response: { 200: ZUserSummary } } },
    async (request) => getUser(deps, requireAuth(request).organisationId, request.params.id),
  );

  app.patch(
    '/api/admin/users/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'Edit a member', params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUserSummary } } },
    async (request) => updateUserInOrganisation(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );

  app.post(
    '/api/admin/users/:id/password',
    { config: admin, schema: { tags: ['admin'], summary: "Reset a member's password", params: ZIdParams, body: ZResetPasswordRequest, response: { 200: ZOkResponse } } },
    async (request) => {
      await resetUserPassword(deps, requireAuth(request), request.params.id, request.body.newPassword, request.ip);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/admin/users/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'Remove a member from the organisation', params: ZIdParams, response: { 200: ZOkResponse } } },
    async (request) => {
      await removeUserFromOrganisation(deps, requireAuth(request), request.params.id, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/teams',
    { config: admin, schema: { tags: ['admin'], summary: 'Create a team', body: ZCreateTeamRequest, response: { 201: ZTeam } } },
    async (request, reply) => reply.code(201).send(await createTeam(deps, requireAuth(request), request.body, request.ip)),
  );

  app.patch(
    '/api/admin/teams/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'Rename a team', params: ZIdParams, body: ZUpdateTeamRequest, response: { 200: ZTeam } } },
    async (request) => renameTeam(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );

  app.delete(
    '/api/admin/teams/:id',
    { config: admin, schema: { tags: ['admin'], summary: 'Delete a team', params: ZIdParams, response: { 200: ZOkResponse } } },
    async (request) => {
      await removeTeam(deps, requireAuth(request), request.params.id, request.ip);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/admin/audit',
    { config: admin, schema: { tags: ['admin'], summary: 'Audit log', querystring: ZAuditListQuery, response: { 200: ZAuditListResponse } } },
    async (request) => listAuditEntries(deps, requireAuth(request).organisationId, request.query),
  );
}
