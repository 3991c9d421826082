import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { assistConversations } from '../db/schema.js';
import { stripStreamToken } from './assist-stream.routes.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * The live-assist WebSocket on a listening server and a real database: the upgrade needs a
 * live API token (header or query), a message is answered with its reading, bad frames get an
 * error frame and the connection stays open, the per-connection limits answer clearly, an
 * agent is attributed only within the token's organisation, and a revoked token closes it.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let url: string;
let organisationId: string;
let admin: TTestSession;
let secret: string;
let tokenId: string;
let agentLogin: string;
let agentId: string;
let outsiderLogin: string;

type TFrame = Record<string, unknown> & { type: string };

/** A connected client that queues frames, so a test can await the next one. */
class Client {
  readonly frames: TFrame[] = [];
  private waiters: ((frame: TFrame) => void)[] = [];
  closed: Promise<number>;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as TFrame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }
  next(): Promise<TFrame> {
    const frame = this.frames.shift();
    if (frame) return Promise.resolve(frame);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  async send(frame: unknown): Promise<TFrame> {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    return this.next();
  }
}

/** Opens a connection; resolves with the client after `ready`, or with the refused status. */
function connect(options: { header?: string; query?: string }): Promise<Client | number> {
  return new Promise((resolve, reject) => {
    const target = options.query ? `${url}?token=${encodeURIComponent(options.query)}` : url;
    const ws = new WebSocket(target, options.header ? { headers: { authorization: `Bearer ${options.header}` } } : {});
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.on('error', (err) => reject(err));
    const client = new Client(ws);
    ws.on('open', () => {
      void client.next().then((frame) => {
        expect(frame.type).toBe('ready');
        resolve(client);
      });
    });
  });
}

