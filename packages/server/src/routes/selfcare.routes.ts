import {
  SELFCARE_AGGREGATE_ROLES,
  ZIdParams,
  ZSelfcareDeleteAllRequest,
  ZSelfcareDeleteAllResult,
  ZSelfcareEntry,
  ZSelfcareEntryList,
  ZSelfcareEntryQuery,
  ZSelfcareEntryRequest,
  ZSelfcareLinkOptions,
  ZSelfcareSummary,
  ZStressCheckList,
  ZStressCheckRequest,
  ZStressCheckResult,
  ZTeamAggregates,
  ZTeamAggregatesQuery,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { teamAggregates } from '../services/selfcare-aggregates.service.js';
import { renderSelfcarePdf } from '../services/selfcare-pdf.js';
import {
  createSelfcareEntry,
  deleteAllSelfcare,
  deleteSelfcareEntryOf,
  exportSelfcare,
  getSelfcareEntry,
  listLinkOptions,
  listSelfcareEntries,
  listStressChecks,
  selfcareSummary,
  takeStressCheck,
  updateSelfcareEntryOf,
} from '../services/selfcare.service.js';

const tags = ['self-care'];
/** Every signed-in person has their own self-care; what they read is always their own. */
const config = { access: 'any' } as const;

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 自我关怀 (SPEC §2.6): the owner's private entries, stress checks, export and delete; team
 * aggregates. No route takes a user id: each acts on the caller's own data.
 */
export function registerSelfcareRoutes(app: TRouteApp, deps: TDeps): void {
  app.get('/api/selfcare/summary', { config, schema: { tags, summary: 'My overview: counts by kind, diary streak, last stress check, the gentle suggestion if any', response: { 200: ZSelfcareSummary } } }, async (request) =>
    selfcareSummary(deps, requireAuth(request)),
  );

  // Entries
  app.get(
    '/api/selfcare/entries',
    { config, schema: { tags, summary: 'My entries, newest first; filter by kind and days (China time)', querystring: ZSelfcareEntryQuery, response: { 200: ZSelfcareEntryList } } },
    async (request) => listSelfcareEntries(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/selfcare/entries',
    { config, schema: { tags, summary: 'Write a diary entry, ABC worksheet, gratitude note or success case', body: ZSelfcareEntryRequest, response: { 201: ZSelfcareEntry } } },
    async (request, reply) => reply.code(201).send(await createSelfcareEntry(deps, requireAuth(request), request.body)),
  );
  app.get('/api/selfcare/entries/:id', { config, schema: { tags, summary: 'One entry of mine', params: ZIdParams, response: { 200: ZSelfcareEntry } } }, async (request) =>
    getSelfcareEntry(deps, requireAuth(request), request.params.id),
  );
  app.put(
    '/api/selfcare/entries/:id',
    { config, schema: { tags, summary: 'Replace an entry of mine (its kind stays)', params: ZIdParams, body: ZSelfcareEntryRequest, response: { 200: ZSelfcareEntry } } },
    async (request) => updateSelfcareEntryOf(deps, requireAuth(request), request.params.id, request.body),
  );
  app.delete('/api/selfcare/entries/:id', { config, schema: { tags, summary: 'Delete an entry of mine', params: ZIdParams } }, async (request, reply) => {
    await deleteSelfcareEntryOf(deps, requireAuth(request), request.params.id);
    return reply.code(204).send();
  });
  app.get('/api/selfcare/link-options', { config, schema: { tags, summary: 'My role-play attempts and the QA conversations I handled, to link a success case to', response: { 200: ZSelfcareLinkOptions } } }, async (request) =>
    listLinkOptions(deps, requireAuth(request)),
  );

  // Stress self-check
  app.get('/api/selfcare/stress-checks', { config, schema: { tags, summary: 'My stress checks, oldest first (the trend)', response: { 200: ZStressCheckList } } }, async (request) => ({
    checks: await listStressChecks(deps, requireAuth(request)),
  }));
  app.post(
    '/api/selfcare/stress-checks',
    { config, schema: { tags, summary: 'Answer the current stress questionnaire; returns the score and whether the gentle suggestion shows', body: ZStressCheckRequest, response: { 201: ZStressCheckResult } } },
    async (request, reply) => reply.code(201).send(await takeStressCheck(deps, requireAuth(request), request.body.answers)),
  );

  // Export and delete everything
  app.get('/api/selfcare/export.json', { config, schema: { tags, summary: 'Everything of mine as a JSON download, with the questionnaire text' } }, async (request, reply) => {
    const data = await exportSelfcare(deps, requireAuth(request));
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="selfcare-${today()}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });
  app.get('/api/selfcare/export.pdf', { config, schema: { tags, summary: 'Everything of mine as a PDF: stress trend, entries by kind and date' } }, async (request, reply) => {
    const bytes = await renderSelfcarePdf(await exportSelfcare(deps, requireAuth(request)));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="selfcare-${today()}.pdf"`).header('cache-control', 'no-store').send(bytes);
  });
  app.post(
    '/api/selfcare/delete-all',
    { config, schema: { tags, summary: 'Delete all my entries and stress checks (send the confirmation words)', body: ZSelfcareDeleteAllRequest, response: { 200: ZSelfcareDeleteAllResult } } },
    async (request) => deleteAllSelfcare(deps, requireAuth(request), request.ip),
  );

  // Team aggregates
  app.get(
    '/api/selfcare/team-aggregates',
    { config: { access: SELFCARE_AGGREGATE_ROLES }, schema: { tags, summary: 'Per team and week: stress and diary figures, each cell only from 5 contributors', querystring: ZTeamAggregatesQuery, response: { 200: ZTeamAggregates } } },
    async (request) => teamAggregates(deps, requireAuth(request), request.query.teamId),
  );
}
