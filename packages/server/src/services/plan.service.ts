import { diffPlanItems, planBudget, planItemSessionTimes, ZPlanContent, type TPlanContent, type TPlanDetail, type TPlanItem, type TPlanSummary, type TRole, type ZPlanInput, type ZPlanListQuery } from '@calmdesk/shared';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { courses, memberships, roleplayScenarios, sessionEnrolments, teams, trainingPlans, trainingPlanVersions, trainingSessions } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { getScenarios } from '../lib/scenarios.js';
import { recordAudit } from './audit.service.js';
import { notify } from './notification.service.js';
import { activeMemberIds, displayNames, membersWithRole } from './session-people.service.js';

/**
 * Yearly training plans (SPEC §2.7): a trainer drafts goals, methods, items (themes delivered as
 * sessions) and a budget; submitting freezes a numbered version for the leader, who approves it
 * or returns it with a comment. A returned plan is edited (it becomes a draft again) and
 * submitted as the next version. Approval turns every item into its sessions, with the item's
 * teams and people enrolled, once.
 */

/** Who reads plans: the training group and the supervisors (who organise attendance). */
export const PLAN_READER_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader'];
/** Trainers draft and submit. */
export const PLAN_AUTHOR_ROLES: readonly TRole[] = ['trainer'];
/** Only the leader decides. */
export const PLAN_DECIDER_ROLES: readonly TRole[] = ['leader'];

type TPlanRow = typeof trainingPlans.$inferSelect;
type TVersionRow = typeof trainingPlanVersions.$inferSelect;

const contentOf = (value: unknown): TPlanContent => ZPlanContent.parse(value);

async function findPlan(db: TDb, organisationId: string, planId: string, options: { isForUpdate?: boolean } = {}): Promise<TPlanRow> {
  const query = db.select().from(trainingPlans).where(and(eq(trainingPlans.organisationId, organisationId), eq(trainingPlans.id, planId))).limit(1);
  const rows = options.isForUpdate ? await query.for('update') : await query;
  if (!rows[0]) throw notFound('Plan');
  return rows[0];
}

/**
 * Checks that every team, person, instructor, course and role-play scenario an item names belongs
 * to the organisation, naming the item and field of the first problems.
 */
async function checkReferences(db: TDb, organisationId: string, content: TPlanContent): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  const teamIds = [...new Set(content.items.flatMap((item) => item.teamIds))];
  const userIds = [...new Set(content.items.flatMap((item) => [...item.userIds, ...(item.instructorUserId ? [item.instructorUserId] : [])]))];
  const courseIds = [...new Set(content.items.flatMap((item) => (item.courseId ? [item.courseId] : [])))];
  const scenarioIds = [...new Set(content.items.flatMap((item) => item.scenarioIds))];
  const knownTeams = new Set(teamIds.length ? (await db.select({ id: teams.id }).from(teams).where(and(eq(teams.organisationId, organisationId), inArray(teams.id, teamIds)))).map((r) => r.id) : []);
  const knownPeople = new Set(
    userIds.length ? (await db.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, userIds)))).map((r) => r.id) : [],
  );
  const knownCourses = new Set(courseIds.length ? (await db.select({ id: courses.id }).from(courses).where(and(eq(courses.organisationId, organisationId), inArray(courses.id, courseIds)))).map((r) => r.id) : []);
  const builtIn = getScenarios();
  const custom = new Set(
    scenarioIds.length
      ? (await db.select({ id: roleplayScenarios.scenarioId }).from(roleplayScenarios).where(and(eq(roleplayScenarios.organisationId, organisationId), inArray(roleplayScenarios.scenarioId, scenarioIds)))).map((r) => r.id)
      : [],
  );
  content.items.forEach((item, index) => {
    const at = (field: string) => `content.items.${index}.${field}`;
    if (item.teamIds.some((id) => !knownTeams.has(id))) issues.push({ path: at('teamIds'), message: `「${item.theme}」names a team that is not in this organisation` });
    if (item.userIds.some((id) => !knownPeople.has(id))) issues.push({ path: at('userIds'), message: `「${item.theme}」names a person who is not in this organisation` });
    if (item.instructorUserId && !knownPeople.has(item.instructorUserId)) issues.push({ path: at('instructorUserId'), message: `「${item.theme}」: the instructor is not in this organisation` });
    if (item.courseId && !knownCourses.has(item.courseId)) issues.push({ path: at('courseId'), message: `「${item.theme}」: no such course in the catalogue` });
    const unknown = item.scenarioIds.filter((id) => !builtIn.has(id) && !custom.has(id));
    if (unknown.length > 0) issues.push({ path: at('scenarioIds'), message: `「${item.theme}」: no role-play scenario ${unknown.join(', ')}` });
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues.map((issue) => issue.message).join('; '), issues);
}

