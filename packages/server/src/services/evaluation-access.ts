import { EVALUATION_ORGANISATION_WIDE_ROLES, hasAnyRole } from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { findTeamMemberIds, findTeams } from '../repositories/team.repository.js';
import { findUserTeams } from '../repositories/user.repository.js';

/**
 * Who sees what in 效果评估 (SPEC §2.8, §1): the training group (trainer, deputy, leader) sees
 * every team and person of the organisation; a supervisor sees the teams they belong to and
 * those teams' people, and imports KPIs only for them. The routes admit only EVALUATION_ROLES.
 */
export type TEvalScope = {
  isOrganisationWide: boolean;
  /** The teams the caller may look at, by name. */
  teams: { id: string; name: string }[];
  /** The people the caller may look at; undefined: everyone in the organisation. */
  visibleUserIds: ReadonlySet<string> | undefined;
};

/**
 * The caller's view of the organisation.
 * @returns teams and people visible to the caller
 */
export async function evaluationScope(deps: TDeps, auth: TAuthContext): Promise<TEvalScope> {
  if (hasAnyRole(auth.roles, EVALUATION_ORGANISATION_WIDE_ROLES)) {
    const teams = await findTeams(deps.db, auth.organisationId);
    return { isOrganisationWide: true, teams: teams.map((t) => ({ id: t.id, name: t.name })), visibleUserIds: undefined };
  }
  const teams = (await findUserTeams(deps.db, auth.organisationId, [auth.userId])).map((t) => ({ id: t.id, name: t.name }));
  const members = await findTeamMemberIds(deps.db, auth.organisationId, teams.map((t) => t.id));
  return { isOrganisationWide: false, teams, visibleUserIds: new Set(members) };
}

/** Whether the caller may look at this person. */
export function canSeePerson(scope: TEvalScope, userId: string): boolean {
  return scope.visibleUserIds === undefined || scope.visibleUserIds.has(userId);
}
