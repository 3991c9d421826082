import {
  ZIdParams,
  ZMySurveyDetail,
  ZMySurveyList,
  ZOkResponse,
  ZRemindSurveyResponse,
  ZSendSurveyRequest,
  ZSendSurveyResponse,
  ZSubmitSurveyResponse,
  ZSubmitSurveyResult,
  ZSurveyDetail,
  ZSurveyInput,
  ZSurveyList,
  ZSurveyListQuery,
  ZSurveyPlanItemsRequest,
  ZSurveyPlanItemsResult,
  ZSurveyPlanTargets,
  ZSurveyReport,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { XLSX_TYPE } from '../lib/xlsx.js';
import { surveyReportWorkbook } from '../services/survey-export.js';
import { addSurveyPlanItems, surveyPlanTargets, surveyReport } from '../services/survey-report.service.js';
import {
  closeSurvey,
  createSurvey,
  deleteSurvey,
  getMySurvey,
  getSurvey,
  listMySurveys,
  listSurveys,
  remindSurvey,
  SURVEY_BUILDER_ROLES,
  SURVEY_READER_ROLES,
  sendSurvey,
  submitSurveyResponse,
  updateSurvey,
} from '../services/survey.service.js';

const tags = ['surveys'];

/** Needs analysis and reaction questionnaires (SPEC §2.7, §2.8 level 1): /api/ops/surveys/* (training group; supervisors read), /api/ops/my/surveys/* (everyone's own). */
export function registerSurveyRoutes(app: TRouteApp, deps: TDeps): void {
  const builders = { access: SURVEY_BUILDER_ROLES };
  const readers = { access: SURVEY_READER_ROLES };
  app.get('/api/ops/surveys', { config: readers, schema: { tags, summary: 'Surveys, newest first (supervisors: those sent to their teams)', querystring: ZSurveyListQuery, response: { 200: ZSurveyList } } }, async (request) =>
    listSurveys(deps, requireAuth(request), request.query),
  );
  app.post('/api/ops/surveys', { config: builders, schema: { tags, summary: 'Create a draft survey', body: ZSurveyInput, response: { 201: ZSurveyDetail } } }, async (request, reply) =>
    reply.code(201).send(await createSurvey(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get('/api/ops/surveys/plan-targets', { config: builders, schema: { tags, summary: 'Draft and returned plans that findings can be added to', response: { 200: ZSurveyPlanTargets } } }, async (request) =>
    surveyPlanTargets(deps, requireAuth(request)),
  );
  app.get('/api/ops/surveys/:id', { config: readers, schema: { tags, summary: 'One survey with its questions and who answered (never what)', params: ZIdParams, response: { 200: ZSurveyDetail } } }, async (request) =>
    getSurvey(deps, requireAuth(request), request.params.id),
  );
  app.put('/api/ops/surveys/:id', { config: builders, schema: { tags, summary: 'Change a draft survey', params: ZIdParams, body: ZSurveyInput, response: { 200: ZSurveyDetail } } }, async (request) =>
    updateSurvey(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/ops/surveys/:id', { config: builders, schema: { tags, summary: 'Delete a draft survey', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) =>
    deleteSurvey(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.post(
    '/api/ops/surveys/:id/send',
    { config: builders, schema: { tags, summary: 'Send to teams and people with a due date (a draft opens); each new recipient is notified', params: ZIdParams, body: ZSendSurveyRequest, response: { 200: ZSendSurveyResponse } } },
    async (request) => sendSurvey(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post('/api/ops/surveys/:id/remind', { config: builders, schema: { tags, summary: 'Remind those who have not answered', params: ZIdParams, response: { 200: ZRemindSurveyResponse } } }, async (request) =>
    remindSurvey(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.post('/api/ops/surveys/:id/close', { config: builders, schema: { tags, summary: 'Close an open survey', params: ZIdParams, response: { 200: ZSurveyDetail } } }, async (request) =>
    closeSurvey(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.get(
    '/api/ops/surveys/:id/report',
    { config: readers, schema: { tags, summary: 'The needs report: response rate, distributions by level and tenure, findings (small anonymous cells hidden)', params: ZIdParams, response: { 200: ZSurveyReport } } },
    async (request) => surveyReport(deps, requireAuth(request), request.params.id),
  );
  app.get('/api/ops/surveys/:id/report.xlsx', { config: readers, schema: { tags, summary: 'The report as an Excel file', params: ZIdParams } }, async (request, reply) => {
    const report = await surveyReport(deps, requireAuth(request), request.params.id);
    const bytes = await surveyReportWorkbook(report);
    const name = `survey-report-${report.survey.period ?? report.survey.createdAt.slice(0, 10)}.xlsx`;
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${report.survey.title}.xlsx`)}`).send(bytes);
  });
  app.post(
    '/api/ops/surveys/:id/plan-items',
    { config: builders, schema: { tags, summary: 'Turn findings into items of a draft or returned plan (or a new draft plan for the year)', params: ZIdParams, body: ZSurveyPlanItemsRequest, response: { 200: ZSurveyPlanItemsResult } } },
    async (request) => addSurveyPlanItems(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );

  const anyone = { access: 'any' as const };
  app.get('/api/ops/my/surveys', { config: anyone, schema: { tags, summary: 'Surveys I was asked to answer: waiting ones first', response: { 200: ZMySurveyList } } }, async (request) => listMySurveys(deps, requireAuth(request)));
  app.get('/api/ops/my/surveys/:id', { config: anyone, schema: { tags, summary: 'A survey I was asked to answer, with its questions', params: ZIdParams, response: { 200: ZMySurveyDetail } } }, async (request) =>
    getMySurvey(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/ops/my/surveys/:id/responses',
    { config: anyone, schema: { tags, summary: 'Answer a survey, once (anonymous: stored without my name)', params: ZIdParams, body: ZSubmitSurveyResponse, response: { 201: ZSubmitSurveyResult } } },
    async (request, reply) => reply.code(201).send(await submitSurveyResponse(deps, requireAuth(request), request.params.id, request.body)),
  );
}
