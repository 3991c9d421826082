import type { TCurriculum } from '@calmdesk/content/curriculum';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { importCurriculum } from '../services/curriculum-import.service.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let agent: TTestSession;
let outsider: TTestSession;

const CURRICULUM: TCurriculum = {
  questions: [
    { id: 'de-001', type: 'single', difficulty: 1, tags: ['demo'], stem: '哪一个是身体信号？', options: [{ id: 'a', text: '心跳加快' }, { id: 'b', text: '下单' }, { id: 'c', text: '发货' }], answer: ['a'], explanation: '心跳加快是身体在提示你情绪来了。' },
  ],
  courses: [
    {
      id: 'demo-course',
      order: 1,
      title: { zh: '认识情绪', en: 'Understanding emotions' },
      summary: { zh: '概要', en: 'Summary' },
      audience: { zh: '全体', en: 'All' },
      tags: ['demo'],
      lessons: ['first', 'second'],
      lessonsFull: [
        { id: 'first', title: { zh: '第一课', en: 'First' }, summary: { zh: '概要', en: 'Summary' }, minutes: 10, exercise: 'none', quiz: ['de-001'], video: null, downloads: [], body: '## 正文\n情绪是信号。' },
        { id: 'second', title: { zh: '第二课', en: 'Second' }, summary: { zh: '概要', en: 'Summary' }, minutes: 15, exercise: 'breathing-pacer', quiz: [], video: null, downloads: [], body: '## 呼吸\n数到三。' },
      ],
    },
  ],
  cases: [{ id: 'demo-case', title: { zh: '迟到的包裹', en: 'The late parcel' }, kind: 'good', tags: ['delivery'], goods: 'food', body: '## 背景\n……' }],
};

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  const organisationId = await buildOrganisation(db);
  await importCurriculum(db, organisationId, CURRICULUM);
  agent = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
  const otherOrg = await buildOrganisation(db);
  await importCurriculum(db, otherOrg, CURRICULUM);
  outsider = await signIn(app, (await buildUser(db, otherOrg, { roles: ['trainer', 'admin'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('learning catalogue', () => {
  it('lists courses with lesson counts and minutes, and opens a course', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/learning/courses', headers: agent.headers });
    const course = list.json().courses[0];
    expect(course).toEqual(expect.objectContaining({ key: 'demo-course', lessonCount: 2, minutes: 25, origin: 'builtin' }));
    const detail = await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers });
    expect(detail.json().lessons.map((l: { key: string }) => l.key)).toEqual(['first', 'second']);
  });

  it('serves a lesson with its quiz but never the answers', async () => {
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: agent.headers })).json().courses[0];
    const lessonId = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers })).json().lessons[0].id;
    const lesson = await app.inject({ method: 'GET', url: `/api/learning/lessons/${lessonId}`, headers: agent.headers });
    expect(lesson.json().bodyMd).toContain('情绪是信号');
    expect(lesson.json().quiz[0].stem).toBe('哪一个是身体信号？');
    expect(lesson.body).not.toContain('"answer"');
    expect(lesson.body).not.toContain('explanation');
  });

  it("answers 404 for another organisation's course, lesson and case", async () => {
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: agent.headers })).json().courses[0];
    const lessonId = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers })).json().lessons[0].id;
    const caseId = (await app.inject({ method: 'GET', url: '/api/learning/cases', headers: agent.headers })).json().cases[0].id;
    for (const url of [`/api/learning/courses/${course.id}`, `/api/learning/lessons/${lessonId}`, `/api/learning/cases/${caseId}`]) {
      expect((await app.inject({ method: 'GET', url, headers: outsider.headers })).statusCode, url).toBe(404);
    }
  });
});

