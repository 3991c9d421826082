import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let agent: TTestSession;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  const organisationId = await buildOrganisation(db);
  agent = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('POST /api/analyze/message', () => {
  it('reads an angry, threatening message as high risk with its cues', async () => {
    const text = '第三次找你们了还没解决！！！再不退款我就打12315';
    const r = await app.inject({ method: 'POST', url: '/api/analyze/message', headers: agent.headers, payload: { text } });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.risk).toBe('high');
    expect(body.threats).toContain('regulator');
    expect(body.needs).toContain('refund');
    const threat = body.cues.find((c: { kind: string }) => c.kind === 'threat');
    expect(text.slice(threat.start, threat.end)).toBe(threat.text);
  });

  it('takes earlier turns into account', async () => {
    const previous = ['你们这些骗子！！！', '气死我了，垃圾店！！', '还不给我退款？？？'];
    const r = await app.inject({ method: 'POST', url: '/api/analyze/message', headers: agent.headers, payload: { text: '嗯', context: previous } });
    expect(r.json().risk).toBe('high');
  });

  it('names the field of a bad request: missing text, too long, too much context', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/analyze/message', headers: agent.headers, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.text');
    const long = await app.inject({ method: 'POST', url: '/api/analyze/message', headers: agent.headers, payload: { text: '啊'.repeat(10_001) } });
    expect(long.json().error.issues[0].path).toBe('body.text');
    const context = await app.inject({ method: 'POST', url: '/api/analyze/message', headers: agent.headers, payload: { text: 'x', context: Array(21).fill('y') } });
    expect(context.json().error.issues[0].path).toBe('body.context');
  });
});

describe('POST /api/analyze/reply', () => {
  it('flags blame-shifting and names what is missing for an angry customer', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/analyze/reply',
      headers: agent.headers,
      payload: { text: '这是快递的问题，你去找快递', customer: '东西摔坏了！！！我要退款' },
    });
    const body = r.json();
    expect(body.verdict).toBe('avoid');
    expect(body.issues.map((i: { category: string }) => i.category)).toContain('blame_shift');
    expect(body.missing.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(['acknowledge', 'apology']));
    expect(body.suggestions.length).toBeGreaterThan(0);
  });
});

describe('batches', () => {
  it('answers every item in order with its id', async () => {
    const items = [{ id: 'a', text: '谢谢，很满意' }, { text: '气死了！！！骗子' }, { id: 'c', text: '请问有货吗' }];
    const r = await app.inject({ method: 'POST', url: '/api/analyze/messages', headers: agent.headers, payload: { items } });
    const results = r.json().results;
    expect(results.map((x: { id: string | null }) => x.id)).toEqual(['a', null, 'c']);
    expect(results[1].risk).toBe('high');
  });

  it('refuses more than 1,000 items and an empty batch', async () => {
    const tooMany = await app.inject({ method: 'POST', url: '/api/analyze/replies', headers: agent.headers, payload: { items: Array(1001).fill({ text: '好' }) } });
    expect(tooMany.statusCode).toBe(400);
    const empty = await app.inject({ method: 'POST', url: '/api/analyze/messages', headers: agent.headers, payload: { items: [] } });
    expect(empty.statusCode).toBe(400);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-person limit, others unaffected', async () => {
    const limited = await buildTestApp(db, { analysisRatePerMinute: 3 });
    const organisationId = await buildOrganisation(db);
    const one = await signIn(limited, (await buildUser(db, organisationId)).login);
    const two = await signIn(limited, (await buildUser(db, organisationId)).login);
    const call = (s: TTestSession) => limited.inject({ method: 'POST', url: '/api/analyze/message', headers: s.headers, payload: { text: '在吗' } });
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await call(one)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const refused = await call(one);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call(two)).statusCode).toBe(200);
    await limited.close();
  });
});
