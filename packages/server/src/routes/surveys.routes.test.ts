import { surveyTemplate, type TPlanContent } from '@calmdesk/shared';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { memberships, notifications, surveyRecipients, surveyResponses, trainingPlans } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Surveys over HTTP on a real database: the builder's 400s name the field, only the training
 * group builds, sending notifies, anonymous answers carry no person, one answer each, reminders
 * reach only those who have not answered, small anonymous cells are hidden in the report and its
 * Excel file, supervisors see their teams only, and findings become items of a draft plan but
 * never of an approved one.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let teamA: string;
let teamB: string;
let trainer: TTestSession;
let supervisorA: TTestSession;
let supervisorAId: string;
let supervisorB: TTestSession;
let outsiderTrainer: TTestSession;
/** Team A: its supervisor, five agents (two of them new hires) and a mentor; team B: its supervisor and one agent. */
const agentsA: { id: string; session: TTestSession }[] = [];
let mentorA: { id: string; session: TTestSession };
let agentB: { id: string; session: TTestSession };

const NEEDS = () => ({ ...surveyTemplate('needs', 'zh-CN'), kind: 'needs' as const, period: '2026-Q4', isAnonymous: true });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function person(roles: ('agent' | 'mentor' | 'supervisor' | 'trainer')[], teamIds: string[], hireDate: string | null) {
  const user = await buildUser(db, organisationId, { roles, teamIds });
  if (hireDate) await db.update(memberships).set({ hireDate }).where(eq(memberships.userId, user.id));
  return { id: user.id, session: await signIn(app, user.login) };
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  teamA = await buildTeam(db, organisationId, '售后组');
  teamB = await buildTeam(db, organisationId, '售前组');
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  const supervisorUser = await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamA] });
  supervisorAId = supervisorUser.id;
  supervisorA = await signIn(app, supervisorUser.login);
  supervisorB = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamB] })).login);
  outsiderTrainer = await signIn(app, (await buildUser(db, await buildOrganisation(db), { roles: ['trainer'] })).login);
  for (const hire of [daysAgo(20), daysAgo(40), daysAgo(200), daysAgo(250), daysAgo(300)]) agentsA.push(await person(['agent'], [teamA], hire));
  mentorA = await person(['mentor', 'agent'], [teamA], daysAgo(900));
  agentB = await person(['agent'], [teamB], null);
});

afterAll(async () => {
  await app.close();
  await drop();
});

