import type { TCurriculum } from '@calmdesk/content/curriculum';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { importCurriculum } from '../services/curriculum-import.service.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/** Trainers write courses, lessons, questions and cases in the app (issue 5, authoring). */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let trainer: TTestSession;
let agent: TTestSession;

const CURRICULUM: TCurriculum = {
  questions: [
    { id: 'au-001', type: 'single', difficulty: 1, tags: ['authoring'], stem: '哪一个是身体信号？', options: [{ id: 'a', text: '心跳加快' }, { id: 'b', text: '下单' }], answer: ['a'], explanation: '心跳加快是情绪的信号。' },
  ],
  courses: [
    {
      id: 'builtin-course',
      order: 1,
      title: { zh: '认识情绪', en: 'Understanding emotions' },
      summary: { zh: '概要', en: 'Summary' },
      audience: { zh: '全体', en: 'All' },
      tags: ['authoring'],
      lessons: ['builtin-lesson'],
      lessonsFull: [{ id: 'builtin-lesson', title: { zh: '第一课', en: 'First' }, summary: { zh: '概要', en: 'Summary' }, minutes: 10, exercise: 'none', quiz: ['au-001'], video: null, downloads: [], body: '## 原文\n情绪是信号。' }],
    },
  ],
  cases: [{ id: 'builtin-case', title: { zh: '迟到的包裹', en: 'The late parcel' }, kind: 'good', tags: ['delivery'], goods: 'food', body: '## 背景\n……' }],
};

const text = (zh: string, en: string) => ({ zh, en });
const lessonBody = (overrides: Record<string, unknown> = {}) => ({
  title: text('新的一课', 'A new lesson'),
  summary: text('概要', 'Summary'),
  minutes: 12,
  exercise: 'abc-worksheet',
  video: null,
  downloads: [{ title: text('练习表', 'Worksheet'), url: 'https://example.org/abc.pdf' }],
  bodyMd: '## 先停一下\n\n看见自己的想法。',
  quizKeys: ['au-001'],
  ...overrides,
});

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  await importCurriculum(db, organisationId, CURRICULUM);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  agent = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

async function createCourse(payload: Record<string, unknown> = {}) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/learning/courses',
    headers: trainer.headers,
    payload: { title: text('投诉升级预案', 'Escalation playbook'), summary: text('概要', 'Summary'), audience: text('售后', 'After-sales'), tags: ['escalation'], ...payload },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; key: string; lessons: { id: string }[]; isPublished: boolean; origin: string };
}

async function addLesson(courseId: string, payload: Record<string, unknown> = {}) {
  const r = await app.inject({ method: 'POST', url: `/api/learning/courses/${courseId}/lessons`, headers: trainer.headers, payload: lessonBody(payload) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; key: string; position: number };
}

async function catalogueKeys(session: TTestSession) {
  return (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: session.headers })).json().courses.map((c: { key: string }) => c.key);
}

