import type { TRole } from '@calmdesk/shared';
import { hasAnyRole } from '@calmdesk/shared';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@calmdesk/content';
import { parseScenarioSource, type TScenarioFile } from '@calmdesk/content/scenario';
import { scorecardCompute, simulatorCreate, type TSession, type TSimulator } from '@calmdesk/simulator';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { getScenarios } from '../lib/scenarios.js';
import {
  findRoleplaySettings,
  upsertRoleplaySettings,
  deleteCustomScenario,
  findCustomScenario,
  findCustomScenarios,
  upsertCustomScenario,
  findAssignment,
  findAssignments,
  findAttempt,
  findAttempts,
  findComments,
  insertAssignment,
  insertAttempt,
  insertComment,
  isAssignmentTarget,
  updateAttempt,
  type TAttemptRow,
} from '../repositories/roleplay.repository.js';
import { llmRewordLine } from '../lib/llm.js';
import { recordAudit } from './audit.service.js';
import { resolveAssignees } from './user.service.js';

/** Who may read others' attempts and comment on them: the coaching roles. */
export const REVIEWER_ROLES: readonly TRole[] = ['trainer', 'mentor', 'supervisor', 'deputy', 'leader'];
/** Who may assign scenarios. */
export const ASSIGNER_ROLES: readonly TRole[] = ['trainer', 'mentor'];

let simulator: TSimulator | undefined;
const getSimulator = (deps: TDeps) => (simulator ??= simulatorCreate(deps.engine));

/** Trainers write scenarios; drafts are visible to them only. */
export const AUTHOR_ROLES: readonly TRole[] = ['trainer'];

/**
 * A scenario by id: built-in, or written by this organisation (drafts only for authors).
 */
async function scenarioFor(deps: TDeps, auth: TAuthContext, id: string): Promise<TScenarioFile> {
  const builtIn = getScenarios().get(id);
  if (builtIn) return builtIn;
  const row = await findCustomScenario(deps.db, auth.organisationId, id);
  if (row && (row.status === 'published' || hasAnyRole(auth.roles, AUTHOR_ROLES))) {
    const parsed = parseScenarioSource(row.yaml);
    if (parsed.success) return parsed.data;
  }
  throw new AppError('NOT_FOUND', `Scenario ${id} not found`);
}

export function presentScenarioSummary(s: TScenarioFile, source: 'builtin' | 'custom' = 'builtin', status: 'draft' | 'published' = 'published') {
  return { id: s.id, title: s.title, summary: s.summary, family: s.family, temperament: s.temperament, difficulty: s.difficulty, goods: s.goods, source, status };
}

/** What a trainee may see: no effects, no customer lines (the surprise is part of practice). */
export function presentScenarioBrief(s: TScenarioFile) {
  return { ...presentScenarioSummary(s), persona: s.persona, situation: s.situation, need: s.need, acceptableOutcomes: s.acceptable_outcomes, maxTurns: s.max_turns, start: s.start };
}

/** Built-in scenarios, then the organisation's own (drafts for authors only). */
export async function listScenarios(deps: TDeps, auth: TAuthContext) {
  const builtIn = [...getScenarios().values()].map((s) => presentScenarioSummary(s));
  const isAuthor = hasAnyRole(auth.roles, AUTHOR_ROLES);
  const custom = (await findCustomScenarios(deps.db, auth.organisationId))
    .filter((row) => row.status === 'published' || isAuthor)
    .flatMap((row) => {
      const parsed = parseScenarioSource(row.yaml);
      return parsed.success ? [presentScenarioSummary(parsed.data, 'custom', row.status as 'draft' | 'published')] : [];
    });
  return [...builtIn, ...custom];
}

export async function getScenarioBrief(deps: TDeps, auth: TAuthContext, id: string) {
  return presentScenarioBrief(await scenarioFor(deps, auth, id));
}

/** The YAML of a scenario, to edit (custom) or copy (built-in). */
export async function getScenarioSource(deps: TDeps, auth: TAuthContext, id: string): Promise<string> {
  if (getScenarios().has(id)) return fs.readFileSync(path.join(DEFAULT_CONTENT_DIR, 'scenarios', `${id}.yaml`), 'utf8');
  const row = await findCustomScenario(deps.db, auth.organisationId, id);
  if (!row) throw notFound('Scenario');
  return row.yaml;
}

