import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real server process on its embedded PostgreSQL: kill -9, start again, nothing lost;
 * a second process on the same data folder refuses to start.
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const mainTs = path.join(repoRoot, 'packages/server/src/main.ts');
const children: ChildProcess[] = [];
let dataDir: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function startServer(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', mainTs], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'true', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, server: ReturnType<typeof startServer>, timeoutMs = 60_000): Promise<{ status: string; database: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return (await response.json()) as { status: string; database: string };
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} not healthy after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signInAsAdmin(port: number): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: 'calmdesk-demo' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  // Orphaned postmasters from the killed runs: a clean start-stop cycle would stop them; here we just stop by pid.
  try {
    const pid = Number.parseInt((await fs.readFile(path.join(dataDir, 'pg/postmaster.pid'), 'utf8')).split('\n')[0]!, 10);
    process.kill(pid, 'SIGQUIT');
  } catch {
    // already stopped
  }
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL lifecycle', () => {
  it('survives kill -9 with every committed row, and refuses a second instance on the same folder', { timeout: 180_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'calmdesk-restart-'));
    const port = await freePort();
    const first = startServer(port);
    expect((await waitForHealth(port, first)).database).toBe('ok');

    const { cookie, csrf } = await signInAsAdmin(port);
    const created = await fetch(`http://127.0.0.1:${port}/api/admin/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ name: '断电前创建的组' }),
    });
    expect(created.status).toBe(201);

    const secondPort = await freePort();
    const second = startServer(secondPort);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toMatch(/another CalmDesk process \(pid \d+\) is already using the data directory/);

    first.child.kill('SIGKILL');
    await first.exited;

    const again = startServer(port);
    expect((await waitForHealth(port, again)).database).toBe('ok');
    const session = await signInAsAdmin(port);
    const teams = await fetch(`http://127.0.0.1:${port}/api/teams`, { headers: { cookie: session.cookie } });
    const names = ((await teams.json()) as { teams: { name: string }[] }).teams.map((t) => t.name);
    expect(names).toContain('断电前创建的组');

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    await expect(fs.access(path.join(dataDir, 'pg/postmaster.pid'))).rejects.toThrow();
  });
});
