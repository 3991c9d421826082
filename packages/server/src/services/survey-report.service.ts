import { randomUUID } from 'node:crypto';
import { MIN_ANONYMOUS_CELL, ZPlanContent, ZPlanItem, type TPlanItem, type TSurveyPlanItemsRequest, type TSurveyQuestion, type TSurveyReport } from '@calmdesk/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { surveyResponses, trainingPlans, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { recordAudit } from './audit.service.js';
import { buildSurveyReport } from './survey-report.js';
import { chinaDay, findSurveyRow, getSurvey, surveyScopeOf, surveySummaries } from './survey.service.js';

/**
 * The needs report of a survey (response rate, distributions, breakdowns by level and tenure,
 * findings) for the training group, or for a supervisor over their teams; and the step from a
 * finding to a plan item.
 */

/**
 * The report. The training group sees every answer; a supervisor sees the answers given by
 * members of their teams (by the team the answer was given from) and the response rate of
 * those members. An anonymous survey shows no cell of fewer than 3 answers (see survey-report.ts).
 */
export async function surveyReport(deps: Pick<TDeps, 'db'>, auth: TAuthContext, surveyId: string): Promise<TSurveyReport> {
  // getSurvey applies the caller's visibility (NOT_FOUND otherwise).
  await getSurvey(deps, auth, surveyId);
  const scope = await surveyScopeOf(deps, auth);
  const row = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  const [summary] = await surveySummaries(deps, [row], scope);
  const responses =
    scope.isAll || scope.teamIds.length > 0
      ? await deps.db
          .select({ answers: surveyResponses.answers, level: surveyResponses.level, tenureMonths: surveyResponses.tenureMonths, by: users.displayName })
          .from(surveyResponses)
          .leftJoin(users, eq(users.id, surveyResponses.userId))
          .where(and(eq(surveyResponses.surveyId, row.id), scope.isAll ? undefined : inArray(surveyResponses.teamId, scope.teamIds)))
      : [];
  const body = buildSurveyReport(
    row.questions as TSurveyQuestion[],
    responses.map((r) => ({ answers: r.answers as Record<string, unknown>, level: r.level, tenureMonths: r.tenureMonths, by: row.isAnonymous ? null : r.by })),
    { isAnonymous: row.isAnonymous, minCell: MIN_ANONYMOUS_CELL },
  );
  return {
    survey: summary!,
    scope: scope.isAll ? 'all' : 'teams',
    recipients: summary!.recipients,
    responses: responses.length,
    responseRate: summary!.recipients === 0 ? null : Math.round((summary!.responded / summary!.recipients) * 1000) / 1000,
    ...body,
  };
}

// ---------------------------------------------------------------------------
// Plan items from findings

type TPlanRow = typeof trainingPlans.$inferSelect;
const EDITABLE_PLAN_STATUSES = ['draft', 'returned'] as const;

function targetOf(plan: TPlanRow) {
  const parsed = ZPlanContent.safeParse(plan.content);
  return { id: plan.id, title: plan.title, year: plan.year, status: plan.status as 'draft' | 'returned', itemCount: parsed.success ? parsed.data.items.length : 0 };
}

/** Plans items can be added to: drafts and returned plans, newest first. */
export async function surveyPlanTargets(deps: Pick<TDeps, 'db'>, auth: TAuthContext) {
  const plans = await deps.db
    .select()
    .from(trainingPlans)
    .where(and(eq(trainingPlans.organisationId, auth.organisationId), inArray(trainingPlans.status, [...EDITABLE_PLAN_STATUSES])))
    .orderBy(desc(trainingPlans.year), desc(trainingPlans.updatedAt));
  return { plans: plans.map(targetOf) };
}

/**
 * The default date of an item: the same day next month (China time), the last day of a shorter
 * month; moved into the plan's year when next month is not in it.
 */
