import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuthContext } from '../auth/access.js';
import type { TDb } from '../db/client.js';
import { kpiImports, kpiRecords, sessionEnrolments, trainingSessions } from '../db/schema.js';
import { getEngine } from '../lib/engine.js';
import { evaluationDashboard } from '../services/evaluation.service.js';
import { addMonths, shanghaiMonth } from '../services/evaluation-figures.js';
import { buildOrganisation, buildTeam, buildTestConfig, buildUser, createTestDatabase } from '../test/helpers.js';
import { seedEvaluationDemo } from './demo-evaluation.js';

/** The evaluation demo: twelve months of KPIs per agent that move after each agent's first attended session. */

let db: TDb;
let drop: () => Promise<void>;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
});

afterAll(async () => {
  await drop();
});

describe('evaluation demo seed', () => {
  it('gives every agent twelve months of KPIs, from one import, that improve after the first attended session beyond the season', async () => {
    const organisationId = await buildOrganisation(db);
    const teamIds = [await buildTeam(db, organisationId, '售前咨询组'), await buildTeam(db, organisationId, '售后服务组')];
    const byLogin = new Map<string, string>();
    const hireDates = new Map<string, string>();
    for (let i = 1; i <= 12; i += 1) {
      const login = `agent${String(i).padStart(2, '0')}`;
      const id = (await buildUser(db, organisationId, { login, teamIds: [teamIds[i % 2]!] })).id;
      byLogin.set(login, id);
      hireDates.set(id, '2024-03-01');
    }
    byLogin.set('trainer', (await buildUser(db, organisationId, { login: 'trainer', roles: ['trainer'] })).id);
    // Half the agents attended a session at the start of the seventh month of twelve.
    const months = Array.from({ length: 12 }, (_, i) => addMonths(shanghaiMonth(new Date()), i - 12));
    const [session] = await db
      .insert(trainingSessions)
      .values({ organisationId, title: '情绪急救', kind: 'classroom', startsAt: new Date(`${months[6]}-02T14:00:00+08:00`), endsAt: new Date(`${months[6]}-02T16:00:00+08:00`), status: 'held' })
      .returning();
    await db.insert(sessionEnrolments).values([...byLogin.entries()].filter(([login]) => login.startsWith('agent')).map(([login, userId]) => ({ sessionId: session!.id, userId, attendance: Number(login.slice(5)) <= 6 ? 'present' : 'absent' })));

    await seedEvaluationDemo(db, organisationId, { byLogin, teamIds, hireDates });

    const perPerson = await db.execute(sql`SELECT user_id, count(*)::int AS n FROM kpi_records WHERE organisation_id = ${organisationId} GROUP BY 1`);
    expect(perPerson.rows).toHaveLength(12);
    expect((perPerson.rows as { n: number }[]).every((r) => r.n === 12)).toBe(true);
    const imports = await db.select().from(kpiImports).where(eq(kpiImports.organisationId, organisationId));
    expect(imports).toHaveLength(1);
    expect(imports[0]!.rowsImported).toBe(144);
    const records = await db.select().from(kpiRecords).where(eq(kpiRecords.organisationId, organisationId));
    expect(records.every((r) => r.importId === imports[0]!.id && r.csat! >= 60 && r.csat! <= 99.5)).toBe(true);

    const auth: TAuthContext = { userId: byLogin.get('trainer')!, organisationId, roles: ['leader'], login: 'leader', displayName: 'leader', locale: 'zh-CN', tokenHash: '', csrfToken: '' };
    const deps = { db, config: buildTestConfig(), engine: await getEngine(), log: console as never };
    const dashboard = await evaluationDashboard(deps, auth, { from: months[0], to: months[11] });
    expect(dashboard.totals.results.records).toBe(144);
    const row = (field: string) => dashboard.did.find((r) => r.field === field)!;
    expect(row('csat')).toMatchObject({ trainedPeople: 6, controlPeople: 6, isImprovement: true, isSmall: false });
    expect(row('csat').difference!).toBeGreaterThan(1.5);
    expect(row('complaintRate').isImprovement).toBe(true);
    expect(row('resolutionMinutes').isImprovement).toBe(true);
  });

  it('seeds nothing for an organisation without agents', async () => {
    const organisationId = await buildOrganisation(db);
    await seedEvaluationDemo(db, organisationId, { byLogin: new Map([['trainer', (await buildUser(db, organisationId, { roles: ['trainer'] })).id]]), teamIds: [], hireDates: new Map() });
    expect(await db.select().from(kpiImports).where(eq(kpiImports.organisationId, organisationId))).toEqual([]);
  });
});
