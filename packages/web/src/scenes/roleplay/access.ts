import type { TRole } from '@calmdesk/shared';

/**
 * What each role may do inside the role-play area. Mirrors the server's rules
 * (packages/server/src/services/roleplay.service.ts: REVIEWER_ROLES, ASSIGNER_ROLES,
 * AUTHOR_ROLES); the server enforces them, this only shapes the tabs and buttons.
 */

/** May see everyone's attempts and comment on them (the coaching tab). */
export const COACH_ROLES: readonly TRole[] = ['trainer', 'mentor', 'supervisor', 'deputy', 'leader'];
/** May assign a scenario to teams or people. */
export const ASSIGNER_ROLES: readonly TRole[] = ['trainer', 'mentor'];
/** May write, publish and delete the organisation's own scenarios. */
export const AUTHOR_ROLES: readonly TRole[] = ['trainer'];

export interface TRoleplayAccess {
  canCoach: boolean;
  canAssign: boolean;
  canAuthor: boolean;
}

/**
 * The role-play rights of a person.
 * @param roles roles held in the current organisation
 * @returns which coaching, assigning and authoring actions to offer
 */
export function roleplayAccess(roles: readonly TRole[]): TRoleplayAccess {
  const holds = (allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));
  return { canCoach: holds(COACH_ROLES), canAssign: holds(ASSIGNER_ROLES), canAuthor: holds(AUTHOR_ROLES) };
}

/** The tabs of the area, in order. */
export type TRoleplayTab = 'catalogue' | 'history' | 'coaching' | 'authoring';

export const ROLEPLAY_TAB_PATHS: Record<TRoleplayTab, string> = {
  catalogue: '/roleplay',
  history: '/roleplay/history',
  coaching: '/roleplay/coaching',
  authoring: '/roleplay/authoring',
};

/**
 * The tabs a person sees: everyone practises and has a history; coaching and authoring
 * only for the roles that may use them.
 * @param roles roles held in the current organisation
 * @returns tab keys in display order
 */
export function roleplayTabs(roles: readonly TRole[]): TRoleplayTab[] {
  const access = roleplayAccess(roles);
  return ['catalogue', 'history', ...(access.canCoach ? (['coaching'] as const) : []), ...(access.canAuthor ? (['authoring'] as const) : [])];
}
