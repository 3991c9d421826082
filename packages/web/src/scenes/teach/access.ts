import type { TRole } from '@calmdesk/shared';
import { AUTHOR_ROLES, OVERSEER_ROLES } from '../learning/access';

/**
 * What each role may do on the trainer and oversight pages. Mirrors the server's rules
 * (learning.routes.ts, exam.routes.ts): the server enforces them, this only decides which
 * pages, sections and buttons to offer.
 */

/** May read exam statistics and the certificates issued (organisation-wide oversight). */
const STATISTICS_ROLES: readonly TRole[] = ['trainer', 'deputy', 'leader'];

export interface TTeachAccess {
  /** 学习概况: progress, overdue courses, the Excel export (supervisors: their own teams). */
  canOverview: boolean;
  /** Writes courses, lessons, questions and cases; assigns courses; sets exams; marks; revokes. */
  canAuthor: boolean;
  /** Exam results per person (supervisors: their own teams). */
  canSeeResults: boolean;
  /** Question statistics of an exam, the certificates issued and the course reactions. */
  canSeeStatistics: boolean;
}

/**
 * The trainer-page rights of a person.
 * @param roles roles held in the current organisation
 * @returns which pages and actions to offer
 */
export function teachAccess(roles: readonly TRole[]): TTeachAccess {
  const holds = (allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));
  return {
    canOverview: holds(OVERSEER_ROLES),
    canAuthor: holds(AUTHOR_ROLES),
    canSeeResults: holds(OVERSEER_ROLES),
    canSeeStatistics: holds(STATISTICS_ROLES),
  };
}

/** The sections of 考试管理, in order. */
export type TExamAdminSection = 'exams' | 'grading' | 'certificates';

/**
 * The 考试管理 sections a person sees: trainers all three; deputies and leaders the exams
 * (results and statistics, read-only) and the certificates; supervisors the exams' results.
 * @param roles roles held in the current organisation
 * @returns section keys in display order (empty: no access)
 */
export function examAdminSections(roles: readonly TRole[]): TExamAdminSection[] {
  const access = teachAccess(roles);
  if (!access.canSeeResults) return [];
  return ['exams', ...(access.canAuthor ? (['grading'] as const) : []), ...(access.canSeeStatistics ? (['certificates'] as const) : [])];
}
