import type { TRole } from '@calmdesk/shared';

/** One route of the authorisation matrix: who may call it ('public': anyone, signed in or not), and a body for writes. */
export type TRouteCase = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; allowed: readonly TRole[] | 'public'; body?: () => unknown };

export const ALL: readonly TRole[] = ['agent', 'mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'];
/** The training management group of SPEC §2.7. */
export const TRAINING_GROUP: readonly TRole[] = ['trainer', 'deputy', 'leader'];
