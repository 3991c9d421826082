// npm run bench -- --qa-import [--messages 1000000]
// Transcript QA at scale, end to end: writes a chat export of generated conversations (about 10
// messages each), starts the built CalmDesk on a throwaway embedded PostgreSQL, uploads the file
// through the API as a stream, starts the import and follows it to the end. Prints the upload
// time, the import time (queued → done), messages per second and the server's peak memory
// (VmHWM of the Node process; PostgreSQL runs in processes of its own and is reported apart).
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { benchServerReady, benchServerStart, benchSignIn, benchWorkDir, CUSTOMER_LINES, fmt, peakRssMb } from './bench-server.js';

const argv = process.argv.slice(2);
const messageTarget = Number(argv[argv.indexOf('--messages') + 1]) > 0 && argv.includes('--messages') ? Number(argv[argv.indexOf('--messages') + 1]) : 1_000_000;

const AGENT = [
  '亲，非常抱歉让您久等了，我马上帮您查一下物流',
  '让您着急了，真不好意思，我这就帮您催仓库，今天18点前给您回复',
  '这是快递的问题，我们也没办法',
  '您是说收到时屏幕就有划痕，想换一台新的，对吗？',
  '可以的亲，我帮您登记换大一码，运费我们承担',
  '您必须先拍视频，不然没法处理',
  '理解您的心情，这件事我已经请主管介入，半小时内给您电话',
  '价保已经为您申请，差价24小时内原路退回',
  '不客气，祝您生活愉快',
  '您没看详情页吗？上面写了',
];

async function writeExport(file: string): Promise<{ messages: number; conversations: number; bytes: number }> {
  const out = fs.createWriteStream(file);
  out.write('会话ID,发送时间,发送方,客服昵称,消息内容,店铺,渠道\n');
  let messages = 0;
  let conversations = 0;
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const start = Date.parse('2026-11-01T01:00:00Z');
  while (messages < messageTarget) {
    conversations += 1;
    const id = `S${String(conversations).padStart(7, '0')}`;
    const length = 6 + rand(9);
    let t = start + conversations * 13_000;
    const agent = `客服${String(1 + rand(40)).padStart(2, '0')}`;
    const shop = rand(2) === 0 ? '心安家居旗舰店' : '心安数码专营店';
    const channel = ['淘宝', '抖音', '京东'][rand(3)];
    let lines = '';
    for (let i = 0; i < length && messages < messageTarget; i += 1) {
      const isCustomer = i % 2 === 0;
      t += (isCustomer ? 20 + rand(120) : 10 + rand(80)) * 1000;
      const time = new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      const text = isCustomer ? CUSTOMER_LINES[rand(CUSTOMER_LINES.length)] : AGENT[rand(AGENT.length)];
      lines += `${id},${time},${isCustomer ? '买家' : '客服'},${isCustomer ? '' : agent},${text},${shop},${channel}\n`;
      messages += 1;
    }
    if (!out.write(lines)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
  await finished(out);
  return { messages, conversations, bytes: fs.statSync(file).size };
}

function postgresRssMb(): number {
  // Sum of resident memory of the postgres processes (shared buffers are counted in each).
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (cmd !== 'postgres') continue;
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total / 1024;
}

export async function qaImportBench(): Promise<void> {
  const work = benchWorkDir('cd-bench-qa-');
  const file = path.join(work, 'export.csv');
  let t0 = performance.now();
  const written = await writeExport(file);
  console.log(`export: ${fmt(written.messages)} messages in ${fmt(written.conversations)} conversations, ${(written.bytes / 1024 / 1024).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { server, base } = await benchServerStart(work);
  try {
    await benchServerReady(base);
    const headers = await benchSignIn(base, 'supervisor');

    t0 = performance.now();
    const uploaded = await fetch(`${base}/api/qa/imports?fileName=export.csv`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: fs.createReadStream(file) as unknown as BodyInit,
      duplex: 'half',
    } as RequestInit);
    if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
    const { id } = (await uploaded.json()) as { id: string };
    const uploadSeconds = (performance.now() - t0) / 1000;
    console.log(`upload (streamed into PostgreSQL in 1 MB pieces): ${uploadSeconds.toFixed(1)} s`);

    const mapping = { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', shop: '店铺', channel: '渠道', roleValues: { customer: ['买家'], agent: ['客服'] } };
    const started = await fetch(`${base}/api/qa/imports/${id}/start`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ sourceName: 'bench', mapping }) });
    if (started.status !== 200) throw new Error(`start: ${started.status} ${await started.text()}`);
    t0 = performance.now();
    let stagedAt = 0;
    let pgPeak = 0;
    let last = '';
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      pgPeak = Math.max(pgPeak, postgresRssMb());
      const state = (await (await fetch(`${base}/api/qa/imports/${id}`, { headers })).json()) as { status: string; phase: string | null; progress: number; secondsLeft: number | null; rowsRead: number; conversationsDone: number; error: string | null };
      if (state.phase === 'analysing' && stagedAt === 0) stagedAt = performance.now();
      const line = `  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${state.status} ${state.phase ?? ''} ${(state.progress * 100).toFixed(0)}% eta ${state.secondsLeft ?? '?'} s`;
      if (line !== last && Math.round((performance.now() - t0) / 1000) % 10 === 0) console.log(line);
      last = line;
      if (['done', 'failed', 'cancelled'].includes(state.status)) {
        if (state.status !== 'done') throw new Error(`import ${state.status}: ${state.error}`);
        break;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    const stagingSeconds = stagedAt === 0 ? seconds : (stagedAt - t0) / 1000;
    console.log(`import: ${seconds.toFixed(1)} s (reading and masking ${stagingSeconds.toFixed(1)} s, analysing and storing ${(seconds - stagingSeconds).toFixed(1)} s)`);
    console.log(`throughput: ${fmt(written.messages / seconds)} messages/s, ${fmt(written.conversations / seconds)} conversations/s`);
    console.log(`upload + import: ${(uploadSeconds + seconds).toFixed(1)} s   (target: under 180 s for 1,000,000 messages)`);
    console.log(`peak memory of the CalmDesk process (VmHWM): ${peakRssMb(server.pid!).toFixed(0)} MB   (target: under 1 GB); PostgreSQL processes peaked at ${pgPeak.toFixed(0)} MB resident together`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(work, { recursive: true, force: true });
  }
}
