import { maskPersonalData, type TMessageAnalysis } from '@calmdesk/engine';
import {
  ASSIST_LIMITS,
  assistEscalationLink,
  hasAnyRole,
  type TAssistAgentLoad,
  type TAssistAnalysis,
  type TAssistAnalyzeRequest,
  type TAssistConversation,
  type TAssistDraftRequest,
  type TAssistEscalateRequest,
  type TAssistEscalation,
  type TAssistEscalationSummary,
  type TAssistLoad,
  type TAssistMessage,
  type TAssistRisk,
  type TAssistTeamLoad,
  type TReplyCheckDto,
  type TRole,
} from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError, notFound } from '../errors.js';
import {
  acknowledgeEscalation,
  closeConversation,
  findDayCounts,
  findDisplayNames,
  findEscalation,
  findEscalationByConversation,
  findEscalations,
  findLastPause,
  findLastPauses,
  findMembersWithRoles,
  findOwnConversation,
  findPeople,
  findRecentPeaks,
  findTeamMatesWithRole,
  insertConversation,
  insertEscalation,
  insertPause,
  markConversationEscalated,
  updateConversationCounts,
  type TConversationRow,
  type TEscalationRow,
} from '../repositories/assist.repository.js';
import { findTeamMemberIds, findTeams } from '../repositories/team.repository.js';
import { findUserTeams } from '../repositories/user.repository.js';
import { assistMaxRisk, assistReadMessage, assistReading, type TAssistPoint } from './assist-reading.js';
import { notify } from './notification.service.js';
import { chinaDayStart, todayInChina } from './record.service.js';

/**
 * The assist page (SPEC §2.5): an agent, mentor or supervisor at work sends the conversation
 * so far with each call (the server keeps no message text), and gets the reading, the draft
 * check and the escalation prompt; the conversation row keeps counts and risk levels only,
 * which feed the caller's own load and the supervisor's team load.
 */

/** Deputy and leader see every team's load and escalations; a supervisor sees their own teams'. */
const ORGANISATION_WIDE: readonly TRole[] = ['deputy', 'leader'];
/** A 1-minute breathing pause (SPEC §2.5). */
export const ASSIST_PAUSE_SECONDS = 60;
/** Escalations listed at most; older ones are history, not work. */
const ESCALATION_LIST_MAX = 200;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentConversation(row: TConversationRow, escalationId: string | null): TAssistConversation {
  return {
    id: row.id,
    source: row.source as 'page' | 'stream',
    customerMessageCount: row.customerMessageCount,
    agentMessageCount: row.agentMessageCount,
    peakRisk: row.peakRisk as TAssistRisk,
    lastRisk: row.lastRisk as TAssistRisk,
    startedAt: row.startedAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
    escalatedAt: iso(row.escalatedAt),
    escalationId,
    closedAt: iso(row.closedAt),
  };
}

async function ownConversation(deps: TDeps, auth: TAuthContext, id: string): Promise<TConversationRow> {
  const row = await findOwnConversation(deps.db, auth.organisationId, auth.userId, id);
  if (!row) throw notFound('Conversation');
  return row;
}

/** Reads every customer message of the conversation, each with the ones before it as context. */
function readConversation(deps: TDeps, messages: readonly TAssistMessage[]): TAssistPoint[] {
  const points: TAssistPoint[] = [];
  const previous: TMessageAnalysis[] = [];
  messages.forEach((m, index) => {
    if (m.role !== 'customer') return;
    const point = assistReadMessage(deps.engine, m.text, index, previous);
    points.push(point);
    previous.push(point.analysis);
  });
  return points;
}

/** Starts a page conversation for the caller. */
export async function startConversation(deps: TDeps, auth: TAuthContext): Promise<TAssistConversation> {
  const row = await insertConversation(deps.db, { organisationId: auth.organisationId, agentId: auth.userId, source: 'page' });
  return presentConversation(row, null);
}

