import type { TCurriculum } from '@calmdesk/content/curriculum';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { examAttempts } from '../db/schema.js';
import { importCurriculum } from '../services/curriculum-import.service.js';
import ExcelJS from 'exceljs';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let trainer: TTestSession;

const single = (n: number) => ({
  id: `ex-${String(n).padStart(3, '0')}`,
  type: 'single' as const,
  difficulty: 1,
  tags: ['exam-demo'],
  stem: `第 ${n} 题：顾客说“第三次找你们了”，先做什么？`,
  options: [{ id: 'a' as const, text: '回应情绪' }, { id: 'b' as const, text: '解释规定' }, { id: 'c' as const, text: '让顾客等' }],
  answer: ['a'],
  explanation: '先处理心情，再处理事情。',
});

const CURRICULUM: TCurriculum = {
  questions: [
    ...Array.from({ length: 6 }, (_, i) => single(i + 1)),
    { id: 'ex-100', type: 'short_answer', difficulty: 2, tags: ['exam-short'], stem: '写一句回应愤怒顾客的开场白。', answer: [], explanation: '说出感受，再说行动。', rubric: '说出感受；不辩解；给出下一步。' },
  ],
  courses: [],
  cases: [],
};

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  await importCurriculum(db, organisationId, CURRICULUM);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

async function createExam(payload: Record<string, unknown> = {}) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/exams',
    headers: trainer.headers,
    payload: { title: { zh: '情绪识别小测', en: 'Reading emotions quiz' }, tags: ['exam-demo'], questionCount: 5, timeLimitMinutes: 10, passMark: 80, maxAttempts: 2, ...payload },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

async function learner() {
  return signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
}

describe('exams', () => {
  it('draws the paper from the bank, hides answers until handed in, then marks and explains', async () => {
    const exam = await createExam();
    const me = await learner();
    const start = await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers });
    expect(start.statusCode).toBe(201);
    const attempt = start.json();
    expect(attempt.questions).toHaveLength(5);
    expect(attempt.results).toBeNull();
    expect(start.body).not.toContain('先处理心情');
    const answers = Object.fromEntries(attempt.questions.map((q: { id: string }) => [q.id, ['a']]));
    const submitted = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers } });
    expect(submitted.json()).toEqual(expect.objectContaining({ status: 'graded', finalScore: 100, isPassed: true }));
    expect(submitted.json().results[0].explanation).toBe('先处理心情，再处理事情。');
  });

  it('refuses a second attempt in progress, and answers after the time limit', async () => {
    const exam = await createExam();
    const me = await learner();
    const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
    const second = await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers });
    expect(second.statusCode).toBe(409);
    await db.update(examAttempts).set({ deadlineAt: new Date(Date.now() - 60_000) }).where(eq(examAttempts.id, attempt.id));
    const late = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers: {} } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/time limit/);
    const after = await app.inject({ method: 'GET', url: `/api/exam-attempts/${attempt.id}`, headers: me.headers });
    expect(after.json()).toEqual(expect.objectContaining({ status: 'expired', finalScore: 0, isPassed: false }));
  });

  it('allows make-up attempts up to the limit (补考), then no more', async () => {
    const exam = await createExam({ maxAttempts: 2 });
    const me = await learner();
    for (let i = 0; i < 2; i += 1) {
      const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
      expect(attempt.isMakeUp).toBe(i > 0);
      const failed = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers: {} } });
      expect(failed.json().isPassed).toBe(false);
    }
    const third = await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toMatch(/No attempts left/);
  });

  it('waits for a trainer to mark short answers, with the rubric', async () => {
    const exam = await createExam({ tags: ['exam-short'], questionCount: 1, passMark: 60 });
    const me = await learner();
    const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
    const questionId = attempt.questions[0].id;
    const handed = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers: { [questionId]: ['让您等了这么久，真的很抱歉，我现在就帮您查。'] } } });
    expect(handed.json()).toEqual(expect.objectContaining({ status: 'submitted', finalScore: null }));
    expect(handed.json().results[0].rubric).toMatch(/说出感受/);
    expect((await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/grade`, headers: me.headers, payload: { scores: { [questionId]: 100 } } })).statusCode).toBe(403);
    const graded = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/grade`, headers: trainer.headers, payload: { scores: { [questionId]: 75 } } });
    expect(graded.json()).toEqual(expect.objectContaining({ status: 'graded', finalScore: 75, isPassed: true }));
  });

  it('refuses an exam the bank cannot fill, naming the field', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/exams', headers: trainer.headers, payload: { title: { zh: '太多', en: 'Too many' }, tags: ['exam-demo'], questionCount: 50, timeLimitMinutes: 10, passMark: 60, maxAttempts: 1 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].path).toBe('questionCount');
  });

  it('gives trainers the difficulty and discrimination of each question', async () => {
    const exam = await createExam({ maxAttempts: 1 });
    for (let i = 0; i < 4; i += 1) {
      const me = await learner();
      const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
      const answers = Object.fromEntries(attempt.questions.map((q: { id: string }, k: number) => [q.id, [k < i + 1 ? 'a' : 'b']]));
      await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers } });
    }
    const stats = await app.inject({ method: 'GET', url: `/api/exams/${exam.id}/question-stats`, headers: trainer.headers });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().attempts).toBe(4);
    for (const q of stats.json().questions) {
      expect(q.difficulty).toBeGreaterThanOrEqual(0);
      expect(q.difficulty).toBeLessThanOrEqual(1);
    }
  });
});

