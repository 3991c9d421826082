import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRouteApp } from '../app.js';
import type { TDb } from '../db/client.js';
import { examAttempts, exams, kpiImports, kpiRecords, qaConversations, qaSources, roleplayAttempts, sessionEnrolments, surveyRecipients, surveyResponses, surveys, trainingSessions } from '../db/schema.js';
import { buildOrganisation, buildTeam, buildTestApp, buildUser, createTestDatabase, signIn, type TTestSession } from '../test/helpers.js';

/**
 * 效果评估 through the API on a real database: KPI import (CSV and Excel, bad rows, re-import,
 * a supervisor's teams), the four levels computed from rows written here, visibility, exports.
 */

let app: TRouteApp;
let db: TDb;
let drop: () => Promise<void>;
let organisationId: string;
let teamA: string;
let teamB: string;
const ids = { a1: '', a2: '', b1: '' };
let supervisor: TTestSession;
let trainer: TTestSession;
let leader: TTestSession;
let agent: TTestSession;
let mentor: TTestSession;
let admin: TTestSession;

beforeAll(async () => {
  const testDb = await createTestDatabase();
  db = testDb.db;
  drop = testDb.drop;
  app = await buildTestApp(db);
  organisationId = await buildOrganisation(db);
  teamA = await buildTeam(db, organisationId, '售前组');
  teamB = await buildTeam(db, organisationId, '售后组');
  ids.a1 = (await buildUser(db, organisationId, { login: 'ev-a1', displayName: '林雨桐', teamIds: [teamA] })).id;
  ids.a2 = (await buildUser(db, organisationId, { login: 'ev-a2', displayName: '黄子涵', teamIds: [teamA] })).id;
  ids.b1 = (await buildUser(db, organisationId, { login: 'ev-b1', displayName: '张欣怡', teamIds: [teamB] })).id;
  supervisor = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-sup', roles: ['supervisor'], teamIds: [teamA] })).login);
  trainer = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-trainer', roles: ['trainer'] })).login);
  leader = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-leader', roles: ['leader'] })).login);
  agent = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-agent', roles: ['agent'], teamIds: [teamA] })).login);
  mentor = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-mentor', roles: ['mentor', 'agent'], teamIds: [teamA] })).login);
  admin = await signIn(app, (await buildUser(db, organisationId, { login: 'ev-admin', roles: ['admin'] })).login);
});

afterAll(async () => {
  await app.close();
  await drop();
});

