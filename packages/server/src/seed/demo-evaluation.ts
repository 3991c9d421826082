import { sql } from 'drizzle-orm';
import type { TKpiReject } from '@calmdesk/shared';
import type { TDb } from '../db/client.js';
import { kpiImports, kpiRecords } from '../db/schema.js';
import { addMonths, shanghaiMonth } from '../services/evaluation-figures.js';
import { kpiReject, monthEnd } from '../services/kpi-rows.js';
import type { TDemoPeople } from './demo.js';

/**
 * Demo data of the evaluation area: the last twelve months of KPIs for every agent, as if the
 * training group had imported the shop's monthly export, so level 4 and its before/after
 * comparison show on a fresh install. Runs after the plans demo: each agent's first attended
 * session (present or late) in the sessions seeded there starts their gain; people who have
 * not attended one yet change only with the season. A year, not six months: the plans demo
 * trains the longest-serving agents from January and everyone from July, so only a year holds
 * both periods before a first session and colleagues not yet trained to compare with. Nothing else is invented here: reaction
 * answers, exams, role-plays and conversations come from their own areas' demos, and the
 * dashboard says so where a level has none.
 *
 * The numbers are made up but shaped like a real shop's: the after-sales team handles returns
 * and complaints (lower satisfaction, longer handling, more escalations), the pre-sales team
 * sells (more repurchase); November's shopping festival (双十一) brings more complaints and
 * longer handling for everyone; training adds a few points of satisfaction and takes a little
 * off complaints, handling time and escalations, growing over the first two months.
 */

const MONTHS = 12;

/** A small seeded random generator (mulberry32), so every fresh install shows the same demo. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The season's pull on every agent in a month: 11 is 双十一, 6 is 618 (a smaller festival). */
function season(month: string): { csat: number; complaint: number; minutes: number; escalation: number } {
  const m = Number(month.slice(5));
  if (m === 11) return { csat: -1.6, complaint: 0.35, minutes: 1.8, escalation: 0.6 };
  if (m === 6) return { csat: -0.8, complaint: 0.2, minutes: 0.9, escalation: 0.3 };
  if (m === 12 || m === 1) return { csat: -0.4, complaint: 0.1, minutes: 0.4, escalation: 0.1 };
  return { csat: 0, complaint: 0, minutes: 0, escalation: 0 };
}

/**
 * Seeds the KPI records and the import they came from.
 * @param people the demo organisation's people (logins, teams, hire dates)
 */
export async function seedEvaluationDemo(tx: TDb, organisationId: string, people: TDemoPeople): Promise<void> {
  const agentLogins = [...people.byLogin.keys()].filter((login) => /^agent\d*$/.test(login) || login === 'mentor');
  if (agentLogins.length === 0) return;
  const [preSales] = people.teamIds;
  const teamRows = await tx.execute(sql`SELECT tm.user_id::text AS user_id, tm.team_id::text AS team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id WHERE t.organisation_id = ${organisationId}`);
  const teamOf = new Map((teamRows.rows as { user_id: string; team_id: string }[]).map((r) => [r.user_id, r.team_id]));
  const trainedRows = await tx.execute(sql`
    SELECT se.user_id::text AS user_id, to_char(min(ts.starts_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
    FROM session_enrolments se JOIN training_sessions ts ON ts.id = se.session_id
    WHERE ts.organisation_id = ${organisationId} AND se.attendance IN ('present', 'late') AND ts.status <> 'cancelled' AND ts.starts_at <= now()
    GROUP BY 1`);
  const trainedOn = new Map((trainedRows.rows as { user_id: string; day: string }[]).map((r) => [r.user_id, r.day]));

  const thisMonth = shanghaiMonth(new Date());
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(thisMonth, i - MONTHS));
  const records: (typeof kpiRecords.$inferInsert)[] = [];
  for (const login of agentLogins.sort()) {
    const userId = people.byLogin.get(login)!;
    const random = randomFrom(hash(login));
    const noise = (size: number) => (random() * 2 - 1) * size;
    const isPreSales = teamOf.get(userId) === preSales;
    // The person's own level, kept over the months.
    const base = {
      csat: isPreSales ? 86 + noise(4) : 82 + noise(4),
      complaint: isPreSales ? 0.7 + random() * 0.5 : 1.2 + random() * 0.7,
      repurchase: isPreSales ? 27 + noise(5) : 19 + noise(4),
      minutes: isPreSales ? 6.5 + random() * 2.5 : 10 + random() * 3.5,
      escalation: isPreSales ? 1.2 + random() * 0.8 : 2.4 + random() * 1.4,
    };
    const response = 0.6 + random() * 0.8; // how much training shows in this person
    const hireMonth = (people.hireDates.get(userId) ?? '2000-01-01').slice(0, 7);
    const firstSession = trainedOn.get(userId);
    for (const month of months) {
      // KPIs are kept for whole months of work only.
      if (month <= hireMonth) continue;
      const periodStart = `${month}-01`;
      const periodEnd = monthEnd(month);
      // Training's effect: none before the first session, a little in the month of it, growing over the next two.
      let effect = 0;
      if (firstSession && periodStart >= firstSession) {
        const firstMonth = firstSession.slice(0, 7);
        effect = month <= addMonths(firstMonth, 1) ? 0.6 : month === addMonths(firstMonth, 2) ? 0.85 : 1;
      } else if (firstSession && periodEnd >= firstSession) effect = 0.25;
      effect *= response;
      const s = season(month);
      records.push({
        organisationId,
        userId,
        periodStart,
        periodEnd,
        csat: round(clamp(base.csat + s.csat + 4.2 * effect + noise(1.2), 60, 99.5), 1),
        complaintRate: round(clamp(base.complaint + s.complaint - 0.35 * effect + noise(0.15), 0.05, 5), 2),
        repurchaseRate: round(clamp(base.repurchase + 1.8 * effect + noise(1.5), 5, 60), 1),
        resolutionMinutes: round(clamp(base.minutes + s.minutes - 1.6 * effect + noise(0.6), 2, 30), 1),
        escalationRate: round(clamp(base.escalation + s.escalation - 0.7 * effect + noise(0.3), 0.1, 10), 2),
      });
    }
  }
  if (records.length === 0) return;
  // The export a shop would send: one row per agent and month, two rows that did not fit.
  const rejects: TKpiReject[] = [
    kpiReject(records.length + 1, 'unknown_person', { field: 'person', value: '临时客服-周' }),
    kpiReject(records.length + 2, 'bad_number', { field: 'csat', value: '—' }),
  ];
  const trainerId = people.byLogin.get('trainer') ?? null;
  const [demoImport] = await tx
    .insert(kpiImports)
    .values({ organisationId, fileName: `客服KPI_${months[0]}至${months[months.length - 1]}.xlsx`, rowsImported: records.length, rejects, createdBy: trainerId, createdAt: new Date(`${thisMonth}-02T09:30:00+08:00`) })
    .returning({ id: kpiImports.id });
  await tx.insert(kpiRecords).values(records.map((record) => ({ ...record, importId: demoImport!.id })));
}
