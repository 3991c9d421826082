import type { TBreakdownCell, THiddenReason, TQuestionReport, TQuestionStats, TSurveyReport } from '@calmdesk/shared';
import ExcelJS from 'exceljs';

/**
 * The needs report as an Excel workbook, in both languages like the other exports (lib/xlsx.ts):
 * 概览 overview, 题目统计 distributions, 按岗位 / 按司龄 breakdowns (hidden cells say why),
 * 开放回答 open answers, 发现 findings. Hidden figures stay hidden here too.
 */

const LEVEL_NAMES: Record<string, string> = {
  agent: '客服 Agent',
  mentor: '导师 Mentor',
  supervisor: '主管 Supervisor',
  trainer: '培训专员 Trainer',
  deputy: '副组长 Deputy',
  leader: '组长 Leader',
  admin: '管理员 Admin',
};
const TENURE_NAMES: Record<string, string> = {
  lt3m: '不满 3 个月 Under 3 months',
  '3to12m': '3–12 个月 3–12 months',
  '1to3y': '1–3 年 1–3 years',
  gt3y: '3 年以上 Over 3 years',
  unknown: '入职日期未知 Hire date unknown',
};
const TYPE_NAMES: Record<string, string> = { likert: '量表 Likert', single: '单选 Single choice', multiple: '多选 Multiple choice', text: '开放题 Open text' };
const KIND_NAMES: Record<string, string> = { needs: '需求调研 Needs analysis', reaction: '课后反馈 Reaction', general: '其他 General' };
const HIDDEN_TEXT: Record<THiddenReason, string> = {
  too_few: '不足 3 人，已隐藏 hidden: fewer than 3',
  complement: '已隐藏，防止推算 hidden: would reveal a small group',
  scope_too_few: '不足 3 人，已隐藏 hidden: fewer than 3',
};
const LIKERT_LABELS = ['1 非常不同意', '2 不同意', '3 一般', '4 同意', '5 非常同意'];

/** Rows of a distribution: one per option or score, with its count (and the average first for Likert). */
function distributionRows(stats: TQuestionStats): { label: string; value: number | null }[] {
  if (stats.kind === 'likert') return [{ label: '平均分 Average', value: stats.average }, ...stats.counts.map((count, index) => ({ label: LIKERT_LABELS[index]!, value: count }))];
  if (stats.kind === 'choice') return stats.counts.map((c) => ({ label: c.option, value: c.count }));
  return [{ label: '回答数 Answers', value: stats.answered }];
}

function styleHeader(sheet: ExcelJS.Worksheet, width: number): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
}

function breakdownSheet(workbook: ExcelJS.Workbook, name: string, questions: readonly TQuestionReport[], cellsOf: (q: TQuestionReport) => TBreakdownCell[], keys: readonly string[], names: Record<string, string>): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: '题目 Question', width: 48 },
    { header: '选项 / 分值 Option / score', width: 30 },
    ...keys.map((key) => ({ header: names[key] ?? key, width: 22 })),
  ];
  for (const question of questions) {
    const cells = cellsOf(question);
    if (cells.length === 0) continue;
    const template = cells.find((c) => c.stats)?.stats;
    const labels = template ? distributionRows(template).map((r) => r.label) : ['—'];
    sheet.addRow([question.prompt, '作答人数 Answered', ...keys.map((key) => {
      const cell = cells.find((c) => c.key === key);
      return cell?.hiddenReason ? HIDDEN_TEXT[cell.hiddenReason] : (cell?.answered ?? 0);
    })]);
    labels.forEach((label, index) => {
      sheet.addRow(['', label, ...keys.map((key) => {
        const cell = cells.find((c) => c.key === key);
        if (!cell || cell.hiddenReason || !cell.stats) return '—';
        return distributionRows(cell.stats)[index]?.value ?? null;
      })]);
    });
  }
  styleHeader(sheet, 2 + keys.length);
}

/**
 * Builds the workbook.
 * @param report the report as the caller may see it
 * @returns the .xlsx bytes
 */
