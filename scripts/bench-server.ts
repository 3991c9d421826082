// What the server benchmarks share: the built server on a fresh embedded database with the
// demo organisation, signed-in calls, its peak memory, and the customer lines they send.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Customer lines as they come in on Taobao, JD and Douyin: questions, worry, complaints, threats, thanks. */
export const CUSTOMER_LINES = [
  '在吗？我的快递三天了还没到',
  '你们到底什么时候发货！！！',
  '东西收到了，但是屏幕有划痕，怎么处理？',
  '尺码偏小，能换大一码吗',
  '昨天刚买今天就降价了，能保价吗？',
  '第三次找你们了，还是没人解决，我要投诉到12315',
  '好的，谢谢',
  '退款什么时候到账？我电话13812345678',
  '发票怎么开？',
  '再不处理我就给差评了',
  '这个颜色和图片差太多了吧',
  '行吧，那我等你消息',
];

export type TBenchServer = { server: ChildProcess; base: string; work: string };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh work folder under the system temp folder, for the server's data and the bench's files.
 * @param prefix the folder's name prefix
 */
export function benchWorkDir(prefix: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // The embedded PostgreSQL runs as the postgres user when we are root: it must be able to enter.
  fs.chmodSync(work, 0o755);
  return work;
}

/**
 * The built server on an embedded database in `work`/data, demo organisation seeded; call
 * benchServerReady before using it. BENCH_PROFILE=<dir> writes a CPU profile of the server
 * there (open it in Chrome DevTools).
 */
export async function benchServerStart(work: string): Promise<TBenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const server = spawn(process.execPath, [...profile, path.join(root, 'packages/server/dist/main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn', SEED_DEMO: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { server, base, work };
}

/** Waits until the server answers /api/health (90 s at most). */
export async function benchServerReady(base: string): Promise<void> {
  for (let i = 0; ; i += 1) {
    if (i > 360) throw new Error('the server did not start');
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Signs a demo login in; the headers every later call needs. */
export async function benchSignIn(base: string, login: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'calmdesk-demo' }) });
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

/** A process's peak resident memory (VmHWM) in MB, 0 once it is gone. */
export function peakRssMb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
