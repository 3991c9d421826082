// Prints the engine's per-class precision and recall on the team's fixtures:
//   node --conditions=source --import tsx packages/engine/test/report.ts
import { loadEngineResources } from '@calmdesk/content';
import { engineCreate, EMOTIONS, NEEDS, REPLY_ISSUES, REPLY_MISSING, RISK_LEVELS, THREAT_CHANNELS } from '../src/index.js';
import { messageFixtures, precisionRecall, replyFixtures, setPrecisionRecall } from './fixtures.js';

const loaded = await loadEngineResources();
if (!loaded.success) throw new Error(JSON.stringify(loaded.errors.slice(0, 5)));
const engine = engineCreate(loaded.data);
const messages = messageFixtures();
const analyses = messages.map((m) => engine.analyzeMessage(m.text));
const row = (name: string, r: { precision: number; recall: number; support: number }) =>
  console.log(`  ${name.padEnd(14)} P ${r.precision.toFixed(2)}  R ${r.recall.toFixed(2)}  (n=${r.support})`);
console.log('emotion');
for (const e of EMOTIONS) row(e, precisionRecall(messages.map((m) => m.emotion), analyses.map((a) => a.emotion), e));
console.log(`  accuracy ${(messages.filter((m, i) => m.emotion === analyses[i]!.emotion).length / messages.length).toFixed(3)}`);
console.log('risk');
for (const r of RISK_LEVELS) row(r, precisionRecall(messages.map((m) => m.risk), analyses.map((a) => a.risk), r));
console.log('needs');
for (const n of NEEDS) row(n, setPrecisionRecall(messages.map((m) => m.needs), analyses.map((a) => a.needs), n));
console.log('threats');
for (const t of THREAT_CHANNELS) row(t, setPrecisionRecall(messages.map((m) => m.threats), analyses.map((a) => a.threats), t));
const replies = replyFixtures();
const checks = replies.map((r) => engine.checkReply(r.text, r.customer));
console.log('verdict');
for (const v of ['ok', 'revise', 'avoid']) row(v, precisionRecall(replies.map((r) => r.verdict), checks.map((c) => c.verdict), v));
console.log('reply issues');
for (const c of REPLY_ISSUES) row(c, setPrecisionRecall(replies.map((r) => r.categories), checks.map((k) => [...new Set(k.issues.map((i) => i.category as string))]), c));
console.log('missing');
const withCustomer = replies.map((r, i) => ({ r, c: checks[i]! })).filter((x) => x.r.customer);
for (const m of REPLY_MISSING) row(m, setPrecisionRecall(withCustomer.map((x) => x.r.missing), withCustomer.map((x) => x.c.missing.map((k) => k.kind as string)), m));
if (process.argv.includes('--errors')) {
  const kind = process.argv[process.argv.indexOf('--errors') + 1];
  messages.forEach((m, i) => {
    const a = analyses[i]!;
    if (kind === 'emotion' && m.emotion !== a.emotion) console.log(`${m.id} ${m.emotion}→${a.emotion} ${m.text}`);
    if (kind === 'risk' && m.risk !== a.risk) console.log(`${m.id} ${m.risk}→${a.risk} [${a.riskReasons}] ${m.text}`);
  });
  replies.forEach((r, i) => {
    const c = checks[i]!;
    if (kind === 'verdict' && r.verdict !== c.verdict) console.log(`${r.id} ${r.verdict}→${c.verdict} [${r.categories}|${c.issues.map((x) => x.category)}] miss[${r.missing}|${c.missing.map((x) => x.kind)}] ${r.text}`);
  });
}
