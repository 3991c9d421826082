import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { updateMembership } from '../repositories/user.repository.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { DEFAULT_MENTORSHIP_TASKS } from './mentoring.service.js';
import { todayInChina } from './record.service.js';

/**
 * Mentoring (SPEC §2.7): every new hire must have a mentor; the overview shows who has none,
 * one active mentor per mentee, notes stay with the mentor and the training group.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let org: string;
let preSales: string;
let afterSales: string;
let supervisor: TTestSession;
let trainer: TTestSession;
let mentor: { id: string; session: TTestSession };
let otherMentor: { id: string; session: TTestSession };
let newHire: { id: string; session: TTestSession };
let otherTeamHire: string;
let veteran: string;

const daysAgo = (days: number) => new Date(new Date(`${todayInChina()}T00:00:00Z`).getTime() - days * 86_400_000).toISOString().slice(0, 10);

async function member(roles: Parameters<typeof buildUser>[2]['roles'], teamIds: string[], displayName: string, hiredDaysAgo?: number) {
  const user = await buildUser(db, org, { roles, teamIds, displayName });
  if (hiredDaysAgo !== undefined) await updateMembership(db, org, user.id, { hireDate: daysAgo(hiredDaysAgo) });
  return { id: user.id, session: await signIn(app, user.login) };
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  org = await buildOrganisation(db);
  preSales = await buildTeam(db, org, '售前');
  afterSales = await buildTeam(db, org, '售后');
  supervisor = (await member(['supervisor'], [preSales], '郑主管')).session;
  trainer = (await member(['trainer'], [], '吴培训')).session;
  mentor = await member(['mentor', 'agent'], [preSales], '王导师', 800);
  otherMentor = await member(['mentor', 'agent'], [afterSales], '林导师', 900);
  newHire = await member(['agent'], [preSales], '新人小陈', 12);
  otherTeamHire = (await member(['agent'], [afterSales], '新人小黄', 30)).id;
  veteran = (await member(['agent'], [preSales], '老员工', 400)).id;
});

afterAll(async () => {
  await app.close();
  await drop();
});

const overview = async (session: TTestSession) => {
  const response = await app.inject({ method: 'GET', url: '/api/ops/mentoring', headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { newHires: { user: { id: string }; mentorship: { id: string } | null }[]; mentors: { id: string }[] };
};
const assign = (session: TTestSession, menteeUserId: string, mentorUserId: string) => app.inject({ method: 'POST', url: '/api/ops/mentoring', headers: session.headers, payload: { menteeUserId, mentorUserId } });

describe('mentoring', () => {
  it('lists new hires without a mentor: a supervisor their teams, the training group everyone', async () => {
    const mine = await overview(supervisor);
    expect(mine.newHires.map((h) => h.user.id)).toEqual([newHire.id]);
    expect(mine.newHires[0]!.mentorship).toBeNull();
    const all = await overview(trainer);
    expect(all.newHires.map((h) => h.user.id).sort()).toEqual([newHire.id, otherTeamHire].sort());
    expect(all.newHires.map((h) => h.user.id)).not.toContain(veteran);
    expect(all.mentors.map((m) => m.id).sort()).toEqual([mentor.id, otherMentor.id].sort());
  });

  it('assigns a mentor with the default checklist, once: a second active mentor is refused', async () => {
    const created = await assign(supervisor, newHire.id, mentor.id);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual(expect.objectContaining({ mentor: { id: mentor.id, displayName: '王导师' }, tasksDone: 0, tasksTotal: DEFAULT_MENTORSHIP_TASKS.length, endedOn: null }));
    const again = await assign(trainer, newHire.id, otherMentor.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const mine = await overview(supervisor);
    expect(mine.newHires[0]!.mentorship?.id).toBe(created.json().id);
  });

  it('two managers assigning at the same time: one wins, the other gets 409', async () => {
    const [a, b] = await Promise.all([assign(trainer, otherTeamHire, mentor.id), assign(trainer, otherTeamHire, otherMentor.id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const all = await overview(trainer);
    expect(all.newHires.find((h) => h.user.id === otherTeamHire)?.mentorship).not.toBeNull();
  });

  it('refuses a mentor without the mentor role and a supervisor assigning outside their teams', async () => {
    const notMentor = await assign(trainer, veteran, veteran);
    expect(notMentor.statusCode).toBe(400);
    expect(notMentor.json().error.issues[0].path).toBe('mentorUserId');
    const outside = await assign(supervisor, otherTeamHire, mentor.id);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.issues[0]).toEqual({ path: 'menteeUserId', message: 'not in your teams' });
  });

  it('the mentor writes notes and ticks tasks; the mentee sees the checklist but not the notes; the supervisor sees results without notes', async () => {
    const id = (await overview(supervisor)).newHires[0]!.mentorship!.id;
    const noted = await app.inject({ method: 'POST', url: `/api/ops/mentoring/${id}/notes`, headers: mentor.session.headers, payload: { body: '第一次见面：她接待很有礼貌，但遇到催单容易急。下周练“催发货”。' } });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json().notes).toHaveLength(1);
    const taskId = noted.json().tasks[0].id;
    const ticked = await app.inject({ method: 'PUT', url: `/api/ops/mentoring/tasks/${taskId}/done`, headers: mentor.session.headers, payload: { isDone: true } });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().tasksDone).toBe(1);
    expect(ticked.json().tasks[0].doneBy).toEqual({ id: mentor.id, displayName: '王导师' });
    expect(ticked.json().results).toEqual(expect.objectContaining({ courses: [], exams: [], qa: expect.objectContaining({ conversations: 0 }) }));

    const asMentee = await app.inject({ method: 'GET', url: '/api/ops/my/mentoring', headers: newHire.session.headers });
    expect(asMentee.json().asMentee.mentorship.mentor.displayName).toBe('王导师');
    expect(asMentee.json().asMentee.tasks).toHaveLength(DEFAULT_MENTORSHIP_TASKS.length);
    expect(JSON.stringify(asMentee.json())).not.toContain('第一次见面');
    expect((await app.inject({ method: 'GET', url: `/api/ops/mentoring/${id}`, headers: newHire.session.headers })).statusCode).toBe(403);

    const asMentor = await app.inject({ method: 'GET', url: '/api/ops/my/mentoring', headers: mentor.session.headers });
    expect(asMentor.json().asMentor.map((m: { mentee: { id: string } }) => m.mentee.id)).toContain(newHire.id);

    const bySupervisor = await app.inject({ method: 'GET', url: `/api/ops/mentoring/${id}`, headers: supervisor.headers });
    expect(bySupervisor.statusCode).toBe(200);
    expect(bySupervisor.json().notes).toBeNull();
    expect(bySupervisor.json().canEnd).toBe(true);

    // Another mentor does not see this mentorship at all.
    expect((await app.inject({ method: 'GET', url: `/api/ops/mentoring/${id}`, headers: otherMentor.session.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/ops/mentoring/${id}/notes`, headers: otherMentor.session.headers, payload: { body: '路过' } })).statusCode).toBe(404);
  });

  it('ending a mentorship frees the mentee for a new mentor and makes it read-only', async () => {
    const id = (await overview(supervisor)).newHires[0]!.mentorship!.id;
    const ended = await app.inject({ method: 'POST', url: `/api/ops/mentoring/${id}/end`, headers: supervisor.headers, payload: {} });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().endedOn).toBe(todayInChina());
    expect((await app.inject({ method: 'POST', url: `/api/ops/mentoring/${id}/end`, headers: supervisor.headers, payload: {} })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/ops/mentoring/${id}/notes`, headers: mentor.session.headers, payload: { body: '补一条' } })).statusCode).toBe(409);
    expect((await overview(supervisor)).newHires[0]!.mentorship).toBeNull();
    expect((await assign(trainer, newHire.id, otherMentor.id)).statusCode).toBe(201);
  });
});
