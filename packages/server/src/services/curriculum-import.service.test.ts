import type { TCurriculum } from '@calmdesk/content/curriculum';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDb } from '../db/client.js';
import { courses, lessons, questions } from '../db/schema.js';
import { buildOrganisation, createTestDatabase } from '../test/helpers.js';
import { importCurriculum } from './curriculum-import.service.js';

let db: TDb;
let drop: () => Promise<void>;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
});

afterAll(async () => {
  await drop();
});

function curriculum(lessonText = '正文。'.repeat(40)): TCurriculum {
  return {
    questions: [
      { id: 'de-001', type: 'true_false', difficulty: 1, tags: ['demo'], stem: '情绪没有好坏之分。', answer: [true], explanation: '情绪本身是信号。' },
    ],
    courses: [
      {
        id: 'demo-course',
        order: 1,
        title: { zh: '认识情绪', en: 'Understanding emotions' },
        summary: { zh: '概要', en: 'Summary' },
        audience: { zh: '全体', en: 'All' },
        tags: ['demo'],
        lessons: ['first'],
        lessonsFull: [
          { id: 'first', title: { zh: '第一课', en: 'First' }, summary: { zh: '概要', en: 'Summary' }, minutes: 10, exercise: 'none', quiz: ['de-001'], video: null, downloads: [], body: lessonText },
        ],
      },
    ],
    cases: [{ id: 'demo-case', title: { zh: '案例', en: 'Case' }, kind: 'good', tags: ['delivery'], goods: 'food', body: '## 背景\n……' }],
  };
}

describe('importCurriculum', () => {
  it('imports every item once; a second run changes nothing', async () => {
    const organisationId = await buildOrganisation(db);
    expect(await importCurriculum(db, organisationId, curriculum())).toEqual({ inserted: 4, updated: 0, kept: 0 });
    expect(await importCurriculum(db, organisationId, curriculum())).toEqual({ inserted: 0, updated: 0, kept: 4 });
    const course = await db.select().from(courses).where(eq(courses.organisationId, organisationId));
    expect(course[0]!.title).toEqual({ zh: '认识情绪', en: 'Understanding emotions' });
  });

  it('follows a content update, but keeps what the organisation edited', async () => {
    const organisationId = await buildOrganisation(db);
    await importCurriculum(db, organisationId, curriculum());
    const updated = await importCurriculum(db, organisationId, curriculum('新的正文。'.repeat(40)));
    expect(updated).toEqual({ inserted: 0, updated: 1, kept: 3 });
    await db.update(lessons).set({ isEdited: true, bodyMd: '我们店自己的版本' }).where(eq(lessons.organisationId, organisationId));
    const again = await importCurriculum(db, organisationId, curriculum('再次更新。'.repeat(40)));
    expect(again.updated).toBe(0);
    const lesson = await db.select().from(lessons).where(eq(lessons.organisationId, organisationId));
    expect(lesson[0]!.bodyMd).toBe('我们店自己的版本');
  });

  it('keeps organisations apart', async () => {
    const a = await buildOrganisation(db);
    const b = await buildOrganisation(db);
    await importCurriculum(db, a, curriculum());
    expect((await db.select().from(questions).where(eq(questions.organisationId, b))).length).toBe(0);
  });
});
