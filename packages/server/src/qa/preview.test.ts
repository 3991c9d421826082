import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyMapping, type TColumnMapping } from './mapping.js';
import { previewFile } from './preview.js';
import { readRows } from './read-rows.js';

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));
async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

describe('previewFile', () => {
  it('shows a 千牛 GB18030 CSV with its mapping, and that mapping imports it with reasons for the bad rows', async () => {
    const preview = await previewFile(once(fixture('qianniu-gb18030.csv')), '聊天记录.csv', 3);
    expect(preview).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', headers: ['会话ID', '发送时间', '发送方', '客服昵称', '消息内容', '店铺'] });
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
    expect(preview.suggested.mapping).toEqual({
      conversationId: '会话ID',
      time: '发送时间',
      role: '发送方',
      agentName: '客服昵称',
      text: '消息内容',
      shop: '店铺',
      roleValues: { customer: ['买家'], agent: ['客服'] },
    });
    expect(preview.suggested.confidence).toBe(1);

    const mapping = preview.suggested.mapping as TColumnMapping;
    const outcomes: string[] = [];
    for await (const row of readRows(once(fixture('qianniu-gb18030.csv')), preview.format)) {
      const result = applyMapping(row, mapping);
      outcomes.push(result.ok ? `${row.rowNumber} ${result.message.conversationId} ${result.message.role}` : `${row.rowNumber} rejected: ${result.reason}`);
    }
    expect(outcomes).toEqual([
      '1 TB20261111001 customer',
      '2 TB20261111001 agent',
      '3 TB20261111001 customer',
      '4 TB20261111002 customer',
      '5 TB20261111002 agent',
      '6 TB20261111002 system',
      '7 rejected: unknown role "买家1" in column 发送方',
      '8 rejected: unreadable time "abc" in column 发送时间',
      '9 rejected: empty text in column 消息内容',
      '10 rejected: missing conversation id in column 会话ID',
    ]);
  });

  it('shows 抖店 JSON lines, the bad line among the rows', async () => {
    const preview = await previewFile(once(fixture('douyin.jsonl')), 'douyin.json');
    expect(preview.format).toBe('jsonl');
    expect(preview.headers).toEqual(['conversation_id', 'shop_name', 'create_time', 'sender_type', 'sender_nick', 'content', 'sender_id']);
    expect(preview.rows.filter((r) => r.error).map((r) => r.rowNumber)).toEqual([6]);
    expect(preview.suggested.mapping).toMatchObject({ conversationId: 'conversation_id', time: 'create_time', role: 'sender_type', text: 'content', shop: 'shop_name' });
    expect(preview.suggested.mapping.roleValues).toEqual({ customer: ['customer'], agent: ['agent'], system: ['robot'] });
  });

  it('shows nested JD JSON with the field names the rows carry', async () => {
    const preview = await previewFile(once(fixture('jd-nested.json')), 'jd.json');
    expect(preview).toMatchObject({ format: 'json', encoding: 'utf-8', delimiter: null });
    expect(preview.headers).toEqual(['conversation.id', 'conversation.shop', 'conversation.agent.id', 'conversation.agent.name', 'time', 'from', 'content.text']);
    expect(preview.suggested.mapping).toMatchObject({ conversationId: 'conversation.id', time: 'time', role: 'from', text: 'content.text', agentName: 'conversation.agent.name' });
  });

  it('shows an xlsx with Chinese headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会话记录');
    sheet.addRow(['会话编号', '消息时间', '身份', '聊天内容']);
    sheet.addRow(['PDD-1', '2026-11-11 20:00:05', '顾客', '我要退款']);
    sheet.addRow(['PDD-1', '2026-11-11 20:00:50', '商家', '好的亲']);
    const preview = await previewFile(once(Buffer.from(await workbook.xlsx.writeBuffer())), '拼多多.xlsx');
    expect(preview).toMatchObject({ format: 'xlsx', encoding: null, headers: ['会话编号', '消息时间', '身份', '聊天内容'] });
    expect(preview.rows).toHaveLength(2);
    expect(preview.suggested.mapping).toEqual({
      conversationId: '会话编号',
      time: '消息时间',
      role: '身份',
      text: '聊天内容',
      roleValues: { customer: ['顾客'], agent: ['商家'] },
    });
  });

  it('closes the input when it refuses the file or reads no rows', async () => {
    for (const [bytes, maxRows] of [[Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]), 20], [Buffer.from('id,text\n1,a\n'), 0]] as const) {
      const input = Readable.from((function* () {
        yield bytes;
        for (let i = 0; i < 1000; i += 1) yield Buffer.alloc(1024, 0x61); // more than the head detection reads
      })());
      await previewFile(input, 'x.csv', maxRows).catch(() => undefined);
      expect(input.destroyed).toBe(true);
    }
  });

  it('reads only the start of a big file', async () => {
    let pulled = 0;
    async function* big(): AsyncGenerator<Buffer> {
      yield Buffer.from('会话ID,发送方,内容\n');
      for (let i = 0; i < 10_000; i += 1) {
        pulled += 1;
        yield Buffer.from('c1,买家,你好\n'.repeat(100));
      }
    }
    const preview = await previewFile(big(), 'big.csv', 20);
    expect(preview.rows).toHaveLength(20);
    expect(pulled).toBeLessThan(100);
  });
});
