import { ZCourseBundle, ZImportCourseResponse, ZCourseFeedbackRequest, ZCourseFeedbackSummary, ZAssignCourseRequest, ZAssignCourseResponse, ZLearningOverview, ZCaseDetail, ZCaseListResponse, ZCompleteLessonRequest, ZCompleteLessonResponse, ZCourseDetail, ZCourseListResponse, ZIdParams, ZLessonDetail, ZProgressResponse } from '@calmdesk/shared';
import {
  ZAuthoringCourse,
  ZAuthoringCourseList,
  ZCaseInput,
  ZCaseSource,
  ZCourseInput,
  ZLessonInput,
  ZLessonOrderRequest,
  ZLessonSource,
  ZOkResponse,
  ZQuestionBank,
  ZQuestionBankQuery,
  ZQuestionFull,
  ZQuestionInput,
} from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { buildWorkbook, XLSX_TYPE } from '../lib/xlsx.js';
import {
  createCase,
  createCourse,
  createLesson,
  createQuestion,
  deleteCase,
  deleteCourse,
  deleteLesson,
  getCaseSource,
  getLessonSource,
  listAuthoringCourses,
  listQuestionBank,
  reorderLessons,
  setQuestionRetired,
  updateCase,
  updateCourse,
  updateLesson,
  updateQuestion,
} from '../services/authoring.service.js';
import { exportCourse, importCourse } from '../services/course-bundle.service.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { courseFeedbackSummary, giveCourseFeedback, assignCourse, learningOverview, completeLesson, enrolSelf, getCase, getCourseForLearner, getLesson, listCases, listCourses, myProgress } from '../services/learning.service.js';

const tags = ['learning'];
const authoringTags = ['learning authoring'];
const AUTHORS = ['trainer'] as const;
const OVERSEERS = ['trainer', 'supervisor', 'deputy', 'leader'] as const;

