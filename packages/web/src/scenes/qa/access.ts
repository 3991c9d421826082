import type { TRole } from '@calmdesk/shared';

/**
 * Who may do what in 对话质检. Mirrors the server (qa.routes.ts QA_IMPORT_ROLES and
 * QA_READER_ROLES): the server enforces it, this only decides which tabs and buttons to offer.
 */

/** Import chat logs: the people who run the service and its training. */
export const QA_IMPORT_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader', 'admin'];
/** Read analysed conversations: the importers and the mentors who coach from them. */
export const QA_READER_ROLES: readonly TRole[] = ['mentor', ...QA_IMPORT_ROLES];
/** Read every team's conversations (qa-conversation.service.ts ORGANISATION_WIDE); supervisors and mentors read their own teams'. */
export const QA_ORGANISATION_WIDE_ROLES: readonly TRole[] = ['trainer', 'deputy', 'leader', 'admin'];
/** Change masking, retention and the coaching threshold (PUT /api/qa/settings). */
export const QA_SETTINGS_ROLES: readonly TRole[] = ['admin'];

export interface TQaAccess {
  /** Reads the conversation list and a conversation's analysis (supervisors and mentors: their teams). */
  canRead: boolean;
  /** Uploads exports, maps their columns, follows and cancels imports, lists the sources. */
  canImport: boolean;
  /** Flags a conversation for coaching with a reason (the importing roles, as the server's flag route). */
  canFlag: boolean;
  /** Reads the dashboard and the coaching queue, comments and marks conversations coached (every reader). */
  canCoach: boolean;
  /** Changes the QA settings; the other readers see them read-only. */
  canEditSettings: boolean;
  /** Sees every team's conversations and figures, not only their own teams'. */
  canSeeAllTeams: boolean;
}

/**
 * The QA rights of a person.
 * @param roles roles held in the current organisation
 * @returns what to offer
 */
export function qaAccess(roles: readonly TRole[]): TQaAccess {
  const holds = (allowed: readonly TRole[]) => roles.some((role) => allowed.includes(role));
  const canRead = holds(QA_READER_ROLES);
  return { canRead, canImport: holds(QA_IMPORT_ROLES), canFlag: holds(QA_IMPORT_ROLES), canCoach: canRead, canEditSettings: holds(QA_SETTINGS_ROLES), canSeeAllTeams: canRead && holds(QA_ORGANISATION_WIDE_ROLES) };
}

/** The tabs of the area, in order. */
export type TQaTab = 'conversations' | 'stats' | 'coaching' | 'imports' | 'settings';

export const QA_TAB_PATHS: Record<TQaTab, string> = { conversations: '/qa', stats: '/qa/stats', coaching: '/qa/coaching', imports: '/qa/imports', settings: '/qa/settings' };

/**
 * The tabs a person sees: the conversations, the dashboard, the coaching queue and the
 * settings (read-only but for admins) for every reader; the imports for importers.
 * @param roles roles held in the current organisation
 * @returns tab keys in display order
 */
export function qaTabs(roles: readonly TRole[]): TQaTab[] {
  const access = qaAccess(roles);
  if (!access.canRead) return [];
  return ['conversations', 'stats', 'coaching', ...(access.canImport ? (['imports'] as const) : []), 'settings'];
}
