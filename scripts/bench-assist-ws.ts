// npm run bench -- --assist-ws [--connections 1000] [--seconds 60] [--rate 1]
// The live-assist stream under load: starts the built CalmDesk on a throwaway embedded
// PostgreSQL (demo seed), makes an API token as the demo admin, opens N WebSocket connections
// and has each send one customer message per second (varied chat lines, a new conversation
// every 6–10 messages, a third of them naming a demo agent) for the given time. Prints the
// connections held, messages sent and answered, errors, the server's own analysis latency
// (receive → send, as it reports in `latencyMs`), the client's round trip, and the server's
// peak memory. Target: p99 analysis latency under 50 ms with 1,000 connections.
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { benchServerReady, benchServerStart, benchSignIn, benchWorkDir, CUSTOMER_LINES, fmt, peakRssMb } from './bench-server.js';

const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const CONNECTIONS = option('--connections', 1000);
const SECONDS = option('--seconds', 60);
const RATE = option('--rate', 1);

/** The shared customer lines and more: worry, anger, threats, suspicion. */
const CUSTOMER = [
  ...CUSTOMER_LINES,
  '我很着急，明天就要用，能不能加急',
  '客服你是机器人吗？说了半天一点用都没有',
  '气死我了，买的是新品收到的是二手的！！',
  '收货地址写错了，能帮我改成北京市朝阳区建国路88号吗',
  '为什么我的订单被取消了？？',
  '质量太差了，穿了一次就开线了，太失望了',
  '你们这是欺诈，我要找消协曝光你们',
  '东西挺好的，物流也快，给你们五星',
  '怎么又是这套说辞，我要你们主管来跟我说',
  '包装都压坏了，里面的杯子碎了两个',
  '优惠券为什么用不了？页面上明明写着满199减30',
  '孩子过敏了，你们这个到底什么成分',
];
const AGENTS = Array.from({ length: 30 }, (_, i) => `agent${String(i + 1).padStart(2, '0')}`);

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(values: number[]): string {
  const sorted = Float64Array.from(values).sort();
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  return `p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted[sorted.length - 1] ?? NaN)}`;
}

