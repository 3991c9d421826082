#!/usr/bin/env node
// Runs the compiled CLI; `npm install` (prepare) or `npm run build` produces dist/.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('calmdesk: the CLI is not built yet; run `npm run build` in the repository first.\n');
  process.exit(2);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
