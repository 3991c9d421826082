import { ZSelfcareEntry, ZStressCheckRequest, STRESS_QUESTIONNAIRE, type TRole } from '@calmdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { selfcareEntries, stressChecks } from '../db/schema.js';
import { teamAggregates } from '../services/selfcare-aggregates.service.js';
import { selfcareSummary } from '../services/selfcare.service.js';
import { buildOrganisation, buildTeam, buildUser, createTestDatabase } from '../test/helpers.js';
import type { TDemoPeople } from './demo.js';
import { seedSelfcareDemo } from './demo-selfcare.js';

/** The self-care demo: the demo agent's weeks of entries and checks with the suggestion showing; team cells shown and hidden. */

let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
const people: TDemoPeople = { byLogin: new Map(), teamIds: [], hireDates: new Map() };

const authOf = (login: string, roles: TRole[]): TAuthContext => ({ userId: people.byLogin.get(login)!, organisationId, roles, login, displayName: login, locale: 'zh-CN', tokenHash: '', csrfToken: '' });

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  organisationId = await buildOrganisation(db);
  people.teamIds.push(await buildTeam(db, organisationId, '售前咨询组'), await buildTeam(db, organisationId, '售后服务组'));
  const add = async (login: string, roles: TRole[], team?: 0 | 1) =>
    people.byLogin.set(login, (await buildUser(db, organisationId, { login, displayName: login === 'supervisor' ? '郑志刚' : login, roles, teamIds: team === undefined ? [] : [people.teamIds[team]!] })).id);
  await add('supervisor', ['supervisor'], 0);
  await add('deputy', ['deputy', 'supervisor'], 1);
  await add('mentor', ['mentor', 'agent'], 0);
  await add('agent', ['agent'], 0);
  for (let i = 0; i < 30; i += 1) await add(`agent${String(i + 1).padStart(2, '0')}`, ['agent'], (i % 2) as 0 | 1);
  await db.transaction((tx) => seedSelfcareDemo(tx, organisationId, people));
}, 60_000);

afterAll(async () => {
  await drop();
});

describe('self-care demo seed', () => {
  it('gives the demo agent diary entries, two ABC worksheets, gratitude notes, a success case and a high trend with the suggestion', async () => {
    const deps = { db } as TDeps;
    const summary = await selfcareSummary(deps, authOf('agent', ['agent']));
    expect(summary.counts).toEqual({ diary: 10, abc: 2, gratitude: 4, success: 1 });
    expect(summary.abcUnfinished).toBe(1);
    expect(summary.checkCount).toBe(8);
    expect(summary.lastCheck?.band).toBe('high');
    expect(summary.suggestion).toMatchObject({ reason: 'last_two_high', supervisors: [{ displayName: '郑志刚' }] });
  });

  it('stores every entry and check in the shape the API reads', async () => {
    for (const row of await db.select().from(selfcareEntries)) {
      ZSelfcareEntry.parse({ id: row.id, kind: row.kind, body: row.body, occurredAt: '', createdAt: '', updatedAt: '' });
      expect(row.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    for (const row of await db.select().from(stressChecks)) {
      expect(ZStressCheckRequest.safeParse({ questionnaire: STRESS_QUESTIONNAIRE.version, answers: row.answers }).success).toBe(true);
    }
  });

  it('shows pre-sales every week and after-sales only in the weeks with five or more people', async () => {
    const deps = { db } as TDeps;
    const supervisorView = await teamAggregates(deps, authOf('supervisor', ['supervisor']));
    expect(supervisorView.teams).toHaveLength(1);
    expect(supervisorView.teams[0]!.cells.every((c) => c.stress.status === 'shown' && c.diary.status === 'shown')).toBe(true);
    const deputyView = await teamAggregates(deps, authOf('deputy', ['deputy', 'supervisor']));
    const afterSales = deputyView.teams.find((t) => t.team.id === people.teamIds[1])!;
    const statuses = afterSales.cells.map((c) => c.stress.status);
    expect(statuses).toContain('hidden');
    expect(statuses).toContain('shown');
  });
});
