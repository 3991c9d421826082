import type { TRole } from '@calmdesk/shared';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@calmdesk/content';
import { eq } from 'drizzle-orm';
import { findOrCreateSource, IMPORT_CHUNK_BYTES } from '../services/qa-import.service.js';
import type { TDb } from '../db/client.js';
import { organisations, qaImportChunks, qaImports, qaSources } from '../db/schema.js';
import { hashPassword } from '../lib/password.js';
import { insertMembership, insertOrganisation, insertUser, replaceUserTeams } from '../repositories/user.repository.js';
import { insertTeam } from '../repositories/team.repository.js';
import { seedEvaluationDemo } from './demo-evaluation.js';
import { seedPeopleDemo } from './demo-people.js';
import { seedPlanDemo } from './demo-plans.js';
import { seedSurveyDemo } from './demo-surveys.js';
import { seedSelfcareDemo } from './demo-selfcare.js';
import { seedAssistDemo } from './demo-assist.js';

export const DEMO_ORGANISATION_SLUG = 'demo';

/** The demo organisation's people and teams, handed to each area's demo seed. */
export type TDemoPeople = {
  /** login -> user id (admin, leader, deputy, trainer, supervisor, mentor, agent, agent01 … agent30). */
  byLogin: Map<string, string>;
  /** [pre-sales, after-sales] */
  teamIds: string[];
  /** user id -> hire date (YYYY-MM-DD) */
  hireDates: Map<string, string>;
};

/** One login per role of SPEC §1, printed on start so a new install can be explored at once. */
export const DEMO_ROLE_LOGINS: { login: string; displayName: string; roles: TRole[]; team?: 0 | 1 }[] = [
  { login: 'admin', displayName: '赵明远', roles: ['admin'] },
  { login: 'leader', displayName: '孙立群', roles: ['leader'] },
  { login: 'deputy', displayName: '周海燕', roles: ['deputy', 'supervisor'], team: 1 },
  { login: 'trainer', displayName: '吴佳怡', roles: ['trainer'] },
  { login: 'supervisor', displayName: '郑志刚', roles: ['supervisor'], team: 0 },
  { login: 'mentor', displayName: '王晓雯', roles: ['mentor', 'agent'], team: 0 },
  { login: 'agent', displayName: '李思琪', roles: ['agent'], team: 0 },
];

const SURNAMES = ['陈', '林', '黄', '张', '刘', '杨', '何', '罗', '高', '梁', '宋', '唐', '许', '韩', '冯', '邓'];
const GIVEN = ['雨桐', '子涵', '欣怡', '浩然', '梓萱', '俊杰', '诗琪', '宇航', '婉清', '嘉怡', '晨曦', '一鸣', '思远', '可欣', '文博', '若溪'];
const DEMO_AGENT_COUNT = 30;

/**
 * Creates the demo organisation on an empty install: two teams (售前 pre-sales and 售后
 * after-sales), one user per role and 30 agents. Does nothing when any organisation exists.
 * @returns whether it seeded
 */
export async function seedDemoOrganisation(db: TDb, password: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Several instances may start together on a fresh database: one seeds.
    await tx.execute('SELECT pg_advisory_xact_lock(726354002)');
    const existing = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing.length > 0) return false;
    const organisationId = await insertOrganisation(tx, { name: '心安示范店 Demo Shop', slug: DEMO_ORGANISATION_SLUG });
    const teamIds = [
      await insertTeam(tx, { organisationId, name: '售前咨询组 Pre-sales', description: '商品咨询、下单前的疑问 / product questions before purchase' }),
      await insertTeam(tx, { organisationId, name: '售后服务组 After-sales', description: '退换货、退款、投诉与差评 / returns, refunds, complaints and reviews' }),
    ];
    const people = [
      ...DEMO_ROLE_LOGINS,
      ...Array.from({ length: DEMO_AGENT_COUNT }, (_, i) => ({
        login: `agent${String(i + 1).padStart(2, '0')}`,
        displayName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
        roles: ['agent'] as TRole[],
        team: (i % 2) as 0 | 1,
      })),
    ];
    const today = new Date();
    const demoPeople: TDemoPeople = { byLogin: new Map(), teamIds, hireDates: new Map() };
    for (const [index, person] of people.entries()) {
      const userId = await insertUser(tx, { login: person.login, displayName: person.displayName, passwordHash: await hashPassword(password) });
      // Spread hire dates over two years; every fifth agent joined in the last month (a new hire who needs a mentor).
      const daysAgo = index % 5 === 4 ? 10 + index : 60 + index * 19;
      const hireDate = new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
      await insertMembership(tx, { userId, organisationId, roles: person.roles, hireDate });
      if (person.team !== undefined) await replaceUserTeams(tx, organisationId, userId, [teamIds[person.team]!]);
      demoPeople.byLogin.set(person.login, userId);
      demoPeople.hireDates.set(userId, hireDate);
    }
    await queueDemoChatImport(tx, organisationId);
    // Training operations: a needs survey, the year's plan and its sessions, mentors and points, KPIs.
    await seedSurveyDemo(tx, organisationId, demoPeople);
    await seedPlanDemo(tx, organisationId, demoPeople);
    await seedPeopleDemo(tx, organisationId, demoPeople);
    await seedEvaluationDemo(tx, organisationId, demoPeople);
    // Self-care and live assist: the demo agent's own entries, the team's stress checks, a day of assist load.
    await seedSelfcareDemo(tx, organisationId, demoPeople);
    await seedAssistDemo(tx, organisationId, demoPeople);
    return true;
  });
}

/**
 * The demo's transcript QA sample (content/demo/qa-demo-export.csv, 60 invented conversations
 * with three bad rows): queued as an import, so the first instance's worker analyses it like any
 * uploaded file. Missing file: no sample, nothing else changes.
 */
async function queueDemoChatImport(tx: TDb, organisationId: string): Promise<void> {
  const file = path.join(DEFAULT_CONTENT_DIR, 'demo', 'qa-demo-export.csv');
  if (!fs.existsSync(file)) return;
  const bytes = fs.readFileSync(file);
  const sourceId = await findOrCreateSource(tx, organisationId, DEMO_CHAT_SOURCE);
  const mapping = { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', shop: '店铺', channel: '渠道', roleValues: { customer: ['买家'], agent: ['客服'], system: ['系统'] } };
  await tx.update(qaSources).set({ mapping }).where(eq(qaSources.id, sourceId));
  const created = await tx
    .insert(qaImports)
    .values({ organisationId, sourceId, fileName: path.basename(file), format: 'csv', sizeBytes: bytes.length, mapping, status: 'queued' })
    .returning({ id: qaImports.id });
  for (let seq = 0; seq * IMPORT_CHUNK_BYTES < bytes.length; seq += 1) {
    await tx.insert(qaImportChunks).values({ importId: created[0]!.id, seq, bytes: bytes.subarray(seq * IMPORT_CHUNK_BYTES, (seq + 1) * IMPORT_CHUNK_BYTES) });
  }
}

export const DEMO_CHAT_SOURCE = '千牛导出（演示）';

export async function hasDemoOrganisation(db: TDb): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_ORGANISATION_SLUG)).limit(1);
  return rows.length > 0;
}
