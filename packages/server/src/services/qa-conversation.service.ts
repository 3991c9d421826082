import { conversationAnalyze, type TMessageAnalysis } from '@calmdesk/engine';
import { hasAnyRole, type TRole } from '@calmdesk/shared';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { qaConversations, qaMessages, qaSources } from '../db/schema.js';
import { notFound } from '../errors.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { qaSettingsOf } from './qa-import.service.js';

/**
 * Analysed conversations (SPEC §2.9): the list with filters, and one conversation with every
 * message read again by the engine (cues and spans are not stored; they are cheap to recompute).
 * Trainers, deputies, leaders and admins see every conversation; supervisors and mentors those
 * of the agents in their teams.
 */

const ORGANISATION_WIDE: readonly TRole[] = ['trainer', 'deputy', 'leader', 'admin'];
const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The agents whose conversations the caller may read; undefined for all (and unmatched agents). */
async function visibleAgents(deps: TDeps, auth: TAuthContext): Promise<string[] | undefined> {
  if (hasAnyRole(auth.roles, ORGANISATION_WIDE)) return undefined;
  const myTeams = (await findUserTeams(deps.db, auth.organisationId, [auth.userId])).map((t) => t.id);
  return findTeamMemberIds(deps.db, auth.organisationId, myTeams);
}

/** Beijing midnight of a date, as the day boundary people mean. */
function dayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export type TConversationFilter = {
  from?: string | undefined;
  to?: string | undefined;
  sourceId?: string | undefined;
  importId?: string | undefined;
  agentUserId?: string | undefined;
  teamId?: string | undefined;
  shop?: string | undefined;
  channel?: string | undefined;
  flagged?: 'true' | 'false' | undefined;
  maxScore?: number | undefined;
  /** Only these conversations (the coaching queue asks for its own). */
  ids?: string[] | undefined;
};

/** The WHERE clause shared by the list and the statistics. */
export async function conversationConditions(deps: TDeps, auth: TAuthContext, filter: TConversationFilter): Promise<SQL | undefined> {
  const visible = await visibleAgents(deps, auth);
  const teamMembers = filter.teamId ? await findTeamMemberIds(deps.db, auth.organisationId, [filter.teamId]) : undefined;
  const nonEmpty = (ids: string[]) => (ids.length > 0 ? ids : [NO_USER]);
  return and(
    eq(qaConversations.organisationId, auth.organisationId),
    visible ? inArray(qaConversations.agentUserId, nonEmpty(visible)) : undefined,
    teamMembers ? inArray(qaConversations.agentUserId, nonEmpty(teamMembers)) : undefined,
    filter.from ? gte(qaConversations.startedAt, dayStart(filter.from)) : undefined,
    filter.to ? lt(qaConversations.startedAt, new Date(dayStart(filter.to).getTime() + 86_400_000)) : undefined,
    filter.sourceId ? eq(qaConversations.sourceId, filter.sourceId) : undefined,
    filter.importId ? eq(qaConversations.importId, filter.importId) : undefined,
    filter.agentUserId ? eq(qaConversations.agentUserId, filter.agentUserId) : undefined,
    filter.shop ? eq(qaConversations.shop, filter.shop) : undefined,
    filter.channel ? eq(qaConversations.channel, filter.channel) : undefined,
    filter.flagged === 'true' ? sql`cardinality(${qaConversations.flags}) > 0` : filter.flagged === 'false' ? sql`cardinality(${qaConversations.flags}) = 0` : undefined,
    filter.maxScore !== undefined ? and(isNotNull(qaConversations.score), lte(qaConversations.score, filter.maxScore)) : undefined,
    filter.ids ? inArray(qaConversations.id, filter.ids.length > 0 ? filter.ids : [NO_USER]) : undefined,
  );
}

const summaryColumns = {
  id: qaConversations.id,
  externalId: qaConversations.externalId,
  sourceId: qaConversations.sourceId,
  sourceName: qaSources.name,
  agentUserId: qaConversations.agentUserId,
  agentName: qaConversations.agentName,
  shop: qaConversations.shop,
  channel: qaConversations.channel,
  startedAt: qaConversations.startedAt,
  messageCount: qaConversations.messageCount,
  score: qaConversations.score,
  isDeEscalated: qaConversations.isDeEscalated,
  hadHighRisk: qaConversations.hadHighRisk,
  isEscalationMissed: qaConversations.isEscalationMissed,
  firstResponseSeconds: qaConversations.firstResponseSeconds,
  avgResponseSeconds: qaConversations.avgResponseSeconds,
  empathyRate: qaConversations.empathyRate,
  flags: qaConversations.flags,
};

