// Writes the printable lesson worksheets (A4 PDFs) into content/curriculum/assets/.
//   npm run assets
//   (= node --conditions=source --import tsx scripts/build-lesson-assets.ts)
// The PDFs are committed; run this again after changing any text below. Chinese needs a CJK
// font: Noto Sans SC (SIL Open Font License, @expo-google-fonts/noto-sans-sc) is embedded as a
// subset of the glyphs used, the way packages/server/src/lib/certificate-pdf.ts does it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');
const ASSETS_DIR = fileURLToPath(new URL('../content/curriculum/assets/', import.meta.url));

// A fixed date: the PDF's file id is derived from it, so rebuilding unchanged text gives
// byte-identical files and no noise in git.
const BUILT_AT = new Date('2025-01-01T00:00:00Z');

const TEAL = '#2f7d8c';
const TEAL_LIGHT = '#e6f2f4';
const INK = '#1f2d33';
const MUTED = '#5c6b70';
const RULE = '#9fb3b8';
const AMBER = '#a45f00';
const AMBER_LIGHT = '#fdf2e1';
const RED = '#b23b3b';
const RED_LIGHT = '#fbeaea';

type TDoc = PDFKit.PDFDocument;
type TText = { zh: string; en: string };

const MARGIN = 46;
const FOOTER_SPACE = 34;

/**
 * A page-filling cursor over one pdfkit document: every helper draws at `y` across the
 * printable width and moves `y` down, starting a new page when the next block will not fit.
 */
class Sheet {
  readonly doc: TDoc;
  y = MARGIN;
  private readonly title: TText;

