import type { TRole } from '@calmdesk/shared';

/**
 * Who may do what in 对话质检. Mirrors the server (qa.routes.ts QA_IMPORT_ROLES and
 * QA_READER_ROLES): the server enforces it, this only decides which tabs and buttons to offer.
 */

/** Import chat logs: the people who run the service and its training. */
export const QA_IMPORT_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader', 'admin'];
/** Read analysed conversations: the importers and the mentors who coach from them. */
export const QA_READER_ROLES: readonly TRole[] = ['mentor', ...QA_IMPORT_ROLES];

export interface TQaAccess {
  /** Reads the conversation list and a conversation's analysis (supervisors and mentors: their teams). */
  canRead: boolean;
  /** Uploads exports, maps their columns, follows and cancels imports, lists the sources. */
  canImport: boolean;
}

/**
 * The QA rights of a person.
 * @param roles roles held in the current organisation
 * @returns what to offer
 */
export function qaAccess(roles: readonly TRole[]): TQaAccess {
  const holds = (allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));
  return { canRead: holds(QA_READER_ROLES), canImport: holds(QA_IMPORT_ROLES) };
}

/** The tabs of the area, in order. */
export type TQaTab = 'conversations' | 'imports';

export const QA_TAB_PATHS: Record<TQaTab, string> = { conversations: '/qa', imports: '/qa/imports' };

/**
 * The tabs a person sees: the conversations for every reader, the imports for importers.
 * @param roles roles held in the current organisation
 * @returns tab keys in display order
 */
export function qaTabs(roles: readonly TRole[]): TQaTab[] {
  const access = qaAccess(roles);
  return [...(access.canRead ? (['conversations'] as const) : []), ...(access.canImport ? (['imports'] as const) : [])];
}
