import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '../db/client.js';
import { qaConversations, qaImportRejects, qaImports } from '../db/schema.js';
import { getEngine } from '../lib/engine.js';
import { claimImportJob, runImportJob } from '../services/qa-job.service.js';
import { qaStatistics } from '../services/qa-stats.service.js';
import { coachingQueue, commentOnFlag, flagConversation, markFlagDone } from '../services/qa-coaching.service.js';
import { listConversations } from '../services/qa-conversation.service.js';
import type { TAuthContext } from '../auth/access.js';
import { memberships, users } from '../db/schema.js';
import { buildTestConfig, createTestDatabase } from '../test/helpers.js';
import { seedDemoOrganisation } from './demo.js';

/** The demo organisation comes with an analysed sample of chat logs (content/demo/qa-demo-export.csv). */

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

describe('demo chat-log sample', () => {
  it('is queued with the demo organisation and imports 60 conversations, matched to the demo agents, with its 3 bad rows reported', async () => {
    expect(await seedDemoOrganisation(db, 'demo-password-1')).toBe(true);
    const job = await claimImportJob(db, 'seed-test');
    expect(job?.fileName).toBe('qa-demo-export.csv');
    const deps = { db, config: buildTestConfig(), engine: await getEngine(), log: console as never };
    expect(await runImportJob(deps, job!, { workerId: 'seed-test' })).toBe('done');
    const done = (await db.select().from(qaImports).where(eq(qaImports.id, job!.id)))[0]!;
    expect(done).toEqual(expect.objectContaining({ status: 'done', conversationsDone: 60, rowsRejected: 3 }));
    const rejects = await db.select().from(qaImportRejects).where(eq(qaImportRejects.importId, job!.id));
    expect(rejects.map((r) => r.rowNumber).sort((a, b) => a - b)).toEqual([202, 264, 350]);
    // Every conversation an agent answered belongs to a demo person.
    const unmatched = await db.select({ n: sql<number>`count(*)::int` }).from(qaConversations).where(isNull(qaConversations.agentUserId));
    expect(unmatched[0]!.n).toBe(0);
  });

  it('sums up by team, by agent (a supervisor: their own team only) and by day', async () => {
    const as = async (login: string): Promise<TAuthContext> => {
      const row = (await db.select({ id: users.id, organisationId: memberships.organisationId, roles: memberships.roles }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(users.login, login)))[0]!;
      return { userId: row.id, organisationId: row.organisationId, roles: row.roles as TAuthContext['roles'], login, displayName: login, locale: 'zh-CN', tokenHash: '', csrfToken: '' };
    };
    const deps = { db, config: buildTestConfig(), engine: await getEngine(), log: console as never };
    const leader = await as('leader');
    const byTeam = await qaStatistics(deps, leader, { groupBy: 'team' });
    expect(byTeam.rows.map((r) => r.name).sort()).toEqual(['售前咨询组 Pre-sales', '售后服务组 After-sales']);
    expect(byTeam.rows.reduce((sum, r) => sum + r.conversations, 0)).toBe(60);
    const byDay = await qaStatistics(deps, leader, { groupBy: 'day' });
    expect(byDay.rows[0]!.key).toBe('2026-11-07');
    expect(byDay.rows.reduce((sum, r) => sum + r.conversations, 0)).toBe(60);
    const byAgent = await qaStatistics(deps, leader, { groupBy: 'agent' });
    expect(byAgent.rows).toHaveLength(10);
    // The agents who push blame and ask rhetorical questions show it in their rates.
    expect(byAgent.rows.some((r) => (r.issueRates.blame_shift ?? 0) > 0 || (r.issueRates.excuse ?? 0) > 0)).toBe(true);
    for (const row of byAgent.rows) {
      expect(row.deEscalationRate).toBeGreaterThanOrEqual(0);
      expect(row.deEscalationRate).toBeLessThanOrEqual(1);
    }
    const supervisor = await as('supervisor');
    const mine = await qaStatistics(deps, supervisor, { groupBy: 'agent' });
    const preSales = byTeam.rows.find((r) => r.name.startsWith('售前'))!;
    expect(mine.rows.reduce((sum, r) => sum + r.conversations, 0)).toBe(preSales.conversations);
  });

  it('puts rule-flagged conversations in the coaching queue of the people who coach those agents; they comment and mark them done', async () => {
    const as = async (login: string): Promise<TAuthContext> => {
      const row = (await db.select({ id: users.id, organisationId: memberships.organisationId, roles: memberships.roles }).from(users).innerJoin(memberships, eq(memberships.userId, users.id)).where(eq(users.login, login)))[0]!;
      return { userId: row.id, organisationId: row.organisationId, roles: row.roles as TAuthContext['roles'], login, displayName: login, locale: 'zh-CN', tokenHash: '', csrfToken: '' };
    };
    const deps = { db, config: buildTestConfig(), engine: await getEngine(), log: console as never };
    const leader = await as('leader');
    const mentor = await as('mentor');
    const all = await coachingQueue(deps, leader, 'open');
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((i) => i.origin === 'rule' && i.conversation.flags.length > 0)).toBe(true);
    // The mentor (pre-sales team) sees only the pre-sales agents' flagged conversations.
    const mine = await coachingQueue(deps, mentor, 'open');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.length).toBeLessThan(all.items.length);

    // A supervisor flags a conversation the rules did not.
    const supervisor = await as('supervisor');
    const unflagged = (await listConversations(deps, supervisor, { sort: 'newest', page: 1, pageSize: 100, flagged: 'false' })).conversations[0]!;
    const flagged = await flagConversation(deps, supervisor, unflagged.id, '开场没有称呼顾客，语气偏冷', '127.0.0.1');
    expect(flagged).toEqual(expect.objectContaining({ origin: 'person', status: 'open', reason: '开场没有称呼顾客，语气偏冷' }));
    const commented = await commentOnFlag(deps, mentor, flagged.id, '已和她一起复盘，下次先用“亲，让您久等了”开场。');
    expect(commented.comments.map((c) => c.body)).toEqual(['已和她一起复盘，下次先用“亲，让您久等了”开场。']);
    const done = await markFlagDone(deps, mentor, flagged.id, '127.0.0.1');
    expect(done.status).toBe('done');
    expect((await coachingQueue(deps, mentor, 'done')).items.map((i) => i.id)).toContain(flagged.id);
    await expect(markFlagDone(deps, mentor, flagged.id, '127.0.0.1')).rejects.toThrow(/coached already/);
    // An after-sales conversation is out of the pre-sales mentor's reach.
    const afterSales = all.items.find((i) => !mine.items.some((m) => m.id === i.id))!;
    await expect(commentOnFlag(deps, mentor, afterSales.id, 'x')).rejects.toThrow(/not found/i);
  });
});
