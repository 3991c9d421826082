import { z } from 'zod';

/**
 * The roles of SPEC §1. One person may hold several, each scoped to one organisation.
 * Order matters only for display: front line first, install owner last.
 */
export const ROLES = ['agent', 'mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const;

export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Roles that make up the training management group (培训管理小组, SPEC §2.7). */
export const TRAINING_GROUP_ROLES: readonly TRole[] = ['trainer', 'deputy', 'leader'];

/** Roles that may see team-level figures for the teams they belong to or lead. */
export const TEAM_OVERSIGHT_ROLES: readonly TRole[] = ['supervisor', 'deputy', 'leader', 'trainer', 'admin'];

/**
 * Whether any of the held roles is in the allowed set.
 * @param held roles the caller holds in the organisation
 * @param allowed roles a rule accepts
 * @returns true when at least one role matches
 */
export function hasAnyRole(held: readonly TRole[], allowed: readonly TRole[]): boolean {
  return held.some((role) => allowed.includes(role));
}