export function validateScenarioSource(yaml: string) {
  const parsed = parseScenarioSource(yaml);
  return parsed.success ? { valid: true, errors: [] } : { valid: false, errors: parsed.errors.map((e) => ({ ...(e.line ? { line: e.line } : {}), path: e.path, message: e.message })) };
}

/**
 * Saves a scenario written in the app. Its id comes from its YAML, must not be a built-in
 * id, and (when updating) must stay the one being edited.
 */
export async function saveScenario(deps: TDeps, auth: TAuthContext, input: { yaml: string; status: 'draft' | 'published' }, ip: string, editingId?: string) {
  const parsed = parseScenarioSource(input.yaml);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The scenario is not valid', parsed.errors.map((e) => ({ path: `yaml${e.line ? `:${e.line}` : ''} ${e.path}`.trim(), message: e.message })));
  }
  const scenario = parsed.data;
  if (getScenarios().has(scenario.id)) throw new AppError('CONFLICT', `"${scenario.id}" is a built-in scenario id; choose another id`, [{ path: 'yaml id', message: 'built-in id' }]);
  if (editingId !== undefined) {
    if (!(await findCustomScenario(deps.db, auth.organisationId, editingId))) throw notFound('Scenario');
    if (editingId !== scenario.id) throw new AppError('VALIDATION_FAILED', 'The id in the YAML must stay the same', [{ path: 'yaml id', message: `expected ${editingId}` }]);
  } else if (await findCustomScenario(deps.db, auth.organisationId, scenario.id)) {
    throw new AppError('CONFLICT', `A scenario with id "${scenario.id}" exists`, [{ path: 'yaml id', message: 'already used' }]);
  }
  await upsertCustomScenario(deps.db, { organisationId: auth.organisationId, scenarioId: scenario.id, yaml: input.yaml, status: input.status, updatedBy: auth.userId });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: editingId ? 'scenario.updated' : 'scenario.created', targetType: 'scenario', targetId: scenario.id, details: { status: input.status }, ip });
  return presentScenarioSummary(scenario, 'custom', input.status);
}

export async function deleteScenario(deps: TDeps, auth: TAuthContext, id: string, ip: string): Promise<void> {
  if (!(await findCustomScenario(deps.db, auth.organisationId, id))) throw notFound('Scenario');
  await deleteCustomScenario(deps.db, auth.organisationId, id);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'scenario.deleted', targetType: 'scenario', targetId: id, ip });
}

