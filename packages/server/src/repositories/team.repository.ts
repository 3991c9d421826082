import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { teamMembers, teams } from '../db/schema.js';

export async function findTeams(db: TDb, organisationId: string) {
  return db
    .select({ id: teams.id, name: teams.name, description: teams.description, memberCount: count(teamMembers.userId) })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(eq(teams.organisationId, organisationId))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}

export async function findTeam(db: TDb, organisationId: string, teamId: string) {
  const rows = await db
    .select({ id: teams.id, name: teams.name, description: teams.description, memberCount: count(teamMembers.userId) })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)))
    .groupBy(teams.id);
  return rows[0];
}

/** @returns the ids among `teamIds` that belong to the organisation */
export async function findTeamIdsInOrganisation(db: TDb, organisationId: string, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, teamIds)));
  return rows.map((r) => r.id);
}

export async function findTeamByName(db: TDb, organisationId: string, name: string) {
  const rows = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.name, name)));
  return rows[0];
}

export async function insertTeam(db: TDb, values: { organisationId: string; name: string; description: string }): Promise<string> {
  const rows = await db.insert(teams).values(values).returning({ id: teams.id });
  return rows[0]!.id;
}

export async function updateTeam(db: TDb, organisationId: string, teamId: string, values: { name?: string; description?: string }) {
  await db.update(teams).set(values).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)));
}

export async function deleteTeam(db: TDb, organisationId: string, teamId: string): Promise<void> {
  await db.delete(teams).where(and(eq(teams.organisationId, organisationId), eq(teams.id, teamId)));
}

/** Members of the given teams of the organisation. */
export async function findTeamMemberIds(db: TDb, organisationId: string, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), inArray(teams.id, teamIds)));
  return rows.map((r) => r.userId);
}
