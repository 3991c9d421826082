import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { roleplayAssignments, roleplayAssignmentTargets, roleplayAttempts, roleplayComments, roleplayScenarios, roleplaySettings, users } from '../db/schema.js';

export type TAttemptRow = typeof roleplayAttempts.$inferSelect;

export async function insertAttempt(db: TDb, values: typeof roleplayAttempts.$inferInsert): Promise<string> {
  const rows = await db.insert(roleplayAttempts).values(values).returning({ id: roleplayAttempts.id });
  return rows[0]!.id;
}

/** One attempt of the organisation; `forUpdate` locks it so two replies cannot interleave. */
export async function findAttempt(db: TDb, organisationId: string, attemptId: string, forUpdate = false): Promise<(TAttemptRow & { displayName: string }) | undefined> {
  const query = db
    .select({ attempt: roleplayAttempts, displayName: users.displayName })
    .from(roleplayAttempts)
    .innerJoin(users, eq(users.id, roleplayAttempts.userId))
    .where(and(eq(roleplayAttempts.organisationId, organisationId), eq(roleplayAttempts.id, attemptId)))
    .limit(1);
  const rows = forUpdate ? await query.for('update', { of: roleplayAttempts }) : await query;
  const row = rows[0];
  return row ? { ...row.attempt, displayName: row.displayName } : undefined;
}

export async function updateAttempt(db: TDb, attemptId: string, values: Partial<typeof roleplayAttempts.$inferInsert>): Promise<void> {
  await db.update(roleplayAttempts).set(values).where(eq(roleplayAttempts.id, attemptId));
}