describe('exam oversight', () => {
  it('closes an attempt left open past its time, so the learner can take a make-up', async () => {
    const exam = await createExam({ maxAttempts: 2 });
    const me = await learner();
    const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
    let listed = (await app.inject({ method: 'GET', url: '/api/exams', headers: me.headers })).json().exams.find((e: { id: string }) => e.id === exam.id);
    expect(listed).toEqual(expect.objectContaining({ openAttemptId: attempt.id, lastAttemptId: attempt.id, attemptsUsed: 1 }));
    // The tab was closed and the time ran out.
    await db.update(examAttempts).set({ deadlineAt: new Date(Date.now() - 120_000) }).where(eq(examAttempts.id, attempt.id));
    listed = (await app.inject({ method: 'GET', url: '/api/exams', headers: me.headers })).json().exams.find((e: { id: string }) => e.id === exam.id);
    expect(listed).toEqual(expect.objectContaining({ openAttemptId: null, bestScore: 0, isPassed: false }));
    const makeUp = await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers });
    expect(makeUp.statusCode).toBe(201);
    expect(makeUp.json().isMakeUp).toBe(true);
  });

  it('lists handed-in short answers in the marking queue, for trainers only', async () => {
    const exam = await createExam({ tags: ['exam-short'], questionCount: 1 });
    const me = await learner();
    const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
    await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers: { [attempt.questions[0].id]: ['先道歉，再说明补发时间。'] } } });
    const queue = await app.inject({ method: 'GET', url: `/api/exam-attempts?status=submitted&examId=${exam.id}`, headers: trainer.headers });
    expect(queue.json().attempts).toEqual([expect.objectContaining({ id: attempt.id, status: 'submitted', finalScore: null })]);
    expect((await app.inject({ method: 'GET', url: '/api/exam-attempts?status=submitted', headers: me.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/exam-attempts?status=lost', headers: trainer.headers })).statusCode).toBe(400);
  });

  it('shows results per person (a supervisor: their own teams) and exports them to Excel', async () => {
    const exam = await createExam({ maxAttempts: 2 });
    const teamA = await buildTeam(db, organisationId, '售前一组');
    const teamB = await buildTeam(db, organisationId, '售后二组');
    const inA = await buildUser(db, organisationId, { roles: ['agent'], displayName: '陈一', teamIds: [teamA] });
    const inB = await buildUser(db, organisationId, { roles: ['agent'], displayName: '王二', teamIds: [teamB] });
    const supervisorA = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamA] })).login);
    for (const [user, answer] of [[inA, 'a'], [inB, 'b']] as const) {
      const me = await signIn(app, user.login);
      const attempt = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
      const answers = Object.fromEntries(attempt.questions.map((q: { id: string }) => [q.id, [answer]]));
      await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers } });
    }
    const all = (await app.inject({ method: 'GET', url: `/api/exams/${exam.id}/results`, headers: trainer.headers })).json();
    expect(all.rows.map((r: { user: { displayName: string }; isPassed: boolean; bestScore: number; teamNames: string[] }) => [r.user.displayName, r.isPassed, r.bestScore, r.teamNames])).toEqual([
      ['王二', false, 0, ['售后二组']],
      ['陈一', true, 100, ['售前一组']],
    ]);
    const mine = (await app.inject({ method: 'GET', url: `/api/exams/${exam.id}/results`, headers: supervisorA.headers })).json();
    expect(mine.rows.map((r: { user: { displayName: string } }) => r.user.displayName)).toEqual(['陈一']);

    const file = await app.inject({ method: 'GET', url: `/api/exams/${exam.id}/results.xlsx`, headers: supervisorA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名 Name');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('陈一');
    expect(sheet.getRow(2).getCell(4).value).toBe(100);
  });

  it('closes an exam to new attempts; the running attempt may still be handed in; trainers still list it', async () => {
    const exam = await createExam({ maxAttempts: 3 });
    const me = await learner();
    const running = (await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).json();
    expect(running.exam).toEqual({ title: { zh: '情绪识别小测', en: 'Reading emotions quiz' }, passMark: 80, timeLimitMinutes: 10, maxAttempts: 3 });
    expect(Math.abs(Date.parse(running.serverNow) - Date.now())).toBeLessThan(5000);
    const closed = await app.inject({ method: 'PUT', url: `/api/exams/${exam.id}/published`, headers: trainer.headers, payload: { isPublished: false } });
    expect(closed.json().isPublished).toBe(false);
    // Still listed for the person writing it, with the way back to the paper.
    const writing = (await app.inject({ method: 'GET', url: '/api/exams?includeClosed=true', headers: me.headers })).json().exams;
    expect(writing.find((e: { id: string }) => e.id === exam.id)).toEqual(expect.objectContaining({ isPublished: false, openAttemptId: running.id }));
    const other = await learner();
    expect((await app.inject({ method: 'GET', url: '/api/exams', headers: other.headers })).json().exams.map((e: { id: string }) => e.id)).not.toContain(exam.id);
    const managed = (await app.inject({ method: 'GET', url: '/api/exams?includeClosed=true', headers: trainer.headers })).json().exams;
    expect(managed.find((e: { id: string }) => e.id === exam.id).isPublished).toBe(false);
    const handedIn = await app.inject({ method: 'POST', url: `/api/exam-attempts/${running.id}/submit`, headers: me.headers, payload: { answers: {} } });
    expect(handedIn.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/exams', headers: me.headers })).json().exams.map((e: { id: string }) => e.id)).not.toContain(exam.id);
    expect((await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).statusCode).toBe(404);
    await app.inject({ method: 'PUT', url: `/api/exams/${exam.id}/published`, headers: trainer.headers, payload: { isPublished: true } });
    expect((await app.inject({ method: 'POST', url: `/api/exams/${exam.id}/attempts`, headers: me.headers })).statusCode).toBe(201);
  });
});
