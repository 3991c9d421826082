import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The CLI contract, run as a user runs it (through the built bin after `npm run build`, or the sources). */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(repo, 'packages/cli/src/main.ts'), ...args], { cwd: repo, encoding: 'utf8', input });

describe('calmdesk roleplay run', () => {
  const scenarios = fs.readdirSync(path.join(repo, 'content/scenarios')).filter((f) => f.endsWith('.yaml'));
  const id = scenarios[0]!.replace(/\.yaml$/, '');

  it('plays a replies file and prints the contract JSON', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cd-replies-')), 'replies.txt');
    fs.writeFileSync(file, '真的很抱歉让您久等了，换作是我也会着急。\n\n我马上为您加急处理，今天18点前给您回复结果。\n');
    const first = cli(['roleplay', 'run', '--scenario', id, '--replies', file, '--seed', '3', '--json']);
    expect(first.status, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(Object.keys(result)).toEqual(['scenario', 'outcome', 'turns', 'scores', 'total']);
    expect(result.scenario).toBe(id);
    expect(result.turns[0]).toEqual(expect.objectContaining({ agent: expect.any(String), customer: expect.any(String), state: expect.any(Object), feedback: expect.any(Object) }));
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(result.total).toBeLessThanOrEqual(100);
    const again = cli(['roleplay', 'run', '--scenario', id, '--replies', file, '--seed', '3', '--json']);
    expect(again.stdout).toBe(first.stdout);
  });

  it('names an unknown scenario, a missing replies file and a bad seed, exit 2', () => {
    const unknown = cli(['roleplay', 'run', '--scenario', 'no-such-scenario', '--replies', '/nope', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no scenario "no-such-scenario"/);
    const missing = cli(['roleplay', 'run', '--scenario', id, '--replies', '/no/such/file.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read --replies/);
    const seed = cli(['roleplay', 'run', '--scenario', id, '--replies', '/nope', '--seed', 'abc']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be a whole number/);
  });

  it('plays interactively from stdin', () => {
    const played = cli(['roleplay', 'play', id], '非常抱歉让您着急了。\n/quit\n');
    expect(played.status, played.stderr).toBe(0);
    expect(played.stdout).toMatch(/怒气 anger/);
    expect(played.stdout).toMatch(/总分 total: \d+\/100/);
  });
});

describe('calmdesk scenario validate', () => {
  it('accepts the built-in scenarios and reports file:line field for a broken one', () => {
    expect(cli(['scenario', 'validate', path.join(repo, 'content/scenarios')]).status).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-scn-'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\ntitle: { zh: 坏的 }\nfamily: party\n');
    const bad = cli(['scenario', 'validate', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/broken\.yaml:2 title\.en: /);
    expect(bad.stderr).toMatch(/broken\.yaml:3 family: /);
  });
});
