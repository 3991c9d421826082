import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { notifications, sessionEnrolments, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { generatePlanSessions } from './plan.service.js';
import { ZPlanContent } from '@calmdesk/shared';

/**
 * The yearly plan's workflow on a real database: a trainer drafts and submits, only the leader
 * approves or returns, a returned plan edited and submitted again becomes version 2 with the
 * leader's comment and the item changes kept, and approval creates the sessions (with the items'
 * teams and people enrolled) exactly once.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let teamA: string;
let teamAMembers: string[];
let extraPerson: string;
let trainerId: string;
let leaderId: string;
let trainer: TTestSession;
let leader: TTestSession;
let deputy: TTestSession;
let supervisor: TTestSession;
let agent: TTestSession;
let outsiderTrainer: TTestSession;

const plan = (items: unknown[], overrides: Record<string, unknown> = {}) => ({
  year: 2027,
  title: '2027 年度情绪管理培训计划',
  content: { goals: ['投诉升级率下降 20%', '新员工三个月内通过情绪管理考试'], methods: '课堂讲授 + 角色扮演 + 导师带教', items, budget: 30000 },
  ...overrides,
});
const MONTHLY = { id: 'monthly', theme: '月度专题：投诉安抚话术', kind: 'classroom', date: '2027-01-14', startTime: '14:00', durationMinutes: 120, repeat: 3, everyDays: 28, budget: 1500 };
const DRILL = { id: 'drill', theme: '差评回访演练', kind: 'drill', date: '2027-02-03', startTime: '10:00', durationMinutes: 90, scenarioIds: [] as string[] };

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  teamA = await buildTeam(db, organisationId, '售后服务组');
  teamAMembers = [(await buildUser(db, organisationId, { teamIds: [teamA] })).id, (await buildUser(db, organisationId, { teamIds: [teamA] })).id];
  extraPerson = (await buildUser(db, organisationId)).id;
  const trainerUser = await buildUser(db, organisationId, { roles: ['trainer'] });
  trainerId = trainerUser.id;
  trainer = await signIn(app, trainerUser.login);
  const leaderUser = await buildUser(db, organisationId, { roles: ['leader'] });
  leaderId = leaderUser.id;
  leader = await signIn(app, leaderUser.login);
  deputy = await signIn(app, (await buildUser(db, organisationId, { roles: ['deputy'] })).login);
  supervisor = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamA] })).login);
  agent = await signIn(app, (await buildUser(db, organisationId, { teamIds: [teamA] })).login);
  outsiderTrainer = await signIn(app, (await buildUser(db, await buildOrganisation(db), { roles: ['trainer', 'leader'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

const call = (session: TTestSession, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const noticesOf = async (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));

describe('plan workflow', () => {
  let planId: string;

  it('lets a trainer draft a plan; agents may not even read plans', async () => {
    const created = await call(trainer, 'POST', '/api/ops/plans', plan([MONTHLY]));
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 0, itemCount: 1, plannedSessionCount: 3, itemsBudget: 1500, budget: 30000 });
    expect((await call(agent, 'GET', '/api/ops/plans')).statusCode).toBe(403);
    expect((await call(agent, 'GET', `/api/ops/plans/${planId}`)).statusCode).toBe(403);
  });

  it('lets supervisors and deputies read plans but not write or decide', async () => {
    expect((await call(supervisor, 'GET', `/api/ops/plans/${planId}`)).json().title).toBe('2027 年度情绪管理培训计划');
    expect((await call(deputy, 'GET', '/api/ops/plans')).json().plans).toHaveLength(1);
    expect((await call(supervisor, 'PUT', `/api/ops/plans/${planId}`, plan([MONTHLY]))).statusCode).toBe(403);
    expect((await call(deputy, 'POST', `/api/ops/plans/${planId}/approve`, {})).statusCode).toBe(403);
  });

  it('does not let the leader submit a trainer’s draft, nor decide on a draft', async () => {
    expect((await call(leader, 'POST', `/api/ops/plans/${planId}/submit`)).statusCode).toBe(403);
    const early = await call(leader, 'POST', `/api/ops/plans/${planId}/approve`, {});
    expect(early.statusCode).toBe(409);
  });

  it('submits version 1 and tells the leader; the plan is frozen while the leader has it', async () => {
    const submitted = await call(trainer, 'POST', `/api/ops/plans/${planId}/submit`);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 1 });
    expect(submitted.json().versions).toHaveLength(1);
    expect((await noticesOf(leaderId)).map((n) => n.kind)).toContain('plan_submitted');
    const edit = await call(trainer, 'PUT', `/api/ops/plans/${planId}`, plan([MONTHLY, DRILL]));
    expect(edit.statusCode).toBe(409);
    expect((await call(trainer, 'POST', `/api/ops/plans/${planId}/submit`)).statusCode).toBe(409);
  });

  it('does not let a trainer approve or return', async () => {
    expect((await call(trainer, 'POST', `/api/ops/plans/${planId}/approve`, {})).statusCode).toBe(403);
    expect((await call(trainer, 'POST', `/api/ops/plans/${planId}/return`, { comment: '自己退回' })).statusCode).toBe(403);
  });

  it('needs a comment to return a plan, and tells the trainer what it said', async () => {
    expect((await call(leader, 'POST', `/api/ops/plans/${planId}/return`, { comment: '  ' })).statusCode).toBe(400);
    const returned = await call(leader, 'POST', `/api/ops/plans/${planId}/return`, { comment: '请增加差评回访演练，并给出人员名单' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', lastDecision: { version: 1, decision: 'returned', comment: '请增加差评回访演练，并给出人员名单' } });
    const notice = (await noticesOf(trainerId)).find((n) => n.kind === 'plan_returned');
    expect((notice?.body as { zh: string }).zh).toContain('请增加差评回访演练');
  });

  it('edits the returned plan (a draft again) and resubmits it as version 2, keeping the comment and the changes', async () => {
    const changedMonthly = { ...MONTHLY, teamIds: [teamA], userIds: [extraPerson] };
    const edited = await call(trainer, 'PUT', `/api/ops/plans/${planId}`, plan([changedMonthly, DRILL]));
    expect(edited.statusCode).toBe(200);
    expect(edited.json().status).toBe('draft');
    expect(edited.json().pendingChanges).toEqual({ added: [{ id: 'drill', theme: '差评回访演练' }], removed: [], changed: [{ id: 'monthly', theme: MONTHLY.theme, previousTheme: MONTHLY.theme, fields: ['teamIds', 'userIds'] }] });
    const resubmitted = await call(trainer, 'POST', `/api/ops/plans/${planId}/submit`);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    const [v2, v1] = resubmitted.json().versions;
    expect(v2).toMatchObject({ version: 2, decision: null, changes: { added: [{ theme: '差评回访演练' }], removed: [] } });
    expect(v1).toMatchObject({ version: 1, decision: 'returned', decisionComment: '请增加差评回访演练，并给出人员名单', changes: null });
    expect(v1.content.items).toHaveLength(1);
  });

  it('approves: every item becomes its sessions with the teams’ members and people enrolled, and the trainer is told', async () => {
    const approved = await call(leader, 'POST', `/api/ops/plans/${planId}/approve`, { comment: '同意，注意控制预算' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().createdSessions).toBe(4);
    expect(approved.json().plan).toMatchObject({ status: 'approved', generatedSessionCount: 4, lastDecision: { decision: 'approved', comment: '同意，注意控制预算' } });
    const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.planId, planId));
    const monthly = sessions.filter((s) => s.planItemId === 'monthly').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(monthly.map((s) => s.title)).toEqual(['月度专题：投诉安抚话术（第 1/3 场）', '月度专题：投诉安抚话术（第 2/3 场）', '月度专题：投诉安抚话术（第 3/3 场）']);
    expect(monthly[0]!.startsAt.toISOString()).toBe('2027-01-14T06:00:00.000Z');
    expect(monthly[2]!.startsAt.toISOString()).toBe('2027-03-11T06:00:00.000Z');
    const enrolled = await db.select().from(sessionEnrolments).where(eq(sessionEnrolments.sessionId, monthly[0]!.id));
    // The team's two members, the supervisor and agent in the team, and the extra person.
    expect(enrolled.map((e) => e.userId)).toEqual(expect.arrayContaining([...teamAMembers, extraPerson]));
    expect(enrolled).toHaveLength(5);
    expect((await noticesOf(trainerId)).map((n) => n.kind)).toContain('plan_approved');
  });

  it('approves only once, and generating again creates nothing', async () => {
    expect((await call(leader, 'POST', `/api/ops/plans/${planId}/approve`, {})).statusCode).toBe(409);
    const detail = (await call(trainer, 'GET', `/api/ops/plans/${planId}`)).json();
    const again = await generatePlanSessions(db, organisationId, planId, ZPlanContent.parse(detail.content), null);
    expect(again).toEqual({ sessions: 0, enrolments: 0 });
    expect(await db.select().from(trainingSessions).where(eq(trainingSessions.planId, planId))).toHaveLength(4);
    expect((await call(trainer, 'PUT', `/api/ops/plans/${planId}`, plan([MONTHLY]))).statusCode).toBe(409);
  });
});

describe('plan input', () => {
  it('names the item whose date is outside the plan year', async () => {
    const response = await call(trainer, 'POST', '/api/ops/plans', plan([{ ...MONTHLY, date: '2028-01-14' }]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('body.content.items.0.date');
  });

  it('refuses a team of another organisation', async () => {
    const otherTeam = await buildTeam(db, await buildOrganisation(db));
    const response = await call(trainer, 'POST', '/api/ops/plans', plan([{ ...MONTHLY, teamIds: [otherTeam] }]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('content.items.0.teamIds');
  });

  it('will not submit a plan without goals or items', async () => {
    const created = (await call(trainer, 'POST', '/api/ops/plans', { year: 2027, title: '空计划', content: {} })).json();
    const response = await call(trainer, 'POST', `/api/ops/plans/${created.id}/submit`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['content.goals', 'content.items']);
  });

  it('deletes a draft never submitted, not a plan with versions', async () => {
    const draft = (await call(trainer, 'POST', '/api/ops/plans', plan([MONTHLY]))).json();
    expect((await call(trainer, 'DELETE', `/api/ops/plans/${draft.id}`)).statusCode).toBe(200);
    expect((await call(trainer, 'GET', `/api/ops/plans/${draft.id}`)).statusCode).toBe(404);
    const submitted = (await call(trainer, 'POST', '/api/ops/plans', plan([MONTHLY]))).json();
    await call(trainer, 'POST', `/api/ops/plans/${submitted.id}/submit`);
    expect((await call(trainer, 'DELETE', `/api/ops/plans/${submitted.id}`)).statusCode).toBe(409);
  });

  it("hides another organisation's plans", async () => {
    const mine = (await call(trainer, 'POST', '/api/ops/plans', plan([MONTHLY]))).json();
    expect((await call(outsiderTrainer, 'GET', `/api/ops/plans/${mine.id}`)).statusCode).toBe(404);
    expect((await call(outsiderTrainer, 'POST', `/api/ops/plans/${mine.id}/submit`)).statusCode).toBe(404);
    expect((await call(outsiderTrainer, 'GET', '/api/ops/plans')).json().plans).toEqual([]);
  });
});
