import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Certificates (issue 5): a pass issues one, its holder downloads it as a PDF with the name in
 * Chinese, anyone with the code can check it, a trainer can revoke it.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let trainer: TTestSession;
let examId: string;

const TAG = 'cert-demo';

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  for (let i = 1; i <= 3; i += 1) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/learning/questions',
      headers: trainer.headers,
      payload: { type: 'true_false', difficulty: 1, tags: [TAG], stem: `判断 ${i}：先回应情绪，再解决问题。`, options: [], answer: [true], explanation: '先处理心情，再处理事情。', rubric: null },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  const exam = await app.inject({
    method: 'POST',
    url: '/api/exams',
    headers: trainer.headers,
    payload: { title: { zh: '共情基础考核', en: 'Empathy basics exam' }, tags: [TAG], questionCount: 3, timeLimitMinutes: 10, passMark: 60, maxAttempts: 3 },
  });
  expect(exam.statusCode, exam.body).toBe(201);
  examId = exam.json().id;
});

afterAll(async () => {
  await app.close();
  await drop();
});

async function takeExam(me: TTestSession, answer: boolean) {
  const start = await app.inject({ method: 'POST', url: `/api/exams/${examId}/attempts`, headers: me.headers });
  expect(start.statusCode, start.body).toBe(201);
  const attempt = start.json();
  const answers = Object.fromEntries(attempt.questions.map((q: { id: string }) => [q.id, [answer]]));
  const done = await app.inject({ method: 'POST', url: `/api/exam-attempts/${attempt.id}/submit`, headers: me.headers, payload: { answers } });
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
}

async function myCertificates(me: TTestSession) {
  const r = await app.inject({ method: 'GET', url: '/api/certificates', headers: me.headers });
  expect(r.statusCode).toBe(200);
  return r.json().certificates as { id: string; code: string; recipientName: string; title: { zh: string }; score: number; revokedAt: string | null }[];
}

