// @vitest-environment node
import { CUSTOMER_EMOTIONS, ZAnalyzeMessageRequest } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { formatSigned, intensityPercent } from './format';
import {
  CONTEXT_MAX,
  CUE_KINDS,
  cueBackground,
  cueTagColor,
  isOneOf,
  NEEDS,
  PHRASE_PURPOSES,
  PHRASE_SLOTS,
  REPLY_ISSUES,
  REPLY_MISSING,
  REPLY_STRENGTHS,
  RISK_REASONS,
  THREATS,
} from './labels';

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
}

describe('analyzer vocabularies', () => {
  it.each([
    { group: 'emotions', codes: CUSTOMER_EMOTIONS },
    { group: 'needs', codes: NEEDS },
    { group: 'threats', codes: THREATS },
    { group: 'cueKinds', codes: CUE_KINDS },
    { group: 'riskReasons', codes: RISK_REASONS },
    { group: 'issues', codes: REPLY_ISSUES },
    { group: 'missing', codes: REPLY_MISSING },
    { group: 'strengths', codes: REPLY_STRENGTHS },
    { group: 'purposes', codes: PHRASE_PURPOSES },
    { group: 'slots', codes: PHRASE_SLOTS },
  ])('names every $group code in Chinese and English', ({ group, codes }) => {
    for (const code of codes) {
      expect(lookup(zhCN, `analyzer.${group}.${code}`), `zh-CN ${group}.${code}`).toBeTypeOf('string');
      expect(lookup(en, `analyzer.${group}.${code}`), `en ${group}.${code}`).toBeTypeOf('string');
    }
  });

  it('offers as many earlier messages as the API takes, and no more', () => {
    const lines = (count: number) => Array.from({ length: count }, (_, i) => `message ${i}`);
    expect(ZAnalyzeMessageRequest.safeParse({ text: 'hi', context: lines(CONTEXT_MAX) }).success).toBe(true);
    expect(ZAnalyzeMessageRequest.safeParse({ text: 'hi', context: lines(CONTEXT_MAX + 1) }).success).toBe(false);
  });

  it('narrows known codes and rejects unknown ones', () => {
    expect(isOneOf(NEEDS, 'refund')).toBe(true);
    expect(isOneOf(NEEDS, 'teleport')).toBe(false);
  });

  it('colours a merged highlight by its weightiest cue, and an unknown kind in grey', () => {
    expect(cueBackground(['emotion_word', 'threat'])).toBe(cueBackground(['threat']));
    expect(cueBackground(['threat'])).not.toBe(cueBackground(['emotion_word']));
    expect(cueBackground(['something_new'])).toBe(cueBackground(['diminisher']));
    expect(cueTagColor('something_new')).toBe('default');
  });
});

describe('analyzer number formats', () => {
  it.each([
    { value: 0.4, expected: '+0.40' },
    { value: -0.625, expected: '−0.62' },
    { value: -0.004, expected: '0.00' },
    { value: 0, expected: '0.00' },
    { value: 1, expected: '+1.00' },
    { value: Number.NaN, expected: '—' },
  ])('writes $value as $expected', ({ value, expected }) => {
    expect(formatSigned(value)).toBe(expected);
  });

  it.each([
    { intensity: 0.834, expected: 83 },
    { intensity: 0, expected: 0 },
    { intensity: 1.7, expected: 100 },
    { intensity: -0.2, expected: 0 },
    { intensity: Number.NaN, expected: 0 },
  ])('shows intensity $intensity as $expected%', ({ intensity, expected }) => {
    expect(intensityPercent(intensity)).toBe(expected);
  });
});
