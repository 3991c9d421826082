import { and, arrayContains, arrayOverlaps, desc, eq, gt, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { assistConversations, assistEscalations, assistPauses, memberships, organisationApiTokens, organisations, teamMembers, users } from '../db/schema.js';

/** SQL for live assist (SPEC §2.5): conversations (counts and risk levels only), escalations, pauses, API tokens. */

export type TConversationRow = typeof assistConversations.$inferSelect;
export type TEscalationRow = typeof assistEscalations.$inferSelect;
export type TRiskLevel = 'low' | 'medium' | 'high';

/** SQL rank of a risk level, so the stored peak only ever rises. */
const riskRank = (column: unknown) => sql`(CASE ${column} WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)`;

export async function insertConversation(db: TDb, values: { organisationId: string; agentId: string | null; source: 'page' | 'stream'; externalRef?: string | null }): Promise<TConversationRow> {
  const rows = await db.insert(assistConversations).values(values).returning();
  return rows[0]!;
}

/** A conversation of this agent in this organisation, or undefined (also for someone else's). */
export async function findOwnConversation(db: TDb, organisationId: string, agentId: string, id: string): Promise<TConversationRow | undefined> {
  const rows = await db
    .select()
    .from(assistConversations)
    .where(and(eq(assistConversations.id, id), eq(assistConversations.organisationId, organisationId), eq(assistConversations.agentId, agentId)))
    .limit(1);
  return rows[0];
}

/** Stores what the page's latest analysis found: counts, the latest risk, and the peak (never lowered). */
export async function updateConversationCounts(
  db: TDb,
  id: string,
  values: { customerMessageCount: number; agentMessageCount: number; peakRisk: TRiskLevel; lastRisk: TRiskLevel },
): Promise<TConversationRow> {
  const rows = await db
    .update(assistConversations)
    .set({
      customerMessageCount: values.customerMessageCount,
      agentMessageCount: values.agentMessageCount,
      lastRisk: values.lastRisk,
      peakRisk: sql`CASE WHEN ${riskRank(sql`${values.peakRisk}::text`)} > ${riskRank(assistConversations.peakRisk)} THEN ${values.peakRisk} ELSE ${assistConversations.peakRisk} END`,
      lastMessageAt: new Date(),
    })
    .where(eq(assistConversations.id, id))
    .returning();
  return rows[0]!;
}

export async function closeConversation(db: TDb, id: string): Promise<TConversationRow> {
  const rows = await db
    .update(assistConversations)
    .set({ closedAt: sql`COALESCE(${assistConversations.closedAt}, now())` })
    .where(eq(assistConversations.id, id))
    .returning();
  return rows[0]!;
}

/** Marks a conversation escalated unless it already is. @returns false when it was escalated already. */
export async function markConversationEscalated(db: TDb, id: string): Promise<boolean> {
  const rows = await db
    .update(assistConversations)
    .set({ escalatedAt: new Date() })
    .where(and(eq(assistConversations.id, id), isNull(assistConversations.escalatedAt)))
    .returning({ id: assistConversations.id });
  return rows.length === 1;
}

/** One streamed conversation's state, as the stream flushes it. */
export type TStreamConversationUpsert = {
  organisationId: string;
  externalRef: string;
  agentId: string | null;
  customerMessageCount: number;
  agentMessageCount: number;
  peakRisk: TRiskLevel;
  lastRisk: TRiskLevel;
  lastMessageAt: Date;
  closedAt: Date | null;
};

/**
 * Writes streamed conversations in one statement: new ones are inserted, known ones
 * (organisation + the tool's id) get the higher counts, the higher peak and the latest risk.
 * The rows travel as one array per column (unnest), so a batch of thousands costs the event
 * loop a few arrays, not a statement with tens of thousands of parameters.
 */
export async function upsertStreamConversations(db: TDb, rows: readonly TStreamConversationUpsert[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <T>(pick: (r: TStreamConversationUpsert) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    INSERT INTO assist_conversations AS c
      (organisation_id, external_ref, agent_id, source, customer_message_count, agent_message_count, peak_risk, last_risk, started_at, last_message_at, closed_at)
    SELECT o, r, a, 'stream', cm, am, pr, lr, lm, lm, cl
    FROM unnest(
      ${column((r) => r.organisationId)}::uuid[], ${column((r) => r.externalRef)}::text[], ${column((r) => r.agentId)}::uuid[],
      ${column((r) => r.customerMessageCount)}::int[], ${column((r) => r.agentMessageCount)}::int[],
      ${column((r) => r.peakRisk)}::text[], ${column((r) => r.lastRisk)}::text[],
      ${column((r) => r.lastMessageAt.toISOString())}::timestamptz[], ${column((r) => r.closedAt?.toISOString() ?? null)}::timestamptz[]
    ) AS t(o, r, a, cm, am, pr, lr, lm, cl)
    ON CONFLICT (organisation_id, external_ref) WHERE external_ref IS NOT NULL DO UPDATE SET
      agent_id = COALESCE(excluded.agent_id, c.agent_id),
      customer_message_count = GREATEST(excluded.customer_message_count, c.customer_message_count),
      agent_message_count = GREATEST(excluded.agent_message_count, c.agent_message_count),
      peak_risk = CASE WHEN ${riskRank(sql`excluded.peak_risk`)} > ${riskRank(sql`c.peak_risk`)} THEN excluded.peak_risk ELSE c.peak_risk END,
      last_risk = excluded.last_risk,
      last_message_at = GREATEST(excluded.last_message_at, c.last_message_at),
      closed_at = COALESCE(excluded.closed_at, c.closed_at)
  `);
}

/** The agent's latest pause, or null. */
export async function findLastPause(db: TDb, organisationId: string, agentId: string): Promise<Date | null> {
  const rows = await db
    .select({ takenAt: assistPauses.takenAt })
    .from(assistPauses)
    .where(and(eq(assistPauses.organisationId, organisationId), eq(assistPauses.agentId, agentId)))
    .orderBy(desc(assistPauses.takenAt))
    .limit(1);
  return rows[0]?.takenAt ?? null;
}

export async function insertPause(db: TDb, values: { organisationId: string; agentId: string; seconds: number }): Promise<void> {
  await db.insert(assistPauses).values(values);
}

/**
 * Peak risks of an agent's conversations with at least one customer message, most recent
 * first, started after `since` (the later of the load window's start and the last pause).
 */
export async function findRecentPeaks(db: TDb, organisationId: string, agentIds: readonly string[], since: Date, limitPerAgent?: number): Promise<{ agentId: string; peakRisk: string; lastMessageAt: Date }[]> {
  if (agentIds.length === 0) return [];
  const rows = await db
    .select({ agentId: assistConversations.agentId, peakRisk: assistConversations.peakRisk, lastMessageAt: assistConversations.lastMessageAt })
    .from(assistConversations)
    .where(
      and(
        eq(assistConversations.organisationId, organisationId),
        inArray(assistConversations.agentId, [...agentIds]),
        gt(assistConversations.customerMessageCount, 0),
        gt(assistConversations.lastMessageAt, since),
      ),
    )
    .orderBy(desc(assistConversations.startedAt))
    // With one agent, the run needs only the latest few; with many, every row of the window (a few hours of chats) so a busy agent cannot crowd out the rest.
    .limit(agentIds.length === 1 && limitPerAgent !== undefined ? limitPerAgent : 100_000);
  return rows.map((r) => ({ agentId: r.agentId!, peakRisk: r.peakRisk, lastMessageAt: r.lastMessageAt }));
}

/** Last pause per agent. */
export async function findLastPauses(db: TDb, organisationId: string, agentIds: readonly string[]): Promise<Map<string, Date>> {
  if (agentIds.length === 0) return new Map();
  const rows = await db
    .select({ agentId: assistPauses.agentId, takenAt: sql<Date>`max(${assistPauses.takenAt})`.mapWith((v: string | Date) => new Date(v)) })
    .from(assistPauses)
    .where(and(eq(assistPauses.organisationId, organisationId), inArray(assistPauses.agentId, [...agentIds])))
    .groupBy(assistPauses.agentId);
  return new Map(rows.map((r) => [r.agentId, r.takenAt]));
}

/** Today's counts per agent: conversations (with a customer message), high-risk ones, pauses, escalations. */
export async function findDayCounts(db: TDb, organisationId: string, agentIds: readonly string[], since: Date) {
  if (agentIds.length === 0) return { conversations: [], pauses: [], escalations: [] };
  const ids = [...agentIds];
  const conversations = await db
    .select({
      agentId: assistConversations.agentId,
      total: sql<number>`count(*)::int`,
      high: sql<number>`count(*) FILTER (WHERE ${assistConversations.peakRisk} = 'high')::int`,
      last: sql<string>`max(${assistConversations.lastMessageAt})`,
    })
    .from(assistConversations)
    .where(
      and(
        eq(assistConversations.organisationId, organisationId),
        inArray(assistConversations.agentId, ids),
        gt(assistConversations.customerMessageCount, 0),
        gte(assistConversations.lastMessageAt, since),
      ),
    )
    .groupBy(assistConversations.agentId);
  const pauses = await db
    .select({ agentId: assistPauses.agentId, total: sql<number>`count(*)::int` })
    .from(assistPauses)
    .where(and(eq(assistPauses.organisationId, organisationId), inArray(assistPauses.agentId, ids), gte(assistPauses.takenAt, since)))
    .groupBy(assistPauses.agentId);
  const escalations = await db
    .select({
      agentId: assistEscalations.agentId,
      total: sql<number>`count(*)::int`,
      open: sql<number>`count(*) FILTER (WHERE ${assistEscalations.acknowledgedAt} IS NULL)::int`,
    })
    .from(assistEscalations)
    .where(and(eq(assistEscalations.organisationId, organisationId), inArray(assistEscalations.agentId, ids), gte(assistEscalations.createdAt, since)))
    .groupBy(assistEscalations.agentId);
  return { conversations, pauses, escalations };
}

export async function insertEscalation(
  db: TDb,
  values: { organisationId: string; conversationId: string; agentId: string; risk: string; emotion: string; excerpt: unknown; note: string | null },
): Promise<TEscalationRow> {
  const rows = await db.insert(assistEscalations).values(values).returning();
  return rows[0]!;
}

export async function findEscalation(db: TDb, organisationId: string, id: string): Promise<TEscalationRow | undefined> {
  const rows = await db
    .select()
    .from(assistEscalations)
    .where(and(eq(assistEscalations.id, id), eq(assistEscalations.organisationId, organisationId)))
    .limit(1);
  return rows[0];
}

export async function findEscalationByConversation(db: TDb, organisationId: string, conversationId: string): Promise<TEscalationRow | undefined> {
  const rows = await db
    .select()
    .from(assistEscalations)
    .where(and(eq(assistEscalations.conversationId, conversationId), eq(assistEscalations.organisationId, organisationId)))
    .limit(1);
  return rows[0];
}

/** Escalations of an organisation, newest first; `agentIds` narrows to these agents (undefined: all). */
export async function findEscalations(
  db: TDb,
  organisationId: string,
  filter: { agentIds: readonly string[] | undefined; status: 'open' | 'acknowledged' | 'all'; limit: number },
): Promise<TEscalationRow[]> {
  if (filter.agentIds !== undefined && filter.agentIds.length === 0) return [];
  return db
    .select()
    .from(assistEscalations)
    .where(
      and(
        eq(assistEscalations.organisationId, organisationId),
        filter.agentIds ? inArray(assistEscalations.agentId, [...filter.agentIds]) : undefined,
        filter.status === 'open' ? isNull(assistEscalations.acknowledgedAt) : filter.status === 'acknowledged' ? isNotNull(assistEscalations.acknowledgedAt) : undefined,
      ),
    )
    .orderBy(desc(assistEscalations.createdAt))
    .limit(filter.limit);
}

/** Acknowledges an escalation once. @returns false when it was acknowledged already. */
export async function acknowledgeEscalation(db: TDb, id: string, userId: string): Promise<boolean> {
  const rows = await db
    .update(assistEscalations)
    .set({ acknowledgedAt: new Date(), acknowledgedBy: userId })
    .where(and(eq(assistEscalations.id, id), isNull(assistEscalations.acknowledgedAt)))
    .returning({ id: assistEscalations.id });
  return rows.length === 1;
}

/** Display names of these people. */
export async function findDisplayNames(db: TDb, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** Display name and login of these people. */
export async function findPeople(db: TDb, userIds: readonly string[]): Promise<Map<string, { displayName: string; login: string }>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName, login: users.login }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { displayName: r.displayName, login: r.login }]));
}

/** Active members holding `role` who share a team with the person (the person excluded). */
export async function findTeamMatesWithRole(db: TDb, organisationId: string, userId: string, role: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(teamMembers, eq(teamMembers.userId, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.isActive, true),
        arrayContains(memberships.roles, [role]),
        sql`${teamMembers.teamId} IN (SELECT team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE tm.user_id = ${userId} AND t.organisation_id = ${organisationId})`,
        sql`${memberships.userId} <> ${userId}`,
      ),
    );
  return rows.map((r) => r.id);
}

/** Active members of an organisation holding any of these roles. */
export async function findMembersWithRoles(db: TDb, organisationId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.isActive, true), arrayOverlaps(memberships.roles, [...roles])));
  return rows.map((r) => r.id);
}

/** An active member of the organisation by login, or undefined. */
export async function findActiveMemberByLogin(db: TDb, organisationId: string, login: string): Promise<{ id: string } | undefined> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.login, login.toLowerCase()), eq(memberships.organisationId, organisationId), eq(memberships.isActive, true)))
    .limit(1);
  return rows[0];
}

// ---------------------------------------------------------------------------
// API tokens

export type TApiTokenRow = typeof organisationApiTokens.$inferSelect;

export async function insertApiToken(db: TDb, values: { organisationId: string; name: string; tokenHash: string; prefix: string; createdBy: string | null }): Promise<TApiTokenRow> {
  const rows = await db.insert(organisationApiTokens).values(values).returning();
  return rows[0]!;
}

export async function findApiTokens(db: TDb, organisationId: string): Promise<TApiTokenRow[]> {
  return db.select().from(organisationApiTokens).where(eq(organisationApiTokens.organisationId, organisationId)).orderBy(desc(organisationApiTokens.createdAt));
}

export async function findApiToken(db: TDb, organisationId: string, id: string): Promise<TApiTokenRow | undefined> {
  const rows = await db
    .select()
    .from(organisationApiTokens)
    .where(and(eq(organisationApiTokens.id, id), eq(organisationApiTokens.organisationId, organisationId)))
    .limit(1);
  return rows[0];
}

export async function revokeApiToken(db: TDb, id: string): Promise<TApiTokenRow> {
  const rows = await db
    .update(organisationApiTokens)
    .set({ revokedAt: sql`COALESCE(${organisationApiTokens.revokedAt}, now())` })
    .where(eq(organisationApiTokens.id, id))
    .returning();
  return rows[0]!;
}

/** A live (not revoked) token by its hash, with its organisation's name. */
export async function findLiveApiTokenByHash(db: TDb, tokenHash: string): Promise<{ id: string; organisationId: string; organisationName: string } | undefined> {
  const rows = await db
    .select({ id: organisationApiTokens.id, organisationId: organisationApiTokens.organisationId, organisationName: organisations.name })
    .from(organisationApiTokens)
    .innerJoin(organisations, eq(organisations.id, organisationApiTokens.organisationId))
    .where(and(eq(organisationApiTokens.tokenHash, tokenHash), isNull(organisationApiTokens.revokedAt)))
    .limit(1);
  return rows[0];
}

export async function touchApiToken(db: TDb, id: string): Promise<void> {
  await db.update(organisationApiTokens).set({ lastUsedAt: new Date() }).where(eq(organisationApiTokens.id, id));
}

/** Of these token ids, the ones revoked (or deleted). */
export async function findRevokedTokenIds(db: TDb, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const live = await db
    .select({ id: organisationApiTokens.id })
    .from(organisationApiTokens)
    .where(and(inArray(organisationApiTokens.id, [...ids]), isNull(organisationApiTokens.revokedAt)));
  const liveIds = new Set(live.map((r) => r.id));
  return ids.filter((id) => !liveIds.has(id));
}
