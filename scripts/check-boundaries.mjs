#!/usr/bin/env node
// Dependencies point one way (STYLE.md §1): web -> shared; server -> engine, simulator,
// shared; simulator -> engine; engine -> nothing; cli -> anything but web.
// A pure package must not touch I/O either. This walks the sources and fails on a breach.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWED = {
  shared: [],
  engine: [],
  simulator: ['engine'],
  content: ['engine', 'simulator'],
  server: ['shared', 'engine', 'simulator', 'content'],
  web: ['shared'],
  cli: ['shared', 'engine', 'simulator', 'server', 'content'],
};
/** Node built-ins that mean I/O, the network or the clock source of truth: not in pure packages. */
const PURE = new Set(['engine', 'simulator', 'shared']);
const IO_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|dns|tls|worker_threads|cluster)$/;

const problems = [];
function walk(dir, visit) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) visit(full);
  }
}
for (const [pkg, allowed] of Object.entries(ALLOWED)) {
  walk(path.join(root, 'packages', pkg, 'src'), (file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
      const spec = match[1];
      const rel = path.relative(root, file);
      const internal = spec.match(/^@calmdesk\/([\w-]+)/);
      if (internal && internal[1] !== pkg && !allowed.includes(internal[1])) {
        problems.push(`${rel}: ${pkg} must not import @calmdesk/${internal[1]}`);
      }
      if (spec.startsWith('.') && path.resolve(path.dirname(file), spec).split(path.sep).includes('packages')) {
        const target = path.relative(path.join(root, 'packages'), path.resolve(path.dirname(file), spec)).split(path.sep)[0];
        if (target !== pkg && !target.startsWith('..')) problems.push(`${rel}: reaches into packages/${target} by a relative path; import @calmdesk/${target}`);
      }
      if (PURE.has(pkg) && IO_MODULES.test(spec)) problems.push(`${rel}: ${pkg} is pure and must not import ${spec}`);
    }
  });
}
if (problems.length > 0) {
  console.error(`Module boundary violations:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('module boundaries: ok');
