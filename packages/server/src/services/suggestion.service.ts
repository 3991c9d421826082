import type { TSuggestion } from '@calmdesk/shared';
import { and, arrayOverlaps, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { memberships, pointEntries, suggestions, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from './audit.service.js';
import { notify } from './notification.service.js';
import { awardPoints } from './points.service.js';

/**
 * Innovation suggestions (SPEC §2.10): anyone submits one (a better phrase, a smoother process,
 * a tool), the training group reviews it, and an adopted one earns its author the
 * suggestion_adopted points once. The author is told either way.
 */

type TRow = typeof suggestions.$inferSelect & { authorName: string; reviewerName: string | null };

async function findSuggestions(db: TDb, organisationId: string, where: SQL | undefined): Promise<TSuggestion[]> {
  const author = alias(users, 'author');
  const reviewer = alias(users, 'reviewer');
  const rows = await db
    .select({ suggestion: suggestions, authorName: author.displayName, reviewerName: reviewer.displayName })
    .from(suggestions)
    .innerJoin(author, eq(author.id, suggestions.authorId))
    .leftJoin(reviewer, eq(reviewer.id, suggestions.reviewedBy))
    .where(and(eq(suggestions.organisationId, organisationId), where))
    .orderBy(desc(suggestions.createdAt))
    .limit(500);
  const list: TRow[] = rows.map((r) => ({ ...r.suggestion, authorName: r.authorName, reviewerName: r.reviewerName }));
  const adopted = list.filter((r) => r.status === 'adopted').map((r) => r.id);
  const awards =
    adopted.length === 0
      ? []
      : await db
          .select({ sourceId: pointEntries.sourceId, points: pointEntries.points })
          .from(pointEntries)
          .where(and(eq(pointEntries.organisationId, organisationId), eq(pointEntries.ruleKey, 'suggestion_adopted'), inArray(pointEntries.sourceId, adopted)));
  return list.map((r) => ({
    id: r.id,
    author: { id: r.authorId, displayName: r.authorName },
    title: r.title,
    body: r.body,
    status: r.status as TSuggestion['status'],
    reviewNote: r.reviewNote,
    reviewedBy: r.reviewedBy ? { id: r.reviewedBy, displayName: r.reviewerName ?? '' } : null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    pointsAwarded: awards.find((a) => a.sourceId === r.id)?.points ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Submits a suggestion; the trainers are told there is one to review. */
export async function submitSuggestion(deps: TDeps, auth: TAuthContext, input: { title: string; body: string }, ip: string): Promise<TSuggestion> {
  const id = await deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(suggestions).values({ organisationId: auth.organisationId, authorId: auth.userId, title: input.title, body: input.body }).returning({ id: suggestions.id });
    const suggestionId = inserted[0]!.id;
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'suggestion.submitted', targetType: 'suggestion', targetId: suggestionId, details: { title: input.title }, ip });
    const trainers = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, auth.organisationId), eq(memberships.isActive, true), arrayOverlaps(memberships.roles, ['trainer'])));
    await notify(
      tx,
      auth.organisationId,
      trainers.map((t) => t.id).filter((id) => id !== auth.userId),
      { kind: 'suggestion_submitted', title: { zh: `新的创新建议：${input.title}`, en: `New suggestion: ${input.title}` }, body: { zh: `来自 ${auth.displayName}`, en: `From ${auth.displayName}` }, link: '/operations/incentives/suggestions' },
    );
    return suggestionId;
  });
  return (await findSuggestions(deps.db, auth.organisationId, eq(suggestions.id, id)))[0]!;
}

/** The caller's own suggestions with their status, review note and points. */
export async function listMySuggestions(deps: TDeps, auth: TAuthContext) {
  return { suggestions: await findSuggestions(deps.db, auth.organisationId, eq(suggestions.authorId, auth.userId)) };
}

/** Every suggestion of the organisation, for the training group; optionally one status. */
export async function listSuggestions(deps: TDeps, auth: TAuthContext, query: { status?: TSuggestion['status'] | undefined }) {
  return { suggestions: await findSuggestions(deps.db, auth.organisationId, query.status ? eq(suggestions.status, query.status) : undefined) };
}

/**
 * Adopts or declines a submitted suggestion. Adoption pays the suggestion_adopted rule's points
 * in the same transaction (once: the ledger's unique source key stops a second payment), and
 * the author is notified with the note.
 */
async function review(deps: TDeps, auth: TAuthContext, suggestionId: string, decision: 'adopted' | 'declined', note: string, ip: string): Promise<TSuggestion> {
  await deps.db.transaction(async (tx) => {
    const row = (await tx.select().from(suggestions).where(and(eq(suggestions.organisationId, auth.organisationId), eq(suggestions.id, suggestionId))).for('update').limit(1))[0];
    if (!row) throw notFound('Suggestion');
    if (row.status !== 'submitted') throw new AppError('CONFLICT', `This suggestion was ${row.status} already`);
    await tx.update(suggestions).set({ status: decision, reviewNote: note || null, reviewedBy: auth.userId, reviewedAt: new Date() }).where(eq(suggestions.id, row.id));
    await recordAudit({ db: tx }, { organisationId: auth.organisationId, actorUserId: auth.userId, action: `suggestion.${decision}`, targetType: 'suggestion', targetId: row.id, details: { authorId: row.authorId, note }, ip });
    let points = 0;
    if (decision === 'adopted') {
      await awardPoints({ db: tx }, auth.organisationId, ['suggestion_adopted']);
      const award = await tx
        .select({ points: pointEntries.points })
        .from(pointEntries)
        .where(and(eq(pointEntries.userId, row.authorId), eq(pointEntries.ruleKey, 'suggestion_adopted'), eq(pointEntries.sourceId, row.id)))
        .limit(1);
      points = award[0]?.points ?? 0;
    }
    const title =
      decision === 'adopted'
        ? { zh: `你的建议“${row.title}”被采纳了${points ? `，获得 ${points} 积分` : ''}`, en: `Your suggestion "${row.title}" was adopted${points ? `: +${points} points` : ''}` }
        : { zh: `你的建议“${row.title}”暂未采纳`, en: `Your suggestion "${row.title}" was not adopted` };
    await notify(tx, auth.organisationId, [row.authorId], { kind: `suggestion_${decision}`, title, body: note ? { zh: note, en: note } : {}, link: '/my/suggestions' });
  });
  return (await findSuggestions(deps.db, auth.organisationId, eq(suggestions.id, suggestionId)))[0]!;
}

export async function adoptSuggestion(deps: TDeps, auth: TAuthContext, suggestionId: string, note: string, ip: string) {
  return review(deps, auth, suggestionId, 'adopted', note, ip);
}

export async function declineSuggestion(deps: TDeps, auth: TAuthContext, suggestionId: string, note: string, ip: string) {
  return review(deps, auth, suggestionId, 'declined', note, ip);
}