export async function getConversation(deps: TDeps, auth: TAuthContext, id: string): Promise<TAssistConversation> {
  const row = await ownConversation(deps, auth, id);
  const escalation = row.escalatedAt ? await findEscalationByConversation(deps.db, auth.organisationId, row.id) : undefined;
  return presentConversation(row, escalation?.id ?? null);
}

/**
 * Analyses the conversation so far (and the draft, if any) and stores its counts and risk levels.
 * A closed conversation is not analysed: the page starts a new one.
 */
export async function analyzeConversation(deps: TDeps, auth: TAuthContext, id: string, request: TAssistAnalyzeRequest): Promise<TAssistAnalysis> {
  const row = await ownConversation(deps, auth, id);
  if (row.closedAt) throw new AppError('CONFLICT', 'This conversation is closed; start a new one');
  const points = readConversation(deps, request.messages);
  const reading = assistReading(deps.engine, points);
  const lastCustomer = points.at(-1);
  const draft = request.draft === undefined ? null : (deps.engine.checkReply(request.draft, lastCustomer?.analysis) as TReplyCheckDto);
  const customerCount = points.length;
  const updated = await updateConversationCounts(deps.db, row.id, {
    customerMessageCount: customerCount,
    agentMessageCount: request.messages.length - customerCount,
    peakRisk: reading.peakRisk,
    lastRisk: lastCustomer?.analysis.risk ?? 'low',
  });
  const byIndex = new Map(points.map((p) => [p.index, p]));
  const escalation = updated.escalatedAt ? await findEscalationByConversation(deps.db, auth.organisationId, row.id) : undefined;
  return {
    ...reading,
    peakRisk: assistMaxRisk(reading.peakRisk, updated.peakRisk as TAssistRisk),
    conversation: presentConversation(updated, escalation?.id ?? null),
    messages: request.messages.map((m, index) => {
      const point = byIndex.get(index);
      return { index, role: m.role, reading: point ? (point.analysis as TAssistAnalysis['messages'][number]['reading']) : null, temperature: point?.temperature ?? null };
    }),
    draft,
    load: await loadOf(deps, auth.organisationId, auth.userId),
  };
}

/** Checks a draft against the latest customer message of `messages`; nothing is stored. */
export async function checkDraft(deps: TDeps, auth: TAuthContext, id: string, request: TAssistDraftRequest): Promise<TReplyCheckDto> {
  await ownConversation(deps, auth, id);
  const points = readConversation(deps, request.messages);
  return deps.engine.checkReply(request.draft, points.at(-1)?.analysis) as TReplyCheckDto;
}

export async function endConversation(deps: TDeps, auth: TAuthContext, id: string): Promise<TAssistConversation> {
  const row = await ownConversation(deps, auth, id);
  const closed = await closeConversation(deps.db, row.id);
  const escalation = closed.escalatedAt ? await findEscalationByConversation(deps.db, auth.organisationId, row.id) : undefined;
  return presentConversation(closed, escalation?.id ?? null);
}

// ---------------------------------------------------------------------------
// Load

/**
 * The length of the run of high-risk conversations at the head of `peaks` (most recent first).
 * @param peaks peak risks, most recent conversation first
 */
export function assistHighRiskStreak(peaks: readonly string[]): number {
  let streak = 0;
  for (const peak of peaks) {
    if (peak !== 'high') break;
    streak += 1;
  }
  return streak;
}

/** The start of the run: the later of the load window's start and the last pause. */
function runStart(deps: TDeps, lastPause: Date | null, now = Date.now()): Date {
  const windowStart = now - deps.config.assistLoadWindowHours * 3_600_000;
  return new Date(Math.max(windowStart, lastPause?.getTime() ?? 0));
}

/** An agent's own load: the run of high-risk conversations since the last pause, and whether to suggest one. */
export async function loadOf(deps: TDeps, organisationId: string, agentId: string): Promise<TAssistLoad> {
  const lastPause = await findLastPause(deps.db, organisationId, agentId);
  const peaks = await findRecentPeaks(deps.db, organisationId, [agentId], runStart(deps, lastPause), deps.config.assistPauseStreak + 1);
  const highRiskStreak = assistHighRiskStreak(peaks.map((p) => p.peakRisk));
  return {
    highRiskStreak,
    suggestPause: highRiskStreak >= deps.config.assistPauseStreak,
    pauseThreshold: deps.config.assistPauseStreak,
    suggestedPauseSeconds: ASSIST_PAUSE_SECONDS,
    lastPauseAt: iso(lastPause),
  };
}