  constructor(title: TText, subject: string) {
    this.title = title;
    // margin 0: we place every block ourselves, so pdfkit never breaks a page on its own.
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      info: { Title: `${title.zh} ${title.en}`, Author: 'CalmDesk 心安客服', Subject: subject, Creator: 'CalmDesk 心安客服', CreationDate: BUILT_AT, ModDate: BUILT_AT },
    });
    this.doc.registerFont('regular', FONT_REGULAR);
    this.doc.registerFont('bold', FONT_BOLD);
  }

  get left(): number {
    return MARGIN;
  }
  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN - FOOTER_SPACE;
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout, margin: 0 });
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage(this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait');
  }

  gap(points: number): void {
    this.y += points;
  }

  /** Height of `text` set in `font` at `size` within `width`. */
  measure(text: string, font: string, size: number, width: number, lineGap = 2): number {
    return this.doc.font(font).fontSize(size).heightOfString(text, { width, lineGap });
  }

  /** Chinese text with the English after it on the same baseline, smaller and grey. */
  pair(zh: string, en: string, x: number, y: number, zhSize: number, enSize: number, color = INK, zhFont = 'bold'): void {
    const baseline = y + zhSize * 1.16;
    this.doc.font(zhFont).fontSize(zhSize).fillColor(color).text(zh, x, baseline, { baseline: 'alphabetic', lineBreak: false });
    const zhWidth = this.doc.widthOfString(zh);
    if (en) this.doc.font('regular').fontSize(enSize).fillColor(MUTED).text(en, x + zhWidth + zhSize * 0.5, baseline, { baseline: 'alphabetic', lineBreak: false });
  }

  /** The page title, a one-paragraph lead and a rule under them. */
  header(lead: string): void {
    this.pair(this.title.zh, this.title.en, this.left, this.y, 22, 12, TEAL);
    this.y += 36;
    if (lead) this.paragraph(lead, { size: 10.5, color: INK });
    this.doc.moveTo(this.left, this.y + 2).lineTo(this.left + this.width, this.y + 2).lineWidth(1.2).strokeColor(TEAL).stroke();
    this.y += 12;
  }

  /** A section heading; `keep` is the height of what must stay on the same page with it. */
  heading(zh: string, en: string, keep = 60): void {
    this.ensure(26 + keep);
    this.doc.rect(this.left, this.y + 3, 4, 15).fill(TEAL);
    this.pair(zh, en, this.left + 11, this.y, 13, 9.5, INK);
    this.y += 24;
  }

  paragraph(text: string, options: { size?: number; color?: string; font?: string; indent?: number } = {}): void {
    const size = options.size ?? 10;
    const indent = options.indent ?? 0;
    const height = this.measure(text, options.font ?? 'regular', size, this.width - indent);
    this.ensure(height);
    this.doc.font(options.font ?? 'regular').fontSize(size).fillColor(options.color ?? INK).text(text, this.left + indent, this.y, { width: this.width - indent, lineGap: 2 });
    this.y += height + 5;
  }

  /**
   * A list: each item may start with a bold lead-in (`lead`), then plain text. `marker` is
   * '•', 'number' (1. 2. …) or 'box' (an empty check box to tick by hand).
   */
  list(items: { lead?: string; text: string }[], marker: '•' | 'number' | 'box' = '•', size = 10): void {
    const indent = marker === '•' ? 14 : 20;
    const width = this.width - indent;
    for (const [index, item] of items.entries()) {
      const full = (item.lead ? `${item.lead}` : '') + item.text;
      const height = this.measure(full, 'regular', size, width);
      this.ensure(height);
      const top = this.y;
      if (marker === 'box') {
        this.doc.lineWidth(0.9).strokeColor(INK).rect(this.left + 2, top + 3.5, 10, 10).stroke();
      } else {
        const label = marker === 'number' ? `${index + 1}.` : '•';
        this.doc.font(marker === 'number' ? 'bold' : 'regular').fontSize(size).fillColor(TEAL).text(label, this.left + 1, top, { lineBreak: false });
      }
      if (item.lead) {
        this.doc.font('bold').fontSize(size).fillColor(INK).text(item.lead, this.left + indent, top, { width, lineGap: 2, continued: true });
        this.doc.font('regular').text(item.text, { width, lineGap: 2 });
      } else {
        this.doc.font('regular').fontSize(size).fillColor(INK).text(item.text, this.left + indent, top, { width, lineGap: 2 });
      }
      this.y = top + height + 3;
    }
    this.y += 2;
  }

  /** A tinted box around a few lines of text (a quote, a tip, a caution). */
  box(lines: string[], options: { fill?: string; stroke?: string; title?: TText; size?: number; titleColor?: string } = {}): void {
    const size = options.size ?? 10;
    const pad = 9;
    const inner = this.width - 2 * pad - 4;
    const text = lines.join('\n');
    const titleHeight = options.title ? 20 : 0;
    const height = titleHeight + this.measure(text, 'regular', size, inner) + 2 * pad;
    this.ensure(height);
    this.doc.rect(this.left, this.y, this.width, height).fill(options.fill ?? TEAL_LIGHT);
    this.doc.rect(this.left, this.y, 4, height).fill(options.stroke ?? TEAL);
    if (options.title) this.pair(options.title.zh, options.title.en, this.left + pad + 4, this.y + pad - 2, 11, 8.5, options.titleColor ?? INK);
    this.doc.font('regular').fontSize(size).fillColor(INK).text(text, this.left + pad + 4, this.y + pad + titleHeight, { width: inner, lineGap: 2 });
    this.y += height + 8;
  }

  /**
   * A table with a two-language header row. Rows are drawn whole on one page; the header is
   * repeated after a page break. `minRowHeight` leaves room to write by hand.
   */
  table(
    columns: { zh: string; en?: string; width: number; hint?: string }[],
    rows: string[][],
    options: { size?: number; minRowHeight?: number; boldFirstColumn?: boolean; inlineHeader?: boolean; cellFooter?: (column: number) => string | undefined } = {},
  ): void {
    const size = options.size ?? 9.5;
    const pad = 5;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const hasHint = columns.some((c) => c.hint);
    const headerCell = (c: (typeof columns)[number], w: number) =>
      options.inlineHeader
        ? size * 1.45
        : this.measure(c.zh, 'bold', size, w - 2 * pad) + (c.en ? this.measure(c.en, 'regular', 7.5, w - 2 * pad, 0) : 0) + (c.hint ? this.measure(c.hint, 'regular', 7.5, w - 2 * pad, 0) + 2 : 0);
    const headerHeight = Math.max(...columns.map((c, i) => headerCell(c, widths[i]!))) + 2 * pad;

    const drawHeader = () => {
      this.doc.rect(this.left, this.y, this.width, headerHeight).fill(TEAL_LIGHT);
      for (const [i, c] of columns.entries()) {
        const w = widths[i]! - 2 * pad;
        let y = this.y + pad;
        if (options.inlineHeader) {
          this.pair(c.zh, c.en ?? '', xs[i]! + pad, y - 1, size, 7.5, INK);
          continue;
        }
        this.doc.font('bold').fontSize(size).fillColor(INK).text(c.zh, xs[i]! + pad, y, { width: w, lineGap: 2 });
        y += this.measure(c.zh, 'bold', size, w);
        if (c.en) {
          this.doc.font('regular').fontSize(7.5).fillColor(MUTED).text(c.en, xs[i]! + pad, y, { width: w });
          y += this.measure(c.en, 'regular', 7.5, w, 0);
        }
        if (c.hint) this.doc.font('regular').fontSize(7.5).fillColor(TEAL).text(c.hint, xs[i]! + pad, y + 2, { width: w });
      }
      this.grid(xs, widths, this.y, headerHeight);
      this.y += headerHeight;
    };

    this.ensure(headerHeight + (rows[0] ? this.rowHeight(rows[0], widths, size, pad, options.minRowHeight, options.boldFirstColumn) : 0));
    drawHeader();
    for (const row of rows) {
      const height = this.rowHeight(row, widths, size, pad, options.minRowHeight, options.boldFirstColumn);
      if (this.y + height > this.bottom) {
        this.newPage(this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait');
        drawHeader();
      }
      for (const [i, cell] of row.entries()) {
        const font = i === 0 && options.boldFirstColumn ? 'bold' : 'regular';
        this.doc.font(font).fontSize(size).fillColor(INK).text(cell, xs[i]! + pad, this.y + pad, { width: widths[i]! - 2 * pad, lineGap: 2 });
        const footer = options.cellFooter?.(i);
        if (footer) this.doc.font('regular').fontSize(7.5).fillColor(MUTED).text(footer, xs[i]! + pad, this.y + height - pad - 10, { width: widths[i]! - 2 * pad, lineBreak: false });
      }
      this.grid(xs, widths, this.y, height);
      this.y += height;
    }
    this.y += hasHint ? 10 : 8;
  }

  private rowHeight(row: string[], widths: number[], size: number, pad: number, minRowHeight = 0, boldFirstColumn = false): number {
    return Math.max(minRowHeight, ...row.map((cell, i) => this.measure(cell, i === 0 && boldFirstColumn ? 'bold' : 'regular', size, widths[i]! - 2 * pad) + 2 * pad));
  }

  private grid(xs: number[], widths: number[], y: number, height: number): void {
    this.doc.lineWidth(0.6).strokeColor(RULE);
    for (const [i, x] of xs.entries()) this.doc.rect(x, y, widths[i]!, height).stroke();
  }

  /** Lines to write on: a label on the left, a rule to its right, `lines` times. */
  fillLine(label: string, lines = 1, labelWidth = 150): void {
    const step = 24;
    this.ensure(step * lines);
    this.doc.font('regular').fontSize(9.5).fillColor(INK).text(label, this.left, this.y + 6, { width: labelWidth - 6, lineGap: 1 });
    for (let i = 0; i < lines; i++) {
      const y = this.y + step * (i + 1) - 3;
      this.doc.moveTo(this.left + labelWidth, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(RULE).stroke();
    }
    this.y += step * lines + 2;
  }

  /** A proportional timing bar: coloured segments, each labelled with its action and seconds; a note beside it. */
  timingBar(segments: { label: string; seconds: number; color: string }[], note: string, unit = 20): void {
    const height = 30;
    this.ensure(height + 8);
    let x = this.left;
    for (const s of segments) {
      const w = s.seconds * unit;
      this.doc.roundedRect(x, this.y, w - 3, height, 5).fill(s.color);
      this.doc.font('bold').fontSize(10.5).fillColor('#ffffff').text(`${s.label} ${s.seconds} 秒`, x, this.y + 7.5, { width: w - 3, align: 'center', lineBreak: false });
      x += w;
    }
    const totalSeconds = segments.reduce((sum, s) => sum + s.seconds, 0);
    this.doc.font('regular').fontSize(9).fillColor(MUTED).text(`一轮约 ${totalSeconds} 秒，${note}`, x + 8, this.y + 1, { width: this.left + this.width - x - 8, lineGap: 0 });
    this.y += height + 10;
  }

  /** Footers on every page, then writes the file. @returns the size in bytes */
  async save(name: string): Promise<number> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const y = this.doc.page.height - MARGIN + 4;
      const right = this.doc.page.width - MARGIN;
      this.doc.moveTo(MARGIN, y - 8).lineTo(right, y - 8).lineWidth(0.5).strokeColor(RULE).stroke();
      this.doc.font('regular').fontSize(8).fillColor(MUTED).text(`CalmDesk 心安客服 · 情绪管理课程 · ${this.title.zh}`, MARGIN, y, { lineBreak: false });
      const page = `${i + 1} / ${range.count}`;
      this.doc.text(page, right - this.doc.widthOfString(page), y, { lineBreak: false });
    }
    const file = path.join(ASSETS_DIR, name);
    const written = new Promise<void>((resolve, reject) => {
      const stream = fs.createWriteStream(file);
      stream.on('finish', resolve);
      stream.on('error', reject);
      this.doc.pipe(stream);
    });
    this.doc.end();
    await written;
    return fs.statSync(file).size;
  }
}

