import { SIGN_IN_CODE_ALPHABET } from '@calmdesk/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { examAttempts, exams, makeUpTasks, notifications, personRecords, surveys, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Sessions on a real database: scheduling (supervisors: drills for their own teams), the sign-in
 * code and its window, manual correction, closing (absence -> warning, make-up task, notices,
 * reaction questionnaire), make-up tasks done by attending the make-up session or passing the
 * exam, attendance visibility (a supervisor sees only their teams) and everyone's own sessions.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let preSales: string;
let afterSales: string;
const ids: Record<string, string> = {};
const as: Record<string, TTestSession> = {};

const MINUTE = 60_000;
const at = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * MINUTE).toISOString();

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  preSales = await buildTeam(db, organisationId, '售前咨询组');
  afterSales = await buildTeam(db, organisationId, '售后服务组');
  const people: [string, Parameters<typeof buildUser>[2]][] = [
    ['trainer', { roles: ['trainer'] }],
    ['leader', { roles: ['leader'] }],
    ['deputy', { roles: ['deputy'] }],
    ['supervisorPre', { roles: ['supervisor'], teamIds: [preSales] }],
    ['supervisorAfter', { roles: ['supervisor'], teamIds: [afterSales] }],
    ['agentPre1', { teamIds: [preSales] }],
    ['agentPre2', { teamIds: [preSales] }],
    ['agentPre3', { teamIds: [preSales] }],
    ['agentAfter', { teamIds: [afterSales] }],
  ];
  for (const [name, options] of people) {
    const user = await buildUser(db, organisationId, { displayName: name, ...options });
    ids[name] = user.id;
    as[name] = await signIn(app, user.login);
  }
});

afterAll(async () => {
  await app.close();
  await drop();
});

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => app.inject({ method, url, headers: as[who]!.headers, ...(payload ? { payload } : {}) });
const session = (overrides: Record<string, unknown> = {}) => ({ title: '投诉安抚话术专题课', kind: 'classroom', startsAt: at(-5), endsAt: at(55), location: '三楼培训室', ...overrides });
const noticesOf = async (name: string) => db.select().from(notifications).where(eq(notifications.userId, ids[name]!));