const create = (session: TTestSession, payload: unknown) => app.inject({ method: 'POST', url: '/api/ops/surveys', headers: session.headers, payload: payload as object });
const send = (id: string, payload: unknown) => app.inject({ method: 'POST', url: `/api/ops/surveys/${id}/send`, headers: trainer.headers, payload: payload as object });
const answer = (session: TTestSession, id: string, answers: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/ops/my/surveys/${id}/responses`, headers: session.headers, payload: { answers } });
const report = (session: TTestSession, id: string) => app.inject({ method: 'GET', url: `/api/ops/surveys/${id}/report`, headers: session.headers });

/** A full needs answer; the weak point and confidence vary per person. */
function needsAnswers(weak: string[], confidence: number) {
  return { stressors: ['顾客辱骂或无理指责'], stress_level: 4, weak_points: weak, confidence, complaint_cause: '物流延误或丢件', past_satisfaction: 4, past_usefulness: 3, formats: ['情景模拟与角色扮演'] };
}

describe('building a survey', () => {
  it.each([
    { whenInputIs: { ...NEEDS(), questions: [{ id: 'q1', type: 'single', prompt: '选一个', options: ['只有一个'] }] }, expectedOutputIs: 'body.questions.0.options' },
    { whenInputIs: { ...NEEDS(), period: null }, expectedOutputIs: 'body.period' },
    { whenInputIs: { ...NEEDS(), period: '2026-Q5' }, expectedOutputIs: 'body.period' },
    { whenInputIs: { ...NEEDS(), title: '  ' }, expectedOutputIs: 'body.title' },
    { whenInputIs: { ...NEEDS(), questions: [] }, expectedOutputIs: 'body.questions' },
    { whenInputIs: { ...NEEDS(), questions: [{ id: 'a', type: 'text', prompt: '说说' }, { id: 'a', type: 'likert', prompt: '打分' }] }, expectedOutputIs: 'body.questions.1.id' },
    { whenInputIs: { ...NEEDS(), questions: [{ id: 'a', type: 'likert', prompt: '打分', options: ['多余'] }] }, expectedOutputIs: 'body.questions.0.options' },
    { whenInputIs: { ...NEEDS(), kind: 'reaction' }, expectedOutputIs: 'body.kind' },
  ])('refuses a survey with a problem at $expectedOutputIs with a 400 naming it', async ({ whenInputIs, expectedOutputIs }) => {
    const response = await create(trainer, whenInputIs);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.issues.map((i: { path: string }) => i.path)).toContain(expectedOutputIs);
  });

  it('does not let an agent or a supervisor create one', async () => {
    expect((await create(agentsA[0]!.session, NEEDS())).statusCode).toBe(403);
    expect((await create(supervisorA, NEEDS())).statusCode).toBe(403);
  });

  it('saves a draft from the template, changes it, and deletes a draft; a sent survey keeps its questions', async () => {
    const created = await create(trainer, NEEDS());
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', kind: 'needs', period: '2026-Q4', isAnonymous: true, questionCount: 11, recipients: 0 });
    const reordered = [...draft.questions].reverse();
    const changed = await app.inject({ method: 'PUT', url: `/api/ops/surveys/${draft.id}`, headers: trainer.headers, payload: { ...NEEDS(), title: '2026 Q4 需求调研', questions: reordered } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().questions[0].id).toBe('suggestions');
    expect(changed.json().title).toBe('2026 Q4 需求调研');

    expect((await send(draft.id, { teamIds: [teamB] })).statusCode).toBe(200);
    const late = await app.inject({ method: 'PUT', url: `/api/ops/surveys/${draft.id}`, headers: trainer.headers, payload: NEEDS() });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('draft');
    expect((await app.inject({ method: 'DELETE', url: `/api/ops/surveys/${draft.id}`, headers: trainer.headers })).statusCode).toBe(409);

    const other = (await create(trainer, NEEDS())).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/ops/surveys/${other.id}`, headers: trainer.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/ops/surveys/${other.id}`, headers: trainer.headers })).statusCode).toBe(404);
  });

  it("hides one organisation's surveys from another", async () => {
    const draft = (await create(trainer, NEEDS())).json();
    expect((await app.inject({ method: 'GET', url: `/api/ops/surveys/${draft.id}`, headers: outsiderTrainer.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/ops/surveys', headers: outsiderTrainer.headers })).json().surveys).toEqual([]);
  });
});

describe('sending, answering, reminding and the report', () => {
  let surveyId: string;

  beforeAll(async () => {
    surveyId = (await create(trainer, { ...NEEDS(), title: '第四季度需求调研' })).json().id;
  });

  it('refuses to send to nobody or to a past date', async () => {
    const nobody = await send(surveyId, { teamIds: [], userIds: [] });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.issues[0].path).toBe('body.teamIds');
    const past = await send(surveyId, { teamIds: [teamA], dueDate: '2020-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.issues[0].path).toBe('body.dueDate');
  });

  it('sends to a team: it opens, and every member gets a notice linking to the form', async () => {
    const response = await send(surveyId, { teamIds: [teamA], dueDate: daysAgo(-10) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().invited).toBe(7);
    expect(response.json().survey).toMatchObject({ status: 'open', recipients: 7, responded: 0, dueDate: daysAgo(-10) });
    const notices = await db.select().from(notifications).where(eq(notifications.link, `/my/surveys/${surveyId}`));
    expect(notices.map((n) => n.userId).sort()).toEqual([...agentsA.map((a) => a.id), mentorA.id, supervisorAId].sort());
    expect(notices.every((n) => n.kind === 'survey_invite')).toBe(true);
    // Sending again asks nobody twice.
    expect((await send(surveyId, { teamIds: [teamA] })).json().invited).toBe(0);
  });

  it('shows the survey in my list, and only to the people asked', async () => {
    const mine = await app.inject({ method: 'GET', url: '/api/ops/my/surveys', headers: agentsA[0]!.session.headers });
    expect(mine.json().surveys).toContainEqual(expect.objectContaining({ id: surveyId, status: 'open', respondedAt: null, isAnonymous: true }));
    expect((await app.inject({ method: 'GET', url: `/api/ops/my/surveys/${surveyId}`, headers: agentB.session.headers })).statusCode).toBe(404);
    expect((await answer(agentB.session, surveyId, needsAnswers(['判断什么时候该请主管介入'], 3))).statusCode).toBe(404);
  });

  it('checks required questions and options, naming each answer', async () => {
    const response = await answer(agentsA[0]!.session, surveyId, { ...needsAnswers(['不存在的选项'], 3), confidence: '很有把握', stress_level: undefined });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.answers.confidence', 'body.answers.stress_level', 'body.answers.weak_points']);
  });

  it('stores an anonymous answer without the person, with level, tenure and team; a second answer is 409', async () => {
    const first = await answer(agentsA[0]!.session, surveyId, { ...needsAnswers(['被骂之后让自己尽快平静下来'], 2), complaint_story: '顾客说第三次联系了还没解决' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().isAnonymous).toBe(true);
    const rows = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, level: 'agent', tenureMonths: 0, teamId: teamA });
    // Only the day is kept, so the moment in survey_recipients does not point at this row.
    expect(rows[0]!.submittedAt.getTime() % 86_400_000).toBe(16 * 60 * 60_000);

    const again = await answer(agentsA[0]!.session, surveyId, needsAnswers(['被骂之后让自己尽快平静下来'], 3));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('already');
    const mine = await app.inject({ method: 'GET', url: '/api/ops/my/surveys', headers: agentsA[0]!.session.headers });
    expect(mine.json().surveys.find((s: { id: string }) => s.id === surveyId).respondedAt).not.toBeNull();
  });

  it('reminds only those who have not answered', async () => {
    await answer(agentsA[1]!.session, surveyId, needsAnswers(['被骂之后让自己尽快平静下来', '先安抚情绪，再处理问题'], 3));
    const response = await app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/remind`, headers: trainer.headers });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().reminded).toBe(5);
    const reminders = await db.select().from(notifications).where(and(eq(notifications.kind, 'survey_reminder'), eq(notifications.link, `/my/surveys/${surveyId}`)));
    expect(reminders.map((n) => n.userId).sort()).toEqual([agentsA[2]!.id, agentsA[3]!.id, agentsA[4]!.id, mentorA.id, supervisorAId].sort());
    const recipients = await db.select().from(surveyRecipients).where(eq(surveyRecipients.surveyId, surveyId));
    for (const r of recipients) expect(r.remindedAt === null).toBe(r.respondedAt !== null);
    expect((await app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/remind`, headers: agentsA[2]!.session.headers })).statusCode).toBe(403);
  });

  it('shows nothing while fewer than 3 have answered an anonymous survey', async () => {
    const response = await report(trainer, surveyId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ isHidden: true, responses: 2, recipients: 7, responseRate: 0.286 });
    expect(response.json().questions.every((q: { overall: unknown }) => q.overall === null)).toBe(true);
  });

  it('breaks the answers down, hiding a level with fewer than 3 answers and saying why', async () => {
    await answer(agentsA[2]!.session, surveyId, needsAnswers(['被骂之后让自己尽快平静下来'], 3));
    await answer(agentsA[3]!.session, surveyId, needsAnswers(['从文字里读出顾客的真实情绪'], 4));
    await answer(mentorA.session, surveyId, needsAnswers(['判断什么时候该请主管介入'], 5));
    const body = (await report(trainer, surveyId)).json();
    expect(body).toMatchObject({ isHidden: false, responses: 5, scope: 'all', minCell: 3 });
    expect(body.levels).toEqual([
      { key: 'agent', responses: 4 },
      { key: 'mentor', responses: null },
    ]);
    const confidence = body.questions.find((q: { id: string }) => q.id === 'confidence');
    expect(confidence.overall).toMatchObject({ kind: 'likert', answered: 5, average: 3.4, counts: [0, 1, 2, 1, 1] });
    // The mentor is alone in their level; the agents' cell would give the mentor away by subtraction.
    expect(confidence.byLevel.map((c: { key: string; hiddenReason: string | null }) => [c.key, c.hiddenReason])).toEqual([
      ['agent', 'complement'],
      ['mentor', 'too_few'],
    ]);
    expect(confidence.byLevel.every((c: { stats: unknown; answered: unknown }) => c.stats === null && c.answered === null)).toBe(true);
    // Two new hires (under 3 months), three at 6–10 months… and the mentor, hired long ago.
    expect(body.tenures.map((t: { key: string }) => t.key)).toEqual(['lt3m', '3to12m', '1to3y']);
    const weak = body.questions.find((q: { id: string }) => q.id === 'weak_points');
    expect(body.findings.filter((f: { questionId: string }) => f.questionId === 'weak_points')).toEqual([expect.objectContaining({ option: '被骂之后让自己尽快平静下来', count: 3, share: 0.6 })]);
    expect(weak.overall.counts.find((c: { option: string }) => c.option === '被骂之后让自己尽快平静下来').count).toBe(3);
    // The single open answer would be that person's words: hidden.
    expect(body.questions.find((q: { id: string }) => q.id === 'complaint_story').overall).toBeNull();
  });

  it('lets a supervisor read the report of their team, and hides the survey from another team’s supervisor', async () => {
    const mine = await report(supervisorA, surveyId);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ scope: 'teams', responses: 5, recipients: 7 });
    expect((await report(supervisorB, surveyId)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/ops/surveys', headers: supervisorB.headers })).json().surveys.map((s: { id: string }) => s.id)).not.toContain(surveyId);
    expect((await report(agentsA[0]!.session, surveyId)).statusCode).toBe(403);
  });

  it('exports the report to Excel with hidden cells marked', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/ops/surveys/${surveyId}/report.xlsx`, headers: trainer.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['概览 Overview', '题目统计 Questions', '按岗位 By level', '按司龄 By tenure', '开放回答 Open answers', '发现 Findings']);
    const byLevel = workbook.getWorksheet('按岗位 By level')!;
    const cells: unknown[] = [];
    byLevel.eachRow((row, number) => {
      if (number > 1) cells.push(row.getCell(3).value, row.getCell(4).value);
    });
    // Every agent and mentor cell is hidden (too few, or its complement): no figure at all.
    expect(cells).toContain('不足 3 人，已隐藏 hidden: fewer than 3');
    expect(cells).toContain('已隐藏，防止推算 hidden: would reveal a small group');
    expect(cells.filter((value) => typeof value === 'number' && value > 0)).toEqual([]);
    const findings: unknown[] = [];
    workbook.getWorksheet('发现 Findings')!.eachRow((row) => findings.push(row.getCell(2).value));
    expect(findings).toContain('被骂之后让自己尽快平静下来');
  });

  it('closes: no more answers, no reminders', async () => {
    const closed = await app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/close`, headers: trainer.headers });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    const late = await answer(agentsA[4]!.session, surveyId, needsAnswers(['先安抚情绪，再处理问题'], 3));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('closed');
    expect((await app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/remind`, headers: trainer.headers })).statusCode).toBe(409);
  });

  describe('turning findings into plan items', () => {
    const EMPTY: TPlanContent = { goals: [], methods: '', items: [], budget: null };
    const addItems = (payload: unknown) => app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/plan-items`, headers: trainer.headers, payload: payload as object });
    async function plan(status: string, year = 2027) {
      const [row] = await db.insert(trainingPlans).values({ organisationId, year, title: `${year} 年度培训计划 (${status})`, status, content: EMPTY }).returning();
      return row!;
    }

    it('refuses an approved or submitted plan with a 409 saying why', async () => {
      const approved = await plan('approved');
      const refused = await addItems({ planId: approved.id, items: [{ theme: '被骂后如何快速平静', date: '2027-01-12' }] });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('approved');
      const submitted = await plan('submitted');
      const waiting = await addItems({ planId: submitted.id, items: [{ theme: '被骂后如何快速平静', date: '2027-01-12' }] });
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json().error.message).toContain('submitted');
      const unchanged = await db.select().from(trainingPlans).where(eq(trainingPlans.id, approved.id));
      expect((unchanged[0]!.content as TPlanContent).items).toEqual([]);
    });

    it('appends classroom items linked to the survey to a draft plan, and lists it as a target', async () => {
      const draft = await plan('draft');
      const targets = await app.inject({ method: 'GET', url: '/api/ops/surveys/plan-targets', headers: trainer.headers });
      expect(targets.json().plans.map((p: { id: string }) => p.id)).toContain(draft.id);
      const added = await addItems({ planId: draft.id, items: [{ theme: '情绪管理专题：被骂之后让自己尽快平静下来', date: '2027-01-12' }, { theme: '共情表达练习', kind: 'roleplay_day', date: '2027-02-09' }] });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json()).toMatchObject({ isNewPlan: false, plan: { id: draft.id, itemCount: 2 } });
      const stored = (await db.select().from(trainingPlans).where(eq(trainingPlans.id, draft.id)))[0]!.content as TPlanContent;
      expect(stored.items).toMatchObject([
        { theme: '情绪管理专题：被骂之后让自己尽快平静下来', kind: 'classroom', date: '2027-01-12', sourceSurveyId: surveyId, startTime: '14:00', durationMinutes: 120 },
        { theme: '共情表达练习', kind: 'roleplay_day', sourceSurveyId: surveyId },
      ]);
    });

    it('refuses a date outside the plan’s year, naming the item', async () => {
      const draft = await plan('returned', 2028);
      const response = await addItems({ planId: draft.id, items: [{ theme: '共情表达练习', date: '2028-03-01' }, { theme: '投诉处理复盘', date: '2027-12-01' }] });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.issues).toEqual([{ path: 'body.items.1.date', message: "2027-12-01 is outside the plan's year 2028" }]);
    });

    it('makes a new draft plan for the year when it has none', async () => {
      const response = await addItems({ year: 2031, items: [{ theme: '投诉处理复盘：物流延误', date: '2031-04-08' }] });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ isNewPlan: true, plan: { year: 2031, status: 'draft', itemCount: 1, title: '2031 年度培训计划' } });
      const again = await addItems({ year: 2031, items: [{ theme: '压力应对', date: '2031-05-08' }] });
      expect(again.json()).toMatchObject({ isNewPlan: false, plan: { id: response.json().plan.id, itemCount: 2 } });
    });

    it('is for the training group only', async () => {
      expect((await app.inject({ method: 'POST', url: `/api/ops/surveys/${surveyId}/plan-items`, headers: supervisorA.headers, payload: { items: [{ theme: 'x' }] } })).statusCode).toBe(403);
    });
  });
});

describe('a named survey', () => {
  it('keeps who answered and shows names beside open answers', async () => {
    const questions = [
      { id: 'score', type: 'likert', prompt: '本月带教对我有帮助', isRequired: true },
      { id: 'note', type: 'text', prompt: '想对导师说的话', isRequired: false },
    ];
    const survey = (await create(trainer, { kind: 'general', title: '带教满意度', isAnonymous: false, questions })).json();
    expect(survey.period).toBeNull();
    await send(survey.id, { userIds: [agentsA[4]!.id] });
    expect((await answer(agentsA[4]!.session, survey.id, { score: 5, note: '谢谢王老师' })).statusCode).toBe(201);
    const rows = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, survey.id));
    expect(rows[0]!.userId).toBe(agentsA[4]!.id);
    const body = (await report(trainer, survey.id)).json();
    expect(body.isHidden).toBe(false);
    expect(body.questions[1].overall.texts).toEqual([{ text: '谢谢王老师', by: expect.any(String) }]);
    expect(body.questions[0].byLevel).toEqual([{ key: 'agent', answered: 1, hiddenReason: null, stats: expect.objectContaining({ average: 5 }) }]);
  });
});
