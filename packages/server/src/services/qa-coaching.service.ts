import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { qaConversations, qaFlagComments, qaFlags, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from './audit.service.js';
import { conversationConditions, listConversations } from './qa-conversation.service.js';

/**
 * The coaching queue (SPEC §2.9): conversations flagged by the import rules or by a person;
 * the people who coach the agent (mentors and supervisors of the agent's team; trainers and
 * the management group for everyone) comment and mark them done.
 */

async function visibleConversation(deps: TDeps, auth: TAuthContext, conversationId: string) {
  const where = await conversationConditions(deps, auth, {});
  const rows = await deps.db.select({ id: qaConversations.id }).from(qaConversations).where(and(where, eq(qaConversations.id, conversationId))).limit(1);
  if (rows.length === 0) throw notFound('Conversation');
  return rows[0]!.id;
}

/** Flags a conversation for coaching (or opens its flag again, with the new reason). */
export async function flagConversation(deps: TDeps, auth: TAuthContext, conversationId: string, reason: string, ip: string) {
  const id = await visibleConversation(deps, auth, conversationId);
  const rows = await deps.db
    .insert(qaFlags)
    .values({ organisationId: auth.organisationId, conversationId: id, origin: 'person', reason, createdBy: auth.userId })
    .onConflictDoUpdate({ target: qaFlags.conversationId, set: { origin: 'person', reason, createdBy: auth.userId, status: 'open', doneAt: null, doneBy: null } })
    .returning({ id: qaFlags.id });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.conversation_flagged', targetType: 'qa_conversation', targetId: id, details: { reason }, ip });
  return (await coachingItems(deps, auth, { flagIds: [rows[0]!.id] }))[0]!;
}

async function findFlag(deps: TDeps, auth: TAuthContext, flagId: string) {
  const flag = (await deps.db.select().from(qaFlags).where(and(eq(qaFlags.organisationId, auth.organisationId), eq(qaFlags.id, flagId))).limit(1))[0];
  if (!flag) throw notFound('Flag');
  await visibleConversation(deps, auth, flag.conversationId);
  return flag;
}

export async function commentOnFlag(deps: TDeps, auth: TAuthContext, flagId: string, body: string) {
  const flag = await findFlag(deps, auth, flagId);
  await deps.db.insert(qaFlagComments).values({ flagId: flag.id, authorId: auth.userId, body });
  return (await coachingItems(deps, auth, { flagIds: [flag.id] }))[0]!;
}

export async function markFlagDone(deps: TDeps, auth: TAuthContext, flagId: string, ip: string) {
  const flag = await findFlag(deps, auth, flagId);
  if (flag.status === 'done') throw new AppError('CONFLICT', 'This conversation has been coached already');
  await deps.db.update(qaFlags).set({ status: 'done', doneAt: new Date(), doneBy: auth.userId }).where(eq(qaFlags.id, flag.id));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'qa.coaching_done', targetType: 'qa_flag', targetId: flag.id, ip });
  return (await coachingItems(deps, auth, { flagIds: [flag.id] }))[0]!;
}

/** The queue: open (or done) flags on the conversations the caller may read, newest conversation first. */
export async function coachingQueue(deps: TDeps, auth: TAuthContext, status: 'open' | 'done') {
  return { items: await coachingItems(deps, auth, { status }) };
}

async function coachingItems(deps: TDeps, auth: TAuthContext, filter: { status?: 'open' | 'done'; flagIds?: string[] }) {
  const where = await conversationConditions(deps, auth, {});
  const creator = alias(users, 'creator');
  const finisher = alias(users, 'finisher');
  const flags = await deps.db
    .select({ flag: qaFlags, creatorName: creator.displayName, finisherName: finisher.displayName })
    .from(qaFlags)
    .innerJoin(qaConversations, eq(qaConversations.id, qaFlags.conversationId))
    .leftJoin(creator, eq(creator.id, qaFlags.createdBy))
    .leftJoin(finisher, eq(finisher.id, qaFlags.doneBy))
    .where(and(where, filter.status ? eq(qaFlags.status, filter.status) : undefined, filter.flagIds ? inArray(qaFlags.id, filter.flagIds) : undefined))
    .orderBy(desc(qaConversations.startedAt))
    .limit(500);
  if (flags.length === 0) return [];
  const summaries = new Map<string, Awaited<ReturnType<typeof listConversations>>['conversations'][number]>();
  for (const c of (await listConversations(deps, auth, { sort: 'newest', page: 1, pageSize: flags.length, ids: flags.map((f) => f.flag.conversationId) })).conversations) summaries.set(c.id, c);
  const comments = await deps.db
    .select({ comment: qaFlagComments, authorName: users.displayName })
    .from(qaFlagComments)
    .leftJoin(users, eq(users.id, qaFlagComments.authorId))
    .where(inArray(qaFlagComments.flagId, flags.map((f) => f.flag.id)))
    .orderBy(asc(qaFlagComments.createdAt));
  return flags.flatMap(({ flag, creatorName, finisherName }) => {
    const conversation = summaries.get(flag.conversationId);
    if (!conversation) return [];
    return [
      {
        id: flag.id,
        conversation,
        origin: flag.origin as 'rule' | 'person',
        reason: flag.reason,
        status: flag.status as 'open' | 'done',
        createdAt: flag.createdAt.toISOString(),
        createdBy: flag.createdBy ? { id: flag.createdBy, displayName: creatorName ?? '' } : null,
        doneAt: flag.doneAt?.toISOString() ?? null,
        doneBy: flag.doneBy ? { id: flag.doneBy, displayName: finisherName ?? '' } : null,
        comments: comments
          .filter((c) => c.comment.flagId === flag.id)
          .map((c) => ({ id: c.comment.id, author: c.comment.authorId ? { id: c.comment.authorId, displayName: c.authorName ?? '' } : null, body: c.comment.body, createdAt: c.comment.createdAt.toISOString() })),
      },
    ];
  });
}
