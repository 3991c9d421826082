import { SELFCARE_DELETE_CONFIRMATION, STRESS_QUESTIONNAIRE, type TSelfcareEntry } from '@calmdesk/shared';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { mentorships, qaConversations, qaSources, roleplayAttempts, stressChecks } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * 自我关怀 through the API on a real database: quick diary entries and their validation, ABC
 * worksheets saved unfinished, success cases linked to a real conversation or my own role-play,
 * the stress check with the gentle suggestion, the overview, export (JSON and PDF), delete-all.
 * Privacy across roles lives in selfcare-privacy.test.ts; team aggregates in selfcare-aggregates.test.ts.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let me: TTestSession;
let myId: string;
let colleague: TTestSession;
let colleagueAttemptId: string;
let myAttemptId: string;
let myConversationId: string;
let foreignConversationId: string;

const post = (session: TTestSession, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });
const put = (session: TTestSession, url: string, payload: unknown) => app.inject({ method: 'PUT', url, headers: session.headers, payload: payload as object });
const get = (session: TTestSession, url: string) => app.inject({ method: 'GET', url, headers: session.headers });
const answersAll = (value: number) => Object.fromEntries(STRESS_QUESTIONNAIRE.items.map((item) => [item.id, item.isReversed ? 4 - value : value]));

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  const team = await buildTeam(db, organisationId, '售后一组');
  const user = await buildUser(db, organisationId, { login: 'sc-me', displayName: '周小满', teamIds: [team] });
  myId = user.id;
  me = await signIn(app, user.login);
  colleague = await signIn(app, (await buildUser(db, organisationId, { login: 'sc-colleague', teamIds: [team] })).login);
  const supervisor = await buildUser(db, organisationId, { login: 'sc-sup', displayName: '陈组长', roles: ['supervisor'], teamIds: [team] });
  const mentor = await buildUser(db, organisationId, { login: 'sc-mentor', displayName: '李师傅', roles: ['mentor', 'agent'], teamIds: [team] });
  await buildUser(db, organisationId, { login: 'sc-other-sup', displayName: '别组组长', roles: ['supervisor'], teamIds: [await buildTeam(db, organisationId, '售前组')] });
  await db.insert(mentorships).values({ organisationId, mentorUserId: mentor.id, menteeUserId: myId, startedOn: '2026-01-05', createdBy: supervisor.id });
  const attempt = (userId: string) => ({ organisationId, userId, scenarioId: 'late-delivery', seed: 1, scenario: { title: { zh: '迟迟不发货', en: 'Late delivery' } }, session: {}, outcome: 'resolved', total: 88, scores: {}, startedAt: new Date('2026-03-02T10:00:00+08:00') });
  const colleagueId = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.login, 'sc-colleague') }))!.id;
  [{ id: myAttemptId }, { id: colleagueAttemptId }] = (await db.insert(roleplayAttempts).values([attempt(myId), attempt(colleagueId)]).returning({ id: roleplayAttempts.id })) as [{ id: string }, { id: string }];
  const [source] = await db.insert(qaSources).values({ organisationId, name: '千牛' }).returning();
  const conversation = { organisationId, sourceId: source!.id, externalId: 'QN-20260302-118', shop: '旗舰店', agentUserId: myId, startedAt: new Date('2026-03-02T14:00:00+08:00'), messageCount: 12, score: 91, isDeEscalated: true, hadHighRisk: true, isEscalationMissed: false, flags: [], analysis: {} };
  myConversationId = (await db.insert(qaConversations).values(conversation).returning())[0]!.id;
  const otherOrg = await buildOrganisation(db);
  const [otherSource] = await db.insert(qaSources).values({ organisationId: otherOrg, name: '抖店' }).returning();
  foreignConversationId = (await db.insert(qaConversations).values({ ...conversation, organisationId: otherOrg, sourceId: otherSource!.id, agentUserId: null }).returning())[0]!.id;
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('diary entries', () => {
  it('saves a quick entry with only an emotion, filling the rest with empty defaults', async () => {
    const response = await post(me, '/api/selfcare/entries', { kind: 'diary', body: { emotions: [{ emotion: 'wronged', intensity: 7 }] } });
    expect(response.statusCode).toBe(201);
    const entry = response.json() as TSelfcareEntry;
    expect(entry.kind).toBe('diary');
    expect(entry.body).toEqual({ event: '', emotions: [{ emotion: 'wronged', intensity: 7 }], bodySignals: [], bodySignalsOther: '', thoughts: '', helped: '' });
    expect(Date.now() - new Date(entry.occurredAt).getTime()).toBeLessThan(60_000);
  });

  it('keeps a full entry with body signals, thoughts and what helped, and reads it back', async () => {
    const body = { event: '顾客连发十条消息催发货', emotions: [{ emotion: 'anxious', intensity: 6 }, { emotion: 'irritated', intensity: 4 }], bodySignals: ['chest_tight', 'shoulders_tense'], bodySignalsOther: '手心出汗', thoughts: '是不是我回复太慢了', helped: '做了三次 4-7-8 呼吸' };
    const created = (await post(me, '/api/selfcare/entries', { kind: 'diary', occurredAt: '2026-03-01T09:30:00+08:00', body })).json() as TSelfcareEntry;
    const read = await get(me, `/api/selfcare/entries/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().body).toEqual(body);
    expect(read.json().occurredAt).toBe('2026-03-01T01:30:00.000Z');
  });

  it.each([
    ['no emotion', { emotions: [] }, 'body.body.emotions', 'name at least one emotion'],
    ['an emotion not on the list', { emotions: [{ emotion: 'hangry', intensity: 3 }] }, 'body.body.emotions.0.emotion', 'pick an emotion from the list'],
    ['intensity above 10', { emotions: [{ emotion: 'angry', intensity: 11 }] }, 'body.body.emotions.0.intensity', 'intensity is 0–10'],
    ['the same emotion twice', { emotions: [{ emotion: 'angry', intensity: 3 }, { emotion: 'angry', intensity: 5 }] }, 'body.body.emotions', 'each emotion once'],
    ['an unknown body signal', { emotions: [{ emotion: 'angry', intensity: 3 }], bodySignals: ['tail_wagging'] }, 'body.body.bodySignals.0', 'pick body signals from the list'],
    ['thoughts too long', { emotions: [{ emotion: 'angry', intensity: 3 }], thoughts: '想'.repeat(2001) }, 'body.body.thoughts', 'thoughts is at most 2000 characters'],
  ])('refuses %s with a 400 naming the field', async (_name, body, field, message) => {
    const response = await post(me, '/api/selfcare/entries', { kind: 'diary', body });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toContainEqual({ path: field, message });
  });

  it('refuses an unknown kind and a date in the future', async () => {
    const kind = await post(me, '/api/selfcare/entries', { kind: 'poem', body: {} });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.issues[0]).toMatchObject({ path: 'body.kind', message: 'kind is one of diary, abc, gratitude, success' });
    const future = await post(me, '/api/selfcare/entries', { kind: 'gratitude', occurredAt: new Date(Date.now() + 86_400_000).toISOString(), body: { text: '明天的感谢' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.issues).toEqual([{ path: 'body.occurredAt', message: 'occurredAt cannot be in the future' }]);
  });

  it('updates an entry but not its kind, and deletes it', async () => {
    const created = (await post(me, '/api/selfcare/entries', { kind: 'gratitude', body: { text: '小林帮我顶了十分钟班' } })).json() as TSelfcareEntry;
    const updated = await put(me, `/api/selfcare/entries/${created.id}`, { kind: 'gratitude', body: { text: '小林帮我顶了十分钟班，让我去喝口水' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().body.text).toBe('小林帮我顶了十分钟班，让我去喝口水');
    expect(new Date(updated.json().updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());
    const kindChange = await put(me, `/api/selfcare/entries/${created.id}`, { kind: 'diary', body: { emotions: [{ emotion: 'calm', intensity: 3 }] } });
    expect(kindChange.statusCode).toBe(400);
    expect(kindChange.json().error.message).toBe('this entry is a gratitude entry; its kind cannot change');
    expect((await app.inject({ method: 'DELETE', url: `/api/selfcare/entries/${created.id}`, headers: me.headers })).statusCode).toBe(204);
    expect((await get(me, `/api/selfcare/entries/${created.id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/selfcare/entries/${created.id}`, headers: me.headers })).statusCode).toBe(404);
  });

  it('lists by kind and by China-time day, newest first, with paging', async () => {
    const at = (day: string, time: string) => `${day}T${time}:00+08:00`;
    for (const [day, time] of [['2026-02-10', '00:10'], ['2026-02-11', '23:50'], ['2026-02-12', '12:00']] as const) {
      await post(colleague, '/api/selfcare/entries', { kind: 'diary', occurredAt: at(day, time), body: { emotions: [{ emotion: 'exhausted', intensity: 5 }] } });
    }
    await post(colleague, '/api/selfcare/entries', { kind: 'gratitude', occurredAt: at('2026-02-11', '10:00'), body: { text: '组长请喝奶茶' } });
    const all = (await get(colleague, '/api/selfcare/entries')).json();
    expect(all.total).toBe(4);
    expect(all.entries.map((e: TSelfcareEntry) => e.occurredAt)).toEqual([...all.entries.map((e: TSelfcareEntry) => e.occurredAt)].sort().reverse());
    const diary = (await get(colleague, '/api/selfcare/entries?kind=diary&from=2026-02-10&to=2026-02-11')).json();
    expect(diary.total).toBe(2);
    expect(diary.entries.every((e: TSelfcareEntry) => e.kind === 'diary')).toBe(true);
    const page2 = (await get(colleague, '/api/selfcare/entries?pageSize=3&page=2')).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.entries).toHaveLength(1);
    const backwards = await get(colleague, '/api/selfcare/entries?from=2026-02-12&to=2026-02-10');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.issues[0]).toMatchObject({ path: 'querystring.to', message: 'to is on or after from' });
    expect((await get(colleague, '/api/selfcare/entries?pageSize=500')).statusCode).toBe(400);
  });
});

describe('ABC worksheets', () => {
  it('saves an unfinished worksheet with the step reached, then finishes it', async () => {
    const draft = await post(me, '/api/selfcare/entries', { kind: 'abc', body: { step: 'belief', activatingEvent: '顾客说要去平台投诉我', belief: '我肯定要被扣绩效了' } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json().body).toMatchObject({ step: 'belief', isFinished: false, disputation: '', consequence: { emotions: [], behaviour: '' } });
    const finished = await put(me, `/api/selfcare/entries/${draft.json().id}`, {
      kind: 'abc',
      body: {
        step: 'effect',
        isFinished: true,
        activatingEvent: '顾客说要去平台投诉我',
        belief: '我肯定要被扣绩效了',
        consequence: { emotions: [{ emotion: 'afraid', intensity: 8 }], behaviour: '差点答应做不到的事' },
        disputation: '投诉是顾客的权利，不等于我做错了；高风险本来就该请组长介入',
        newEffect: { emotions: [{ emotion: 'afraid', intensity: 3 }], behaviour: '如实说明进度，请组长加急' },
      },
    });
    expect(finished.statusCode).toBe(200);
    expect(finished.json().body.isFinished).toBe(true);
  });

  it('refuses a worksheet without the event, and a "finished" one with steps missing', async () => {
    const noEvent = await post(me, '/api/selfcare/entries', { kind: 'abc', body: { belief: '没人理解我' } });
    expect(noEvent.statusCode).toBe(400);
    expect(noEvent.json().error.issues[0].path).toBe('body.body.activatingEvent');
    const early = await post(me, '/api/selfcare/entries', { kind: 'abc', body: { step: 'effect', isFinished: true, activatingEvent: '被骂了' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.body.belief', 'body.body.consequence', 'body.body.disputation', 'body.body.newEffect']);
  });
});

describe('success cases', () => {
  it('links my own role-play attempt and stores its title for display', async () => {
    const response = await post(me, '/api/selfcare/entries', { kind: 'success', body: { title: '角色扮演拿到 88 分', whatIDidWell: '先共情再给方案', link: { kind: 'roleplay_attempt', id: myAttemptId } } });
    expect(response.statusCode).toBe(201);
    expect(response.json().body.link).toEqual({ kind: 'roleplay_attempt', id: myAttemptId, title: { zh: '角色扮演：迟迟不发货（2026-03-02）', en: 'Role-play: Late delivery (2026-03-02)' } });
  });

  it('links a real conversation I handled', async () => {
    const response = await post(me, '/api/selfcare/entries', { kind: 'success', body: { title: '把要投诉的顾客安抚下来了', whatHappened: '顾客一开始要投诉', link: { kind: 'qa_conversation', id: myConversationId } } });
    expect(response.statusCode).toBe(201);
    expect(response.json().body.link.title.zh).toBe('真实对话 QN-20260302-118 · 旗舰店，2026-03-02');
  });

  it("refuses a colleague's role-play attempt, a conversation I did not handle and another organisation's conversation", async () => {
    const theirs = await post(me, '/api/selfcare/entries', { kind: 'success', body: { title: '借来的成功', link: { kind: 'roleplay_attempt', id: colleagueAttemptId } } });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.issues).toEqual([{ path: 'body.body.link.id', message: 'no role-play attempt of yours has this id' }]);
    const notMine = await post(colleague, '/api/selfcare/entries', { kind: 'success', body: { title: '别人的对话', link: { kind: 'qa_conversation', id: myConversationId } } });
    expect(notMine.statusCode).toBe(400);
    const foreign = await post(me, '/api/selfcare/entries', { kind: 'success', body: { title: '外部对话', link: { kind: 'qa_conversation', id: foreignConversationId } } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues[0].message).toBe('no conversation you handled in your organisation has this id');
  });

  it('offers my attempts and conversations to link, not a colleague’s', async () => {
    const options = (await get(me, '/api/selfcare/link-options')).json();
    expect(options.roleplayAttempts.map((a: { id: string }) => a.id)).toEqual([myAttemptId]);
    expect(options.qaConversations.map((c: { id: string }) => c.id)).toEqual([myConversationId]);
  });
});

describe('stress self-check', () => {
  it('scores 0–100 with reverse-scored items and bands', async () => {
    const low = await post(colleague, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers: answersAll(0) });
    expect(low.statusCode).toBe(201);
    expect(low.json().check).toMatchObject({ score: 0, band: 'low' });
    // "Always" everywhere: six strain items at 4, four reversed items at 0 → 24 of 40 points.
    const always = await post(colleague, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers: Object.fromEntries(STRESS_QUESTIONNAIRE.items.map((i) => [i.id, 4])) });
    expect(always.json().check).toMatchObject({ score: 60, band: 'high' });
  });

  it('refuses missing, extra or out-of-range answers and an old questionnaire', async () => {
    const { recharge: _left, ...missing } = answersAll(2);
    const response = await post(me, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers: { ...missing, mood: 2, replay: 5 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.answers.replay', message: 'answers are 0–4' },
        { path: 'body.answers.recharge', message: 'answer every question' },
        { path: 'body.answers.mood', message: 'no such question in this questionnaire' },
      ]),
    );
    const old = await post(me, '/api/selfcare/stress-checks', { questionnaire: 'calmdesk-stress-v0', answers: answersAll(2) });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.issues[0].path).toBe('body.questionnaire');
  });

  it('shows the gentle suggestion, naming my supervisor and mentor, once the last two checks are high', async () => {
    const first = (await post(me, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers: answersAll(4) })).json();
    expect(first.check.band).toBe('high');
    expect(first.suggestion).toBeNull();
    const second = (await post(me, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers: answersAll(3) })).json();
    expect(second.check).toMatchObject({ score: 75, band: 'high' });
    expect(second.suggestion).toMatchObject({ reason: 'last_two_high', supervisors: [{ displayName: '陈组长' }], mentor: { displayName: '李师傅' } });
    expect(second.suggestion.helplines.map((h: { phone: string | null }) => h.phone)).toEqual(['12356', null]);
    const trend = (await get(me, '/api/selfcare/stress-checks')).json().checks;
    expect(trend.map((c: { score: number }) => c.score)).toEqual([100, 75]);
  });
});

describe('overview', () => {
  it('counts by kind, the diary streak, the last check and the suggestion', async () => {
    const fresh = await signIn(app, (await buildUser(db, organisationId, { login: 'sc-streak' })).login);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    for (const n of [0, 1, 2, 4]) await post(fresh, '/api/selfcare/entries', { kind: 'diary', occurredAt: daysAgo(n), body: { emotions: [{ emotion: 'calm', intensity: 4 }] } });
    await post(fresh, '/api/selfcare/entries', { kind: 'abc', body: { activatingEvent: '被顾客挂了电话' } });
    const summary = (await get(fresh, '/api/selfcare/summary')).json();
    expect(summary).toMatchObject({ counts: { diary: 4, abc: 1, gratitude: 0, success: 0 }, abcUnfinished: 1, diaryStreak: 3, hasDiaryToday: true, lastCheck: null, checkCount: 0, suggestion: null });
    const mine = (await get(me, '/api/selfcare/summary')).json();
    expect(mine.lastCheck.score).toBe(75);
    expect(mine.suggestion.reason).toBe('last_two_high');
  });
});

describe('export and delete everything', () => {
  it('exports my entries and checks as a JSON download with the questionnaire text', async () => {
    const response = await get(me, '/api/selfcare/export.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="selfcare-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = response.json();
    expect(data).toMatchObject({ format: 'calmdesk-selfcare-export', version: 1, owner: { displayName: '周小满', login: 'sc-me' } });
    expect(data.questionnaire.items).toHaveLength(STRESS_QUESTIONNAIRE.items.length);
    expect(data.stressChecks).toHaveLength(2);
    expect(data.entries.map((e: TSelfcareEntry) => e.kind).sort()).toEqual(['abc', 'diary', 'diary', 'success', 'success']);
  });

  it('exports a PDF whose text holds my entries in Chinese', async () => {
    const response = await get(me, '/api/selfcare/export.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'selfcare-pdf-'));
    writeFileSync(path.join(dir, 'export.pdf'), response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'export.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('我的自我关怀记录');
    expect(text).toContain('顾客连发十条消息催发货');
    expect(text).toContain('压力自测趋势');
  });

  it('deletes nothing without the confirmation words, then everything with them, and audits counts only', async () => {
    const wrong = await post(me, '/api/selfcare/delete-all', { confirmation: 'yes' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0]).toEqual({ path: 'body.confirmation', message: `to delete everything, send confirmation: "${SELFCARE_DELETE_CONFIRMATION}"` });
    const response = await post(me, '/api/selfcare/delete-all', { confirmation: SELFCARE_DELETE_CONFIRMATION });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deletedEntries: 5, deletedChecks: 2 });
    expect((await get(me, '/api/selfcare/entries')).json().total).toBe(0);
    expect(await db.$count(stressChecks)).toBe(2); // the colleague's two stay
    const audit = await db.query.auditLog.findFirst({ where: (a, { eq }) => eq(a.action, 'selfcare.delete_all') });
    expect(audit?.details).toEqual({ deletedEntries: 5, deletedChecks: 2 });
  });
});
