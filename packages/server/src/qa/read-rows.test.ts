import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { MAX_RECORD_BYTES } from './json-records.js';
import { readRows, type TRawRow, type TReadRowsOptions } from './read-rows.js';
import type { TImportFormat } from './formats.js';

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

/** The bytes in pieces of `size`, cutting through characters, quotes and escapes. */
async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Buffer | string, format: TImportFormat, options: TReadRowsOptions & { chunkSize?: number } = {}): Promise<TRawRow[]> {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const rows: TRawRow[] = [];
  for await (const row of readRows(inChunks(buffer, options.chunkSize ?? 64 * 1024), format, options)) rows.push(row);
  return rows;
}

const summary = (rows: TRawRow[]) => rows.map((r) => (r.error ? `${r.rowNumber}: ${r.error}` : `${r.rowNumber}${r.messageIndex ? `.${r.messageIndex}` : ''}`));

describe('readRows: CSV', () => {
  it('reads a 千牛-like GB18030 export, a quoted line break kept inside its record', async () => {
    let headers: string[] = [];
    const rows = await readAll(fixture('qianniu-gb18030.csv'), 'csv', { onHeaders: (h) => (headers = h) });
    expect(headers).toEqual(['会话ID', '发送时间', '发送方', '客服昵称', '消息内容', '店铺']);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[1]!.fields).toEqual({
      会话ID: 'TB20261111001',
      发送时间: '2026-11-11 20:00:35',
      发送方: '客服',
      客服昵称: '心安旗舰店:小美',
      消息内容: '亲，非常抱歉让您久等了，\r\n我马上帮您查询物流。',
      店铺: '心安旗舰店',
    });
    expect(rows[2]!.fields['消息内容']).toBe('再不到我就投诉了，"七天无理由"也不想要了');
  });

  it('decodes GB18030 the same when chunks cut through its two-byte characters', async () => {
    const whole = await readAll(fixture('qianniu-gb18030.csv'), 'csv');
    expect(await readAll(fixture('qianniu-gb18030.csv'), 'csv', { chunkSize: 7 })).toEqual(whole);
  });

  it('decides GB18030 where the first non-ASCII byte appears, even after 64 KB of ASCII', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `c${i},2026-11-11 20:00:00,agent,hello there ${i}`).join('\n');
    const text = `id,time,role,text\n${ascii}\nc9,2026-11-11 20:00:00,买家,你好，我要退货\n`;
    // "买家,你好，我要退货\n" in GB18030.
    const tail = Buffer.from('c2f2bcd22cc4e3bac3a3acced2d2aacdcbbbf50a', 'hex');
    const bytes = Buffer.concat([Buffer.from(text.slice(0, text.indexOf('买家')), 'ascii'), tail]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const rows = await readAll(bytes, 'csv', { chunkSize: 1000 });
    expect(rows).toHaveLength(3001);
    expect(rows.at(-1)!.fields).toEqual({ id: 'c9', time: '2026-11-11 20:00:00', role: '买家', text: '你好，我要退货' });
  });

  it('drops a UTF-8 byte-order mark from the first header', async () => {
    let headers: string[] = [];
    const rows = await readAll('\uFEFF会话ID,内容\n1,你好\n', 'csv', { onHeaders: (h) => (headers = h) });
    expect(headers).toEqual(['会话ID', '内容']);
    expect(rows[0]!.fields).toEqual({ 会话ID: '1', 内容: '你好' });
  });

  it('reads Excel "Unicode text": UTF-16LE with a byte-order mark, tab-separated', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('会话ID\t内容\r\n1\t你好\r\n', 'utf16le')]);
    expect(await readAll(bytes, 'csv', { chunkSize: 5 })).toEqual([{ rowNumber: 1, fields: { 会话ID: '1', 内容: '你好' } }]);
  });

  it('detects tab and semicolon delimiters', async () => {
    expect((await readAll('a\tb\n1\t2\n', 'csv'))[0]!.fields).toEqual({ a: '1', b: '2' });
    expect((await readAll('a;b\n"1;x";2\n', 'csv'))[0]!.fields).toEqual({ a: '1;x', b: '2' });
  });

  it('keeps short and long rows, names blank and repeated headers, and counts blank lines without returning them', async () => {
    let headers: string[] = [];
    const rows = await readAll('内容,,内容\n1\n\n1,2,3,4\n,,\n5,6,7\n', 'csv', { onHeaders: (h) => (headers = h) });
    expect(headers).toEqual(['内容', 'column_2', '内容_2']);
    expect(rows).toEqual([
      { rowNumber: 1, fields: { 内容: '1', column_2: null, 内容_2: null } },
      { rowNumber: 3, fields: { 内容: '1', column_2: '2', 内容_2: '3', column_4: '4' } },
      { rowNumber: 5, fields: { 内容: '5', column_2: '6', 内容_2: '7' } },
    ]);
  });

  it('reports an unclosed quote as a bad row with its number and goes on', async () => {
    const rows = await readAll('id,text\n1,ok\n2,"never closed\n3,lost\n', 'csv');
    expect(summary(rows)).toEqual(['1', '2: unreadable CSV record (Quote Not Closed: the parsing is finished with an opening quote at line 4)']);
  });

  it('keeps a stray quote inside a field instead of failing', async () => {
    const rows = await readAll('id,text\n1,他说"好的"吧\n2,"ok"\n', 'csv');
    expect(rows.map((r) => r.fields['text'])).toEqual(['他说"好的"吧', 'ok']);
  });
});