/** Records a pause the caller took; it ends their run. */
export async function recordPause(deps: TDeps, auth: TAuthContext, seconds: number): Promise<TAssistLoad> {
  await insertPause(deps.db, { organisationId: auth.organisationId, agentId: auth.userId, seconds });
  return loadOf(deps, auth.organisationId, auth.userId);
}

/** The teams whose people the caller oversees, and those people: all (deputy, leader) or the caller's own teams (supervisor). */
async function oversight(deps: TDeps, auth: TAuthContext): Promise<{ teams: { id: string; name: string }[]; isOrganisationWide: boolean }> {
  if (hasAnyRole(auth.roles, ORGANISATION_WIDE)) {
    const teams = await findTeams(deps.db, auth.organisationId);
    return { teams: teams.map((t) => ({ id: t.id, name: t.name })), isOrganisationWide: true };
  }
  if (hasAnyRole(auth.roles, ['supervisor'])) {
    const teams = await findUserTeams(deps.db, auth.organisationId, [auth.userId]);
    return { teams: teams.map((t) => ({ id: t.id, name: t.name })), isOrganisationWide: false };
  }
  return { teams: [], isOrganisationWide: false };
}

/**
 * Today's live-assist load per person of the caller's teams (supervisor) or of every team
 * (deputy, leader): counts only, never content.
 * @param teamId narrows to one team in view; another team answers 404
 */
export async function teamLoad(deps: TDeps, auth: TAuthContext, teamId: string | undefined): Promise<TAssistTeamLoad> {
  const scope = await oversight(deps, auth);
  let teams = scope.teams;
  if (teamId !== undefined) {
    teams = teams.filter((t) => t.id === teamId);
    if (teams.length === 0) throw notFound('Team');
  }
  const memberIds = (await findTeamMemberIds(deps.db, auth.organisationId, teams.map((t) => t.id))).filter((id) => id !== auth.userId);
  const since = chinaDayStart(todayInChina());
  const [names, memberTeams, counts, lastPauses] = await Promise.all([
    findPeople(deps.db, memberIds),
    findUserTeams(deps.db, auth.organisationId, memberIds),
    findDayCounts(deps.db, auth.organisationId, memberIds, since),
    findLastPauses(deps.db, auth.organisationId, memberIds),
  ]);
  const visibleTeamIds = new Set(teams.map((t) => t.id));
  const conversationsBy = new Map(counts.conversations.map((c) => [c.agentId, c]));
  const pausesBy = new Map(counts.pauses.map((c) => [c.agentId, c.total]));
  const escalationsBy = new Map(counts.escalations.map((c) => [c.agentId, c]));
  // One query for everyone's recent conversations (the window); each person's run then starts after their own last pause.
  const recent = await findRecentPeaks(deps.db, auth.organisationId, memberIds, runStart(deps, null));
  const agents: TAssistAgentLoad[] = [];
  for (const id of memberIds) {
    const person = names.get(id);
    if (!person) continue;
    const start = runStart(deps, lastPauses.get(id) ?? null);
    const streak = assistHighRiskStreak(recent.filter((p) => p.agentId === id && p.lastMessageAt > start).map((p) => p.peakRisk));
    const day = conversationsBy.get(id);
    const lastPause = lastPauses.get(id) ?? null;
    agents.push({
      agent: { id, displayName: person.displayName, login: person.login },
      teams: memberTeams.filter((t) => t.userId === id && visibleTeamIds.has(t.id)).map((t) => ({ id: t.id, name: t.name })),
      conversations: day?.total ?? 0,
      highRisk: day?.high ?? 0,
      highRiskStreak: streak,
      suggestPause: streak >= deps.config.assistPauseStreak,
      escalations: escalationsBy.get(id)?.total ?? 0,
      openEscalations: escalationsBy.get(id)?.open ?? 0,
      pauses: pausesBy.get(id) ?? 0,
      lastPauseAt: lastPause && lastPause >= since ? lastPause.toISOString() : null,
      lastConversationAt: day?.last ? new Date(day.last).toISOString() : null,
    });
  }
  // Who needs a look first: the longest run, then the most high-risk chats today.
  agents.sort((a, b) => b.highRiskStreak - a.highRiskStreak || b.highRisk - a.highRisk || a.agent.displayName.localeCompare(b.agent.displayName, 'zh-CN'));
  return { since: since.toISOString(), pauseThreshold: deps.config.assistPauseStreak, teams, agents };
}

