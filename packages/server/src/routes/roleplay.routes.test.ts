import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { getScenarios } from '../lib/scenarios.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let trainee: TTestSession;
let traineeId: string;
let trainer: TTestSession;
let otherAgent: TTestSession;
const SCENARIO = [...getScenarios().keys()][0]!;
const GOOD = ['真的很抱歉让您久等了，换作是我也会着急。', '我马上为您加急处理，今天18点前把结果和单号发给您。', '非常抱歉给您添麻烦了，我今天18点前一定给您回复处理结果。'];

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  const t = await buildUser(db, organisationId, { roles: ['agent'] });
  traineeId = t.id;
  trainee = await signIn(app, t.login);
  trainer = await signIn(app, (await buildUser(db, organisationId, { roles: ['trainer'] })).login);
  otherAgent = await signIn(app, (await buildUser(db, organisationId, { roles: ['agent'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

async function start(session: TTestSession, extra: Record<string, unknown> = {}) {
  const r = await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: session.headers, payload: { scenarioId: SCENARIO, seed: 5, ...extra } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

describe('role-play attempts', () => {
  it('lists scenarios and shows a brief without the customer’s hidden reactions', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: trainee.headers });
    expect(list.json().scenarios.length).toBeGreaterThan(0);
    const brief = await app.inject({ method: 'GET', url: `/api/roleplay/scenarios/${SCENARIO}`, headers: trainee.headers });
    expect(brief.json().persona.name).toBeTruthy();
    expect(brief.body).not.toContain('"effects"');
    expect(brief.body).not.toContain('"lines"');
  });

  it('plays turn by turn, stores the transcript, and scores at the end', async () => {
    const attempt = await start(trainee);
    expect(attempt.opening).toBeTruthy();
    let current = attempt;
    for (const text of GOOD) {
      if (current.outcome) break;
      const r = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text } });
      expect(r.statusCode, r.body).toBe(200);
      current = r.json();
      expect(current.turns.at(-1).feedback.notes.length).toBeGreaterThan(0);
    }
    const stored = await app.inject({ method: 'GET', url: `/api/roleplay/attempts/${attempt.id}`, headers: trainee.headers });
    expect(stored.json().turns.length).toBe(current.turns.length);
    if (current.outcome) {
      expect(stored.json().scorecard.total).toBeGreaterThanOrEqual(0);
      const again = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '还在吗' } });
      expect(again.statusCode).toBe(409);
    }
  });

  it("keeps an attempt from other trainees, but shows it to a trainer, who may comment", async () => {
    const attempt = await start(trainee);
    expect((await app.inject({ method: 'GET', url: `/api/roleplay/attempts/${attempt.id}`, headers: otherAgent.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: otherAgent.headers, payload: { text: '你好' } })).statusCode).toBe(404);
    const seen = await app.inject({ method: 'GET', url: `/api/roleplay/attempts/${attempt.id}`, headers: trainer.headers });
    expect(seen.statusCode).toBe(200);
    const commented = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/comments`, headers: trainer.headers, payload: { body: '第一句先回应情绪，很好。' } });
    expect(commented.json().comments[0].body).toBe('第一句先回应情绪，很好。');
    const mine = await app.inject({ method: 'GET', url: '/api/roleplay/attempts', headers: otherAgent.headers });
    expect(mine.json().attempts.every((a: { user: { id: string } }) => a.user.id !== traineeId)).toBe(true);
    const byTrainer = await app.inject({ method: 'GET', url: `/api/roleplay/attempts?userId=${traineeId}`, headers: trainer.headers });
    expect(byTrainer.json().total).toBeGreaterThan(0);
    const snooping = await app.inject({ method: 'GET', url: `/api/roleplay/attempts?userId=${traineeId}`, headers: otherAgent.headers });
    expect(snooping.statusCode).toBe(403);
  });

  it('answers bad input with 4xx naming the field', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: trainee.headers, payload: { scenarioId: 'no-such-scenario' } });
    expect(unknown.statusCode).toBe(404);
    const attempt = await start(trainee);
    const empty = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues[0].path).toBe('body.text');
    const long = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '好'.repeat(2001) } });
    expect(long.statusCode).toBe(400);
  });
});

describe('assignments', () => {
  it('a trainer assigns to a team; the trainee sees it and completes it', async () => {
    const teamId = await buildTeam(db, organisationId);
    const member = await buildUser(db, organisationId, { roles: ['agent'], teamIds: [teamId] });
    const memberSession = await signIn(app, member.login);
    const created = await app.inject({ method: 'POST', url: '/api/roleplay/assignments', headers: trainer.headers, payload: { scenarioId: SCENARIO, teamIds: [teamId], dueDate: '2026-12-31' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().people).toBe(1);
    const mine = await app.inject({ method: 'GET', url: '/api/roleplay/assignments', headers: memberSession.headers });
    const assignment = mine.json().assignments[0];
    expect(assignment.isDoneByMe).toBe(false);
    const attempt = await start(memberSession, { assignmentId: assignment.id });
    let current = attempt;
    for (const text of [...GOOD, ...GOOD]) {
      if (current.outcome) break;
      current = (await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: memberSession.headers, payload: { text } })).json();
    }
    expect(current.outcome).not.toBeNull();
    const after = await app.inject({ method: 'GET', url: '/api/roleplay/assignments', headers: trainer.headers });
    expect(after.json().assignments.find((a: { id: string }) => a.id === assignment.id).done).toBe(1);
  });

  it('refuses an empty target list and a foreign assignment', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/roleplay/assignments', headers: trainer.headers, payload: { scenarioId: SCENARIO } });
    expect(empty.statusCode).toBe(400);
    const foreign = await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: otherAgent.headers, payload: { scenarioId: SCENARIO, assignmentId: '00000000-0000-4000-8000-000000000000' } });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('scenario authoring', () => {
  const builtIn = () => SCENARIO;
  async function copyOf(id: string, newId: string) {
    const source = await app.inject({ method: 'GET', url: `/api/roleplay/scenarios/${builtIn()}/source`, headers: trainer.headers });
    expect(source.statusCode).toBe(200);
    return (source.json().yaml as string).replace(new RegExp(`^id: ${id}$`, 'm'), `id: ${newId}`);
  }

  it('validates YAML with line and field, saves a draft only trainers see, publishes it for everyone', async () => {
    const broken = await app.inject({ method: 'POST', url: '/api/roleplay/scenarios/validate', headers: trainer.headers, payload: { yaml: 'id: ok-id\nfamily: party\n' } });
    const errors = broken.json().errors as { line?: number; path: string }[];
    expect(broken.json().valid).toBe(false);
    expect(errors.find((e) => e.path === 'family')?.line).toBe(2);

    const yaml = await copyOf(builtIn(), 'our-own-scenario');
    expect((await app.inject({ method: 'POST', url: '/api/roleplay/scenarios/validate', headers: trainer.headers, payload: { yaml } })).json().valid).toBe(true);
    const draft = await app.inject({ method: 'POST', url: '/api/roleplay/scenarios', headers: trainer.headers, payload: { yaml, status: 'draft' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const seenByAgent = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: trainee.headers });
    expect(seenByAgent.json().scenarios.some((s: { id: string }) => s.id === 'our-own-scenario')).toBe(false);
    // A trainer can test-play a draft.
    expect((await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: trainer.headers, payload: { scenarioId: 'our-own-scenario' } })).statusCode).toBe(201);
    const published = await app.inject({ method: 'PUT', url: '/api/roleplay/scenarios/our-own-scenario', headers: trainer.headers, payload: { yaml, status: 'published' } });
    expect(published.json().status).toBe('published');
    const nowSeen = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: trainee.headers });
    expect(nowSeen.json().scenarios.find((s: { id: string }) => s.id === 'our-own-scenario').source).toBe('custom');
    expect((await app.inject({ method: 'POST', url: '/api/roleplay/attempts', headers: trainee.headers, payload: { scenarioId: 'our-own-scenario' } })).statusCode).toBe(201);
  });

  it('refuses an invalid scenario with 400 naming the line, a built-in id with 409, and nothing is stored', async () => {
    const invalid = await app.inject({ method: 'POST', url: '/api/roleplay/scenarios', headers: trainer.headers, payload: { yaml: 'id: bad\ntitle: 5\n', status: 'draft' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.issues[0].path).toMatch(/^yaml:\d+ /);
    const yaml = await copyOf(builtIn(), builtIn());
    const clash = await app.inject({ method: 'POST', url: '/api/roleplay/scenarios', headers: trainer.headers, payload: { yaml, status: 'draft' } });
    expect(clash.statusCode).toBe(409);
    const list = await app.inject({ method: 'GET', url: '/api/roleplay/scenarios', headers: trainer.headers });
    expect(list.json().scenarios.filter((s: { id: string }) => s.id === 'bad')).toHaveLength(0);
  });

  it('keeps an attempt’s scenario as it was when it started', async () => {
    const yaml = await copyOf(builtIn(), 'changing-scenario');
    await app.inject({ method: 'POST', url: '/api/roleplay/scenarios', headers: trainer.headers, payload: { yaml, status: 'published' } });
    const attempt = await start(trainee, { scenarioId: 'changing-scenario' });
    await app.inject({ method: 'DELETE', url: '/api/roleplay/scenarios/changing-scenario', headers: trainer.headers });
    const reply = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '非常抱歉让您久等了。' } });
    expect(reply.statusCode).toBe(200);
  });
});

describe('OpenAI-compatible customer lines (optional)', () => {
  it('words the customer line with the configured endpoint, and falls back to the scenario line when it fails', async () => {
    const http = await import('node:http');
    const received: { auth?: string | undefined; model?: string }[] = [];
    let isDown = false;
    const fake = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, model: JSON.parse(body).model });
        if (isDown) {
          res.writeHead(500).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: '「行吧，那你快点给我个准信。」' } }] }));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const port = (fake.address() as { port: number }).port;
    const admin = await signIn(app, (await buildUser(db, organisationId, { roles: ['admin'] })).login);

    const missing = await app.inject({ method: 'PUT', url: '/api/roleplay/settings', headers: admin.headers, payload: { isLlmEnabled: true } });
    expect(missing.statusCode).toBe(400);
    const on = await app.inject({
      method: 'PUT',
      url: '/api/roleplay/settings',
      headers: admin.headers,
      payload: { isLlmEnabled: true, baseUrl: `http://127.0.0.1:${port}/v1`, model: 'test-model', apiKey: 'sk-test' },
    });
    expect(on.json()).toEqual({ isLlmEnabled: true, baseUrl: `http://127.0.0.1:${port}/v1`, model: 'test-model', hasApiKey: true });
    expect(on.body).not.toContain('sk-test');

    const attempt = await start(trainee);
    const worded = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '非常抱歉让您久等了。' } });
    expect(worded.json().turns[0].customer).toBe('行吧，那你快点给我个准信。');
    expect(received[0]).toEqual({ auth: 'Bearer sk-test', model: 'test-model' });

    isDown = true;
    const fallback = await app.inject({ method: 'POST', url: `/api/roleplay/attempts/${attempt.id}/replies`, headers: trainee.headers, payload: { text: '我马上帮您查，今天18点前回复您。' } });
    expect(fallback.statusCode).toBe(200);
    expect(fallback.json().turns[1].customer).not.toBe('行吧，那你快点给我个准信。');
    expect(fallback.json().turns[1].customer.length).toBeGreaterThan(0);

    await app.inject({ method: 'PUT', url: '/api/roleplay/settings', headers: admin.headers, payload: { isLlmEnabled: false } });
    await new Promise((resolve) => fake.close(resolve));
  });
});