describe('readRows: JSON lines', () => {
  it('reads a 抖店-like export: line numbers, a bad line as a row, 64-bit ids kept exact', async () => {
    const rows = await readAll(fixture('douyin.jsonl'), 'jsonl');
    expect(summary(rows)).toEqual(['1', '2', '4', '5', expect.stringMatching(/^6: not valid JSON \(/), '7']);
    expect(rows[0]!.fields).toEqual({
      conversation_id: '7301234567890123456',
      shop_name: '心安抖音小店',
      create_time: 1731326405,
      sender_type: 'customer',
      sender_nick: '抖音用户8721',
      content: '主播说今天发货的，怎么还没发？',
    });
    expect(rows[2]!.fields['conversation_id']).toBe('7301234567890123457');
  });

  it('gives the same rows whatever the chunk size', async () => {
    const whole = await readAll(fixture('douyin.jsonl'), 'jsonl');
    expect(await readAll(fixture('douyin.jsonl'), 'jsonl', { chunkSize: 3 })).toEqual(whole);
  });

  it('flattens a conversation per line into its messages', async () => {
    const line = JSON.stringify({ session_id: 's1', shop: '店', msgs: [{ role: '买家', text: '在吗' }, { role: '客服', text: '在的' }] });
    const rows = await readAll(`${line}\n"just a string"\n`, 'jsonl');
    expect(rows).toEqual([
      { rowNumber: 1, messageIndex: 1, fields: { 'conversation.session_id': 's1', 'conversation.shop': '店', role: '买家', text: '在吗' } },
      { rowNumber: 1, messageIndex: 2, fields: { 'conversation.session_id': 's1', 'conversation.shop': '店', role: '客服', text: '在的' } },
      { rowNumber: 2, fields: {}, error: 'record is not an object' },
    ]);
  });

  it('rejects a line over the record limit without holding it', async () => {
    const huge = `{"text":"${'x'.repeat(MAX_RECORD_BYTES + 10)}"}`;
    const rows = await readAll(`{"text":"a"}\n${huge}\n{"text":"b"}`, 'jsonl');
    expect(summary(rows)).toEqual(['1', '2: line longer than 8 MB', '3']);
  });
});

describe('readRows: JSON', () => {
  it('reads a JD-like nested export: one row per message with the conversation fields', async () => {
    const rows = await readAll(fixture('jd-nested.json'), 'json');
    expect(summary(rows)).toEqual(['1.1', '1.2', '1.3', '2.1', '2: message is not an object', '2.3']);
    expect(rows[0]!.fields).toEqual({
      'conversation.id': 'JD-0001',
      'conversation.shop': '心安京东自营',
      'conversation.agent.id': 'jd_kf_01',
      'conversation.agent.name': '京东客服小李',
      time: '2026-11-11T20:00:05+08:00',
      from: 'customer',
      'content.text': '我的订单显示已签收，但我根本没收到！',
    });
    expect(rows[2]!.fields['content.text']).toBe('快点，"今天"必须给我答复');
  });

  it('splits the same records whatever the chunk size (strings, escapes and characters cut)', async () => {
    const whole = await readAll(fixture('jd-nested.json'), 'json');
    for (const size of [1, 2, 5, 13]) expect(await readAll(fixture('jd-nested.json'), 'json', { chunkSize: size })).toEqual(whole);
  });

  it('reads a flat array of messages, brackets and escapes inside strings included', async () => {
    const messages = [
      { id: 1, text: 'a "quoted" [bracket] {brace}' },
      { id: 2, text: 'back\\slash \\" and \u00e9 😀' },
      { id: 3, nested: { deep: [1, { x: '}' }] } },
    ];
    const rows = await readAll(JSON.stringify(messages, null, 2), 'json', { chunkSize: 3 });
    expect(rows.map((r) => r.fields)).toEqual([messages[0], messages[1], { id: 3, 'nested.deep': [1, { x: '}' }] }]);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
  });

  it('keeps backslashes and escaped quotes right whichever chunk boundary they sit on', async () => {
    const messages = ['\\', '\\\\', '"', '\\"', 'a\\\\"b', '\\\\\\"}', ']'].map((text, id) => ({ id, text }));
    const json = JSON.stringify(messages);
    for (let size = 1; size <= 40; size += 1) expect((await readAll(json, 'json', { chunkSize: size })).map((r) => r.fields)).toEqual(messages);
  });

  it('finds the list inside an API wrapper, past lists of other things', async () => {
    const doc = { code: 0, msg: 'ok', data: { total: 2, tags: ['a', 'b'], empty: [], list: [{ sid: 's1', text: '一' }, { sid: 's1', text: '二' }] }, after: [{ ignored: true }] };
    const rows = await readAll(JSON.stringify(doc), 'json');
    expect(rows.map((r) => r.fields)).toEqual([{ sid: 's1', text: '一' }, { sid: 's1', text: '二' }]);
  });

  it('turns bad records into rows and goes on', async () => {
    const rows = await readAll('[{"a":1}, 42, "text", {"b":2}, {"c": 1,}, {"d":4}]', 'json');
    expect(summary(rows)).toEqual(['1', '2: record is not an object', '3: record is not an object', '4', expect.stringMatching(/^5: not valid JSON/), '6']);
  });

  it('reports a file cut short inside a record', async () => {
    const rows = await readAll('[{"a":1},{"a":2', 'json');
    expect(summary(rows)).toEqual(['1', '2: the file ends inside this record (was it cut short?)']);
  });

  it('refuses a document with no list of records, or no JSON at all', async () => {
    await expect(readAll('{"a": 1, "b": {"c": [1, 2]}}', 'json')).rejects.toThrow(AppError);
    await expect(readAll('{"a": 1, "b": {"c": [1, 2]}}', 'json')).rejects.toThrow('no list of messages or conversations found in the JSON file');
    await expect(readAll('hello', 'json')).rejects.toThrow('the file is not a JSON array or object');
  });
});

describe('readRows: XLSX', () => {
  async function buildXlsx(useSharedStrings: boolean): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('聊天记录');
    sheet.addRow(['会话ID', '时间', '发送方', '内容', '序号']);
    sheet.addRow(['PDD-1', new Date(Date.UTC(2026, 10, 11, 20, 0, 5)), '买家', '我要退款', 1]);
    sheet.getCell('C2').numFmt = '@';
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm:ss';
    sheet.addRow([]); // an empty row is skipped but keeps its number
    // exceljs's streaming reader keeps only the last run of an inline rich-text cell, so rich text only where it is shared.
    const richText = useSharedStrings ? { richText: [{ text: '亲，' }, { font: { bold: true }, text: '马上处理' }] } : '亲，马上处理';
    sheet.addRow(['PDD-1', 46337.833391203705, '客服', richText, { formula: 'E2+1', result: 2 }]);
    sheet.addRow(['PDD-2', '2026-11-11 21:00:00', '买家', { text: '链接', hyperlink: 'https://example.com' }, null, '多出来的一列']);
    workbook.addWorksheet('第二页').addRow(['不读', '这一页']);
    if (useSharedStrings) return Buffer.from(await workbook.xlsx.writeBuffer());
    // The streaming writer stores strings inline: the other way exporters write them.
    const chunks: Buffer[] = [];
    const stream = new (await import('node:stream')).PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const streamed = writer.addWorksheet('聊天记录');
    sheet.eachRow({ includeEmpty: true }, (row) => streamed.addRow(row.values as unknown[]).commit());
    await writer.commit();
    return Buffer.concat(chunks);
  }

  it.each([true, false])('reads the first sheet, header first, cell values made plain (shared strings: %s)', async (useSharedStrings) => {
    let headers: string[] = [];
    const rows = await readAll(await buildXlsx(useSharedStrings), 'xlsx', { onHeaders: (h) => (headers = h), chunkSize: 4096 });
    expect(headers).toEqual(['会话ID', '时间', '发送方', '内容', '序号']);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 3, 4]);
    expect(rows[0]!.fields).toEqual({ 会话ID: 'PDD-1', 时间: expect.any(Date), 发送方: '买家', 内容: '我要退款', 序号: 1 });
    expect(rows[1]!.fields).toEqual({ 会话ID: 'PDD-1', 时间: 46337.833391203705, 发送方: '客服', 内容: '亲，马上处理', 序号: 2 });
    expect(rows[2]!.fields).toEqual({ 会话ID: 'PDD-2', 时间: '2026-11-11 21:00:00', 发送方: '买家', 内容: '链接', 序号: null, column_6: '多出来的一列' });
  });

  it('reads the first visible tab, past a hidden one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明', { state: 'hidden' }).addRow(['这一页', '不读']);
    workbook.addWorksheet('聊天记录').addRow(['会话ID', '内容']);
    workbook.getWorksheet('聊天记录')!.addRow(['c1', '你好']);
    const rows = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx');
    expect(rows).toEqual([{ rowNumber: 1, fields: { 会话ID: 'c1', 内容: '你好' } }]);
  });

  it('refuses a broken zip with a reason', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    await expect(readAll(broken, 'xlsx')).rejects.toThrow(/unreadable Excel file/);
  });
});