async function presentAttempt(deps: TDeps, row: TAttemptRow & { displayName: string }) {
  const scenario = row.scenario as TScenarioFile;
  const session = row.session as TSession;
  const card = session.outcome !== null ? scorecardCompute(scenario, session) : null;
  const comments = await findComments(deps.db, row.id);
  return {
    id: row.id,
    scenario: presentScenarioBrief(scenario),
    user: { id: row.userId, displayName: row.displayName },
    opening: session.opening,
    state: session.state,
    turns: session.turns,
    outcome: session.outcome,
    scorecard: card ? { scores: card.scores, total: card.total, rubric: card.rubric } : null,
    assignmentId: row.assignmentId,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    comments: comments.map((c) => ({ id: c.id, author: c.author ?? '', body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}

/** Starts a practice conversation for the caller. */
export async function startAttempt(deps: TDeps, auth: TAuthContext, input: { scenarioId: string; seed?: number | undefined; assignmentId?: string | undefined }) {
  const scenario = await scenarioFor(deps, auth, input.scenarioId);
  if (input.assignmentId) {
    const assignment = await findAssignment(deps.db, auth.organisationId, input.assignmentId);
    if (!assignment || assignment.scenarioId !== scenario.id || !(await isAssignmentTarget(deps.db, assignment.id, auth.userId))) throw notFound('Assignment');
  }
  const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
  const session = getSimulator(deps).start(scenario, seed);
  const id = await insertAttempt(deps.db, { organisationId: auth.organisationId, userId: auth.userId, scenarioId: scenario.id, assignmentId: input.assignmentId ?? null, seed, scenario, session });
  return presentAttempt(deps, (await findAttempt(deps.db, auth.organisationId, id))!);
}

const MOOD_WORDS = (anger: number) => (anger >= 70 ? '非常生气' : anger >= 40 ? '不满、着急' : '缓和下来');

/**
 * Plays one reply of the attempt's owner. The simulator decides first (pure, fast); when the
 * organisation turned on an OpenAI-compatible endpoint, it rewords the customer's line
 * outside the transaction; then the row is locked and saved, unless another reply got in first.
 */
export async function replyToAttempt(deps: TDeps, auth: TAuthContext, attemptId: string, text: string) {
  const current = await findAttempt(deps.db, auth.organisationId, attemptId);
  if (!current || current.userId !== auth.userId) throw notFound('Attempt');
  const currentSession = current.session as TSession;
  if (currentSession.outcome !== null) throw new AppError('CONFLICT', 'This conversation has ended; start a new attempt');
  const currentScenario = current.scenario as TScenarioFile;
  let planned = getSimulator(deps).reply(currentScenario, currentSession, text);
  const settings = await findRoleplaySettings(deps.db, auth.organisationId);
  if (settings?.isLlmEnabled && settings.llmBaseUrl && settings.llmModel) {
    const last = planned.turns[planned.turns.length - 1]!;
    const worded = await llmRewordLine(
      { baseUrl: settings.llmBaseUrl, model: settings.llmModel, apiKey: settings.llmApiKey },
      { persona: `${currentScenario.persona.name}，${currentScenario.persona.description.zh}`, situation: currentScenario.situation.zh, mood: MOOD_WORDS(last.state.anger), agentReply: text, templateLine: last.customer },
    );
    planned = { ...planned, turns: [...planned.turns.slice(0, -1), { ...last, customer: worded }] };
  }

  const updated = await deps.db.transaction(async (tx) => {
    const row = await findAttempt(tx, auth.organisationId, attemptId, true);
    if (!row || row.userId !== auth.userId) throw notFound('Attempt');
    const session = row.session as TSession;
    if (session.turns.length !== currentSession.turns.length) throw new AppError('CONFLICT', 'Another reply was sent at the same time; reload the conversation');
    const scenario = row.scenario as TScenarioFile;
    const next = planned;
    const finished = next.outcome !== null;
    const card = finished ? scorecardCompute(scenario, next) : null;
    await updateAttempt(tx, row.id, {
      session: next,
      outcome: next.outcome,
      total: card?.total ?? null,
      scores: card?.scores ?? null,
      finishedAt: finished ? new Date() : null,
    });
    return { ...row, session: next, outcome: next.outcome, finishedAt: finished ? new Date() : null };
  });
  return presentAttempt(deps, updated);
}

/** The attempt, for its owner or a coaching role of the organisation. */
export async function getAttempt(deps: TDeps, auth: TAuthContext, attemptId: string) {
  const row = await findAttempt(deps.db, auth.organisationId, attemptId);
  if (!row || (row.userId !== auth.userId && !hasAnyRole(auth.roles, REVIEWER_ROLES))) throw notFound('Attempt');
  return presentAttempt(deps, row);
}

/** Own attempts; coaching roles may list anyone's (userId) or everyone's. */
export async function listAttempts(deps: TDeps, auth: TAuthContext, query: { userId?: string | undefined; scenarioId?: string | undefined; page: number; pageSize: number }) {
  const isReviewer = hasAnyRole(auth.roles, REVIEWER_ROLES);
  const userIds = query.userId ? [query.userId] : isReviewer ? undefined : [auth.userId];
  if (query.userId && query.userId !== auth.userId && !isReviewer) throw new AppError('FORBIDDEN', "Only coaching roles may see others' attempts");
  const { rows, total } = await findAttempts(deps.db, auth.organisationId, { userIds, scenarioId: query.scenarioId, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return {
    total,
    attempts: rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenarioId,
      scenarioTitle: r.scenarioTitle,
      user: { id: r.userId, displayName: r.displayName },
      outcome: r.outcome,
      total: r.total,
      turns: Number(r.turns),
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    })),
  };
}

export async function commentOnAttempt(deps: TDeps, auth: TAuthContext, attemptId: string, body: string) {
  const row = await findAttempt(deps.db, auth.organisationId, attemptId);
  if (!row) throw notFound('Attempt');
  await insertComment(deps.db, { attemptId, authorId: auth.userId, body });
  return presentAttempt(deps, row);
}

/** Assigns a scenario to people and teams (expanded to their members now). */
export async function createAssignment(deps: TDeps, auth: TAuthContext, input: { scenarioId: string; userIds: string[]; teamIds: string[]; dueDate?: string | null | undefined }, ip: string) {
  await scenarioFor(deps, auth, input.scenarioId);
  const people = await resolveAssignees(deps, auth.organisationId, input);
  const id = await insertAssignment(deps.db, { organisationId: auth.organisationId, scenarioId: input.scenarioId, assignedBy: auth.userId, dueDate: input.dueDate ?? null }, people);
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'roleplay.assigned', targetType: 'roleplay_assignment', targetId: id, details: { scenarioId: input.scenarioId, people: people.length }, ip });
  return (await listAssignments(deps, auth)).find((a) => a.id === id)!;
}

/** Coaching roles see every assignment; everyone else the ones aimed at them. */
export async function listAssignments(deps: TDeps, auth: TAuthContext) {
  const isReviewer = hasAnyRole(auth.roles, REVIEWER_ROLES);
  const rows = await findAssignments(deps.db, auth.organisationId, isReviewer ? undefined : auth.userId);
  const scenarios = getScenarios();
  return rows.map((a) => ({
    id: a.id,
    scenarioId: a.scenarioId,
    scenarioTitle: scenarios.get(a.scenarioId)?.title ?? { zh: a.scenarioId, en: a.scenarioId },
    dueDate: a.dueDate,
    assignedBy: a.assignedBy,
    createdAt: a.createdAt.toISOString(),
    people: a.people.length,
    done: a.doneBy.size,
    isDoneByMe: a.people.includes(auth.userId) ? a.doneBy.has(auth.userId) : null,
  }));
}

/** The role-play settings; the API key is never returned, only whether one is set. */
export async function getRoleplaySettings(deps: TDeps, auth: TAuthContext) {
  const row = await findRoleplaySettings(deps.db, auth.organisationId);
  return { isLlmEnabled: row?.isLlmEnabled ?? false, baseUrl: row?.llmBaseUrl ?? null, model: row?.llmModel ?? null, hasApiKey: Boolean(row?.llmApiKey) };
}

export async function updateRoleplaySettings(
  deps: TDeps,
  auth: TAuthContext,
  input: { isLlmEnabled: boolean; baseUrl?: string | null | undefined; model?: string | null | undefined; apiKey?: string | null | undefined },
  ip: string,
) {
  const before = await findRoleplaySettings(deps.db, auth.organisationId);
  const baseUrl = input.baseUrl === undefined ? (before?.llmBaseUrl ?? null) : input.baseUrl;
  const model = input.model === undefined ? (before?.llmModel ?? null) : input.model;
  if (input.isLlmEnabled && (!baseUrl || !model)) {
    throw new AppError('VALIDATION_FAILED', 'Give a base URL and a model to turn the endpoint on', [{ path: baseUrl ? 'model' : 'baseUrl', message: 'required when enabled' }]);
  }
  await upsertRoleplaySettings(deps.db, {
    organisationId: auth.organisationId,
    isLlmEnabled: input.isLlmEnabled,
    llmBaseUrl: baseUrl,
    llmModel: model,
    llmApiKey: input.apiKey === undefined ? (before?.llmApiKey ?? null) : input.apiKey,
    updatedBy: auth.userId,
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'roleplay.settings_changed', targetType: 'organisation', targetId: auth.organisationId, details: { isLlmEnabled: input.isLlmEnabled, baseUrl, model, apiKeyChanged: input.apiKey !== undefined }, ip });
  return getRoleplaySettings(deps, auth);
}
