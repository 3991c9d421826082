import {
  ZAttendanceMarks,
  ZAttendanceOverview,
  ZAttendanceQuery,
  ZCloseSessionRequest,
  ZCloseSessionResult,
  ZEnrolRequest,
  ZIdParams,
  ZMakeUpList,
  ZMakeUpQuery,
  ZMakeUpTask,
  ZMakeUpUpdate,
  ZMySessions,
  ZOkResponse,
  ZPlanApproveRequest,
  ZPlanDetail,
  ZPlanInput,
  ZPlanList,
  ZPlanListQuery,
  ZPlanReturnRequest,
  ZSessionDetail,
  ZSessionInput,
  ZSessionList,
  ZSessionListQuery,
  ZSessionUpdate,
  ZSignInCode,
  ZSignInRequest,
  ZSignInResult,
  ZWaiveRequest,
} from '@calmdesk/shared';
import { z } from 'zod';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { attendanceOverview, listMakeUps, mySessions, updateMakeUp, waiveMakeUp } from '../services/attendance.service.js';
import { approvePlan, createPlan, deletePlan, getPlan, listPlans, PLAN_AUTHOR_ROLES, PLAN_DECIDER_ROLES, PLAN_READER_ROLES, returnPlan, submitPlan, updatePlan } from '../services/plan.service.js';
import {
  cancelSession,
  closeSession,
  createSession,
  enrolInSession,
  getSession,
  listSessions,
  markAttendance,
  SESSION_MANAGER_ROLES,
  SESSION_READER_ROLES,
  signIn,
  signInWithCode,
  startSignIn,
  updateSession,
} from '../services/session.service.js';

const tags = ['plans and sessions'];
const readers = { access: PLAN_READER_ROLES };
const authors = { access: PLAN_AUTHOR_ROLES };
const deciders = { access: PLAN_DECIDER_ROLES };
const sessionReaders = { access: SESSION_READER_ROLES };
const sessionManagers = { access: SESSION_MANAGER_ROLES };
const trainers = { access: ['trainer'] as const };