function sessionCountOf(content: TPlanContent): number {
  return content.items.reduce((sum, item) => sum + item.repeat, 0);
}

function presentSummary(row: TPlanRow, names: Map<string, string>, versions: TVersionRow[]): TPlanSummary {
  const content = contentOf(row.content);
  const { itemsTotal, budget } = planBudget(content);
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null);
  const latest = versions.find((v) => v.version === row.version);
  const decided = versions.filter((v) => v.decision !== null).sort((a, b) => b.version - a.version)[0];
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    status: row.status as TPlanSummary['status'],
    version: row.version,
    itemCount: content.items.length,
    plannedSessionCount: sessionCountOf(content),
    goalCount: content.goals.length,
    itemsBudget: itemsTotal,
    budget,
    createdBy: person(row.createdBy),
    submittedAt: latest?.submittedAt.toISOString() ?? null,
    lastDecision: decided
      ? { version: decided.version, decision: decided.decision as 'approved' | 'returned', comment: decided.decisionComment, decidedBy: person(decided.decidedBy), decidedAt: decided.decidedAt!.toISOString() }
      : null,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

async function versionsOf(db: TDb, planIds: string[]): Promise<TVersionRow[]> {
  if (planIds.length === 0) return [];
  return db.select().from(trainingPlanVersions).where(inArray(trainingPlanVersions.planId, planIds)).orderBy(desc(trainingPlanVersions.version));
}

/**
 * Plans of the organisation, newest year first; submitted ones first within a year so the leader sees what waits.
 */
export async function listPlans(deps: TDeps, auth: TAuthContext, query: z.infer<typeof ZPlanListQuery>) {
  const rows = await deps.db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.organisationId, auth.organisationId), query.year ? eq(trainingPlans.year, query.year) : undefined, query.status ? eq(trainingPlans.status, query.status) : undefined))
    .orderBy(desc(trainingPlans.year), sql`${trainingPlans.status} = 'submitted' DESC`, desc(trainingPlans.updatedAt));
  const versions = await versionsOf(deps.db, rows.map((r) => r.id));
  const names = await displayNames(deps.db, auth.organisationId, [...rows.flatMap((r) => (r.createdBy ? [r.createdBy] : [])), ...versions.flatMap((v) => (v.decidedBy ? [v.decidedBy] : []))]);
  return { plans: rows.map((row) => presentSummary(row, names, versions.filter((v) => v.planId === row.id))) };
}

