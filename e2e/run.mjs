#!/usr/bin/env node
// Starts the built CalmDesk on a fresh embedded database (demo organisation seeded), waits
// for /api/health, runs the Playwright journeys, then stops the server cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One data folder per run, so two runs on one machine (a developer and a helper) never share a database.
const dataDir = path.join(root, `e2e/.data/run-${process.pid}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'e2e/artifacts'), { recursive: true });

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: p } = server.address();
    server.close(() => resolve(p));
  });
});
const baseUrl = `http://127.0.0.1:${port}`;
const serverLog = fs.openSync(path.join(root, 'e2e/artifacts/server.log'), 'w');
const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/main.js')], {
  cwd: root,
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', SEED_DEMO: 'true', LOGIN_RATE_PER_MINUTE: '1000' },
  stdio: ['ignore', serverLog, serverLog],
});

async function waitForHealth() {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return true;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

let status = 1;
if (await waitForHealth()) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseUrl },
  });
  status = result.status ?? 1;
} else {
  console.error(`e2e: the server did not become healthy; see e2e/artifacts/server.log:\n${fs.readFileSync(path.join(root, 'e2e/artifacts/server.log'), 'utf8').slice(-3000)}`);
}
server.kill('SIGTERM');
await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