export async function findAttempts(db: TDb, organisationId: string, filter: { userIds?: string[] | undefined; scenarioId?: string | undefined; limit: number; offset: number }) {
  const where = and(
    eq(roleplayAttempts.organisationId, organisationId),
    filter.userIds ? inArray(roleplayAttempts.userId, filter.userIds.length > 0 ? filter.userIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
    filter.scenarioId ? eq(roleplayAttempts.scenarioId, filter.scenarioId) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: roleplayAttempts.id,
        scenarioId: roleplayAttempts.scenarioId,
        scenarioTitle: sql<{ zh: string; en: string }>`${roleplayAttempts.scenario}->'title'`,
        userId: roleplayAttempts.userId,
        displayName: users.displayName,
        outcome: roleplayAttempts.outcome,
        total: roleplayAttempts.total,
        turns: sql<number>`jsonb_array_length(${roleplayAttempts.session}->'turns')`,
        startedAt: roleplayAttempts.startedAt,
        finishedAt: roleplayAttempts.finishedAt,
      })
      .from(roleplayAttempts)
      .innerJoin(users, eq(users.id, roleplayAttempts.userId))
      .where(where)
      .orderBy(desc(roleplayAttempts.startedAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ total: count() }).from(roleplayAttempts).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function insertComment(db: TDb, values: { attemptId: string; authorId: string; body: string }): Promise<void> {
  await db.insert(roleplayComments).values(values);
}

export async function findComments(db: TDb, attemptId: string) {
  return db
    .select({ id: roleplayComments.id, author: users.displayName, body: roleplayComments.body, createdAt: roleplayComments.createdAt })
    .from(roleplayComments)
    .leftJoin(users, eq(users.id, roleplayComments.authorId))
    .where(eq(roleplayComments.attemptId, attemptId))
    .orderBy(roleplayComments.createdAt);
}

export async function insertAssignment(db: TDb, values: { organisationId: string; scenarioId: string; assignedBy: string; dueDate: string | null }, userIds: string[]): Promise<string> {
  const rows = await db.insert(roleplayAssignments).values(values).returning({ id: roleplayAssignments.id });
  const id = rows[0]!.id;
  if (userIds.length > 0) await db.insert(roleplayAssignmentTargets).values(userIds.map((userId) => ({ assignmentId: id, userId })));
  return id;
}

export async function findAssignment(db: TDb, organisationId: string, assignmentId: string) {
  const rows = await db
    .select()
    .from(roleplayAssignments)
    .where(and(eq(roleplayAssignments.organisationId, organisationId), eq(roleplayAssignments.id, assignmentId)))
    .limit(1);
  return rows[0];
}

export async function isAssignmentTarget(db: TDb, assignmentId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: roleplayAssignmentTargets.userId })
    .from(roleplayAssignmentTargets)
    .where(and(eq(roleplayAssignmentTargets.assignmentId, assignmentId), eq(roleplayAssignmentTargets.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Assignments of the organisation (or only those that target `forUserId`), with how many
 * targets finished an attempt of the scenario since it was assigned.
 */
export async function findAssignments(db: TDb, organisationId: string, forUserId?: string) {
  const targetFilter = forUserId
    ? inArray(roleplayAssignments.id, db.select({ id: roleplayAssignmentTargets.assignmentId }).from(roleplayAssignmentTargets).where(eq(roleplayAssignmentTargets.userId, forUserId)))
    : undefined;
  const assignments = await db
    .select({ assignment: roleplayAssignments, assignedBy: users.displayName })
    .from(roleplayAssignments)
    .leftJoin(users, eq(users.id, roleplayAssignments.assignedBy))
    .where(and(eq(roleplayAssignments.organisationId, organisationId), targetFilter))
    .orderBy(desc(roleplayAssignments.createdAt));
  if (assignments.length === 0) return [];
  const ids = assignments.map((a) => a.assignment.id);
  const targets = await db.select().from(roleplayAssignmentTargets).where(inArray(roleplayAssignmentTargets.assignmentId, ids));
  const finished = await db
    .select({ assignmentId: roleplayAttempts.assignmentId, userId: roleplayAttempts.userId })
    .from(roleplayAttempts)
    .where(and(eq(roleplayAttempts.organisationId, organisationId), inArray(roleplayAttempts.assignmentId, ids), isNotNull(roleplayAttempts.finishedAt)));
  return assignments.map(({ assignment, assignedBy }) => {
    const people = targets.filter((t) => t.assignmentId === assignment.id).map((t) => t.userId);
    const doneBy = new Set(finished.filter((f) => f.assignmentId === assignment.id).map((f) => f.userId));
    return { ...assignment, assignedBy, people, doneBy };
  });
}

export async function findCustomScenarios(db: TDb, organisationId: string) {
  return db.select().from(roleplayScenarios).where(eq(roleplayScenarios.organisationId, organisationId)).orderBy(roleplayScenarios.scenarioId);
}

export async function findCustomScenario(db: TDb, organisationId: string, scenarioId: string) {
  const rows = await db
    .select()
    .from(roleplayScenarios)
    .where(and(eq(roleplayScenarios.organisationId, organisationId), eq(roleplayScenarios.scenarioId, scenarioId)))
    .limit(1);
  return rows[0];
}

export async function upsertCustomScenario(db: TDb, values: { organisationId: string; scenarioId: string; yaml: string; status: string; updatedBy: string }): Promise<void> {
  await db
    .insert(roleplayScenarios)
    .values(values)
    .onConflictDoUpdate({ target: [roleplayScenarios.organisationId, roleplayScenarios.scenarioId], set: { yaml: values.yaml, status: values.status, updatedBy: values.updatedBy, updatedAt: new Date() } });
}

export async function deleteCustomScenario(db: TDb, organisationId: string, scenarioId: string): Promise<void> {
  await db.delete(roleplayScenarios).where(and(eq(roleplayScenarios.organisationId, organisationId), eq(roleplayScenarios.scenarioId, scenarioId)));
}

export async function findRoleplaySettings(db: TDb, organisationId: string) {
  const rows = await db.select().from(roleplaySettings).where(eq(roleplaySettings.organisationId, organisationId)).limit(1);
  return rows[0];
}

export async function upsertRoleplaySettings(db: TDb, values: typeof roleplaySettings.$inferInsert): Promise<void> {
  const { organisationId, ...rest } = values;
  await db.insert(roleplaySettings).values(values).onConflictDoUpdate({ target: roleplaySettings.organisationId, set: { ...rest, updatedAt: new Date() } });
}