describe('readRows: streaming', () => {
  it('closes the input when the reader stops early', async () => {
    for (const [format, line] of [['csv', 'c1,买家,你好\n'], ['jsonl', '{"id":"c1","text":"你好"}\n']] as const) {
      const header = format === 'csv' ? 'id,role,text\n' : '';
      let pulled = 0;
      const source = Readable.from((function* () {
        yield Buffer.from(header);
        for (let i = 0; i < 100_000; i += 1) {
          pulled += 1;
          yield Buffer.from(line.repeat(100));
        }
      })());
      const rows: TRawRow[] = [];
      for await (const row of readRows(source, format)) if (rows.push(row) >= 5) break;
      await new Promise((resolve) => setTimeout(resolve, 20)); // the close travels back through the pipeline
      expect([format, source.destroyed]).toEqual([format, true]);
      expect(pulled).toBeLessThan(1000);
    }
  });

  it('reads a 300,000-row CSV from a generated stream with a bounded heap', async () => {
    const ROWS = 300_000;
    const text = '宝贝什么时候发货？我等了三天了，再不发我就要投诉了，这个服务态度真的不行'; // ~36 chars, ~108 bytes
    async function* generate(): AsyncGenerator<Buffer> {
      yield Buffer.from('会话ID,发送时间,发送方,客服昵称,消息内容\n');
      let batch = '';
      for (let i = 1; i <= ROWS; i += 1) {
        batch += `TB${Math.floor(i / 10)},2026-11-11 20:${String(i % 60).padStart(2, '0')}:00,${i % 2 ? '买家' : '客服'},小美,"${text} #${i}"\n`;
        if (i % 500 === 0) {
          yield Buffer.from(batch);
          batch = '';
        }
      }
      if (batch) yield Buffer.from(batch);
    }
    // A collected heap at a few points shows what the reader keeps; without collecting, heapUsed is mostly garbage.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const retainedHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const samples = [`start ${mb(retainedHeap())}`];
    let count = 0;
    let bytes = 0;
    let peakRss = 0;
    for await (const row of readRows(generate(), 'csv', { onBytesRead: (b) => (bytes = b) })) {
      count += 1;
      if (row.rowNumber % 100_000 === 0) {
        samples.push(`${row.rowNumber / 1000}k rows ${mb(retainedHeap())}`);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }
    console.log(`streamed ${count.toLocaleString('en-US')} CSV rows (${mb(bytes)}): heap after GC ${samples.join(', ')}; peak RSS ${mb(peakRss)}`);
    expect(count).toBe(ROWS);
  });
});
