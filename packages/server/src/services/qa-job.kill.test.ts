import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { qaImports } from '../db/schema.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * The real thing, not a simulation: a CalmDesk server process imports a chat export, is
 * killed with SIGKILL half-way through the analysis, and is started again. The restarted
 * server takes the abandoned job over from its last checkpoint and finishes it; every
 * conversation and message is there exactly once.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CONVERSATIONS = 6000;
const STALE_SECONDS = 5;

let app: TRouteApp;
let db: TDb;
let url: string;
let drop: () => Promise<void>;
let supervisor: TTestSession;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const testDb = await createTestDatabase();
  ({ db, url, drop } = testDb);
  app = await buildTestApp(db);
  const organisationId = await buildOrganisation(db);
  supervisor = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'] })).login);
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await app.close();
  await drop();
});

/** Starts the server from source on the test database; its import worker claims queued and abandoned jobs. */
function startServer(): ChildProcess {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, 'packages/server/src/main.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn', QA_JOB_STALE_SECONDS: String(STALE_SECONDS) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.setEncoding('utf8');
  children.push(child);
  return child;
}

function exportCsv(n: number): string {
  const lines = ['会话ID,发送时间,发送方,客服昵称,消息内容'];
  for (let i = 1; i <= n; i += 1) {
    const id = `K${String(i).padStart(6, '0')}`;
    const minute = String(i % 60).padStart(2, '0');
    lines.push(`${id},2026-11-11 21:${minute}:01,买家,,第${i}单的快递怎么还没到？`);
    lines.push(`${id},2026-11-11 21:${minute}:40,客服,小吴,抱歉让您久等了，我现在就帮您查物流`);
    lines.push(`${id},2026-11-11 21:${minute}:59,客服,小吴,查到了，包裹明天上午送达，单号稍后发您`);
  }
  return `${lines.join('\n')}\n`;
}

async function importRow(id: string) {
  return (await db.select().from(qaImports).where(eq(qaImports.id, id)).limit(1))[0]!;
}

async function waitFor<T>(what: string, read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('an import survives kill -9 of its server: the restarted server resumes it and nothing is stored twice', async () => {
  const uploaded = await app.inject({
    method: 'POST',
    url: '/api/qa/imports?fileName=kill-test.csv',
    headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' },
    payload: Buffer.from(exportCsv(CONVERSATIONS)),
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const importId = (uploaded.json() as { id: string }).id;
  const started = await app.inject({
    method: 'POST',
    url: `/api/qa/imports/${importId}/start`,
    headers: supervisor.headers,
    payload: { sourceName: '重启测试', mapping: { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', roleValues: { customer: ['买家'], agent: ['客服'] } } },
  });
  expect(started.statusCode, started.body).toBe(200);

  const first = startServer();
  const midway = await waitFor('the analysis to be half-way', () => importRow(importId), (row) => row.phase === 'analysing' && row.conversationsDone > 0, 120_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => (first.exitCode !== null || first.signalCode !== null ? resolve(undefined) : first.once('exit', resolve)));
  const afterKill = await importRow(importId);
  expect(afterKill.status).toBe('running');
  expect(afterKill.conversationsDone).toBeGreaterThanOrEqual(midway.conversationsDone);
  expect(afterKill.conversationsDone).toBeLessThan(CONVERSATIONS);
  const committedBefore = await db.execute(sql`SELECT count(*)::int AS n FROM qa_conversations WHERE import_id = ${importId}`);
  expect((committedBefore.rows[0] as { n: number }).n).toBe(afterKill.conversationsDone);

  const second = startServer();
  let stderr = '';
  second.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const finished = await waitFor('the restarted server to finish the import', () => importRow(importId), (row) => row.status !== 'running' && row.status !== 'queued', 120_000);
  expect(finished, stderr).toEqual(expect.objectContaining({ status: 'done', rowsRead: CONVERSATIONS * 3, conversationsDone: CONVERSATIONS, rowsRejected: 0 }));
  expect(finished.workerId).not.toBe(afterKill.workerId);

  const stored = await db.execute(sql`
    SELECT count(*)::int AS conversations, count(DISTINCT external_id)::int AS distinct_ids,
      (SELECT count(*)::int FROM qa_messages m JOIN qa_conversations c ON c.id = m.conversation_id WHERE c.import_id = ${importId}) AS messages
    FROM qa_conversations WHERE import_id = ${importId}`);
  expect(stored.rows[0]).toEqual({ conversations: CONVERSATIONS, distinct_ids: CONVERSATIONS, messages: CONVERSATIONS * 3 });
  second.kill('SIGTERM');
}, 300_000);