/** Yearly plans with approval, sessions, enrolment, sign-in, attendance, make-up tasks (SPEC §2.7): /api/ops/plans/*, /api/ops/sessions/*. */
export function registerPlanRoutes(app: TRouteApp, deps: TDeps): void {
  // Plans: trainers draft and submit, the leader approves or returns, supervisors and deputies read.
  app.get('/api/ops/plans', { config: readers, schema: { tags, summary: 'Training plans, newest year first (submitted ones first)', querystring: ZPlanListQuery, response: { 200: ZPlanList } } }, async (request) =>
    listPlans(deps, requireAuth(request), request.query),
  );
  app.post('/api/ops/plans', { config: authors, schema: { tags, summary: 'Start a plan as a draft', body: ZPlanInput, response: { 201: ZPlanDetail } } }, async (request, reply) =>
    reply.code(201).send(await createPlan(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get('/api/ops/plans/:id', { config: readers, schema: { tags, summary: 'A plan with its versions, what changed between them, and the leader’s comments', params: ZIdParams, response: { 200: ZPlanDetail } } }, async (request) =>
    getPlan(deps, requireAuth(request), request.params.id),
  );
  app.put('/api/ops/plans/:id', { config: authors, schema: { tags, summary: 'Save a draft or a returned plan (a returned plan becomes a draft)', params: ZIdParams, body: ZPlanInput, response: { 200: ZPlanDetail } } }, async (request) =>
    updatePlan(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.delete('/api/ops/plans/:id', { config: authors, schema: { tags, summary: 'Delete a draft that was never submitted', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await deletePlan(deps, requireAuth(request), request.params.id, request.ip);
    return { ok: true as const };
  });
  app.post('/api/ops/plans/:id/submit', { config: authors, schema: { tags, summary: 'Submit the plan to the leader: freezes the next version', params: ZIdParams, response: { 200: ZPlanDetail } } }, async (request) =>
    submitPlan(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.post(
    '/api/ops/plans/:id/approve',
    { config: deciders, schema: { tags, summary: 'Approve the submitted version: its items become sessions (once)', params: ZIdParams, body: ZPlanApproveRequest, response: { 200: z.object({ plan: ZPlanDetail, createdSessions: z.number().int() }) } } },
    async (request) => approvePlan(deps, requireAuth(request), request.params.id, request.body.comment, request.ip),
  );
  app.post(
    '/api/ops/plans/:id/return',
    { config: deciders, schema: { tags, summary: 'Return the submitted version with what should change', params: ZIdParams, body: ZPlanReturnRequest, response: { 200: ZPlanDetail } } },
    async (request) => returnPlan(deps, requireAuth(request), request.params.id, request.body.comment, request.ip),
  );

  // Sessions: the calendar, scheduling, sign-in, attendance, closing.
  app.get('/api/ops/sessions', { config: sessionReaders, schema: { tags, summary: 'Sessions starting between two days (China time), with attendance counts', querystring: ZSessionListQuery, response: { 200: ZSessionList } } }, async (request) =>
    listSessions(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/ops/sessions',
    { config: sessionManagers, schema: { tags, summary: 'Schedule a one-off (or make-up) session and enrol people and teams; supervisors: drills for their teams', body: ZSessionInput, response: { 201: ZSessionDetail } } },
    async (request, reply) => reply.code(201).send(await createSession(deps, requireAuth(request), request.body, request.ip)),
  );
  app.get('/api/ops/sessions/:id', { config: sessionReaders, schema: { tags, summary: 'A session with the enrolled people the caller may see and their attendance', params: ZIdParams, response: { 200: ZSessionDetail } } }, async (request) =>
    getSession(deps, requireAuth(request), request.params.id),
  );
  app.patch('/api/ops/sessions/:id', { config: sessionManagers, schema: { tags, summary: 'Change a session’s title, time, place or instructor', params: ZIdParams, body: ZSessionUpdate, response: { 200: ZSessionDetail } } }, async (request) =>
    updateSession(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post('/api/ops/sessions/:id/cancel', { config: sessionManagers, schema: { tags, summary: 'Cancel a session and tell the people enrolled', params: ZIdParams, response: { 200: ZSessionDetail } } }, async (request) =>
    cancelSession(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.post('/api/ops/sessions/:id/enrol', { config: sessionManagers, schema: { tags, summary: 'Enrol more people or teams', params: ZIdParams, body: ZEnrolRequest, response: { 200: ZSessionDetail } } }, async (request) =>
    enrolInSession(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/api/ops/sessions/:id/sign-in-code',
    { config: sessionManagers, schema: { tags, summary: 'Start sign-in: the session’s short code (valid 30 minutes before the start until the end) and its QR path', params: ZIdParams, response: { 200: ZSignInCode } } },
    async (request) => startSignIn(deps, requireAuth(request), request.params.id, request.ip),
  );
  app.post(
    '/api/ops/sessions/:id/sign-in',
    { config: { access: 'any' }, schema: { tags, summary: 'Sign in to a session I am enrolled in with its code', params: ZIdParams, body: ZSignInRequest, response: { 200: ZSignInResult } } },
    async (request) => signIn(deps, requireAuth(request), request.params.id, request.body),
  );
  app.post(
    '/api/ops/sessions/:id/attendance',
    { config: sessionManagers, schema: { tags, summary: 'Correct attendance: present, late, excused (with the reason), absent', params: ZIdParams, body: ZAttendanceMarks, response: { 200: ZSessionDetail } } },
    async (request) => markAttendance(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post(
    '/api/ops/sessions/:id/close',
    { config: sessionManagers, schema: { tags, summary: 'Close the session: the missing become absent, with warnings, make-up tasks and notices; the reaction questionnaire is sent', params: ZIdParams, body: ZCloseSessionRequest, response: { 200: ZCloseSessionResult } } },
    async (request) => closeSession(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );

  // Attendance and make-ups.
  app.get('/api/ops/attendance', { config: sessionReaders, schema: { tags, summary: 'Attendance rates by team and person, repeated absences, open make-up tasks (supervisors: their teams)', querystring: ZAttendanceQuery, response: { 200: ZAttendanceOverview } } }, async (request) =>
    attendanceOverview(deps, requireAuth(request), request.query),
  );
  app.get('/api/ops/make-ups', { config: sessionReaders, schema: { tags, summary: 'Make-up tasks by status (supervisors: their teams)', querystring: ZMakeUpQuery, response: { 200: ZMakeUpList } } }, async (request) =>
    listMakeUps(deps, requireAuth(request), request.query.status),
  );
  app.patch('/api/ops/make-ups/:id', { config: trainers, schema: { tags, summary: 'Choose the make-up session or exam of an open task, and its due date', params: ZIdParams, body: ZMakeUpUpdate, response: { 200: ZMakeUpTask } } }, async (request) =>
    updateMakeUp(deps, requireAuth(request), request.params.id, request.body, request.ip),
  );
  app.post('/api/ops/make-ups/:id/waive', { config: trainers, schema: { tags, summary: 'Waive an open make-up task, with the reason', params: ZIdParams, body: ZWaiveRequest, response: { 200: ZMakeUpTask } } }, async (request) =>
    waiveMakeUp(deps, requireAuth(request), request.params.id, request.body.reason, request.ip),
  );

  // Everyone's own.
  app.post(
    '/api/ops/my/sign-in',
    { config: { access: 'any' }, schema: { tags, summary: 'Sign in with a typed code: to the session of mine whose code it is', body: ZSignInRequest, response: { 200: ZSignInResult } } },
    async (request) => signInWithCode(deps, requireAuth(request), request.body),
  );
  app.get('/api/ops/my/sessions', { config: { access: 'any' }, schema: { tags, summary: 'My upcoming and past sessions with my attendance, and my make-up tasks', response: { 200: ZMySessions } } }, async (request) =>
    mySessions(deps, requireAuth(request)),
  );
}