// ---------------------------------------------------------------------------
// Escalations

/** Whose escalations the caller sees: everyone's (deputy, leader), their teams' and their own (supervisor), their own (others). */
async function escalationScope(deps: TDeps, auth: TAuthContext): Promise<string[] | undefined> {
  if (hasAnyRole(auth.roles, ORGANISATION_WIDE)) return undefined;
  if (hasAnyRole(auth.roles, ['supervisor'])) {
    const teams = await findUserTeams(deps.db, auth.organisationId, [auth.userId]);
    const members = await findTeamMemberIds(deps.db, auth.organisationId, teams.map((t) => t.id));
    return [...new Set([...members, auth.userId])];
  }
  return [auth.userId];
}

/** Whether the caller may acknowledge: deputy, leader, or a supervisor of one of the agent's teams. */
async function canAcknowledge(deps: TDeps, auth: TAuthContext, agentId: string): Promise<boolean> {
  if (hasAnyRole(auth.roles, ORGANISATION_WIDE)) return true;
  if (!hasAnyRole(auth.roles, ['supervisor']) || agentId === auth.userId) return false;
  const scope = await escalationScope(deps, auth);
  return scope === undefined || scope.includes(agentId);
}

async function presentEscalations(deps: TDeps, organisationId: string, rows: TEscalationRow[]): Promise<TAssistEscalationSummary[]> {
  const names = await findDisplayNames(deps.db, rows.flatMap((r) => [r.agentId, ...(r.acknowledgedBy ? [r.acknowledgedBy] : [])]));
  const teams = await findUserTeams(deps.db, organisationId, [...new Set(rows.map((r) => r.agentId))]);
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    agent: { id: r.agentId, displayName: names.get(r.agentId) ?? '' },
    teams: teams.filter((t) => t.userId === r.agentId).map((t) => ({ id: t.id, name: t.name })),
    risk: r.risk as TAssistRisk,
    emotion: r.emotion as TAssistEscalationSummary['emotion'],
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: iso(r.acknowledgedAt),
    acknowledgedBy: r.acknowledgedBy ? { id: r.acknowledgedBy, displayName: names.get(r.acknowledgedBy) ?? '' } : null,
  }));
}

async function presentEscalation(deps: TDeps, organisationId: string, row: TEscalationRow): Promise<TAssistEscalation> {
  const [summary] = await presentEscalations(deps, organisationId, [row]);
  return { ...summary!, excerpt: row.excerpt as TAssistEscalation['excerpt'] };
}

/**
 * One-click escalation: keeps the last messages with personal data masked and the note,
 * marks the conversation, and tells the supervisors of the agent's teams in the app (the
 * deputy and leader when the agent has no team supervisor). 409 when already escalated.
 */
