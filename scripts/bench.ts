// npm run bench: the engine's accuracy on the reference data and its speed, as figures.
// Accuracy: polarity on online_shopping_10_cats (5-fold cross-validation: the polarity
// model is retrained on 4/5 and measured on the rest); six-class emotion on the two
// SMP2020-EWECT eval sets (5-fold: the emotion model is retrained without the test fold).
// Speed: analyzeMessage and checkReply over jddc_utterances_train on one core, start-up
// (load + first answer) in a fresh process, memory.
//   npm run bench                 everything
//   npm run bench -- --speed      speed only (skips the slow cross-validation)
//   npm run bench -- --mask       personal-data masking only: messages/s over 1,000,000 generated chat lines
//   npm run bench -- --qa-import [--messages N]   transcript QA end to end: upload and import of 1,000,000 generated messages
//   npm run bench -- --assist-ws [--connections N] [--seconds S] [--rate R]   live-assist WebSocket stream: 1,000 connections × 1 message/s
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { formatContentErrors, loadEngineResources } from '@calmdesk/content';
import { engineCreate, maskPersonalData, normalizerCreate, type TEngineResources } from '@calmdesk/engine';
import { assistWsBench } from './bench-assist-ws.js';
import { qaImportBench } from './bench-qa-import.js';
import { hasSharedData, macroF1, PRODUCT_TO_SMP, readJsonl, SHARED_DATA_DIR, SMP_LABELS } from './lib/datasets.js';
import { asProductLabels, foldSplit, readClueRowsAsSmp, readPolarityRows, readTrainingMessages, trainEmotion, trainPolarity } from './lib/models.js';

const args = new Set(process.argv.slice(2));
const FOLDS = 5;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

if (args.has('--qa-import')) {
  await qaImportBench();
  process.exit(0);
}

if (args.has('--assist-ws')) {
  await assistWsBench();
  process.exit(0);
}

if (args.has('--mask')) {
  maskBench();
  process.exit(0);
}

if (!hasSharedData()) {
  console.error('bench: ../shared/data is not here; the bench measures on it.');
  process.exit(1);
}
const loaded = await loadEngineResources();
if (!loaded.success) {
  console.error(formatContentErrors(loaded.errors));
  process.exit(1);
}
const resources: TEngineResources = loaded.data;
const normalize = normalizerCreate(resources.t2s);
const results: Record<string, string> = {};