describe('course authoring', () => {
  it('keeps a draft course from learners until it is published', async () => {
    const course = await createCourse({ key: 'draft-course', isPublished: false });
    expect(course.origin).toBe('custom');
    const lesson = await addLesson(course.id);
    expect(await catalogueKeys(agent)).not.toContain('draft-course');
    expect((await app.inject({ method: 'GET', url: `/api/learning/lessons/${lesson.id}`, headers: agent.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/learning/lessons/${lesson.id}/complete`, headers: agent.headers, payload: { answers: {} } })).statusCode).toBe(404);

    const published = await app.inject({ method: 'PUT', url: `/api/learning/courses/${course.id}`, headers: trainer.headers, payload: { title: text('投诉升级预案', 'Escalation playbook'), summary: text('概要', 'Summary'), audience: text('售后', 'After-sales'), tags: ['escalation'], isPublished: true } });
    expect(published.statusCode, published.body).toBe(200);
    expect(await catalogueKeys(agent)).toContain('draft-course');
    const read = await app.inject({ method: 'GET', url: `/api/learning/lessons/${lesson.id}`, headers: agent.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().bodyMd).toContain('看见自己的想法');
  });

  it('refuses a taken key, a changed key, and deleting a built-in course', async () => {
    await createCourse({ key: 'once-only' });
    const again = await app.inject({ method: 'POST', url: '/api/learning/courses', headers: trainer.headers, payload: { key: 'once-only', title: text('a', 'a'), summary: text('a', 'a'), audience: text('a', 'a'), tags: ['x'] } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues[0].path).toBe('key');
    const builtin = (await app.inject({ method: 'GET', url: '/api/learning/authoring/courses', headers: trainer.headers })).json().courses.find((c: { key: string }) => c.key === 'builtin-course');
    const renamed = await app.inject({ method: 'PUT', url: `/api/learning/courses/${builtin.id}`, headers: trainer.headers, payload: { key: 'other-key', title: text('a', 'a'), summary: text('a', 'a'), audience: text('a', 'a'), tags: ['x'] } });
    expect(renamed.statusCode).toBe(400);
    const removed = await app.inject({ method: 'DELETE', url: `/api/learning/courses/${builtin.id}`, headers: trainer.headers });
    expect(removed.statusCode).toBe(409);
    expect(await catalogueKeys(agent)).toContain('builtin-course');
  });

  it('deletes an own course with its lessons', async () => {
    const course = await createCourse();
    const lesson = await addLesson(course.id);
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/courses/${course.id}`, headers: trainer.headers })).json()).toEqual({ ok: true });
    expect((await app.inject({ method: 'GET', url: `/api/learning/lessons/${lesson.id}/source`, headers: trainer.headers })).statusCode).toBe(404);
  });

  it('orders lessons, refusing a list that misses one', async () => {
    const course = await createCourse();
    const first = await addLesson(course.id, { title: text('一', 'One') });
    const second = await addLesson(course.id, { title: text('二', 'Two') });
    const third = await addLesson(course.id, { title: text('三', 'Three') });
    expect([first.position, second.position, third.position]).toEqual([1, 2, 3]);
    const partial = await app.inject({ method: 'PUT', url: `/api/learning/courses/${course.id}/lesson-order`, headers: trainer.headers, payload: { lessonIds: [third.id, first.id] } });
    expect(partial.statusCode).toBe(400);
    const reordered = await app.inject({ method: 'PUT', url: `/api/learning/courses/${course.id}/lesson-order`, headers: trainer.headers, payload: { lessonIds: [third.id, first.id, second.id] } });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().lessons.map((l: { title: { zh: string } }) => l.title.zh)).toEqual(['三', '一', '二']);
    await app.inject({ method: 'DELETE', url: `/api/learning/lessons/${third.id}`, headers: trainer.headers });
    const after = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers })).json();
    expect(after.lessons.map((l: { position: number; title: { zh: string } }) => [l.position, l.title.zh])).toEqual([[1, '一'], [2, '二']]);
  });
});

describe('lesson authoring', () => {
  it('checks quiz keys against the bank and links against safe schemes', async () => {
    const course = await createCourse();
    const unknown = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/lessons`, headers: trainer.headers, payload: lessonBody({ quizKeys: ['au-001', 'no-such-question'] }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues).toEqual([{ path: 'quizKeys', message: 'unknown: no-such-question' }]);
    const badVideo = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/lessons`, headers: trainer.headers, payload: lessonBody({ video: 'javascript:alert(1)' }) });
    expect(badVideo.statusCode).toBe(400);
    expect(badVideo.json().error.issues[0].path).toContain('video');
    const badDownload = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/lessons`, headers: trainer.headers, payload: lessonBody({ downloads: [{ title: text('x', 'x'), url: 'data:text/html,<script>1</script>' }] }) });
    expect(badDownload.statusCode).toBe(400);
  });

  it('edits a built-in lesson, which then keeps the edit when the built-in content is imported again', async () => {
    const courses = (await app.inject({ method: 'GET', url: '/api/learning/authoring/courses', headers: trainer.headers })).json().courses;
    const lessonId = courses.find((c: { key: string }) => c.key === 'builtin-course').lessons[0].id;
    const source = (await app.inject({ method: 'GET', url: `/api/learning/lessons/${lessonId}/source`, headers: trainer.headers })).json();
    expect(source).toEqual(expect.objectContaining({ origin: 'builtin', isEdited: false, quizKeys: ['au-001'] }));
    const { id: _id, courseId: _c, key: _k, position: _p, origin: _o, isEdited: _e, ...input } = source;
    const saved = await app.inject({ method: 'PUT', url: `/api/learning/lessons/${lessonId}`, headers: trainer.headers, payload: { ...input, bodyMd: '## 本店版本\n结合我们店的退换货规则。' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().isEdited).toBe(true);
    const changedUpstream = structuredClone(CURRICULUM);
    changedUpstream.courses[0]!.lessonsFull[0]!.body = '## 新版原文';
    await importCurriculum(db, organisationId, changedUpstream);
    const read = (await app.inject({ method: 'GET', url: `/api/learning/lessons/${lessonId}`, headers: agent.headers })).json();
    expect(read.bodyMd).toContain('本店版本');
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/lessons/${lessonId}`, headers: trainer.headers })).statusCode).toBe(409);
  });
});

