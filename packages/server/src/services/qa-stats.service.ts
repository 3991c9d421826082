import { sql, type SQL } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { conversationConditions, type TConversationFilter } from './qa-conversation.service.js';

/**
 * Per agent, team or day (SPEC §2.8 level 3, §2.9): how many conversations, how many calmed
 * down, high-risk ones and missed escalations, empathy, response times and language to avoid
 * by category. Computed in PostgreSQL over the stored conversation rows; the same visibility
 * and filters as the conversation list.
 */
export async function qaStatistics(deps: TDeps, auth: TAuthContext, query: TConversationFilter & { groupBy: 'agent' | 'team' | 'day' }) {
  const where = (await conversationConditions(deps, auth, query)) ?? sql`true`;
  const group: { key: SQL; name: SQL; join: SQL } =
    query.groupBy === 'team'
      ? { key: sql`t.id::text`, name: sql`t.name`, join: sql`JOIN team_members tm ON tm.user_id = qa_conversations.agent_user_id JOIN teams t ON t.id = tm.team_id` }
      : query.groupBy === 'day'
        ? { key: sql`to_char(qa_conversations.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`, name: sql`to_char(qa_conversations.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`, join: sql`` }
        : { key: sql`coalesce(qa_conversations.agent_user_id::text, 'name:' || coalesce(qa_conversations.agent_name, '?'))`, name: sql`coalesce(u.display_name, qa_conversations.agent_name, '?')`, join: sql`LEFT JOIN users u ON u.id = qa_conversations.agent_user_id` };
  const base = sql`FROM qa_conversations ${group.join} WHERE ${where} AND (${query.groupBy !== 'day'} OR qa_conversations.started_at IS NOT NULL)`;
  const totals = await deps.db.execute(sql`
    SELECT ${group.key} AS key, min(${group.name}) AS name, count(*)::int AS conversations,
      avg(qa_conversations.score)::float AS average_score, avg(qa_conversations.is_de_escalated::int)::float AS de_escalation_rate,
      sum(qa_conversations.had_high_risk::int)::int AS high_risk, sum(qa_conversations.is_escalation_missed::int)::int AS missed,
      avg(qa_conversations.empathy_rate)::float AS empathy_rate, avg(qa_conversations.first_response_seconds)::float AS first_response, avg(qa_conversations.avg_response_seconds)::float AS avg_response,
      coalesce(sum((qa_conversations.analysis->'language'->>'agentMessages')::int), 0)::int AS agent_messages, sum((cardinality(qa_conversations.flags) > 0)::int)::int AS flagged
    ${base}
    GROUP BY 1 ORDER BY ${query.groupBy === 'day' ? sql`1` : sql`3 DESC, 2`}
    LIMIT 2000`);
  const issues = await deps.db.execute(sql`
    SELECT ${group.key} AS key, i.key AS category, sum(i.value::int)::int AS n
    ${sql`FROM qa_conversations ${group.join} CROSS JOIN LATERAL jsonb_each_text(coalesce(qa_conversations.analysis->'language'->'issueCounts', '{}'::jsonb)) i`}
    WHERE ${where} AND (${query.groupBy !== 'day'} OR qa_conversations.started_at IS NOT NULL)
    GROUP BY 1, 2`);
  const issuesByKey = new Map<string, Record<string, number>>();
  for (const row of issues.rows as { key: string; category: string; n: number }[]) {
    const entry = issuesByKey.get(row.key) ?? {};
    entry[row.category] = row.n;
    issuesByKey.set(row.key, entry);
  }
  const round = (value: unknown, digits = 1) => (value === null || value === undefined ? null : Math.round(Number(value) * 10 ** digits) / 10 ** digits);
  return {
    groupBy: query.groupBy,
    rows: (totals.rows as Record<string, unknown>[]).map((r) => {
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
    }),
  };
}
