import type { TRole } from '@calmdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import { buildApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { getEngine } from '../lib/engine.js';
import { getScenarios } from '../lib/scenarios.js';
import { buildOrganisation, buildTeam, buildTestConfig, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { EVALUATION_POLICY } from '../test/policy/evaluation.js';
import { NOTIFICATIONS_POLICY } from '../test/policy/notifications.js';
import { PEOPLE_POLICY } from '../test/policy/people.js';
import { PLANS_POLICY } from '../test/policy/plans.js';
import { SURVEYS_POLICY } from '../test/policy/surveys.js';
import { SELFCARE_POLICY } from '../test/policy/selfcare.js';
import { ASSIST_POLICY } from '../test/policy/assist.js';
import type { TRouteCase } from '../test/policy/types.js';

/**
 * Every route, called as every role and as another organisation's admin.
 * The expected table is written out here, by hand, on purpose: it is the product's
 * access policy, and it must not be derived from the routes' own declarations.
 * A new route that is not in this table fails the test until someone decides who may call it.
 */
const ALL: readonly TRole[] = ['agent', 'mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'];
const ADMIN: readonly TRole[] = ['admin'];
const COACHES: readonly TRole[] = ['trainer', 'mentor', 'supervisor', 'deputy', 'leader'];
const ASSIGNERS: readonly TRole[] = ['trainer', 'mentor'];
const QA_IMPORTERS: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader', 'admin'];
const SCENARIO = [...getScenarios().keys()][0]!;

const TEXT = { zh: '标题', en: 'Title' };
const COURSE_INPUT = { title: TEXT, summary: TEXT, audience: TEXT, tags: ['matrix'] };
const LESSON_INPUT = { title: TEXT, summary: TEXT, minutes: 5, exercise: 'none', video: null, downloads: [], bodyMd: '正文', quizKeys: [] };
const QUESTION_INPUT = { type: 'true_false', difficulty: 1, tags: ['matrix'], stem: '先共情？', options: [], answer: [true], explanation: '是。', rubric: null };
const CASE_INPUT = { title: TEXT, kind: 'good', tags: [], goods: 'food', bodyMd: '正文' };

let ids: { user: string; team: string; attempt: string };

const POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/health', allowed: 'public' },
  { method: 'POST', url: '/api/auth/login', allowed: 'public' },
  { method: 'GET', url: '/api/auth/session', allowed: ALL },
  { method: 'POST', url: '/api/auth/logout', allowed: ALL },
  { method: 'POST', url: '/api/auth/switch-organisation', allowed: ALL, body: () => ({ organisationId: '00000000-0000-4000-8000-000000000000' }) },
  { method: 'PATCH', url: '/api/me', allowed: ALL, body: () => ({ locale: 'en' }) },
  { method: 'POST', url: '/api/me/password', allowed: ALL, body: () => ({ currentPassword: 'wrong-one', newPassword: 'whatever-12345' }) },
  { method: 'GET', url: '/api/teams', allowed: ALL },
  { method: 'GET', url: '/api/people', allowed: ['trainer', 'mentor', 'supervisor', 'deputy', 'leader', 'admin'] },
  { method: 'GET', url: '/api/admin/users', allowed: ADMIN },
  { method: 'POST', url: '/api/admin/users', allowed: ADMIN, body: () => ({ login: `m-${Math.random().toString(36).slice(2, 8)}`, displayName: 'x', password: 'long-enough-pw', roles: ['agent'] }) },
  { method: 'GET', url: '/api/admin/users/:id', allowed: ADMIN },
  { method: 'PATCH', url: '/api/admin/users/:id', allowed: ADMIN, body: () => ({ displayName: '改名' }) },
  { method: 'POST', url: '/api/admin/users/:id/password', allowed: ADMIN, body: () => ({ newPassword: 'reset-password-1' }) },
  { method: 'DELETE', url: '/api/admin/users/:id', allowed: ADMIN },
  { method: 'POST', url: '/api/admin/teams', allowed: ADMIN, body: () => ({ name: `t-${Math.random()}` }) },
  { method: 'PATCH', url: '/api/admin/teams/:id', allowed: ADMIN, body: () => ({ description: 'd' }) },
  { method: 'DELETE', url: '/api/admin/teams/:id', allowed: ADMIN },
  { method: 'GET', url: '/api/admin/audit', allowed: ADMIN },
  { method: 'POST', url: '/api/analyze/message', allowed: ALL, body: () => ({ text: '还没发货吗？' }) },
  { method: 'POST', url: '/api/analyze/reply', allowed: ALL, body: () => ({ text: '请耐心等待' }) },
  { method: 'POST', url: '/api/analyze/messages', allowed: ALL, body: () => ({ items: [{ text: '好的' }] }) },
  { method: 'POST', url: '/api/analyze/replies', allowed: ALL, body: () => ({ items: [{ text: '好的' }] }) },
  { method: 'GET', url: '/api/learning/courses', allowed: ALL },
  { method: 'GET', url: '/api/learning/courses/:id', allowed: ALL },
  { method: 'GET', url: '/api/learning/lessons/:id', allowed: ALL },
  { method: 'GET', url: '/api/learning/cases', allowed: ALL },
  { method: 'GET', url: '/api/learning/progress', allowed: ALL },
  { method: 'POST', url: '/api/learning/courses/:id/assign', allowed: ['trainer'], body: () => ({ userIds: [ids.user] }) },
  { method: 'POST', url: '/api/learning/courses/:id/feedback', allowed: ALL, body: () => ({ content: 5, method: 4, instructor: 5 }) },
  { method: 'GET', url: '/api/learning/courses/:id/feedback', allowed: ['trainer', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/learning/courses/:id/export', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/courses/import', allowed: ['trainer'], body: () => ({ format: 'calmdesk-course-v1' }) },
  { method: 'GET', url: '/api/learning/overview', allowed: ['trainer', 'supervisor', 'deputy', 'leader'] },
  { method: 'POST', url: '/api/learning/courses/:id/enrol', allowed: ALL },
  { method: 'POST', url: '/api/learning/lessons/:id/complete', allowed: ALL, body: () => ({ answers: {} }) },
  { method: 'GET', url: '/api/learning/cases/:id', allowed: ALL },
  { method: 'GET', url: '/api/exams', allowed: ALL },
  { method: 'POST', url: '/api/exams', allowed: ['trainer'], body: () => ({ title: { zh: '考试', en: 'Exam' }, tags: ['none'], questionCount: 1, timeLimitMinutes: 10, passMark: 60, maxAttempts: 2 }) },
  { method: 'POST', url: '/api/exams/:id/attempts', allowed: ALL },
  { method: 'GET', url: '/api/exam-attempts/:id', allowed: ALL },
  { method: 'POST', url: '/api/exam-attempts/:id/submit', allowed: ALL, body: () => ({ answers: {} }) },
  { method: 'POST', url: '/api/exam-attempts/:id/grade', allowed: ['trainer'], body: () => ({ scores: {} }) },
  { method: 'GET', url: '/api/exams/:id/question-stats', allowed: ['trainer', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/learning/overview.xlsx', allowed: ['trainer', 'supervisor', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/learning/authoring/courses', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/courses', allowed: ['trainer'], body: () => COURSE_INPUT },
  { method: 'PUT', url: '/api/learning/courses/:id', allowed: ['trainer'], body: () => COURSE_INPUT },
  { method: 'DELETE', url: '/api/learning/courses/:id', allowed: ['trainer'] },
  { method: 'PUT', url: '/api/learning/courses/:id/lesson-order', allowed: ['trainer'], body: () => ({ lessonIds: ['5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10'] }) },
  { method: 'POST', url: '/api/learning/courses/:id/lessons', allowed: ['trainer'], body: () => LESSON_INPUT },
  { method: 'GET', url: '/api/learning/lessons/:id/source', allowed: ['trainer'] },
  { method: 'PUT', url: '/api/learning/lessons/:id', allowed: ['trainer'], body: () => LESSON_INPUT },
  { method: 'DELETE', url: '/api/learning/lessons/:id', allowed: ['trainer'] },
  { method: 'GET', url: '/api/learning/questions', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/questions', allowed: ['trainer'], body: () => QUESTION_INPUT },
  { method: 'PUT', url: '/api/learning/questions/:id', allowed: ['trainer'], body: () => QUESTION_INPUT },
  { method: 'DELETE', url: '/api/learning/questions/:id', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/questions/:id/restore', allowed: ['trainer'] },
  { method: 'GET', url: '/api/learning/cases/:id/source', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/cases', allowed: ['trainer'], body: () => CASE_INPUT },
  { method: 'PUT', url: '/api/learning/cases/:id', allowed: ['trainer'], body: () => CASE_INPUT },
  { method: 'DELETE', url: '/api/learning/cases/:id', allowed: ['trainer'] },
  { method: 'POST', url: '/api/learning/files', allowed: ['trainer'] },
  { method: 'GET', url: '/api/learning/files', allowed: ['trainer'] },
  { method: 'GET', url: '/api/learning/files/:id', allowed: ALL },
  { method: 'DELETE', url: '/api/learning/files/:id', allowed: ['trainer'] },
  { method: 'GET', url: '/api/learning/assets/:name', allowed: ALL },
  { method: 'GET', url: '/api/exam-attempts', allowed: ['trainer'] },
  { method: 'PUT', url: '/api/exams/:id/published', allowed: ['trainer'], body: () => ({ isPublished: false }) },
  { method: 'GET', url: '/api/exams/:id/results', allowed: ['trainer', 'supervisor', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/exams/:id/results.xlsx', allowed: ['trainer', 'supervisor', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/certificates', allowed: ALL },
  { method: 'POST', url: '/api/certificates', allowed: ['trainer'], body: () => ({ userId: ids.user, courseId: '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10' }) },
  { method: 'GET', url: '/api/certificates/issued', allowed: ['trainer', 'deputy', 'leader'] },
  { method: 'GET', url: '/api/certificates/:id/pdf', allowed: ALL },
  { method: 'POST', url: '/api/certificates/:id/revoke', allowed: ['trainer'], body: () => ({ reason: '核实后撤销' }) },
  { method: 'GET', url: '/api/public/certificates/:code', allowed: 'public' },
  { method: 'POST', url: '/api/qa/imports', allowed: QA_IMPORTERS },
  { method: 'GET', url: '/api/qa/imports', allowed: QA_IMPORTERS },
  { method: 'GET', url: '/api/qa/imports/:id', allowed: QA_IMPORTERS },
  { method: 'GET', url: '/api/qa/imports/:id/preview', allowed: QA_IMPORTERS },
  { method: 'POST', url: '/api/qa/imports/:id/start', allowed: QA_IMPORTERS, body: () => ({ sourceName: '千牛', mapping: { conversationId: '会话ID', role: '发送方', text: '内容' } }) },
  { method: 'POST', url: '/api/qa/imports/:id/cancel', allowed: QA_IMPORTERS },
  { method: 'GET', url: '/api/qa/imports/:id/rejects', allowed: QA_IMPORTERS },
  { method: 'GET', url: '/api/qa/sources', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'GET', url: '/api/qa/conversations', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'GET', url: '/api/qa/conversations/:id', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'GET', url: '/api/qa/stats', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'POST', url: '/api/qa/conversations/:id/practise', allowed: ['trainer'] },
  { method: 'POST', url: '/api/qa/conversations/:id/flag', allowed: QA_IMPORTERS, body: () => ({ reason: '没有先回应情绪' }) },
  { method: 'GET', url: '/api/qa/coaching', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'POST', url: '/api/qa/coaching/:id/comments', allowed: ['mentor', ...QA_IMPORTERS], body: () => ({ body: '下次先道歉' }) },
  { method: 'POST', url: '/api/qa/coaching/:id/done', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'GET', url: '/api/qa/settings', allowed: ['mentor', ...QA_IMPORTERS] },
  { method: 'PUT', url: '/api/qa/settings', allowed: ADMIN, body: () => ({ isMaskingEnabled: true, retentionDays: 365, coachingThreshold: 60 }) },
  { method: 'GET', url: '/api/roleplay/scenarios', allowed: ALL },
  { method: 'GET', url: '/api/roleplay/scenarios/:id', allowed: ALL },
  { method: 'GET', url: '/api/roleplay/scenarios/:id/source', allowed: ['trainer'] },
  { method: 'POST', url: '/api/roleplay/scenarios/validate', allowed: ['trainer', 'mentor'], body: () => ({ yaml: 'id: x' }) },
  { method: 'POST', url: '/api/roleplay/scenarios', allowed: ['trainer'], body: () => ({ yaml: 'id: x', status: 'draft' }) },
  { method: 'PUT', url: '/api/roleplay/scenarios/:id', allowed: ['trainer'], body: () => ({ yaml: 'id: x', status: 'draft' }) },
  { method: 'DELETE', url: '/api/roleplay/scenarios/:id', allowed: ['trainer'] },
  { method: 'POST', url: '/api/roleplay/attempts', allowed: ALL, body: () => ({ scenarioId: SCENARIO, seed: 1 }) },
  { method: 'GET', url: '/api/roleplay/attempts', allowed: ALL },
  { method: 'GET', url: '/api/roleplay/attempts/:id', allowed: ALL },
  { method: 'POST', url: '/api/roleplay/attempts/:id/replies', allowed: ALL, body: () => ({ text: '非常抱歉，我马上查一下。' }) },
  { method: 'POST', url: '/api/roleplay/attempts/:id/comments', allowed: COACHES, body: () => ({ body: '下次先回应情绪。' }) },
  { method: 'GET', url: '/api/roleplay/assignments', allowed: ALL },
  { method: 'GET', url: '/api/roleplay/settings', allowed: ['admin', 'trainer'] },
  { method: 'PUT', url: '/api/roleplay/settings', allowed: ADMIN, body: () => ({ isLlmEnabled: false }) },
  { method: 'POST', url: '/api/roleplay/assignments', allowed: ASSIGNERS, body: () => ({ scenarioId: SCENARIO, userIds: [ids.user] }) },
  // Training operations, evaluation and incentives (SPEC §2.7, §2.8, §2.10): one file per area under test/policy/.
  ...NOTIFICATIONS_POLICY,
  ...SURVEYS_POLICY,
  ...PLANS_POLICY,
  ...PEOPLE_POLICY,
  ...EVALUATION_POLICY,
  // Self-care (SPEC §2.6) and live assist (SPEC §2.5).
  ...SELFCARE_POLICY,
  ...ASSIST_POLICY,
];

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let orgA: string;
const registered: string[] = [];
const sessions = new Map<TRole, TTestSession>();
let outsider: TTestSession;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildApp({ db, config: buildTestConfig(), engine: await getEngine() }, { logger: false });
  await app.ready();
  registered.push(...app.apiRoutes.map((r) => `${r.method} ${r.url}`));
  orgA = await buildOrganisation(db, 'A');
  const orgB = await buildOrganisation(db, 'B');
  for (const role of ALL) sessions.set(role, await signIn(app, (await buildUser(db, orgA, { roles: [role] })).login));
  // Holds every role, so only the organisation boundary can stop it.
  outsider = await signIn(app, (await buildUser(db, orgB, { roles: [...ALL] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

/** Fresh targets per call, so a DELETE in one call does not turn the next into a 404. */
async function freshIds(): Promise<{ user: string; team: string; attempt: string }> {
  const team = await buildTeam(db, orgA);
  const user = (await buildUser(db, orgA, { roles: ['agent'] })).id;
  const trainee = await signIn(app, (await buildUser(db, orgA, { roles: ['agent'] })).login);
  const started = await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: trainee.headers, payload: { scenarioId: SCENARIO, seed: 1 } });
  return { user, team, attempt: started.json().id };
}

/** Objects these routes name are looked up by a random id: they answer 404, which the matrix accepts as "allowed". */
const RANDOM_ID_ROUTES = /^\/api\/(learning\/|exam|certificates\/|qa\/|ops\/|eval\/|selfcare\/|assist\/)/;

function urlFor(route: TRouteCase): string {
  if (route.url === '/api/learning/files') return '/api/learning/files?name=matrix.png';
  if (route.url === '/api/qa/imports' && route.method === 'POST') return '/api/qa/imports?fileName=matrix.csv';
  if (route.url === '/api/learning/assets/:name') return '/api/learning/assets/no-such-asset.pdf';
  if (RANDOM_ID_ROUTES.test(route.url)) return route.url.replace(':id', '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10');
  if (!route.url.includes(':id')) return route.url;
  const id = route.url.includes('/teams/') ? ids.team : route.url.includes('/attempts/') ? ids.attempt : route.url.includes('/scenarios/') ? SCENARIO : ids.user;
  return route.url.replace(':id', id);
}

/** Routes whose URL or body names a real user, team or attempt of organisation A; the others take a random id or none, so they skip the set-up. */
function needsFreshIds(route: TRouteCase): boolean {
  if (route.body?.toString().includes('ids.')) return true;
  return route.url.includes(':id') && !RANDOM_ID_ROUTES.test(route.url) && !route.url.startsWith('/api/roleplay/scenarios/');
}

async function call(route: TRouteCase, headers: Record<string, string>) {
  if (needsFreshIds(route)) ids = await freshIds();
  return app.inject({ method: route.method, url: urlFor(route), headers, ...(route.body ? { payload: route.body() as object } : {}) });
}

describe('authorisation matrix', () => {
  it('covers every registered route', () => {
    const listed = POLICY.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.sort()).toEqual(listed);
  });

  for (const route of POLICY) {
    if (route.allowed === 'public') continue;
    const allowed = route.allowed;
    it(`${route.method} ${route.url}: 401 without a session`, async () => {
      expect((await call(route, {})).statusCode).toBe(401);
    });
    for (const role of ALL) {
      const isAllowed = allowed.includes(role);
      it(`${route.method} ${route.url} as ${role}: ${isAllowed ? 'allowed' : '403'}`, async () => {
        const session = sessions.get(role)!;
        const response = await call(route, session.headers);
        if (isAllowed) {
          expect([401, 403]).not.toContain(response.statusCode);
          expect(response.statusCode).toBeLessThan(500);
        } else {
          expect(response.statusCode).toBe(403);
          expect(response.json().error.code).toBe('FORBIDDEN');
        }
        if (route.url === '/api/auth/logout' || route.url === '/api/me/password') {
          sessions.set(role, await signIn(app, (await buildUser(db, orgA, { roles: [role] })).login));
        }
      });
    }
  }
});

describe('organisation isolation', () => {
  // Scenarios are built-in content shared by every organisation; everything else is scoped.
  const objectRoutes = POLICY.filter((r) => r.url.includes(':id') && !r.url.startsWith('/api/roleplay/scenarios/'));
  for (const route of objectRoutes) {
    it(`${route.method} ${route.url} on another organisation's object: 404`, async () => {
      const response = await call(route, outsider.headers);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    });
  }

  it("does not list another organisation's users", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/admin/users?pageSize=200', headers: outsider.headers });
    const logins = (response.json().users as { login: string }[]).map((u) => u.login);
    expect(logins).toHaveLength(1);
  });
});
