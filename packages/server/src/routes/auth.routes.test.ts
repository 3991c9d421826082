import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, TEST_PASSWORD } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db, { loginMaxFailures: 3 });
  organisationId = await buildOrganisation(db, '测试店 Test Shop');
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('login', () => {
  it('signs in with the right password and sets an httpOnly SameSite cookie', async () => {
    const user = await buildUser(db, organisationId, { roles: ['agent', 'mentor'] });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.login.toUpperCase(), password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.roles).toEqual(['agent', 'mentor']);
    expect(body.organisation.name).toBe('测试店 Test Shop');
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    const proxied = await buildTestApp(db, { trustProxy: true });
    const user = await buildUser(db, organisationId);
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { login: user.login, password: TEST_PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'cd_session')?.secure).toBe(true);
    await proxied.close();
  });

  it('refuses a wrong password and an unknown login alike', async () => {
    const user = await buildUser(db, organisationId);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.login, password: 'nope-nope-nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'nobody-here', password: 'nope-nope-nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const user = await buildUser(db, organisationId);
    for (let i = 0; i < 3; i += 1) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.login, password: 'wrong-password' } });
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.login, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('rate-limits login attempts per client address', async () => {
    const limited = await buildTestApp(db, { loginRatePerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await limited.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '203.0.113.9', payload: { login: 'whoever', password: 'whatever-123' } });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await limited.close();
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await buildUser(db, organisationId);
    const rows = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) });
    expect(rows?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('session', () => {
  it('answers 401 without a session and the session view with one', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    const user = await buildUser(db, organisationId);
    const session = await signIn(app, user.login);
    const response = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.login).toBe(user.login);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await buildUser(db, organisationId);
    const session = await signIn(app, user.login);
    const without = await app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie }, payload: { displayName: '新名字' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const withToken = await app.inject({ method: 'PATCH', url: '/api/me', headers: session.headers, payload: { displayName: '新名字' } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.json().user.displayName).toBe('新名字');
  });

  it('logs out: the cookie no longer works', async () => {
    const user = await buildUser(db, organisationId);
    const session = await signIn(app, user.login);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('changes the own password: the old one stops working and other sessions end', async () => {
    const user = await buildUser(db, organisationId);
    const here = await signIn(app, user.login);
    const elsewhere = await signIn(app, user.login);
    const wrong = await app.inject({ method: 'POST', url: '/api/me/password', headers: here.headers, payload: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1' } });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await app.inject({ method: 'POST', url: '/api/me/password', headers: here.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' } });
    expect(ok.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    await expect(signIn(app, user.login)).rejects.toThrow(/401/);
    await expect(signIn(app, user.login, 'a-new-password-1')).resolves.toBeTruthy();
  });

  it('switches between organisations the person belongs to, and no others', async () => {
    const otherOrg = await buildOrganisation(db, '第二家店');
    const strangerOrg = await buildOrganisation(db, '别人家的店');
    const user = await buildUser(db, organisationId, { roles: ['agent'] });
    await db.insert((await import('../db/schema.js')).memberships).values({ userId: user.id, organisationId: otherOrg, roles: ['trainer'] });
    const session = await signIn(app, user.login);
    expect(session).toBeTruthy();
    const switched = await app.inject({ method: 'POST', url: '/api/auth/switch-organisation', headers: session.headers, payload: { organisationId: otherOrg } });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().roles).toEqual(['trainer']);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/switch-organisation', headers: session.headers, payload: { organisationId: strangerOrg } });
    expect(refused.statusCode).toBe(404);
  });
});

describe('several instances on one database', () => {
  it('a session made on one instance works on another, and a logout there ends it everywhere', async () => {
    const second = await buildTestApp(db);
    const user = await buildUser(db, organisationId, { roles: ['admin'] });
    const session = await signIn(app, user.login);
    const onSecond = await second.inject({ method: 'POST', url: '/api/admin/teams', headers: session.headers, payload: { name: '跨实例创建' } });
    expect(onSecond.statusCode).toBe(201);
    await second.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers })).statusCode).toBe(401);
    await second.close();
  });

  it('shares the login rate limit across instances', async () => {
    const one = await buildTestApp(db, { loginRatePerMinute: 2 });
    const two = await buildTestApp(db, { loginRatePerMinute: 2 });
    const attempt = (target: TRouteApp) =>
      target.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.7', payload: { login: 'x-nobody', password: 'whatever-123' } });
    expect((await attempt(one)).statusCode).toBe(401);
    expect((await attempt(two)).statusCode).toBe(401);
    expect((await attempt(one)).statusCode).toBe(429);
    await one.close();
    await two.close();
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 saying so', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login": "x",' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('BAD_REQUEST');
    expect(r.json().error.message).toMatch(/JSON/);
  });

  it('names the field that failed validation', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'someone' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.password' })]));
  });

  it('answers an oversize body with 413', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'x', password: 'y'.repeat(2_000_000) } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with JSON 404', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
  });

  it('answers an unsupported content type with 415, never 5xx', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
    expect(r.statusCode).toBe(415);
  });
});