describe('scheduling', () => {
  it('lets a trainer schedule a session and enrol a team; the people are told', async () => {
    const created = await call('trainer', 'POST', '/api/ops/sessions', session({ teamIds: [preSales], userIds: [ids.agentAfter] }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ enrolledCount: 5, canManage: true, signIn: null, status: 'scheduled' });
    expect((await noticesOf('agentAfter')).map((n) => n.kind)).toContain('session_enrolled');
  });

  it('lets a supervisor schedule drills for their own team only', async () => {
    expect((await call('supervisorPre', 'POST', '/api/ops/sessions', session({ teamIds: [preSales] }))).statusCode).toBe(403);
    expect((await call('supervisorPre', 'POST', '/api/ops/sessions', session({ kind: 'drill', teamIds: [afterSales] }))).statusCode).toBe(403);
    expect((await call('supervisorPre', 'POST', '/api/ops/sessions', session({ kind: 'drill', userIds: [ids.agentAfter] }))).statusCode).toBe(403);
    const drill = await call('supervisorPre', 'POST', '/api/ops/sessions', session({ kind: 'drill', title: '差评回访演练', teamIds: [preSales] }));
    expect(drill.statusCode).toBe(201);
    expect(drill.json().canManage).toBe(true);
    // Another supervisor reads it but does not run it.
    const seen = await call('supervisorAfter', 'GET', `/api/ops/sessions/${drill.json().id}`);
    expect(seen.json()).toMatchObject({ canManage: false, enrolments: [], hiddenEnrolmentCount: 4 });
    expect((await call('supervisorAfter', 'POST', `/api/ops/sessions/${drill.json().id}/sign-in-code`)).statusCode).toBe(403);
  });

  it('refuses a session that ends before it starts, naming the field', async () => {
    const response = await call('trainer', 'POST', '/api/ops/sessions', session({ endsAt: at(-10) }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('body.endsAt');
  });

  it('lists the calendar for managers and not for agents', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const list = await call('deputy', 'GET', `/api/ops/sessions?from=${today}&to=${today}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().sessions.map((s: { title: string }) => s.title)).toContain('投诉安抚话术专题课');
    expect((await call('agentPre1', 'GET', `/api/ops/sessions?from=${today}&to=${today}`)).statusCode).toBe(403);
  });
});

describe('sign-in', () => {
  let sessionId: string;
  let code: string;

  beforeAll(async () => {
    sessionId = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '情绪 ABC 模型', teamIds: [preSales] }))).json().id;
  });

  it('starts sign-in with a six-character code from the unambiguous alphabet, the same on a second start', async () => {
    const started = await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/sign-in-code`);
    expect(started.statusCode).toBe(200);
    code = started.json().code;
    expect(code).toMatch(new RegExp(`^[${SIGN_IN_CODE_ALPHABET}]{6}$`));
    expect(started.json()).toMatchObject({ isOpen: true, path: `/my/sign-in?session=${sessionId}&code=${code}` });
    expect((await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/sign-in-code`)).json().code).toBe(code);
    expect((await call('trainer', 'GET', `/api/ops/sessions/${sessionId}`)).json().signIn.code).toBe(code);
  });

  it('refuses a wrong code with 400 签到码不正确', async () => {
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    const response = await call('agentPre1', 'POST', `/api/ops/sessions/${sessionId}/sign-in`, { code: wrong });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('签到码不正确');
  });

  it('signs an enrolled agent in with the code typed in lower case; again changes nothing', async () => {
    const response = await call('agentPre1', 'POST', `/api/ops/sessions/${sessionId}/sign-in`, { code: ` ${code.toLowerCase()} ` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ attendance: 'present', wasAlreadySignedIn: false });
    const again = await call('agentPre1', 'POST', `/api/ops/sessions/${sessionId}/sign-in`, { code, method: 'qr' });
    expect(again.json()).toMatchObject({ attendance: 'present', wasAlreadySignedIn: true });
  });

  it('tells someone not enrolled that they are not on the list', async () => {
    const response = await call('agentAfter', 'POST', `/api/ops/sessions/${sessionId}/sign-in`, { code });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('报名名单');
  });

  it('refuses a sign-in before the window opens, saying when it opens', async () => {
    const later = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '两小时后的课', startsAt: at(120), endsAt: at(180), teamIds: [preSales] }))).json();
    const started = (await call('trainer', 'POST', `/api/ops/sessions/${later.id}/sign-in-code`)).json();
    expect(started.isOpen).toBe(false);
    const response = await call('agentPre1', 'POST', `/api/ops/sessions/${later.id}/sign-in`, { code: started.code });
    expect(response.statusCode).toBe(409);
    const opensAt = response.json().error.issues.find((i: { path: string }) => i.path === 'opensAt').message;
    expect(Math.abs(Date.parse(opensAt) - (Date.now() + 90 * MINUTE))).toBeLessThan(2 * MINUTE);
    expect(response.json().error.message).toContain('签到尚未开始');
  });

  it('refuses a sign-in after the end, and counts a sign-in 20 minutes after the start as late', async () => {
    const ended = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '已结束的课', startsAt: at(-120), endsAt: at(-1), teamIds: [preSales] }))).json();
    await db.update(trainingSessions).set({ signInCode: 'K7P2QX' }).where(eq(trainingSessions.id, ended.id));
    const closed = await call('agentPre1', 'POST', `/api/ops/sessions/${ended.id}/sign-in`, { code: 'K7P2QX' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('签到已截止');
    expect((await call('trainer', 'POST', `/api/ops/sessions/${ended.id}/sign-in-code`)).statusCode).toBe(409);

    const running = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '开课 20 分钟的课', startsAt: at(-20), endsAt: at(40), teamIds: [preSales] }))).json();
    const { code: lateCode } = (await call('trainer', 'POST', `/api/ops/sessions/${running.id}/sign-in-code`)).json();
    expect((await call('agentPre2', 'POST', `/api/ops/sessions/${running.id}/sign-in`, { code: lateCode })).json().attendance).toBe('late');
  });

  it('signs in with the typed code alone to the one of two running sessions it belongs to', async () => {
    const other = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '同时进行的另一场', teamIds: [preSales] }))).json();
    await call('trainer', 'POST', `/api/ops/sessions/${other.id}/sign-in-code`);
    expect((await call('agentPre2', 'POST', '/api/ops/my/sign-in', { code: 'ZZZZZZ' })).json().error.message).toBe('签到码不正确');
    const response = await call('agentPre2', 'POST', '/api/ops/my/sign-in', { code });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ sessionId, title: '情绪 ABC 模型', attendance: 'present' });
    expect((await call('agentAfter', 'POST', '/api/ops/my/sign-in', { code })).statusCode).toBe(403);
  });

  it('answers 404 for a session of another organisation', async () => {
    const outsider = await signIn(app, (await buildUser(db, await buildOrganisation(db))).login);
    expect((await app.inject({ method: 'POST', url: `/api/ops/sessions/${sessionId}/sign-in`, headers: outsider.headers, payload: { code } })).statusCode).toBe(404);
  });
});

describe('closing a session', () => {
  let sessionId: string;
  let result: Record<string, unknown> & { session: { enrolments: { user: { id: string }; attendance: string }[] } };

  beforeAll(async () => {
    // agentPre1 signs in, agentPre2 is excused, agentPre3 and the supervisor do not come.
    sessionId = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '先处理心情，再处理事情', teamIds: [preSales] }))).json().id;
    const { code } = (await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/sign-in-code`)).json();
    await call('agentPre1', 'POST', `/api/ops/sessions/${sessionId}/sign-in`, { code });
    const excused = await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/attendance`, { marks: [{ userId: ids.agentPre2, attendance: 'excused', reason: '病假（已提交假条）' }] });
    expect(excused.statusCode).toBe(200);
    const closed = await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/close`, {});
    expect(closed.statusCode).toBe(200);
    result = closed.json();
  });

  it('asks for a reason for an excused absence', async () => {
    const response = await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/attendance`, { marks: [{ userId: ids.agentPre2, attendance: 'excused' }] });
    expect(response.statusCode).toBe(400);
  });

  it('marks everyone still only enrolled absent', () => {
    const byUser = Object.fromEntries(result.session.enrolments.map((e) => [e.user.id, e.attendance]));
    expect(byUser).toEqual({ [ids.agentPre1!]: 'present', [ids.agentPre2!]: 'excused', [ids.agentPre3!]: 'absent', [ids.supervisorPre!]: 'absent' });
    expect(result).toMatchObject({ markedAbsent: 2, warnings: 2, makeUpTasks: 2 });
  });

  it('records a warning and opens a make-up task for each unexcused absence, none for the excused', async () => {
    const records = await db.select().from(personRecords).where(and(eq(personRecords.sourceType, 'absence'), eq(personRecords.sourceId, sessionId)));
    expect(records.filter((r) => r.kind === 'warning').map((r) => r.userId).sort()).toEqual([ids.agentPre3, ids.supervisorPre].sort());
    expect(records[0]!.reason).toContain('先处理心情，再处理事情');
    const tasks = await db.select().from(makeUpTasks).where(eq(makeUpTasks.missedSessionId, sessionId));
    expect(tasks.map((t) => [t.userId, t.kind, t.status]).sort()).toEqual([[ids.agentPre3, 'session', 'open'], [ids.supervisorPre, 'session', 'open']].sort());
  });

  it('tells the absent person and their supervisor', async () => {
    expect((await noticesOf('agentPre3')).map((n) => n.kind)).toContain('absence_warning');
    const supervisorNotice = (await noticesOf('supervisorPre')).find((n) => n.kind === 'absence_team');
    expect((supervisorNotice?.title as { zh: string }).zh).toContain('agentPre3');
    expect((await noticesOf('supervisorAfter')).map((n) => n.kind)).not.toContain('absence_team');
  });

  it('sends the reaction questionnaire to those who came', async () => {
    const survey = (await db.select().from(surveys).where(eq(surveys.sessionId, sessionId)))[0];
    expect(survey?.kind).toBe('reaction');
    expect(result.reactionSurveyId).toBe(survey!.id);
  });

  it('closes once; a correction to excused afterwards waives the make-up and removes the warning', async () => {
    expect((await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/close`, {})).statusCode).toBe(409);
    await call('trainer', 'POST', `/api/ops/sessions/${sessionId}/attendance`, { marks: [{ userId: ids.supervisorPre, attendance: 'excused', reason: '临时顶班处理 12315 投诉' }] });
    const task = (await db.select().from(makeUpTasks).where(and(eq(makeUpTasks.missedSessionId, sessionId), eq(makeUpTasks.userId, ids.supervisorPre!))))[0];
    expect(task?.status).toBe('waived');
    expect(await db.select().from(personRecords).where(and(eq(personRecords.sourceId, sessionId), eq(personRecords.userId, ids.supervisorPre!)))).toEqual([]);
  });

  it('marks the make-up done when the person attends the make-up session', async () => {
    const makeUp = await call('trainer', 'POST', '/api/ops/sessions', session({ title: '补课：先处理心情，再处理事情', makeUpForSessionId: sessionId }));
    expect(makeUp.statusCode).toBe(201);
    expect(makeUp.json().enrolments.map((e: { user: { id: string } }) => e.user.id)).toEqual([ids.agentPre3]);
    expect(makeUp.json().makeUpFor).toEqual({ id: sessionId, title: '先处理心情，再处理事情' });
    const mine = (await call('agentPre3', 'GET', '/api/ops/my/sessions')).json();
    expect(mine.makeUps[0]).toMatchObject({ status: 'open', makeUpSession: { id: makeUp.json().id } });
    const { code } = (await call('trainer', 'POST', `/api/ops/sessions/${makeUp.json().id}/sign-in-code`)).json();
    await call('agentPre3', 'POST', `/api/ops/sessions/${makeUp.json().id}/sign-in`, { code });
    expect((await call('agentPre3', 'GET', '/api/ops/my/sessions')).json().makeUps[0].status).toBe('done');
  });

  it('marks an exam make-up done once the exam is passed after the absence', async () => {
    const missed = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '话术规范考前辅导', userIds: [ids.agentAfter] }))).json();
    const [exam] = await db.insert(exams).values({ organisationId, title: { zh: '话术规范补考', en: 'Phrasing make-up exam' }, tags: ['话术'], questionCount: 5, timeLimitMinutes: 20, passMark: 60, maxAttempts: 2 }).returning();
    const closed = await call('trainer', 'POST', `/api/ops/sessions/${missed.id}/close`, { makeUp: { kind: 'exam', examId: exam!.id }, dueDate: '2027-01-31' });
    expect(closed.json().makeUpTasks).toBe(1);
    expect(closed.json().reactionSurveyId).toBeNull();
    const open = (await call('agentAfter', 'GET', '/api/ops/my/sessions')).json().makeUps[0];
    expect(open).toMatchObject({ status: 'open', kind: 'exam', exam: { id: exam!.id }, dueDate: '2027-01-31' });
    await db.insert(examAttempts).values({ organisationId, examId: exam!.id, userId: ids.agentAfter!, attemptNumber: 1, paper: [], status: 'submitted', deadlineAt: new Date(), submittedAt: new Date(), finalScore: 80, isPassed: true });
    expect((await call('agentAfter', 'GET', '/api/ops/my/sessions')).json().makeUps[0].status).toBe('done');
  });

  it('lets only trainers waive a make-up task, with a reason', async () => {
    const missed = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '情绪日记分享会', userIds: [ids.agentPre2] }))).json();
    await call('trainer', 'POST', `/api/ops/sessions/${missed.id}/close`, {});
    const task = (await db.select().from(makeUpTasks).where(eq(makeUpTasks.missedSessionId, missed.id)))[0]!;
    expect((await call('supervisorPre', 'POST', `/api/ops/make-ups/${task.id}/waive`, { reason: '不用补' })).statusCode).toBe(403);
    expect((await call('trainer', 'POST', `/api/ops/make-ups/${task.id}/waive`, { reason: '' })).statusCode).toBe(400);
    const waived = await call('trainer', 'POST', `/api/ops/make-ups/${task.id}/waive`, { reason: '已参加外部同主题培训' });
    expect(waived.json()).toMatchObject({ status: 'waived', waiveReason: '已参加外部同主题培训' });
    expect((await call('trainer', 'POST', `/api/ops/make-ups/${task.id}/waive`, { reason: '再免一次' })).statusCode).toBe(409);
  });

  it('escalates a second unexcused absence in 90 days to the deputy, recorded as discipline', async () => {
    const second = (await call('trainer', 'POST', '/api/ops/sessions', session({ title: '压力自测解读', userIds: [ids.agentPre3] }))).json();
    await call('trainer', 'POST', `/api/ops/sessions/${second.id}/close`, {});
    const discipline = await db.select().from(personRecords).where(and(eq(personRecords.userId, ids.agentPre3!), eq(personRecords.kind, 'discipline')));
    expect(discipline).toHaveLength(1);
    expect((await noticesOf('deputy')).map((n) => n.kind)).toContain('repeated_absence');
  });
});

