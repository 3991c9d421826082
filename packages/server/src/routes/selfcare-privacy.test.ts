import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SELFCARE_DELETE_CONFIRMATION, STRESS_QUESTIONNAIRE, type TRole } from '@calmdesk/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { auditLog, mentorships, notifications } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * The "done when": only the owner reads self-care entries. Person A writes entries that
 * carry a unique marker; then every other kind of caller — an admin, the supervisor of A's team,
 * A's mentor, a trainer, a deputy, a leader, a teammate, and an admin of another organisation
 * holding every role — calls every GET route the app registers, with A's ids in the path and the
 * query, and no response may contain the marker. A's entry by id is "not found" to all of them.
 */

const MARKER = `PRIVATE-MARKER-${randomBytes(6).toString('hex')}`;

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let teamId: string;
let personA: { id: string; session: TTestSession };
let entryIds: string[] = [];
const others = new Map<string, TTestSession>();

const post = (session: TTestSession, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: session.headers, payload: payload as object });

async function writePrivateEntries(session: TTestSession): Promise<string[]> {
  const bodies = [
    { kind: 'diary', body: { event: `被顾客骂哭了 ${MARKER}`, emotions: [{ emotion: 'wronged', intensity: 9 }], bodySignals: ['chest_tight'], bodySignalsOther: `胃疼 ${MARKER}`, thoughts: `我不想干了 ${MARKER}`, helped: `给妈妈打电话 ${MARKER}` } },
    { kind: 'abc', body: { step: 'disputation', activatingEvent: `顾客威胁投诉 ${MARKER}`, belief: `我会被开除 ${MARKER}`, consequence: { emotions: [{ emotion: 'afraid', intensity: 8 }], behaviour: `躲进卫生间 ${MARKER}` }, disputation: `一次投诉不会 ${MARKER}` } },
    { kind: 'gratitude', body: { text: `同桌给我带了早饭 ${MARKER}` } },
    { kind: 'success', body: { title: `安抚了退款顾客 ${MARKER}`, whatHappened: `顾客要退款 ${MARKER}`, whatIDidWell: `先共情 ${MARKER}` } },
  ];
  const ids: string[] = [];
  for (const body of bodies) {
    const response = await post(session, '/api/selfcare/entries', body);
    expect(response.statusCode).toBe(201);
    ids.push(response.json().id);
  }
  const answers = Object.fromEntries(STRESS_QUESTIONNAIRE.items.map((item) => [item.id, item.isReversed ? 0 : 4]));
  for (let i = 0; i < 2; i += 1) expect((await post(session, '/api/selfcare/stress-checks', { questionnaire: STRESS_QUESTIONNAIRE.version, answers })).statusCode).toBe(201);
  return ids;
}

/** A request that does not answer within 10 s (a stream route without an upgrade) counts as no body. */
async function inject(method: 'GET' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: object): Promise<LightMyRequestResponse | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000).unref());
  return Promise.race([app.inject({ method, url, headers, ...(payload ? { payload } : {}) }), timeout]);
}

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  teamId = await buildTeam(db, organisationId, '售后一组');
  const a = await buildUser(db, organisationId, { login: 'pv-a', displayName: '甲', teamIds: [teamId] });
  personA = { id: a.id, session: await signIn(app, a.login) };
  const roles: [string, TRole[]][] = [
    ['admin', ['admin']],
    ['supervisor of A', ['supervisor']],
    ['mentor of A', ['mentor', 'agent']],
    ['trainer', ['trainer']],
    ['deputy', ['deputy']],
    ['leader', ['leader']],
    ['teammate', ['agent']],
  ];
  for (const [name, held] of roles) {
    const user = await buildUser(db, organisationId, { roles: held, teamIds: ['admin', 'trainer', 'deputy', 'leader'].includes(name) ? [] : [teamId] });
    others.set(name, await signIn(app, user.login));
    if (name === 'mentor of A') await db.insert(mentorships).values({ organisationId, mentorUserId: user.id, menteeUserId: a.id, startedOn: '2026-01-05' });
  }
  const otherOrg = await buildOrganisation(db);
  others.set("another organisation's admin", await signIn(app, (await buildUser(db, otherOrg, { roles: ['agent', 'mentor', 'supervisor', 'trainer', 'deputy', 'leader', 'admin'] })).login));
  entryIds = await writePrivateEntries(personA.session);
}, 60_000);

afterAll(async () => {
  await app.close();
  await drop();
});

