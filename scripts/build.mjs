#!/usr/bin/env node
// Builds what `npm start` runs: the TypeScript packages (tsc -b, incremental) and the web
// app (Vite), the latter only when its sources are newer than its last build.
// `--force` rebuilds the web app regardless.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isForced = process.argv.includes('--force');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

const tsProjects = ['packages/server', 'packages/cli'].filter((p) => fs.existsSync(path.join(root, p, 'tsconfig.json')));
run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', ...tsProjects]);

const web = path.join(root, 'packages/web');
const webBuilt = newestMtime(path.join(web, 'dist/index.html'));
const webSources = Math.max(newestMtime(web), newestMtime(path.join(root, 'packages/shared/src')));
if (isForced || webBuilt < webSources) {
  run('npm', ['run', 'build', '--silent', '-w', '@calmdesk/web']);
}