/** ABC 情绪记录表: how to fill it in, one worked example, then a landscape page of empty rows. */
function buildAbcWorksheet(): Sheet {
  const s = new Sheet({ zh: 'ABC 情绪记录表', en: 'ABC thought record' }, 'ABC model worksheet');
  s.header('把一件让你难受的事拆成五步写下来：发生了什么（A），你当时怎么想（B），带来了什么情绪和行为（C），换个角度怎么想（D），之后有什么新的感受和做法（E）。发生的事往往改变不了，对它的看法却可以调整。');

  s.heading('怎么填', 'How to fill it in');
  s.list(
    [
      { lead: 'A 诱发事件：', text: '只写事实，像监控录像那样记下谁、什么时候、说了什么、做了什么，不加评价。' },
      { lead: 'B 当时的想法：', text: '照实写下脑子里冒出来的那句话，哪怕它听起来很冲，比如“他就是故意找茬”。' },
      { lead: 'C 情绪与行为：', text: '给情绪起个名字并打分（0 = 完全平静，10 = 快要失控），再写下你做了什么，或者差点做了什么。' },
      { lead: 'D 换个角度想：', text: '用三个问题检验 B：有证据吗？换一个人会怎么看？这样想对我有帮助吗？' },
      { lead: 'E 新的感受与做法：', text: '写下换了想法之后的情绪（再打一次分），以及具体的下一步：最好是一句能发出去的回复，或者一个马上能做的动作。' },
    ],
    'number',
  );
  s.paragraph('常见的“卡住”的想法：绝对化（“顾客必须讲道理”）、糟糕至极（“这下全完了”）、以偏概全（“我就是干不好客服”）、受不了（“这种人我一分钟也忍不了”）。在 B 里认出它们，D 就好写了。', { size: 9.5, color: MUTED });

  s.heading('示例：大促夜里的一句辱骂', 'Worked example: an insult during a sales peak', 200);
  s.paragraph('“双十一”当晚 22:40，咨询排队三十多人。一位顾客等了 8 分钟才收到回复，他的第一句话是：“你们客服是死了吗？这么久不回，脑子有问题吧！”', { size: 10 });
  s.table(
    [
      { zh: '步骤', en: 'Step', width: 2.5 },
      { zh: '记录', en: 'What was written', width: 7.5 },
    ],
    [
      ['A 诱发事件', '大促当晚，顾客等了 8 分钟，发来辱骂消息。他的订单已经显示“待发货”两天。'],
      ['B 当时的想法', '“我一晚上手就没停过，凭什么骂我？他就是素质差，专门来找茬的。”\n“再被投诉一次，这个月的绩效就完了。”'],
      ['C 情绪（0–10）与行为', '委屈 7 分，愤怒 6 分；胸口发紧。打出一句“请您文明用语”，差点直接发出去。'],
      ['D 换个角度想', '有证据说明他专门找茬吗？没有。订单两天没发，又等了 8 分钟，他着急是真的；他骂的是“等太久”，不是在评价我这个人。一次投诉也决定不了整个月的绩效。那句生硬的话发出去，只会让事情更难办。'],
      ['E 新的感受与做法', '委屈降到 3 分，愤怒降到 2 分。先做三轮 4-2-6 呼吸，再回复：“让您久等了，真的抱歉。我马上查这单的发货情况，两分钟内给您准确答复。”查清后告诉他仓库明天中午前发出，并在工单里备注跟进。如果辱骂继续，按流程请主管。'],
    ],
    { boldFirstColumn: true, size: 9.5 },
  );
  s.box(['刚开始，下班复盘时写一条就够了，字不用工整。写过几次，你会发现有几个 B 反复出现：它们就是最值得练的地方。熟练以后，两段对话之间在心里过一遍 A-B-C-D-E，半分钟就能做完。'], { title: { zh: '小提示', en: 'Tip' }, size: 9.5 });

  s.newPage('landscape');
  s.pair('记录表', 'Record sheet', s.left, s.y, 15, 10, TEAL);
  s.doc.font('regular').fontSize(9).fillColor(MUTED).text('姓名 Name：______________', s.left + s.width - 170, s.y + 5, { width: 170, align: 'right', lineBreak: false });
  s.y += 28;
  const empty = ['', '', '', '', '', ''];
  s.table(
    [
      { zh: '日期', en: 'Date', width: 1.1 },
      { zh: 'A 诱发事件', en: 'Activating event', width: 2.6, hint: '只写事实' },
      { zh: 'B 当时的想法', en: 'Belief', width: 2.6, hint: '脑子里的原话' },
      { zh: 'C 情绪（强度 0–10）与行为', en: 'Consequence: feeling (0–10), action', width: 2.6, hint: '情绪名称和分数，做了什么' },
      { zh: 'D 换个角度想', en: 'Dispute', width: 2.7, hint: '有证据吗？换个人怎么看？有帮助吗？' },
      { zh: 'E 新的感受与做法', en: 'Effect: new feeling, next step', width: 2.6, hint: '新的分数，下一步做什么' },
    ],
    [empty, empty, empty, empty, empty],
    { minRowHeight: 78, cellFooter: (column) => (column === 3 || column === 5 ? '强度 ______ / 10' : undefined) },
  );
  return s;
}

