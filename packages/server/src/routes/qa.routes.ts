import { ZScenarioSummary, ZQaCoachingItem, ZQaCoachingList, ZQaCoachingQuery, ZQaCommentRequest, ZQaFlagRequest, ZQaStats, ZQaStatsQuery, ZQaSettings, ZQaConversationDetail, ZQaConversationList, ZQaConversationQuery, ZIdParams, ZQaImport, ZQaImportList, ZQaPreview, ZQaRejects, ZQaRejectsQuery, ZQaSources, ZQaStartImportRequest, ZQaUploadQuery } from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { bodyPieces } from '../lib/read-body.js';
import { getConversation, listConversations } from '../services/qa-conversation.service.js';
import { qaStatistics } from '../services/qa-stats.service.js';
import { coachingQueue, commentOnFlag, flagConversation, markFlagDone } from '../services/qa-coaching.service.js';
import { practiseConversation } from '../services/qa-practise.service.js';
import { AUTHOR_ROLES } from '../services/roleplay.service.js';
import { qaSettingsOf, updateQaSettings, cancelImport, getImport, listImports, listRejects, listSources, previewImport, startImport, storeUpload } from '../services/qa-import.service.js';

const tags = ['transcript qa'];
/** Who imports chat logs: the people who run the service and its training. */
export const QA_IMPORT_ROLES = ['supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const;
/** Who reads analysed conversations: the importers and the mentors who coach from them. */
export const QA_READER_ROLES = ['mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const;
/** Who turns a conversation into a draft role-play scenario: readers who also author scenarios. */
export const QA_PRACTISE_ROLES = QA_READER_ROLES.filter((role) => AUTHOR_ROLES.includes(role));

/** Transcript QA (SPEC §2.9): chat-log imports. */
export function registerQaRoutes(app: TRouteApp, deps: TDeps): void {
  const config = { access: QA_IMPORT_ROLES };
  app.post(
    '/api/qa/imports',
    { config, schema: { tags, summary: 'Upload a chat-log export (the bytes as application/octet-stream; ?fileName=)', querystring: ZQaUploadQuery, response: { 201: ZQaImport } } },
    async (request, reply) => reply.code(201).send(await storeUpload(deps, requireAuth(request), request.query.fileName, bodyPieces(request.body), request.ip)),
  );
  app.get('/api/qa/imports', { config, schema: { tags, summary: 'Imports, newest first, with progress', response: { 200: ZQaImportList } } }, async (request) => listImports(deps, requireAuth(request)));
  app.get('/api/qa/imports/:id', { config, schema: { tags, summary: 'One import with its progress and time left', params: ZIdParams, response: { 200: ZQaImport } } }, async (request) =>
    getImport(deps, requireAuth(request), request.params.id),
  );
  app.get(
    '/api/qa/imports/:id/preview',
    { config, schema: { tags, summary: 'The first rows of the file, its columns and a suggested mapping', params: ZIdParams, response: { 200: ZQaPreview } } },
    async (request) => previewImport(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/qa/imports/:id/start',
    { config, schema: { tags, summary: 'Start the import with this mapping (remembered for the source)', params: ZIdParams, body: ZQaStartImportRequest, response: { 200: ZQaImport } } },
    async (request) => startImport(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post('/api/qa/imports/:id/cancel', { config, schema: { tags, summary: 'Stop an import after its current batch', params: ZIdParams, response: { 200: ZQaImport } } }, async (request) =>
    cancelImport(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.get(
    '/api/qa/imports/:id/rejects',
    { config, schema: { tags, summary: 'Rows that could not be imported: row number and reason', params: ZIdParams, querystring: ZQaRejectsQuery, response: { 200: ZQaRejects } } },
    async (request) => listRejects(deps, requireAuth(request), request.params.id, request.query),
  );
  app.get('/api/qa/sources', { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Export sources with their remembered mapping', response: { 200: ZQaSources } } }, async (request) => listSources(deps, requireAuth(request)));
  app.get(
    '/api/qa/conversations',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Analysed conversations, filtered and sorted (supervisors and mentors: their teams)', querystring: ZQaConversationQuery, response: { 200: ZQaConversationList } } },
    async (request) => listConversations(deps, requireAuth(request), request.query),
  );
  app.get(
    '/api/qa/conversations/:id',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'One conversation with each message read by the engine', params: ZIdParams, response: { 200: ZQaConversationDetail } } },
    async (request) => getConversation(deps, requireAuth(request), request.params.id),
  );
  app.get('/api/qa/settings', { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Masking, retention and the coaching threshold', response: { 200: ZQaSettings } } }, async (request) =>
    qaSettingsOf(deps.db, requireAuth(request).organisationId),
  );
  app.put('/api/qa/settings', { config: { access: ['admin'] }, schema: { tags, summary: 'Change masking, retention and the coaching threshold (admins)', body: ZQaSettings, response: { 200: ZQaSettings } } }, async (request) =>
    updateQaSettings(deps, requireAuth(request), request.body, request.ip),
  );
  app.get(
    '/api/qa/stats',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Conversations, de-escalation, empathy, response times and language by agent, team or day', querystring: ZQaStatsQuery, response: { 200: ZQaStats } } },
    async (request) => qaStatistics(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/qa/conversations/:id/flag',
    { config: { access: QA_IMPORT_ROLES }, schema: { tags, summary: 'Flag a conversation for coaching, with the reason', params: ZIdParams, body: ZQaFlagRequest, response: { 200: ZQaCoachingItem } } },
    async (request) => flagConversation(deps, requireAuth(request), request.params.id, request.body.reason, request.ip),
  );
  app.post(
    '/api/qa/conversations/:id/practise',
    { config: { access: QA_PRACTISE_ROLES }, schema: { tags, summary: 'Practise this: a draft role-play scenario from the conversation (customer lines masked)', params: ZIdParams, response: { 201: ZScenarioSummary } } },
    async (request, reply) => reply.code(201).send(await practiseConversation(deps, requireAuth(request), request.params.id, request.ip)),
  );
  app.get(
    '/api/qa/coaching',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'The coaching queue: flagged conversations the caller may read', querystring: ZQaCoachingQuery, response: { 200: ZQaCoachingList } } },
    async (request) => coachingQueue(deps, requireAuth(request), request.query.status),
  );
  app.post(
    '/api/qa/coaching/:id/comments',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Comment on a flagged conversation', params: ZIdParams, body: ZQaCommentRequest, response: { 200: ZQaCoachingItem } } },
    async (request) => commentOnFlag(deps, requireAuth(request), request.params.id, request.body.body),
  );
  app.post(
    '/api/qa/coaching/:id/done',
    { config: { access: QA_READER_ROLES }, schema: { tags, summary: 'Mark a flagged conversation as coached', params: ZIdParams, response: { 200: ZQaCoachingItem } } },
    async (request) => markFlagDone(deps, requireAuth(request), request.params.id, request.ip),
  );
}