describe('certificates', () => {
  it('are issued on a pass only, once, in the learner’s name', async () => {
    const user = await buildUser(db, organisationId, { roles: ['agent'], displayName: '欧阳思琪' });
    const me = await signIn(app, user.login);
    expect((await takeExam(me, false)).isPassed).toBe(false);
    expect(await myCertificates(me)).toEqual([]);
    expect((await takeExam(me, true)).isPassed).toBe(true);
    const certificates = await myCertificates(me);
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toEqual(expect.objectContaining({ recipientName: '欧阳思琪', score: 100, revokedAt: null }));
    expect(certificates[0]!.title.zh).toBe('共情基础考核');
    expect(certificates[0]!.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('download as a PDF that embeds a Chinese font subset and renders the name', async () => {
    const user = await buildUser(db, organisationId, { roles: ['agent'], displayName: '司马昱喆' });
    const me = await signIn(app, user.login);
    await takeExam(me, true);
    const [certificate] = await myCertificates(me);
    const r = await app.inject({ method: 'GET', url: `/api/certificates/${certificate!.id}/pdf`, headers: me.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toContain(`certificate-${certificate!.code}.pdf`);
    const pdf = r.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A subset (six letters + '+') of Noto Sans SC, not the whole 10 MB font.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.length).toBeLessThan(300_000);
    // With poppler installed, the text layer must read back in Chinese.
    const hasPoppler = (() => {
      try {
        execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (hasPoppler) {
      const file = path.join(os.tmpdir(), `cd-cert-${process.pid}.pdf`);
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-']).toString();
      fs.rmSync(file);
      expect(text).toContain('司马昱喆');
      expect(text).toContain('结业证书');
      expect(text).toContain(certificate!.code);
    }
  });

  it('can be checked by anyone holding the code, signed in or not', async () => {
    const user = await buildUser(db, organisationId, { roles: ['agent'], displayName: '林晓' });
    const me = await signIn(app, user.login);
    await takeExam(me, true);
    const [certificate] = await myCertificates(me);
    const r = await app.inject({ method: 'GET', url: `/api/public/certificates/${certificate!.code.toLowerCase()}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(expect.objectContaining({ code: certificate!.code, status: 'valid', recipientName: '林晓', revokedAt: null }));
    expect(r.json().title.zh).toBe('共情基础考核');
    const unknown = await app.inject({ method: 'GET', url: '/api/public/certificates/2222-3333-4444' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await app.inject({ method: 'GET', url: '/api/public/certificates/not-a-code' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('belong to their holder: another agent cannot download one; a trainer can, and can revoke it', async () => {
    const owner = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'], displayName: '周宁' })).login);
    await takeExam(owner, true);
    const [certificate] = await myCertificates(owner);
    const other = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
    expect((await app.inject({ method: 'GET', url: `/api/certificates/${certificate!.id}/pdf`, headers: other.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/certificates/${certificate!.id}/pdf`, headers: trainer.headers })).statusCode).toBe(200);
    const issued = await app.inject({ method: 'GET', url: '/api/certificates/issued', headers: trainer.headers });
    expect(issued.json().certificates.map((c: { code: string }) => c.code)).toContain(certificate!.code);

    const blank = await app.inject({ method: 'POST', url: `/api/certificates/${certificate!.id}/revoke`, headers: trainer.headers, payload: { reason: ' ' } });
    expect(blank.statusCode).toBe(400);
    const revoked = await app.inject({ method: 'POST', url: `/api/certificates/${certificate!.id}/revoke`, headers: trainer.headers, payload: { reason: '考试期间代考，经核实撤销' } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const check = await app.inject({ method: 'GET', url: `/api/public/certificates/${certificate!.code}` });
    expect(check.json().status).toBe('revoked');
    expect((await app.inject({ method: 'GET', url: `/api/certificates/${certificate!.id}/pdf`, headers: owner.headers })).statusCode).toBe(409);
    const again = await app.inject({ method: 'POST', url: `/api/certificates/${certificate!.id}/revoke`, headers: trainer.headers, payload: { reason: '重复' } });
    expect(again.statusCode).toBe(409);
  });

  it('of another organisation are invisible', async () => {
    const otherOrg = await buildOrganisation(db);
    const outsider = await signIn(app, (await buildUser(db, otherOrg, { roles: ['trainer'] })).login);
    const owner = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
    await takeExam(owner, true);
    const [certificate] = await myCertificates(owner);
    expect((await app.inject({ method: 'GET', url: `/api/certificates/${certificate!.id}/pdf`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/certificates/${certificate!.id}/revoke`, headers: outsider.headers, payload: { reason: 'x' } })).statusCode).toBe(404);
    const issued = await app.inject({ method: 'GET', url: '/api/certificates/issued', headers: outsider.headers });
    expect(issued.json().certificates).toEqual([]);
  });

  it('can be issued by a trainer for a completed course, once', async () => {
    const course = await app.inject({ method: 'POST', url: '/api/learning/courses', headers: trainer.headers, payload: { title: { zh: '线下工作坊：情绪急救', en: 'Workshop: emotional first aid' }, summary: { zh: '概要', en: 'Summary' }, audience: { zh: '全体', en: 'All' }, tags: ['workshop'] } });
    const courseId = course.json().id;
    const lesson = await app.inject({ method: 'POST', url: `/api/learning/courses/${courseId}/lessons`, headers: trainer.headers, payload: { title: { zh: '现场练习', en: 'Practice' }, summary: { zh: '概要', en: 'Summary' }, minutes: 60, exercise: 'none', video: null, downloads: [], bodyMd: '现场演练。', quizKeys: [] } });
    const user = await buildUser(db, organisationId, { roles: ['agent'], displayName: '高敏' });
    const me = await signIn(app, user.login);
    const early = await app.inject({ method: 'POST', url: '/api/certificates', headers: trainer.headers, payload: { userId: user.id, courseId } });
    expect(early.statusCode).toBe(404);
    await app.inject({ method: 'POST', url: `/api/learning/courses/${courseId}/enrol`, headers: me.headers });
    const notDone = await app.inject({ method: 'POST', url: '/api/certificates', headers: trainer.headers, payload: { userId: user.id, courseId } });
    expect(notDone.statusCode).toBe(409);
    await app.inject({ method: 'POST', url: `/api/learning/lessons/${lesson.json().id}/complete`, headers: me.headers, payload: {} });
    const issued = await app.inject({ method: 'POST', url: '/api/certificates', headers: trainer.headers, payload: { userId: user.id, courseId } });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toEqual(expect.objectContaining({ recipientName: '高敏', courseId, examId: null, score: null }));
    expect(issued.json().title.zh).toBe('线下工作坊：情绪急救');
    expect((await myCertificates(me)).map((c) => c.code)).toEqual([issued.json().code]);
    const twice = await app.inject({ method: 'POST', url: '/api/certificates', headers: trainer.headers, payload: { userId: user.id, courseId } });
    expect(twice.statusCode).toBe(409);
  });
});