/** 呼吸练习卡: 4-7-8, the gentler 4-2-6, when to use each on shift, and when to stop. */
function buildBreathingCard(): Sheet {
  const s = new Sheet({ zh: '呼吸练习卡', en: 'Breathing card' }, '4-7-8 and 4-2-6 breathing');
  s.header('放慢呼吸、把呼气拉长，等于给身体踩一脚“刹车”：心跳慢下来，脑子也清楚一些。把这张卡放在工位旁边，先在平静的时候练熟，忙起来才用得上。');

  s.heading('4-7-8 呼吸', '4-7-8 breathing: for a deeper calm', 140);
  s.timingBar([
    { label: '吸气', seconds: 4, color: TEAL },
    { label: '屏气', seconds: 7, color: '#7a9aa1' },
    { label: '呼气', seconds: 8, color: '#4f9a6b' },
  ], '屏气较长\n适合休息时、下班后和睡前');
  s.list(
    [
      { text: '坐稳，双脚踩地。舌尖轻轻抵住上门牙后面的牙龈，整个练习都保持在这里。' },
      { text: '先用嘴把气完全呼出，发出轻轻的“呼”声。' },
      { text: '闭上嘴，用鼻子安静地吸气，心里数 1 到 4。' },
      { text: '屏住呼吸，数 1 到 7。' },
      { text: '用嘴慢慢呼气，带着“呼”声，数 1 到 8。这是一轮。' },
      { text: '连做 4 轮就够了。数得快一点没关系，保持 4 : 7 : 8 的比例即可。' },
    ],
    'number',
  );

  s.heading('4-2-6 呼吸（温和版）', '4-2-6: the gentler one, for the desk', 130);
  s.timingBar([
    { label: '吸气', seconds: 4, color: TEAL },
    { label: '停', seconds: 2, color: '#7a9aa1' },
    { label: '呼气', seconds: 6, color: '#4f9a6b' },
  ], '屏气很短\n坐在工位上做，旁人几乎看不出');
  s.list(
    [
      { text: '手离开键盘，双脚踩实地面，肩膀放下来。' },
      { text: '用鼻子吸气 4 秒，让肚子慢慢鼓起来。' },
      { text: '轻轻停 2 秒，不用憋着劲。' },
      { text: '慢慢呼气 6 秒，呼气要比吸气长。做 3 轮，大约半分钟。' },
    ],
    'number',
  );

  s.heading('当班时什么时候用', 'When to use it on shift', 120);
  s.table(
    [
      { zh: '时刻', en: 'Moment', width: 5 },
      { zh: '怎么做', en: 'What to do', width: 5 },
    ],
    [
      ['刚读到一条带辱骂或威胁的消息，准备回复之前', '4-2-6 做两三轮；回复写好后再读一遍，然后再发送'],
      ['两个难缠的对话之间，接下一位顾客之前', '4-2-6 做三轮，喝一口水'],
      ['被投诉或被扣分以后，心里一直放不下', '轮到休息时做 4-7-8，4 轮'],
      ['大促排班的休息时间、午休', '4-7-8 做 4 轮，或者腹式呼吸三分钟'],
      ['下班路上、睡前脑子还在转', '4-7-8 做 4 轮'],
    ],
    { size: 9.5, inlineHeader: true },
  );

  s.box(
    [
      '• 感到头晕、心慌、胸闷或手脚发麻，马上停下，恢复平常的呼吸，坐一会儿再起身。',
      '• 刚开始练，4-7-8 不要超过 4 轮；吸得轻柔，比吸得深更重要。',
      '• 有哮喘、心脏病、高血压等问题，或者正在怀孕：只做不屏气的慢呼吸，必要时先问医生。',
      '• 呼吸练习代替不了休息和求助：连续几天睡不好、情绪很低，请告诉组长或寻求专业帮助。',
    ],
    { fill: AMBER_LIGHT, stroke: AMBER, title: { zh: '注意', en: 'Caution' }, titleColor: AMBER, size: 9.5 },
  );
  return s;
}