function accuracyBench(): void {
  // Polarity.
  const shop = readPolarityRows();
  const truth: string[] = [];
  const strict: string[] = [];
  const bySign: string[] = [];
  let started = performance.now();
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const { train, test } = foldSplit(shop, fold, FOLDS);
    const model = trainPolarity(train, normalize, `fold ${fold}`);
    const engine = engineCreate({ ...resources, models: { ...resources.models, polarity: model } });
    for (const row of test) {
      const a = engine.analyzeMessage(row.text);
      truth.push(row.label!);
      strict.push(a.polarity);
      bySign.push(a.polarityScore >= 0 ? 'pos' : 'neg');
    }
  }
  const polStrict = macroF1(truth, strict, ['pos', 'neg']);
  const polSign = macroF1(truth, bySign, ['pos', 'neg']);
  console.log(`\npolarity, online_shopping_10_cats, ${FOLDS}-fold CV (${fmt(shop.length)} reviews, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`  macro-F1 ${polSign.macroF1.toFixed(4)}  accuracy ${pct(polSign.accuracy)}   (polarity by the sign of polarityScore)`);
  console.log(`  macro-F1 ${polStrict.macroF1.toFixed(4)}  accuracy ${pct(polStrict.accuracy)}   (the polarity field; "neutral" counted wrong: ${fmt(strict.filter((p) => p === 'neutral').length)} reviews)`);
  results.polarityMacroF1 = polSign.macroF1.toFixed(4);

  // Six-class emotion.
  const clue = readClueRowsAsSmp();
  const training = readTrainingMessages();
  for (const set of ['usual', 'virus', 'both'] as const) {
    const rows = set === 'both' ? [...readJsonl('smp2020_ewect_usual_eval.jsonl'), ...readJsonl('smp2020_ewect_virus_eval.jsonl')] : readJsonl(`smp2020_ewect_${set}_eval.jsonl`);
    const other = set === 'usual' ? readJsonl('smp2020_ewect_virus_eval.jsonl') : set === 'virus' ? readJsonl('smp2020_ewect_usual_eval.jsonl') : [];
    const t: string[] = [];
    const engineOut: string[] = [];
    const modelOut: string[] = [];
    started = performance.now();
    for (let fold = 0; fold < FOLDS; fold += 1) {
      const { train, test } = foldSplit(rows, fold, FOLDS);
      const model = trainEmotion([...training, ...asProductLabels([...train, ...other, ...clue])], normalize, `fold ${fold}`);
      const engine = engineCreate({ ...resources, models: { ...resources.models, emotion: model } });
      const bare = engineCreate({ ...resources, customer: { ...emptyCustomerLexicon() }, models: { emotion: model } });
      for (const row of test) {
        t.push(row.label!);
        engineOut.push(PRODUCT_TO_SMP[engine.analyzeMessage(row.text).emotion]!);
        const scores = bare.analyzeMessage(row.text).emotionScores;
        modelOut.push(PRODUCT_TO_SMP[(Object.entries(scores).sort((a, b) => b[1] - a[1])[0]![0])]!);
      }
    }
    const e = macroF1(t, engineOut, SMP_LABELS);
    const m = macroF1(t, modelOut, SMP_LABELS);
    console.log(`\nsix-class emotion, SMP2020-EWECT ${set} eval, ${FOLDS}-fold CV (${fmt(rows.length)} posts, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    console.log(`  engine (lexicon + model)  macro-F1 ${e.macroF1.toFixed(4)}  accuracy ${pct(e.accuracy)}`);
    console.log(`  model alone               macro-F1 ${m.macroF1.toFixed(4)}  accuracy ${pct(m.accuracy)}`);
    console.log(`  per class (engine) ${SMP_LABELS.map((l) => `${l} ${e.perLabel[l]!.f1.toFixed(2)}`).join('  ')}`);
    results[`smp_${set}`] = e.macroF1.toFixed(4);
  }
}

function emptyCustomerLexicon(): TEngineResources['customer'] {
  return { emotions: {}, intensifiers: [], diminishers: [], negators: [], insults: [], threats: {}, needs: {}, urgency: [], repeat_contact: [], unresolved: [], rhetorical: [], sarcasm: [], emoji: [] };
}

