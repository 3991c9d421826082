#!/usr/bin/env node
// `npm test`: every check CalmDesk has, in order of cost.
//  1. build with type checks (tsc -b over the packages; the web build runs tsc first) and module boundaries
//  2. unit + integration tests (Vitest; database tests on a throwaway embedded PostgreSQL,
//     or on TEST_DATABASE_URL)
//  3. end-to-end journeys in Debian's Chromium (Playwright), against the built app
// `--no-e2e` stops after 2; `--only-integration` runs only the Vitest suite (CI's second pass).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));

function step(title, command, commandArgs, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const node = process.execPath;
const VITEST_REPORT = path.join(root, 'test-results/vitest.json');
const E2E_ARTIFACTS = path.join(root, 'e2e/artifacts');
/** e2e/run.mjs writes results.json, or results-<shard>.json per shard. */
const e2eReports = () => (fs.existsSync(E2E_ARTIFACTS) ? fs.readdirSync(E2E_ARTIFACTS).filter((name) => /^results(-\d+)?\.json$/.test(name)).map((name) => path.join(E2E_ARTIFACTS, name)) : []);
const vitestArgs = ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_REPORT}`];
fs.rmSync(VITEST_REPORT, { force: true });
for (const report of e2eReports()) fs.rmSync(report, { force: true });

/** One closing line for every runner together: `N passed, N failed`. */
function printSummary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (fs.existsSync(VITEST_REPORT)) {
    const report = JSON.parse(fs.readFileSync(VITEST_REPORT, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  for (const report of e2eReports()) {
    const stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}
process.on('exit', printSummary);

if (args.has('--only-integration')) {
  step('unit and integration tests', node, vitestArgs);
  process.exit(0);
}
step('build', node, ['scripts/build.mjs']);
// No separate web type check: the web build runs tsc first, and build.mjs rebuilds whenever web or shared sources changed.
step('module boundaries', node, ['scripts/check-boundaries.mjs']);
step('unit and integration tests', node, vitestArgs);
if (!args.has('--no-e2e')) {
  step('browser for e2e', 'bash', ['scripts/ensure-browser.sh']);
  step('end-to-end journeys', node, ['e2e/run.mjs']);
}
