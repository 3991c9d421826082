import type { TRole } from '@calmdesk/shared';

/**
 * What each role may do in the learning area. Mirrors the server's rules
 * (packages/server/src/routes/learning.routes.ts and exam.routes.ts); the server enforces
 * them, this only shapes the tabs and buttons.
 */

/** May see progress, overdue courses and exam results (supervisors: their own teams). */
export const OVERSEER_ROLES: readonly TRole[] = ['trainer', 'supervisor', 'deputy', 'leader'];
/** May write courses, lessons, questions and cases, set exams, mark short answers, assign courses. */
export const AUTHOR_ROLES: readonly TRole[] = ['trainer'];

/** The tabs of the area, in order: four for everyone, then oversight and authoring. */
export type TLearningTab = 'courses' | 'mine' | 'exams' | 'cases' | 'certificates' | 'overview' | 'authoring' | 'exam-admin';

export const LEARNING_TAB_PATHS: Record<TLearningTab, string> = {
  courses: '/learning',
  mine: '/learning/mine',
  exams: '/learning/exams',
  cases: '/learning/cases',
  certificates: '/learning/certificates',
  overview: '/learning/overview',
  authoring: '/learning/authoring',
  'exam-admin': '/learning/exam-admin',
};

/**
 * The tabs a person sees.
 * @param roles roles held in the current organisation
 * @returns tab keys in display order
 */
export function learningTabs(roles: readonly TRole[]): TLearningTab[] {
  const holds = (allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));
  return [
    'courses',
    'mine',
    'exams',
    'cases',
    'certificates',
    ...(holds(OVERSEER_ROLES) ? (['overview'] as const) : []),
    ...(holds(AUTHOR_ROLES) ? (['authoring', 'exam-admin'] as const) : []),
  ];
}
