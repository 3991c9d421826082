import { randomBytes } from 'node:crypto';
import type { TRole } from '@calmdesk/shared';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type TRouteApp } from '../app.js';
import { loadConfig, type TConfig } from '../config.js';
import { createDb, migrateDb, type TDb } from '../db/client.js';
import { getEngine } from '../lib/engine.js';
import { hashPassword } from '../lib/password.js';
import { insertTeam } from '../repositories/team.repository.js';
import { insertMembership, insertOrganisation, insertUser, replaceUserTeams } from '../repositories/user.repository.js';

export const TEST_PASSWORD = 'test-password-123';

/** A fresh, migrated database of its own on the test server; `drop` removes it. */
export async function createTestDatabase(): Promise<{ db: TDb; pool: pg.Pool; url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('testDatabaseUrl');
  const name = `calmdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { db, pool } = createDb(url.toString(), 5);
  await migrateDb(pool);
  return {
    db,
    pool,
    url: url.toString(),
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function buildTestConfig(overrides: Partial<TConfig> = {}): TConfig {
  return { ...loadConfig({ SEED_DEMO: 'false', LOG_LEVEL: 'silent' }), loginRatePerMinute: 10_000, analysisRatePerMinute: 100_000, ...overrides };
}

export async function buildTestApp(db: TDb, overrides: Partial<TConfig> = {}): Promise<TRouteApp> {
  const app = await buildApp({ db, config: buildTestConfig(overrides), engine: await getEngine() }, { logger: false });
  await app.ready();
  return app;
}

/** Hash once per run: argon2id is deliberately slow and factories make many users. */
let testPasswordHash: Promise<string> | undefined;

export async function buildOrganisation(db: TDb, name = `Org ${randomBytes(3).toString('hex')}`): Promise<string> {
  return insertOrganisation(db, { name, slug: `org-${randomBytes(6).toString('hex')}` });
}

export async function buildTeam(db: TDb, organisationId: string, name = `Team ${randomBytes(3).toString('hex')}`): Promise<string> {
  return insertTeam(db, { organisationId, name, description: '' });
}

/** Creates a person with a membership in the organisation. */
export async function buildUser(
  db: TDb,
  organisationId: string,
  options: { roles?: TRole[]; login?: string; displayName?: string; teamIds?: string[] } = {},
): Promise<{ id: string; login: string }> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const login = options.login ?? `user-${randomBytes(5).toString('hex')}`;
  const id = await insertUser(db, { login, displayName: options.displayName ?? login, passwordHash: await testPasswordHash });
  await insertMembership(db, { userId: id, organisationId, roles: options.roles ?? ['agent'] });
  if (options.teamIds) await replaceUserTeams(db, organisationId, id, options.teamIds);
  return { id, login };
}

export type TTestSession = { cookie: string; csrfToken: string; headers: Record<string, string> };

/** Signs in through the API; `headers` carry the cookie and CSRF token for later calls. */
export async function signIn(app: TRouteApp, login: string, password = TEST_PASSWORD): Promise<TTestSession> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (response.statusCode !== 200) throw new Error(`signIn(${login}) failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'cd_session');
  if (!setCookie) throw new Error('signIn: no session cookie');
  const cookie = `cd_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