/** One plan with its content, its versions (newest first, each with what changed) and the names its items refer to. */
export async function getPlan(deps: TDeps, auth: TAuthContext, planId: string): Promise<TPlanDetail> {
  const row = await findPlan(deps.db, auth.organisationId, planId);
  const versions = await versionsOf(deps.db, [row.id]);
  const content = contentOf(row.content);
  const personIds = [
    ...(row.createdBy ? [row.createdBy] : []),
    ...versions.flatMap((v) => [v.submittedBy, v.decidedBy].filter((id): id is string => id !== null)),
    ...content.items.flatMap((item) => [...item.userIds, ...(item.instructorUserId ? [item.instructorUserId] : [])]),
  ];
  const names = await displayNames(deps.db, auth.organisationId, personIds);
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null);
  const teamIds = [...new Set(content.items.flatMap((item) => item.teamIds))];
  const courseIds = [...new Set(content.items.flatMap((item) => (item.courseId ? [item.courseId] : [])))];
  const teamRows = teamIds.length ? await deps.db.select({ id: teams.id, name: teams.name }).from(teams).where(and(eq(teams.organisationId, auth.organisationId), inArray(teams.id, teamIds))) : [];
  const courseRows = courseIds.length ? await deps.db.select({ id: courses.id, title: courses.title }).from(courses).where(and(eq(courses.organisationId, auth.organisationId), inArray(courses.id, courseIds))) : [];
  const generated = await deps.db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(eq(trainingSessions.planId, row.id));
  const ascending = [...versions].sort((a, b) => a.version - b.version);
  const lastSubmitted = ascending.at(-1);
  return {
    ...presentSummary(row, names, versions),
    content,
    versions: versions.map((version) => {
      const previous = ascending.find((v) => v.version === version.version - 1);
      return {
        version: version.version,
        title: version.title,
        content: contentOf(version.content),
        submittedBy: person(version.submittedBy),
        submittedAt: version.submittedAt.toISOString(),
        decision: version.decision as 'approved' | 'returned' | null,
        decisionComment: version.decisionComment,
        decidedBy: person(version.decidedBy),
        decidedAt: version.decidedAt?.toISOString() ?? null,
        changes: previous ? diffPlanItems(contentOf(previous.content).items, contentOf(version.content).items) : null,
      };
    }),
    pendingChanges: lastSubmitted && (row.status === 'draft' || row.status === 'returned') ? diffPlanItems(contentOf(lastSubmitted.content).items, content.items) : null,
    generatedSessionCount: generated[0]?.n ?? 0,
    names: {
      people: Object.fromEntries(names),
      teams: Object.fromEntries(teamRows.map((t) => [t.id, t.name])),
      courses: Object.fromEntries(courseRows.map((c) => [c.id, c.title as { zh: string; en: string }])),
    },
  };
}

/** A trainer starts a plan as a draft. */
export async function createPlan(deps: TDeps, auth: TAuthContext, input: z.output<typeof ZPlanInput>, ip: string): Promise<TPlanDetail> {
  await checkReferences(deps.db, auth.organisationId, input.content);
  const [row] = await deps.db
    .insert(trainingPlans)
    .values({ organisationId: auth.organisationId, year: input.year, title: input.title, content: input.content, status: 'draft', createdBy: auth.userId })
    .returning({ id: trainingPlans.id });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.created', targetType: 'training_plan', targetId: row!.id, details: { year: input.year, title: input.title }, ip });
  return getPlan(deps, auth, row!.id);
}

/**
 * Saves the working copy. Only a draft or a returned plan can be edited; editing a returned plan makes it a draft again.
 * CONFLICT while the leader has it (submitted) and once approved.
 */
