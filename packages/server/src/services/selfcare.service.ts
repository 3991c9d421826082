import {
  SELFCARE_EXPORT_FORMAT,
  SELFCARE_EXPORT_VERSION,
  SELFCARE_HELPLINES,
  STRESS_QUESTIONNAIRE,
  ZSelfcareEntry,
  hasAnyRole,
  scoreStressCheck,
  type TSelfcareEntry,
  type TSelfcareEntryKind,
  type TSelfcareEntryList,
  type TSelfcareEntryQuery,
  type TSelfcareEntryRequestParsed,
  type TSelfcareExport,
  type TSelfcareLink,
  type TSelfcareLinkOptions,
  type TSelfcareSuggestion,
  type TSelfcareSummary,
  type TStressBand,
  type TStressCheck,
  type TStressCheckResult,
} from '@calmdesk/shared';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError, notFound } from '../errors.js';
import {
  countSelfcareEntries,
  deleteAllSelfcareOf,
  deleteSelfcareEntry,
  findActiveMentorOf,
  findDiaryDays,
  findLinkOptions,
  findQaConversationForLink,
  findRoleplayAttemptForLink,
  findSelfcareEntries,
  findSelfcareEntry,
  findStressChecks,
  findSupervisorsOf,
  insertSelfcareEntry,
  insertStressCheck,
  updateSelfcareEntry,
  type TOwner,
  type TSelfcareEntryRow,
  type TStressCheckRow,
} from '../repositories/selfcare.repository.js';
import { recordAudit } from './audit.service.js';

/**
 * Self-care (SPEC §2.6): the caller's own diary, ABC worksheets, gratitude notes, success
 * cases and stress checks. Private by default — every call is scoped to the caller as owner,
 * so another person's entry is simply "not found", whoever asks (admin included). Nothing
 * here writes entry content to the audit log or to a notification: the one audit row (delete
 * everything) carries only counts.
 */

/** Roles that read QA conversations (routes/qa.routes.ts QA_READER_ROLES): they may link any of the organisation's. */
const QA_READERS = ['mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'] as const;
/** A clock a little ahead of ours is not "the future". */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

const ownerOf = (auth: TAuthContext): TOwner => ({ ownerId: auth.userId, organisationId: auth.organisationId });
const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const startOfChinaDay = (day: string) => new Date(`${day}T00:00:00+08:00`);
const addDays = (day: string, days: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path, message }]);
}

/** The stored row as the API shows it; the body is re-read through the contract so old rows get today's defaults. */
export function presentEntry(row: TSelfcareEntryRow): TSelfcareEntry {
  return ZSelfcareEntry.parse({ id: row.id, kind: row.kind, body: row.body, occurredAt: row.occurredAt.toISOString(), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });
}

export function presentCheck(row: TStressCheckRow): TStressCheck {
  return { id: row.id, questionnaire: row.questionnaire, answers: row.answers as Record<string, number>, score: row.score, band: row.band as TStressBand, takenAt: row.takenAt.toISOString() };
}

function occurredAtOf(value: string | undefined, now: Date): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('body.occurredAt', 'occurredAt cannot be in the future');
  return at;
}

/**
 * Checks a success case's link and gives it its display title: a QA conversation of the
 * organisation (one the caller handled, unless they read QA anyway), or one of the caller's own
 * role-play attempts. An unchanged link keeps its stored title, so an old entry stays editable
 * after its target is gone.
 */
async function resolveLink(deps: TDeps, auth: TAuthContext, link: { kind: TSelfcareLink['kind']; id: string } | null, stored: TSelfcareLink | null): Promise<TSelfcareLink | null> {
  if (link === null) return null;
  if (stored && stored.kind === link.kind && stored.id === link.id) return stored;
  if (link.kind === 'roleplay_attempt') {
    const attempt = await findRoleplayAttemptForLink(deps.db, ownerOf(auth), link.id);
    if (!attempt) throw invalid('body.body.link.id', 'no role-play attempt of yours has this id');
    const date = chinaDay(attempt.startedAt);
    return { kind: link.kind, id: link.id, title: { zh: `角色扮演：${attempt.title?.zh ?? ''}（${date}）`, en: `Role-play: ${attempt.title?.en ?? ''} (${date})` } };
  }
  const conversation = await findQaConversationForLink(deps.db, auth.organisationId, link.id);
  const mayLink = conversation && (conversation.agentUserId === auth.userId || hasAnyRole(auth.roles, QA_READERS));
  if (!mayLink) throw invalid('body.body.link.id', 'no conversation you handled in your organisation has this id');
  const date = conversation.startedAt ? `，${chinaDay(conversation.startedAt)}` : '';
  const dateEn = conversation.startedAt ? `, ${chinaDay(conversation.startedAt)}` : '';
  const shop = conversation.shop ? ` · ${conversation.shop}` : '';
  return { kind: link.kind, id: link.id, title: { zh: `真实对话 ${conversation.externalId}${shop}${date}`, en: `Conversation ${conversation.externalId}${shop}${dateEn}` } };
}

