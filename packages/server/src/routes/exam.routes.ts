import { ZExamListQuery, ZExamPublishRequest, ZExamAttemptList, ZExamAttemptsQuery, ZExamResults, ZQuestionStatistics, ZCreateExamRequest, ZExamAttempt, ZExamListResponse, ZExamSummary, ZGradeExamRequest, ZIdParams, ZSubmitExamRequest } from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { buildWorkbook, XLSX_TYPE } from '../lib/xlsx.js';
import { setExamPublished, examResults, listExamAttempts, examQuestionStatistics, createExam, EXAM_GRADER_ROLES, getExamAttempt, gradeExamAttempt, listExams, startExam, submitExam } from '../services/exam.service.js';

const tags = ['exams'];
/** Who follows exam results: trainers, the management group, and supervisors for their teams. */
const EXAM_RESULT_ROLES = ['trainer', 'supervisor', 'deputy', 'leader'] as const;

/** Exams: trainers set them; everyone takes them within the server-held time limit. */
export function registerExamRoutes(app: TRouteApp, deps: TDeps): void {
  app.get(
    '/api/exams',
    { config: { access: 'any' }, schema: { tags, summary: 'Exams and my attempts (includeClosed=true: closed ones too, for trainers, deputies, leaders)', querystring: ZExamListQuery, response: { 200: ZExamListResponse } } },
    async (request) => ({ exams: await listExams(deps, requireAuth(request), { includeClosed: request.query.includeClosed === 'true' }) }),
  );
  app.put(
    '/api/exams/:id/published',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Close an exam to new attempts, or open it again', params: ZIdParams, body: ZExamPublishRequest, response: { 200: ZExamSummary } } },
    async (request) => setExamPublished(deps, requireAuth(request), request.params.id, request.body.isPublished, request.ip),
  );
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
  app.get(
    '/api/exam-attempts',
    { config: { access: EXAM_GRADER_ROLES }, schema: { tags, summary: 'Attempts by exam and status (status=submitted: the marking queue)', querystring: ZExamAttemptsQuery, response: { 200: ZExamAttemptList } } },
    async (request) => listExamAttempts(deps, requireAuth(request), request.query),
  );
  app.get(
    '/api/exams/:id/results',
    { config: { access: EXAM_RESULT_ROLES }, schema: { tags, summary: 'Each person’s attempts, best score and pass (supervisors: their teams)', params: ZIdParams, response: { 200: ZExamResults } } },
    async (request) => examResults(deps, requireAuth(request), request.params.id),
  );
  app.get('/api/exams/:id/results.xlsx', { config: { access: EXAM_RESULT_ROLES }, schema: { tags, summary: 'Exam results as an Excel file', params: ZIdParams } }, async (request, reply) => {
    const results = await examResults(deps, requireAuth(request), request.params.id);
    type TRow = (typeof results.rows)[number];
    const STATUS: Record<TRow['lastStatus'], string> = { in_progress: '作答中 in progress', submitted: '待批改 awaiting marking', graded: '已评分 graded', expired: '超时 expired' };
    const bytes = await buildWorkbook<TRow>(
      '考试成绩',
      [
        { header: '姓名 Name', value: (r) => r.user.displayName },
        { header: '团队 Teams', value: (r) => r.teamNames.join('、') },
        { header: '考试次数 Attempts', value: (r) => r.attempts },
        { header: '最高分 Best score', value: (r) => r.bestScore },
        { header: `通过 Passed (≥${results.exam.passMark})`, value: (r) => (r.isPassed ? '是 yes' : '否 no') },
        { header: '最近状态 Last status', value: (r) => STATUS[r.lastStatus] },
        { header: '最近时间 Last at', value: (r) => new Date(r.lastAt), format: 'yyyy-mm-dd hh:mm' },
      ],
      results.rows,
    );
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="exam-results-${results.exam.id.slice(0, 8)}.xlsx"`).send(bytes);
  });
}
