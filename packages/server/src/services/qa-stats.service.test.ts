import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { getEngine } from '../lib/engine.js';
import { seedDemoOrganisation } from '../seed/demo.js';
import { buildTestApp, buildTestConfig, createTestDatabase, signIn, TEST_PASSWORD, type TTestSession } from '../test/helpers.js';
import { claimImportJob, runImportJob } from './qa-job.service.js';

/**
 * GET /api/qa/stats as the QA dashboard reads it, over the demo organisation's 60 analysed
 * conversations: the tables by agent, team and day, and with withSummary=true the totals of
 * its KPI cards and the values of its filter lists, each limited to what the caller may read.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
const sessions: Record<string, TTestSession> = {};

type TRow = { key: string; name: string; conversations: number; averageScore: number | null; highRiskConversations: number; missedEscalations: number; agentMessages: number; issueRates: Record<string, number> };
type TStats = { groupBy: string; rows: TRow[]; totals?: TRow; options?: { shops: string[]; channels: string[]; teams: { id: string; name: string }[] } };

async function stats(login: string, query: string): Promise<TStats> {
  const response = await app.inject({ method: 'GET', url: `/api/qa/stats?${query}`, headers: sessions[login]!.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as TStats;
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  expect(await seedDemoOrganisation(db, TEST_PASSWORD)).toBe(true);
  const job = await claimImportJob(db, 'stats-test');
  expect(await runImportJob({ db, config: buildTestConfig(), engine: await getEngine(), log: app.log }, job!, { workerId: 'stats-test' })).toBe('done');
  for (const login of ['leader', 'supervisor', 'mentor', 'agent']) sessions[login] = await signIn(app, login);
}, 120_000);

afterAll(async () => {
  await app.close();
  await drop();
});

describe('QA statistics for the dashboard', () => {
  it('answers as before without withSummary: rows only, no totals or filter lists', async () => {
    const byAgent = await stats('leader', 'groupBy=agent');
    expect(byAgent.rows).toHaveLength(10);
    expect(byAgent).not.toHaveProperty('totals');
    expect(byAgent).not.toHaveProperty('options');
  });

  it('adds totals over every matching conversation that agree with the stored conversations', async () => {
    const byDay = await stats('leader', 'groupBy=day&withSummary=true');
    const totals = byDay.totals!;
    const stored = (
      await db.execute(sql`SELECT count(*)::int AS n, round(avg(score)::numeric, 1)::float AS score, sum(had_high_risk::int)::int AS high, sum(is_escalation_missed::int)::int AS missed FROM qa_conversations`)
    ).rows[0] as { n: number; score: number; high: number; missed: number };
    expect(totals).toEqual(expect.objectContaining({ key: 'all', conversations: 60, averageScore: stored.score, highRiskConversations: stored.high, missedEscalations: stored.missed }));
    expect(byDay.rows.reduce((sum, row) => sum + row.conversations, 0)).toBe(60);
    // The rates by category are per 100 agent messages of everyone: the agents' counts summed, not their rates averaged.
    const byAgent = await stats('leader', 'groupBy=agent');
    expect(totals.agentMessages).toBe(byAgent.rows.reduce((sum, row) => sum + row.agentMessages, 0));
    for (const [category, rate] of Object.entries(totals.issueRates)) {
      const count = byAgent.rows.reduce((sum, row) => sum + ((row.issueRates[category] ?? 0) * row.agentMessages) / 100, 0);
      expect(rate, category).toBeCloseTo((100 * count) / totals.agentMessages, 0);
    }
  });

  it('offers every shop, channel and team to the leader, and keeps offering them while a shop is picked', async () => {
    const all = await stats('leader', 'groupBy=day&withSummary=true');
    expect(all.options!.shops).toEqual(['心安家居旗舰店', '心安数码专营店', '心安生活馆']);
    expect(all.options!.channels).toEqual(['京东', '抖音', '淘宝']);
    expect(all.options!.teams.map((team) => team.name)).toEqual(['售前咨询组 Pre-sales', '售后服务组 After-sales']);
    const oneShop = await stats('leader', `groupBy=day&withSummary=true&shop=${encodeURIComponent('心安生活馆')}`);
    expect(oneShop.options).toEqual(all.options);
    expect(oneShop.totals!.conversations).toBeGreaterThan(0);
    expect(oneShop.totals!.conversations).toBeLessThan(60);
  });

  it('gives a supervisor the totals and teams of their own team only', async () => {
    const leaderTeams = await stats('leader', 'groupBy=team');
    const preSales = leaderTeams.rows.find((row) => row.name.startsWith('售前'))!;
    const mine = await stats('supervisor', 'groupBy=agent&withSummary=true');
    expect(mine.totals!.conversations).toBe(preSales.conversations);
    expect(mine.options!.teams).toEqual([{ id: preSales.key, name: preSales.name }]);
    const mentor = await stats('mentor', 'groupBy=team&withSummary=true');
    expect(mentor.rows.map((row) => row.name)).toEqual([preSales.name]);
  });

  it('answers with zero totals when nothing matches, not an error', async () => {
    const none = await stats('leader', 'groupBy=day&withSummary=true&from=2020-01-01&to=2020-01-31');
    expect(none.rows).toEqual([]);
    expect(none.totals).toEqual(expect.objectContaining({ key: 'all', conversations: 0, averageScore: null, issueRates: {} }));
    expect(none.options!.shops).toHaveLength(3);
  });

  it('refuses a withSummary that is not true or false, and agents', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/qa/stats?withSummary=yes', headers: sessions.leader!.headers });
    expect(bad.statusCode).toBe(400);
    const agent = await app.inject({ method: 'GET', url: '/api/qa/stats?withSummary=true', headers: sessions.agent!.headers });
    expect(agent.statusCode).toBe(403);
  });
});
