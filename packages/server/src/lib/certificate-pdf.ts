import { pdfDocumentCreate } from './pdf-document.js';

/**
 * The certificate as an A4 landscape PDF. Chinese needs a CJK font: Noto Sans SC (SIL Open
 * Font License, from the @expo-google-fonts/noto-sans-sc package) is embedded as a subset of
 * the glyphs used, so a certificate weighs tens of kilobytes, not ten megabytes.
 */


export interface TCertificatePdfInput {
  recipientName: string;
  title: { zh: string; en: string };
  organisationName: string;
  score: number | null;
  issuedAt: Date;
  code: string;
  /** Where the code can be checked, e.g. https://calmdesk.example.com/verify/7KQ2-M9XD-4FHT. */
  verifyUrl: string;
  /** completion: a course or exam passed (结业证书); honour: a distinction such as 优秀学员 (荣誉证书). */
  kind?: 'completion' | 'honour';
}

const WORDING = {
  completion: { heading: '结业证书', english: 'CERTIFICATE OF COMPLETION', line: '已完成学习并通过考核 has completed and passed' },
  honour: { heading: '荣誉证书', english: 'CERTIFICATE OF HONOUR', line: '在培训中表现优异，荣获 is awarded the distinction' },
} as const;

const TEAL = '#2f7d8c';
const INK = '#1f2d33';
const MUTED = '#5c6b70';

function chineseDate(date: Date): string {
  // The date of issue as people in China read it, in Beijing time.
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}年${get('month')}月${get('day')}日`;
}

function englishDate(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/**
 * Draws the certificate.
 * @returns the PDF bytes
 */
export async function renderCertificatePdf(input: TCertificatePdfInput): Promise<Buffer> {
  const wording = WORDING[input.kind ?? 'completion'];
  const { doc, done } = pdfDocumentCreate({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    info: { Title: `${wording.heading} Certificate — ${input.title.zh}`, Author: input.organisationName, Subject: input.code, Creator: 'CalmDesk 心安客服' },
  });
  const width = doc.page.width;
  const height = doc.page.height;
  const centre = (text: string, y: number, font: string, size: number, color: string) => {
    doc.font(font).fontSize(size).fillColor(color).text(text, 60, y, { width: width - 120, align: 'center' });
  };

  // Double frame.
  doc.lineWidth(3).strokeColor(TEAL).rect(28, 28, width - 56, height - 56).stroke();
  doc.lineWidth(0.8).rect(38, 38, width - 76, height - 76).stroke();

  centre(input.organisationName, 70, 'regular', 14, MUTED);
  centre(wording.heading, 100, 'bold', 40, TEAL);
  centre(wording.english, 156, 'regular', 12, MUTED);
  centre('兹证明 This certifies that', 205, 'regular', 13, MUTED);
  centre(input.recipientName, 228, 'bold', 32, INK);
  doc.moveTo(width / 2 - 150, 278).lineTo(width / 2 + 150, 278).lineWidth(0.8).strokeColor(MUTED).stroke();
  centre(wording.line, 292, 'regular', 13, MUTED);
  centre(`《${input.title.zh}》`, 318, 'bold', 22, INK);
  centre(input.title.en, 352, 'regular', 13, MUTED);
  if (input.score !== null) centre(`成绩 Score：${input.score} 分`, 380, 'regular', 12, MUTED);

  // Date on the left, verification on the right.
  doc.font('regular').fontSize(12).fillColor(INK).text(`发证日期：${chineseDate(input.issuedAt)}`, 80, height - 130, { width: 300 });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(`Issued ${englishDate(input.issuedAt)}`, 80, height - 110, { width: 300 });
  doc.font('regular').fontSize(12).fillColor(INK).text(`证书验证码 ${input.code}`, width - 380, height - 130, { width: 300, align: 'right' });
  doc.font('regular').fontSize(9).fillColor(MUTED).text(`验证 Verify：${input.verifyUrl}`, width - 480, height - 110, { width: 400, align: 'right', link: input.verifyUrl });

  doc.end();
  return done;
}
