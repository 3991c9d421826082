import { ROLES, type TRole } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import { canOpen, flattenNavigation, getNavigation, matchNavKey, NAV_TREE, type TNavKey } from './navigation';

const COMMON: TNavKey[] = ['home', 'analyzer', 'roleplay', 'learning', 'mytraining', 'selfcare'];

/** Top-level menu keys each single role must see, written out by hand from the brief. */
const EXPECTED_TOP_LEVEL: { whenRolesAre: TRole[]; expectedKeysAre: TNavKey[] }[] = [
  { whenRolesAre: ['agent'], expectedKeysAre: [...COMMON, 'live-assist'] },
  { whenRolesAre: ['mentor'], expectedKeysAre: [...COMMON, 'live-assist', 'qa'] },
  { whenRolesAre: ['supervisor'], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'] },
  { whenRolesAre: ['trainer'], expectedKeysAre: [...COMMON, 'qa', 'operations', 'evaluation'] },
  { whenRolesAre: ['deputy'], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'] },
  { whenRolesAre: ['leader'], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'] },
  { whenRolesAre: ['admin'], expectedKeysAre: [...COMMON, 'qa', 'admin'] },
  // Several roles: the union, in menu order, each item once.
  { whenRolesAre: ['agent', 'trainer'], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation'] },
  { whenRolesAre: ['admin', 'agent'], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'admin'] },
  { whenRolesAre: [...ROLES], expectedKeysAre: [...COMMON, 'live-assist', 'qa', 'operations', 'evaluation', 'admin'] },
  // No role in this organisation: only what every signed-in person gets.
  { whenRolesAre: [], expectedKeysAre: COMMON },
];

describe('getNavigation', () => {
  it.each(EXPECTED_TOP_LEVEL)('roles $whenRolesAre see $expectedKeysAre', ({ whenRolesAre, expectedKeysAre }) => {
    expect(getNavigation(whenRolesAre).map((item) => item.key)).toEqual(expectedKeysAre);
  });

  it('gives an admin the users, teams and audit-log pages under administration', () => {
    const admin = getNavigation(['admin']).find((item) => item.key === 'admin');
    expect(admin?.children?.map((item) => item.key)).toEqual(['admin-users', 'admin-teams', 'admin-audit', 'admin-integrations']);
  });

  it('never shows administration pages to anyone without the admin role', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const keys = flattenNavigation(getNavigation([role])).map((item) => item.key);
      expect(keys.filter((key) => key.startsWith('admin'))).toEqual([]);
    }
  });

  it('keeps the menu and the route guard in agreement', () => {
    for (const role of ROLES) {
      const visible = new Set(flattenNavigation(getNavigation([role])).map((item) => item.key));
      for (const item of flattenNavigation(NAV_TREE)) {
        expect(canOpen([role], item.key), `${role} / ${item.key}`).toBe(visible.has(item.key));
      }
    }
  });
});

describe('canOpen', () => {
  it('lets an agent open live assist but not transcript QA or administration', () => {
    expect(canOpen(['agent'], 'live-assist')).toBe(true);
    expect(canOpen(['agent'], 'qa')).toBe(false);
    expect(canOpen(['agent'], 'admin-users')).toBe(false);
  });

  it('lets a leader open evaluation and live assist (its team page) but not administration', () => {
    expect(canOpen(['leader'], 'evaluation')).toBe(true);
    expect(canOpen(['leader'], 'live-assist')).toBe(true);
    expect(canOpen(['leader'], 'admin-integrations')).toBe(false);
  });

  it('keeps live assist from trainers and admins, who serve no customers and lead no team', () => {
    expect(canOpen(['trainer'], 'live-assist')).toBe(false);
    expect(canOpen(['admin'], 'live-assist')).toBe(false);
  });
});

describe('matchNavKey', () => {
  it.each([
    { whenPathIs: '/', expected: 'home' },
    { whenPathIs: '/analyzer', expected: 'analyzer' },
    { whenPathIs: '/live-assist', expected: 'live-assist' },
    { whenPathIs: '/admin/users', expected: 'admin-users' },
    { whenPathIs: '/admin/users/123', expected: 'admin-users' },
    { whenPathIs: '/admin/audit', expected: 'admin-audit' },
    { whenPathIs: '/profile', expected: undefined },
    { whenPathIs: '/analyzerx', expected: undefined },
  ])('$whenPathIs highlights $expected', ({ whenPathIs, expected }) => {
    expect(matchNavKey(whenPathIs)).toBe(expected);
  });
});
