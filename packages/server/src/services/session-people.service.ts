import type { TRole } from '@calmdesk/shared';
import { and, arrayContains, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDb } from '../db/client.js';
import { memberships, teamMembers, teams, users } from '../db/schema.js';

/**
 * Who is who for plans and sessions: the active people behind a list of teams and people,
 * the holders of a role, a person's supervisors, names and team names. Plain SQL helpers
 * shared by plan.service, session.service and attendance.service.
 */

/**
 * The active members of the organisation among these people and the members of these teams.
 * People who left or teams that were deleted are skipped, not refused: a plan approved months
 * after it was written still enrols whoever is there.
 * @returns distinct user ids
 */
export async function activeMemberIds(db: TDb, organisationId: string, input: { userIds: readonly string[]; teamIds: readonly string[] }): Promise<string[]> {
  const ids = new Set<string>(input.userIds);
  if (input.teamIds.length > 0) {
    const rows = await db
      .selectDistinct({ userId: teamMembers.userId })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, [...input.teamIds])));
    for (const row of rows) ids.add(row.userId);
  }
  if (ids.size === 0) return [];
  const active = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), inArray(memberships.userId, [...ids])));
  return active.map((row) => row.userId);
}

/** Active holders of a role in the organisation (e.g. the leaders who decide on a plan). */
export async function membersWithRole(db: TDb, organisationId: string, role: TRole): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), arrayContains(memberships.roles, [role])));
  return rows.map((row) => row.userId);
}

/**
 * The supervisors of each person: active supervisors who are members of one of the person's teams.
 * @returns person id -> supervisor ids (a person is never their own supervisor)
 */
export async function supervisorsOf(db: TDb, organisationId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (userIds.length === 0) return result;
  const colleague = alias(teamMembers, 'colleague');
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId, supervisorId: colleague.userId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(colleague, eq(colleague.teamId, teamMembers.teamId))
    .innerJoin(memberships, and(eq(memberships.userId, colleague.userId), eq(memberships.organisationId, organisationId)))
    .where(
      and(
        eq(teams.organisationId, organisationId),
        inArray(teamMembers.userId, [...userIds]),
        eq(memberships.isActive, true),
        arrayContains(memberships.roles, ['supervisor']),
        sql`${colleague.userId} <> ${teamMembers.userId}`,
      ),
    );
  for (const row of rows) result.set(row.userId, [...(result.get(row.userId) ?? []), row.supervisorId]);
  return result;
}

/** Display names of these people (any organisation's ids are looked up only within this one). */
export async function displayNames(db: TDb, organisationId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)))
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** Each person's team names, sorted. */
export async function teamNamesOf(db: TDb, organisationId: string, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({ userId: teamMembers.userId, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), inArray(teamMembers.userId, [...new Set(userIds)])))
    .orderBy(asc(teams.name));
  for (const row of rows) result.set(row.userId, [...(result.get(row.userId) ?? []), row.name]);
  return result;
}

/** The teams a person belongs to. */
export async function teamIdsOf(db: TDb, organisationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), eq(teamMembers.userId, userId)));
  return rows.map((row) => row.id);
}
