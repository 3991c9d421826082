#!/usr/bin/env node
// Example client of the CalmDesk live-assist stream (README: "Live-assist streaming API").
// Reads a conversation, one message per line, from a file or stdin, sends each line over the
// WebSocket as it would arrive in a chat tool, and prints the live reading of every answer.
//
//   CALMDESK_TOKEN=cdk_… node scripts/assist-stream-client.mjs chat.txt
//   cat chat.txt | node scripts/assist-stream-client.mjs --url ws://127.0.0.1:3000/api/assist/stream --agent agent01
//
// Lines: "顾客：…" / "买家：…" / "customer: …" are the customer's, "客服：…" / "agent: …" the
// agent's, "草稿：…" / "draft: …" a draft to check before sending; a line with no speaker is the
// customer's. A JSON line {"role":"customer","text":"…"} works too. Empty lines are skipped.
// Options: --url, --token (or CALMDESK_TOKEN), --conversation <id>, --agent <login>, --delay <ms between lines>, --json (print raw frames).
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : fallback;
};
const takesValue = new Set(['--url', '--token', '--conversation', '--agent', '--delay']);
const file = argv.find((arg, i) => !arg.startsWith('--') && !takesValue.has(argv[i - 1]));
const url = option('--url', process.env.CALMDESK_STREAM_URL ?? 'ws://127.0.0.1:3000/api/assist/stream');
const token = option('--token', process.env.CALMDESK_TOKEN);
const conversation = option('--conversation', `cli-${Date.now().toString(36)}`);
const agent = option('--agent', undefined);
const delay = Number(option('--delay', '300'));
const isJson = flag('--json');

if (!token) {
  console.error('assist-stream-client: give the API token with --token or CALMDESK_TOKEN (an admin makes one under 管理 → 对接与令牌).');
  process.exit(2);
}

const SPEAKERS = [
  [/^(顾客|买家|客户|customer)\s*[：:]\s*/i, 'customer'],
  [/^(客服|坐席|agent)\s*[：:]\s*/i, 'agent'],
  [/^(草稿|draft)\s*[：:]\s*/i, 'draft'],
];

/** @returns {{ kind: 'customer' | 'agent' | 'draft', text: string } | null} */
function parseLine(line) {
  const trimmed = line.trim();
  if (!trimmed) return null;
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed);
      if (typeof value.text === 'string') return { kind: value.role === 'agent' ? 'agent' : value.role === 'draft' ? 'draft' : 'customer', text: value.text };
    } catch {
      // not JSON: read it as text
    }
  }
  for (const [pattern, kind] of SPEAKERS) if (pattern.test(trimmed)) return { kind, text: trimmed.replace(pattern, '') };
  return { kind: 'customer', text: trimmed };
}

const RISK = { low: '低', medium: '中', high: '高' };
const bar = (t) => '█'.repeat(Math.round(t / 10)).padEnd(10, '·');

function print(frame) {
  if (isJson) return console.log(JSON.stringify(frame));
  switch (frame.type) {
    case 'ready':
      return console.log(`已连接 connected: ${frame.organisation}  (每连接 ${frame.limits.conversations} 个会话, 每秒 ${frame.limits.messagesPerSecond} 条)`);
    case 'analysis': {
      if (frame.reading) {
        const r = frame.reading;
        const cues = r.cues.map((c) => c.text).slice(0, 5).join('、') || '—';
        console.log(`  #${frame.index} 顾客 ${r.emotion} ${(r.intensity * 100).toFixed(0)}%  风险 ${RISK[r.risk]}  温度 ${bar(frame.current.temperature)} ${frame.current.temperature}  线索: ${cues}  (${frame.latencyMs} ms)`);
        if (r.threats.length) console.log(`     威胁 threats: ${r.threats.join(', ')}`);
      } else {
        console.log(`  #${frame.index} 客服消息已记录 (${frame.latencyMs} ms)`);
      }
      if (frame.escalate.shouldEscalate) console.log(`  ⚠ 建议请主管介入 bring in your supervisor: ${frame.escalate.reasons.join(', ')}`);
      const opener = frame.empathy[0] ?? frame.openers[0];
      if (frame.reading && opener) console.log(`     可以这样开口: ${opener.zh}`);
      return;
    }
    case 'draft': {
      const c = frame.check;
      console.log(`  草稿检查 draft: ${c.verdict}${c.issues.length ? ` — ${c.issues.map((i) => `「${i.text}」${i.explanation.zh}`).join('；')}` : ''}`);
      for (const s of c.suggestions.slice(0, 2)) console.log(`     建议 suggestion: ${s.zh}`);
      return;
    }
    case 'error':
      return console.log(`  错误 error ${frame.code}${frame.at ? ` (${frame.at})` : ''}: ${frame.message}`);
    default:
      return undefined;
  }
}

const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
let waiting = 0;
let isInputDone = false;
const finishIfDone = () => {
  if (isInputDone && waiting === 0) {
    ws.send(JSON.stringify({ type: 'close', conversation }));
    setTimeout(() => ws.close(), 100);
  }
};
ws.on('unexpected-response', (_req, res) => {
  console.error(`assist-stream-client: the server refused the connection (${res.statusCode}); is the token live?`);
  process.exit(1);
});
ws.on('error', (err) => {
  console.error(`assist-stream-client: ${err.message}`);
  process.exit(1);
});
ws.on('close', (code) => {
  if (code === 4001) console.error('assist-stream-client: the token was revoked.');
  process.exit(code === 1000 || code === 1005 ? 0 : 1);
});
ws.on('message', (data) => {
  const frame = JSON.parse(data.toString());
  print(frame);
  if (frame.type !== 'ready' && frame.type !== 'pong' && frame.type !== 'closed') {
    waiting -= 1;
    finishIfDone();
  }
});
ws.on('open', async () => {
  const input = createInterface({ input: file ? fs.createReadStream(file) : process.stdin });
  for await (const line of input) {
    const message = parseLine(line);
    if (!message) continue;
    console.log(`${message.kind === 'customer' ? '顾客' : message.kind === 'agent' ? '客服' : '草稿'}: ${message.text}`);
    waiting += 1;
    ws.send(
      JSON.stringify(
        message.kind === 'draft'
          ? { type: 'draft', conversation, text: message.text }
          : { type: 'message', conversation, role: message.kind, text: message.text, ...(agent ? { agent } : {}) },
      ),
    );
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  }
  isInputDone = true;
  finishIfDone();
});