/** 高风险对话升级清单: the signals, what to tell the customer, and the handover note. */
function buildEscalationChecklist(): Sheet {
  const s = new Sheet({ zh: '高风险对话升级清单', en: 'Escalation checklist for high-risk chats' }, 'When and how to hand a chat to a supervisor');
  s.header('下面任意一项出现，就请主管介入。升级不是甩锅，而是让有权限、有经验的人尽早接手；拿不准的时候，宁可早报。');

  s.heading('必须升级的信号', 'Signals that must go to a supervisor', 120);
  s.list(
    [
      { lead: '投诉与曝光：', text: '顾客说要打 12315、找消费者协会、申请平台介入，或者要发到网上、找媒体曝光。例如：“我现在就打 12315”“我要发到网上让大家都看看”。' },
      { lead: '自伤或暴力字眼：', text: '提到不想活了、要伤害自己，或者威胁伤害别人、“上门找你们算账”。不论真假都立刻报告，不要自己判断“他只是随口说说”。' },
      { lead: '同一问题反复联系：', text: '同一个问题第三次来找，或者之前答应过的事没有兑现。' },
      { lead: '法律威胁：', text: '提到律师、起诉、法院，或者以“消费欺诈”为由要求“退一赔三”等赔偿。' },
      { lead: '金额大：', text: '要求的赔偿或补偿超出你的权限（本团队的标准：单笔超过 ______ 元），或者订单本身金额很大。' },
      { lead: '安全与健康：', text: '商品导致受伤、过敏、起火冒烟，食品吃出问题，或者怀疑是假货。' },
      { lead: '持续辱骂或骚扰：', text: '提醒过一次后仍在人身攻击，出现性骚扰，或者打听你的私人信息。' },
      { lead: '你自己撑不住了：', text: '情绪已经到 7 分以上，回复开始变硬。这时换人接手，才是对顾客负责。' },
    ],
    'box',
  );

  s.heading('转交时对顾客怎么说', 'What to write to the customer while handing over', 150);
  s.paragraph('说清为什么要请主管、多久能联系上；让顾客不用从头再讲；主管接手之前，你仍然是他的联系人。', { size: 9.5, color: MUTED });
  s.box(['“这个情况我想请主管和我一起处理，他有权限给您更合适的方案。经过我已经完整转给他了，您不用从头再说，10 分钟内他会在这里联系您。这期间有任何问题，随时找我。”'], { title: { zh: '一般升级', en: 'Any escalation' }, size: 9.5 });
  s.box(['“您当然有权通过任何渠道反映问题，我们也希望先把这件事给您处理好。我已经请主管介入，他会在 10 分钟内联系您，给您一个明确的处理方案。”'], { title: { zh: '顾客提到 12315、平台介入或曝光', en: 'Complaint channels' }, size: 9.5 });
  s.box(['“听到您这么说，我很担心您。您现在安全吗？我马上请同事和您联系。如果您现在很难受，可以拨打心理援助热线 12356；如果有危险，请立刻拨打 110 或 120。”同时马上告诉主管，按公司的紧急流程处理。'], { fill: RED_LIGHT, stroke: RED, title: { zh: '顾客提到伤害自己', en: 'Words of self-harm' }, titleColor: RED, size: 9.5 });
  s.paragraph('不要说：“这不归我管”“您找别人吧”；不要替主管承诺结果（“主管肯定给您全额赔”）；不要劝阻或威胁顾客投诉，也不要用补偿去换他撤销投诉、删除差评。', { size: 9.5 });

  s.heading('给主管的交接记录', 'Handover note for the supervisor', 280);
  s.paragraph('照着填，或者把这几项复制进工单。顾客的原话照抄，不要改写成你的理解。', { size: 9.5, color: MUTED });
  s.fillLine('顾客昵称 / 账号、订单号');
  s.fillLine('问题经过（一两句话）', 2);
  s.fillLine('联系次数、第一次联系的时间');
  s.fillLine('顾客原话（威胁、诉求，照抄）', 2);
  s.fillLine('顾客想要什么');
  s.fillLine('我已经做了什么、答应过什么', 2);
  s.fillLine('出现的信号（见上面的清单）');
  s.fillLine('转交时间、转交人、接手的主管');
  s.gap(10);

  s.heading('转交之后', 'After the handover', 70);
  s.list([
    { text: '在工单里记下转交时间和接手的主管；主管接手之前，顾客发来的消息照常及时回复。' },
    { text: '事后问一下结果，把这次的处理办法记下来，下次遇到类似情况会快很多。' },
    { text: '刚才的对话让你很难受：先做三轮 4-2-6 呼吸再接下一位；需要的话，跟组长说一声，休息几分钟。' },
  ]);
  return s;
}