describe('progress', () => {
  it('finishing every lesson completes the course; the quiz is marked with explanations; resume points to the last lesson', async () => {
    const learner = await signIn(app, (await buildUser(db, (await app.inject({ method: 'GET', url: '/api/auth/session', headers: agent.headers })).json().organisation.id, { roles: ['agent'] })).login);
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: learner.headers })).json().courses[0];
    const enrolled = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/enrol`, headers: learner.headers });
    expect(enrolled.json().enrolments[0]).toEqual(expect.objectContaining({ courseId: course.id, lessonsDone: 0, lessonCount: 2, completedAt: null }));
    const [first, second] = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: learner.headers })).json().lessons;
    const question = (await app.inject({ method: 'GET', url: `/api/learning/lessons/${first.id}`, headers: learner.headers })).json().quiz[0];

    const wrong = await app.inject({ method: 'POST', url: `/api/learning/lessons/${first.id}/complete`, headers: learner.headers, payload: { answers: { [question.id]: ['b'] } } });
    expect(wrong.json()).toEqual({ score: 0, isCourseComplete: false, results: [{ questionId: question.id, isCorrect: false, correctAnswer: ['a'], explanation: '心跳加快是身体在提示你情绪来了。' }] });
    const right = await app.inject({ method: 'POST', url: `/api/learning/lessons/${first.id}/complete`, headers: learner.headers, payload: { answers: { [question.id]: ['a'] } } });
    expect(right.json().score).toBe(100);
    const progress = await app.inject({ method: 'GET', url: '/api/learning/progress', headers: learner.headers });
    expect(progress.json().enrolments[0]).toEqual(expect.objectContaining({ lessonsDone: 1, lastLessonId: first.id, nextLessonId: second.id }));

    const done = await app.inject({ method: 'POST', url: `/api/learning/lessons/${second.id}/complete`, headers: learner.headers, payload: {} });
    expect(done.json()).toEqual({ score: null, results: [], isCourseComplete: true });
    const finished = await app.inject({ method: 'GET', url: '/api/learning/progress', headers: learner.headers });
    expect(finished.json().enrolments[0].completedAt).not.toBeNull();
    expect(finished.json().enrolments[0].nextLessonId).toBeNull();

    // The course page and the lesson tell the learner where they stand.
    const detail = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: learner.headers })).json();
    expect(detail.myProgress).toEqual(expect.objectContaining({ isEnrolled: true, lastLessonId: second.id, hasGivenFeedback: false }));
    expect(detail.myProgress.doneLessonIds.sort()).toEqual([first.id, second.id].sort());
    expect(detail.myProgress.completedAt).not.toBeNull();
    const reread = (await app.inject({ method: 'GET', url: `/api/learning/lessons/${first.id}`, headers: learner.headers })).json();
    expect(reread.myProgress).toEqual(expect.objectContaining({ quizScore: 100, answers: { [question.id]: ['a'] } }));
    const stranger = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers })).json();
    expect(stranger.myProgress).toEqual({ isEnrolled: false, dueDate: null, lastLessonId: null, doneLessonIds: [], completedAt: null, hasGivenFeedback: false });
  });

  it('refuses malformed answers with 400, and another organisation’s lesson with 404', async () => {
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: agent.headers })).json().courses[0];
    const lessonId = (await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}`, headers: agent.headers })).json().lessons[0].id;
    const bad = await app.inject({ method: 'POST', url: `/api/learning/lessons/${lessonId}/complete`, headers: agent.headers, payload: { answers: { 'not-a-uuid': ['a'] } } });
    expect(bad.statusCode).toBe(400);
    const foreign = await app.inject({ method: 'POST', url: `/api/learning/lessons/${lessonId}/complete`, headers: outsider.headers, payload: {} });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('assignment and oversight', () => {
  it('a trainer assigns a course to a team with a due date; a supervisor sees only their team; overdue is flagged', async () => {
    const session = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: agent.headers })).json();
    const organisationId = session.organisation.id;
    const { buildTeam } = await import('../test/helpers.js');
    const teamA = await buildTeam(db, organisationId);
    const teamB = await buildTeam(db, organisationId);
    const inA = await buildUser(db, organisationId, { roles: ['agent'], teamIds: [teamA] });
    const inB = await buildUser(db, organisationId, { roles: ['agent'], teamIds: [teamB] });
    const trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
    const supervisorA = await signIn(app, (await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamA] })).login);
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: trainer.headers })).json().courses[0];

    const assigned = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/assign`, headers: trainer.headers, payload: { teamIds: [teamA, teamB], dueDate: '2020-01-31' } });
    expect(assigned.json()).toEqual({ assigned: 3 });

    const all = (await app.inject({ method: 'GET', url: '/api/learning/overview', headers: trainer.headers })).json().rows;
    expect(all.filter((r: { user: { id: string } }) => [inA.id, inB.id].includes(r.user.id))).toHaveLength(2);
    expect(all.find((r: { user: { id: string } }) => r.user.id === inA.id).isOverdue).toBe(true);

    const mine = (await app.inject({ method: 'GET', url: '/api/learning/overview', headers: supervisorA.headers })).json().rows;
    expect(mine.some((r: { user: { id: string } }) => r.user.id === inA.id)).toBe(true);
    expect(mine.some((r: { user: { id: string } }) => r.user.id === inB.id)).toBe(false);
    expect(mine.find((r: { user: { id: string } }) => r.user.id === inA.id).teamNames).toHaveLength(1);

    // The same table as an Excel file, with the same people.
    const file = await app.inject({ method: 'GET', url: '/api/learning/overview.xlsx', headers: supervisorA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="learning-progress-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(mine.length);
    expect(sheet.getRow(1).getCell(10).value).toBe('逾期 Overdue');
    expect(sheet.getRow(2).getCell(10).value).toBe('是 yes');
    expect((await app.inject({ method: 'GET', url: '/api/learning/overview.xlsx', headers: agent.headers })).statusCode).toBe(403);

    const foreignTeam = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/assign`, headers: trainer.headers, payload: { teamIds: ['00000000-0000-4000-8000-000000000001'] } });
    expect(foreignTeam.statusCode).toBe(400);
  });
});

