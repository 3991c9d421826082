// Speed and memory of the chat-log readers and the mapping, as figures (no asserts).
// Writes generated exports to a temp folder, then reads each with readRows + applyMapping,
// one format per fresh process so peak RSS is the reader's own.
//   node --expose-gc --conditions=source --import tsx packages/server/src/qa/bench.ts [messages] [formats]
//   e.g. ... bench.ts 1000000 csv,jsonl      (default: 1,000,000 messages; csv, csv-gb18030, jsonl, json, xlsx)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { detectFormat, HEAD_BYTES } from './formats.js';
import { applyMapping, type TColumnMapping } from './mapping.js';
import { readRows } from './read-rows.js';

const FORMATS = ['csv', 'csv-gb18030', 'jsonl', 'json', 'xlsx'] as const;
type TBenchFormat = (typeof FORMATS)[number];
const MESSAGES_PER_CONVERSATION = 10;
const CUSTOMER_LINES = ['你们这个快递怎么还没到？都三天了！', '再不发货我就投诉了', '衣服有色差，我要退货', '客服呢？人呢？', '好的，谢谢'];
const AGENT_LINES = ['亲，非常抱歉让您久等了，我马上帮您查询物流。', '亲亲，已经为您催促仓库，今天一定发出', '理解您的心情，这边为您申请退货退款', '在的亲，请问有什么可以帮您？'];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** Message i of the generated export as its columns. */
function message(i: number): [string, string, string, string, string, string] {
  const conversation = Math.floor(i / MESSAGES_PER_CONVERSATION);
  const isCustomer = i % 2 === 0;
  const seconds = (i % MESSAGES_PER_CONVERSATION) * 30 + (conversation % 86_400);
  const time = `2026-11-11 ${String(Math.floor(seconds / 3600) % 24).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const text = isCustomer ? CUSTOMER_LINES[i % CUSTOMER_LINES.length]! : AGENT_LINES[i % AGENT_LINES.length]!;
  return [`TB${2026_0000_0000 + conversation}`, time, isCustomer ? '买家' : '客服', isCustomer ? '' : `心安旗舰店:客服${conversation % 40}`, `${text} 订单${i}`, '心安旗舰店'];
}

const HEADERS = ['会话ID', '发送时间', '发送方', '客服昵称', '消息内容', '店铺'];
const MAPPING: TColumnMapping = { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', shop: '店铺' };
const NESTED_MAPPING: TColumnMapping = { conversationId: 'conversation.id', time: 'time', role: 'from', agentName: 'agent', text: 'text', shop: 'conversation.shop' };

async function writeFile(format: TBenchFormat, file: string, count: number): Promise<void> {
  if (format === 'xlsx') {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('聊天记录');
    sheet.addRow(HEADERS).commit();
    for (let i = 0; i < count; i += 1) sheet.addRow(message(i)).commit();
    await writer.commit();
    return;
  }
  const out = fs.createWriteStream(file);
  const write = (text: string) => (format === 'csv-gb18030' ? encodeGb18030(text) : Buffer.from(text));
  let batch = '';
  const flush = async () => {
    if (!out.write(write(batch))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    batch = '';
  };
  if (format === 'csv' || format === 'csv-gb18030') batch += `${HEADERS.join(',')}\n`;
  if (format === 'json') batch += '{"exportTime":"2026-11-12","conversations":[\n';
  for (let i = 0; i < count; i += 1) {
    const m = message(i);
    if (format === 'json') {
      if (i % MESSAGES_PER_CONVERSATION === 0) batch += `${i === 0 ? '' : ']},\n'}{"id":"${m[0]}","shop":"${m[5]}","messages":[`;
      else batch += ',';
      batch += JSON.stringify({ time: m[1], from: m[2], agent: m[3], text: m[4] });
    } else if (format === 'jsonl') {
      batch += `${JSON.stringify(Object.fromEntries(HEADERS.map((h, k) => [h, m[k]])))}\n`;
    } else {
      batch += `${m.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')}\n`;
    }
    if (batch.length > 256 * 1024) await flush();
  }
  if (format === 'json') batch += ']}\n]}\n';
  await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** GB18030 without a dependency: every character the generator uses is in this small table, built with TextDecoder. */
let gbTable: Map<string, Buffer> | undefined;
function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi += 1) {
      for (let lo = 0x40; lo <= 0xfe; lo += 1) {
        const bytes = Buffer.from([hi, lo]);
        const ch = decoder.decode(bytes);
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, bytes);
      }
    }
  }
  const parts: Buffer[] = [];
  for (const ch of text) parts.push(ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : gbTable.get(ch) ?? Buffer.from('?'));
  return Buffer.concat(parts);
}

async function measure(format: TBenchFormat, file: string): Promise<void> {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, HEAD_BYTES, 0);
  fs.closeSync(fd);
  const detected = detectFormat(file, head);
  const mapping = format === 'json' ? NESTED_MAPPING : MAPPING;
  let peakRss = process.memoryUsage().rss;
  let rows = 0;
  let messages = 0;
  let rejected = 0;
  const started = performance.now();
  for await (const row of readRows(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), detected)) {
    rows += 1;
    const result = applyMapping(row, mapping);
    if (result.ok) messages += 1;
    else rejected += 1;
    if ((rows & 0xffff) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  globalThis.gc?.();
  const size = fs.statSync(file).size;
  console.log(
    `${format.padEnd(12)} ${mb(size).padStart(7)}  ${fmt(messages)} messages (${rejected} rejected) in ${seconds.toFixed(1)} s: ` +
      `${fmt(messages / seconds)} messages/s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s; peak RSS ${mb(peakRss)}, heap after ${mb(process.memoryUsage().heapUsed)}`,
  );
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === '--measure') {
  await measure(rest[0] as TBenchFormat, rest[1]!);
} else {
  const count = Number(mode ?? 1_000_000);
  const formats = (rest[0]?.split(',') ?? FORMATS) as TBenchFormat[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdesk-qa-bench-'));
  console.log(`qa readers: ${fmt(count)} generated messages per format (${fmt(count / MESSAGES_PER_CONVERSATION)} conversations), Node ${process.version}, ${os.cpus().length} cores`);
  try {
    for (const format of formats) {
      const file = path.join(dir, `export-${format}.${format.startsWith('csv') ? 'csv' : format}`);
      await writeFile(format, file, count);
      // A fresh process per format, so one format's garbage does not count against the next.
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', format, file], { stdio: 'inherit' });
      if (child.status !== 0) process.exitCode = 1;
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
