import type { TRole } from '@calmdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { getEngine } from '../lib/engine.js';
import { listApiTokens } from '../services/api-token.service.js';
import { listEscalations, loadOf, teamLoad } from '../services/assist.service.js';
import { buildOrganisation, buildTeam, buildTestConfig, buildUser, createTestDatabase } from '../test/helpers.js';
import type { TDemoPeople } from './demo.js';
import { seedAssistDemo } from './demo-assist.js';

/** The live-assist demo: today's load with high-risk runs, the open escalation from agent to supervisor, the chat tool's token. */

let db: TDb;
let drop: () => Promise<void>;
let deps: TDeps;
let organisationId: string;
const people: TDemoPeople = { byLogin: new Map(), teamIds: [], hireDates: new Map() };

const authOf = (login: string, roles: TRole[]): TAuthContext => ({ userId: people.byLogin.get(login)!, organisationId, roles, login, displayName: login, locale: 'zh-CN', tokenHash: '', csrfToken: '' });

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  deps = { db, config: buildTestConfig(), engine: await getEngine(), log: { error: () => undefined } as unknown as TDeps['log'] };
  organisationId = await buildOrganisation(db);
  people.teamIds.push(await buildTeam(db, organisationId, '售前咨询组'), await buildTeam(db, organisationId, '售后服务组'));
  const add = async (login: string, roles: TRole[], team?: 0 | 1) =>
    people.byLogin.set(login, (await buildUser(db, organisationId, { login, roles, teamIds: team === undefined ? [] : [people.teamIds[team]!] })).id);
  await add('admin', ['admin']);
  await add('supervisor', ['supervisor'], 0);
  await add('deputy', ['deputy', 'supervisor'], 1);
  await add('mentor', ['mentor', 'agent'], 0);
  await add('agent', ['agent'], 0);
  for (let i = 0; i < 8; i += 1) await add(`agent${String(i + 1).padStart(2, '0')}`, ['agent'], (i % 2) as 0 | 1);
  await db.transaction((tx) => seedAssistDemo(tx, organisationId, people));
}, 60_000);

afterAll(async () => {
  await drop();
});

describe('live-assist demo', () => {
  it('the supervisor sees today’s load of their team with a high-risk run needing a pause', async () => {
    const load = await teamLoad(deps, authOf('supervisor', ['supervisor']), undefined);
    const agent01 = load.agents.find((a) => a.agent.login === 'agent01')!;
    // The run is counted over the last hours; the day's counts depend on the hour the test runs (Beijing midnight).
    expect(agent01).toMatchObject({ highRiskStreak: 4, suggestPause: true });
    expect(load.agents.map((a) => a.agent.login)).not.toContain('agent02');
    const agent03 = load.agents.find((a) => a.agent.login === 'agent03')!;
    expect(agent03).toMatchObject({ highRiskStreak: 0, suggestPause: false });
  });

  it('the demo agent is one high-risk chat away from the pause suggestion and has an open escalation to the supervisor', async () => {
    expect(await loadOf(deps, organisationId, people.byLogin.get('agent')!)).toMatchObject({ highRiskStreak: 2, suggestPause: false });
    const { escalations } = await listEscalations(deps, authOf('supervisor', ['supervisor']), { status: 'open' });
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.agent.id).toBe(people.byLogin.get('agent'));
  });

  it('has a token for the demo chat tool', async () => {
    const { tokens } = await listApiTokens(deps, authOf('admin', ['admin']));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.revokedAt).toBeNull();
  });
});
