import {
  ABC_STEPS,
  SELFCARE_BODY_SIGNALS,
  SELFCARE_EMOTIONS,
  STRESS_QUESTIONNAIRE,
  type TAbcReaction,
  type TEmotionRating,
  type TSelfcareEntry,
  type TSelfcareExport,
  type TStressBand,
} from '@calmdesk/shared';
import { pdfDocumentCreate } from '../lib/pdf-document.js';

/**
 * The owner's self-care export as an A4 PDF to keep or print: the stress trend as a table with
 * a bar per check, then entries by kind, newest first, then the questionnaire's text. Chinese
 * first with English beside it; Noto Sans SC (the certificates' font) is embedded as a subset.
 */


const TEAL = '#2f7d8c';
const INK = '#1f2d33';
const MUTED = '#5c6b70';
const RULE = '#d9e2e5';
const BAND_COLOUR: Record<TStressBand, string> = { low: '#3c8d4f', moderate: '#d4862a', high: '#c0504d' };
const MARGIN = 48;

const EMOTION_LABEL = new Map<string, string>(SELFCARE_EMOTIONS.map((e) => [e.key, e.label.zh]));
const SIGNAL_LABEL = new Map<string, string>(SELFCARE_BODY_SIGNALS.map((s) => [s.key, s.label.zh]));
const BAND_LABEL = new Map<string, string>(STRESS_QUESTIONNAIRE.bands.map((b) => [b.band, `${b.label.zh} ${b.label.en}`]));
const STEP_LABEL: Record<(typeof ABC_STEPS)[number], string> = { event: 'A 诱发事件', belief: 'B 想法信念', consequence: 'C 情绪与行为', disputation: 'D 反驳与替换', effect: 'E 新的效果' };

function chinaTime(iso: string, withTime = true): string {
  const options: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) };
  return new Intl.DateTimeFormat('zh-CN', options).format(new Date(iso));
}

const emotionsText = (list: readonly TEmotionRating[]) => list.map((e) => `${EMOTION_LABEL.get(e.emotion) ?? e.emotion} ${e.intensity}`).join('、');
const reactionText = (r: TAbcReaction) => [r.emotions.length ? emotionsText(r.emotions) : '', r.behaviour].filter(Boolean).join('；');

/**
 * Renders the export.
 * @returns the PDF bytes
 */