function upload(session: TTestSession, path: 'preview' | 'import', fileName: string, body: Buffer | string, mapping: Record<string, string> = {}) {
  const query = new URLSearchParams({ fileName, ...mapping }).toString();
  return app.inject({
    method: 'POST',
    url: path === 'preview' ? `/api/eval/kpi-imports/preview?${query}` : `/api/eval/kpi-imports?${query}`,
    headers: { ...session.headers, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });
}

async function recordOf(userId: string, periodStart: string) {
  const rows = await db.select().from(kpiRecords).where(and(eq(kpiRecords.organisationId, organisationId), eq(kpiRecords.userId, userId), eq(kpiRecords.periodStart, periodStart)));
  return rows[0];
}

// Rows 1–2 good; 3 another team's person; 4 nobody; 5 a word for a number; 6 above 100 %; 7 a period ending before it starts; 8 again row 1's person and month.
const SUPERVISOR_CSV = [
  '工号,月份,开始日期,结束日期,满意度(%),投诉率(%),复购率(%),平均处理时长(分钟),升级率(%)',
  'ev-a1,2026-10,,,92.5,0.8,31,6.5,1.2',
  '黄子涵,2026年10月,,,88,1.1,28.5,7.2,2',
  'ev-b1,2026-10,,,90,1,30,6,1',
  'ev-nobody,2026-10,,,90,1,30,6,1',
  'ev-a1,2026-09,,,很好,1,30,6,1',
  'ev-a2,2026-09,,,120,1,30,6,1',
  'ev-a1,,2026-08-31,2026-08-01,90,1,30,6,1',
  'ev-a1,2026-10,,,91,1,30,6,1',
].join('\n');

describe('KPI import', () => {
  it('previews with the mapping found from Chinese headers and writes nothing', async () => {
    const response = await upload(supervisor, 'preview', '10月KPI.csv', SUPERVISOR_CSV);
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview.mapping).toEqual({ person: '工号', month: '月份', periodStart: '开始日期', periodEnd: '结束日期', csat: '满意度(%)', complaintRate: '投诉率(%)', repurchaseRate: '复购率(%)', resolutionMinutes: '平均处理时长(分钟)', escalationRate: '升级率(%)' });
    expect(preview).toMatchObject({ format: 'csv', missing: [], totalRows: 8, validRows: 2, rejectedRows: 6 });
    expect(preview.rows[0]).toMatchObject({ rowNumber: 1, person: { id: ids.a1 }, periodStart: '2026-10-01', periodEnd: '2026-10-31', values: { csat: 92.5, resolutionMinutes: 6.5 }, reject: null, isReplacing: false });
    expect(await recordOf(ids.a1, '2026-10-01')).toBeUndefined();
  });

  it('imports the good rows and reports every bad one by row number and reason, the supervisor only for their teams', async () => {
    const response = await upload(supervisor, 'import', '10月KPI.csv', SUPERVISOR_CSV);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.rowsImported).toBe(2);
    expect(result.rejects.map((r: { rowNumber: number; code: string }) => [r.rowNumber, r.code])).toEqual([
      [3, 'not_your_team'],
      [4, 'unknown_person'],
      [5, 'bad_number'],
      [6, 'out_of_range'],
      [7, 'end_before_start'],
      [8, 'duplicate'],
    ]);
    expect(result.rejects[5]).toMatchObject({ otherRow: 1 });
    expect(await recordOf(ids.a1, '2026-10-01')).toMatchObject({ csat: 92.5, complaintRate: 0.8, repurchaseRate: 31, resolutionMinutes: 6.5, escalationRate: 1.2, importId: result.id });
    expect(await recordOf(ids.a2, '2026-10-01')).toMatchObject({ csat: 88 });
    // Never half a row: nothing of the rejected rows was written.
    expect(await recordOf(ids.b1, '2026-10-01')).toBeUndefined();
    expect(await recordOf(ids.a1, '2026-09-01')).toBeUndefined();
    expect(await recordOf(ids.a1, '2026-08-01')).toBeUndefined();
    // kpi_imports keeps the report.
    const stored = await db.select().from(kpiImports).where(eq(kpiImports.id, result.id));
    expect(stored[0]).toMatchObject({ fileName: '10月KPI.csv', rowsImported: 2 });
    expect((stored[0]!.rejects as unknown[]).length).toBe(6);
    const again = await app.inject({ method: 'GET', url: `/api/eval/kpi-imports/${result.id}`, headers: supervisor.headers });
    expect(again.json().rejects).toHaveLength(6);
  });

  it('replaces the values of a person and period on re-import, keeping columns the new file does not have', async () => {
    const response = await upload(trainer, 'import', 'fix.csv', '工号,月份,满意度\nev-a1,2026-10,95\nev-b1,2026-10,90.5\n');
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ rowsImported: 2, rowsRejected: 0 });
    expect(await recordOf(ids.a1, '2026-10-01')).toMatchObject({ csat: 95, complaintRate: 0.8, resolutionMinutes: 6.5 });
    const records = await db.select().from(kpiRecords).where(and(eq(kpiRecords.userId, ids.a1), eq(kpiRecords.periodStart, '2026-10-01')));
    expect(records).toHaveLength(1);
    // The trainer imports for every team.
    expect(await recordOf(ids.b1, '2026-10-01')).toMatchObject({ csat: 90.5 });
    const preview = await upload(trainer, 'preview', 'fix.csv', '工号,月份,满意度\nev-a1,2026-10,96\n');
    expect(preview.json()).toMatchObject({ replacingRows: 1, rows: [{ isReplacing: true }] });
  });

  it('imports an Excel file with English headers and date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('KPI');
    sheet.addRow(['Login', 'Period start', 'Period end', 'CSAT %', 'Complaint rate %', 'Resolution time (min)']);
    sheet.addRow(['ev-a2', new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 30)), 89, 0.9, 7]);
    sheet.addRow(['ev-a1', new Date(Date.UTC(2026, 10, 1)), new Date(Date.UTC(2026, 10, 30)), 0.93, 0.5, 6]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(supervisor, 'import', 'november.xlsx', bytes);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result.rowsImported).toBe(1);
    expect(result.rejects).toMatchObject([{ rowNumber: 2, code: 'looks_like_fraction', field: 'csat', value: '0.93' }]);
    expect(await recordOf(ids.a2, '2026-11-01')).toMatchObject({ periodEnd: '2026-11-30', csat: 89, complaintRate: 0.9, resolutionMinutes: 7, repurchaseRate: null });
  });

  it('takes the columns chosen by the person over the ones it found', async () => {
    const csv = '客服,统计,满意度\nev-a1,2026-07,81\n';
    const found = await upload(trainer, 'preview', 'x.csv', csv);
    expect(found.json().missing).toEqual(['period']);
    const response = await upload(trainer, 'import', 'x.csv', csv, { person: '客服', month: '统计', csat: '满意度' });
    expect(response.statusCode, response.body).toBe(201);
    expect(await recordOf(ids.a1, '2026-07-01')).toMatchObject({ csat: 81 });
  });

  it.each([
    { name: 'an empty file', fileName: 'empty.csv', body: '', status: 400, code: 'BAD_REQUEST' },
    { name: 'a JSON file', fileName: 'kpi.json', body: '[{"工号":"ev-a1"}]', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'an old .xls file', fileName: 'kpi.xls', body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'a file over 5 MB', fileName: 'big.csv', body: Buffer.alloc(5 * 1024 * 1024 + 10, 0x41), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'a file without a KPI column', fileName: 'no-kpi.csv', body: '工号,月份,备注\nev-a1,2026-10,好\n', status: 400, code: 'VALIDATION_FAILED' },
  ])('refuses $name with $status', async ({ fileName, body, status, code }) => {
    const response = await upload(trainer, 'import', fileName, body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(code);
  });

  it('refuses a mapping that names a column the file does not have', async () => {
    const response = await upload(trainer, 'preview', 'x.csv', '工号,月份,满意度\nev-a1,2026-10,90\n', { csat: 'CSAT' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ path: 'querystring.csat', message: 'the file has no column "CSAT"' }]);
  });

  it('shows a supervisor their own imports only, and the training group every import', async () => {
    const mine = (await app.inject({ method: 'GET', url: '/api/eval/kpi-imports', headers: supervisor.headers })).json().imports;
    const all = (await app.inject({ method: 'GET', url: '/api/eval/kpi-imports', headers: leader.headers })).json().imports;
    expect(mine.map((i: { fileName: string }) => i.fileName).sort()).toEqual(['10月KPI.csv', 'november.xlsx']);
    expect(all.length).toBeGreaterThan(mine.length);
    const trainersImport = all.find((i: { fileName: string }) => i.fileName === 'fix.csv');
    expect((await app.inject({ method: 'GET', url: `/api/eval/kpi-imports/${trainersImport.id}`, headers: supervisor.headers })).statusCode).toBe(404);
  });

  it("downloads an import's rejected rows as Excel, with the reason in Chinese and English", async () => {
    const mine = (await app.inject({ method: 'GET', url: '/api/eval/kpi-imports', headers: supervisor.headers })).json().imports;
    const csvImport = mine.find((i: { fileName: string }) => i.fileName === '10月KPI.csv');
    const xlsx = await app.inject({ method: 'GET', url: `/api/eval/kpi-imports/${csvImport.id}/rejects.xlsx`, headers: supervisor.headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 6);
    expect(sheet.getRow(2).values).toEqual([undefined, 3, 'not_your_team', 'person', 'ev-b1', '「ev-b1」不在你的团队，主管只能导入本团队的数据', '"ev-b1" is not in your teams']);
  });

  it('lists stored records to the people who may see them, as JSON and Excel', async () => {
    const forSupervisor = (await app.inject({ method: 'GET', url: '/api/eval/kpis?from=2026-10&to=2026-10', headers: supervisor.headers })).json();
    expect(forSupervisor.records.map((r: { person: { login: string } }) => r.person.login).sort()).toEqual(['ev-a1', 'ev-a2']);
    expect((await app.inject({ method: 'GET', url: `/api/eval/kpis?teamId=${teamB}`, headers: supervisor.headers })).statusCode).toBe(404);
    const xlsx = await app.inject({ method: 'GET', url: '/api/eval/kpis.xlsx?from=2026-10&to=2026-10', headers: leader.headers });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(1 + 3);
  });
});