async function bodyToStore(deps: TDeps, auth: TAuthContext, input: TSelfcareEntryRequestParsed, existing: TSelfcareEntryRow | null): Promise<unknown> {
  if (input.kind !== 'success') return input.body;
  const stored = existing ? ((existing.body as { link?: TSelfcareLink | null }).link ?? null) : null;
  return { ...input.body, link: await resolveLink(deps, auth, input.body.link, stored) };
}

/** Creates an entry of mine. */
export async function createSelfcareEntry(deps: TDeps, auth: TAuthContext, input: TSelfcareEntryRequestParsed): Promise<TSelfcareEntry> {
  const occurredAt = occurredAtOf(input.occurredAt, new Date()) ?? new Date();
  const body = await bodyToStore(deps, auth, input, null);
  return presentEntry(await insertSelfcareEntry(deps.db, ownerOf(auth), { kind: input.kind, body, occurredAt }));
}

/** One entry of mine; anyone else's is not found. */
export async function getSelfcareEntry(deps: TDeps, auth: TAuthContext, id: string): Promise<TSelfcareEntry> {
  const row = await findSelfcareEntry(deps.db, ownerOf(auth), id);
  if (!row) throw notFound('Entry');
  return presentEntry(row);
}

/** Replaces an entry of mine; its kind stays. */
export async function updateSelfcareEntryOf(deps: TDeps, auth: TAuthContext, id: string, input: TSelfcareEntryRequestParsed): Promise<TSelfcareEntry> {
  const existing = await findSelfcareEntry(deps.db, ownerOf(auth), id);
  if (!existing) throw notFound('Entry');
  if (existing.kind !== input.kind) throw invalid('body.kind', `this entry is a ${existing.kind} entry; its kind cannot change`);
  const occurredAt = occurredAtOf(input.occurredAt, new Date());
  const body = await bodyToStore(deps, auth, input, existing);
  const row = await updateSelfcareEntry(deps.db, ownerOf(auth), id, { body, occurredAt });
  if (!row) throw notFound('Entry');
  return presentEntry(row);
}

export async function deleteSelfcareEntryOf(deps: TDeps, auth: TAuthContext, id: string): Promise<void> {
  if (!(await deleteSelfcareEntry(deps.db, ownerOf(auth), id))) throw notFound('Entry');
}