async function makeToken(name: string): Promise<{ id: string; secret: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/assist/tokens', headers: admin.headers, payload: { name } });
  return { id: response.json().token.id, secret: response.json().secret };
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db, { assistStreamConversations: 3, assistStreamRatePerSecond: 8 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/assist/stream`;
  organisationId = await buildOrganisation(db);
  admin = await signIn(app, (await buildUser(db, organisationId, { roles: ['admin'] })).login);
  const agent = await buildUser(db, organisationId, { roles: ['agent'] });
  agentLogin = agent.login;
  agentId = agent.id;
  const other = await buildOrganisation(db);
  outsiderLogin = (await buildUser(db, other, { roles: ['agent'] })).login;
  ({ id: tokenId, secret } = await makeToken('千牛插件'));
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('connecting', () => {
  it('refuses the upgrade with 401 without a token or with a wrong one', async () => {
    expect(await connect({})).toBe(401);
    expect(await connect({ header: 'cdk_not-a-real-token' })).toBe(401);
  });

  it('takes the query token out of the URL before routing and logging', () => {
    const req = { url: `/api/assist/stream?token=${secret}&v=1` } as IncomingMessage;
    expect(stripStreamToken(req)).toBe('/api/assist/stream?v=1');
    expect(stripStreamToken({ url: '/api/other?token=abc' } as IncomingMessage)).toBe('/api/other?token=abc');
  });

  it('accepts a live token in the Authorization header or the token query parameter', async () => {
    const byHeader = await connect({ header: secret });
    expect(byHeader).toBeInstanceOf(Client);
    const byQuery = await connect({ query: secret });
    expect(byQuery).toBeInstanceOf(Client);
    (byHeader as Client).ws.close();
    (byQuery as Client).ws.close();
  });
});

describe('messages', () => {
  let client: Client;
  beforeAll(async () => {
    client = (await connect({ header: secret })) as Client;
  });
  afterAll(() => client.ws.close());
  // Each test starts in a fresh one-second rate window.
  beforeEach(() => new Promise((r) => setTimeout(r, 1100)));

  it('answers a customer message with its reading, the trajectory, openers and the escalation prompt, echoing the id', async () => {
    const first = await client.send({ type: 'message', conversation: 'tb-1', role: 'customer', text: '请问什么时候发货？', id: 'm1' });
    expect(first).toMatchObject({ type: 'analysis', id: 'm1', conversation: 'tb-1', index: 0, role: 'customer' });
    await client.send({ type: 'message', conversation: 'tb-1', role: 'agent', text: '亲，今天下午发出哦', id: 'm2' });
    const third = await client.send({ type: 'message', conversation: 'tb-1', role: 'customer', text: '气死了！！！再不退款我就投诉到12315', id: 'm3' });
    expect(third.index).toBe(2);
    expect((third.reading as { risk: string }).risk).toBe('high');
    expect((third.trajectory as unknown[]).length).toBe(2);
    expect(third.current).toMatchObject({ risk: 'high' });
    expect((third.escalate as { shouldEscalate: boolean }).shouldEscalate).toBe(true);
    expect(typeof third.latencyMs).toBe('number');
    const draft = await client.send({ type: 'draft', conversation: 'tb-1', text: '这不是我们的问题', id: 'd1' });
    expect(draft).toMatchObject({ type: 'draft', id: 'd1' });
    expect((draft.check as { verdict: string }).verdict).not.toBe('ok');
    expect(await client.send({ type: 'close', conversation: 'tb-1', id: 'c1' })).toMatchObject({ type: 'closed', id: 'c1' });
  });

  it('answers bad input with an error frame naming the field and keeps the connection open', async () => {
    expect(await client.send('{not json')).toMatchObject({ type: 'error', code: 'bad_json' });
    expect(await client.send({ type: 'shout', id: 'x' })).toMatchObject({ type: 'error', code: 'unknown_type', at: 'type', id: 'x' });
    expect(await client.send({ type: 'message', conversation: 'a', text: '你好' })).toMatchObject({ type: 'error', code: 'invalid', at: 'role' });
    expect(await client.send({ type: 'message', conversation: 'a', role: 'customer', text: '长'.repeat(4001) })).toMatchObject({ type: 'error', code: 'too_long', at: 'text' });
    expect(await client.send({ type: 'close', conversation: 'never-opened' })).toMatchObject({ type: 'error', code: 'unknown_conversation' });
    expect(await client.send({ type: 'ping', id: 'p' })).toMatchObject({ type: 'pong', id: 'p' });
  });

  it('holds at most the configured number of conversations, with a clear error', async () => {
    for (const c of ['x1', 'x2', 'x3']) expect((await client.send({ type: 'message', conversation: c, role: 'customer', text: '在吗' })).type).toBe('analysis');
    const refused = await client.send({ type: 'message', conversation: 'x4', role: 'customer', text: '在吗' });
    expect(refused).toMatchObject({ type: 'error', code: 'too_many_conversations' });
    for (const c of ['x1', 'x2', 'x3']) await client.send({ type: 'close', conversation: c });
  });

  it('refuses more messages per second than allowed', async () => {
    const frames = await Promise.all(Array.from({ length: 20 }, (_, i) => client.send({ type: 'draft', conversation: 'r', text: `好的${i}` })));
    expect(frames.some((f) => f.type === 'error' && f.code === 'rate_limited')).toBe(true);
  });
});

describe('agents and tokens', () => {
  it('attributes a conversation to an agent of the token’s organisation only, and writes its counts in the background', async () => {
    const client = (await connect({ header: secret })) as Client;
    const outsider = await client.send({ type: 'message', conversation: 'jd-9', role: 'customer', text: '在吗', agent: outsiderLogin });
    expect(outsider).toMatchObject({ type: 'error', code: 'unknown_agent', at: 'agent' });
    const answered = await client.send({ type: 'message', conversation: 'jd-7', role: 'customer', text: '你们这是欺诈，我要投诉到12315', agent: agentLogin });
    expect(answered.type).toBe('analysis');
    let row: typeof assistConversations.$inferSelect | undefined;
    for (let i = 0; i < 40 && !row; i += 1) {
      await new Promise((r) => setTimeout(r, 150));
      [row] = await db.select().from(assistConversations).where(and(eq(assistConversations.organisationId, organisationId), eq(assistConversations.externalRef, 'jd-7')));
    }
    expect(row).toMatchObject({ agentId, source: 'stream', customerMessageCount: 1, peakRisk: 'high' });
    // A later calm message updates the same row: counts rise, the peak stays.
    await client.send({ type: 'message', conversation: 'jd-7', role: 'customer', text: '好的，谢谢' });
    for (let i = 0; i < 40 && row!.customerMessageCount < 2; i += 1) {
      await new Promise((r) => setTimeout(r, 150));
      [row] = await db.select().from(assistConversations).where(and(eq(assistConversations.organisationId, organisationId), eq(assistConversations.externalRef, 'jd-7')));
    }
    expect(row).toMatchObject({ customerMessageCount: 2, peakRisk: 'high', lastRisk: 'low' });
    const none = await db.select().from(assistConversations).where(eq(assistConversations.externalRef, 'jd-9'));
    expect(none).toHaveLength(0);
    client.ws.close();
  });

  it('closes open connections when their token is revoked, and refuses it afterwards', async () => {
    const { id, secret: other } = await makeToken('抖店');
    const client = (await connect({ header: other })) as Client;
    await app.inject({ method: 'POST', url: `/api/assist/tokens/${id}/revoke`, headers: admin.headers, payload: {} });
    expect(await client.closed).toBe(4001);
    expect(await connect({ header: other })).toBe(401);
    // The first token still works.
    const still = await connect({ header: secret });
    expect(still).toBeInstanceOf(Client);
    (still as Client).ws.close();
    expect(tokenId).not.toBe(id);
  });
});