/** The learning catalogue every member reads: courses, lessons (quiz without answers), cases. */
export function registerLearningRoutes(app: TRouteApp, deps: TDeps): void {
  app.get('/api/learning/courses', { config: { access: 'any' }, schema: { tags, summary: 'Course catalogue', response: { 200: ZCourseListResponse } } }, async (request) => ({
    courses: await listCourses(deps, requireAuth(request).organisationId),
  }));
  app.get(
    '/api/learning/courses/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A course and its lessons', params: ZIdParams, response: { 200: ZCourseDetail } } },
    async (request) => getCourseForLearner(deps, requireAuth(request), request.params.id),
  );
  app.get(
    '/api/learning/lessons/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A lesson (Markdown) with its quiz, answers hidden', params: ZIdParams, response: { 200: ZLessonDetail } } },
    async (request) => getLesson(deps, requireAuth(request), request.params.id),
  );
  app.get('/api/learning/cases', { config: { access: 'any' }, schema: { tags, summary: 'Case library', response: { 200: ZCaseListResponse } } }, async (request) => ({
    cases: await listCases(deps, requireAuth(request).organisationId),
  }));
  app.get(
    '/api/learning/cases/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A case with its analysis', params: ZIdParams, response: { 200: ZCaseDetail } } },
    async (request) => getCase(deps, requireAuth(request).organisationId, request.params.id),
  );
  app.get('/api/learning/progress', { config: { access: 'any' }, schema: { tags, summary: 'My courses and progress', response: { 200: ZProgressResponse } } }, async (request) =>
    myProgress(deps, requireAuth(request)),
  );
  app.post(
    '/api/learning/courses/:id/enrol',
    { config: { access: 'any' }, schema: { tags, summary: 'Enrol in a course', params: ZIdParams, response: { 200: ZProgressResponse } } },
    async (request) => enrolSelf(deps, requireAuth(request), request.params.id),
  );
  app.post(
    '/api/learning/lessons/:id/complete',
    { config: { access: 'any' }, schema: { tags, summary: 'Finish a lesson and hand in its quiz', params: ZIdParams, body: ZCompleteLessonRequest, response: { 200: ZCompleteLessonResponse } } },
    async (request) => completeLesson(deps, requireAuth(request), request.params.id, request.body.answers),
  );
  app.post(
    '/api/learning/courses/:id/assign',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Assign a course to people or teams with a due date', params: ZIdParams, body: ZAssignCourseRequest, response: { 200: ZAssignCourseResponse } } },
    async (request) => assignCourse(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.get(
    '/api/learning/overview',
    { config: { access: OVERSEERS }, schema: { tags, summary: 'Progress and overdue courses: everyone (trainer, deputy, leader) or my teams (supervisor)', response: { 200: ZLearningOverview } } },
    async (request) => learningOverview(deps, requireAuth(request)),
  );
  app.get('/api/learning/overview.xlsx', { config: { access: OVERSEERS }, schema: { tags, summary: 'The progress table as an Excel file' } }, async (request, reply) => {
    const { rows } = await learningOverview(deps, requireAuth(request));
    type TRow = (typeof rows)[number];
    const bytes = await buildWorkbook<TRow>(
      '学习概况',
      [
        { header: '姓名 Name', value: (r) => r.user.displayName },
        { header: '团队 Teams', value: (r) => r.teamNames.join('、') },
        { header: '课程 Course', value: (r) => r.courseTitle.zh },
        { header: '已学课时 Lessons done', value: (r) => r.lessonsDone },
        { header: '课时总数 Lessons', value: (r) => r.lessonCount },
        { header: '完成率 Progress', value: (r) => (r.lessonCount === 0 ? 0 : r.lessonsDone / r.lessonCount), format: '0%' },
        { header: '随堂测验平均分 Quiz average', value: (r) => r.quizAverage },
        { header: '截止日期 Due', value: (r) => r.dueDate },
        { header: '完成时间 Completed', value: (r) => (r.completedAt ? new Date(r.completedAt) : null), format: 'yyyy-mm-dd hh:mm' },
        { header: '逾期 Overdue', value: (r) => (r.isOverdue ? '是 yes' : '') },
      ],
      rows,
    );
    return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="learning-progress-${new Date().toISOString().slice(0, 10)}.xlsx"`).send(bytes);
  });
  app.post(
    '/api/learning/courses/:id/feedback',
    { config: { access: 'any' }, schema: { tags, summary: 'Rate a course: content, method, instructor (1–5) and a comment', params: ZIdParams, body: ZCourseFeedbackRequest, response: { 200: ZCourseFeedbackSummary } } },
    async (request) => giveCourseFeedback(deps, requireAuth(request), request.params.id, request.body),
  );
  app.get(
    '/api/learning/courses/:id/feedback',
    { config: { access: ['trainer', 'deputy', 'leader'] }, schema: { tags, summary: 'Anonymous reaction summary of a course', params: ZIdParams, response: { 200: ZCourseFeedbackSummary } } },
    async (request) => courseFeedbackSummary(deps, requireAuth(request).organisationId, request.params.id),
  );
  app.get(
    '/api/learning/courses/:id/export',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Export a course with its lessons and quiz questions as one file', params: ZIdParams, response: { 200: ZCourseBundle } } },
    async (request, reply) => {
      const bundle = await exportCourse(deps, requireAuth(request), request.params.id, request.ip);
      reply.header('content-disposition', `attachment; filename="${bundle.course.key}.calmdesk-course.json"`);
      return bundle;
    },
  );
  app.post(
    '/api/learning/courses/import',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Import a course file as this organisation’s own', body: ZCourseBundle, response: { 201: ZImportCourseResponse } } },
    async (request, reply) => reply.code(201).send(await importCourse(deps, requireAuth(request), request.body, request.ip)),
  );

  registerAuthoringRoutes(app, deps);
}

/** Trainers write the organisation's courses, lessons, questions and cases in the app. */
function registerAuthoringRoutes(app: TRouteApp, deps: TDeps): void {
  const tags = authoringTags;
  const config = { access: AUTHORS };
  app.get('/api/learning/authoring/courses', { config, schema: { tags, summary: 'Every course with its lessons, unpublished ones too', response: { 200: ZAuthoringCourseList } } }, async (request) =>
    listAuthoringCourses(deps, requireAuth(request)),
  );
  app.post('/api/learning/courses', { config, schema: { tags, summary: 'Create a course', body: ZCourseInput, response: { 201: ZAuthoringCourse } } }, async (request, reply) =>
    reply.code(201).send(await createCourse(deps, requireAuth(request), request.body, request.ip)),
  );
  app.put('/api/learning/courses/:id', { config, schema: { tags, summary: 'Edit a course (title, summary, audience, tags, published)', params: ZIdParams, body: ZCourseInput, response: { 200: ZAuthoringCourse } } }, async (request) =>
    updateCourse(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/learning/courses/:id', { config, schema: { tags, summary: 'Delete one of the organisation’s own courses', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await deleteCourse(deps, requireAuth(request), request.params.id, request.ip);
    return { ok: true as const };
  });
  app.put('/api/learning/courses/:id/lesson-order', { config, schema: { tags, summary: 'Put the lessons of a course in order', params: ZIdParams, body: ZLessonOrderRequest, response: { 200: ZAuthoringCourse } } }, async (request) =>
    reorderLessons(deps, requireAuth(request), request.params.id, request.body.lessonIds, request.ip),
  );
  app.post('/api/learning/courses/:id/lessons', { config, schema: { tags, summary: 'Add a lesson at the end of a course', params: ZIdParams, body: ZLessonInput, response: { 201: ZLessonSource } } }, async (request, reply) =>
    reply.code(201).send(await createLesson(deps, requireAuth(request), request.params.id, request.body, request.ip)),
  );
  app.get('/api/learning/lessons/:id/source', { config, schema: { tags, summary: 'A lesson as its editor sees it (quiz keys, Markdown)', params: ZIdParams, response: { 200: ZLessonSource } } }, async (request) =>
    getLessonSource(deps, requireAuth(request), request.params.id),
  );
  app.put('/api/learning/lessons/:id', { config, schema: { tags, summary: 'Edit a lesson', params: ZIdParams, body: ZLessonInput, response: { 200: ZLessonSource } } }, async (request) =>
    updateLesson(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/learning/lessons/:id', { config, schema: { tags, summary: 'Delete one of the organisation’s own lessons', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await deleteLesson(deps, requireAuth(request), request.params.id, request.ip);
    return { ok: true as const };
  });
  app.get('/api/learning/questions', { config, schema: { tags, summary: 'The question bank with answers, and its tags', querystring: ZQuestionBankQuery, response: { 200: ZQuestionBank } } }, async (request) =>
    listQuestionBank(deps, requireAuth(request), request.query),
  );
  app.post('/api/learning/questions', { config, schema: { tags, summary: 'Add a question to the bank', body: ZQuestionInput, response: { 201: ZQuestionFull } } }, async (request, reply) =>
    reply.code(201).send(await createQuestion(deps, requireAuth(request), request.body, request.ip)),
  );
  app.put('/api/learning/questions/:id', { config, schema: { tags, summary: 'Edit a question', params: ZIdParams, body: ZQuestionInput, response: { 200: ZQuestionFull } } }, async (request) =>
    updateQuestion(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/learning/questions/:id', { config, schema: { tags, summary: 'Retire a question (no longer drawn; past attempts keep it)', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await setQuestionRetired(deps, requireAuth(request), request.params.id, true, request.ip);
    return { ok: true as const };
  });
  app.post('/api/learning/questions/:id/restore', { config, schema: { tags, summary: 'Bring a retired question back', params: ZIdParams, response: { 200: ZQuestionFull } } }, async (request) =>
    setQuestionRetired(deps, requireAuth(request), request.params.id, false, request.ip),
  );
  app.get('/api/learning/cases/:id/source', { config, schema: { tags, summary: 'A case as its editor sees it', params: ZIdParams, response: { 200: ZCaseSource } } }, async (request) =>
    getCaseSource(deps, requireAuth(request), request.params.id),
  );
  app.post('/api/learning/cases', { config, schema: { tags, summary: 'Add a case to the library', body: ZCaseInput, response: { 201: ZCaseSource } } }, async (request, reply) =>
    reply.code(201).send(await createCase(deps, requireAuth(request), request.body, request.ip)),
  );
  app.put('/api/learning/cases/:id', { config, schema: { tags, summary: 'Edit a case', params: ZIdParams, body: ZCaseInput, response: { 200: ZCaseSource } } }, async (request) =>
    updateCase(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/learning/cases/:id', { config, schema: { tags, summary: 'Delete one of the organisation’s own cases', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await deleteCase(deps, requireAuth(request), request.params.id, request.ip);
    return { ok: true as const };
  });
}