export async function renderSelfcarePdf(data: TSelfcareExport): Promise<Buffer> {
  const { doc, done } = pdfDocumentCreate({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: '我的自我关怀记录 My self-care record', Author: data.owner.displayName, Creator: 'CalmDesk 心安客服' } });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 16;
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string, sub?: string) => {
    // Room for the heading and the first item under it, so a heading never ends a page alone.
    ensureSpace(120);
    doc.moveDown(0.8);
    doc.font('bold').fontSize(14).fillColor(TEAL).text(text, MARGIN, doc.y, { width });
    if (sub) doc.font('regular').fontSize(8.5).fillColor(MUTED).text(sub, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
  };
  const field = (label: string, value: string) => {
    if (!value) return;
    ensureSpace(30);
    doc.font('bold').fontSize(9).fillColor(MUTED).text(label, MARGIN + 8, doc.y, { width: width - 8 });
    doc.font('regular').fontSize(10).fillColor(INK).text(value, MARGIN + 8, doc.y, { width: width - 8, lineGap: 1.5 });
    doc.moveDown(0.25);
  };
  const entryTitle = (title: string, at: string) => {
    ensureSpace(60);
    doc.moveDown(0.3);
    const y = doc.y;
    doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('bold').fontSize(10.5).fillColor(INK).text(title, MARGIN, y + 5, { width: width - 120 });
    const afterTitle = doc.y;
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text(chinaTime(at), MARGIN + width - 115, y + 6, { width: 115, align: 'right' });
    doc.y = Math.max(afterTitle, y + 18);
    doc.moveDown(0.15);
  };

  // Title block.
  doc.font('bold').fontSize(20).fillColor(INK).text('我的自我关怀记录', MARGIN, MARGIN, { width });
  doc.font('regular').fontSize(10).fillColor(MUTED).text('My self-care record', { width });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(10).fillColor(INK).text(`${data.owner.displayName}（${data.owner.login}）　｜　导出时间 Exported：${chinaTime(data.exportedAt)}（北京时间）`, { width });
  const counts = (kind: TSelfcareEntry['kind']) => data.entries.filter((e) => e.kind === kind).length;
  doc.text(`情绪日记 ${counts('diary')}　ABC 工作表 ${counts('abc')}　感恩记录 ${counts('gratitude')}　成功案例 ${counts('success')}　压力自测 ${data.stressChecks.length}`, { width });
  doc.font('regular').fontSize(8.5).fillColor(MUTED).text('这份记录只属于你：系统中任何角色（包括管理员）都无法查看。请妥善保管。This record is yours alone: no role in the app, administrators included, can read it. Keep it safe.', { width });
  doc.moveTo(MARGIN, doc.y + 6).lineTo(MARGIN + width, doc.y + 6).lineWidth(1).strokeColor(TEAL).stroke();
  doc.moveDown(0.6);

  // Stress trend.
  heading('压力自测趋势 Stress self-check trend', '得分 0–100，越高表示压力越大；低于 35 较低，35–59 中等，60 以上较高。自测不是诊断。Score 0–100, higher means more strain. Not a diagnosis.');
  if (data.stressChecks.length === 0) {
    doc.font('regular').fontSize(10).fillColor(MUTED).text('还没有自测记录。No self-checks yet.', MARGIN, doc.y, { width });
  } else {
    const columns = [
      { title: '日期 Date', x: MARGIN, w: 120 },
      { title: '得分 Score', x: MARGIN + 120, w: 60 },
      { title: '程度 Band', x: MARGIN + 180, w: 130 },
      { title: '', x: MARGIN + 310, w: width - 310 },
    ];
    const rowHeight = 17;
    const header = () => {
      const y = doc.y;
      doc.rect(MARGIN, y, width, rowHeight).fill('#eef4f5');
      for (const c of columns) doc.font('bold').fontSize(9).fillColor(INK).text(c.title, c.x + 4, y + 4, { width: c.w - 8, lineBreak: false });
      doc.y = y + rowHeight;
    };
    header();
    for (const check of data.stressChecks) {
      if (doc.y + rowHeight > bottom()) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      const band = check.band;
      doc.font('regular').fontSize(9).fillColor(INK).text(chinaTime(check.takenAt, false), columns[0]!.x + 4, y + 4, { width: columns[0]!.w - 8, lineBreak: false });
      doc.text(String(check.score), columns[1]!.x + 4, y + 4, { width: columns[1]!.w - 8, lineBreak: false });
      doc.fillColor(BAND_COLOUR[band]).text(BAND_LABEL.get(band) ?? band, columns[2]!.x + 4, y + 4, { width: columns[2]!.w - 8, lineBreak: false });
      const barWidth = ((columns[3]!.w - 8) * check.score) / 100;
      doc.rect(columns[3]!.x + 4, y + 5, Math.max(barWidth, 1), rowHeight - 10).fill(BAND_COLOUR[band]);
      doc.moveTo(MARGIN, y + rowHeight).lineTo(MARGIN + width, y + rowHeight).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.y = y + rowHeight;
    }
  }

  // Entries by kind, newest first.
  const byKind = <K extends TSelfcareEntry['kind']>(kind: K) => data.entries.filter((e): e is Extract<TSelfcareEntry, { kind: K }> => e.kind === kind).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const none = () => doc.font('regular').fontSize(10).fillColor(MUTED).text('暂无。None yet.', MARGIN, doc.y, { width });

  heading('情绪日记 Emotion diary');
  const diary = byKind('diary');
  if (diary.length === 0) none();
  for (const entry of diary) {
    const b = entry.body;
    entryTitle(emotionsText(b.emotions), entry.occurredAt);
    field('发生了什么 What happened', b.event);
    const signals = [...b.bodySignals.map((s) => SIGNAL_LABEL.get(s) ?? s), b.bodySignalsOther].filter(Boolean).join('、');
    field('身体信号 Body signals', signals);
    field('当时的想法 Thoughts', b.thoughts);
    field('什么有帮助 What helped', b.helped);
  }

  heading('ABC 工作表 ABC worksheets');
  const abc = byKind('abc');
  if (abc.length === 0) none();
  for (const entry of abc) {
    const b = entry.body;
    entryTitle(`${b.activatingEvent.slice(0, 36)}${b.activatingEvent.length > 36 ? '…' : ''}`, entry.occurredAt);
    const state = b.isFinished ? '已完成 Finished' : `未完成，进行到「${STEP_LABEL[b.step]}」 Unfinished, saved at step ${b.step}`;
    doc.font('regular').fontSize(8.5).fillColor(b.isFinished ? BAND_COLOUR.low : BAND_COLOUR.moderate).text(state, MARGIN + 8, doc.y, { width: width - 8 });
    doc.moveDown(0.2);
    field('A 诱发事件 Activating event', b.activatingEvent);
    field('B 想法信念 Belief', b.belief);
    field('C 情绪与行为 Consequence', reactionText(b.consequence));
    field('D 反驳与替换 Disputation', b.disputation);
    field('E 新的效果 New effect', reactionText(b.newEffect));
  }

  heading('感恩记录 Gratitude notes');
  const gratitude = byKind('gratitude');
  if (gratitude.length === 0) none();
  for (const entry of gratitude) {
    ensureSpace(40);
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text(chinaTime(entry.occurredAt), MARGIN, doc.y, { width });
    doc.font('regular').fontSize(10).fillColor(INK).text(entry.body.text, MARGIN + 8, doc.y, { width: width - 8, lineGap: 1.5 });
    doc.moveDown(0.4);
  }

  heading('成功案例 Success cases');
  const success = byKind('success');
  if (success.length === 0) none();
  for (const entry of success) {
    const b = entry.body;
    entryTitle(b.title, entry.occurredAt);
    field('经过 What happened', b.whatHappened);
    field('我做得好的地方 What I did well', b.whatIDidWell);
    if (b.link) field('关联 Linked', `${b.link.title.zh}　${b.link.title.en}`);
  }

  // The questionnaire, so the answers can be read without the app.
  heading(`附：${STRESS_QUESTIONNAIRE.title.zh} ${STRESS_QUESTIONNAIRE.title.en}（${STRESS_QUESTIONNAIRE.version}）`, STRESS_QUESTIONNAIRE.intro.zh);
  doc.font('regular').fontSize(8.5).fillColor(MUTED).text(`${STRESS_QUESTIONNAIRE.scale.map((s) => `${s.value} ${s.label.zh}`).join('　')}；带 * 的题目反向计分。Items marked * are reverse-scored.`, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  STRESS_QUESTIONNAIRE.items.forEach((item, i) => {
    ensureSpace(30);
    doc.font('regular').fontSize(9.5).fillColor(INK).text(`${i + 1}. ${item.text.zh}${item.isReversed ? ' *' : ''}`, MARGIN, doc.y, { width });
    doc.font('regular').fontSize(8).fillColor(MUTED).text(`    ${item.text.en}`, MARGIN, doc.y, { width });
    doc.moveDown(0.15);
  });

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED).text(`${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