type TSummaryRow = { [K in keyof typeof summaryColumns]: unknown } & { startedAt: Date | null };

function presentSummary(r: TSummaryRow) {
  return {
    id: r.id as string,
    externalId: r.externalId as string,
    source: { id: r.sourceId as string, name: r.sourceName as string },
    agent: { userId: r.agentUserId as string | null, name: r.agentName as string | null },
    shop: r.shop as string | null,
    channel: r.channel as string | null,
    startedAt: r.startedAt?.toISOString() ?? null,
    messageCount: r.messageCount as number,
    score: r.score as number | null,
    isDeEscalated: r.isDeEscalated as boolean,
    hadHighRisk: r.hadHighRisk as boolean,
    isEscalationMissed: r.isEscalationMissed as boolean,
    firstResponseSeconds: r.firstResponseSeconds as number | null,
    avgResponseSeconds: r.avgResponseSeconds as number | null,
    empathyRate: r.empathyRate as number | null,
    flags: r.flags as string[],
  };
}

export async function listConversations(deps: TDeps, auth: TAuthContext, query: TConversationFilter & { sort: 'newest' | 'lowest_score' | 'slowest_response'; page: number; pageSize: number }) {
  const where = await conversationConditions(deps, auth, query);
  const order =
    query.sort === 'lowest_score'
      ? [sql`${qaConversations.score} ASC NULLS LAST`, desc(qaConversations.startedAt)]
      : query.sort === 'slowest_response'
        ? [sql`${qaConversations.avgResponseSeconds} DESC NULLS LAST`, desc(qaConversations.startedAt)]
        : [sql`${qaConversations.startedAt} DESC NULLS LAST`, asc(qaConversations.externalId)];
  const [rows, total] = await Promise.all([
    deps.db
      .select(summaryColumns)
      .from(qaConversations)
      .innerJoin(qaSources, eq(qaSources.id, qaConversations.sourceId))
      .where(where)
      .orderBy(...order)
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize),
    deps.db.select({ n: count() }).from(qaConversations).where(where),
  ]);
  return { total: total[0]?.n ?? 0, conversations: rows.map((r) => presentSummary(r as TSummaryRow)) };
}

/** One conversation, each message read again by the engine with its cues and spans. */
export async function getConversation(deps: TDeps, auth: TAuthContext, conversationId: string) {
  const visible = await visibleAgents(deps, auth);
  const rows = await deps.db
    .select({ ...summaryColumns, analysis: qaConversations.analysis })
    .from(qaConversations)
    .innerJoin(qaSources, eq(qaSources.id, qaConversations.sourceId))
    .where(and(eq(qaConversations.organisationId, auth.organisationId), eq(qaConversations.id, conversationId)))
    .limit(1);
  const row = rows[0];
  if (!row || (visible && (row.agentUserId === null || !visible.includes(row.agentUserId)))) throw notFound('Conversation');
  const messages = await deps.db.select().from(qaMessages).where(eq(qaMessages.conversationId, row.id)).orderBy(asc(qaMessages.seq));
  const history: string[] = [];
  let lastCustomer: TMessageAnalysis | undefined;
  const readings = messages.map((m) => {
    if (m.role === 'customer') {
      const reading = deps.engine.analyzeMessage(m.text, { previous: history.slice(-3) });
      history.push(m.text);
      lastCustomer = reading;
      return reading as unknown as Record<string, unknown>;
    }
    if (m.role === 'agent') return deps.engine.checkReply(m.text, lastCustomer) as unknown as Record<string, unknown>;
    return null;
  });
  // The stored analysis is compact (no per-message readings); the view gets the whole one, computed again.
  const settings = await qaSettingsOf(deps.db, auth.organisationId);
  const analysis = conversationAnalyze(
    deps.engine,
    messages.map((m) => ({ role: m.role as 'customer' | 'agent' | 'system', at: m.at?.getTime() ?? null, text: m.text })),
    { lowScoreThreshold: settings.coachingThreshold },
  );
  return {
    ...presentSummary(row as TSummaryRow),
    analysis: analysis as unknown as Record<string, unknown>,
    messages: messages.map((m, i) => ({ seq: m.seq, at: m.at?.toISOString() ?? null, role: m.role as 'customer' | 'agent' | 'system', text: m.text, reading: readings[i] ?? null })),
  };
}
