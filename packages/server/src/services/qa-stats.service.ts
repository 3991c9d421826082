import { sql, type SQL } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { conversationConditions, type TConversationFilter } from './qa-conversation.service.js';

type TGroupBy = 'agent' | 'team' | 'day';
type TGroup = { key: SQL; name: SQL; join: SQL; isTimedOnly: boolean };

/** Every matching conversation as one group, those without a time included. */
const ALL: TGroup = { key: sql`'all'`, name: sql`''`, join: sql``, isTimedOnly: false };
/** The filter lists are short; an export with thousands of shop names still answers quickly. */
const OPTIONS_MAX = 500;

function groupOf(groupBy: TGroupBy): TGroup {
  if (groupBy === 'team') return { key: sql`t.id::text`, name: sql`t.name`, join: sql`JOIN team_members tm ON tm.user_id = qa_conversations.agent_user_id JOIN teams t ON t.id = tm.team_id`, isTimedOnly: false };
  if (groupBy === 'day') {
    const day = sql`to_char(qa_conversations.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
    return { key: day, name: day, join: sql``, isTimedOnly: true };
  }
  return {
    key: sql`coalesce(qa_conversations.agent_user_id::text, 'name:' || coalesce(qa_conversations.agent_name, '?'))`,
    name: sql`coalesce(u.display_name, qa_conversations.agent_name, '?')`,
    join: sql`LEFT JOIN users u ON u.id = qa_conversations.agent_user_id`,
    isTimedOnly: false,
  };
}

const round = (value: unknown, digits = 1) => (value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits);

/** One group's figures over the conversations matching `where`. */
async function aggregate(deps: TDeps, where: SQL, group: TGroup, order: SQL) {
  const base = sql`FROM qa_conversations ${group.join} WHERE ${where} AND (${!group.isTimedOnly} OR qa_conversations.started_at IS NOT NULL)`;
  const totals = await deps.db.execute(sql`
    SELECT ${group.key} AS key, min(${group.name}) AS name, count(*)::int AS conversations,
      avg(qa_conversations.score)::float AS average_score, avg(qa_conversations.is_de_escalated::int)::float AS de_escalation_rate,
      sum(qa_conversations.had_high_risk::int)::int AS high_risk, sum(qa_conversations.is_escalation_missed::int)::int AS missed,
      avg(qa_conversations.empathy_rate)::float AS empathy_rate, avg(qa_conversations.first_response_seconds)::float AS first_response, avg(qa_conversations.avg_response_seconds)::float AS avg_response,
      coalesce(sum((qa_conversations.analysis->'language'->>'agentMessages')::int), 0)::int AS agent_messages, sum((cardinality(qa_conversations.flags) > 0)::int)::int AS flagged
    ${base}
    GROUP BY 1 ORDER BY ${order}
    LIMIT 2000`);
  const issues = await deps.db.execute(sql`
    SELECT ${group.key} AS key, i.key AS category, sum(i.value::int)::int AS n
    ${sql`FROM qa_conversations ${group.join} CROSS JOIN LATERAL jsonb_each_text(coalesce(qa_conversations.analysis->'language'->'issueCounts', '{}'::jsonb)) i`}
    WHERE ${where} AND (${!group.isTimedOnly} OR qa_conversations.started_at IS NOT NULL)
    GROUP BY 1, 2`);
  const issuesByKey = new Map<string, Record<string, number>>();
  for (const row of issues.rows as { key: string; category: string; n: number }[]) {
    const entry = issuesByKey.get(row.key) ?? {};
    entry[row.category] = row.n;
    issuesByKey.set(row.key, entry);
  }
  return (totals.rows as Record<string, unknown>[]).map((r) => {
    const agentMessages = Number(r.agent_messages);
    const counts = issuesByKey.get(String(r.key)) ?? {};
    return {
      key: String(r.key),
      name: String(r.name),
      conversations: Number(r.conversations),
      averageScore: round(r.average_score),
      deEscalationRate: round(r.de_escalation_rate, 3) ?? 0,
      highRiskConversations: Number(r.high_risk),
      missedEscalations: Number(r.missed),
      empathyRate: round(r.empathy_rate),
      averageFirstResponseSeconds: round(r.first_response),
      averageResponseSeconds: round(r.avg_response),
      agentMessages,
      issueRates: Object.fromEntries(Object.entries(counts).map(([category, n]) => [category, agentMessages === 0 ? 0 : Math.round((1000 * n) / agentMessages) / 10])),
      flagged: Number(r.flagged),
    };
  });
}

type TStatsRow = Awaited<ReturnType<typeof aggregate>>[number];

/** The totals row when nothing matches: zero conversations, no averages. */
function emptyTotals(): TStatsRow {
  return {
    key: 'all',
    name: '',
    conversations: 0,
    averageScore: null,
    deEscalationRate: 0,
    highRiskConversations: 0,
    missedEscalations: 0,
    empathyRate: null,
    averageFirstResponseSeconds: null,
    averageResponseSeconds: null,
    agentMessages: 0,
    issueRates: {},
    flagged: 0,
  };
}

/**
 * The values the dashboard's filters offer: shops, channels and teams among the conversations
 * the caller may read, whatever the current filters (picking a shop must not empty the list of
 * shops). Teams come from the conversations too, so a supervisor is offered their own teams and
 * nobody is offered a team without conversations to show.
 */
async function filterOptions(deps: TDeps, auth: TAuthContext) {
  const visible = (await conversationConditions(deps, auth, {})) ?? sql`true`;
  const distinct = async (column: SQL) => {
    const result = await deps.db.execute(sql`SELECT DISTINCT ${column} AS value FROM qa_conversations WHERE ${visible} AND ${column} IS NOT NULL AND ${column} <> '' ORDER BY 1 LIMIT ${OPTIONS_MAX}`);
    return (result.rows as { value: string }[]).map((row) => row.value);
  };
  const [shops, channels, teams] = await Promise.all([
    distinct(sql`qa_conversations.shop`),
    distinct(sql`qa_conversations.channel`),
    deps.db.execute(sql`
      SELECT t.id::text AS id, t.name AS name FROM teams t
      WHERE t.organisation_id = ${auth.organisationId} AND EXISTS (
        SELECT 1 FROM team_members tm JOIN qa_conversations ON qa_conversations.agent_user_id = tm.user_id WHERE tm.team_id = t.id AND ${visible})
      ORDER BY t.name LIMIT ${OPTIONS_MAX}`),
  ]);
  return { shops, channels, teams: teams.rows as { id: string; name: string }[] };
}

/**
 * Per agent, team or day (SPEC §2.8 level 3, §2.9): how many conversations, how many calmed
 * down, high-risk ones and missed escalations, empathy, response times and language to avoid
 * by category. Computed in PostgreSQL over the stored conversation rows; the same visibility
 * and filters as the conversation list.
 * @param query the filters and grouping; withSummary='true' adds `totals` (every matching
 *   conversation as one row) and `options` (the values the filters can take)
 * @returns the rows (agents and teams most conversations first, days in order)
 */
export async function qaStatistics(deps: TDeps, auth: TAuthContext, query: TConversationFilter & { groupBy: TGroupBy; withSummary?: 'true' | 'false' | undefined }) {
  const where = (await conversationConditions(deps, auth, query)) ?? sql`true`;
  const rows = await aggregate(deps, where, groupOf(query.groupBy), query.groupBy === 'day' ? sql`1` : sql`3 DESC, 2`);
  if (query.withSummary !== 'true') return { groupBy: query.groupBy, rows };
  const [totals, options] = await Promise.all([aggregate(deps, where, ALL, sql`1`), filterOptions(deps, auth)]);
  return { groupBy: query.groupBy, rows, totals: totals[0] ?? emptyTotals(), options };
}
