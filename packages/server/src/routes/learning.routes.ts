import { ZCourseBundle, ZImportCourseResponse, ZCourseFeedbackRequest, ZCourseFeedbackSummary, ZAssignCourseRequest, ZAssignCourseResponse, ZLearningOverview, ZCaseDetail, ZCaseListResponse, ZCompleteLessonRequest, ZCompleteLessonResponse, ZCourseDetail, ZCourseListResponse, ZIdParams, ZLessonDetail, ZProgressResponse } from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { exportCourse, importCourse } from '../services/course-bundle.service.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { courseFeedbackSummary, giveCourseFeedback, assignCourse, learningOverview, completeLesson, enrolSelf, getCase, getCourse, getLesson, listCases, listCourses, myProgress } from '../services/learning.service.js';

const tags = ['learning'];

/** The learning catalogue every member reads: courses, lessons (quiz without answers), cases. */
export function registerLearningRoutes(app: TRouteApp, deps: TDeps): void {
  app.get('/api/learning/courses', { config: { access: 'any' }, schema: { tags, summary: 'Course catalogue', response: { 200: ZCourseListResponse } } }, async (request) => ({
    courses: await listCourses(deps, requireAuth(request).organisationId),
  }));
  app.get(
    '/api/learning/courses/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A course and its lessons', params: ZIdParams, response: { 200: ZCourseDetail } } },
    async (request) => getCourse(deps, requireAuth(request).organisationId, request.params.id),
  );
  app.get(
    '/api/learning/lessons/:id',
    { config: { access: 'any' }, schema: { tags, summary: 'A lesson (Markdown) with its quiz, answers hidden', params: ZIdParams, response: { 200: ZLessonDetail } } },
    async (request) => getLesson(deps, requireAuth(request).organisationId, request.params.id),
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
    { config: { access: ['trainer', 'supervisor', 'deputy', 'leader'] }, schema: { tags, summary: 'Progress and overdue courses: everyone (trainer, deputy, leader) or my teams (supervisor)', response: { 200: ZLearningOverview } } },
    async (request) => learningOverview(deps, requireAuth(request)),
  );
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
}