describe('who sees which attendance', () => {
  it('shows a supervisor only their teams, the training group everyone', async () => {
    const mine = (await call('supervisorPre', 'GET', '/api/ops/attendance')).json();
    expect(mine.scope).toBe('my_teams');
    expect(mine.teams.map((t: { name: string }) => t.name)).toEqual(['售前咨询组']);
    expect(mine.people.map((p: { user: { id: string } }) => p.user.id)).not.toContain(ids.agentAfter);
    expect(mine.openMakeUps.every((t: { user: { id: string } }) => t.user.id !== ids.agentAfter)).toBe(true);
    expect(mine.repeatedAbsences.map((r: { user: { id: string }; count: number }) => [r.user.id, r.count])).toEqual([[ids.agentPre3, 2]]);

    const theirs = (await call('supervisorAfter', 'GET', '/api/ops/attendance')).json();
    expect(theirs.people.map((p: { user: { id: string } }) => p.user.id)).toEqual([ids.agentAfter]);
    expect(theirs.repeatedAbsences).toEqual([]);

    const everyone = (await call('deputy', 'GET', '/api/ops/attendance')).json();
    expect(everyone.scope).toBe('organisation');
    expect(everyone.teams.map((t: { name: string }) => t.name).sort()).toEqual(['售前咨询组', '售后服务组']);
    const pre3 = everyone.people.find((p: { user: { id: string } }) => p.user.id === ids.agentPre3);
    expect(pre3).toMatchObject({ absent: 2, present: 1, rate: 0.333 });
  });

  it('lists make-up tasks to supervisors for their teams only', async () => {
    const tasks = (await call('supervisorAfter', 'GET', '/api/ops/make-ups?status=all')).json().tasks;
    expect(tasks.map((t: { user: { id: string } }) => t.user.id)).toEqual([ids.agentAfter]);
  });

  it('refuses agents the attendance and make-up pages, and shows them only their own sessions and tasks', async () => {
    expect((await call('agentPre3', 'GET', '/api/ops/attendance')).statusCode).toBe(403);
    expect((await call('agentPre3', 'GET', '/api/ops/make-ups')).statusCode).toBe(403);
    const mine = (await call('agentAfter', 'GET', '/api/ops/my/sessions')).json();
    expect(mine.makeUps.every((t: { user: { id: string } }) => t.user.id === ids.agentAfter)).toBe(true);
    const titles = [...mine.upcoming, ...mine.past].map((s: { title: string }) => s.title);
    expect(titles).toContain('话术规范考前辅导');
    expect(titles).not.toContain('情绪 ABC 模型');
    expect((await call('agentAfter', 'GET', `/api/ops/sessions/${mine.past[0].id}`)).statusCode).toBe(403);
  });
});
