import { DID_MIN_GROUP, KPI_IS_PERCENT, type TDidRow, type TEvalDashboard, type TLevelFigures } from '@calmdesk/shared';
import { pdfDocumentCreate } from '../lib/pdf-document.js';

/**
 * The dashboard as an A4 report for people who read on paper or in a meeting: the four levels,
 * a line chart per level over the months, the teams side by side, the before/after comparison
 * with its caveat. Drawn with pdfkit; Chinese needs a CJK font, so Noto Sans SC (SIL Open Font
 * License, the same files as the certificates) is embedded as a subset of the glyphs used.
 */


const TEAL = '#2f7d8c';
const INK = '#1f2d33';
const MUTED = '#5c6b70';
const GRID = '#d9e2e5';
const SERIES_COLOURS = ['#2f7d8c', '#d4862a', '#6b5bb5', '#3c8d4f'];
const MARGIN = 40;

export interface TDashboardPdfInput {
  dashboard: TEvalDashboard;
  organisationName: string;
  generatedAt: Date;
}

const fmt = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

function chinaTime(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
}

type TSeries = { name: string; values: (number | null)[] };

/**
 * Renders the report.
 * @returns the PDF bytes
 */
export async function renderDashboardPdf(input: TDashboardPdfInput): Promise<Buffer> {
  const { dashboard } = input;
  const { doc, done } = pdfDocumentCreate({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: '培训效果评估报告 Training evaluation report', Author: input.organisationName, Creator: 'CalmDesk 心安客服' } });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string, sub?: string) => {
    ensureSpace(60);
    doc.moveDown(0.6);
    doc.font('bold').fontSize(13).fillColor(TEAL).text(text, MARGIN, doc.y, { width });
    if (sub) doc.font('regular').fontSize(8.5).fillColor(MUTED).text(sub, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };

  // Title block.
  doc.font('bold').fontSize(20).fillColor(INK).text('培训效果评估报告', MARGIN, MARGIN, { width });
  doc.font('regular').fontSize(10).fillColor(MUTED).text("Training evaluation report (Kirkpatrick's four levels)", { width });
  doc.moveDown(0.4);
  const scope = dashboard.team ? `团队 Team：${dashboard.team.name}` : dashboard.isOrganisationWide ? '范围 Scope：全部团队 All teams' : '范围 Scope：我的团队 My teams';
  doc.font('regular').fontSize(10).fillColor(INK).text(`${input.organisationName}　｜　${scope}`, { width });
  doc.text(`期间 Period：${dashboard.range.from} 至 ${dashboard.range.to}　｜　人数 People：${dashboard.people}（已参训 trained ${dashboard.trainedPeople}）`, { width });
  doc.font('regular').fontSize(8.5).fillColor(MUTED).text(`生成时间 Generated：${chinaTime(input.generatedAt)}（北京时间）`, { width });
  doc.moveTo(MARGIN, doc.y + 6).lineTo(MARGIN + width, doc.y + 6).lineWidth(1).strokeColor(TEAL).stroke();
  doc.moveDown(0.8);

  // The four level cards.
  const t = dashboard.totals;
  const cards: { title: string; lines: [string, string][] }[] = [
    { title: 'L1 反应 Reaction', lines: [['平均分 Score', `${fmt(t.reaction.score, 2)} / 5`], ['回收率 Response', pct(t.reaction.responseRate)], ['问卷 Answers', String(t.reaction.responses)]] },
    { title: 'L2 学习 Learning', lines: [['考试 Exam avg', fmt(t.learning.examAverage)], ['通过率 Pass rate', pct(t.learning.examPassRate)], ['演练 Role-play', fmt(t.learning.roleplayAverage)]] },
    { title: 'L3 行为 Behaviour', lines: [['质检 QA score', fmt(t.behaviour.qaScore)], ['共情 Empathy', pct(t.behaviour.empathyRate)], ['缓和 Calmed', pct(t.behaviour.deEscalationRate)], ['漏升级 Missed', String(t.behaviour.missedEscalations)]] },
    { title: 'L4 结果 Results', lines: [['满意度 CSAT', pct(t.results.csat)], ['投诉率 Complaints', pct(t.results.complaintRate)], ['复购率 Repurchase', pct(t.results.repurchaseRate)], ['时长 Minutes', fmt(t.results.resolutionMinutes)]] },
  ];
  const cardWidth = (width - 3 * 8) / 4;
  const cardTop = doc.y;
  cards.forEach((card, i) => {
    const x = MARGIN + i * (cardWidth + 8);
    doc.roundedRect(x, cardTop, cardWidth, 84, 4).lineWidth(0.8).strokeColor(GRID).stroke();
    doc.font('bold').fontSize(10).fillColor(TEAL).text(card.title, x + 8, cardTop + 7, { width: cardWidth - 16, lineBreak: false });
    card.lines.forEach(([label, value], j) => {
      const lineY = cardTop + 26 + j * 13.5;
      doc.font('regular').fontSize(7.5).fillColor(MUTED).text(label, x + 8, lineY, { width: cardWidth - 16, lineBreak: false });
      doc.font('bold').fontSize(8).fillColor(INK).text(value, x + 8, lineY - 0.5, { width: cardWidth - 16, align: 'right', lineBreak: false });
    });
  });
  doc.y = cardTop + 92;

  // A line chart per level.
  heading('逐月趋势 Month by month', '空白处表示该月没有数据 A gap means no data that month');
  const months = dashboard.byMonth.map((m) => m.month);
  const series = (pick: (f: TLevelFigures) => number | null) => dashboard.byMonth.map((m) => pick(m.figures));
  const charts: { title: string; max: number; series: TSeries[] }[] = [
    { title: 'L1 反应平均分 Reaction score (1–5)', max: 5, series: [{ name: '平均分 Score', values: series((f) => f.reaction.score) }] },
    { title: 'L2 学习 Learning (0–100)', max: 100, series: [{ name: '考试 Exams', values: series((f) => f.learning.examAverage) }, { name: '演练 Role-play', values: series((f) => f.learning.roleplayAverage) }] },
    { title: 'L3 行为 Behaviour (0–100)', max: 100, series: [{ name: '质检分 QA score', values: series((f) => f.behaviour.qaScore) }, { name: '共情率 Empathy %', values: series((f) => f.behaviour.empathyRate) }] },
    { title: 'L4 满意度 CSAT %', max: 100, series: [{ name: '满意度 CSAT', values: series((f) => f.results.csat) }] },
  ];
  const chartWidth = (width - 16) / 2;
  const chartHeight = 118;
  for (let row = 0; row < 2; row += 1) {
    ensureSpace(chartHeight + 10);
    const top = doc.y;
    for (let col = 0; col < 2; col += 1) drawLineChart(doc, charts[row * 2 + col]!, months, MARGIN + col * (chartWidth + 16), top, chartWidth, chartHeight);
    doc.y = top + chartHeight + 10;
  }

  // Teams side by side.
  heading('团队对比 Teams side by side');
  const teamRows = [
    { name: dashboard.team ? dashboard.team.name : '合计 All', people: dashboard.people, figures: dashboard.totals },
    ...(dashboard.team ? [] : dashboard.byTeam.map((b) => ({ name: b.team.name, people: b.people, figures: b.figures }))),
  ];
  drawTable(
    doc,
    ['团队 Team', '人数', 'L1 反应', 'L1 回收率', 'L2 考试', 'L2 演练', 'L3 质检', 'L3 共情', 'L4 满意度', 'L4 投诉率'],
    teamRows.map((r) => [
      r.name,
      String(r.people),
      fmt(r.figures.reaction.score, 2),
      pct(r.figures.reaction.responseRate),
      fmt(r.figures.learning.examAverage),
      fmt(r.figures.learning.roleplayAverage),
      fmt(r.figures.behaviour.qaScore),
      pct(r.figures.behaviour.empathyRate),
      pct(r.figures.results.csat),
      pct(r.figures.results.complaintRate),
    ]),
    [2.2, 0.8, 1, 1, 1, 1, 1, 1, 1.1, 1.1],
    width,
  );

  // Before and after.
  heading('培训前后对比 Before and after training', '差异 = 已培训者的变化 − 同期未培训者的变化 Difference = change of trained people − change of not-yet-trained people over the same periods');
  const kpiName: Record<TDidRow['field'], string> = { csat: '满意度 CSAT', complaintRate: '投诉率 Complaints', repurchaseRate: '复购率 Repurchase', resolutionMinutes: '处理时长 Resolution', escalationRate: '升级率 Escalation' };
  const didValue = (row: TDidRow, value: number | null) => (value === null ? '—' : KPI_IS_PERCENT[row.field] ? `${value.toFixed(2)}%` : value.toFixed(2));
  const signed = (row: TDidRow, value: number | null) => (value === null ? '—' : `${value > 0 ? '+' : ''}${didValue(row, value)}`);
  drawTable(
    doc,
    ['指标 KPI', '已培训', '培训前', '培训后', '变化', '未培训', '同期变化', '差异', '判断'],
    dashboard.did.map((r) => [
      kpiName[r.field],
      String(r.trainedPeople),
      didValue(r, r.trainedBefore),
      didValue(r, r.trainedAfter),
      signed(r, r.trainedChange),
      String(r.controlPeople),
      signed(r, r.controlChange),
      signed(r, r.difference),
      r.isImprovement === null ? '—' : r.isImprovement ? '改善' : '变差',
    ]),
    [1.8, 0.8, 1, 1, 1, 0.8, 1, 1, 0.8],
    width,
  );
  const isSmall = dashboard.did.some((r) => r.isSmall);
  doc.moveDown(0.4);
  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(isSmall ? '#ad4e00' : MUTED)
    .text(
      `${isSmall ? `注意：有一组不足 ${DID_MIN_GROUP} 人，差异可能只是个别人的波动。Caution: a group has fewer than ${DID_MIN_GROUP} people; the difference may be one person's ups and downs. ` : ''}这是相关而非因果：先参训的人并非随机选出。This shows association, not proof: who is trained first is not chosen at random.`,
      MARGIN,
      doc.y,
      { width },
    );
  doc.moveDown(0.6);
  doc.font('regular').fontSize(8).fillColor(MUTED).text('每个数字的计算方法见系统中的「效果评估 → 计算方法」页面。How each figure is computed: 效果评估 → 计算方法 (Methods) in CalmDesk.', MARGIN, doc.y, { width });

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED).text(`${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

/** A line chart with a 0–max axis, month labels, one line per series (gaps where a month has no value), a legend. */
function drawLineChart(doc: PDFKit.PDFDocument, chart: { title: string; max: number; series: TSeries[] }, months: readonly string[], x: number, y: number, width: number, height: number): void {
  doc.font('bold').fontSize(9).fillColor(INK).text(chart.title, x, y, { width, lineBreak: false });
  const plot = { left: x + 26, top: y + 30, right: x + width - 6, bottom: y + height - 16 };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  // Legend.
  let legendX = x;
  chart.series.forEach((s, i) => {
    doc.rect(legendX, y + 15, 8, 3).fill(SERIES_COLOURS[i]!);
    doc.font('regular').fontSize(7).fillColor(MUTED).text(s.name, legendX + 11, y + 12, { lineBreak: false });
    legendX += 14 + doc.widthOfString(s.name) + 10;
  });
  // Grid and axis labels.
  for (let step = 0; step <= 4; step += 1) {
    const gy = plot.bottom - (plotHeight * step) / 4;
    doc.moveTo(plot.left, gy).lineTo(plot.right, gy).lineWidth(0.4).strokeColor(GRID).stroke();
    const label = String(Math.round(((chart.max * step) / 4) * 10) / 10);
    doc.font('regular').fontSize(6.5).fillColor(MUTED).text(label, x, gy - 3.5, { width: 22, align: 'right', lineBreak: false });
  }
  const xOf = (i: number) => (months.length === 1 ? plot.left + plotWidth / 2 : plot.left + (plotWidth * i) / (months.length - 1));
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  months.forEach((month, i) => {
    if (i % labelEvery !== 0 && i !== months.length - 1) return;
    doc.font('regular').fontSize(6.5).fillColor(MUTED).text(month.slice(2).replace('-', '/'), xOf(i) - 14, plot.bottom + 4, { width: 28, align: 'center', lineBreak: false });
  });
  const yOf = (value: number) => plot.bottom - (Math.min(Math.max(value, 0), chart.max) / chart.max) * plotHeight;
  chart.series.forEach((s, si) => {
    const colour = SERIES_COLOURS[si]!;
    let isDrawing = false;
    s.values.forEach((value, i) => {
      if (value === null) {
        isDrawing = false;
        return;
      }
      if (!isDrawing) doc.moveTo(xOf(i), yOf(value));
      else doc.lineTo(xOf(i), yOf(value));
      isDrawing = true;
    });
    doc.lineWidth(1.4).strokeColor(colour).stroke();
    s.values.forEach((value, i) => {
      if (value !== null) doc.circle(xOf(i), yOf(value), 1.8).fill(colour);
    });
  });
  const hasData = chart.series.some((s) => s.values.some((v) => v !== null));
  if (!hasData) doc.font('regular').fontSize(8).fillColor(MUTED).text('暂无数据 No data yet', plot.left, plot.top + plotHeight / 2 - 5, { width: plotWidth, align: 'center', lineBreak: false });
}

/** A simple table: a teal header row, thin rules, columns sized by weight; breaks onto a new page when needed. */
function drawTable(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], weights: number[], width: number): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const rowHeight = 16;
  const drawRow = (cells: string[], isHeader: boolean) => {
    if (doc.y + rowHeight > doc.page.height - MARGIN - 20) doc.addPage();
    const top = doc.y;
    if (isHeader) doc.rect(MARGIN, top, width, rowHeight).fill('#e8f2f4');
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.font(isHeader ? 'bold' : 'regular').fontSize(7.5).fillColor(INK).text(cell, x + 3, top + 4.5, { width: widths[i]! - 6, align: i === 0 ? 'left' : 'right', lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, top + rowHeight).lineTo(MARGIN + width, top + rowHeight).lineWidth(0.4).strokeColor(GRID).stroke();
    doc.y = top + rowHeight;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
}