/** Every GET route, with A's entry id and A's user id in turn for each path parameter, and A's ids in the query. */
function urlsOfEveryGetRoute(): string[] {
  const query = `userId=${personA.id}&ownerId=${personA.id}&menteeUserId=${personA.id}&teamId=${teamId}&id=${entryIds[0]}`;
  const urls: string[] = [];
  for (const route of app.apiRoutes.filter((r) => r.method === 'GET')) {
    const ids = route.url.includes(':') ? [...entryIds, personA.id] : [''];
    for (const id of ids) {
      const url = route.url.replace(/:[A-Za-z]+/g, id);
      urls.push(url, `${url}?${query}`);
    }
  }
  return urls;
}

describe('self-care privacy', () => {
  it("A's own list carries the marker (so the search below can find it)", async () => {
    const response = await app.inject({ method: 'GET', url: '/api/selfcare/entries', headers: personA.session.headers });
    expect(response.body).toContain(MARKER);
  });

  it('no GET route of the app shows A’s entries to anyone else, admin included', async () => {
    const urls = urlsOfEveryGetRoute();
    expect(urls.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const [name, session] of others) {
      let answered = 0;
      for (const url of urls) {
        const response = await inject('GET', url, session.headers);
        if (response?.statusCode === 200) answered += 1;
        if (response && response.rawPayload.includes(MARKER)) leaks.push(`${name}: GET ${url} (${response.statusCode})`);
      }
      // The session works: many routes answered with data, so a missing marker means something.
      expect([name, answered > 40]).toEqual([name, true]);
    }
    expect(leaks).toEqual([]);
  }, 600_000);

  it("reading, changing or deleting A's entry by its id is 'not found' for everyone else", async () => {
    for (const [name, session] of others) {
      for (const id of entryIds) {
        const url = `/api/selfcare/entries/${id}`;
        const read = await inject('GET', url, session.headers);
        const update = await inject('PUT', url, session.headers, { kind: 'gratitude', body: { text: '改掉你的' } });
        const remove = await inject('DELETE', url, session.headers);
        expect([name, read?.statusCode, update?.statusCode, remove?.statusCode]).toEqual([name, 404, 404, 404]);
      }
    }
    const mine = await app.inject({ method: 'GET', url: '/api/selfcare/entries', headers: personA.session.headers });
    expect(mine.json().total).toBe(entryIds.length);
    expect(mine.body).not.toContain('改掉你的');
  });

  it("another person's export holds nothing of A: not in the JSON, not in the PDF", async () => {
    const teammate = others.get('teammate')!;
    const json = await app.inject({ method: 'GET', url: '/api/selfcare/export.json', headers: teammate.headers });
    expect(json.json()).toMatchObject({ entries: [], stressChecks: [] });
    expect(json.body).not.toContain(MARKER);
    const pdfText = async (session: TTestSession) => {
      const response = await app.inject({ method: 'GET', url: '/api/selfcare/export.pdf', headers: session.headers });
      const dir = mkdtempSync(path.join(tmpdir(), 'selfcare-privacy-'));
      writeFileSync(path.join(dir, 'export.pdf'), response.rawPayload);
      return execFileSync('pdftotext', [path.join(dir, 'export.pdf'), '-'], { encoding: 'utf8' });
    };
    expect(await pdfText(personA.session)).toContain(MARKER);
    expect(await pdfText(teammate)).not.toContain(MARKER);
  });

  it("A's stress checks are A's alone", async () => {
    for (const [, session] of others) {
      const response = await app.inject({ method: 'GET', url: '/api/selfcare/stress-checks', headers: session.headers });
      expect(response.json().checks).toEqual([]);
      const summary = await app.inject({ method: 'GET', url: '/api/selfcare/summary', headers: session.headers });
      expect(summary.json()).toMatchObject({ lastCheck: null, checkCount: 0, suggestion: null });
    }
  });

  it('no audit row and no notification carries entry content, even after edits, exports and delete-all', async () => {
    const c = await buildUser(db, organisationId, { teamIds: [teamId] });
    const session = await signIn(app, c.login);
    const ids = await writePrivateEntries(session);
    await app.inject({ method: 'PUT', url: `/api/selfcare/entries/${ids[2]}`, headers: session.headers, payload: { kind: 'gratitude', body: { text: `改过的 ${MARKER}` } } });
    await app.inject({ method: 'DELETE', url: `/api/selfcare/entries/${ids[0]}`, headers: session.headers });
    await app.inject({ method: 'GET', url: '/api/selfcare/export.json', headers: session.headers });
    const deleted = await post(session, '/api/selfcare/delete-all', { confirmation: SELFCARE_DELETE_CONFIRMATION });
    expect(deleted.json()).toEqual({ deletedEntries: 3, deletedChecks: 2 });
    const audit = await db.select().from(auditLog);
    const notices = await db.select().from(notifications);
    expect(audit.some((row) => row.action === 'selfcare.delete_all')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(MARKER);
    expect(JSON.stringify(notices)).not.toContain(MARKER);
  });
});
