// @vitest-environment node
import { ZScenarioSummary } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { METERS } from './meter';
import { OUTCOMES } from './format';
import { BAD_MOVES, DIMENSIONS, FAMILIES, GOOD_MOVES, GOODS, MOVES, moveTone, TEMPERAMENTS } from './labels';

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
}

describe('role-play vocabularies', () => {
  it.each([
    { group: 'families', codes: FAMILIES },
    { group: 'temperaments', codes: TEMPERAMENTS },
    { group: 'goods', codes: GOODS },
    { group: 'moves', codes: MOVES },
    { group: 'dimensions', codes: DIMENSIONS },
    { group: 'outcomes', codes: OUTCOMES },
    { group: 'outcomeNotes', codes: OUTCOMES },
    { group: 'meters', codes: METERS },
  ])('names every $group code in Chinese and English', ({ group, codes }) => {
    for (const code of codes) {
      expect(lookup(zhCN, `roleplay.${group}.${code}`), `zh-CN ${group}.${code}`).toBeTypeOf('string');
      expect(lookup(en, `roleplay.${group}.${code}`), `en ${group}.${code}`).toBeTypeOf('string');
    }
  });

  it('knows the families and temperaments the API sends', () => {
    expect([...FAMILIES].sort()).toEqual([...ZScenarioSummary.shape.family.options].sort());
    expect([...TEMPERAMENTS].sort()).toEqual([...ZScenarioSummary.shape.temperament.options].sort());
  });

  it('sorts moves into good ones and ones to avoid', () => {
    expect(moveTone('plan_with_time')).toBe('good');
    expect(moveTone('blame_shift')).toBe('bad');
    expect(moveTone('no_progress')).toBe('bad');
    expect(moveTone('telepathy')).toBe('unknown');
    expect(GOOD_MOVES.some((move) => (BAD_MOVES as readonly string[]).includes(move))).toBe(false);
  });
});
