import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { assistConversations, auditLog, notifications, organisationApiTokens } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * Live assist over HTTP on a real database: the page's analysis fields, escalation reaching
 * the team's supervisor and the acknowledgement reaching the agent, 409 on a second escalation,
 * another team's supervisor seeing nothing, the high-risk run and its reset by a pause, a team
 * load without any message text, and API tokens (admin only, the secret shown once, hashed).
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let agent: { id: string; session: TTestSession };
let agentB: { id: string; session: TTestSession };
let supervisorA: { id: string; session: TTestSession };
let supervisorB: { id: string; session: TTestSession };
let deputy: TTestSession;
let admin: TTestSession;

const ANGRY = '气死了！！！第三次找你们了还是没人解决，再不退款我就投诉到12315，电话13812345678';
const CALM = '请问发票怎么开？';

async function person(roles: ('agent' | 'supervisor' | 'deputy' | 'admin')[], teamIds: string[]) {
  const user = await buildUser(db, organisationId, { roles, teamIds });
  return { id: user.id, session: await signIn(app, user.login) };
}

async function start(session: TTestSession): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/assist/conversations', headers: session.headers, payload: {} });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function analyze(session: TTestSession, id: string, messages: { role: 'customer' | 'agent'; text: string }[], draft?: string) {
  return app.inject({ method: 'POST', url: `/api/assist/conversations/${id}/analyze`, headers: session.headers, payload: { messages, ...(draft ? { draft } : {}) } });
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  const teamA = await buildTeam(db, organisationId, '售后组');
  const teamB = await buildTeam(db, organisationId, '售前组');
  agent = await person(['agent'], [teamA]);
  agentB = await person(['agent'], [teamB]);
  supervisorA = await person(['supervisor'], [teamA]);
  supervisorB = await person(['supervisor'], [teamB]);
  deputy = (await person(['deputy'], [])).session;
  admin = (await person(['admin'], [])).session;
});

afterAll(async () => {
  await app.close();
  await drop();
});

