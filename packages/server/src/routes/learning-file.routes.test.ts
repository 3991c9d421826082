import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/** Files in lessons: trainers attach images and worksheets; learners open them; nothing can run script. */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let trainer: TTestSession;
let agent: TTestSession;
let outsider: TTestSession;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n% worksheet\n', 'latin1');

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  const organisationId = await buildOrganisation(db);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  agent = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
  outsider = await signIn(app, (await buildUser(db, await buildOrganisation(db), { roles: ['trainer'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

function upload(session: TTestSession, name: string, bytes: Buffer) {
  return app.inject({ method: 'POST', url: `/api/learning/files?name=${encodeURIComponent(name)}`, headers: { ...session.headers, 'content-type': 'application/octet-stream' }, payload: bytes });
}

describe('lesson files', () => {
  it('stores an image and a worksheet and serves them to learners: images inline, the rest as downloads', async () => {
    const image = await upload(trainer, '情绪温度计.png', PNG);
    expect(image.statusCode, image.body).toBe(201);
    expect(image.json()).toEqual(expect.objectContaining({ name: '情绪温度计.png', contentType: 'image/png', size: PNG.length }));
    expect(image.json().markdown).toBe(`![情绪温度计.png](/api/learning/files/${image.json().id})`);
    const shown = await app.inject({ method: 'GET', url: image.json().url, headers: agent.headers });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E6%83%85/);
    expect(shown.rawPayload.equals(PNG)).toBe(true);

    const sheet = await upload(trainer, 'ABC记录表.pdf', PDF);
    const download = await app.inject({ method: 'GET', url: sheet.json().url, headers: agent.headers });
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const listed = (await app.inject({ method: 'GET', url: '/api/learning/files', headers: trainer.headers })).json().files;
    expect(listed.map((f: { name: string }) => f.name)).toEqual(['ABC记录表.pdf', '情绪温度计.png']);
  });

  it('refuses files that could run script or lie about their type, with the reason', async () => {
    const svg = await upload(trainer, 'diagram.svg', Buffer.from('<svg onload="alert(1)"/>'));
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.message).toMatch(/only png/);
    const html = await upload(trainer, 'page.html', Buffer.from('<script>alert(1)</script>'));
    expect(html.statusCode).toBe(415);
    const disguised = await upload(trainer, 'photo.png', Buffer.from('<script>alert(1)</script>'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.message).toMatch(/not a real \.png/);
    const empty = await upload(trainer, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const tooBig = await upload(trainer, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooBig.statusCode).toBe(413);
    expect((await upload(agent, 'x.png', PNG)).statusCode).toBe(403);
  });

  it('keeps files within their organisation, and a deleted file is gone', async () => {
    const file = (await upload(trainer, 'private.png', PNG)).json();
    expect((await app.inject({ method: 'GET', url: file.url, headers: outsider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: file.url, headers: outsider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: file.url, headers: trainer.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: file.url, headers: agent.headers })).statusCode).toBe(404);
  });

  it('serves built-in worksheets by plain name only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/learning/assets/..%2F..%2Fpackage.json', headers: agent.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/learning/assets/no-such-file.pdf', headers: agent.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/learning/assets/abc-worksheet.pdf' })).statusCode).toBe(401);
  });
});
