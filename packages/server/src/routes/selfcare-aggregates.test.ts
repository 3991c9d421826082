import { STRESS_QUESTIONNAIRE, stressBandOf } from '@calmdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { selfcareEntries, stressChecks } from '../db/schema.js';
import { chinaWeekStart } from '../services/selfcare-aggregates.service.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Team aggregates on a real database: a cell shows numbers only from five contributors, and then
 * the right ones; supervisors see their own teams, deputies and leaders every team; no totals.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let teamA: string;
let teamB: string;
const members: string[] = [];
let supervisorA: TTestSession;
let deputy: TTestSession;
let leader: TTestSession;

const DAY = 86_400_000;
const thisMonday = chinaWeekStart(new Date());
const mondayWeeksAgo = (n: number) => new Date(new Date(`${thisMonday}T00:00:00Z`).getTime() - n * 7 * DAY).toISOString().slice(0, 10);
/** Wednesday noon (China time) of the week `n` weeks before this one. */
const wednesdayWeeksAgo = (n: number) => new Date(`${mondayWeeksAgo(n)}T12:00:00+08:00`).getTime() + 2 * DAY;

async function addCheck(ownerId: string, score: number, at: number) {
  await db.insert(stressChecks).values({ organisationId, ownerId, questionnaire: STRESS_QUESTIONNAIRE.version, answers: {}, score, band: stressBandOf(score), takenAt: new Date(at) });
}
async function addDiary(ownerId: string, intensities: number[], at: number) {
  const emotions = intensities.map((intensity, i) => ({ emotion: ['angry', 'anxious', 'sad'][i]!, intensity }));
  await db.insert(selfcareEntries).values({ organisationId, ownerId, kind: 'diary', body: { event: '', emotions, bodySignals: [], bodySignalsOther: '', thoughts: '', helped: '' }, occurredAt: new Date(at), createdAt: new Date(at) });
}
async function aggregates(session: TTestSession, query = '') {
  return app.inject({ method: 'GET', url: `/api/selfcare/team-aggregates${query}`, headers: session.headers });
}
type TCell = { weekStart: string; stress: Record<string, unknown>; diary: Record<string, unknown> };
const cellOf = (body: { teams: { team: { id: string }; cells: TCell[] }[] }, teamId: string, weekStart: string) => body.teams.find((t) => t.team.id === teamId)!.cells.find((c) => c.weekStart === weekStart)!;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  teamA = await buildTeam(db, organisationId, '售后一组');
  teamB = await buildTeam(db, organisationId, '售前组');
  for (let i = 0; i < 6; i += 1) members.push((await buildUser(db, organisationId, { teamIds: [teamA] })).id);
  supervisorA = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamA] })).login);
  deputy = await signIn(app, (await buildUser(db, organisationId, { roles: ['deputy'] })).login);
  leader = await signIn(app, (await buildUser(db, organisationId, { roles: ['leader'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('team aggregates threshold', () => {
  it('hides a cell with 4 contributors entirely: no average, no bands, no count', async () => {
    const week = wednesdayWeeksAgo(1);
    for (const [i, score] of [40, 50, 60, 70].entries()) await addCheck(members[i]!, score, week);
    for (let i = 0; i < 4; i += 1) await addDiary(members[i]!, [6], week);
    const body = (await aggregates(supervisorA)).json();
    const cell = cellOf(body, teamA, mondayWeeksAgo(1));
    expect(cell.stress).toEqual({ status: 'hidden', contributors: '<5' });
    expect(cell.diary).toEqual({ status: 'hidden', contributors: '<5' });
  });

  it('shows a cell once 5 people contributed, with the right average and band counts', async () => {
    const week = wednesdayWeeksAgo(1);
    await addCheck(members[4]!, 80, week);
    // Member 0 checked again later that week: their latest check (30) counts, not the earlier 40.
    await addCheck(members[0]!, 30, week + DAY);
    // Two entries by one person: contributors stay 5, entries 6; each entry counts its strongest emotion.
    await addDiary(members[4]!, [2, 9], week);
    await addDiary(members[4]!, [3], week);
    const body = (await aggregates(supervisorA)).json();
    const cell = cellOf(body, teamA, mondayWeeksAgo(1));
    // Latest per person: 30, 50, 60, 70, 80 → mean 58; bands low (30), moderate (50), high (60, 70, 80).
    expect(cell.stress).toEqual({ status: 'shown', contributors: 5, averageScore: 58, bands: { low: 1, moderate: 1, high: 3 } });
    // Strongest per entry: 6, 6, 6, 6, 9, 3 → 36 / 6 = 6.
    expect(cell.diary).toEqual({ status: 'shown', contributors: 5, entries: 6, averageIntensity: 6 });
  });

  it('counts the threshold per cell: another week of the same team with 4 people stays hidden', async () => {
    for (let i = 0; i < 4; i += 1) await addCheck(members[i]!, 90, wednesdayWeeksAgo(3));
    const body = (await aggregates(supervisorA)).json();
    expect(cellOf(body, teamA, mondayWeeksAgo(3)).stress).toEqual({ status: 'hidden', contributors: '<5' });
  });

  it('shows 12 complete weeks and never the running one, and no totals beside the cells', async () => {
    for (let i = 0; i < 6; i += 1) await addCheck(members[i]!, 50, Date.now() - 60_000);
    const body = (await aggregates(supervisorA)).json();
    expect(body.weeks).toHaveLength(12);
    expect(body.weeks.at(-1)).toBe(mondayWeeksAgo(1));
    expect(body.weeks).not.toContain(thisMonday);
    expect(Object.keys(body).sort()).toEqual(['minContributors', 'teams', 'weeks']);
    expect(body.minContributors).toBe(5);
    expect(Object.keys(body.teams[0]).sort()).toEqual(['cells', 'team']);
  });
});

describe('team aggregates visibility', () => {
  it('a supervisor sees only their own teams and gets "not found" for another team', async () => {
    const body = (await aggregates(supervisorA)).json();
    expect(body.teams.map((t: { team: { id: string } }) => t.team.id)).toEqual([teamA]);
    const other = await aggregates(supervisorA, `?teamId=${teamB}`);
    expect(other.statusCode).toBe(404);
    expect((await aggregates(supervisorA, `?teamId=${teamA}`)).json().teams).toHaveLength(1);
  });

  it('deputies and leaders see every team of the organisation', async () => {
    for (const session of [deputy, leader]) {
      const body = (await aggregates(session)).json();
      expect(body.teams.map((t: { team: { id: string } }) => t.team.id).sort()).toEqual([teamA, teamB].sort());
      expect((await aggregates(session, `?teamId=${teamB}`)).json().teams[0].cells.every((c: TCell) => c.stress.status === 'hidden')).toBe(true);
    }
  });

  it('agents, mentors, trainers and admins get 403', async () => {
    for (const roles of [['agent'], ['mentor'], ['trainer'], ['admin']] as const) {
      const session = await signIn(app, (await buildUser(db, organisationId, { roles: [...roles], teamIds: [teamA] })).login);
      expect((await aggregates(session)).statusCode).toBe(403);
    }
  });

  it("another organisation's deputy does not see this organisation's teams", async () => {
    const otherOrg = await buildOrganisation(db);
    const outsider = await signIn(app, (await buildUser(db, otherOrg, { roles: ['deputy'] })).login);
    expect((await aggregates(outsider)).json().teams).toEqual([]);
    expect((await aggregates(outsider, `?teamId=${teamA}`)).statusCode).toBe(404);
  });
});
