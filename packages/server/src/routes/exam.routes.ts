import { ZQuestionStatistics, ZCreateExamRequest, ZExamAttempt, ZExamListResponse, ZExamSummary, ZGradeExamRequest, ZIdParams, ZSubmitExamRequest } from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { examQuestionStatistics, createExam, EXAM_GRADER_ROLES, getExamAttempt, gradeExamAttempt, listExams, startExam, submitExam } from '../services/exam.service.js';

const tags = ['exams'];

/** Exams: trainers set them; everyone takes them within the server-held time limit. */
export function registerExamRoutes(app: TRouteApp, deps: TDeps): void {
  app.get('/api/exams', { config: { access: 'any' }, schema: { tags, summary: 'Exams and my attempts', response: { 200: ZExamListResponse } } }, async (request) => ({
    exams: await listExams(deps, requireAuth(request)),
  }));
  app.post(
    '/api/exams',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Set an exam drawn from the question bank', body: ZCreateExamRequest, response: { 201: ZExamSummary } } },
    async (request, reply) => reply.code(201).send(await createExam(deps, requireAuth(request), request.body, request.ip)),
  );
  app.post(
    '/api/exams/:id/attempts',
    { config: { access: 'any' }, schema: { tags, summary: 'Start an attempt (a make-up when earlier ones failed)', params: ZIdParams, response: { 201: ZExamAttempt } } },
    async (request, reply) => reply.code(201).send(await startExam(deps, requireAuth(request), request.params.id)),
  );
  app.get(
    '/api/exam-attempts/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'An attempt (results once handed in)', params: ZIdParams, response: { 200: ZExamAttempt } } },
    async (request) => getExamAttempt(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/exam-attempts/:id/submit',
    { config: { access: 'any' }, schema: { tags, summary: 'Hand in the answers (refused after the time limit)', params: ZIdParams, body: ZSubmitExamRequest, response: { 200: ZExamAttempt } } },
    async (request) => submitExam(deps, requireAuth(request), request.params.id, request.body.answers),
  );
  app.post(
    '/api/exam-attempts/:id/grade',
    { config: { access: EXAM_GRADER_ROLES }, schema: { tags, summary: 'Mark the short answers', params: ZIdParams, body: ZGradeExamRequest, response: { 200: ZExamAttempt } } },
    async (request) => gradeExamAttempt(deps, requireAuth(request), request.params.id, request.body.scores, request.ip),
  );
  app.get(
    '/api/exams/:id/question-stats',
    { config: { access: ['trainer', 'deputy', 'leader'] }, schema: { tags, summary: 'Difficulty and discrimination of each question, to spot bad ones', params: ZIdParams, response: { 200: ZQuestionStatistics } } },
    async (request) => examQuestionStatistics(deps, requireAuth(request), request.params.id),
  );
}
