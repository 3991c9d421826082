import { hasAnyRole, TRAINING_GROUP_ROLES, type TPersonRecord } from '@calmdesk/shared';
import type { ZCreateRecordRequest, ZRecordListQuery } from '@calmdesk/shared';
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { auditLog, personRecords, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { getScenarios } from '../lib/scenarios.js';
import { findTeamMemberIds } from '../repositories/team.repository.js';
import { findMember } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { assignCourse, getCourse, NO_USER, visibleUserIds } from './learning.service.js';
import { notify } from './notification.service.js';
import { createAssignment, listScenarios } from './roleplay.service.js';
import { listPeople } from './user.service.js';

/**
 * Person records (SPEC §2.10): warnings, performance deductions, mandatory re-training and
 * discipline. They are visible only to the person, their supervisors (people who lead a team
 * the person is in) and the training group — not to other agents, mentors or admins, unless
 * those also hold one of these roles. The route lets only supervisors and the training group
 * in; this file narrows a supervisor to their teams.
 */

/** Record kinds in Chinese, for the notice the person receives. */
const KIND_ZH = { warning: '警告', deduction: '绩效扣分', retraining: '必修复训', discipline: '纪律处理' } as const;
const KIND_EN = { warning: 'warning', deduction: 'performance deduction', retraining: 'mandatory re-training', discipline: 'disciplinary record' } as const;

/**
 * Today's date in Beijing time, as the people using CalmDesk read a calendar.
 * @returns YYYY-MM-DD
 */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The start of a Beijing-time day as an instant.
 * @param date YYYY-MM-DD
 */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * Whose people-area data the caller manages: everyone (training group) or the members of the
 * caller's teams (a supervisor).
 * @returns undefined for everyone, else the user ids
 */
export async function managedUserIds(deps: TDeps, auth: TAuthContext): Promise<string[] | undefined> {
  return visibleUserIds(deps, auth);
}

/** Whether the caller belongs to the training group (trainer, deputy, leader). */
export function isTrainingGroup(auth: TAuthContext): boolean {
  return hasAnyRole(auth.roles, TRAINING_GROUP_ROLES);
}

const inScope = (scope: string[] | undefined, userId: string) => scope === undefined || scope.includes(userId);

type TRecordRow = typeof personRecords.$inferSelect & { displayName: string; createdByName: string | null };

async function presentRecords(deps: TDeps, organisationId: string, rows: TRecordRow[]): Promise<TPersonRecord[]> {
  const retrainingIds = rows.filter((r) => r.kind === 'retraining').map((r) => r.id);
  // What a re-training record assigned is kept in its audit entry, written in the same transaction.
  const audits =
    retrainingIds.length === 0
      ? []
      : await deps.db
          .select({ targetId: auditLog.targetId, details: auditLog.details })
          .from(auditLog)
          .where(and(eq(auditLog.organisationId, organisationId), eq(auditLog.action, 'record.created'), inArray(auditLog.targetId, retrainingIds)));
  const detailsById = new Map(audits.map((a) => [a.targetId, a.details as { courseId?: string | null; scenarioId?: string | null; dueDate?: string | null }]));
  const courseTitles = new Map<string, { zh: string; en: string }>();
  for (const details of detailsById.values()) {
    if (details.courseId && !courseTitles.has(details.courseId)) {
      const course = await getCourse(deps, organisationId, details.courseId).catch(() => undefined);
      if (course) courseTitles.set(details.courseId, course.title);
    }
  }
  const scenarios = getScenarios();
  return rows.map((r) => {
    const details = detailsById.get(r.id);
    return {
      id: r.id,
      user: { id: r.userId, displayName: r.displayName },
      kind: r.kind as TPersonRecord['kind'],
      reason: r.reason,
      sourceType: r.sourceType as TPersonRecord['sourceType'],
      sourceId: r.sourceId,
      points: r.points,
      retraining: details
        ? {
            courseId: details.courseId ?? null,
            courseTitle: details.courseId ? (courseTitles.get(details.courseId) ?? null) : null,
            scenarioId: details.scenarioId ?? null,
            scenarioTitle: details.scenarioId ? (scenarios.get(details.scenarioId)?.title ?? { zh: details.scenarioId, en: details.scenarioId }) : null,
            dueDate: details.dueDate ?? null,
          }
        : null,
      createdBy: r.createdBy ? { id: r.createdBy, displayName: r.createdByName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

async function findRecords(deps: TDeps, organisationId: string, where: SQL | undefined): Promise<TRecordRow[]> {
  const author = alias(users, 'author');
  const rows = await deps.db
    .select({ record: personRecords, displayName: users.displayName, createdByName: author.displayName })
    .from(personRecords)
    .innerJoin(users, eq(users.id, personRecords.userId))
    .leftJoin(author, eq(author.id, personRecords.createdBy))
    .where(and(eq(personRecords.organisationId, organisationId), where))
    .orderBy(desc(personRecords.createdAt))
    .limit(1000);
  return rows.map((r) => ({ ...r.record, displayName: r.displayName, createdByName: r.createdByName }));
}

/**
 * Records of the people the caller manages, newest first, with the people they may add one for.
 * @param query person, team, kind, source and a date range (Beijing days, both ends included)
 */
export async function listRecords(deps: TDeps, auth: TAuthContext, query: z.infer<typeof ZRecordListQuery>) {
  const scope = await managedUserIds(deps, auth);
  let userIds = scope;
  if (query.teamId) {
    const members = await findTeamMemberIds(deps.db, auth.organisationId, [query.teamId]);
    userIds = userIds === undefined ? members : userIds.filter((id) => members.includes(id));
  }
  if (query.userId) userIds = inScope(userIds, query.userId) ? [query.userId] : [];
  const conditions: (SQL | undefined)[] = [
    userIds === undefined ? undefined : inArray(personRecords.userId, userIds.length > 0 ? userIds : [NO_USER]),
    query.kind ? eq(personRecords.kind, query.kind) : undefined,
    query.sourceType ? eq(personRecords.sourceType, query.sourceType) : undefined,
    query.from ? gte(personRecords.createdAt, chinaDayStart(query.from)) : undefined,
    query.to ? lt(personRecords.createdAt, new Date(chinaDayStart(query.to).getTime() + 86_400_000)) : undefined,
  ];
  const records = await presentRecords(deps, auth.organisationId, await findRecords(deps, auth.organisationId, and(...conditions)));
  const people = (await listPeople(deps, auth.organisationId)).filter((p) => inScope(scope, p.id)).map((p) => ({ id: p.id, displayName: p.displayName, teams: p.teams }));
  return { records, people };
}

/** One record, for a supervisor of the person or the training group; anyone else gets 404. */
export async function getRecord(deps: TDeps, auth: TAuthContext, recordId: string): Promise<TPersonRecord> {
  const rows = await findRecords(deps, auth.organisationId, eq(personRecords.id, recordId));
  const row = rows[0];
  if (!row || !inScope(await managedUserIds(deps, auth), row.userId)) throw notFound('Record');
  return (await presentRecords(deps, auth.organisationId, [row]))[0]!;
}

/** The caller's own records, newest first. */
export async function listMyRecords(deps: TDeps, auth: TAuthContext) {
  return { records: await presentRecords(deps, auth.organisationId, await findRecords(deps, auth.organisationId, eq(personRecords.userId, auth.userId))) };
}

/**
 * Adds a record by hand, e.g. after a complaint caused by poor handling: a warning, a deduction
 * with points, or mandatory re-training that assigns a course and/or a role-play scenario (through
 * the learning and role-play services, so it appears in the person's own lists). The person is
 * notified; the record and what it assigned are audited.
 * @returns the record as the list shows it
 */
export async function createRecord(deps: TDeps, auth: TAuthContext, input: z.output<typeof ZCreateRecordRequest>, ip: string): Promise<TPersonRecord> {
  const member = await findMember(deps.db, auth.organisationId, input.userId);
  if (!member || !inScope(await managedUserIds(deps, auth), input.userId)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown person', [{ path: 'userId', message: member ? 'not in your teams' : 'not in this organisation' }]);
  }
  if (input.courseId) await getCourse(deps, auth.organisationId, input.courseId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Unknown course', [{ path: 'courseId', message: 'no such course in this organisation' }]);
  });
  if (input.scenarioId && !(await listScenarios(deps, auth)).some((s) => s.id === input.scenarioId)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown scenario', [{ path: 'scenarioId', message: `no published scenario "${input.scenarioId}"` }]);
  }
  if (input.dueDate && input.dueDate < todayInChina()) throw new AppError('VALIDATION_FAILED', 'The due date has passed', [{ path: 'dueDate', message: 'pick today or a later day' }]);
  const sourceId = input.sourceRef || null;
  if (sourceId) {
    const same = await deps.db
      .select({ id: personRecords.id })
      .from(personRecords)
      .where(and(eq(personRecords.userId, input.userId), eq(personRecords.kind, input.kind), eq(personRecords.sourceType, input.sourceType), eq(personRecords.sourceId, sourceId)))
      .limit(1);
    if (same.length > 0) throw new AppError('CONFLICT', `This person already has a ${input.kind} record for ${sourceId}`, [{ path: 'sourceRef', message: 'already recorded' }]);
  }
  // Assign first (each audited by its own service): a refused assignment leaves no record behind.
  if (input.courseId) await assignCourse(deps, auth, input.courseId, { userIds: [input.userId], teamIds: [], dueDate: input.dueDate }, ip);
  if (input.scenarioId) await createAssignment(deps, auth, { scenarioId: input.scenarioId, userIds: [input.userId], teamIds: [], dueDate: input.dueDate }, ip);
  const id = await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(personRecords)
      .values({ organisationId: auth.organisationId, userId: input.userId, kind: input.kind, reason: input.reason, sourceType: input.sourceType, sourceId, points: input.points, createdBy: auth.userId })
      .returning({ id: personRecords.id });
    const recordId = inserted[0]!.id;
    await recordAudit({ db: tx }, {
      organisationId: auth.organisationId,
      actorUserId: auth.userId,
      action: 'record.created',
      targetType: 'person_record',
      targetId: recordId,
      details: { userId: input.userId, kind: input.kind, sourceType: input.sourceType, sourceRef: sourceId, points: input.points, courseId: input.courseId, scenarioId: input.scenarioId, dueDate: input.dueDate },
      ip,
    });
    await notify(tx, auth.organisationId, [input.userId], {
      kind: 'person_record',
      title: { zh: `你有一条新的人员记录：${KIND_ZH[input.kind]}`, en: `A new ${KIND_EN[input.kind]} was added to your records` },
      body: { zh: input.reason, en: input.reason },
      link: '/my/records',
    });
    return recordId;
  });
  return getRecord(deps, auth, id);
}
