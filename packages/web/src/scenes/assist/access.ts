import type { TRole } from '@calmdesk/shared';

/**
 * Who may do what in 实时辅助, as the server's /api/assist routes allow it: the people who
 * serve customers use the assist page; supervisors (and deputies, leaders) see the team's load
 * and the escalations and acknowledge them. The page only shapes the UI; the server decides.
 */
export interface TAssistAccess {
  /** The assist page: agent, mentor, supervisor. */
  canServe: boolean;
  /** Team load, every escalation of the team, acknowledge: supervisor, deputy, leader. */
  canOversee: boolean;
}

const SERVING_ROLES: readonly TRole[] = ['agent', 'mentor', 'supervisor'];
const OVERSEEING_ROLES: readonly TRole[] = ['supervisor', 'deputy', 'leader'];

/**
 * @param roles roles held in the current organisation
 * @returns what those roles may do in live assist
 */
export function assistAccess(roles: readonly TRole[]): TAssistAccess {
  return {
    canServe: roles.some((role) => SERVING_ROLES.includes(role)),
    canOversee: roles.some((role) => OVERSEEING_ROLES.includes(role)),
  };
}
