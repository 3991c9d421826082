import { describe, expect, it } from 'vitest';
import { qaAccess, qaTabs } from './access';

describe('qaAccess', () => {
  it.each([
    { roles: ['supervisor'] as const, expected: { canRead: true, canImport: true } },
    { roles: ['trainer'] as const, expected: { canRead: true, canImport: true } },
    { roles: ['admin'] as const, expected: { canRead: true, canImport: true } },
    { roles: ['mentor', 'agent'] as const, expected: { canRead: true, canImport: false } },
    { roles: ['agent'] as const, expected: { canRead: false, canImport: false } },
  ])('$roles → $expected', ({ roles, expected }) => {
    expect(qaAccess(roles)).toEqual(expected);
  });
});

describe('qaTabs', () => {
  it('shows mentors the conversations only: they read, they do not import', () => {
    expect(qaTabs(['mentor', 'agent'])).toEqual(['conversations']);
  });

  it('shows importers both tabs, conversations first', () => {
    for (const role of ['supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const) expect(qaTabs([role])).toEqual(['conversations', 'imports']);
  });

  it('shows agents nothing', () => {
    expect(qaTabs(['agent'])).toEqual([]);
  });
});