async function speedBench(): Promise<void> {
  const texts = readJsonl('jddc_utterances_train.jsonl').map((r) => r.text);
  // The built engine (what the server and CLI run), not the TypeScript sources.
  const built = (await import(fileURLToPath(new URL('../packages/engine/dist/index.js', import.meta.url)))) as typeof import('@calmdesk/engine');
  const engine = built.engineCreate(resources);
  for (let i = 0; i < 20_000; i += 1) engine.analyzeMessage(texts[i % texts.length]!); // warm-up
  const time = (label: string, run: (i: number) => void, minMs = 3000) => {
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < minMs) {
      for (let i = 0; i < 5000; i += 1, n += 1) run(n);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${label.padEnd(44)} ${fmt(n / seconds).padStart(9)} /s   (${fmt(n)} in ${seconds.toFixed(1)} s)`);
    return n / seconds;
  };
  console.log(`\nspeed, one core, jddc_utterances_train (${fmt(texts.length)} utterances, mean ${(texts.reduce((s, t) => s + t.length, 0) / texts.length).toFixed(1)} chars), warm`);
  results.analyzePerSecond = fmt(time('analyzeMessage', (i) => engine.analyzeMessage(texts[i % texts.length]!)));
  results.checkReplyPerSecond = fmt(time('checkReply (reply alone)', (i) => engine.checkReply(texts[i % texts.length]!)));
  time('checkReply (with the customer message)', (i) => engine.checkReply(texts[(i + 1) % texts.length]!, texts[i % texts.length]!));
  const latencies: number[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const t0 = performance.now();
    engine.analyzeMessage(texts[i]!);
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  console.log(`  analyzeMessage latency p50 ${(latencies[10_000]! * 1000).toFixed(1)} µs, p99 ${(latencies[19_800]! * 1000).toFixed(1)} µs`);
  // Start-up in a fresh process on the built packages: import, load content, build, first answer.
  const probe = `
    const t0 = performance.now();
    const { loadEngineResources } = await import(${JSON.stringify(fileURLToPath(new URL('../packages/content/dist/index.js', import.meta.url)))});
    const { engineCreate } = await import(${JSON.stringify(fileURLToPath(new URL('../packages/engine/dist/index.js', import.meta.url)))});
    const r = await loadEngineResources();
    const engine = engineCreate(r.data);
    engine.analyzeMessage('你们怎么还没发货？？');
    const t1 = performance.now();
    const startRss = process.memoryUsage().rss;
    // Then a working load: every jddc utterance, streamed line by line, read and checked.
    const { createInterface } = await import('node:readline');
    const { createReadStream } = await import('node:fs');
    let peak = 0;
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(${JSON.stringify(`${SHARED_DATA_DIR}/jddc_utterances_train.jsonl`)}) })) {
      const text = JSON.parse(line).text;
      engine.analyzeMessage(text);
      engine.checkReply(text);
      if (++n % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(JSON.stringify({ ms: t1 - t0, rss: startRss, peakRss: peak, n }));`;
  const runs: { ms: number; rss: number; peakRss: number; n: number }[] = [];
  for (let i = 0; i < 5; i += 1) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
    if (child.status !== 0) {
      console.log(`  start-up probe failed (run npm run build first): ${child.stderr.slice(0, 300)}`);
      return;
    }
    runs.push(JSON.parse(child.stdout.trim()) as { ms: number; rss: number; peakRss: number; n: number });
  }
  runs.sort((a, b) => a.ms - b.ms);
  console.log(`  start-up (import + load content + build engine + first answer), fresh process: median ${runs[2]!.ms.toFixed(0)} ms (min ${runs[0]!.ms.toFixed(0)}, max ${runs[4]!.ms.toFixed(0)})`);
  const peak = Math.max(...runs.map((r) => r.peakRss));
  console.log(`  memory of that process: rss ${(runs[2]!.rss / 2 ** 20).toFixed(0)} MB after start-up, peak ${(peak / 2 ** 20).toFixed(0)} MB while reading and checking all ${fmt(runs[0]!.n)} utterances`);
  results.startupMs = runs[2]!.ms.toFixed(0);
  results.peakRssMb = (peak / 2 ** 20).toFixed(0);
}

if (!args.has('--speed')) accuracyBench();
/** Role-play turn latency: every built-in scenario played with its test conversations. */
async function roleplayBench(): Promise<void> {
  const { loadScenarios } = await import('@calmdesk/content/scenario');
  const { simulatorCreate } = await import('@calmdesk/simulator');
  const { parse } = await import('yaml');
  const fs = await import('node:fs');
  const scenarios = loadScenarios(fileURLToPath(new URL('../content/scenarios', import.meta.url)));
  if (!scenarios.success) {
    console.log('\nrole-play: scenarios invalid, skipped');
    return;
  }
  const simulator = simulatorCreate(engineCreate(resources));
  const latencies: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const scenario of scenarios.data) {
      const file = fileURLToPath(new URL(`../packages/simulator/test/conversations/${scenario.id}.yaml`, import.meta.url));
      if (!fs.existsSync(file)) continue;
      const conversation = parse(fs.readFileSync(file, 'utf8')) as { good: string[]; bad: string[] };
      for (const replies of [conversation.good, conversation.bad]) {
        let session = simulator.start(scenario, round);
        for (const reply of replies) {
          if (session.outcome !== null) break;
          const t0 = performance.now();
          session = simulator.reply(scenario, session, reply);
          if (round > 0) latencies.push(performance.now() - t0);
        }
      }
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  console.log(`\nrole-play, ${scenarios.data.length} built-in scenarios, ${fmt(latencies.length)} turns (warm)`);
  console.log(`  turn latency p50 ${(at(0.5) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs, max ${(at(1) * 1000).toFixed(0)} µs   (target: under 20 ms)`);
  results.turnP99Ms = at(0.99).toFixed(3);
}

await speedBench();
await roleplayBench();
console.log(`\nsummary ${JSON.stringify(results)}`);

/**
 * maskPersonalData over 1,000,000 generated chat lines (no data files), on one core. The mix
 * is set below: most lines are plain chat, a quarter carry prices, dates, times or order
 * numbers, one in eight carries personal data. Everything it needs is local to it: it runs
 * before the module-level set-up above (no shared data, no content).
 */
function maskBench(): void {
  const LINES = 1_000_000;
  let seed = 20261111;
  const random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const PLAIN = ['你们怎么还没发货？？', '好的，谢谢亲', '这个质量太差了，我要退款', '在吗', '气死我了！！！一个星期还没到', '请问怎么用？说明书看不懂', '行吧，那我等着', '亲，已经帮您催促仓库了，请您耐心等待', '非常抱歉给您带来不便', 'Is this still in stock?'];
  const NUMBERS = [
    () => `订单号${digits(19)}什么时候发货`,
    () => `快递单号 SF${digits(13)} 三天没动了`,
    () => `¥${Math.floor(random() * 2000)}的那款还有吗，买了 ${1 + Math.floor(random() * 5)} 件`,
    () => `2026-11-${10 + Math.floor(random() * 20)} ${10 + Math.floor(random() * 12)}:00 下单的，双11 前能到吗`,
    () => `${digits(18)} 这单呢`,
    () => `运单号${digits(15)}，麻烦查一下`,
  ];
  const PERSONAL = [
    () => `电话1${3 + Math.floor(random() * 7)}${digits(9)}，地址浙江省杭州市西湖区文三路 ${Math.floor(random() * 500)} 号 3 栋 2 单元 ${digits(3)} 室`,
    () => `收货人：张三，手机 138 ${digits(4)} ${digits(4)}`,
    () => `发票发到 user${digits(4)}@qq.com`,
    () => `身份证号11010519491231002X，退款到6222021234567890128`,
    () => `寄到北京市朝阳区建国路88号SOHO现代城2号楼${digits(4)}室`,
    () => `座机0571-${digits(8)} 白天有人`,
  ];
  const lines: string[] = new Array<string>(LINES);
  const kinds = new Uint8Array(LINES); // 0 plain, 1 numbers, 2 personal
  let chars = 0;
  for (let i = 0; i < LINES; i += 1) {
    const roll = random();
    kinds[i] = roll < 0.625 ? 0 : roll < 0.875 ? 1 : 2;
    const line = kinds[i] === 0 ? pick(PLAIN) : kinds[i] === 1 ? pick(NUMBERS)() : pick(PERSONAL)();
    lines[i] = line;
    chars += line.length;
  }
  // Warm-up on a slice, then the timed pass over every line.
  for (let i = 0; i < 50_000; i += 1) maskPersonalData(lines[i]!);
  const totals = { phone: 0, idCard: 0, email: 0, address: 0, bankCard: 0 };
  const changed = [0, 0, 0];
  const started = performance.now();
  for (let i = 0; i < LINES; i += 1) {
    const { text, counts } = maskPersonalData(lines[i]!);
    if (text !== lines[i]) changed[kinds[i]!]! += 1;
    totals.phone += counts.phone;
    totals.idCard += counts.idCard;
    totals.email += counts.email;
    totals.address += counts.address;
    totals.bankCard += counts.bankCard;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nmasking, one core, ${fmt(LINES)} generated chat lines (mean ${(chars / LINES).toFixed(1)} chars; 62.5% plain, 25% numbers, 12.5% personal)`);
  const ofKind = (kind: number) => kinds.reduce((n, k) => n + (k === kind ? 1 : 0), 0);
  console.log(`  maskPersonalData ${fmt(LINES / seconds).padStart(11)} messages/s   (${seconds.toFixed(2)} s)`);
  console.log(`  lines changed: plain ${fmt(changed[0]!)} of ${fmt(ofKind(0))}, numbers ${fmt(changed[1]!)} of ${fmt(ofKind(1))} (bare random 18-digit runs read as cards or IDs), personal ${fmt(changed[2]!)} of ${fmt(ofKind(2))}`);
  console.log(`  masked ${JSON.stringify(totals)}`);
}
