import type { TDidRow, TEvalDashboard, TEvalPerson, TEvalTeam, TKpiImport, TLevelFigures } from '@calmdesk/shared';
import ExcelJS from 'exceljs';
import type { TColumn } from '../lib/xlsx.js';
import { kpiRejectReasonZh } from './kpi-rows.js';

/**
 * Every table of 效果评估 as an Excel workbook: bold frozen headers with filters, widths fitted
 * to the content (CJK counted double), headers in Chinese and English like the other exports
 * (lib/xlsx.ts makes one-sheet books; the dashboard needs several sheets, so this builds its own).
 */

type TSheet<T> = { name: string; columns: TColumn<T>[]; rows: readonly T[] };

function displayWidth(value: unknown): number {
  const text = value instanceof Date ? '2026-01-01 00:00' : String(value ?? '');
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

function addSheet<T>(workbook: ExcelJS.Workbook, sheet: TSheet<T>): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: Math.min(60, Math.max(displayWidth(c.header), ...sheet.rows.slice(0, 500).map((r) => displayWidth(c.value(r)))) + 2),
    ...(c.format ? { style: { numFmt: c.format } } : {}),
  }));
  for (const row of sheet.rows) ws.addRow(Object.fromEntries(sheet.columns.map((c, i) => [String(i), c.value(row) ?? null])));
  ws.getRow(1).font = { bold: true };
  if (sheet.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/**
 * A workbook of several sheets.
 * @returns the .xlsx bytes
 */
// Each sheet has its own row type; the array cannot say so, hence the `any` of the sheet list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function buildWorkbookOfSheets(sheets: TSheet<any>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CalmDesk';
  workbook.created = new Date();
  for (const sheet of sheets) addSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The four levels' columns of a row that carries figures. */
function figureColumns<T>(figuresOf: (row: T) => TLevelFigures): TColumn<T>[] {
  const f = figuresOf;
  return [
    { header: 'L1 反应平均分(1–5) Reaction score', value: (r) => f(r).reaction.score, format: '0.00' },
    { header: 'L1 回收率% Response rate %', value: (r) => f(r).reaction.responseRate, format: '0.0' },
    { header: 'L1 问卷份数 Responses', value: (r) => f(r).reaction.responses },
    { header: 'L2 考试平均分 Exam average', value: (r) => f(r).learning.examAverage, format: '0.0' },
    { header: 'L2 考试通过率% Exam pass rate %', value: (r) => f(r).learning.examPassRate, format: '0.0' },
    { header: 'L2 考试答卷 Exam attempts', value: (r) => f(r).learning.examAttempts },
    { header: 'L2 演练平均分 Role-play average', value: (r) => f(r).learning.roleplayAverage, format: '0.0' },
    { header: 'L2 演练次数 Role-plays', value: (r) => f(r).learning.roleplayAttempts },
    { header: 'L3 质检平均分 QA score', value: (r) => f(r).behaviour.qaScore, format: '0.0' },
    { header: 'L3 共情率% Empathy %', value: (r) => f(r).behaviour.empathyRate, format: '0.0' },
    { header: 'L3 情绪缓和率% De-escalation %', value: (r) => f(r).behaviour.deEscalationRate, format: '0.0' },
    { header: 'L3 漏升级 Missed escalations', value: (r) => f(r).behaviour.missedEscalations },
    { header: 'L3 对话数 Conversations', value: (r) => f(r).behaviour.conversations },
    ...kpiColumns<T>((r) => f(r).results),
    { header: 'L4 KPI 记录 KPI records', value: (r) => f(r).results.records },
  ];
}

type TKpiLike = { csat: number | null; complaintRate: number | null; repurchaseRate: number | null; resolutionMinutes: number | null; escalationRate: number | null };

function kpiColumns<T>(valuesOf: (row: T) => TKpiLike): TColumn<T>[] {
  return [
    { header: 'L4 满意度% CSAT %', value: (r) => valuesOf(r).csat, format: '0.00' },
    { header: 'L4 投诉率% Complaint rate %', value: (r) => valuesOf(r).complaintRate, format: '0.00' },
    { header: 'L4 复购率% Repurchase rate %', value: (r) => valuesOf(r).repurchaseRate, format: '0.00' },
    { header: 'L4 平均处理时长(分钟) Resolution (min)', value: (r) => valuesOf(r).resolutionMinutes, format: '0.00' },
    { header: 'L4 升级率% Escalation rate %', value: (r) => valuesOf(r).escalationRate, format: '0.00' },
  ];
}

export const KPI_NAMES: Record<TDidRow['field'], string> = {
  csat: '满意度% CSAT %',
  complaintRate: '投诉率% Complaint rate %',
  repurchaseRate: '复购率% Repurchase rate %',
  resolutionMinutes: '平均处理时长(分钟) Resolution (min)',
  escalationRate: '升级率% Escalation rate %',
};

const didSheet = (rows: readonly TDidRow[]): TSheet<TDidRow> => ({
  name: '培训前后对比 Before-after',
  columns: [
    { header: '指标 KPI', value: (r) => KPI_NAMES[r.field] },
    { header: '已培训人数 Trained people', value: (r) => r.trainedPeople },
    { header: '已培训·培训前 Trained before', value: (r) => r.trainedBefore, format: '0.00' },
    { header: '已培训·培训后 Trained after', value: (r) => r.trainedAfter, format: '0.00' },
    { header: '已培训变化 Trained change', value: (r) => r.trainedChange, format: '0.00' },
    { header: '未培训人数 Not-yet-trained people', value: (r) => r.controlPeople },
    { header: '未培训·同期前 Comparison before', value: (r) => r.controlBefore, format: '0.00' },
    { header: '未培训·同期后 Comparison after', value: (r) => r.controlAfter, format: '0.00' },
    { header: '未培训变化 Comparison change', value: (r) => r.controlChange, format: '0.00' },
    { header: '差异 Difference in differences', value: (r) => r.difference, format: '0.00' },
    { header: '是否改善 Improvement', value: (r) => (r.isImprovement === null ? '' : r.isImprovement ? '改善 better' : '变差 worse') },
    { header: '样本偏少 Small groups', value: (r) => (r.isSmall ? '是 yes' : '') },
  ],
  rows,
});

/** The dashboard: by team (with everyone first), by month, before/after. */
export function dashboardWorkbook(dashboard: TEvalDashboard): Promise<Buffer> {
  type TTeamRow = { name: string; people: number; trainedPeople: number; figures: TLevelFigures };
  const scopeName = dashboard.team ? dashboard.team.name : dashboard.isOrganisationWide ? '全部团队 All teams' : '我的团队 My teams';
  const teamRows: TTeamRow[] = [{ name: scopeName, people: dashboard.people, trainedPeople: dashboard.trainedPeople, figures: dashboard.totals }, ...dashboard.byTeam.map((t) => ({ name: t.team.name, people: t.people, trainedPeople: t.trainedPeople, figures: t.figures }))];
  type TMonthRow = { team: string; month: string; figures: TLevelFigures };
  const monthRows: TMonthRow[] = [
    ...dashboard.byMonth.map((m) => ({ team: scopeName, month: m.month, figures: m.figures })),
    ...dashboard.byTeam.flatMap((t) => t.byMonth.map((m) => ({ team: t.team.name, month: m.month, figures: m.figures }))),
  ];
  return buildWorkbookOfSheets([
    {
      name: '按团队 By team',
      columns: [{ header: '团队 Team', value: (r: TTeamRow) => r.name }, { header: '人数 People', value: (r: TTeamRow) => r.people }, { header: '已培训 Trained', value: (r: TTeamRow) => r.trainedPeople }, ...figureColumns<TTeamRow>((r) => r.figures)],
      rows: teamRows,
    },
    { name: '按月 By month', columns: [{ header: '团队 Team', value: (r: TMonthRow) => r.team }, { header: '月份 Month', value: (r: TMonthRow) => r.month }, ...figureColumns<TMonthRow>((r) => r.figures)], rows: monthRows },
    didSheet(dashboard.did),
  ]);
}

/** One team: its people with the four levels, and its before/after comparison. */
export function teamWorkbook(team: TEvalTeam): Promise<Buffer> {
  type TRow = TEvalTeam['people'][number];
  return buildWorkbookOfSheets([
    {
      name: '成员 People',
      columns: [
        { header: '姓名 Name', value: (r: TRow) => r.person.displayName },
        { header: '账号 Login', value: (r: TRow) => r.person.login },
        { header: '首次参训 First session', value: (r: TRow) => r.firstTrainedOn },
        ...figureColumns<TRow>((r) => r.figures),
      ],
      rows: team.people,
    },
    didSheet(team.did),
  ]);
}

/** One person: months, KPI periods, and the exams, role-plays and conversations behind the figures. */
export function personWorkbook(person: TEvalPerson): Promise<Buffer> {
  type TMonth = TEvalPerson['byMonth'][number];
  type TKpi = TEvalPerson['kpis'][number];
  type TExam = TEvalPerson['exams'][number];
  type TRoleplay = TEvalPerson['roleplays'][number];
  type TConversation = TEvalPerson['conversations'][number];
  const phase = { before: '培训前 before', after: '培训后 after', during: '跨越首次参训 during', untrained: '未参训 not trained' };
  const date = (iso: string | null) => (iso ? new Date(iso) : null);
  return buildWorkbookOfSheets([
    { name: '按月 By month', columns: [{ header: '月份 Month', value: (r: TMonth) => r.month }, ...figureColumns<TMonth>((r) => r.figures)], rows: person.byMonth },
    {
      name: 'KPI',
      columns: [{ header: '开始 Start', value: (r: TKpi) => r.periodStart }, { header: '结束 End', value: (r: TKpi) => r.periodEnd }, { header: '阶段 Phase', value: (r: TKpi) => phase[r.phase] }, ...kpiColumns<TKpi>((r) => r)],
      rows: person.kpis,
    },
    {
      name: '考试 Exams',
      columns: [
        { header: '考试 Exam', value: (r: TExam) => r.examTitle.zh },
        { header: '交卷时间 Submitted', value: (r: TExam) => date(r.submittedAt), format: 'yyyy-mm-dd hh:mm' },
        { header: '得分 Score', value: (r: TExam) => r.finalScore },
        { header: '通过 Passed', value: (r: TExam) => (r.isPassed === null ? '' : r.isPassed ? '是 yes' : '否 no') },
      ],
      rows: person.exams,
    },
    {
      name: '演练 Role-plays',
      columns: [
        { header: '情景 Scenario', value: (r: TRoleplay) => r.scenarioTitle.zh },
        { header: '完成时间 Finished', value: (r: TRoleplay) => date(r.finishedAt), format: 'yyyy-mm-dd hh:mm' },
        { header: '得分 Score', value: (r: TRoleplay) => r.total },
        { header: '结局 Outcome', value: (r: TRoleplay) => r.outcome },
      ],
      rows: person.roleplays,
    },
    {
      name: '质检对话 Conversations',
      columns: [
        { header: '开始时间 Started', value: (r: TConversation) => date(r.startedAt), format: 'yyyy-mm-dd hh:mm' },
        { header: '店铺 Shop', value: (r: TConversation) => r.shop },
        { header: '得分 Score', value: (r: TConversation) => r.score },
        { header: '共情率% Empathy %', value: (r: TConversation) => r.empathyRate },
        { header: '情绪缓和 Calmed', value: (r: TConversation) => (r.isDeEscalated ? '是 yes' : '否 no') },
        { header: '漏升级 Missed escalation', value: (r: TConversation) => (r.isEscalationMissed ? '是 yes' : '') },
      ],
      rows: person.conversations,
    },
  ]);
}

/** Stored KPI records. */
export function kpiRecordsWorkbook(records: readonly { person: { displayName: string; login: string }; periodStart: string; periodEnd: string; csat: number | null; complaintRate: number | null; repurchaseRate: number | null; resolutionMinutes: number | null; escalationRate: number | null; updatedAt: string }[]): Promise<Buffer> {
  type TRow = (typeof records)[number];
  return buildWorkbookOfSheets([
    {
      name: 'KPI',
      columns: [
        { header: '姓名 Name', value: (r: TRow) => r.person.displayName },
        { header: '账号 Login', value: (r: TRow) => r.person.login },
        { header: '开始 Start', value: (r: TRow) => r.periodStart },
        { header: '结束 End', value: (r: TRow) => r.periodEnd },
        ...kpiColumns<TRow>((r) => r),
        { header: '更新时间 Updated', value: (r: TRow) => new Date(r.updatedAt), format: 'yyyy-mm-dd hh:mm' },
      ],
      rows: records,
    },
  ]);
}

/** An import's report: the rows that were not imported and why. */
export function kpiRejectsWorkbook(report: TKpiImport): Promise<Buffer> {
  type TRow = TKpiImport['rejects'][number];
  return buildWorkbookOfSheets([
    {
      name: '未导入的行 Rejected rows',
      columns: [
        { header: '行号(表头下第几行) Row', value: (r: TRow) => r.rowNumber },
        { header: '原因代码 Code', value: (r: TRow) => r.code },
        { header: '字段 Field', value: (r: TRow) => r.field },
        { header: '文件中的值 Value', value: (r: TRow) => r.value },
        { header: '原因', value: (r: TRow) => kpiRejectReasonZh(r) },
        { header: 'Reason', value: (r: TRow) => r.reason },
      ],
      rows: report.rejects,
    },
  ]);
}