export async function assistWsBench(): Promise<void> {
  const work = benchWorkDir('cd-bench-ws-');
  const { server, base } = await benchServerStart(work);
  const sockets: WebSocket[] = [];
  try {
    await benchServerReady(base);
    const admin = await benchSignIn(base, 'admin');
    const made = await fetch(`${base}/api/assist/tokens`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    });
    if (made.status !== 201) throw new Error(`token: ${made.status} ${await made.text()}`);
    const { secret } = (await made.json()) as { secret: string };

    const serverLatency: number[] = [];
    const roundTrip: number[] = [];
    let sent = 0;
    let answered = 0;
    let errorFrames = 0;
    let socketErrors = 0;
    let unexpectedCloses = 0;
    const errorCodes = new Map<string, number>();
    let isStopping = false;

    // Open the connections, 50 at a time (a chat tool's fleet does not connect in one instant).
    let t0 = performance.now();
    const url = `${base.replace('http://', 'ws://')}/api/assist/stream`;
    const open = (n: number) =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(url, { headers: { authorization: `Bearer ${secret}` }, perMessageDeflate: false });
        const pending = new Map<string, number>();
        ws.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as { type: string; id?: string | null; latencyMs?: number; code?: string };
          if (frame.type === 'ready') return resolve(ws);
          if (frame.type === 'error') {
            errorFrames += 1;
            errorCodes.set(frame.code ?? '?', (errorCodes.get(frame.code ?? '?') ?? 0) + 1);
          }
          if (frame.type === 'analysis' && frame.id) {
            const at = pending.get(frame.id);
            pending.delete(frame.id);
            if (at !== undefined) roundTrip.push(performance.now() - at);
            serverLatency.push(frame.latencyMs ?? NaN);
            answered += 1;
          }
        });
        ws.on('error', (err) => {
          socketErrors += 1;
          reject(err);
        });
        ws.on('close', () => {
          if (!isStopping) unexpectedCloses += 1;
        });
        (ws as WebSocket & { pending: Map<string, number>; n: number }).pending = pending;
        (ws as WebSocket & { pending: Map<string, number>; n: number }).n = n;
      });
    for (let i = 0; i < CONNECTIONS; i += 50) {
      const batch = await Promise.allSettled(Array.from({ length: Math.min(50, CONNECTIONS - i) }, (_, k) => open(i + k)));
      for (const result of batch) if (result.status === 'fulfilled') sockets.push(result.value);
    }
    console.log(`connections: ${fmt(sockets.length)} of ${fmt(CONNECTIONS)} open in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Each connection sends RATE customer messages per second, starting at a random offset.
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const timers: NodeJS.Timeout[] = [];
    t0 = performance.now();
    const startedAt = Date.now();
    const serverCpuAtStart = cpuSeconds(server.pid!);
    const clientCpuAtStart = process.cpuUsage();
    for (const ws of sockets) {
      const state = { conversation: 0, left: 6 + rand(5), message: 0, agent: rand(3) === 0 ? AGENTS[rand(AGENTS.length)] : undefined };
      const n = (ws as WebSocket & { n: number }).n;
      const pending = (ws as WebSocket & { pending: Map<string, number> }).pending;
      const tick = () => {
        if (ws.readyState !== WebSocket.OPEN || Date.now() - startedAt > SECONDS * 1000) return;
        const conversation = `c${n}-${state.conversation}`;
        const id = `${n}-${state.message}`;
        state.message += 1;
        pending.set(id, performance.now());
        ws.send(JSON.stringify({ type: 'message', conversation, role: 'customer', text: CUSTOMER[rand(CUSTOMER.length)], id, ...(state.agent ? { agent: state.agent } : {}) }));
        sent += 1;
        state.left -= 1;
        if (state.left === 0) {
          ws.send(JSON.stringify({ type: 'close', conversation }));
          state.conversation += 1;
          state.left = 6 + rand(5);
        }
      };
      timers.push(
        setTimeout(() => {
          tick();
          timers.push(setInterval(tick, 1000 / RATE));
        }, rand(1000)),
      );
    }
    let lastReport = 0;
    while (performance.now() - t0 < SECONDS * 1000 + 1500) {
      await new Promise((r) => setTimeout(r, 1000));
      const elapsed = Math.floor((performance.now() - t0) / 1000);
      if (elapsed - lastReport >= 10) {
        lastReport = elapsed;
        console.log(`  ${elapsed} s: sent ${fmt(sent)}, answered ${fmt(answered)}, errors ${errorFrames + socketErrors + unexpectedCloses}`);
      }
    }
    for (const timer of timers) clearInterval(timer);
    // Let the last answers arrive.
    await new Promise((r) => setTimeout(r, 2000));
    const held = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;
    const seconds = (performance.now() - t0) / 1000;
    const serverCpu = (cpuSeconds(server.pid!) - serverCpuAtStart) / seconds;
    const clientUsage = process.cpuUsage(clientCpuAtStart);
    const clientCpu = (clientUsage.user + clientUsage.system) / 1e6 / seconds;
    console.log(`\nlive-assist stream: ${fmt(CONNECTIONS)} connections × ${RATE} message/s for ${SECONDS} s (${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)})`);
    console.log(`connections held to the end: ${fmt(held)} of ${fmt(sockets.length)}`);
    console.log(`messages: sent ${fmt(sent)}, answered ${fmt(answered)} (${fmt(answered / seconds)}/s)`);
    console.log(`errors: ${errorFrames} error frames${errorCodes.size ? ` (${[...errorCodes].map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}, ${socketErrors} socket errors, ${unexpectedCloses} unexpected closes`);
    console.log(`server analysis latency (receive → send): ${summary(serverLatency)}   (target: p99 under 50 ms)`);
    console.log(`client round trip (send → answer):        ${summary(roundTrip)}`);
    console.log(`CPU while sending: server ${(serverCpu * 100).toFixed(0)}% of one core, bench client ${(clientCpu * 100).toFixed(0)}%`);
    console.log(`peak memory of the CalmDesk process (VmHWM): ${peakRssMb(server.pid!).toFixed(0)} MB`);
    isStopping = true;
  } finally {
    for (const ws of sockets) ws.terminate();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(work, { recursive: true, force: true });
  }
}