export function defaultItemDate(today: string, planYear?: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  const date = `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  if (planYear === undefined || planYear === nextYear) return date;
  return planYear > nextYear ? `${planYear}-01-15` : `${planYear}-12-15`;
}

/**
 * Appends plan items made from a survey's findings to a plan's content: the plan named (draft or
 * returned), or else the year's newest draft or returned plan, or else a new draft plan for the
 * year. Each item has sourceSurveyId set, a classroom session by default, next month by default.
 * The whole content is checked with ZPlanContent before it is stored.
 * @throws NOT_FOUND for an unknown survey or plan; CONFLICT for a plan submitted or approved;
 *   VALIDATION_FAILED naming `body.items.<n>.date` for a date outside the plan's year
 */
export async function addSurveyPlanItems(deps: TDeps, auth: TAuthContext, surveyId: string, body: TSurveyPlanItemsRequest, ip: string) {
  const survey = await findSurveyRow(deps.db, auth.organisationId, surveyId);
  const today = chinaDay(new Date());
  const firstDate = body.items[0]?.date ?? defaultItemDate(today);
  const result = await deps.db.transaction(async (tx) => {
    let plan: TPlanRow | undefined;
    let isNewPlan = false;
    if (body.planId) {
      plan = (await tx.select().from(trainingPlans).where(and(eq(trainingPlans.organisationId, auth.organisationId), eq(trainingPlans.id, body.planId))).for('update').limit(1))[0];
      if (!plan) throw notFound('Plan');
      if (!(EDITABLE_PLAN_STATUSES as readonly string[]).includes(plan.status)) {
        throw new AppError(
          'CONFLICT',
          plan.status === 'approved'
            ? `The plan "${plan.title}" is approved: approved plans are not changed; add the items to a draft plan`
            : `The plan "${plan.title}" is submitted and waiting for the leader's decision: add items once it is returned, or to a draft plan`,
        );
      }
    } else {
      const year = body.year ?? Number(firstDate.slice(0, 4));
      plan = (
        await tx
          .select()
          .from(trainingPlans)
          .where(and(eq(trainingPlans.organisationId, auth.organisationId), eq(trainingPlans.year, year), inArray(trainingPlans.status, [...EDITABLE_PLAN_STATUSES])))
          .orderBy(desc(trainingPlans.updatedAt))
          .for('update')
          .limit(1)
      )[0];
      if (!plan) {
        const content = ZPlanContent.parse({});
        plan = (await tx.insert(trainingPlans).values({ organisationId: auth.organisationId, year, title: `${year} 年度培训计划`, status: 'draft', content, createdBy: auth.userId }).returning())[0]!;
        isNewPlan = true;
      }
    }
    const current = ZPlanContent.safeParse(plan.content);
    if (!current.success) throw new AppError('CONFLICT', `The plan "${plan.title}" has content CalmDesk cannot read; open it in the plan editor first`);
    const issues: { path: string; message: string }[] = [];
    const items: TPlanItem[] = body.items.map((input, index) => {
      const date = input.date ?? defaultItemDate(today, plan.year);
      if (!date.startsWith(`${plan.year}-`)) issues.push({ path: `body.items.${index}.date`, message: `${date} is outside the plan's year ${plan.year}` });
      return ZPlanItem.parse({ id: `survey-${randomUUID().slice(0, 8)}`, theme: input.theme, goal: input.goal ?? '', kind: input.kind ?? 'classroom', date, sourceSurveyId: survey.id });
    });
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid items: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
    const next = ZPlanContent.safeParse({ ...current.data, items: [...current.data.items, ...items] });
    if (!next.success) {
      const problems = next.error.issues.map((issue) => ({ path: ['content', ...issue.path].join('.'), message: issue.message }));
      throw new AppError('VALIDATION_FAILED', `The plan would be invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
    }
    const [updated] = await tx
      .update(trainingPlans)
      .set({ content: next.data, updatedAt: new Date() })
      .where(and(eq(trainingPlans.id, plan.id), inArray(trainingPlans.status, [...EDITABLE_PLAN_STATUSES])))
      .returning();
    if (!updated) throw new AppError('CONFLICT', `The plan "${plan.title}" was submitted meanwhile`);
    return { plan: updated, isNewPlan, itemIds: items.map((item) => item.id) };
  });
  await recordAudit(deps, {
    organisationId: auth.organisationId,
    actorUserId: auth.userId,
    action: 'survey.plan_items_added',
    targetType: 'training_plan',
    targetId: result.plan.id,
    details: { surveyId: survey.id, itemIds: result.itemIds, themes: body.items.map((item) => item.theme), isNewPlan: result.isNewPlan },
    ip,
  });
  return { plan: targetOf(result.plan), isNewPlan: result.isNewPlan, itemIds: result.itemIds };
}