export async function surveyReportWorkbook(report: TSurveyReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CalmDesk';
  workbook.created = new Date();

  const overview = workbook.addWorksheet('概览 Overview');
  overview.columns = [{ width: 28 }, { width: 60 }];
  const rate = report.responseRate;
  const lines: [string, string | number][] = [
    ['问卷 Survey', report.survey.title],
    ['类型 Kind', KIND_NAMES[report.survey.kind] ?? report.survey.kind],
    ['周期 Period', report.survey.period ?? '—'],
    ['填写方式 Answers', report.survey.isAnonymous ? '匿名 Anonymous' : '实名 Named'],
    ['范围 Scope', report.scope === 'all' ? '全部 Everyone' : '我的团队 My teams'],
    ['邀请人数 Asked', report.recipients],
    ['回收份数 Responses', report.responses],
    ['回收率 Response rate', rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`],
    ['截止日期 Due', report.survey.dueDate ?? '—'],
    ['导出时间 Exported', new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
  ];
  if (report.isHidden) lines.push(['说明 Note', `匿名问卷回收不足 ${report.minCell} 份，不显示结果，以免识别个人。Fewer than ${report.minCell} anonymous answers: nothing is shown, so nobody can be identified.`]);
  else if (report.survey.isAnonymous) lines.push(['说明 Note', `匿名问卷中，不足 ${report.minCell} 人的分组不显示。Groups of fewer than ${report.minCell} are not shown on an anonymous survey.`]);
  for (const line of lines) overview.addRow(line);
  overview.getColumn(1).font = { bold: true };

  const distribution = workbook.addWorksheet('题目统计 Questions');
  distribution.columns = [
    { header: '序号 No.', width: 8 },
    { header: '题目 Question', width: 48 },
    { header: '题型 Type', width: 18 },
    { header: '作答人数 Answered', width: 14 },
    { header: '选项 / 分值 Option / score', width: 30 },
    { header: '人数 / 平均 Count / average', width: 16 },
    { header: '占比 Share', width: 12, style: { numFmt: '0%' } },
  ];
  report.questions.forEach((question, index) => {
    const stats = question.overall;
    if (!stats) {
      distribution.addRow([index + 1, question.prompt, TYPE_NAMES[question.type], '—', HIDDEN_TEXT.too_few, null, null]);
      return;
    }
    const rows = distributionRows(stats);
    rows.forEach((row, rowIndex) => {
      const isAverage = stats.kind === 'likert' && rowIndex === 0;
      const share = !isAverage && stats.kind !== 'text' && stats.answered > 0 && row.value !== null ? row.value / stats.answered : null;
      distribution.addRow([rowIndex === 0 ? index + 1 : null, rowIndex === 0 ? question.prompt : '', rowIndex === 0 ? TYPE_NAMES[question.type] : '', rowIndex === 0 ? stats.answered : null, row.label, row.value, share]);
    });
  });
  styleHeader(distribution, 7);

  breakdownSheet(workbook, '按岗位 By level', report.questions, (q) => q.byLevel, report.levels.map((l) => l.key), LEVEL_NAMES);
  breakdownSheet(workbook, '按司龄 By tenure', report.questions, (q) => q.byTenure, report.tenures.map((t) => t.key), TENURE_NAMES);

  const texts = workbook.addWorksheet('开放回答 Open answers');
  texts.columns = [
    { header: '题目 Question', width: 40 },
    { header: '回答 Answer', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
    ...(report.survey.isAnonymous ? [] : [{ header: '填写人 By', width: 14 }]),
  ];
  for (const question of report.questions) {
    if (question.overall?.kind !== 'text') continue;
    for (const text of question.overall.texts) texts.addRow([question.prompt, text.text, ...(report.survey.isAnonymous ? [] : [text.by ?? ''])]);
  }
  styleHeader(texts, report.survey.isAnonymous ? 2 : 3);

  const findings = workbook.addWorksheet('发现 Findings');
  findings.columns = [
    { header: '题目 Question', width: 48 },
    { header: '选项 Option', width: 32 },
    { header: '选择人数 Chosen by', width: 14 },
    { header: '占比 Share', width: 10, style: { numFmt: '0%' } },
    { header: '平均分 Average', width: 12 },
  ];
  for (const finding of report.findings) findings.addRow([finding.prompt, finding.option ?? '—', finding.count, finding.share, finding.average]);
  styleHeader(findings, 5);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