describe('question bank', () => {
  const question = (overrides: Record<string, unknown> = {}) => ({
    type: 'single',
    difficulty: 2,
    tags: ['bank-test'],
    stem: '顾客连发三个问号，最合适的第一句是？',
    options: [{ id: 'a', text: '您先别急' }, { id: 'b', text: '让您久等了，我马上查' }],
    answer: ['b'],
    explanation: '先承认等待，再给行动。',
    rubric: null,
    ...overrides,
  });

  it('refuses questions that cannot be marked, saying which field is wrong', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ answer: ['a', 'b'] }, 'answer'],
      [{ answer: ['z'] }, 'answer'],
      [{ options: [{ id: 'a', text: '只有一个' }], answer: ['a'] }, 'options'],
      [{ type: 'true_false', options: [], answer: ['true'] }, 'answer'],
      [{ type: 'short_answer', options: [], answer: ['共情'], rubric: null }, 'rubric'],
    ];
    for (const [overrides, field] of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/learning/questions', headers: trainer.headers, payload: question(overrides) });
      expect(r.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(r.json().error.issues.map((i: { path: string }) => i.path).join(' ')).toContain(field);
    }
  });

  it('adds, edits, retires and restores; a retired question is not drawn for exams', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/learning/questions', headers: trainer.headers, payload: question({ key: 'bank-q1' }) });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const edited = await app.inject({ method: 'PUT', url: `/api/learning/questions/${id}`, headers: trainer.headers, payload: question({ difficulty: 3 }) });
    expect(edited.json()).toEqual(expect.objectContaining({ key: 'bank-q1', difficulty: 3 }));
    const bank = (await app.inject({ method: 'GET', url: '/api/learning/questions?tag=bank-test', headers: trainer.headers })).json();
    expect(bank.questions.map((q: { key: string }) => q.key)).toEqual(['bank-q1']);
    expect(bank.tags).toContainEqual({ tag: 'bank-test', count: 1 });
    const examPayload = { title: text('题库测试', 'Bank test'), tags: ['bank-test'], questionCount: 1, timeLimitMinutes: 5, passMark: 60, maxAttempts: 1 };
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/questions/${id}`, headers: trainer.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/exams', headers: trainer.headers, payload: examPayload })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/learning/questions?tag=bank-test', headers: trainer.headers })).json().questions).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/learning/questions?tag=bank-test&includeRetired=true', headers: trainer.headers })).json().questions).toHaveLength(1);
    const restored = await app.inject({ method: 'POST', url: `/api/learning/questions/${id}/restore`, headers: trainer.headers });
    expect(restored.json().isRetired).toBe(false);
    expect((await app.inject({ method: 'POST', url: '/api/exams', headers: trainer.headers, payload: examPayload })).statusCode).toBe(201);
  });

  it('counts the lessons that use a question and searches stems', async () => {
    const bank = (await app.inject({ method: 'GET', url: `/api/learning/questions?q=${encodeURIComponent('身体信号')}`, headers: trainer.headers })).json();
    expect(bank.questions).toHaveLength(1);
    expect(bank.questions[0]).toEqual(expect.objectContaining({ key: 'au-001', origin: 'builtin' }));
    expect(bank.questions[0].usedInLessons).toBeGreaterThanOrEqual(1);
    expect(bank.questions[0].answer).toEqual(['a']);
  });
});

describe('case authoring', () => {
  it('adds, edits and deletes own cases; built-in cases can be edited but not deleted', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/learning/cases', headers: trainer.headers, payload: { title: text('错发颜色', 'Wrong colour'), kind: 'turnaround', tags: ['wrong-item'], goods: 'clothing', bodyMd: '> 顾客：颜色发错了！\n> 客服：非常抱歉……' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const listed = (await app.inject({ method: 'GET', url: '/api/learning/cases', headers: agent.headers })).json().cases;
    expect(listed.map((c: { id: string }) => c.id)).toContain(id);
    const edited = await app.inject({ method: 'PUT', url: `/api/learning/cases/${id}`, headers: trainer.headers, payload: { title: text('错发颜色（修订）', 'Wrong colour (revised)'), kind: 'turnaround', tags: ['wrong-item'], goods: 'clothing', bodyMd: '## 分析' } });
    expect(edited.json().title.zh).toBe('错发颜色（修订）');
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/cases/${id}`, headers: trainer.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/learning/cases/${id}`, headers: agent.headers })).statusCode).toBe(404);
    const builtin = listed.find((c: { key: string }) => c.key === 'builtin-case');
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/cases/${builtin.id}`, headers: trainer.headers })).statusCode).toBe(409);
  });

  it('keeps another organisation’s content out of reach', async () => {
    const otherOrg = await buildOrganisation(db);
    const outsider = await signIn(app, (await buildUser(db, otherOrg, { roles: ['trainer'] })).login);
    const course = await createCourse();
    const lesson = await addLesson(course.id);
    expect((await app.inject({ method: 'GET', url: `/api/learning/lessons/${lesson.id}/source`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PUT', url: `/api/learning/lessons/${lesson.id}`, headers: outsider.headers, payload: lessonBody({ quizKeys: [] }) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/learning/courses/${course.id}`, headers: outsider.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/learning/authoring/courses', headers: outsider.headers })).json().courses).toEqual([]);
  });
});