// ---------------------------------------------------------------------------------------
// The four levels, from rows written here.

const at = (text: string) => new Date(`${text}+08:00`);

async function seedFourLevels(): Promise<void> {
  await db.delete(kpiRecords).where(eq(kpiRecords.organisationId, organisationId));
  // One session on 10 September: a1 present, b1 late (both trained from that day), a2 absent.
  const [session] = await db
    .insert(trainingSessions)
    .values({ organisationId, title: '情绪急救：先接住情绪', kind: 'classroom', startsAt: at('2026-09-10T14:00:00'), endsAt: at('2026-09-10T16:00:00'), status: 'held' })
    .returning();
  await db.insert(sessionEnrolments).values([
    { sessionId: session!.id, userId: ids.a1, attendance: 'present' },
    { sessionId: session!.id, userId: ids.a2, attendance: 'absent' },
    { sessionId: session!.id, userId: ids.b1, attendance: 'late' },
  ]);
  // Level 1: the session's reaction questionnaire, anonymous; a2 was asked and did not answer.
  const questions = [
    { id: 'content', type: 'likert', prompt: '内容实用', options: [], isRequired: true },
    { id: 'method', type: 'likert', prompt: '方式易懂', options: [], isRequired: true },
    { id: 'best', type: 'text', prompt: '最有帮助的一点', options: [], isRequired: false },
  ];
  const [survey] = await db.insert(surveys).values({ organisationId, kind: 'reaction', title: '课后反馈', questions, isAnonymous: true, status: 'closed', sessionId: session!.id }).returning();
  await db.insert(surveyRecipients).values([
    { surveyId: survey!.id, userId: ids.a1, respondedAt: at('2026-09-10T17:00:00') },
    { surveyId: survey!.id, userId: ids.b1, respondedAt: at('2026-09-11T09:00:00') },
    { surveyId: survey!.id, userId: ids.a2 },
  ]);
  await db.insert(surveyResponses).values([
    { surveyId: survey!.id, organisationId, userId: null, answers: { content: 4, method: 5, best: '先共情' }, level: 'agent', teamId: teamA },
    { surveyId: survey!.id, organisationId, userId: null, answers: { content: 3, method: 2 }, level: 'agent', teamId: teamB },
  ]);
  // Level 2: three marked attempts (80 passed, 50 failed, 0 run out of time) and two role-plays.
  const [exam] = await db.insert(exams).values({ organisationId, title: { zh: '情绪识别测验', en: 'Reading emotions quiz' }, tags: ['t'], questionCount: 5, timeLimitMinutes: 10, passMark: 60, maxAttempts: 2 }).returning();
  const attempt = (userId: string, day: string, status: string, finalScore: number, isPassed: boolean) => ({
    organisationId,
    examId: exam!.id,
    userId,
    attemptNumber: 1,
    paper: [],
    status,
    deadlineAt: at(`${day}T11:00:00`),
    submittedAt: at(`${day}T10:30:00`),
    objectiveScore: finalScore,
    finalScore,
    isPassed,
  });
  await db.insert(examAttempts).values([attempt(ids.a1, '2026-10-05', 'graded', 80, true), attempt(ids.a2, '2026-10-06', 'graded', 50, false), attempt(ids.b1, '2026-10-07', 'expired', 0, false)]);
  const roleplay = (userId: string, total: number) => ({ organisationId, userId, scenarioId: 'late-delivery', seed: 1, scenario: { title: { zh: '迟迟不发货', en: 'Late delivery' } }, session: {}, outcome: 'resolved', total, scores: {}, finishedAt: at('2026-10-08T15:00:00') });
  await db.insert(roleplayAttempts).values([roleplay(ids.a1, 90), roleplay(ids.b1, 70)]);
  // Level 3: three analysed conversations.
  const [source] = await db.insert(qaSources).values({ organisationId, name: '千牛' }).returning();
  const conversation = (n: number, userId: string, score: number, empathyRate: number | null, isDeEscalated: boolean, isEscalationMissed: boolean) => ({
    organisationId,
    sourceId: source!.id,
    externalId: `c-${n}`,
    agentUserId: userId,
    startedAt: at('2026-10-10T10:00:00'),
    messageCount: 6,
    score,
    isDeEscalated,
    hadHighRisk: isEscalationMissed,
    isEscalationMissed,
    empathyRate,
    flags: [],
    analysis: {},
  });
  await db.insert(qaConversations).values([conversation(1, ids.a1, 80, 60, true, false), conversation(2, ids.a2, 60, null, false, true), conversation(3, ids.b1, 70, 40, true, false)]);
  // Level 4: five months each; September straddles the session.
  const months = ['07', '08', '09', '10', '11'];
  const ends: Record<string, string> = { '07': '31', '08': '31', '09': '30', '10': '31', '11': '30' };
  const csat: Record<string, number[]> = { [ids.a1]: [80, 80, 85, 90, 90], [ids.a2]: [70, 70, 70, 72, 72], [ids.b1]: [60, 62, 65, 70, 72] };
  await db.insert(kpiRecords).values(
    Object.entries(csat).flatMap(([userId, values]) =>
      months.map((m, i) => ({ organisationId, userId, periodStart: `2026-${m}-01`, periodEnd: `2026-${m}-${ends[m]}`, csat: values[i]!, complaintRate: userId === ids.a1 ? 1 : null })),
    ),
  );
}