export async function escalateConversation(deps: TDeps, auth: TAuthContext, id: string, request: TAssistEscalateRequest): Promise<TAssistEscalation> {
  const row = await ownConversation(deps, auth, id);
  if (row.escalatedAt) throw new AppError('CONFLICT', 'This conversation was escalated already');
  const points = readConversation(deps, request.messages);
  const last = points.at(-1)?.analysis;
  const excerpt = request.messages.slice(-ASSIST_LIMITS.excerptMessages).map((m) => ({ role: m.role, text: maskPersonalData(m.text).text }));
  const note = request.note ? request.note : null;
  const escalation = await deps.db.transaction(async (tx) => {
    if (!(await markConversationEscalated(tx, row.id))) throw new AppError('CONFLICT', 'This conversation was escalated already');
    const risk = last ? assistMaxRisk(last.risk, 'low') : (row.lastRisk as TAssistRisk);
    const created = await insertEscalation(tx, {
      organisationId: auth.organisationId,
      conversationId: row.id,
      agentId: auth.userId,
      risk,
      emotion: last?.emotion ?? 'calm',
      excerpt,
      note,
    });
    let supervisors = await findTeamMatesWithRole(tx, auth.organisationId, auth.userId, 'supervisor');
    if (supervisors.length === 0) supervisors = (await findMembersWithRoles(tx, auth.organisationId, ORGANISATION_WIDE)).filter((u) => u !== auth.userId);
    await notify(tx, auth.organisationId, supervisors, {
      kind: 'assist.escalation',
      title: { zh: `${auth.displayName} 请您介入一个高风险会话`, en: `${auth.displayName} asks you to step in on a high-risk conversation` },
      body: note ? { zh: note, en: note } : { zh: '点击查看会话摘录（个人信息已隐去）。', en: 'Open it to read the excerpt (personal data masked).' },
      link: assistEscalationLink(created.id),
    });
    return created;
  });
  return presentEscalation(deps, auth.organisationId, escalation);
}

export async function listEscalations(deps: TDeps, auth: TAuthContext, query: { status: 'open' | 'acknowledged' | 'all'; teamId?: string | undefined }) {
  let agentIds = await escalationScope(deps, auth);
  if (query.teamId !== undefined) {
    const scope = await oversight(deps, auth);
    if (!scope.teams.some((t) => t.id === query.teamId)) throw notFound('Team');
    const members = await findTeamMemberIds(deps.db, auth.organisationId, [query.teamId]);
    agentIds = agentIds === undefined ? members : agentIds.filter((id) => members.includes(id));
  }
  const rows = await findEscalations(deps.db, auth.organisationId, { agentIds, status: query.status, limit: ESCALATION_LIST_MAX });
  return { escalations: await presentEscalations(deps, auth.organisationId, rows) };
}

async function visibleEscalation(deps: TDeps, auth: TAuthContext, id: string): Promise<TEscalationRow> {
  const row = await findEscalation(deps.db, auth.organisationId, id);
  const scope = row ? await escalationScope(deps, auth) : undefined;
  if (!row || (scope !== undefined && !scope.includes(row.agentId))) throw notFound('Escalation');
  return row;
}

export async function getEscalation(deps: TDeps, auth: TAuthContext, id: string): Promise<TAssistEscalation> {
  return presentEscalation(deps, auth.organisationId, await visibleEscalation(deps, auth, id));
}

/** A supervisor (of the agent's team), deputy or leader acknowledges; the agent is told once ("主管已收到"). */
export async function acknowledgeAssistEscalation(deps: TDeps, auth: TAuthContext, id: string): Promise<TAssistEscalation> {
  const row = await visibleEscalation(deps, auth, id);
  if (!(await canAcknowledge(deps, auth, row.agentId))) throw new AppError('FORBIDDEN', 'Only a supervisor of the agent’s team, the deputy or the leader acknowledges an escalation');
  await deps.db.transaction(async (tx) => {
    if (!(await acknowledgeEscalation(tx, row.id, auth.userId))) return;
    await notify(tx, auth.organisationId, [row.agentId], {
      kind: 'assist.acknowledged',
      title: { zh: `主管已收到：${auth.displayName} 正在跟进`, en: `Your supervisor has it: ${auth.displayName} is following up` },
      body: { zh: '您发起的升级已被确认，请按主管的指示继续。', en: 'Your escalation was acknowledged; carry on as your supervisor says.' },
      link: assistEscalationLink(row.id),
    });
  });
  return getEscalation(deps, auth, id);
}
