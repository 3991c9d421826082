import {
  ZApiToken,
  ZApiTokenList,
  ZAssistAnalysis,
  ZAssistAnalyzeRequest,
  ZAssistConversation,
  ZAssistDraftRequest,
  ZAssistEscalateRequest,
  ZAssistEscalation,
  ZAssistEscalationList,
  ZAssistEscalationQuery,
  ZAssistLoad,
  ZAssistPauseRequest,
  ZAssistTeamLoad,
  ZAssistTeamLoadQuery,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZIdParams,
  ZReplyCheck,
  type TRole,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { createApiToken, listApiTokens, revokeApiTokenById } from '../services/api-token.service.js';
import {
  acknowledgeAssistEscalation,
  analyzeConversation,
  checkDraft,
  endConversation,
  escalateConversation,
  getConversation,
  getEscalation,
  listEscalations,
  loadOf,
  recordPause,
  startConversation,
  teamLoad,
} from '../services/assist.service.js';
import { registerAssistStreamRoutes } from './assist-stream.routes.js';

const tags = ['live assist'];
/** Who uses the assist page while serving customers (navigation: /live-assist). */
const ASSISTED: readonly TRole[] = ['agent', 'mentor', 'supervisor'];
/** Who looks at the team's load: supervisors (their teams), deputy and leader (all). */
const LOAD_READERS: readonly TRole[] = ['supervisor', 'deputy', 'leader'];
/** Escalations: the agents who raised them, and whoever oversees them. */
const ESCALATION_READERS: readonly TRole[] = ['agent', 'mentor', 'supervisor', 'deputy', 'leader'];

/** 实时辅助 (SPEC §2.5): the assist page's analysis, escalation, load; API tokens; the WebSocket stream. */
export function registerAssistRoutes(app: TRouteApp, deps: TDeps): void {
  // The assist page
  app.post(
    '/api/assist/conversations',
    { config: { access: ASSISTED }, schema: { tags, summary: 'Start a conversation to follow (counts and risk levels are kept, never the messages)', response: { 201: ZAssistConversation } } },
    async (request, reply) => reply.code(201).send(await startConversation(deps, requireAuth(request))),
  );
  app.get(
    '/api/assist/conversations/:id',
    { config: { access: ASSISTED }, schema: { tags, summary: 'One of my conversations: counts, risk levels, escalation', params: ZIdParams, response: { 200: ZAssistConversation } } },
    async (request) => getConversation(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/assist/conversations/:id/analyze',
    {
      config: { access: ASSISTED },
      schema: {
        tags,
        summary: 'Read the conversation so far (and the draft): per-message readings, trajectory, openers, draft check, escalation prompt, my load',
        params: ZIdParams,
        body: ZAssistAnalyzeRequest,
        response: { 200: ZAssistAnalysis },
      },
    },
    async (request) => analyzeConversation(deps, requireAuth(request), request.params.id, request.body),
  );
  app.post(
    '/api/assist/conversations/:id/draft',
    { config: { access: ASSISTED }, schema: { tags, summary: 'Check a draft against the latest customer message; nothing is stored', params: ZIdParams, body: ZAssistDraftRequest, response: { 200: ZReplyCheck } } },
    async (request) => checkDraft(deps, requireAuth(request), request.params.id, request.body),
  );
  app.post(
    '/api/assist/conversations/:id/close',
    { config: { access: ASSISTED }, schema: { tags, summary: 'Close a conversation', params: ZIdParams, response: { 200: ZAssistConversation } } },
    async (request) => endConversation(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/assist/conversations/:id/escalate',
    {
      config: { access: ASSISTED },
      schema: { tags, summary: 'Bring in my supervisor: a masked excerpt and a note; the supervisors of my teams are told (409 when already escalated)', params: ZIdParams, body: ZAssistEscalateRequest, response: { 201: ZAssistEscalation } },
    },
    async (request, reply) => reply.code(201).send(await escalateConversation(deps, requireAuth(request), request.params.id, request.body)),
  );
  app.get('/api/assist/my/load', { config: { access: ASSISTED }, schema: { tags, summary: 'My run of high-risk conversations and whether to take a pause', response: { 200: ZAssistLoad } } }, async (request) => {
    const auth = requireAuth(request);
    return loadOf(deps, auth.organisationId, auth.userId);
  });
  app.post(
    '/api/assist/pauses',
    { config: { access: ASSISTED }, schema: { tags, summary: 'Record a breathing pause I took; it ends my run', body: ZAssistPauseRequest, response: { 201: ZAssistLoad } } },
    async (request, reply) => reply.code(201).send(await recordPause(deps, requireAuth(request), request.body.seconds)),
  );

  // Escalations and team load
  app.get(
    '/api/assist/escalations',
    { config: { access: ESCALATION_READERS }, schema: { tags, summary: 'Escalations: my own; my teams’ (supervisor); all (deputy, leader)', querystring: ZAssistEscalationQuery, response: { 200: ZAssistEscalationList } } },
    async (request) => listEscalations(deps, requireAuth(request), request.query),
  );
  app.get(
    '/api/assist/escalations/:id',
    { config: { access: ESCALATION_READERS }, schema: { tags, summary: 'One escalation with its masked excerpt', params: ZIdParams, response: { 200: ZAssistEscalation } } },
    async (request) => getEscalation(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/assist/escalations/:id/acknowledge',
    { config: { access: LOAD_READERS }, schema: { tags, summary: 'Acknowledge an escalation; the agent is told “主管已收到”', params: ZIdParams, response: { 200: ZAssistEscalation } } },
    async (request) => acknowledgeAssistEscalation(deps, requireAuth(request), request.params.id),
  );
  app.get(
    '/api/assist/team-load',
    { config: { access: LOAD_READERS }, schema: { tags, summary: 'Today’s live-assist load per person: counts only, no content', querystring: ZAssistTeamLoadQuery, response: { 200: ZAssistTeamLoad } } },
    async (request) => teamLoad(deps, requireAuth(request), request.query.teamId),
  );

  // API tokens (admin)
  app.get('/api/assist/tokens', { config: { access: ['admin'] }, schema: { tags, summary: 'The organisation’s API tokens for chat tools', response: { 200: ZApiTokenList } } }, async (request) =>
    listApiTokens(deps, requireAuth(request)),
  );
  app.post(
    '/api/assist/tokens',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Make a token; its secret is shown this once', body: ZCreateApiTokenRequest, response: { 201: ZCreatedApiToken } } },
    async (request, reply) => reply.code(201).send(await createApiToken(deps, requireAuth(request), request.body.name, request.ip)),
  );
  app.post(
    '/api/assist/tokens/:id/revoke',
    { config: { access: ['admin'] }, schema: { tags, summary: 'Revoke a token; open stream connections using it close', params: ZIdParams, response: { 200: ZApiToken } } },
    async (request) => revokeApiTokenById(deps, requireAuth(request), request.params.id, request.ip),
  );

  registerAssistStreamRoutes(app, deps);
}
