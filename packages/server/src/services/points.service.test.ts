import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { auditLog, examAttempts, exams, notifications, pointEntries, qaConversations, qaSources, roleplayAttempts, sessionEnrolments, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { awardPoints, periodBounds } from './points.service.js';

/**
 * The points ledger (SPEC §2.10): rules pay once per source however often the scan runs, manual
 * entries carry a reason and are audited, an adopted suggestion pays its author once.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let org: string;
let trainer: TTestSession;
let supervisor: TTestSession;
let agent: { id: string; session: TTestSession };
let colleague: { id: string; session: TTestSession };

const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 2));
};

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  org = await buildOrganisation(db);
  trainer = await signIn(app, (await buildUser(db, org, { roles: ['trainer'] })).login);
  supervisor = await signIn(app, (await buildUser(db, org, { roles: ['supervisor'] })).login);
  const a = await buildUser(db, org, { roles: ['agent'], displayName: '李思琪' });
  agent = { id: a.id, session: await signIn(app, a.login) };
  const c = await buildUser(db, org, { roles: ['agent'], displayName: '陈雨桐' });
  colleague = { id: c.id, session: await signIn(app, c.login) };

  // What the rules reward: a passed exam (after a failed try), a role-play of 90 and one of 60,
  // a session attended and one missed, and a month of five clean QA conversations.
  const exam = (await db.insert(exams).values({ organisationId: org, title: { zh: '情绪管理基础考核', en: 'Basics' }, tags: ['x'], questionCount: 1, timeLimitMinutes: 10, passMark: 60, maxAttempts: 3 }).returning())[0]!;
  const attempt = { organisationId: org, examId: exam.id, userId: agent.id, paper: { questionIds: [], optionOrder: {} }, deadlineAt: new Date(), status: 'graded' };
  await db.insert(examAttempts).values([
    { ...attempt, attemptNumber: 1, finalScore: 40, isPassed: false, submittedAt: new Date(Date.now() - 86_400_000) },
    { ...attempt, attemptNumber: 2, finalScore: 80, isPassed: true, submittedAt: new Date() },
  ]);
  const scenario = { title: { zh: '催发货', en: 'Where is my parcel' } };
  const rp = { organisationId: org, userId: agent.id, scenarioId: 'delivery-delay', seed: 1, scenario, session: {}, finishedAt: new Date(), outcome: 'resolved' };
  await db.insert(roleplayAttempts).values([
    { ...rp, total: 90 },
    { ...rp, total: 95, finishedAt: new Date(Date.now() + 1000) },
    { ...rp, scenarioId: 'refund', scenario: { title: { zh: '退款纠纷', en: 'Refund' } }, total: 60 },
  ]);
  const session = (await db.insert(trainingSessions).values({ organisationId: org, title: '共情话术工作坊', kind: 'classroom', startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000), status: 'held' }).returning())[0]!;
  await db.insert(sessionEnrolments).values([
    { sessionId: session.id, userId: agent.id, attendance: 'present', signedInAt: new Date(Date.now() - 3 * 3_600_000) },
    { sessionId: session.id, userId: colleague.id, attendance: 'absent' },
  ]);
  const source = (await db.insert(qaSources).values({ organisationId: org, name: '千牛' }).returning())[0]!;
  const conversation = (i: number, userId: string, issues: Record<string, number>) => ({
    organisationId: org,
    sourceId: source.id,
    externalId: `${userId}-${i}`,
    agentUserId: userId,
    startedAt: lastMonth(),
    messageCount: 6,
    score: 85,
    isDeEscalated: true,
    hadHighRisk: false,
    isEscalationMissed: false,
    flags: [],
    analysis: { language: { agentMessages: 3, issueCounts: issues } },
  });
  await db.insert(qaConversations).values([
    ...Array.from({ length: 5 }, (_, i) => conversation(i, agent.id, {})),
    ...Array.from({ length: 5 }, (_, i) => conversation(i, colleague.id, i === 0 ? { excuse: 1 } : {})),
  ]);
});

afterAll(async () => {
  await app.close();
  await drop();
});

const entriesOf = (userId: string) => db.select().from(pointEntries).where(eq(pointEntries.userId, userId));

describe('rule awards', () => {
  it('pay each source once, however many times the scan runs', async () => {
    const first = await awardPoints({ db }, org);
    expect(first).toBe(4);
    const [again, concurrent] = await Promise.all([awardPoints({ db }, org), awardPoints({ db }, org)]);
    expect(again + concurrent).toBe(0);
    const mine = await entriesOf(agent.id);
    expect(mine.map((e) => [e.ruleKey, e.points]).sort()).toEqual([
      ['clean_month', 20],
      ['exam_passed', 10],
      ['roleplay_score', 5],
      ['session_attended', 2],
    ]);
    // The colleague missed the session and used an excuse once in their month: nothing.
    expect(await entriesOf(colleague.id)).toEqual([]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.organisationId, org), eq(auditLog.action, 'points.awarded')));
    expect(audits).toHaveLength(4);
  });

  it('a new role-play of the same scenario above the bar pays nothing more; the threshold and off switch apply', async () => {
    await db.insert(roleplayAttempts).values({ organisationId: org, userId: agent.id, scenarioId: 'delivery-delay', seed: 2, scenario: { title: { zh: '催发货', en: 'x' } }, session: {}, finishedAt: new Date(), total: 99 });
    expect(await awardPoints({ db }, org)).toBe(0);
    const rules = await app.inject({
      method: 'PUT',
      url: '/api/ops/points/rules',
      headers: trainer.headers,
      payload: { rules: [{ key: 'roleplay_score', points: 8, threshold: 55, isEnabled: true }, { key: 'session_attended', points: 2, isEnabled: false }] },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    // With the bar at 55 the refund scenario (60) now qualifies, at the new value.
    expect(await awardPoints({ db }, org)).toBe(1);
    const refund = (await entriesOf(agent.id)).find((e) => e.reason.includes('退款纠纷'));
    expect(refund?.points).toBe(8);
    const bad = await app.inject({ method: 'PUT', url: '/api/ops/points/rules', headers: trainer.headers, payload: { rules: [{ key: 'roleplay_score', points: 8, threshold: null, isEnabled: true }] } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/ops/points/rules', headers: supervisor.headers, payload: { rules: [{ key: 'exam_passed', points: 1, isEnabled: true }] } })).statusCode).toBe(403);
  });

  it('/my/points shows the balance and history of the caller only', async () => {
    const mine = await app.inject({ method: 'GET', url: '/api/ops/my/points', headers: agent.session.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().balance).toBe(20 + 10 + 5 + 2 + 8);
    expect(mine.json().entries.every((e: { user: { id: string } }) => e.user.id === agent.id)).toBe(true);
    expect(mine.json().rules).toHaveLength(5);
  });
});

describe('manual entries', () => {
  it('need a reason, are audited and tell the person; supervisors cannot add them', async () => {
    const noReason = await app.inject({ method: 'POST', url: '/api/ops/points/entries', headers: trainer.headers, payload: { userId: colleague.id, points: 5, reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const zero = await app.inject({ method: 'POST', url: '/api/ops/points/entries', headers: trainer.headers, payload: { userId: colleague.id, points: 0, reason: '无' } });
    expect(zero.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/ops/points/entries', headers: supervisor.headers, payload: { userId: colleague.id, points: 5, reason: '帮助同事' } })).statusCode).toBe(403);
    const added = await app.inject({ method: 'POST', url: '/api/ops/points/entries', headers: trainer.headers, payload: { userId: colleague.id, points: -3, reason: '培训期间多次迟到' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual(expect.objectContaining({ points: -3, reason: '培训期间多次迟到', ruleKey: null, createdBy: expect.objectContaining({ displayName: expect.any(String) }) }));
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'points.manual_entry'), eq(auditLog.targetId, added.json().id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ userId: colleague.id, points: -3, reason: '培训期间多次迟到' });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, colleague.id), eq(notifications.kind, 'points_manual')))).toHaveLength(1);
  });

  it('the ranking counts the period and shares ranks for equal points', async () => {
    const year = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    const ranking = await app.inject({ method: 'GET', url: `/api/ops/points/ranking?period=all`, headers: trainer.headers });
    expect(ranking.statusCode, ranking.body).toBe(200);
    const rows = ranking.json().rows as { rank: number; user: { id: string }; points: number }[];
    expect(rows[0]).toEqual(expect.objectContaining({ rank: 1, points: 45, user: expect.objectContaining({ id: agent.id }) }));
    expect(rows.find((r) => r.user.id === colleague.id)?.points).toBe(-3);
    expect((await app.inject({ method: 'GET', url: `/api/ops/points/ranking?period=${year}-13`, headers: trainer.headers })).statusCode).toBe(400);
    const ledger = await app.inject({ method: 'GET', url: `/api/ops/points/ledger?source=manual`, headers: trainer.headers });
    expect(ledger.json().entries).toHaveLength(1);
    expect(ledger.json().total).toBe(-3);
  });
});

describe('suggestions', () => {
  it('an adopted suggestion pays its author once; a second review is refused', async () => {
    const submitted = await app.inject({ method: 'POST', url: '/api/ops/suggestions', headers: colleague.session.headers, payload: { title: '安抚话术按情绪分档', body: '把快捷短语按顾客情绪强度分成三档，新人更容易选对。' } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id;
    expect((await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/adopt`, headers: colleague.session.headers, payload: {} })).statusCode).toBe(403);
    const adopted = await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/adopt`, headers: trainer.headers, payload: { note: '下月起在售后组试行' } });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toEqual(expect.objectContaining({ status: 'adopted', pointsAwarded: 30, reviewNote: '下月起在售后组试行' }));
    const twice = await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/adopt`, headers: trainer.headers, payload: {} });
    expect(twice.statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/decline`, headers: trainer.headers, payload: { note: '改主意了' } })).statusCode).toBe(409);
    expect(await awardPoints({ db }, org)).toBe(0);
    const paid = (await entriesOf(colleague.id)).filter((e) => e.ruleKey === 'suggestion_adopted');
    expect(paid).toHaveLength(1);
    const mine = await app.inject({ method: 'GET', url: '/api/ops/my/suggestions', headers: colleague.session.headers });
    expect(mine.json().suggestions[0]).toEqual(expect.objectContaining({ status: 'adopted', pointsAwarded: 30 }));
    const notice = await db.select().from(notifications).where(and(eq(notifications.userId, colleague.id), eq(notifications.kind, 'suggestion_adopted')));
    expect((notice[0]!.title as { zh: string }).zh).toContain('30 积分');
  });

  it('declining needs a note for the author', async () => {
    const submitted = await app.inject({ method: 'POST', url: '/api/ops/suggestions', headers: agent.session.headers, payload: { title: '午休音乐', body: '午休时段在工作区播放轻音乐，帮助大家放松。' } });
    const id = submitted.json().id;
    expect((await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/decline`, headers: trainer.headers, payload: { note: '' } })).statusCode).toBe(400);
    const declined = await app.inject({ method: 'POST', url: `/api/ops/suggestions/${id}/decline`, headers: trainer.headers, payload: { note: '工作区需要安静，可在休息室试行' } });
    expect(declined.json()).toEqual(expect.objectContaining({ status: 'declined', pointsAwarded: null }));
  });
});

describe('periodBounds', () => {
  it.each([
    { whenInputIs: '2026-H2', expectedOutputIs: ['2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'] },
    { whenInputIs: '2026-Q4', expectedOutputIs: ['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'] },
    { whenInputIs: '2026-12', expectedOutputIs: ['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'] },
    { whenInputIs: '2026', expectedOutputIs: ['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'] },
  ])('$whenInputIs covers Beijing-time days', ({ whenInputIs, expectedOutputIs }) => {
    const bounds = periodBounds(whenInputIs)!;
    expect([bounds.from.toISOString(), bounds.to.toISOString()]).toEqual(expectedOutputIs);
  });
});
