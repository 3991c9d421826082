import { REACTION_QUESTION_IDS } from '@calmdesk/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { notifications, sessionEnrolments, surveyRecipients, surveys, trainingSessions } from '../db/schema.js';
import { AppError } from '../errors.js';
import { buildOrganisation, buildTestApp, buildUser, createTestDatabase, signIn } from '../test/helpers.js';
import { sendReactionSurvey } from './survey.service.js';

/**
 * The reaction questionnaire after a session (level 1), on a real database: made once per
 * session from the built-in template for those who attended, each of them notified once,
 * later attendees added without asking anyone twice; answerable at /my/surveys.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let sessionId: string;
const people: Record<'present' | 'late' | 'absent' | 'excused' | 'enrolled', { id: string; login: string }> = {} as never;

async function invitesTo(surveyId: string) {
  return db.select().from(notifications).where(and(eq(notifications.kind, 'survey_invite'), eq(notifications.link, `/my/surveys/${surveyId}`)));
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  for (const state of ['present', 'late', 'absent', 'excused', 'enrolled'] as const) people[state] = await buildUser(db, organisationId, { roles: ['agent'] });
  const [session] = await db
    .insert(trainingSessions)
    .values({ organisationId, title: '先处理心情，再处理事情', kind: 'classroom', startsAt: new Date('2026-11-12T06:00:00Z'), endsAt: new Date('2026-11-12T08:00:00Z'), status: 'held' })
    .returning();
  sessionId = session!.id;
  await db.insert(sessionEnrolments).values(Object.entries(people).map(([attendance, user]) => ({ sessionId, userId: user.id, attendance })));
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('sendReactionSurvey', () => {
  let surveyId: string;

  it('opens an anonymous reaction survey titled with the session for those present or late, and notifies them', async () => {
    surveyId = (await sendReactionSurvey(db, organisationId, sessionId))!;
    const [survey] = await db.select().from(surveys).where(eq(surveys.id, surveyId));
    expect(survey).toMatchObject({ kind: 'reaction', status: 'open', isAnonymous: true, sessionId, period: '2026-Q4', title: '课后反馈：先处理心情，再处理事情' });
    const questionIds = (survey!.questions as { id: string; topic: string }[]).map((q) => q.id);
    expect(questionIds).toEqual(expect.arrayContaining(Object.values(REACTION_QUESTION_IDS)));
    expect(survey!.dueAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const recipients = await db.select().from(surveyRecipients).where(eq(surveyRecipients.surveyId, surveyId));
    expect(recipients.map((r) => r.userId).sort()).toEqual([people.present.id, people.late.id].sort());
    expect((await invitesTo(surveyId)).map((n) => n.userId).sort()).toEqual([people.present.id, people.late.id].sort());
  });

  it('is idempotent: a second call (with deps) returns the same survey and notifies nobody again', async () => {
    expect(await sendReactionSurvey({ db }, organisationId, sessionId)).toBe(surveyId);
    expect(await db.select().from(surveys).where(eq(surveys.sessionId, sessionId))).toHaveLength(1);
    expect(await invitesTo(surveyId)).toHaveLength(2);
  });

  it('survives two calls at once', async () => {
    const [otherSession] = await db
      .insert(trainingSessions)
      .values({ organisationId, title: '投诉电话演练', kind: 'drill', startsAt: new Date('2026-11-19T06:00:00Z'), endsAt: new Date('2026-11-19T08:00:00Z'), status: 'held' })
      .returning();
    await db.insert(sessionEnrolments).values({ sessionId: otherSession!.id, userId: people.present.id, attendance: 'present' });
    const ids = await Promise.all([sendReactionSurvey(db, organisationId, otherSession!.id), sendReactionSurvey(db, organisationId, otherSession!.id)]);
    expect(ids[0]).toBe(ids[1]);
    expect(await invitesTo(ids[0]!)).toHaveLength(1);
  });

  it('asks someone marked present later, and only them', async () => {
    await db.update(sessionEnrolments).set({ attendance: 'present' }).where(and(eq(sessionEnrolments.sessionId, sessionId), eq(sessionEnrolments.userId, people.enrolled.id)));
    expect(await sendReactionSurvey(db, organisationId, sessionId)).toBe(surveyId);
    const invites = await invitesTo(surveyId);
    expect(invites.map((n) => n.userId).sort()).toEqual([people.present.id, people.late.id, people.enrolled.id].sort());
  });

  it('can be answered by an attendee like any survey', async () => {
    const session = await signIn(app, people.late.login);
    const mine = await app.inject({ method: 'GET', url: `/api/ops/my/surveys/${surveyId}`, headers: session.headers });
    expect(mine.json()).toMatchObject({ kind: 'reaction', status: 'open', questionCount: 5 });
    const answered = await app.inject({ method: 'POST', url: `/api/ops/my/surveys/${surveyId}/responses`, headers: session.headers, payload: { answers: { content: 5, method: 4, instructor: 5, best: '情绪 ABC 的练习很实用' } } });
    expect(answered.statusCode, answered.body).toBe(201);
    const absent = await signIn(app, people.absent.login);
    expect((await app.inject({ method: 'GET', url: `/api/ops/my/surveys/${surveyId}`, headers: absent.headers })).statusCode).toBe(404);
  });

  it('makes nothing when nobody attended, and refuses another organisation’s session', async () => {
    const [empty] = await db
      .insert(trainingSessions)
      .values({ organisationId, title: '无人出席', kind: 'online', startsAt: new Date('2026-11-20T06:00:00Z'), endsAt: new Date('2026-11-20T07:00:00Z') })
      .returning();
    await db.insert(sessionEnrolments).values({ sessionId: empty!.id, userId: people.absent.id, attendance: 'absent' });
    expect(await sendReactionSurvey(db, organisationId, empty!.id)).toBeNull();
    expect(await db.select().from(surveys).where(eq(surveys.sessionId, empty!.id))).toEqual([]);
    const other = await buildOrganisation(db);
    await expect(sendReactionSurvey(db, other, sessionId)).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'NOT_FOUND');
  });
});
