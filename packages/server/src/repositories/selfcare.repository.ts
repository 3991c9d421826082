import type { TSelfcareEntryKind, TStressBand } from '@calmdesk/shared';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { memberships, mentorships, qaConversations, roleplayAttempts, selfcareEntries, stressChecks, teamMembers, teams, users } from '../db/schema.js';

/**
 * SQL of self-care (SPEC §2.6). Every function that reads or changes an entry or a stress check
 * takes the owner and filters by it: there is no query here that reads someone else's entries.
 * The team aggregates read many people's rows but return only counts and means per team and week.
 */

export type TSelfcareEntryRow = typeof selfcareEntries.$inferSelect;
export type TStressCheckRow = typeof stressChecks.$inferSelect;
/** The owner: the caller, in the organisation of their session. */
export type TOwner = { ownerId: string; organisationId: string };

const ownedEntry = (owner: TOwner) => and(eq(selfcareEntries.ownerId, owner.ownerId), eq(selfcareEntries.organisationId, owner.organisationId));
const ownedCheck = (owner: TOwner) => and(eq(stressChecks.ownerId, owner.ownerId), eq(stressChecks.organisationId, owner.organisationId));

export async function insertSelfcareEntry(db: TDb, owner: TOwner, entry: { kind: TSelfcareEntryKind; body: unknown; occurredAt: Date }): Promise<TSelfcareEntryRow> {
  const [row] = await db
    .insert(selfcareEntries)
    .values({ organisationId: owner.organisationId, ownerId: owner.ownerId, kind: entry.kind, body: entry.body, occurredAt: entry.occurredAt })
    .returning();
  return row!;
}

export async function findSelfcareEntry(db: TDb, owner: TOwner, id: string): Promise<TSelfcareEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(selfcareEntries)
    .where(and(ownedEntry(owner), eq(selfcareEntries.id, id)));
  return row;
}