const RANGE = 'from=2026-07&to=2026-11';

describe('four-level dashboard', () => {
  beforeAll(seedFourLevels);

  it('computes each level from the stored rows, for the training group over everyone', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/eval/dashboard?${RANGE}`, headers: leader.headers });
    expect(response.statusCode, response.body).toBe(200);
    const dashboard = response.json();
    expect(dashboard.range).toEqual({ from: '2026-07', to: '2026-11', months: ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'] });
    expect(dashboard).toMatchObject({ isOrganisationWide: true, team: null, people: 6, trainedPeople: 2 });
    expect(dashboard.totals).toEqual({
      // (4 + 5 + 3 + 2) / 4 Likert answers; 2 of 3 asked answered.
      reaction: { score: 3.5, responses: 2, invited: 3, responded: 2, responseRate: 66.7 },
      // (80 + 50 + 0) / 3; 1 of 3 passed; (90 + 70) / 2.
      learning: { examAverage: 43.3, examPassRate: 33.3, examAttempts: 3, roleplayAverage: 80, roleplayAttempts: 2 },
      // (80 + 60 + 70) / 3; (60 + 40) / 2 measured; 2 of 3 calmed down.
      behaviour: { qaScore: 70, empathyRate: 50, deEscalationRate: 66.7, missedEscalations: 1, conversations: 3 },
      // 1108 / 15 satisfaction values; complaint rate only for a1.
      results: { csat: 73.87, complaintRate: 1, repurchaseRate: null, resolutionMinutes: null, escalationRate: null, records: 15 },
    });
    const september = dashboard.byMonth.find((m: { month: string }) => m.month === '2026-09').figures;
    expect(september.reaction).toMatchObject({ score: 3.5, responseRate: 66.7 });
    expect(dashboard.byMonth.find((m: { month: string }) => m.month === '2026-07').figures.learning.examAverage).toBeNull();
    const byTeam = Object.fromEntries(dashboard.byTeam.map((t: { team: { name: string } }) => [t.team.name, t]));
    expect(byTeam['售前组']).toMatchObject({ people: 5, trainedPeople: 1, figures: { reaction: { score: 4.5 }, learning: { examAverage: 65, examPassRate: 50 }, behaviour: { qaScore: 70 } } });
    expect(byTeam['售后组']).toMatchObject({ people: 1, trainedPeople: 1, figures: { reaction: { score: 2.5 }, learning: { examAverage: 0, roleplayAverage: 70 } } });
  });

  it('compares the trained with the not-yet-trained over the same months', async () => {
    const dashboard = (await app.inject({ method: 'GET', url: `/api/eval/dashboard?${RANGE}`, headers: trainer.headers })).json();
    const csat = dashboard.did.find((r: { field: string }) => r.field === 'csat');
    // a1: 80 -> 90, b1: 61 -> 71 (September left out); a2 (absent) 70 -> 72 over the same months.
    expect(csat).toEqual({
      field: 'csat',
      trainedPeople: 2,
      controlPeople: 1,
      trainedBefore: 70.5,
      trainedAfter: 80.5,
      controlBefore: 70,
      controlAfter: 72,
      trainedChange: 10,
      controlChange: 2,
      difference: 8,
      isImprovement: true,
      isSmall: true,
    });
    expect(dashboard.did.find((r: { field: string }) => r.field === 'complaintRate')).toMatchObject({ trainedPeople: 1, controlPeople: 0, difference: null });
  });

  it('shows a supervisor only their teams, their people and the answers given in their teams', async () => {
    const dashboard = (await app.inject({ method: 'GET', url: `/api/eval/dashboard?${RANGE}`, headers: supervisor.headers })).json();
    expect(dashboard).toMatchObject({ isOrganisationWide: false, teams: [{ id: teamA, name: '售前组' }] });
    expect(dashboard.byTeam.map((t: { team: { id: string } }) => t.team.id)).toEqual([teamA]);
    expect(dashboard.totals.reaction).toEqual({ score: 4.5, responses: 1, invited: 2, responded: 1, responseRate: 50 });
    expect(dashboard.totals.learning).toMatchObject({ examAverage: 65, examAttempts: 2, roleplayAverage: 90 });
    expect(dashboard.totals.behaviour).toMatchObject({ conversations: 2, missedEscalations: 1 });
    expect(dashboard.totals.results.csat).toBe(77.9);
    expect(dashboard.did.find((r: { field: string }) => r.field === 'csat')).toMatchObject({ trainedPeople: 1, controlPeople: 1, difference: 8 });
    for (const url of [`/api/eval/dashboard?teamId=${teamB}`, `/api/eval/teams/${teamB}`, `/api/eval/people/${ids.b1}`, `/api/eval/teams/${teamB}/export.xlsx`]) {
      expect((await app.inject({ method: 'GET', url, headers: supervisor.headers })).statusCode, url).toBe(404);
    }
  });

  it('drills into a team and a person', async () => {
    const team = (await app.inject({ method: 'GET', url: `/api/eval/teams/${teamA}?${RANGE}`, headers: supervisor.headers })).json();
    expect(team.team).toEqual({ id: teamA, name: '售前组' });
    const a1 = team.people.find((p: { person: { id: string } }) => p.person.id === ids.a1);
    expect(a1).toMatchObject({ firstTrainedOn: '2026-09-10', figures: { learning: { examAverage: 80, roleplayAverage: 90 }, behaviour: { qaScore: 80 }, results: { csat: 85 } } });
    // Anonymous reaction answers belong to no one.
    expect(a1.figures.reaction).toEqual({ score: null, responses: 0, invited: 1, responded: 1, responseRate: 100 });
    const person = (await app.inject({ method: 'GET', url: `/api/eval/people/${ids.a1}?${RANGE}`, headers: supervisor.headers })).json();
    expect(person.person).toMatchObject({ login: 'ev-a1', firstTrainedOn: '2026-09-10', teams: [{ id: teamA }] });
    expect(person.kpis.map((k: { phase: string }) => k.phase)).toEqual(['before', 'before', 'during', 'after', 'after']);
    expect(person.beforeAfter.find((b: { field: string }) => b.field === 'csat')).toEqual({ field: 'csat', before: 80, after: 90, change: 10 });
    expect(person.exams).toMatchObject([{ finalScore: 80, isPassed: true, examTitle: { zh: '情绪识别测验' } }]);
    expect(person.roleplays).toMatchObject([{ total: 90, scenarioTitle: { zh: '迟迟不发货' } }]);
    expect(person.conversations).toMatchObject([{ score: 80, empathyRate: 60, isDeEscalated: true }]);
    expect(person.sessions).toMatchObject([{ title: '情绪急救：先接住情绪', attendance: 'present' }]);
  });

  it('refuses agents, mentors and admins', async () => {
    for (const session of [agent, mentor, admin]) {
      const response = await app.inject({ method: 'GET', url: '/api/eval/dashboard', headers: session.headers });
      expect(response.statusCode).toBe(403);
    }
    expect((await upload(agent, 'import', 'x.csv', '工号,月份,满意度\nev-a1,2026-10,90\n')).statusCode).toBe(403);
  });

  it('refuses a range that ends before it starts or is longer than three years', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/eval/dashboard?from=2026-10&to=2026-09', headers: leader.headers })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/eval/dashboard?from=2020-01&to=2026-09', headers: leader.headers })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/eval/dashboard?from=2026-13', headers: leader.headers })).statusCode).toBe(400);
  });

  it('exports the dashboard, a team and a person to Excel files that open with their rows', async () => {
    const load = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: leader.headers });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    const dashboard = await load(`/api/eval/dashboard.xlsx?${RANGE}`);
    expect(dashboard.worksheets.map((s) => s.name)).toEqual(['按团队 By team', '按月 By month', '培训前后对比 Before-after']);
    const byTeam = dashboard.worksheets[0]!;
    expect(byTeam.getRow(1).getCell(1).value).toBe('团队 Team');
    expect([2, 3, 4].map((r) => byTeam.getRow(r).getCell(1).value)).toEqual(['全部团队 All teams', '售前组', '售后组']);
    const scoreColumn = (byTeam.getRow(1).values as unknown[]).indexOf('L1 反应平均分(1–5) Reaction score');
    expect(byTeam.getRow(2).getCell(scoreColumn).value).toBe(3.5);
    expect(dashboard.worksheets[1]!.rowCount).toBe(1 + 5 * 3);
    expect(dashboard.worksheets[2]!.getRow(2).getCell(1).value).toBe('满意度% CSAT %');
    const team = await load(`/api/eval/teams/${teamA}/export.xlsx?${RANGE}`);
    // a1, a2, the supervisor, the agent and the mentor.
    expect(team.worksheets[0]!.rowCount).toBe(1 + 5);
    const person = await load(`/api/eval/people/${ids.a1}/export.xlsx?${RANGE}`);
    expect(person.getWorksheet('KPI')!.rowCount).toBe(1 + 5);
  });

  it('exports the dashboard as a PDF report with its title', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/eval/dashboard.pdf?${RANGE}`, headers: supervisor.headers });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The document title, as pdfkit writes a non-ASCII string: UTF-16 big-endian after a byte-order mark.
    const title = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('培训效果评估报告 Training evaluation report', 'utf16le').swap16()]);
    expect(bytes.includes(title)).toBe(true);
  });
});