/** My entries, newest first, filtered by kind and China-time days. */
export async function listSelfcareEntries(deps: TDeps, auth: TAuthContext, query: TSelfcareEntryQuery & { page: number; pageSize: number }): Promise<TSelfcareEntryList> {
  const { rows, total } = await findSelfcareEntries(deps.db, ownerOf(auth), {
    kind: query.kind,
    from: query.from ? startOfChinaDay(query.from) : undefined,
    to: query.to ? startOfChinaDay(addDays(query.to, 1)) : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { entries: rows.map(presentEntry), total, page: query.page, pageSize: query.pageSize };
}

/** The recent role-play attempts and QA conversations I may link a success case to. */
export async function listLinkOptions(deps: TDeps, auth: TAuthContext): Promise<TSelfcareLinkOptions> {
  const { attempts, conversations } = await findLinkOptions(deps.db, ownerOf(auth), 30);
  return {
    roleplayAttempts: attempts.map((a) => ({ id: a.id, title: a.title ?? { zh: '', en: '' }, at: a.startedAt.toISOString(), score: a.total })),
    qaConversations: conversations.map((c) => ({
      id: c.id,
      title: { zh: `真实对话 ${c.externalId}${c.shop ? ` · ${c.shop}` : ''}`, en: `Conversation ${c.externalId}${c.shop ? ` · ${c.shop}` : ''}` },
      at: c.startedAt?.toISOString() ?? null,
      score: c.score,
    })),
  };
}

// ---------------------------------------------------------------------------
// Stress checks and the gentle suggestion

/**
 * The "stays high" rule: the last two checks high, or three of the last four moderate or high
 * with the latest among them. One high check is a bad week, not a pattern; a latest check
 * that is low means things are easing, and a nudge then would not be gentle.
 * @param bands the person's check bands, oldest first
 * @returns why the suggestion shows, or null
 */
export function stressStaysHigh(bands: readonly TStressBand[]): TSelfcareSuggestion['reason'] | null {
  const lastTwo = bands.slice(-2);
  if (lastTwo.length === 2 && lastTwo.every((b) => b === 'high')) return 'last_two_high';
  const lastFour = bands.slice(-4);
  const elevated = lastFour.filter((b) => b !== 'low').length;
  if (elevated >= 3 && bands.at(-1) !== 'low') return 'mostly_elevated';
  return null;
}

async function suggestionFor(deps: TDeps, auth: TAuthContext, checks: readonly TStressCheckRow[]): Promise<TSelfcareSuggestion | null> {
  const reason = stressStaysHigh(checks.map((c) => c.band as TStressBand));
  if (!reason) return null;
  const [supervisors, mentor] = await Promise.all([findSupervisorsOf(deps.db, ownerOf(auth)), findActiveMentorOf(deps.db, ownerOf(auth))]);
  return { reason, supervisors, mentor, helplines: SELFCARE_HELPLINES.map((h) => ({ ...h })) };
}

/** Scores and stores my answers to the current questionnaire. */
export async function takeStressCheck(deps: TDeps, auth: TAuthContext, answers: Record<string, number>): Promise<TStressCheckResult> {
  const { score, band } = scoreStressCheck(answers);
  const row = await insertStressCheck(deps.db, ownerOf(auth), { questionnaire: STRESS_QUESTIONNAIRE.version, answers, score, band });
  const checks = await findStressChecks(deps.db, ownerOf(auth));
  return { check: presentCheck(row), suggestion: await suggestionFor(deps, auth, checks) };
}

export async function listStressChecks(deps: TDeps, auth: TAuthContext): Promise<TStressCheck[]> {
  return (await findStressChecks(deps.db, ownerOf(auth))).map(presentCheck);
}

/**
 * Consecutive China-time days with a diary entry, ending today — or yesterday, so a streak is
 * not "broken" in the morning before today's entry.
 */
export function diaryStreakOf(days: readonly string[], today: string): number {
  const have = new Set(days);
  let day = have.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (have.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}

/** The overview page: counts, diary streak, the last check and the gentle suggestion if any. */
export async function selfcareSummary(deps: TDeps, auth: TAuthContext, now = new Date()): Promise<TSelfcareSummary> {
  const owner = ownerOf(auth);
  const [counts, diary, checks] = await Promise.all([countSelfcareEntries(deps.db, owner), findDiaryDays(deps.db, owner), findStressChecks(deps.db, owner)]);
  const today = chinaDay(now);
  const n = (kind: TSelfcareEntryKind) => counts.byKind.get(kind) ?? 0;
  const last = checks.at(-1);
  return {
    counts: { diary: n('diary'), abc: n('abc'), gratitude: n('gratitude'), success: n('success') },
    abcUnfinished: counts.abcUnfinished,
    diaryStreak: diaryStreakOf(diary.days, today),
    hasDiaryToday: diary.days.includes(today),
    lastDiaryAt: diary.lastAt?.toISOString() ?? null,
    lastCheck: last ? presentCheck(last) : null,
    checkCount: checks.length,
    suggestion: await suggestionFor(deps, auth, checks),
  };
}

// ---------------------------------------------------------------------------
// Export and delete everything

/** Everything of mine, with the questionnaire so the answers can be read without the app. */
export async function exportSelfcare(deps: TDeps, auth: TAuthContext, now = new Date()): Promise<TSelfcareExport> {
  const owner = ownerOf(auth);
  const [{ rows }, checks] = await Promise.all([findSelfcareEntries(deps.db, owner, {}), findStressChecks(deps.db, owner)]);
  return {
    format: SELFCARE_EXPORT_FORMAT,
    version: SELFCARE_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    owner: { displayName: auth.displayName, login: auth.login },
    entries: rows.map(presentEntry),
    stressChecks: checks.map(presentCheck),
    questionnaire: STRESS_QUESTIONNAIRE,
  };
}

/**
 * Deletes every entry and stress check of mine. The audit row says that it happened and how
 * many, nothing of what was written.
 */
export async function deleteAllSelfcare(deps: TDeps, auth: TAuthContext, ip: string): Promise<{ deletedEntries: number; deletedChecks: number }> {
  const result = await deleteAllSelfcareOf(deps.db, ownerOf(auth));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'selfcare.delete_all', targetType: 'user', targetId: auth.userId, details: result, ip });
  return result;
}