describe('the assist page', () => {
  it('reads each customer message, the trajectory, openers, the draft and the escalation prompt, and stores counts only', async () => {
    const id = await start(agent.session);
    const messages = [
      { role: 'customer' as const, text: CALM },
      { role: 'agent' as const, text: '您好，可以在订单页申请。' },
      { role: 'customer' as const, text: ANGRY },
    ];
    const response = await analyze(agent.session, id, messages, '这是快递的问题，我们也没办法');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.messages).toHaveLength(3);
    expect(body.messages[1].reading).toBeNull();
    expect(body.messages[2].reading.risk).toBe('high');
    expect(body.messages[2].reading.threats.length).toBeGreaterThan(0);
    expect(body.trajectory.map((p: { index: number }) => p.index)).toEqual([0, 2]);
    expect(body.trajectory[1].temperature).toBeGreaterThan(body.trajectory[0].temperature);
    expect(body.current).toMatchObject({ risk: 'high' });
    expect(body.peakRisk).toBe('high');
    expect(body.escalate.shouldEscalate).toBe(true);
    expect(body.escalate.reasons.length).toBeGreaterThan(0);
    expect(body.openers.length + body.empathy.length).toBeGreaterThan(0);
    expect(body.draft.verdict).not.toBe('ok');
    expect(body.conversation).toMatchObject({ customerMessageCount: 2, agentMessageCount: 1, peakRisk: 'high', lastRisk: 'high' });
    const [row] = await db.select().from(assistConversations).where(eq(assistConversations.id, id));
    expect(JSON.stringify(row)).not.toContain('12315');
  });

  it('a calm conversation asks for no escalation and checks a draft without storing it', async () => {
    const id = await start(agent.session);
    const body = (await analyze(agent.session, id, [{ role: 'customer', text: CALM }])).json();
    expect(body.escalate).toEqual({ shouldEscalate: false, reasons: [], phrases: [] });
    const draft = await app.inject({ method: 'POST', url: `/api/assist/conversations/${id}/draft`, headers: agent.session.headers, payload: { draft: '您好，可以在订单详情页申请电子发票哦', messages: [{ role: 'customer', text: CALM }] } });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toHaveProperty('verdict');
  });

  it('refuses empty text with a 400 naming the field, and another agent’s conversation with a 404', async () => {
    const id = await start(agent.session);
    const bad = await analyze(agent.session, id, [{ role: 'customer', text: '  ' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.messages.0.text');
    expect((await analyze(agentB.session, id, [{ role: 'customer', text: CALM }])).statusCode).toBe(404);
  });

  it('a closed conversation is not analysed again', async () => {
    const id = await start(agent.session);
    const closed = await app.inject({ method: 'POST', url: `/api/assist/conversations/${id}/close`, headers: agent.session.headers, payload: {} });
    expect(closed.json().closedAt).not.toBeNull();
    expect((await analyze(agent.session, id, [{ role: 'customer', text: CALM }])).statusCode).toBe(409);
  });
});

describe('escalation', () => {
  let escalationId: string;

  it('stores a masked excerpt and tells the supervisor of the agent’s team in the app; a second one is 409', async () => {
    const id = await start(agent.session);
    const messages = [{ role: 'customer' as const, text: ANGRY }];
    await analyze(agent.session, id, messages);
    const response = await app.inject({ method: 'POST', url: `/api/assist/conversations/${id}/escalate`, headers: agent.session.headers, payload: { messages, note: '顾客要求退款并投诉' } });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    escalationId = body.id;
    expect(body.risk).toBe('high');
    expect(body.excerpt[0].text).not.toContain('13812345678');
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, supervisorA.id), eq(notifications.kind, 'assist.escalation')));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.link).toBe(`/live-assist/escalations/${escalationId}`);
    const others = await db.select().from(notifications).where(eq(notifications.userId, supervisorB.id));
    expect(others).toHaveLength(0);
    const again = await app.inject({ method: 'POST', url: `/api/assist/conversations/${id}/escalate`, headers: agent.session.headers, payload: { messages } });
    expect(again.statusCode).toBe(409);
  });

  it('another team’s supervisor neither lists nor opens nor acknowledges it', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/assist/escalations', headers: supervisorB.session.headers });
    expect(list.json().escalations).toEqual([]);
    expect((await app.inject({ method: 'GET', url: `/api/assist/escalations/${escalationId}`, headers: supervisorB.session.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/assist/escalations/${escalationId}/acknowledge`, headers: supervisorB.session.headers, payload: {} })).statusCode).toBe(404);
  });

  it('the team’s supervisor acknowledges it and the agent is told “主管已收到”, once', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/assist/escalations?status=open', headers: supervisorA.session.headers });
    expect(list.json().escalations.map((e: { id: string }) => e.id)).toContain(escalationId);
    for (let i = 0; i < 2; i += 1) {
      const ack = await app.inject({ method: 'POST', url: `/api/assist/escalations/${escalationId}/acknowledge`, headers: supervisorA.session.headers, payload: {} });
      expect(ack.statusCode).toBe(200);
      expect(ack.json().acknowledgedBy.id).toBe(supervisorA.id);
    }
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, agent.id), eq(notifications.kind, 'assist.acknowledged')));
    expect(notices).toHaveLength(1);
    expect((notices[0]!.title as { zh: string }).zh).toContain('主管已收到');
    // The agent sees their own escalation, acknowledged.
    const own = await app.inject({ method: 'GET', url: `/api/assist/escalations/${escalationId}`, headers: agent.session.headers });
    expect(own.json().acknowledgedAt).not.toBeNull();
  });
});

describe('load', () => {
  it('three high-risk conversations in a row suggest a pause; the pause ends the run', async () => {
    const fresh = await person(['agent'], []);
    for (let i = 0; i < 3; i += 1) await analyze(fresh.session, await start(fresh.session), [{ role: 'customer', text: ANGRY }]);
    const load = (await app.inject({ method: 'GET', url: '/api/assist/my/load', headers: fresh.session.headers })).json();
    expect(load).toMatchObject({ highRiskStreak: 3, suggestPause: true, pauseThreshold: 3, suggestedPauseSeconds: 60 });
    const paused = await app.inject({ method: 'POST', url: '/api/assist/pauses', headers: fresh.session.headers, payload: { seconds: 60 } });
    expect(paused.statusCode).toBe(201);
    expect(paused.json()).toMatchObject({ highRiskStreak: 0, suggestPause: false });
    expect(paused.json().lastPauseAt).not.toBeNull();
  });

  it('a calm conversation breaks the run', async () => {
    const fresh = await person(['agent'], []);
    for (const text of [ANGRY, ANGRY, CALM, ANGRY]) await analyze(fresh.session, await start(fresh.session), [{ role: 'customer', text }]);
    const load = (await app.inject({ method: 'GET', url: '/api/assist/my/load', headers: fresh.session.headers })).json();
    expect(load).toMatchObject({ highRiskStreak: 1, suggestPause: false });
  });

  it('the team load shows counts per agent of the supervisor’s teams only, and no message text', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/assist/team-load', headers: supervisorA.session.headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const ids = body.agents.map((a: { agent: { id: string } }) => a.agent.id);
    expect(ids).toContain(agent.id);
    expect(ids).not.toContain(agentB.id);
    const row = body.agents.find((a: { agent: { id: string } }) => a.agent.id === agent.id);
    expect(row.conversations).toBeGreaterThanOrEqual(3);
    expect(row.highRisk).toBeGreaterThanOrEqual(2);
    expect(row.escalations).toBe(1);
    expect(row.openEscalations).toBe(0);
    const text = JSON.stringify(body);
    for (const fragment of ['12315', '发票', '退款', '顾客要求']) expect(text).not.toContain(fragment);
    const all = (await app.inject({ method: 'GET', url: '/api/assist/team-load', headers: deputy.headers })).json();
    expect(all.agents.map((a: { agent: { id: string } }) => a.agent.id)).toEqual(expect.arrayContaining([agent.id, agentB.id]));
    const otherTeam = await app.inject({ method: 'GET', url: `/api/assist/team-load?teamId=${body.teams[0].id}`, headers: supervisorB.session.headers });
    expect(otherTeam.statusCode).toBe(404);
  });
});

describe('API tokens', () => {
  it('only an admin makes them; the secret is shown once and only its SHA-256 is stored; create and revoke are audited', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/assist/tokens', headers: agent.session.headers, payload: { name: '千牛' } })).statusCode).toBe(403);
    const made = await app.inject({ method: 'POST', url: '/api/assist/tokens', headers: admin.headers, payload: { name: '千牛插件' } });
    expect(made.statusCode).toBe(201);
    const { token, secret } = made.json();
    expect(secret).toMatch(/^cdk_/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const list = await app.inject({ method: 'GET', url: '/api/assist/tokens', headers: admin.headers });
    expect(list.body).not.toContain(secret);
    expect(list.json().tokens[0]).toMatchObject({ name: '千牛插件', revokedAt: null, lastUsedAt: null });
    const [row] = await db.select().from(organisationApiTokens).where(eq(organisationApiTokens.id, token.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);
    const revoked = await app.inject({ method: 'POST', url: `/api/assist/tokens/${token.id}/revoke`, headers: admin.headers, payload: {} });
    expect(revoked.json().revokedAt).not.toBeNull();
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, token.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['api_token.created', 'api_token.revoked']);
    expect(JSON.stringify(audits)).not.toContain(secret);
  });

  it('a blank name is refused', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/assist/tokens', headers: admin.headers, payload: { name: ' ' } });
    expect(response.statusCode).toBe(400);
  });
});
