import type { TRole } from '@calmdesk/shared';

/**
 * Which tabs of 培训运营 (/operations, the training group's desk) and 我的培训 (/my, everyone's own)
 * each role sees. The server enforces the same rules on its API; this only shapes the UI.
 */

export type TOpsTab = 'calendar' | 'attendance' | 'plans' | 'surveys' | 'mentoring' | 'incentives' | 'records';
export type TMyTab = 'sessions' | 'surveys' | 'mentoring' | 'points' | 'suggestions' | 'records';

const TRAINING_GROUP: readonly TRole[] = ['trainer', 'deputy', 'leader'];
const MANAGERS: readonly TRole[] = ['supervisor', ...TRAINING_GROUP];

/** Tab -> who sees it, in display order. */
export const OPS_TABS: readonly { key: TOpsTab; path: string; roles: readonly TRole[] }[] = [
  { key: 'calendar', path: '/operations/calendar', roles: MANAGERS },
  { key: 'attendance', path: '/operations/attendance', roles: MANAGERS },
  { key: 'plans', path: '/operations/plans', roles: MANAGERS },
  { key: 'surveys', path: '/operations/surveys', roles: MANAGERS },
  { key: 'mentoring', path: '/operations/mentoring', roles: MANAGERS },
  { key: 'incentives', path: '/operations/incentives', roles: MANAGERS },
  { key: 'records', path: '/operations/records', roles: MANAGERS },
];

export const MY_TABS: readonly { key: TMyTab; path: string }[] = [
  { key: 'sessions', path: '/my/sessions' },
  { key: 'surveys', path: '/my/surveys' },
  { key: 'mentoring', path: '/my/mentoring' },
  { key: 'points', path: '/my/points' },
  { key: 'suggestions', path: '/my/suggestions' },
  { key: 'records', path: '/my/records' },
];

const holds = (roles: readonly TRole[], allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));

/**
 * The 培训运营 tabs these roles see.
 * @param roles roles held in the current organisation
 */
export function opsTabs(roles: readonly TRole[]): TOpsTab[] {
  return OPS_TABS.filter((tab) => holds(roles, tab.roles)).map((tab) => tab.key);
}

/** What a role may do in 培训运营; pages show buttons only for these, the server checks again. */
export function opsAccess(roles: readonly TRole[]) {
  return {
    isManager: holds(roles, MANAGERS),
    isTrainingGroup: holds(roles, TRAINING_GROUP),
    /** Trainers draft plans, build surveys, schedule sessions. */
    isTrainer: roles.includes('trainer'),
    /** The leader approves or returns plans and confirms the excellent trainees. */
    isLeader: roles.includes('leader'),
    isSupervisor: roles.includes('supervisor'),
    isMentor: roles.includes('mentor'),
  };
}
