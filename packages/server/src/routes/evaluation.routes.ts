import {
  EVALUATION_ROLES,
  KPI_FILE_MAX_BYTES,
  ZEvalDashboard,
  ZEvalDashboardQuery,
  ZEvalPerson,
  ZEvalRangeQuery,
  ZEvalTeam,
  ZIdParams,
  ZKpiImport,
  ZKpiImportList,
  ZKpiPreview,
  ZKpiRecordList,
  ZKpiRecordQuery,
  ZKpiUploadQuery,
} from '@calmdesk/shared';
import type { FastifyReply } from 'fastify';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { readBodyLimited } from '../lib/read-body.js';
import { XLSX_TYPE } from '../lib/xlsx.js';
import { findOrganisation } from '../repositories/user.repository.js';
import { evaluationDashboard, evaluationPerson, evaluationTeam } from '../services/evaluation.service.js';
import { dashboardWorkbook, kpiRecordsWorkbook, kpiRejectsWorkbook, personWorkbook, teamWorkbook } from '../services/evaluation-export.service.js';
import { renderDashboardPdf } from '../services/evaluation-pdf.js';
import { getKpiImport, importKpiFile, listKpiImports, listKpiRecords, previewKpiFile } from '../services/kpi-import.service.js';

const tags = ['evaluation'];
const config = { access: EVALUATION_ROLES };

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function sendXlsx(reply: FastifyReply, name: string, bytes: Buffer) {
  return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}-${today()}.xlsx"`).send(bytes);
}

/**
 * KPI import and the four-level dashboard (SPEC §2.8): /api/eval/*. Supervisors and the
 * training group (trainer, deputy, leader); a supervisor sees and imports for their own teams
 * only (services/evaluation-access.ts). KPI files are uploaded as the raw bytes
 * (application/octet-stream) with the name and the column mapping in the query, first to
 * preview (nothing written), then to import.
 */
export function registerEvaluationRoutes(app: TRouteApp, deps: TDeps): void {
  app.post(
    '/api/eval/kpi-imports/preview',
    { config, schema: { tags, summary: 'Read a KPI file (CSV or .xlsx as application/octet-stream) and show what importing it would do; nothing is written', querystring: ZKpiUploadQuery, response: { 200: ZKpiPreview } } },
    async (request) => previewKpiFile(deps, requireAuth(request), request.query, await readBodyLimited(request.body, KPI_FILE_MAX_BYTES)),
  );
  app.post(
    '/api/eval/kpi-imports',
    { config, schema: { tags, summary: 'Import a KPI file: rows upserted by person and period, bad rows reported by row number', querystring: ZKpiUploadQuery, response: { 201: ZKpiImport } } },
    async (request, reply) => reply.code(201).send(await importKpiFile(deps, requireAuth(request), request.query, await readBodyLimited(request.body, KPI_FILE_MAX_BYTES), request.ip)),
  );
  app.get('/api/eval/kpi-imports', { config, schema: { tags, summary: 'KPI imports, newest first (supervisors: their own)', response: { 200: ZKpiImportList } } }, async (request) => listKpiImports(deps, requireAuth(request)));
  app.get('/api/eval/kpi-imports/:id', { config, schema: { tags, summary: 'One KPI import with every rejected row', params: ZIdParams, response: { 200: ZKpiImport } } }, async (request) =>
    getKpiImport(deps, requireAuth(request), request.params.id),
  );
  app.get('/api/eval/kpi-imports/:id/rejects.xlsx', { config, schema: { tags, summary: 'The rejected rows of a KPI import as an Excel file', params: ZIdParams } }, async (request, reply) =>
    sendXlsx(reply, 'kpi-import-rejects', await kpiRejectsWorkbook(await getKpiImport(deps, requireAuth(request), request.params.id))),
  );
  app.get('/api/eval/kpis', { config, schema: { tags, summary: 'Stored KPI records (supervisors: their teams)', querystring: ZKpiRecordQuery, response: { 200: ZKpiRecordList } } }, async (request) =>
    listKpiRecords(deps, requireAuth(request), request.query),
  );
  app.get('/api/eval/kpis.xlsx', { config, schema: { tags, summary: 'Stored KPI records as an Excel file', querystring: ZKpiRecordQuery } }, async (request, reply) =>
    sendXlsx(reply, 'kpi-records', await kpiRecordsWorkbook((await listKpiRecords(deps, requireAuth(request), request.query)).records)),
  );
  app.get(
    '/api/eval/dashboard',
    { config, schema: { tags, summary: 'The four levels per team and month, and the before/after comparison (supervisors: their teams)', querystring: ZEvalDashboardQuery, response: { 200: ZEvalDashboard } } },
    async (request) => evaluationDashboard(deps, requireAuth(request), request.query),
  );
  app.get('/api/eval/dashboard.xlsx', { config, schema: { tags, summary: 'The dashboard tables as an Excel file', querystring: ZEvalDashboardQuery } }, async (request, reply) =>
    sendXlsx(reply, 'evaluation', await dashboardWorkbook(await evaluationDashboard(deps, requireAuth(request), request.query))),
  );
  app.get('/api/eval/dashboard.pdf', { config, schema: { tags, summary: 'The dashboard as a PDF report (charts and tables, Chinese and English)', querystring: ZEvalDashboardQuery } }, async (request, reply) => {
    const auth = requireAuth(request);
    const dashboard = await evaluationDashboard(deps, auth, request.query);
    const organisation = await findOrganisation(deps.db, auth.organisationId);
    const bytes = await renderDashboardPdf({ dashboard, organisationName: organisation?.name ?? '', generatedAt: new Date() });
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="evaluation-${today()}.pdf"`).send(bytes);
  });
  app.get('/api/eval/teams/:id', { config, schema: { tags, summary: 'One team: its figures, before/after, and each member’s four levels', params: ZIdParams, querystring: ZEvalRangeQuery, response: { 200: ZEvalTeam } } }, async (request) =>
    evaluationTeam(deps, requireAuth(request), request.params.id, request.query),
  );
  app.get('/api/eval/teams/:id/export.xlsx', { config, schema: { tags, summary: 'A team’s people table as an Excel file', params: ZIdParams, querystring: ZEvalRangeQuery } }, async (request, reply) =>
    sendXlsx(reply, 'evaluation-team', await teamWorkbook(await evaluationTeam(deps, requireAuth(request), request.params.id, request.query))),
  );
  app.get(
    '/api/eval/people/:id',
    { config, schema: { tags, summary: 'One person: the four levels by month, KPIs before and after, and the records behind them', params: ZIdParams, querystring: ZEvalRangeQuery, response: { 200: ZEvalPerson } } },
    async (request) => evaluationPerson(deps, requireAuth(request), request.params.id, request.query),
  );
  app.get('/api/eval/people/:id/export.xlsx', { config, schema: { tags, summary: 'A person’s tables as an Excel file', params: ZIdParams, querystring: ZEvalRangeQuery } }, async (request, reply) =>
    sendXlsx(reply, 'evaluation-person', await personWorkbook(await evaluationPerson(deps, requireAuth(request), request.params.id, request.query))),
  );
}
