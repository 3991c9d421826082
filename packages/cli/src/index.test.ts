import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn } from '../../server/src/test/helpers.js';
import { runCli } from './index.js';

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  vi.stubEnv('DATABASE_URL', testDb.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await testDb.drop();
});

function withStdin(text: string) {
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(text)]) as unknown as typeof process.stdin);
}

describe('calmdesk reset-password', () => {
  it('gives a locked-out admin a working password again', async () => {
    const organisationId = await buildOrganisation(testDb.db);
    const admin = await buildUser(testDb.db, organisationId, { roles: ['admin'] });
    withStdin('recovered-password-1\n');
    const write = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    expect(await runCli(['reset-password', admin.login])).toBe(0);
    write.mockRestore();
    const app = await buildTestApp(testDb.db);
    await expect(signIn(app, admin.login, 'recovered-password-1')).resolves.toBeTruthy();
    await app.close();
  });

  it('exits 1 naming an unknown login, and 2 for a too-short password', async () => {
    const errors: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (errors.push(String(s)), true));
    withStdin('long-enough-password\n');
    expect(await runCli(['reset-password', 'no-such-login'])).toBe(1);
    withStdin('short\n');
    expect(await runCli(['reset-password', 'whoever'])).toBe(2);
    write.mockRestore();
    expect(errors.join('')).toMatch(/no account with login "no-such-login"[\s\S]*must be 10 to 128 characters/);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    expect(await runCli(['frobnicate'])).toBe(2);
    write.mockRestore();
  });
});
