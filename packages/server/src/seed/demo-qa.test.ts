import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '../db/client.js';
import { qaConversations, qaImportRejects, qaImports } from '../db/schema.js';
import { getEngine } from '../lib/engine.js';
import { claimImportJob, runImportJob } from '../services/qa-job.service.js';
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
});