/** The owner's entries, newest first; `from`/`to` bound `occurred_at` (from inclusive, to exclusive). */
export async function findSelfcareEntries(
  db: TDb,
  owner: TOwner,
  filter: { kind?: TSelfcareEntryKind | undefined; from?: Date | undefined; to?: Date | undefined; limit?: number; offset?: number },
): Promise<{ rows: TSelfcareEntryRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [ownedEntry(owner)];
  if (filter.kind) conditions.push(eq(selfcareEntries.kind, filter.kind));
  if (filter.from) conditions.push(gte(selfcareEntries.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(selfcareEntries.occurredAt, filter.to));
  const where = and(...conditions);
  let query = db.select().from(selfcareEntries).where(where).orderBy(desc(selfcareEntries.occurredAt), desc(selfcareEntries.createdAt)).$dynamic();
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  const [rows, [total]] = await Promise.all([query, db.select({ n: count() }).from(selfcareEntries).where(where)]);
  return { rows, total: total?.n ?? 0 };
}

export async function updateSelfcareEntry(db: TDb, owner: TOwner, id: string, change: { body: unknown; occurredAt?: Date | undefined }): Promise<TSelfcareEntryRow | undefined> {
  const [row] = await db
    .update(selfcareEntries)
    .set({ body: change.body, ...(change.occurredAt ? { occurredAt: change.occurredAt } : {}), updatedAt: new Date() })
    .where(and(ownedEntry(owner), eq(selfcareEntries.id, id)))
    .returning();
  return row;
}

export async function deleteSelfcareEntry(db: TDb, owner: TOwner, id: string): Promise<boolean> {
  const rows = await db
    .delete(selfcareEntries)
    .where(and(ownedEntry(owner), eq(selfcareEntries.id, id)))
    .returning({ id: selfcareEntries.id });
  return rows.length > 0;
}

/** Entries per kind, and the ABC worksheets not yet finished. */
export async function countSelfcareEntries(db: TDb, owner: TOwner): Promise<{ byKind: Map<string, number>; abcUnfinished: number }> {
  const rows = await db
    .select({ kind: selfcareEntries.kind, n: count(), unfinished: sql<number>`count(*) FILTER (WHERE ${selfcareEntries.body}->>'isFinished' IS DISTINCT FROM 'true')::int` })
    .from(selfcareEntries)
    .where(ownedEntry(owner))
    .groupBy(selfcareEntries.kind);
  return { byKind: new Map(rows.map((r) => [r.kind, r.n])), abcUnfinished: rows.find((r) => r.kind === 'abc')?.unfinished ?? 0 };
}

/** The China-time days with a diary entry, latest first (enough for a streak of a year), and the latest entry's time. */
export async function findDiaryDays(db: TDb, owner: TOwner): Promise<{ days: string[]; lastAt: Date | null }> {
  const day = sql<string>`to_char(${selfcareEntries.occurredAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, lastAt: sql<Date>`max(${selfcareEntries.occurredAt})` })
    .from(selfcareEntries)
    .where(and(ownedEntry(owner), eq(selfcareEntries.kind, 'diary')))
    .groupBy(day)
    .orderBy(desc(day))
    .limit(400);
  const lastAt = rows[0]?.lastAt;
  return { days: rows.map((r) => r.day), lastAt: lastAt ? new Date(lastAt) : null };
}

export async function insertStressCheck(db: TDb, owner: TOwner, check: { questionnaire: string; answers: Record<string, number>; score: number; band: TStressBand; takenAt?: Date }): Promise<TStressCheckRow> {
  const [row] = await db
    .insert(stressChecks)
    .values({ organisationId: owner.organisationId, ownerId: owner.ownerId, questionnaire: check.questionnaire, answers: check.answers, score: check.score, band: check.band, ...(check.takenAt ? { takenAt: check.takenAt } : {}) })
    .returning();
  return row!;
}

/** The owner's checks, oldest first. */
export async function findStressChecks(db: TDb, owner: TOwner): Promise<TStressCheckRow[]> {
  return db.select().from(stressChecks).where(ownedCheck(owner)).orderBy(asc(stressChecks.takenAt));
}

/** Deletes every entry and check of the owner in this organisation, in one transaction. */
export async function deleteAllSelfcareOf(db: TDb, owner: TOwner): Promise<{ deletedEntries: number; deletedChecks: number }> {
  return db.transaction(async (tx) => {
    const entries = await tx.delete(selfcareEntries).where(ownedEntry(owner)).returning({ id: selfcareEntries.id });
    const checks = await tx.delete(stressChecks).where(ownedCheck(owner)).returning({ id: stressChecks.id });
    return { deletedEntries: entries.length, deletedChecks: checks.length };
  });
}

// ---------------------------------------------------------------------------
// People the gentle suggestion names

/** Active supervisors who share a team with the person (not the person), by name. */
export async function findSupervisorsOf(db: TDb, owner: TOwner): Promise<{ id: string; displayName: string }[]> {
  const mine = db.select({ teamId: teamMembers.teamId }).from(teamMembers).innerJoin(teams, eq(teams.id, teamMembers.teamId)).where(and(eq(teamMembers.userId, owner.ownerId), eq(teams.organisationId, owner.organisationId)));
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, owner.organisationId)))
    .where(and(inArray(teamMembers.teamId, mine), ne(users.id, owner.ownerId), eq(memberships.isActive, true), sql`'supervisor' = ANY(${memberships.roles})`))
    .orderBy(asc(users.displayName));
  return rows;
}

/** The person's mentor while the mentorship runs. */
export async function findActiveMentorOf(db: TDb, owner: TOwner): Promise<{ id: string; displayName: string } | null> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(mentorships)
    .innerJoin(users, eq(users.id, mentorships.mentorUserId))
    .where(and(eq(mentorships.organisationId, owner.organisationId), eq(mentorships.menteeUserId, owner.ownerId), isNull(mentorships.endedOn)))
    .limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// What a success case links to

export async function findQaConversationForLink(db: TDb, organisationId: string, id: string) {
  const [row] = await db
    .select({ id: qaConversations.id, externalId: qaConversations.externalId, shop: qaConversations.shop, startedAt: qaConversations.startedAt, agentUserId: qaConversations.agentUserId, score: qaConversations.score })
    .from(qaConversations)
    .where(and(eq(qaConversations.organisationId, organisationId), eq(qaConversations.id, id)));
  return row;
}

export async function findRoleplayAttemptForLink(db: TDb, owner: TOwner, id: string) {
  const [row] = await db
    .select({ id: roleplayAttempts.id, title: sql<{ zh: string; en: string }>`${roleplayAttempts.scenario}->'title'`, startedAt: roleplayAttempts.startedAt, total: roleplayAttempts.total })
    .from(roleplayAttempts)
    .where(and(eq(roleplayAttempts.organisationId, owner.organisationId), eq(roleplayAttempts.userId, owner.ownerId), eq(roleplayAttempts.id, id)));
  return row;
}

/** The owner's latest role-play attempts and the QA conversations they handled, for the success-case picker. */
export async function findLinkOptions(db: TDb, owner: TOwner, limit: number) {
  const [attempts, conversations] = await Promise.all([
    db
      .select({ id: roleplayAttempts.id, title: sql<{ zh: string; en: string }>`${roleplayAttempts.scenario}->'title'`, startedAt: roleplayAttempts.startedAt, total: roleplayAttempts.total })
      .from(roleplayAttempts)
      .where(and(eq(roleplayAttempts.organisationId, owner.organisationId), eq(roleplayAttempts.userId, owner.ownerId)))
      .orderBy(desc(roleplayAttempts.startedAt))
      .limit(limit),
    db
      .select({ id: qaConversations.id, externalId: qaConversations.externalId, shop: qaConversations.shop, startedAt: qaConversations.startedAt, score: qaConversations.score })
      .from(qaConversations)
      .where(and(eq(qaConversations.organisationId, owner.organisationId), eq(qaConversations.agentUserId, owner.ownerId)))
      .orderBy(sql`${qaConversations.startedAt} DESC NULLS LAST`)
      .limit(limit),
  ]);
  return { attempts, conversations };
}

// ---------------------------------------------------------------------------
// Team aggregates

/** Teams of the organisation, optionally only those the user belongs to. */
export async function findAggregateTeams(db: TDb, organisationId: string, memberUserId: string | null): Promise<{ id: string; name: string }[]> {
  const conditions = [eq(teams.organisationId, organisationId)];
  if (memberUserId) conditions.push(inArray(teams.id, db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, memberUserId))));
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(...conditions))
    .orderBy(asc(teams.name));
}

export type TStressAggregateRow = { teamId: string; weekStart: string; contributors: number; averageScore: number; low: number; moderate: number; high: number };
export type TDiaryAggregateRow = { teamId: string; weekStart: string; contributors: number; entries: number; averageIntensity: number };

/**
 * Per team and week (Monday, China time) between `from` and `to`: each current team member's
 * latest check of the week. Weeks are by `taken_at`, which the owner cannot set.
 */
export async function aggregateStressChecks(db: TDb, organisationId: string, teamIds: string[], from: Date, to: Date): Promise<TStressAggregateRow[]> {
  if (teamIds.length === 0) return [];
  const result = await db.execute<TStressAggregateRow>(sql`
    WITH latest AS (
      SELECT DISTINCT ON (tm.team_id, sc.owner_id, week)
             tm.team_id, sc.owner_id, sc.score, sc.band,
             date_trunc('week', sc.taken_at AT TIME ZONE 'Asia/Shanghai')::date AS week
        FROM ${stressChecks} sc
        JOIN ${teamMembers} tm ON tm.user_id = sc.owner_id
       WHERE sc.organisation_id = ${organisationId}
         AND tm.team_id IN (${sql.join(teamIds.map((id) => sql`${id}::uuid`), sql`, `)})
         AND sc.taken_at >= ${from.toISOString()}::timestamptz AND sc.taken_at < ${to.toISOString()}::timestamptz
       ORDER BY tm.team_id, sc.owner_id, week, sc.taken_at DESC
    )
    SELECT team_id::text AS "teamId", to_char(week, 'YYYY-MM-DD') AS "weekStart",
           count(*)::int AS contributors, avg(score)::float8 AS "averageScore",
           count(*) FILTER (WHERE band = 'low')::int AS low,
           count(*) FILTER (WHERE band = 'moderate')::int AS moderate,
           count(*) FILTER (WHERE band = 'high')::int AS high
      FROM latest GROUP BY team_id, week`);
  return result.rows;
}

/**
 * Per team and week: diary entries of current team members, counted by the week they were
 * written (`created_at`, which the owner cannot back-date), with each entry's strongest emotion.
 */
export async function aggregateDiaryEntries(db: TDb, organisationId: string, teamIds: string[], from: Date, to: Date): Promise<TDiaryAggregateRow[]> {
  if (teamIds.length === 0) return [];
  const result = await db.execute<TDiaryAggregateRow>(sql`
    SELECT tm.team_id::text AS "teamId",
           to_char(date_trunc('week', e.created_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS "weekStart",
           count(DISTINCT e.owner_id)::int AS contributors, count(*)::int AS entries,
           coalesce(avg(strongest.intensity), 0)::float8 AS "averageIntensity"
      FROM ${selfcareEntries} e
      JOIN ${teamMembers} tm ON tm.user_id = e.owner_id
      CROSS JOIN LATERAL (SELECT max((x->>'intensity')::int) AS intensity FROM jsonb_array_elements(e.body->'emotions') x) strongest
     WHERE e.organisation_id = ${organisationId} AND e.kind = 'diary'
       AND tm.team_id IN (${sql.join(teamIds.map((id) => sql`${id}::uuid`), sql`, `)})
       AND e.created_at >= ${from.toISOString()}::timestamptz AND e.created_at < ${to.toISOString()}::timestamptz
     GROUP BY tm.team_id, 2`);
  return result.rows;
}
