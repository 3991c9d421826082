import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '../db/client.js';
import { makeUpTasks, personRecords, sessionEnrolments, trainingPlans, trainingPlanVersions, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildUser, createTestDatabase } from '../test/helpers.js';
import { seedPlanDemo } from './demo-plans.js';

/**
 * The plans demo on a real database: this year's plan approved with its sessions, the past ones
 * held with attendance, two absentees with warnings and make-up tasks (one repeated, one make-up
 * already attended), today's session with sign-in running, next year's plan waiting as version 2.
 */

let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
const byLogin = new Map<string, string>();

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  organisationId = await buildOrganisation(db);
  const teamIds = [await buildTeam(db, organisationId, '售前咨询组'), await buildTeam(db, organisationId, '售后服务组')];
  const hireDates = new Map<string, string>();
  const logins = ['admin', 'leader', 'deputy', 'trainer', 'supervisor', 'mentor', 'agent', ...Array.from({ length: 14 }, (_, i) => `agent${String(i + 1).padStart(2, '0')}`)];
  for (const [index, login] of logins.entries()) {
    const isFrontLine = login.startsWith('agent') || ['mentor', 'supervisor', 'deputy'].includes(login);
    const user = await buildUser(db, organisationId, { login: `${login}-${organisationId.slice(0, 6)}`, roles: isFrontLine ? ['agent'] : [login as 'trainer'], ...(isFrontLine ? { teamIds: [teamIds[index % 2]!] } : {}) });
    byLogin.set(login, user.id);
    // Most joined long ago; agent14 three weeks before the latest new-hire block.
    hireDates.set(user.id, login === 'agent14' ? new Date(Date.now() - 50 * 86_400_000).toISOString().slice(0, 10) : '2023-05-01');
  }
  await seedPlanDemo(db, organisationId, { byLogin, teamIds, hireDates });
});

afterAll(async () => {
  await drop();
});

describe('plans demo seed', () => {
  it("approves this year's plan and generates its sessions; next year's waits as version 2 after a return", async () => {
    const plans = await db.select().from(trainingPlans).where(eq(trainingPlans.organisationId, organisationId));
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    expect(plans.map((p) => [p.year, p.status, p.version]).sort()).toEqual([
      [year, 'approved', 1],
      [year + 1, 'submitted', 2],
    ]);
    const next = plans.find((p) => p.year === year + 1)!;
    const versions = await db.select().from(trainingPlanVersions).where(eq(trainingPlanVersions.planId, next.id));
    expect(versions.map((v) => [v.version, v.decision]).sort()).toEqual([
      [1, 'returned'],
      [2, null],
    ]);
    const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.planId, plans.find((p) => p.year === year)!.id));
    // Twelve monthly topics, the online module, the role-play day and the five-day new-hire block.
    expect(sessions).toHaveLength(19);
  });

  it('holds the past sessions with attendance and keeps the new-hire block for new hires', async () => {
    const held = await db.select().from(trainingSessions).where(and(eq(trainingSessions.organisationId, organisationId), isNotNull(trainingSessions.closedAt)));
    expect(held.length).toBeGreaterThan(5);
    const stillEnrolled = await db.select().from(sessionEnrolments).innerJoin(trainingSessions, eq(trainingSessions.id, sessionEnrolments.sessionId)).where(and(isNotNull(trainingSessions.closedAt), eq(sessionEnrolments.attendance, 'enrolled')));
    expect(stillEnrolled).toEqual([]);
    const block = (await db.select().from(trainingSessions).where(eq(trainingSessions.planItemId, 'new-hire-block')))[0]!;
    const people = await db.select().from(sessionEnrolments).where(eq(sessionEnrolments.sessionId, block.id));
    expect(people.map((p) => p.userId)).toEqual([byLogin.get('agent14')]);
  });

  it('gives the two absentees warnings and make-up tasks: one done, the others open with next week’s make-up', async () => {
    const warnings = await db.select().from(personRecords).where(and(eq(personRecords.organisationId, organisationId), eq(personRecords.kind, 'warning')));
    expect(warnings.map((w) => w.userId).sort()).toEqual([byLogin.get('agent07'), byLogin.get('agent07'), byLogin.get('agent12')].sort());
    const discipline = await db.select().from(personRecords).where(and(eq(personRecords.organisationId, organisationId), eq(personRecords.kind, 'discipline')));
    expect(discipline.map((d) => d.userId)).toEqual([byLogin.get('agent07')]);
    const tasks = await db.select().from(makeUpTasks).where(eq(makeUpTasks.organisationId, organisationId));
    expect(tasks.filter((t) => t.status === 'done').map((t) => t.userId)).toEqual([byLogin.get('agent07')]);
    const open = tasks.filter((t) => t.status === 'open');
    expect(open).toHaveLength(2);
    expect(open.every((t) => t.makeUpSessionId !== null)).toBe(true);
  });

  it("runs sign-in for today's session", async () => {
    const running = await db.select().from(trainingSessions).where(and(eq(trainingSessions.organisationId, organisationId), isNotNull(trainingSessions.signInCode)));
    expect(running).toHaveLength(1);
    expect(new Date(running[0]!.startsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  });
});
