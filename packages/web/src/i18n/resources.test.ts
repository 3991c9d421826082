import { describe, expect, it } from 'vitest';
import { NAV_TREE, flattenNavigation } from '../navigation';
import { resources } from './index';
import areaZhCN from './zh-CN.json';

const zhCN = resources['zh-CN'].translation;
const en = resources.en.translation;

/** Leaf keys of a resource tree, with plural suffixes (_one, _other) folded into the base key. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
}

describe('translation resources', () => {
  it('has the same keys in Chinese and English', () => {
    expect([...new Set(leafKeys(en))].sort()).toEqual([...new Set(leafKeys(zhCN))].sort());
  });

  it('has no empty text', () => {
    for (const [name, tree] of [['zh-CN', zhCN], ['en', en]] as const) {
      const empty = leafKeys(tree).filter((key) => {
        const value = lookup(tree, key) ?? lookup(tree, `${key}_other`);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });

  it('names every navigation item and role in both languages', () => {
    for (const item of flattenNavigation(NAV_TREE).concat(NAV_TREE)) {
      expect(lookup(zhCN, `nav.${item.key}`), item.key).toBeTypeOf('string');
      expect(lookup(en, `nav.${item.key}`), item.key).toBeTypeOf('string');
    }
  });

  it('describes every planned area in two to four Chinese sentences', () => {
    for (const [area, texts] of Object.entries(areaZhCN.areas)) {
      if (!('description' in texts)) continue;
      const sentences = texts.description.split('。').filter((part) => part.trim() !== '');
      expect(sentences.length, area).toBeGreaterThanOrEqual(2);
      expect(sentences.length, area).toBeLessThanOrEqual(4);
    }
  });
});
