import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let admin: TTestSession;
let adminId: string;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  const adminUser = await buildUser(db, organisationId, { roles: ['admin'] });
  adminId = adminUser.id;
  admin = await signIn(app, adminUser.login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('admin: users', () => {
  it('creates a person with several roles and a team, who can then sign in', async () => {
    const teamId = await buildTeam(db, organisationId, '售后组');
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.headers,
      payload: { login: 'New.Hire', displayName: '新同事', password: 'first-password-1', roles: ['agent', 'mentor'], teamIds: [teamId], hireDate: '2026-11-01' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.login).toBe('new.hire');
    expect(body.roles).toEqual(['agent', 'mentor']);
    expect(body.teams).toEqual([{ id: teamId, name: '售后组' }]);
    const session = await signIn(app, 'new.hire', 'first-password-1');
    expect(session.csrfToken).toBeTruthy();
  });

  it('refuses a taken login with 409 naming the field', async () => {
    const existing = await buildUser(db, organisationId);
    const r = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { login: existing.login, displayName: 'x', password: 'long-password-1', roles: ['agent'] } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.issues[0].path).toBe('login');
  });

  it('refuses an unknown role, a short password and a foreign team with 400', async () => {
    const otherOrgTeam = await buildTeam(db, await buildOrganisation(db));
    const badRole = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { login: 'x1', displayName: 'x', password: 'long-password-1', roles: ['boss'] } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.issues[0].path).toMatch(/^body\.roles/);
    const shortPw = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { login: 'x2', displayName: 'x', password: 'short', roles: ['agent'] } });
    expect(shortPw.json().error.issues[0].path).toBe('body.password');
    const foreign = await app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: { login: 'x3', displayName: 'x', password: 'long-password-1', roles: ['agent'], teamIds: [otherOrgTeam] } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].path).toBe('teamIds');
  });

  it('changes roles and records the change in the audit log', async () => {
    const person = await buildUser(db, organisationId, { roles: ['agent'] });
    const r = await app.inject({ method: 'PATCH', url: `/api/admin/users/${person.id}`, headers: admin.headers, payload: { roles: ['agent', 'supervisor'] } });
    expect(r.json().roles).toEqual(['agent', 'supervisor']);
    const audit = await app.inject({ method: 'GET', url: '/api/admin/audit?action=user.roles_changed', headers: admin.headers });
    const entry = audit.json().entries.find((e: { targetId: string }) => e.targetId === person.id);
    expect(entry.details).toEqual({ before: ['agent'], after: ['agent', 'supervisor'] });
    expect(entry.actor.id).toBe(adminId);
  });

  it('a role change takes effect on the next request of a signed-in person', async () => {
    const person = await buildUser(db, organisationId, { roles: ['agent'] });
    const session = await signIn(app, person.login);
    expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers: session.headers })).statusCode).toBe(403);
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${person.id}`, headers: admin.headers, payload: { roles: ['admin'] } });
    expect((await app.inject({ method: 'GET', url: '/api/admin/users', headers: session.headers })).statusCode).toBe(200);
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${person.id}`, headers: admin.headers, payload: { roles: ['agent'] } });
  });

  it('deactivating a person ends their sessions', async () => {
    const person = await buildUser(db, organisationId);
    const session = await signIn(app, person.login);
    await app.inject({ method: 'PATCH', url: `/api/admin/users/${person.id}`, headers: admin.headers, payload: { isActive: false } });
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers })).statusCode).toBe(401);
    await expect(signIn(app, person.login)).rejects.toThrow(/403/);
  });

  it('resets a password: old sessions end, the new password works, the lockout lifts', async () => {
    const person = await buildUser(db, organisationId);
    const session = await signIn(app, person.login);
    const r = await app.inject({ method: 'POST', url: `/api/admin/users/${person.id}/password`, headers: admin.headers, payload: { newPassword: 'given-by-admin-1' } });
    expect(r.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/session', headers: session.headers })).statusCode).toBe(401);
    await expect(signIn(app, person.login, 'given-by-admin-1')).resolves.toBeTruthy();
  });

  it('keeps at least one active admin', async () => {
    const onlyAdminOrg = await buildOrganisation(db);
    const soleAdmin = await buildUser(db, onlyAdminOrg, { roles: ['admin'] });
    const session = await signIn(app, soleAdmin.login);
    const demote = await app.inject({ method: 'PATCH', url: `/api/admin/users/${soleAdmin.id}`, headers: session.headers, payload: { roles: ['agent'] } });
    expect(demote.statusCode).toBe(409);
    const remove = await app.inject({ method: 'DELETE', url: `/api/admin/users/${soleAdmin.id}`, headers: session.headers });
    expect(remove.statusCode).toBe(409);
  });

  it('removes a person from the organisation, audited', async () => {
    const person = await buildUser(db, organisationId);
    const r = await app.inject({ method: 'DELETE', url: `/api/admin/users/${person.id}`, headers: admin.headers });
    expect(r.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/admin/users/${person.id}`, headers: admin.headers })).statusCode).toBe(404);
    const audit = await app.inject({ method: 'GET', url: '/api/admin/audit?action=user.removed', headers: admin.headers });
    expect(audit.json().entries.some((e: { targetId: string }) => e.targetId === person.id)).toBe(true);
  });

  it('searches by name and filters by role and team, paginated', async () => {
    const teamId = await buildTeam(db, organisationId);
    await buildUser(db, organisationId, { displayName: '张晓梅', roles: ['trainer'], teamIds: [teamId] });
    await buildUser(db, organisationId, { displayName: '张大伟', roles: ['agent'] });
    const byName = await app.inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent('张')}`, headers: admin.headers });
    expect(byName.json().total).toBe(2);
    const byRole = await app.inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent('张')}&role=trainer`, headers: admin.headers });
    expect(byRole.json().users.map((u: { displayName: string }) => u.displayName)).toEqual(['张晓梅']);
    const byTeam = await app.inject({ method: 'GET', url: `/api/admin/users?teamId=${teamId}`, headers: admin.headers });
    expect(byTeam.json().total).toBe(1);
    const paged = await app.inject({ method: 'GET', url: '/api/admin/users?pageSize=1&page=2', headers: admin.headers });
    expect(paged.json().users).toHaveLength(1);
    const badPage = await app.inject({ method: 'GET', url: '/api/admin/users?pageSize=5000', headers: admin.headers });
    expect(badPage.statusCode).toBe(400);
  });
});

describe('admin: teams', () => {
  it('creates, renames and deletes a team; names are unique per organisation', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/admin/teams', headers: admin.headers, payload: { name: '夜班组' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const duplicate = await app.inject({ method: 'POST', url: '/api/admin/teams', headers: admin.headers, payload: { name: '夜班组' } });
    expect(duplicate.statusCode).toBe(409);
    const renamed = await app.inject({ method: 'PATCH', url: `/api/admin/teams/${id}`, headers: admin.headers, payload: { name: '夜间值班组' } });
    expect(renamed.json().name).toBe('夜间值班组');
    expect((await app.inject({ method: 'DELETE', url: `/api/admin/teams/${id}`, headers: admin.headers })).statusCode).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/teams', headers: admin.headers });
    expect(list.json().teams.some((t: { id: string }) => t.id === id)).toBe(false);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const r = await app.inject({ method: 'PATCH', url: '/api/admin/teams/not-a-uuid', headers: admin.headers, payload: { name: 'x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].path).toBe('params.id');
  });
});
