// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { copyId, lineRange, readScenarioId, renameScenarioId, saveIssuesToErrors } from './yaml-tools';

const SAMPLE = `id: complaint-late-gift-impatient          # kebab-case
title: { zh: 生日礼物, en: The gift }
persona:
  name: 周先生
  id: not-this-one
`;

describe('scenario YAML helpers', () => {
  it('reads the top-level id, not a nested one, with or without quotes', () => {
    expect(readScenarioId(SAMPLE)).toBe('complaint-late-gift-impatient');
    expect(readScenarioId('title: x\nid: "quoted-id"\n')).toBe('quoted-id');
    expect(readScenarioId("id: 'single'")).toBe('single');
    expect(readScenarioId('title: x\n  id: nested\n')).toBeNull();
    expect(readScenarioId('id:\n')).toBeNull();
  });

  it('renames the id and keeps its comment and the rest of the file', () => {
    const renamed = renameScenarioId(SAMPLE, 'complaint-late-gift-impatient-copy');
    expect(readScenarioId(renamed)).toBe('complaint-late-gift-impatient-copy');
    expect(renamed.split('\n')[0]).toBe('id: complaint-late-gift-impatient-copy # kebab-case');
    expect(renamed).toContain('  id: not-this-one');
    expect(renamed.split('\n').length).toBe(SAMPLE.split('\n').length);
    expect(renameScenarioId('title: x\n', 'new-one')).toBe('id: new-one\ntitle: x\n');
  });

  it('picks a free id for a copy', () => {
    expect(copyId('a', new Set())).toBe('a-copy');
    expect(copyId('a', new Set(['a-copy', 'a-copy-2']))).toBe('a-copy-3');
    expect(copyId('x'.repeat(100), new Set()).length).toBeLessThanOrEqual(100);
  });

  it('finds a line to select, clamping out-of-range numbers', () => {
    const text = 'one\ntwo\nthree';
    expect(lineRange(text, 1)).toEqual({ start: 0, end: 3 });
    expect(lineRange(text, 2)).toEqual({ start: 4, end: 7 });
    expect(text.slice(lineRange(text, 3).start, lineRange(text, 3).end)).toBe('three');
    expect(lineRange(text, 99)).toEqual(lineRange(text, 3));
    expect(lineRange(text, 0)).toEqual(lineRange(text, 1));
  });

  it('reads line and field from the issues of a refused save', () => {
    expect(
      saveIssuesToErrors([
        { path: 'yaml:12 effects.apology.anger', message: 'expected number' },
        { path: 'yaml id', message: 'built-in id' },
        { path: 'status', message: 'bad status' },
      ]),
    ).toEqual([
      { line: 12, path: 'effects.apology.anger', message: 'expected number' },
      { path: 'id', message: 'built-in id' },
      { path: 'status', message: 'bad status' },
    ]);
  });
});
