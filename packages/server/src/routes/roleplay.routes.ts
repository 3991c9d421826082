import {
  ZAssignment,
  ZAssignmentListResponse,
  ZAttempt,
  ZAttemptListQuery,
  ZAttemptListResponse,
  ZCommentRequest,
  ZCreateAssignmentRequest,
  ZIdParams,
  ZOkResponse,
  ZSaveScenarioRequest,
  ZScenarioSource,
  ZScenarioSummary,
  ZScenarioValidation,
  ZReplyRequest,
  ZRoleplaySettings,
  ZUpdateRoleplaySettingsRequest,
  ZScenarioBrief,
  ZScenarioListResponse,
  ZStartAttemptRequest,
} from '@calmdesk/shared';
import { z } from 'zod';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import {
  ASSIGNER_ROLES,
  AUTHOR_ROLES,
  deleteScenario,
  getScenarioSource,
  getRoleplaySettings,
  updateRoleplaySettings,
  saveScenario,
  validateScenarioSource,
  commentOnAttempt,
  createAssignment,
  getAttempt,
  getScenarioBrief,
  listAssignments,
  listAttempts,
  listScenarios,
  replyToAttempt,
  REVIEWER_ROLES,
  startAttempt,
} from '../services/roleplay.service.js';

const tags = ['roleplay'];
const ZScenarioParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,100}$/, 'a scenario id') });

/** Role-play practice: scenarios, attempts (turn by turn), comments, assignments. */
export function registerRoleplayRoutes(app: TRouteApp, deps: TDeps): void {
  app.get(
    '/api/roleplay/scenarios',
    { config: { access: 'any' }, schema: { tags, summary: 'Scenario catalogue: built-in and the organisation’s own', response: { 200: ZScenarioListResponse } } },
    async (request) => ({ scenarios: await listScenarios(deps, requireAuth(request)) }),
  );

  app.get(
    '/api/roleplay/scenarios/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A scenario as the trainee sees it', params: ZScenarioParams, response: { 200: ZScenarioBrief } } },
    async (request) => getScenarioBrief(deps, requireAuth(request), request.params.id),
  );

  app.get(
    '/api/roleplay/scenarios/:id/source',
    { config: { access: AUTHOR_ROLES }, schema: { tags, summary: 'The YAML of a scenario, to edit or copy', params: ZScenarioParams, response: { 200: ZScenarioSource } } },
    async (request) => ({ yaml: await getScenarioSource(deps, requireAuth(request), request.params.id) }),
  );

  app.post(
    '/api/roleplay/scenarios/validate',
    { config: { access: [...AUTHOR_ROLES, 'mentor'] }, schema: { tags, summary: 'Check scenario YAML: errors by line and field', body: ZScenarioSource, response: { 200: ZScenarioValidation } } },
    async (request) => validateScenarioSource(request.body.yaml),
  );

  app.post(
    '/api/roleplay/scenarios',
    { config: { access: AUTHOR_ROLES }, schema: { tags, summary: 'Save a new scenario', body: ZSaveScenarioRequest, response: { 201: ZScenarioSummary } } },
    async (request, reply) => reply.code(201).send(await saveScenario(deps, requireAuth(request), request.body, request.ip)),
  );

  app.put(
    '/api/roleplay/scenarios/:id',
    { config: { access: AUTHOR_ROLES }, schema: { tags, summary: 'Update one of the organisation’s scenarios', params: ZScenarioParams, body: ZSaveScenarioRequest, response: { 200: ZScenarioSummary } } },
    async (request) => saveScenario(deps, requireAuth(request), request.body, request.ip, request.params.id),
  );

  app.delete(
    '/api/roleplay/scenarios/:id',
    { config: { access: AUTHOR_ROLES }, schema: { tags, summary: 'Delete one of the organisation’s scenarios', params: ZScenarioParams, response: { 200: ZOkResponse } } },
    async (request) => {
      await deleteScenario(deps, requireAuth(request), request.params.id, request.ip);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/roleplay/attempts',
    { config: { access: 'any' }, schema: { tags, summary: 'Start practising a scenario', body: ZStartAttemptRequest, response: { 201: ZAttempt } } },
    async (request, reply) => reply.code(201).send(await startAttempt(deps, requireAuth(request), request.body)),
  );

  app.get(
    '/api/roleplay/attempts',
    { config: { access: 'any' }, schema: { tags, summary: 'Attempts: own, or anyone’s for coaching roles', querystring: ZAttemptListQuery, response: { 200: ZAttemptListResponse } } },
    async (request) => listAttempts(deps, requireAuth(request), request.query),
  );

  app.get(
    '/api/roleplay/attempts/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'An attempt with its transcript and scorecard', params: ZIdParams, response: { 200: ZAttempt } } },
    async (request) => getAttempt(deps, requireAuth(request), request.params.id),
  );

  app.post(
    '/api/roleplay/attempts/:id/replies',
    { config: { access: 'any' }, schema: { tags, summary: 'Send the next reply to the simulated customer', params: ZIdParams, body: ZReplyRequest, response: { 200: ZAttempt } } },
    async (request) => replyToAttempt(deps, requireAuth(request), request.params.id, request.body.text),
  );

  app.post(
    '/api/roleplay/attempts/:id/comments',
    { config: { access: REVIEWER_ROLES }, schema: { tags, summary: 'Comment on an attempt', params: ZIdParams, body: ZCommentRequest, response: { 200: ZAttempt } } },
    async (request) => commentOnAttempt(deps, requireAuth(request), request.params.id, request.body.body),
  );

  app.get(
    '/api/roleplay/settings',
    { config: { access: ['admin', 'trainer'] }, schema: { tags, summary: 'Role-play settings (the API key is never returned)', response: { 200: ZRoleplaySettings } } },
    async (request) => getRoleplaySettings(deps, requireAuth(request)),
  );

  app.put(
    '/api/roleplay/settings',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Turn the OpenAI-compatible endpoint for customer lines on or off', body: ZUpdateRoleplaySettingsRequest, response: { 200: ZRoleplaySettings } } },
    async (request) => updateRoleplaySettings(deps, requireAuth(request), request.body, request.ip),
  );

  app.get(
    '/api/roleplay/assignments',
    { config: { access: 'any' }, schema: { tags, summary: 'Assignments: mine, or all for coaching roles', response: { 200: ZAssignmentListResponse } } },
    async (request) => ({ assignments: await listAssignments(deps, requireAuth(request)) }),
  );

  app.post(
    '/api/roleplay/assignments',
    { config: { access: ASSIGNER_ROLES }, schema: { tags, summary: 'Assign a scenario to people or teams', body: ZCreateAssignmentRequest, response: { 201: ZAssignment } } },
    async (request, reply) => reply.code(201).send(await createAssignment(deps, requireAuth(request), request.body, request.ip)),
  );
}
