import { describe, expect, it } from 'vitest';
import { qaAccess, qaTabs } from './access';

describe('qaAccess', () => {
  it.each([
    { roles: ['supervisor'] as const, expected: { canRead: true, canImport: true, canFlag: true, canCoach: true, canEditSettings: false, canSeeAllTeams: false } },
    { roles: ['deputy', 'supervisor'] as const, expected: { canRead: true, canImport: true, canFlag: true, canCoach: true, canEditSettings: false, canSeeAllTeams: true } },
    { roles: ['trainer'] as const, expected: { canRead: true, canImport: true, canFlag: true, canCoach: true, canEditSettings: false, canSeeAllTeams: true } },
    { roles: ['admin'] as const, expected: { canRead: true, canImport: true, canFlag: true, canCoach: true, canEditSettings: true, canSeeAllTeams: true } },
    { roles: ['mentor', 'agent'] as const, expected: { canRead: true, canImport: false, canFlag: false, canCoach: true, canEditSettings: false, canSeeAllTeams: false } },
    { roles: ['agent'] as const, expected: { canRead: false, canImport: false, canFlag: false, canCoach: false, canEditSettings: false, canSeeAllTeams: false } },
  ])('$roles → $expected', ({ roles, expected }) => {
    expect(qaAccess(roles)).toEqual(expected);
  });
});

describe('qaTabs', () => {
  it('shows mentors everything but the imports: they read and coach, they do not import', () => {
    expect(qaTabs(['mentor', 'agent'])).toEqual(['conversations', 'stats', 'coaching', 'settings']);
  });

  it('shows importers every tab, conversations first and settings last', () => {
    for (const role of ['supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const) expect(qaTabs([role])).toEqual(['conversations', 'stats', 'coaching', 'imports', 'settings']);
  });

  it('shows agents nothing', () => {
    expect(qaTabs(['agent'])).toEqual([]);
  });
});
