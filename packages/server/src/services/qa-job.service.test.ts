import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { qaConversations, qaImports, qaMessages } from '../db/schema.js';
import { getEngine } from '../lib/engine.js';
import { buildOrganisation, buildTestApp, buildTestConfig, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { deleteExpiredConversations } from './qa-import.service.js';
import { claimImportJob, runImportJob } from './qa-job.service.js';

/**
 * The import job on a real database: a chat export goes in, analysed conversations come out;
 * bad rows are reported with their row number; personal data is masked; importing the same
 * file again adds nothing; a job killed half-way resumes without duplicates.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let deps: TDeps;
let supervisor: TTestSession;
let admin: TTestSession;

const HEADER = '会话ID,发送时间,发送方,客服昵称,消息内容,店铺';

/** A realistic export: n conversations of four messages; every seventh has a row without text. */
function exportCsv(n: number, options: { badEvery?: number } = {}): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i += 1) {
    const id = `S${String(i).padStart(6, '0')}`;
    const minute = String(i % 60).padStart(2, '0');
    lines.push(`${id},2026-11-11 20:${minute}:01,买家,,我的快递三天了还没到！电话13812345678,心安旗舰店`);
    lines.push(`${id},2026-11-11 20:${minute}:31,客服,小周,非常抱歉让您久等了，我马上帮您查物流,心安旗舰店`);
    lines.push(`${id},2026-11-11 20:${minute}:50,买家,,${options.badEvery && i % options.badEvery === 0 ? '' : '好的，谢谢'},心安旗舰店`);
    lines.push(`${id},2026-11-11 20:${minute}:55,客服,小周,不客气，今天18点前我把新单号发给您,心安旗舰店`);
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING = { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', shop: '店铺', roleValues: { customer: ['买家'], agent: ['客服'] } };

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  deps = { db, config: buildTestConfig(), engine: await getEngine(), log: app.log };
  const organisationId = await buildOrganisation(db);
  supervisor = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'] })).login);
  admin = await signIn(app, (await buildUser(db, organisationId, { roles: ['admin'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

async function upload(csv: string, fileName = 'qianniu-export.csv') {
  const r = await app.inject({ method: 'POST', url: `/api/qa/imports?fileName=${encodeURIComponent(fileName)}`, headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.from(csv) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; status: string };
}

async function start(importId: string, sourceName = '千牛导出') {
  const r = await app.inject({ method: 'POST', url: `/api/qa/imports/${importId}/start`, headers: supervisor.headers, payload: { sourceName, mapping: MAPPING } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function runQueued(options: { crashAfterBatches?: number; stagingBatchRows?: number } = {}) {
  const job = await claimImportJob(db, 'test-worker');
  expect(job).toBeDefined();
  return runImportJob(deps, job!, { workerId: 'test-worker', ...options });
}

async function importRow(id: string) {
  return (await db.select().from(qaImports).where(eq(qaImports.id, id)).limit(1))[0]!;
}

describe('chat-log import job', () => {
  it('previews the file with a suggested mapping, then imports and analyses every conversation', async () => {
    const file = await upload(exportCsv(30));
    expect(file.status).toBe('uploaded');
    const preview = await app.inject({ method: 'GET', url: `/api/qa/imports/${file.id}/preview`, headers: supervisor.headers });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().format).toBe('csv');
    expect(preview.json().headers).toEqual(['会话ID', '发送时间', '发送方', '客服昵称', '消息内容', '店铺']);
    expect(preview.json().suggested.mapping).toEqual(expect.objectContaining({ conversationId: '会话ID', text: '消息内容', role: '发送方' }));
    await start(file.id);
    const outcome = await runQueued();
    expect(outcome, (await importRow(file.id)).error ?? '').toBe('done');
    const done = (await app.inject({ method: 'GET', url: `/api/qa/imports/${file.id}`, headers: supervisor.headers })).json();
    expect(done).toEqual(expect.objectContaining({ status: 'done', progress: 1, rowsRead: 120, rowsRejected: 0, conversationsTotal: 30, conversationsDone: 30, conversationsSkipped: 0 }));
    const stored = await db.select().from(qaConversations).where(eq(qaConversations.importId, file.id));
    expect(stored).toHaveLength(30);
    const sources = (await app.inject({ method: 'GET', url: '/api/qa/sources', headers: supervisor.headers })).json().sources;
    expect(sources.find((s: { name: string }) => s.name === '千牛导出')).toEqual(expect.objectContaining({ conversations: 30 }));
    expect(stored[0]).toEqual(expect.objectContaining({ messageCount: 4, shop: '心安旗舰店', agentName: '小周', firstResponseSeconds: 30 }));
    // The staging rows and the file pieces are gone once the import is done.
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM qa_staging WHERE import_id = ${file.id}`)).rows[0]).toEqual({ n: 0 });
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM qa_import_chunks WHERE import_id = ${file.id}`)).rows[0]).toEqual({ n: 0 });
  });

  it('masks phone numbers before anything is stored', async () => {
    const file = await upload(exportCsv(2), 'masking.csv');
    await start(file.id, '脱敏测试');
    await runQueued();
    const conversation = (await db.select().from(qaConversations).where(eq(qaConversations.importId, file.id)))[0]!;
    const messages = await db.select().from(qaMessages).where(eq(qaMessages.conversationId, conversation.id));
    expect(messages[0]!.text).not.toContain('13812345678');
    expect(messages[0]!.text).toContain('138****5678');
  });

  it('reports bad rows with their row number and reason, and imports the rest', async () => {
    const file = await upload(exportCsv(14, { badEvery: 7 }), 'with-bad-rows.csv');
    await start(file.id, '坏行测试');
    expect(await runQueued()).toBe('done');
    const rejects = (await app.inject({ method: 'GET', url: `/api/qa/imports/${file.id}/rejects`, headers: supervisor.headers })).json();
    expect(rejects.total).toBe(2);
    // Conversation 7's third message is data row 6 * 4 + 3 = 27 (the header is not counted); conversation 14's is 55.
    expect(rejects.rejects.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([27, 55]);
    expect(rejects.rejects[0].reason).toMatch(/text/);
    expect((await importRow(file.id)).conversationsDone).toBe(14);
  });

  it('adds nothing twice when the same file is imported again for the same source', async () => {
    const csv = exportCsv(20);
    const first = await upload(csv, 'again.csv');
    await start(first.id, '重复导入');
    await runQueued();
    const second = await upload(csv, 'again.csv');
    await start(second.id, '重复导入');
    await runQueued();
    const again = await importRow(second.id);
    expect(again).toEqual(expect.objectContaining({ status: 'done', conversationsDone: 0, conversationsSkipped: 20 }));
    const count = await db.execute(sql`SELECT count(*)::int AS n FROM qa_conversations c JOIN qa_sources s ON s.id = c.source_id WHERE s.name = '重复导入'`);
    expect(count.rows[0]).toEqual({ n: 20 });
  });

  it('resumes a job killed half-way, from its checkpoint, without duplicates', async () => {
    const file = await upload(exportCsv(50), 'killed.csv');
    await start(file.id, '中断恢复');
    // Killed after two committed batches of 40 rows.
    expect(await runQueued({ crashAfterBatches: 2, stagingBatchRows: 40 })).toBe('stopped');
    const half = await importRow(file.id);
    expect(half).toEqual(expect.objectContaining({ status: 'running', phase: 'staging', rowsRead: 80 }));
    // Nobody beats for the dead worker: after a minute another instance takes it over.
    expect(await claimImportJob(db, 'other-worker')).toBeUndefined();
    await db.update(qaImports).set({ heartbeatAt: new Date(Date.now() - 120_000) }).where(eq(qaImports.id, file.id));
    const job = await claimImportJob(db, 'other-worker');
    expect(job?.id).toBe(file.id);
    expect(await runImportJob(deps, job!, { workerId: 'other-worker', stagingBatchRows: 40 })).toBe('done');
    const final = await importRow(file.id);
    expect(final).toEqual(expect.objectContaining({ status: 'done', rowsRead: 200, conversationsDone: 50 }));
    const messages = await db.execute(sql`SELECT count(*)::int AS n FROM qa_messages m JOIN qa_conversations c ON c.id = m.conversation_id WHERE c.import_id = ${file.id}`);
    expect(messages.rows[0]).toEqual({ n: 200 });
  });

  it('cancels a queued import at once and refuses to start it twice', async () => {
    const file = await upload(exportCsv(3), 'cancel.csv');
    await start(file.id, '取消');
    const twice = await app.inject({ method: 'POST', url: `/api/qa/imports/${file.id}/start`, headers: supervisor.headers, payload: { sourceName: '取消', mapping: MAPPING } });
    expect(twice.statusCode).toBe(409);
    const cancelled = await app.inject({ method: 'POST', url: `/api/qa/imports/${file.id}/cancel`, headers: supervisor.headers });
    expect(cancelled.json().status).toBe('cancelled');
    expect(await claimImportJob(db, 'test-worker')).toBeUndefined();
  });

  it('refuses a mapping naming a column the file does not have, and files it cannot read', async () => {
    const file = await upload(exportCsv(1), 'mapping.csv');
    const r = await app.inject({ method: 'POST', url: `/api/qa/imports/${file.id}/start`, headers: supervisor.headers, payload: { sourceName: 'x', mapping: { ...MAPPING, text: '聊天内容' } } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues).toEqual([{ path: 'mapping.text', message: 'no column "聊天内容" in the file' }]);
    const exe = await app.inject({ method: 'POST', url: '/api/qa/imports?fileName=tool.exe', headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' }, payload: Buffer.from('MZ') });
    expect(exe.statusCode).toBe(415);
    const agent = await signIn(app, (await buildUser(db, (await db.select().from(qaImports).limit(1))[0]!.organisationId, { roles: ['agent'] })).login);
    expect((await app.inject({ method: 'GET', url: '/api/qa/imports', headers: agent.headers })).statusCode).toBe(403);
  });

  it('keeps the original text only when an admin turns masking off, and deletes conversations past the retention period', async () => {
    const settings = (await app.inject({ method: 'GET', url: '/api/qa/settings', headers: supervisor.headers })).json();
    expect(settings).toEqual({ isMaskingEnabled: true, retentionDays: null, coachingThreshold: 60 });
    const refused = await app.inject({ method: 'PUT', url: '/api/qa/settings', headers: supervisor.headers, payload: { ...settings, isMaskingEnabled: false } });
    expect(refused.statusCode).toBe(403);
    const off = await app.inject({ method: 'PUT', url: '/api/qa/settings', headers: admin.headers, payload: { ...settings, isMaskingEnabled: false } });
    expect(off.json().isMaskingEnabled).toBe(false);
    const file = await upload(exportCsv(1), 'unmasked.csv');
    await start(file.id, '不脱敏');
    await runQueued();
    const conversation = (await db.select().from(qaConversations).where(eq(qaConversations.importId, file.id)))[0]!;
    const messages = await db.select().from(qaMessages).where(eq(qaMessages.conversationId, conversation.id));
    expect(messages[0]!.text).toContain('13812345678');
    await app.inject({ method: 'PUT', url: '/api/qa/settings', headers: admin.headers, payload: { ...settings, isMaskingEnabled: true } });

    // No retention set: nothing is deleted. With 7 days, a conversation started 8 days ago goes.
    const before = await db.execute(sql`SELECT count(*)::int AS n FROM qa_conversations`);
    expect((before.rows[0] as { n: number }).n).toBeGreaterThan(0);
    expect(await deleteExpiredConversations(db)).toBe(0);
    await db.update(qaConversations).set({ startedAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(qaConversations.importId, file.id));
    await app.inject({ method: 'PUT', url: '/api/qa/settings', headers: admin.headers, payload: { ...settings, retentionDays: 7 } });
    const deleted = await deleteExpiredConversations(db, 1);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(qaConversations).where(eq(qaConversations.importId, file.id))).toEqual([]);
    const bad = await app.inject({ method: 'PUT', url: '/api/qa/settings', headers: admin.headers, payload: { ...settings, retentionDays: 3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.retentionDays');
  });

  it('imports JSON lines and Excel exports through the same job', async () => {
    const lines = [
      { session_id: 'D1', time: '2026-11-12T10:00:00+08:00', sender: 'buyer', staff: '', content: '发货了吗？等了三天了' },
      { session_id: 'D1', time: '2026-11-12T10:00:40+08:00', sender: 'staff', staff: '小林', content: '让您久等了，今天下午4点前一定发出，单号发您' },
      { session_id: 'D2', time: '2026-11-12T11:00:00+08:00', sender: 'buyer', staff: '', content: '颜色发错了' },
      'not json at all',
      { session_id: 'D2', time: '2026-11-12T11:01:00+08:00', sender: 'staff', staff: '小林', content: '非常抱歉，我马上给您补发正确的颜色' },
    ];
    const jsonl = `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;
    const json = await upload(jsonl, 'douyin.jsonl');
    const mapping = { conversationId: 'session_id', time: 'time', role: 'sender', agentName: 'staff', text: 'content', roleValues: { customer: ['buyer'], agent: ['staff'] } };
    const started = await app.inject({ method: 'POST', url: `/api/qa/imports/${json.id}/start`, headers: supervisor.headers, payload: { sourceName: '抖店', mapping } });
    expect(started.statusCode, started.body).toBe(200);
    expect(await runQueued()).toBe('done');
    expect(await importRow(json.id)).toEqual(expect.objectContaining({ format: 'jsonl', rowsRead: 5, rowsRejected: 1, conversationsDone: 2 }));

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('聊天记录');
    sheet.addRow(['会话ID', '发送时间', '发送方', '客服昵称', '消息内容', '店铺']);
    sheet.addRow(['X1', '2026-11-13 09:00:00', '买家', '', '在吗，想问下尺码', '心安旗舰店']);
    sheet.addRow(['X1', '2026-11-13 09:00:20', '客服', '小周', '在的亲，您平时穿多大码？', '心安旗舰店']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const excel = await app.inject({ method: 'POST', url: '/api/qa/imports?fileName=jd.xlsx', headers: { ...supervisor.headers, 'content-type': 'application/octet-stream' }, payload: xlsx });
    expect(excel.statusCode, excel.body).toBe(201);
    await start(excel.json().id, '京东导出');
    expect(await runQueued()).toBe('done');
    expect(await importRow(excel.json().id)).toEqual(expect.objectContaining({ format: 'xlsx', rowsRead: 2, conversationsDone: 1 }));
  });
});
