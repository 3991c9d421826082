import { selectionTitle } from '@calmdesk/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { certificates, examAttempts, exams, kpiRecords, notifications, roleplayAttempts, sessionEnrolments, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { periodBounds } from './points.service.js';

/** The PDF's title from its info dictionary: a UTF-16BE literal string, as pdfkit writes it. */
function pdfTitle(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(text)?.[1];
  const literal = ref ? new RegExp(`\\n${ref} 0 obj\\n\\((.*?)\\)\\nendobj`, 's').exec(text)?.[1] : undefined;
  if (literal === undefined) return '';
  const raw = literal.replace(/\\([0-7]{1,3}|.)/gs, (_, escaped: string) =>
    /^[0-7]+$/.test(escaped) ? String.fromCharCode(parseInt(escaped, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped,
  );
  return Buffer.from(raw, 'latin1').subarray(2).swap16().toString('utf16le');
}

/**
 * Excellent-trainee selection: the training group computes the half-year's ranking from exams,
 * role-play, attendance and KPI change; the leader confirms people from the shortlist, who then
 * hold a certificate without an exam that prints and verifies like any other.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let org: string;
let trainer: TTestSession;
let leader: { id: string; session: TTestSession };
const agents: { id: string; session: TTestSession; name: string }[] = [];
let period: string;

function currentHalf(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}-H${now.getUTCMonth() < 6 ? 1 : 2}`;
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  org = await buildOrganisation(db, '心安示范店');
  trainer = await signIn(app, (await buildUser(db, org, { roles: ['trainer'] })).login);
  const l = await buildUser(db, org, { roles: ['leader'] });
  leader = { id: l.id, session: await signIn(app, l.login) };
  for (const name of ['陈雨桐', '林晨曦', '黄子涵']) {
    const user = await buildUser(db, org, { roles: ['agent'], displayName: name });
    agents.push({ id: user.id, session: await signIn(app, user.login), name });
  }
  period = currentHalf();
  const { from } = periodBounds(period)!;
  const inHalf = new Date(Math.min(Date.now() - 60_000, from.getTime() + 86_400_000));
  const [chen, lin, huang] = agents as [(typeof agents)[number], (typeof agents)[number], (typeof agents)[number]];
  const exam = (await db.insert(exams).values({ organisationId: org, title: { zh: '考核', en: 'Exam' }, tags: ['x'], questionCount: 1, timeLimitMinutes: 10, passMark: 60, maxAttempts: 3 }).returning())[0]!;
  const attempt = (userId: string, finalScore: number, attemptNumber = 1) => ({ organisationId: org, examId: exam.id, userId, attemptNumber, paper: { questionIds: [], optionOrder: {} }, deadlineAt: inHalf, status: 'graded', finalScore, isPassed: finalScore >= 60, submittedAt: inHalf });
  await db.insert(examAttempts).values([attempt(chen.id, 96), attempt(lin.id, 70), attempt(lin.id, 90, 2), attempt(huang.id, 60)]);
  const rp = (userId: string, scenarioId: string, total: number) => ({ organisationId: org, userId, scenarioId, seed: 1, scenario: { title: { zh: scenarioId, en: scenarioId } }, session: {}, finishedAt: inHalf, total });
  await db.insert(roleplayAttempts).values([rp(chen.id, 'a', 80), rp(chen.id, 'a', 92), rp(chen.id, 'b', 88), rp(lin.id, 'a', 75), rp(huang.id, 'a', 60)]);
  const session = (await db.insert(trainingSessions).values({ organisationId: org, title: '情绪急救课', kind: 'classroom', startsAt: inHalf, endsAt: new Date(inHalf.getTime() + 30_000), status: 'held' }).returning())[0]!;
  await db.insert(sessionEnrolments).values([
    { sessionId: session.id, userId: chen.id, attendance: 'present' },
    { sessionId: session.id, userId: lin.id, attendance: 'absent' },
    { sessionId: session.id, userId: huang.id, attendance: 'excused' },
  ]);
  const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const before = new Date(from.getTime() - 60 * 86_400_000);
  await db.insert(kpiRecords).values([
    { organisationId: org, userId: chen.id, periodStart: day(before), periodEnd: day(before), csat: 88 },
    { organisationId: org, userId: chen.id, periodStart: day(inHalf), periodEnd: day(inHalf), csat: 92 },
  ]);
});

afterAll(async () => {
  await app.close();
  await drop();
});

const WEIGHTS = { exams: 40, roleplay: 30, attendance: 20, kpi: 10 };

describe('excellent-trainee selection', () => {
  let selectionId: string;

  it('computes the ranking with its parts and tells the leader the shortlist is ready', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/ops/selections', headers: trainer.headers, payload: { period, weights: WEIGHTS, shortlistSize: 2 } });
    expect(response.statusCode, response.body).toBe(200);
    const selection = response.json();
    selectionId = selection.id;
    expect(selection.status).toBe('shortlisted');
    expect(selection.title).toEqual(selectionTitle(period));
    const byName = Object.fromEntries(selection.ranking.map((r: { user: { displayName: string } }) => [r.user.displayName, r]));
    // 陈雨桐: exams 96, role-play (92 + 88) / 2 = 90, attendance 100 %, CSAT +4 → 70.
    expect(byName['陈雨桐'].score).toBe(96 * 0.4 + 90 * 0.3 + 100 * 0.2 + 70 * 0.1);
    expect(byName['陈雨桐'].parts.roleplay).toEqual(expect.objectContaining({ value: 90, count: 2 }));
    expect(byName['陈雨桐'].redistributed).toEqual([]);
    // 黄子涵 was excused: attendance and KPI have nothing to measure, their weight goes to exams and role-play.
    expect(byName['黄子涵'].redistributed).toEqual(['attendance', 'kpi']);
    expect(byName['黄子涵'].score).toBe(60);
    // 林晨曦: exams (70 + 90) / 2 = 80, role-play 75, absent once (0 %), no KPI.
    expect(byName['林晨曦'].parts.exams.value).toBe(80);
    expect(selection.ranking.map((r: { rank: number; user: { displayName: string } }) => [r.rank, r.user.displayName])).toEqual([
      [1, '陈雨桐'],
      [2, '林晨曦'],
      [3, '黄子涵'],
    ]);
    const notice = await db.select().from(notifications).where(and(eq(notifications.userId, leader.id), eq(notifications.kind, 'selection_shortlisted')));
    expect(notice).toHaveLength(1);
  });

  it('refuses weights that do not add up to 100 and a half-year that has not started', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/ops/selections', headers: trainer.headers, payload: { period, weights: { ...WEIGHTS, kpi: 20 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('100');
    const future = await app.inject({ method: 'POST', url: '/api/ops/selections', headers: trainer.headers, payload: { period: '2999-H1', weights: WEIGHTS } });
    expect(future.statusCode).toBe(400);
  });

  it('only the leader confirms, and only people from the shortlist', async () => {
    const huang = agents[2]!;
    expect((await app.inject({ method: 'POST', url: `/api/ops/selections/${selectionId}/confirm`, headers: trainer.headers, payload: { chosenUserIds: [agents[0]!.id] } })).statusCode).toBe(403);
    const outside = await app.inject({ method: 'POST', url: `/api/ops/selections/${selectionId}/confirm`, headers: leader.session.headers, payload: { chosenUserIds: [huang.id] } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.issues[0].path).toBe('chosenUserIds');
  });

  it('confirming issues certificates without an exam that verify and print, once', async () => {
    const chen = agents[0]!;
    const confirmed = await app.inject({ method: 'POST', url: `/api/ops/selections/${selectionId}/confirm`, headers: leader.session.headers, payload: { chosenUserIds: [chen.id] } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('confirmed');
    const code = confirmed.json().chosen[0].certificateCode as string;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const rows = await db.select().from(certificates).where(eq(certificates.userId, chen.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expect.objectContaining({ examId: null, courseId: null, score: null, recipientName: '陈雨桐', title: selectionTitle(period) }));

    const mine = await app.inject({ method: 'GET', url: '/api/certificates', headers: chen.session.headers });
    expect(mine.json().certificates[0].title).toEqual(selectionTitle(period));
    const verified = await app.inject({ method: 'GET', url: `/api/public/certificates/${code}` });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual(expect.objectContaining({ status: 'valid', recipientName: '陈雨桐', title: selectionTitle(period) }));
    const pdf = await app.inject({ method: 'GET', url: `/api/certificates/${rows[0]!.id}/pdf`, headers: chen.session.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // An honour, not a course completion: the document's title says 荣誉证书.
    expect(pdfTitle(pdf.rawPayload)).toMatch(/^荣誉证书 Certificate — /);
    const notice = await db.select().from(notifications).where(and(eq(notifications.userId, chen.id), eq(notifications.kind, 'selection_chosen')));
    expect(notice).toHaveLength(1);

    expect((await app.inject({ method: 'POST', url: `/api/ops/selections/${selectionId}/confirm`, headers: leader.session.headers, payload: { chosenUserIds: [chen.id] } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/api/ops/selections', headers: trainer.headers, payload: { period, weights: WEIGHTS } })).statusCode).toBe(409);
    expect(await db.select().from(certificates).where(eq(certificates.userId, chen.id))).toHaveLength(1);
  });
});