describe('reaction questionnaire', () => {
  it('an enrolled learner rates a course; trainers see anonymous averages and comments; out-of-range ratings are refused', async () => {
    const organisationId = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: agent.headers })).json().organisation.id;
    const learner = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
    const trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: learner.headers })).json().courses[0];
    const early = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/feedback`, headers: learner.headers, payload: { content: 5, method: 4, instructor: 5 } });
    expect(early.statusCode).toBe(409);
    await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/enrol`, headers: learner.headers });
    const bad = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/feedback`, headers: learner.headers, payload: { content: 6, method: 4, instructor: 5 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.content');
    const rated = await app.inject({ method: 'POST', url: `/api/learning/courses/${course.id}/feedback`, headers: learner.headers, payload: { content: 5, method: 3, instructor: 4, comment: '例子很贴近实际工作。' } });
    expect(rated.json()).toEqual(expect.objectContaining({ responses: 1, content: 5, method: 3, instructor: 4, comments: [] }));
    const summary = await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}/feedback`, headers: trainer.headers });
    expect(summary.json().comments[0].comment).toBe('例子很贴近实际工作。');
    expect(summary.body).not.toContain('displayName');
  });
});

describe('course export and import', () => {
  it('exports a course as one file and imports it into another organisation; a clash or a broken file is refused and nothing is stored', async () => {
    const organisationId = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: agent.headers })).json().organisation.id;
    const trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
    const course = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: trainer.headers })).json().courses[0];
    const exported = await app.inject({ method: 'GET', url: `/api/learning/courses/${course.id}/export`, headers: trainer.headers });
    expect(exported.headers['content-disposition']).toMatch(/demo-course\.calmdesk-course\.json/);
    const bundle = exported.json();
    expect(bundle.lessons).toHaveLength(2);
    expect(bundle.questions.map((q: { key: string }) => q.key)).toEqual(['de-001']);

    const clash = await app.inject({ method: 'POST', url: '/api/learning/courses/import', headers: trainer.headers, payload: bundle });
    expect(clash.statusCode).toBe(409);

    const otherOrg = await buildOrganisation(db, '新店');
    const otherTrainer = await signIn(app, (await buildUser(db, otherOrg, { roles: ['trainer'] })).login);
    const imported = await app.inject({ method: 'POST', url: '/api/learning/courses/import', headers: otherTrainer.headers, payload: bundle });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual(expect.objectContaining({ lessons: 2, questionsAdded: 1, questionsReused: 0 }));
    const list = (await app.inject({ method: 'GET', url: '/api/learning/courses', headers: otherTrainer.headers })).json().courses;
    expect(list.map((c: { key: string; origin: string }) => [c.key, c.origin])).toEqual([['demo-course', 'custom']]);

    const broken = { ...bundle, course: { ...bundle.course, key: 'another-course' }, lessons: bundle.lessons.map((l: object, i: number) => ({ ...l, key: `other-${i}`, quiz: ['xx-404'] })), questions: [] };
    const refused = await app.inject({ method: 'POST', url: '/api/learning/courses/import', headers: otherTrainer.headers, payload: broken });
    expect(refused.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/learning/courses', headers: otherTrainer.headers })).json().courses).toHaveLength(1);
    const malformed = await app.inject({ method: 'POST', url: '/api/learning/courses/import', headers: otherTrainer.headers, payload: { format: 'something-else' } });
    expect(malformed.statusCode).toBe(400);
  });
});