export async function updatePlan(deps: TDeps, auth: TAuthContext, planId: string, input: z.output<typeof ZPlanInput>, ip: string): Promise<TPlanDetail> {
  await deps.db.transaction(async (tx) => {
    const plan = await findPlan(tx, auth.organisationId, planId, { isForUpdate: true });
    if (plan.status === 'submitted') throw new AppError('CONFLICT', 'The plan is with the leader for approval; it can be edited again if it is returned');
    if (plan.status === 'approved') throw new AppError('CONFLICT', 'An approved plan cannot be edited; its sessions are scheduled');
    await checkReferences(tx, auth.organisationId, input.content);
    await tx.update(trainingPlans).set({ year: input.year, title: input.title, content: input.content, status: 'draft', updatedAt: new Date() }).where(eq(trainingPlans.id, plan.id));
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.updated', targetType: 'training_plan', targetId: planId, ip });
  return getPlan(deps, auth, planId);
}

/** Deletes a draft that was never submitted (a submitted plan keeps its history). */
export async function deletePlan(deps: TDeps, auth: TAuthContext, planId: string, ip: string): Promise<void> {
  const plan = await findPlan(deps.db, auth.organisationId, planId);
  if (plan.version > 0) throw new AppError('CONFLICT', 'Only a draft that was never submitted can be deleted; this plan has submitted versions');
  await deps.db.delete(trainingPlans).where(eq(trainingPlans.id, plan.id));
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.deleted', targetType: 'training_plan', targetId: plan.id, details: { title: plan.title }, ip });
}

/**
 * Hands the plan to the leader: freezes the working copy as the next version and tells the leaders.
 * A plan needs at least one goal and one item to be submitted.
 */
export async function submitPlan(deps: TDeps, auth: TAuthContext, planId: string, ip: string): Promise<TPlanDetail> {
  const submitted = await deps.db.transaction(async (tx) => {
    const plan = await findPlan(tx, auth.organisationId, planId, { isForUpdate: true });
    if (plan.status === 'submitted') throw new AppError('CONFLICT', 'The plan has been submitted already and waits for the leader');
    if (plan.status === 'approved') throw new AppError('CONFLICT', 'The plan has been approved already');
    const content = contentOf(plan.content);
    const issues = [
      ...(content.goals.length === 0 ? [{ path: 'content.goals', message: 'write at least one goal before submitting' }] : []),
      ...(content.items.length === 0 ? [{ path: 'content.items', message: 'add at least one item (a theme and its sessions) before submitting' }] : []),
    ];
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `The plan is not ready to submit: ${issues.map((i) => i.message).join('; ')}`, issues);
    await checkReferences(tx, auth.organisationId, content);
    const version = plan.version + 1;
    await tx.insert(trainingPlanVersions).values({ planId: plan.id, version, title: plan.title, content, submittedBy: auth.userId });
    await tx.update(trainingPlans).set({ status: 'submitted', version, updatedAt: new Date() }).where(eq(trainingPlans.id, plan.id));
    const leaders = await membersWithRole(tx, auth.organisationId, 'leader');
    await notify(tx, auth.organisationId, leaders, {
      kind: 'plan_submitted',
      title: { zh: `待审批：${plan.title}（第 ${version} 版）`, en: `For approval: ${plan.title} (version ${version})` },
      body: { zh: `${auth.displayName} 提交了培训计划，请审阅后批准或退回。`, en: `${auth.displayName} submitted the training plan; approve it or return it with comments.` },
      link: `/operations/plans/${plan.id}`,
    });
    return { version, title: plan.title };
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.submitted', targetType: 'training_plan', targetId: planId, details: submitted, ip });
  return getPlan(deps, auth, planId);
}

/** The submitted version the leader is deciding on, locked with its plan. */
async function pendingVersion(tx: TDb, auth: TAuthContext, planId: string) {
  const plan = await findPlan(tx, auth.organisationId, planId, { isForUpdate: true });
  if (plan.status !== 'submitted') {
    throw new AppError('CONFLICT', plan.status === 'approved' ? 'The plan has been approved already' : 'Only a submitted plan can be approved or returned; this one is still being edited');
  }
  const version = (await tx.select().from(trainingPlanVersions).where(and(eq(trainingPlanVersions.planId, plan.id), eq(trainingPlanVersions.version, plan.version), isNull(trainingPlanVersions.decision))))[0];
  if (!version) throw new AppError('CONFLICT', 'The submitted version has been decided already');
  return { plan, version };
}

/** The trainers to tell about a decision: whoever wrote the plan and whoever submitted this version. */
const authorsOf = (plan: TPlanRow, version: TVersionRow) => [plan.createdBy, version.submittedBy].filter((id): id is string => id !== null);

/**
 * The leader approves the submitted version: the plan's items become sessions (once), the trainers are told.
 * @returns the plan, and how many sessions were created
 */
export async function approvePlan(deps: TDeps, auth: TAuthContext, planId: string, comment: string, ip: string) {
  const result = await deps.db.transaction(async (tx) => {
    const { plan, version } = await pendingVersion(tx, auth, planId);
    const now = new Date();
    await tx
      .update(trainingPlanVersions)
      .set({ decision: 'approved', decisionComment: comment || null, decidedBy: auth.userId, decidedAt: now })
      .where(and(eq(trainingPlanVersions.planId, plan.id), eq(trainingPlanVersions.version, version.version)));
    await tx.update(trainingPlans).set({ status: 'approved', updatedAt: now }).where(eq(trainingPlans.id, plan.id));
    const created = await generatePlanSessions(tx, auth.organisationId, plan.id, contentOf(version.content), auth.userId);
    await notify(tx, auth.organisationId, authorsOf(plan, version), {
      kind: 'plan_approved',
      title: { zh: `计划已批准：${plan.title}`, en: `Plan approved: ${plan.title}` },
      body: {
        zh: `${auth.displayName} 批准了第 ${version.version} 版，已生成 ${created.sessions} 个课次。${comment ? `意见：${comment}` : ''}`,
        en: `${auth.displayName} approved version ${version.version}; ${created.sessions} sessions were scheduled.${comment ? ` Comment: ${comment}` : ''}`,
      },
      link: `/operations/plans/${plan.id}`,
    });
    return { version: version.version, ...created };
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.approved', targetType: 'training_plan', targetId: planId, details: { ...result, comment }, ip });
  return { plan: await getPlan(deps, auth, planId), createdSessions: result.sessions };
}

/** The leader returns the submitted version with what should change; the trainers are told. */
export async function returnPlan(deps: TDeps, auth: TAuthContext, planId: string, comment: string, ip: string): Promise<TPlanDetail> {
  const decided = await deps.db.transaction(async (tx) => {
    const { plan, version } = await pendingVersion(tx, auth, planId);
    const now = new Date();
    await tx
      .update(trainingPlanVersions)
      .set({ decision: 'returned', decisionComment: comment, decidedBy: auth.userId, decidedAt: now })
      .where(and(eq(trainingPlanVersions.planId, plan.id), eq(trainingPlanVersions.version, version.version)));
    await tx.update(trainingPlans).set({ status: 'returned', updatedAt: now }).where(eq(trainingPlans.id, plan.id));
    await notify(tx, auth.organisationId, authorsOf(plan, version), {
      kind: 'plan_returned',
      title: { zh: `计划被退回：${plan.title}（第 ${version.version} 版）`, en: `Plan returned: ${plan.title} (version ${version.version})` },
      body: { zh: `${auth.displayName} 的意见：${comment}`, en: `${auth.displayName} says: ${comment}` },
      link: `/operations/plans/${plan.id}`,
    });
    return { version: version.version };
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'plan.returned', targetType: 'training_plan', targetId: planId, details: { ...decided, comment }, ip });
  return getPlan(deps, auth, planId);
}

/**
 * Creates the sessions of every item of an approved plan, with the item's teams' members and people
 * enrolled. Idempotent by plan and item: an item that already has sessions is skipped, so running it
 * twice (or after a crash) creates nothing new.
 * @param db the approving transaction
 * @returns how many sessions and enrolments were created
 */
export async function generatePlanSessions(db: TDb, organisationId: string, planId: string, content: TPlanContent, actorUserId: string | null): Promise<{ sessions: number; enrolments: number }> {
  const existing = new Set(
    (await db.selectDistinct({ itemId: trainingSessions.planItemId }).from(trainingSessions).where(eq(trainingSessions.planId, planId))).map((row) => row.itemId),
  );
  let sessions = 0;
  let enrolments = 0;
  for (const item of content.items) {
    if (existing.has(item.id)) continue;
    const people = await activeMemberIds(db, organisationId, { userIds: item.userIds, teamIds: item.teamIds });
    const times = planItemSessionTimes(item);
    for (const time of times) {
      const [session] = await db
        .insert(trainingSessions)
        .values({
          organisationId,
          planId,
          planItemId: item.id,
          title: sessionTitle(item, time.number, times.length),
          description: item.goal,
          kind: item.kind,
          startsAt: time.startsAt,
          endsAt: time.endsAt,
          location: item.location,
          instructorUserId: item.instructorUserId,
          instructorName: item.instructorName,
          courseId: item.courseId,
          scenarioIds: item.scenarioIds,
          createdBy: actorUserId,
        })
        .returning({ id: trainingSessions.id });
      sessions += 1;
      if (people.length > 0) {
        await db.insert(sessionEnrolments).values(people.map((userId) => ({ sessionId: session!.id, userId }))).onConflictDoNothing();
        enrolments += people.length;
      }
    }
  }
  return { sessions, enrolments };
}

/** 「主题」, or 「主题（第 2/5 场）」 for an item held several times. */
function sessionTitle(item: TPlanItem, number: number, total: number): string {
  return total > 1 ? `${item.theme}（第 ${number}/${total} 场）` : item.theme;
}
