import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { qaConversations, qaMessages, qaSources } from '../db/schema.js';
import { AppError } from '../errors.js';
import { getEngine } from '../lib/engine.js';
import { buildOrganisation, buildTeam, buildTestApp, buildTestConfig, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';
import { practiseConversation } from './qa-practise.service.js';

/**
 * "Practise this" on a real database: a trainer turns a conversation into a draft scenario of
 * the organisation, listed for authors as a draft; the customer's phone number and address
 * are masked in it even though this conversation was stored unmasked; other roles are
 * refused, and a conversation the caller may not read is not found.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let deps: TDeps;
let organisationId: string;
let otherTeamSupervisorId: string;
let trainer: TTestSession;
let agent: TTestSession;
let mentor: TTestSession;
let otherTeamSupervisor: TTestSession;
let outsiderTrainer: TTestSession;
let admin: TTestSession;
let conversationId: string;
let silentConversationId: string;

const PHONE = '13812345678';
const OPENING = `你们寄的羽绒服又是错的码！！电话${PHONE}，赶紧给我换`;
const ADDRESS_LINE = '换货寄到浙江省杭州市西湖区文三路199号阳光小区3栋501，今天必须发出，不然我就投诉到12315！';

/** One imported conversation with its messages, stored as given (masking is the import's job; here it was off). */
async function insertConversation(sourceId: string, externalId: string, agentUserId: string, messages: { role: string; text: string }[]): Promise<string> {
  const [row] = await db
    .insert(qaConversations)
    .values({ organisationId, sourceId, externalId, agentUserId, agentName: '小周', shop: '心安旗舰店', messageCount: messages.length, isDeEscalated: false, hadHighRisk: true, isEscalationMissed: false, flags: [], analysis: {} })
    .returning({ id: qaConversations.id });
  await db.insert(qaMessages).values(messages.map((m, seq) => ({ conversationId: row!.id, seq, at: new Date(Date.UTC(2026, 10, 11, 12, seq)), role: m.role, text: m.text })));
  return row!.id;
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  deps = { db, config: buildTestConfig(), engine: await getEngine(), log: app.log };
  organisationId = await buildOrganisation(db);
  const teamA = await buildTeam(db, organisationId);
  const teamB = await buildTeam(db, organisationId);
  const agentUser = await buildUser(db, organisationId, { roles: ['agent'], teamIds: [teamA] });
  agent = await signIn(app, agentUser.login);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  mentor = await signIn(app, (await buildUser(db, organisationId, { roles: ['mentor'], teamIds: [teamA] })).login);
  const supervisorB = await buildUser(db, organisationId, { roles: ['supervisor'], teamIds: [teamB] });
  otherTeamSupervisorId = supervisorB.id;
  otherTeamSupervisor = await signIn(app, supervisorB.login);
  admin = await signIn(app, (await buildUser(db, organisationId, { roles: ['admin'] })).login);
  outsiderTrainer = await signIn(app, (await buildUser(db, await buildOrganisation(db), { roles: ['trainer'] })).login);

  const [source] = await db.insert(qaSources).values({ organisationId, name: '千牛导出' }).returning({ id: qaSources.id });
  conversationId = await insertConversation(source!.id, 'CS261111PRACT', agentUser.id, [
    { role: 'customer', text: '在吗' },
    { role: 'customer', text: OPENING },
    { role: 'agent', text: '亲，这个是仓库的问题，您找快递吧。' },
    { role: 'customer', text: ADDRESS_LINE },
    { role: 'agent', text: '非常抱歉又发错了，我马上安排换货，今天18点前发出并把单号发给您。' },
    { role: 'customer', text: '好吧，那我等单号' },
  ]);
  silentConversationId = await insertConversation(source!.id, 'CS261111EMPTY', agentUser.id, [
    { role: 'system', text: '智能客服已为您转接人工客服' },
    { role: 'agent', text: '您好，请问有什么可以帮您？' },
  ]);
});

afterAll(async () => {
  await app.close();
  await drop();
});

const practise = (session: TTestSession, id = conversationId) => app.inject({ method: 'POST', url: `/api/qa/conversations/${id}/practise`, headers: session.headers });

describe('POST /api/qa/conversations/:id/practise', () => {
  it('makes a draft scenario a trainer finds in the list and can open, with the phone number and address masked', async () => {
    const response = await practise(trainer);
    expect(response.statusCode, response.body).toBe(201);
    const draft = response.json();
    expect(draft).toMatchObject({ id: 'qa-cs261111pract', status: 'draft', source: 'custom', temperament: expect.any(String) });
    expect(draft.title.zh).toContain('羽绒服');

    const list = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: trainer.headers });
    expect(list.json().scenarios).toContainEqual(expect.objectContaining({ id: draft.id, status: 'draft', source: 'custom' }));

    const source = await app.inject({ method: 'GET', url: `/api/roleplay/scenarios/${draft.id}/source`, headers: trainer.headers });
    const yaml: string = source.json().yaml;
    expect(yaml).toContain('你们寄的羽绒服又是错的码！！电话138****5678，赶紧给我换');
    expect(yaml).toContain('换货寄到浙江省杭州市西湖区[地址]');
    expect(yaml).not.toContain(PHONE);
    expect(yaml).not.toContain('文三路199号');
    // The agent's blame-shifting is not put in the customer's mouth.
    expect(yaml).not.toContain('您找快递吧');

    const validation = await app.inject({ method: 'POST', url: '/api/roleplay/scenarios/validate', headers: trainer.headers, payload: { yaml } });
    expect(validation.json()).toEqual({ valid: true, errors: [] });
  });

  it('makes a second draft with a new id when clicked again, and audits each', async () => {
    const again = await practise(trainer);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe('qa-cs261111pract-2');
    const audit = await app.inject({ method: 'GET', url: '/api/admin/audit?action=qa.conversation_practised', headers: admin.headers });
    const entries = audit.json().entries as { targetId: string; details: { scenarioId: string } }[];
    expect(entries.map((e) => e.details.scenarioId).sort()).toEqual(['qa-cs261111pract', 'qa-cs261111pract-2']);
    expect(entries.every((e) => e.targetId === conversationId)).toBe(true);
  });

  it('does not show the draft to agents, who may not author', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: agent.headers });
    expect(list.json().scenarios.map((s: { id: string }) => s.id)).not.toContain('qa-cs261111pract');
  });

  it.each([
    ['an agent', () => agent],
    ['a mentor of the agent’s team', () => mentor],
    ['a supervisor of another team', () => otherTeamSupervisor],
  ])('refuses %s with 403', async (_who, session) => {
    const response = await practise(session());
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });

  it("answers 404 for another organisation's conversation and for one that does not exist", async () => {
    const foreign = await practise(outsiderTrainer);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const missing = await practise(trainer, '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10');
    expect(missing.statusCode).toBe(404);
    const malformed = await practise(trainer, 'not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });

  it('answers 400 with a clear message for a conversation without a customer message', async () => {
    const response = await practise(trainer, silentConversationId);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'This conversation has no customer message to practise from' });
  });
});

describe('practiseConversation', () => {
  it("reads the conversation with QA's visibility: a team-scoped reader of another team does not find it", async () => {
    const auth = { userId: otherTeamSupervisorId, organisationId, roles: ['supervisor'], login: 's', displayName: 's', locale: 'zh-CN', tokenHash: '', csrfToken: '' } satisfies TAuthContext;
    const error = await practiseConversation(deps, auth, conversationId, '127.0.0.1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_FOUND');
  });
});
