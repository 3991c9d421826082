import type { TRole } from '@calmdesk/shared';
import { and, arrayContains, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { memberships, organisations, teamMembers, teams, users } from '../db/schema.js';

export type TUserRow = typeof users.$inferSelect;

export async function findUserByLogin(db: TDb, login: string): Promise<TUserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.login, login.toLowerCase())).limit(1);
  return rows[0];
}

export async function findUserById(db: TDb, userId: string): Promise<TUserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return rows[0];
}

/** Active memberships of a person, oldest first (the default organisation at login). */
export async function findActiveMemberships(db: TDb, userId: string) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.isActive, true)))
    .orderBy(asc(memberships.createdAt), asc(organisations.name));
  return rows.map((r) => ({ ...r, roles: r.roles as TRole[] }));
}

export async function findUserTeams(db: TDb, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teams.organisationId, organisationId), inArray(teamMembers.userId, userIds)))
    .orderBy(asc(teams.name));
}

const memberColumns = {
  id: users.id,
  login: users.login,
  displayName: users.displayName,
  lockedUntil: users.lockedUntil,
  roles: memberships.roles,
  hireDate: memberships.hireDate,
  isActive: memberships.isActive,
  createdAt: memberships.createdAt,
};

export type TMemberRow = { id: string; login: string; displayName: string; lockedUntil: Date | null; roles: string[]; hireDate: string | null; isActive: boolean; createdAt: Date };

/** Members of an organisation, filtered; the organisation filter is always applied. */
export async function findMembers(
  db: TDb,
  organisationId: string,
  filter: { q?: string | undefined; role?: TRole | undefined; teamId?: string | undefined; limit: number; offset: number },
): Promise<{ rows: TMemberRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [eq(memberships.organisationId, organisationId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.login, pattern), ilike(users.displayName, pattern)));
  }
  if (filter.role) conditions.push(arrayContains(memberships.roles, [filter.role]));
  if (filter.teamId) {
    conditions.push(
      inArray(users.id, db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, filter.teamId))),
    );
  }
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(asc(users.login))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function findMember(db: TDb, organisationId: string, userId: string): Promise<TMemberRow | undefined> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function insertUser(db: TDb, values: { login: string; displayName: string; passwordHash: string; locale?: string }): Promise<string> {
  const rows = await db.insert(users).values(values).returning({ id: users.id });
  return rows[0]!.id;
}

export async function insertMembership(
  db: TDb,
  values: { userId: string; organisationId: string; roles: TRole[]; hireDate?: string | null },
): Promise<void> {
  await db.insert(memberships).values({ ...values, hireDate: values.hireDate ?? null });
}

export async function updateMembership(
  db: TDb,
  organisationId: string,
  userId: string,
  values: { roles?: TRole[]; hireDate?: string | null; isActive?: boolean },
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await db.update(memberships).set(values).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: TDb, organisationId: string, userId: string): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

/** Replaces the person's teams inside one organisation; teams elsewhere stay. */
export async function replaceUserTeams(db: TDb, organisationId: string, userId: string, teamIds: string[]): Promise<void> {
  await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.userId, userId), inArray(teamMembers.teamId, db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, organisationId)))));
  if (teamIds.length > 0) await db.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId })));
}

export async function updateUser(
  db: TDb,
  userId: string,
  values: Partial<Pick<TUserRow, 'displayName' | 'locale' | 'passwordHash' | 'failedLogins' | 'lockedUntil' | 'passwordChangedAt'>>,
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** Adds one failed login; locks the account when the count reaches `maxFailures`. @returns whether it is now locked */
export async function recordFailedLogin(db: TDb, userId: string, maxFailures: number, lockoutMinutes: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN 0 ELSE ${users.failedLogins} + 1 END`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${maxFailures} THEN now() + make_interval(mins => ${lockoutMinutes}) ELSE ${users.lockedUntil} END`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  const lockedUntil = rows[0]?.lockedUntil;
  return lockedUntil !== null && lockedUntil !== undefined && lockedUntil.getTime() > Date.now();
}

/** Active admins of an organisation: the last one cannot be removed or demoted. */
export async function countActiveAdmins(db: TDb, organisationId: string): Promise<number> {
  const rows = await db
    .select({ total: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), arrayContains(memberships.roles, ['admin'])));
  return rows[0]?.total ?? 0;
}

export async function findOrganisation(db: TDb, organisationId: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return rows[0];
}

export async function insertOrganisation(db: TDb, values: { name: string; slug: string }): Promise<string> {
  const rows = await db.insert(organisations).values(values).returning({ id: organisations.id });
  return rows[0]!.id;
}

export async function countOrganisations(db: TDb): Promise<number> {
  const rows = await db.select({ total: count() }).from(organisations);
  return rows[0]?.total ?? 0;
}
