import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { auditLog, enrolments, notifications, roleplayAssignmentTargets } from '../db/schema.js';
import { getScenarios } from '../lib/scenarios.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Person records (SPEC §2.10) are seen by the person, their supervisors and the training group
 * only: not by other agents, not by mentors, not by admins, not by another organisation.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let orgA: string;
const people: Record<string, { id: string; session: TTestSession }> = {};
let recordOfLi: string;
let recordOfChen: string;
let outsider: TTestSession;
const SCENARIO = [...getScenarios().keys()][0]!;

async function person(key: string, organisationId: string, roles: Parameters<typeof buildUser>[2]['roles'], teamIds: string[] = []) {
  const user = await buildUser(db, organisationId, { roles, teamIds, displayName: key });
  people[key] = { id: user.id, session: await signIn(app, user.login) };
  return people[key]!;
}

async function addRecord(by: TTestSession, body: object) {
  return app.inject({ method: 'POST', url: '/api/ops/records', headers: by.headers, payload: body });
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  orgA = await buildOrganisation(db);
  const preSales = await buildTeam(db, orgA, '售前');
  const afterSales = await buildTeam(db, orgA, '售后');
  await person('李思琪', orgA, ['agent'], [preSales]);
  await person('陈雨桐', orgA, ['agent'], [afterSales]);
  await person('郑主管', orgA, ['supervisor'], [preSales]);
  await person('王导师', orgA, ['mentor', 'agent'], [preSales]);
  await person('吴培训', orgA, ['trainer']);
  await person('赵管理员', orgA, ['admin']);
  await person('孙组长', orgA, ['leader']);
  const orgB = await buildOrganisation(db);
  outsider = await signIn(app, (await buildUser(db, orgB, { roles: ['agent', 'mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'] })).login);

  const li = await addRecord(people['郑主管']!.session, { userId: people['李思琪']!.id, kind: 'warning', reason: '顾客投诉：回复“这不归我管”，引发升级', sourceType: 'complaint', sourceRef: 'TB20261101-88' });
  expect(li.statusCode, li.body).toBe(201);
  recordOfLi = li.json().id;
  const chen = await addRecord(people['吴培训']!.session, { userId: people['陈雨桐']!.id, kind: 'deduction', reason: '差评：退款处理中语气不耐烦', sourceType: 'complaint', points: 3 });
  expect(chen.statusCode, chen.body).toBe(201);
  recordOfChen = chen.json().id;
});

afterAll(async () => {
  await app.close();
  await drop();
});

const get = (session: TTestSession, url: string) => app.inject({ method: 'GET', url, headers: session.headers });
const idsOf = (response: { json: () => { records: { id: string }[] } }) => response.json().records.map((r) => r.id);

describe('person records: who sees them', () => {
  it('an agent sees only their own records', async () => {
    const li = people['李思琪']!.session;
    expect(idsOf(await get(li, '/api/ops/my/records'))).toEqual([recordOfLi]);
    expect(idsOf(await get(people['陈雨桐']!.session, '/api/ops/my/records'))).toEqual([recordOfChen]);
    expect((await get(li, '/api/ops/records')).statusCode).toBe(403);
    expect((await get(li, `/api/ops/records/${recordOfChen}`)).statusCode).toBe(403);
  });

  it("a supervisor sees their teams' records only", async () => {
    const supervisor = people['郑主管']!.session;
    const list = await get(supervisor, '/api/ops/records');
    expect(list.statusCode).toBe(200);
    expect(idsOf(list)).toEqual([recordOfLi]);
    expect((list.json().people as { displayName: string }[]).map((p) => p.displayName).sort()).toEqual(['李思琪', '王导师', '郑主管'].sort());
    expect((await get(supervisor, `/api/ops/records/${recordOfLi}`)).statusCode).toBe(200);
    expect((await get(supervisor, `/api/ops/records/${recordOfChen}`)).statusCode).toBe(404);
    expect(idsOf(await get(supervisor, `/api/ops/records?userId=${people['陈雨桐']!.id}`))).toEqual([]);
  });

  it('a supervisor cannot add a record for someone outside their teams', async () => {
    const response = await addRecord(people['郑主管']!.session, { userId: people['陈雨桐']!.id, kind: 'warning', reason: '越权' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0]).toEqual({ path: 'userId', message: 'not in your teams' });
  });

  it('the training group sees everyone, filtered by kind', async () => {
    const trainer = people['吴培训']!.session;
    expect(idsOf(await get(trainer, '/api/ops/records')).sort()).toEqual([recordOfLi, recordOfChen].sort());
    expect(idsOf(await get(people['孙组长']!.session, '/api/ops/records?kind=deduction'))).toEqual([recordOfChen]);
  });

  it('a mentor and an admin see none of it', async () => {
    for (const key of ['王导师', '赵管理员']) {
      const session = people[key]!.session;
      expect((await get(session, '/api/ops/records')).statusCode).toBe(403);
      expect((await get(session, `/api/ops/records/${recordOfLi}`)).statusCode).toBe(403);
      expect(idsOf(await get(session, '/api/ops/my/records'))).toEqual([]);
    }
  });

  it("another organisation gets 404 for this organisation's record", async () => {
    const response = await get(outsider, `/api/ops/records/${recordOfLi}`);
    expect(response.statusCode).toBe(404);
    expect(idsOf(await get(outsider, '/api/ops/records'))).toEqual([]);
  });
});

describe('adding records', () => {
  it('mandatory re-training assigns the scenario, is audited and tells the person', async () => {
    const li = people['李思琪']!;
    const response = await addRecord(people['吴培训']!.session, { userId: li.id, kind: 'retraining', reason: '投诉后复训：先回应情绪再处理问题', sourceType: 'complaint', scenarioId: SCENARIO, dueDate: '2099-01-31' });
    expect(response.statusCode, response.body).toBe(201);
    const record = response.json();
    expect(record.retraining).toEqual(expect.objectContaining({ scenarioId: SCENARIO, courseId: null, dueDate: '2099-01-31' }));
    expect(record.retraining.scenarioTitle.zh.length).toBeGreaterThan(0);
    expect(await db.select().from(roleplayAssignmentTargets).where(eq(roleplayAssignmentTargets.userId, li.id))).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'record.created'), eq(auditLog.targetId, record.id)));
    expect(audit).toHaveLength(1);
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, li.id), eq(notifications.kind, 'person_record')));
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(idsOf(await get(li.session, '/api/ops/my/records'))).toContain(record.id);
  });

  it('refuses a deduction without points, re-training without a course or scenario, an unknown course and a duplicate complaint', async () => {
    const trainer = people['吴培训']!.session;
    const li = people['李思琪']!.id;
    const noPoints = await addRecord(trainer, { userId: li, kind: 'deduction', reason: '差评' });
    expect(noPoints.statusCode).toBe(400);
    expect(noPoints.json().error.message).toContain('points');
    expect((await addRecord(trainer, { userId: li, kind: 'retraining', reason: '复训' })).statusCode).toBe(400);
    const unknownCourse = await addRecord(trainer, { userId: li, kind: 'retraining', reason: '复训', courseId: '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10' });
    expect(unknownCourse.statusCode).toBe(400);
    expect(unknownCourse.json().error.issues[0].path).toBe('courseId');
    expect(await db.select().from(enrolments).where(eq(enrolments.userId, li))).toHaveLength(0);
    const duplicate = await addRecord(trainer, { userId: li, kind: 'warning', reason: '同一投诉', sourceType: 'complaint', sourceRef: 'TB20261101-88' });
    expect(duplicate.statusCode).toBe(409);
  });
});
