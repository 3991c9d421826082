// Speed of transcript QA (质检) analysis: conversationAnalyze over generated customer-service
// conversations with the product engine, on one core. Prints conversations/s, messages/s,
// the engine calls alone for comparison, and the size of a stored analysis.
//   node --expose-gc --conditions=source --import tsx scripts/bench-conversation.ts [conversations]
// Default 100,000 conversations of about 10 messages (about 1,000,000 messages). Needs no data
// files: the conversations come from the phrase pools below with a seeded generator.
import { performance } from 'node:perf_hooks';
import { formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { conversationAnalyze, engineCreate, type TConversationMessage, type TEngine, type TMessageAnalysis } from '@calmdesk/engine';

const CONVERSATIONS = Number(process.argv[2] ?? 100_000);
/** Distinct conversations generated; the run cycles through them (the engine caches nothing). */
const DISTINCT = Math.min(CONVERSATIONS, 10_000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** mulberry32: a small seeded generator, so every run reads the same conversations. */
function randomCreate(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = ['耳机', '连衣裙', '电饭煲', '运动鞋', '面霜', '保温杯', '儿童书包', '扫地机器人', '羽绒服', '手机壳'];
const OPENERS = [
  '在吗', '你好，请问{p}什么时候发货', '这个{p}有现货吗', '订单{o}的{p}到哪了', '我买的{p}尺码不对，想换一下',
  '{p}收到了是坏的！！怎么回事', '你们怎么还没发货？都{n}天了', '我很着急，{p}明天就要用', '请问{p}怎么用？说明书看不懂',
  '太失望了，{p}和图片差太多', '气死我了！！！{p}一个星期还没到', '第{n}次找你们了，还没解决', '{p}质量太差了，我要退款',
];
const FOLLOW_UPS = [
  '那要多久？', '能不能快点', '好的', '你们到底怎么回事！！！', '行吧，那我等着', '我要退款', '再不处理我就给差评',
  '再不退款我就打12315投诉你们', '你们这些骗子', '凭什么让我等？？', '好的，麻烦你们了', '还是不明白，能再说一下吗',
  '我已经等了{n}天了', '能补偿一点吗', '那我申请平台介入了', '嗯', '订单号是{o}',
];
const CLOSINGS = ['好的，谢谢', '谢谢亲，问题解决了', '行吧', '算了，我去投诉', '嗯嗯收到', '好的，辛苦了', '还是很生气，差评', '谢谢，很满意'];
const AGENT_GOOD = [
  '亲，在的，请问有什么可以帮您', '非常抱歉让您久等了，理解您着急的心情，我马上帮您催促快递，今天下午5点前给您答复',
  '抱歉给您添麻烦了，我这边马上为您申请退款，24小时内到账', '理解您的心情，我已经把您的情况升级给主管，主管会在今天18点前联系您',
  '好的，这就为您补发，今天发出', '亲，{p}的使用方法我发您视频看一下', '稍等，我查一下订单{o}',
  '不好意思，给您带来不便了，我们给您补偿一张10元优惠券，今天到账', '亲，请您提供一下照片，我马上帮您登记',
];
const AGENT_BAD = ['亲，请耐心等待', '这个我们也没办法，仓库那边安排的', '这是快递的问题，您去找快递', '您爱投诉就投诉吧', '亲，说过了，七天无理由要自己承担运费', '收到，亲'];

function conversationGenerate(random: () => number, startAt: number): TConversationMessage[] {
  const pick = (pool: readonly string[]) => pool[Math.floor(random() * pool.length)]!;
  const fill = (text: string) =>
    text
      .replace('{p}', pick(PRODUCTS))
      .replace('{o}', String(100_000_000 + Math.floor(random() * 900_000_000)))
      .replace('{n}', String(2 + Math.floor(random() * 6)));
  const hasTimes = random() > 0.1; // one export in ten has no times
  const badShare = random() < 0.6 ? 0.05 : random() < 0.75 ? 0.3 : 0.7; // most agents reply well, some do not
  const reply = () => (random() < badShare ? pick(AGENT_BAD) : pick(AGENT_GOOD));
  const messages: TConversationMessage[] = [];
  let at = startAt;
  const push = (role: TConversationMessage['role'], text: string) => {
    at += Math.floor(random() * 90_000);
    messages.push({ role, text: fill(text), at: hasTimes ? at : null });
  };
  if (random() < 0.3) push('system', '顾客已进入会话');
  const length = 5 + Math.floor(random() * 8);
  push('customer', pick(OPENERS));
  while (messages.length < length - 1) {
    push('agent', reply());
    if (random() < 0.3) push('agent', reply());
    push('customer', pick(FOLLOW_UPS));
    if (random() < 0.2) push('customer', pick(FOLLOW_UPS));
  }
  push('agent', reply());
  push('customer', pick(CLOSINGS));
  return messages;
}

const loaded = await loadEngineResources();
if (!loaded.success) {
  console.error(formatContentErrors(loaded.errors));
  process.exit(1);
}
const engine: TEngine = engineCreate(loaded.data);

const random = randomCreate(6);
const pool: TConversationMessage[][] = [];
let poolMessages = 0;
for (let i = 0; i < DISTINCT; i += 1) {
  const conversation = conversationGenerate(random, Date.UTC(2025, 5, 1) + i * 60_000);
  pool.push(conversation);
  poolMessages += conversation.length;
}
const totalMessages = Math.round((poolMessages * CONVERSATIONS) / DISTINCT);
console.log(`transcript QA: ${fmt(CONVERSATIONS)} generated conversations, about ${fmt(totalMessages)} messages (${(poolMessages / DISTINCT).toFixed(1)} per conversation; ${fmt(DISTINCT)} distinct, cycled), one core`);

/** The engine calls alone, as conversationAnalyze makes them: the floor it cannot beat. */
function engineCallsOnly(conversation: readonly TConversationMessage[]): void {
  const previous: TMessageAnalysis[] = [];
  let last: TMessageAnalysis | undefined;
  for (const m of conversation) {
    if (m.role === 'customer') {
      last = engine.analyzeMessage(m.text, previous.length > 0 ? { previous } : undefined);
      if (previous.length === 3) previous.shift();
      previous.push(last);
    } else if (m.role === 'agent') engine.checkReply(m.text, last);
  }
}

function run(label: string, analyse: (conversation: readonly TConversationMessage[]) => unknown): number {
  for (let i = 0; i < 2000; i += 1) analyse(pool[i % DISTINCT]!); // warm-up
  globalThis.gc?.();
  let peakHeap = 0;
  const started = performance.now();
  for (let i = 0; i < CONVERSATIONS; i += 1) {
    analyse(pool[i % DISTINCT]!);
    if (i % 10_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  ${label.padEnd(38)} ${seconds.toFixed(1).padStart(6)} s   ${fmt(CONVERSATIONS / seconds).padStart(7)} conversations/s   ${fmt(totalMessages / seconds).padStart(8)} messages/s   heap ≤ ${(peakHeap / 2 ** 20).toFixed(0)} MB`,
  );
  return seconds;
}

const bare = run('engine calls alone', engineCallsOnly);
const full = run('conversationAnalyze', (c) => conversationAnalyze(engine, c));
console.log(`  overhead of conversationAnalyze over the engine calls: ${(((full - bare) / bare) * 100).toFixed(1)}%`);

let bytes = 0;
let flagged = 0;
const byFlag: Record<string, number> = {};
const sample = Math.min(DISTINCT, 10_000);
for (let i = 0; i < sample; i += 1) {
  const analysis = conversationAnalyze(engine, pool[i]!);
  bytes += Buffer.byteLength(JSON.stringify(analysis));
  if (analysis.flags.length > 0) flagged += 1;
  for (const flag of analysis.flags) byFlag[flag] = (byFlag[flag] ?? 0) + 1;
}
console.log(`  stored analysis: ${fmt(bytes / sample)} bytes of JSON per conversation on average (${((bytes / sample / (poolMessages / DISTINCT)) | 0)} per message); ${((flagged / sample) * 100).toFixed(0)}% of these generated conversations flagged (${Object.entries(byFlag).map(([flag, n]) => `${flag} ${((n / sample) * 100).toFixed(0)}%`).join(', ')})`);