/** 着陆与肌肉放松卡: 5-4-3-2-1 grounding and a 5-minute progressive muscle relaxation. */
function buildGroundingCard(): Sheet {
  const s = new Sheet({ zh: '着陆与肌肉放松卡', en: 'Grounding and muscle relaxation' }, '5-4-3-2-1 grounding and progressive muscle relaxation');
  s.header('脑子停不下来的时候，用五种感官把注意力拉回此时此地；身体绷得太紧的时候，用“先收紧、再放松”把肌肉一组组松开。');

  s.heading('5-4-3-2-1 着陆', '5-4-3-2-1 grounding, 1–2 minutes', 200);
  const senses: [string, string, string, string][] = [
    ['5', '看', 'See', '说出 5 样看到的东西：屏幕边的便利贴、水杯、同事桌上的绿植……'],
    ['4', '摸', 'Touch', '4 样摸到或感觉到的东西：键盘的按键、椅背、衣袖、脚底踩着的地面。'],
    ['3', '听', 'Hear', '3 种听到的声音：空调声、敲键盘的声音、远处的电话铃。'],
    ['2', '闻', 'Smell', '2 种闻到的气味：咖啡、护手霜；闻不到，就想两种你喜欢的气味。'],
    ['1', '尝', 'Taste', '1 种尝到的味道：喝一口水，留意它的温度和味道。'],
  ];
  for (const [number, zh, en, text] of senses) {
    const rowHeight = 34;
    s.ensure(rowHeight);
    const cx = s.left + 14;
    const cy = s.y + 13;
    s.doc.circle(cx, cy, 12).fill(TEAL);
    s.doc.font('bold').fontSize(14).fillColor('#ffffff').text(number, cx - 12, cy - 10.5, { width: 24, align: 'center', lineBreak: false });
    s.pair(zh, en, s.left + 34, s.y + 1, 12, 8, INK);
    s.doc.font('regular').fontSize(10).fillColor(INK).text(text, s.left + 100, s.y + 3, { width: s.width - 100, lineGap: 2 });
    s.y += rowHeight;
  }
  s.paragraph('重点不是数得对不对，而是认真地看、听、摸。走神了很正常，发现了就轻轻回来。', { size: 9.5, color: MUTED });

  s.heading('渐进式肌肉放松（5 分钟）', 'Progressive muscle relaxation, 5 minutes', 220);
  s.paragraph('坐在椅子上，双脚着地，可以闭上眼睛。每一组：吸气时用七八分力收紧，保持约 5 秒；呼气时一下子松开，停 10 到 15 秒，感受“松”的感觉。七组做完，安静坐一分钟再起身。', { size: 10 });
  s.table(
    [
      { zh: '顺序', en: 'Step', width: 1 },
      { zh: '部位', en: 'Muscle group', width: 2.4 },
      { zh: '怎么收紧', en: 'How to tense', width: 6.6 },
    ],
    [
      ['1', '双手和前臂', '握紧拳头'],
      ['2', '上臂', '弯起手臂，让大臂绷紧'],
      ['3', '肩膀', '把肩膀往耳朵的方向耸起来'],
      ['4', '面部', '皱眉、闭紧眼睛、咬住牙关'],
      ['5', '颈部', '下巴轻轻往胸口收，不要太用力'],
      ['6', '背部和腹部', '两侧肩胛骨向中间夹，同时收紧肚子'],
      ['7', '腿和脚', '双腿伸直，脚尖往回勾'],
    ],
    { size: 9.5 },
  );

  s.heading('工位迷你版（半分钟）', 'Mini version at the desk, 30 seconds', 40);
  s.paragraph('耸肩 5 秒，放下 → 握拳 5 秒，张开手指 → 咬紧牙关 3 秒，松开，让舌头平放。不出声，旁人看不出来。', { size: 10 });
  s.box(['不要用力到疼；受过伤或正在疼的部位直接跳过；有高血压的同事，收紧时不要憋气，保持正常呼吸。'], { fill: AMBER_LIGHT, stroke: AMBER, title: { zh: '注意', en: 'Caution' }, titleColor: AMBER, size: 9.5 });
  return s;
}

const BUILDERS: [string, () => Sheet][] = [
  ['abc-worksheet.pdf', buildAbcWorksheet],
  ['breathing-card.pdf', buildBreathingCard],
  ['escalation-checklist.pdf', buildEscalationChecklist],
  ['grounding-card.pdf', buildGroundingCard],
];

fs.mkdirSync(ASSETS_DIR, { recursive: true });
for (const [name, build] of BUILDERS) {
  const sheet = build();
  const pages = sheet.doc.bufferedPageRange().count;
  const size = await sheet.save(name);
  console.log(`wrote content/curriculum/assets/${name}: ${pages} page(s), ${(size / 1024).toFixed(1)} KB`);
}
