#!/usr/bin/env node
// Starts the built CalmDesk on fresh embedded databases (demo organisation seeded), waits for
// /api/health, runs the Playwright journeys, then stops the servers cleanly.
// E2E_SHARDS=2 runs the whole suite as two shards side by side, each with its own server and
// database, for machines with cores to spare: on the 2-core development machine every journey
// took twice as long that way (no gain, and timeouts), so the default is one shard.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const shardCount = Math.max(1, Number(process.env.E2E_SHARDS ?? 1) || 1);
fs.mkdirSync(path.join(root, 'e2e/artifacts'), { recursive: true });
for (const name of fs.readdirSync(path.join(root, 'e2e/artifacts'))) {
  if (/^results(-\d+)?\.json$/.test(name)) fs.rmSync(path.join(root, 'e2e/artifacts', name));
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One server on its own data folder, so two runs on one machine (or two shards) never share a database. */
async function startServer(shard) {
  const dataDir = path.join(root, `e2e/.data/run-${process.pid}-${shard}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const logFile = path.join(root, `e2e/artifacts/server${shardCount > 1 ? `-${shard}` : ''}.log`);
  const log = fs.openSync(logFile, 'w');
  const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', SEED_DEMO: 'true', LOGIN_RATE_PER_MINUTE: '1000' },
    stdio: ['ignore', log, log],
  });
  return { shard, server, dataDir, logFile, baseUrl: `http://127.0.0.1:${port}` };
}

async function waitForHealth({ server, baseUrl }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return true;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Playwright for one shard; with two, each output line carries its shard number. */
function runShard({ shard, baseUrl }) {
  const shardArgs = shardCount > 1 ? [`--shard=${shard}/${shardCount}`, '--output', `e2e/artifacts/results-${shard}`] : [];
  const child = spawn(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'e2e/playwright.config.ts', ...shardArgs, ...args], {
    cwd: root,
    stdio: shardCount > 1 ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_REPORT: shardCount > 1 ? `artifacts/results-${shard}.json` : 'artifacts/results.json' },
  });
  if (shardCount > 1) {
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) console.log(`[${shard}] ${line}`);
      });
    }
  }
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

const servers = await Promise.all(Array.from({ length: shardCount }, (_, i) => startServer(i + 1)));
let status = 0;
const healthy = await Promise.all(servers.map(waitForHealth));
if (healthy.every(Boolean)) {
  const codes = await Promise.all(servers.map(runShard));
  status = codes.find((code) => code !== 0) ?? 0;
} else {
  status = 1;
  for (const [i, server] of servers.entries()) {
    if (!healthy[i]) console.error(`e2e: the server did not become healthy; see ${server.logFile}:\n${fs.readFileSync(server.logFile, 'utf8').slice(-3000)}`);
  }
}
for (const { server } of servers) server.kill('SIGTERM');
await Promise.all(servers.map(({ server }) => new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)))));
for (const { dataDir } of servers) fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
