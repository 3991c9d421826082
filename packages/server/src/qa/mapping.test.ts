import { describe, expect, it } from 'vitest';
import { applyMapping, guessRole, MAX_TEXT_CHARS, parseMessageTime, suggestMapping, type TColumnMapping } from './mapping.js';
import type { TRawRow } from './read-rows.js';

const row = (fields: Record<string, unknown>, rowNumber = 1): TRawRow => ({ rowNumber, fields });
/** 2026-11-11 20:00:05 in Shanghai. */
const ELEVEN_ELEVEN = Date.UTC(2026, 10, 11, 12, 0, 5);

describe('parseMessageTime', () => {
  it.each([
    { whenInputIs: '2026-11-11 20:00:05', expected: ELEVEN_ELEVEN },
    { whenInputIs: ' 2026/11/11 20:00:05 ', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026-11-11T20:00:05', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026-11-11T12:00:05Z', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026-11-11T20:00:05+08:00', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026-11-11 07:00:05-0500', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026-11-11 20:00:05.250', expected: ELEVEN_ELEVEN + 250 },
    { whenInputIs: '2026年11月11日 20:00:05', expected: ELEVEN_ELEVEN },
    { whenInputIs: '2026.11.11 20:00', expected: ELEVEN_ELEVEN - 5000 },
    { whenInputIs: '2026-11-11', expected: Date.UTC(2026, 10, 10, 16) },
    { whenInputIs: '2024-02-29 00:00:00', expected: Date.UTC(2024, 1, 28, 16) },
    { whenInputIs: 1_794_398_405, expected: ELEVEN_ELEVEN },
    { whenInputIs: '1794398405', expected: ELEVEN_ELEVEN },
    { whenInputIs: 1_794_398_405_000, expected: ELEVEN_ELEVEN },
    { whenInputIs: 1_794_398_405_000_000, expected: ELEVEN_ELEVEN },
    { whenInputIs: 46337.833391203705, expected: ELEVEN_ELEVEN },
    { whenInputIs: '46337.833391203705', expected: ELEVEN_ELEVEN },
    { whenInputIs: new Date(Date.UTC(2026, 10, 11, 20, 0, 5)), expected: ELEVEN_ELEVEN },
  ])('reads $whenInputIs', ({ whenInputIs, expected }) => {
    expect(parseMessageTime(whenInputIs)).toBe(expected);
  });

  it.each(['abc', '', '2026-02-30 10:00:00', '2025-02-29', '2026-11-11 24:00:00', '2026-13-01', '20:00:05', '12345', 5, -1_794_398_405, Number.NaN, null, true, new Date(Number.NaN), { t: 1 }])(
    'refuses %s',
    (whenInputIs) => {
      expect(parseMessageTime(whenInputIs)).toBeNull();
    },
  );
});

describe('guessRole', () => {
  it.each([
    ['买家', 'customer'],
    ['顾客', 'customer'],
    ['Customer', 'customer'],
    ['买家（张三）', 'customer'],
    ['客服', 'agent'],
    ['人工客服01', 'agent'],
    ['卖家', 'agent'],
    ['customer_service', 'agent'],
    ['Seller', 'agent'],
    ['智能客服', 'system'],
    ['系统', 'system'],
    ['BOT', 'system'],
    ['tb12345678', null],
    ['2', null],
  ] as const)('%s → %s', (value, expected) => {
    expect(guessRole(value)).toBe(expected);
  });
});

describe('applyMapping', () => {
  const MAPPING: TColumnMapping = { conversationId: '会话ID', time: '发送时间', role: '发送方', agentName: '客服昵称', text: '消息内容', shop: '店铺' };
  const good = { 会话ID: 'TB001', 发送时间: '2026-11-11 20:00:05', 发送方: '客服', 客服昵称: '心安旗舰店:小美', 消息内容: ' 亲，马上为您查询 ', 店铺: '心安旗舰店' };

  it('turns a row into a message, optional columns empty or unmapped as null', () => {
    expect(applyMapping(row(good), MAPPING)).toEqual({
      ok: true,
      message: { conversationId: 'TB001', at: ELEVEN_ELEVEN, role: 'agent', agentId: null, agentName: '心安旗舰店:小美', text: '亲，马上为您查询', shop: '心安旗舰店', channel: null },
    });
    const customer = applyMapping(row({ ...good, 发送方: '买家', 客服昵称: '' }), MAPPING);
    expect(customer).toMatchObject({ ok: true, message: { role: 'customer', agentName: null } });
  });

  it('takes numbers as ids and a missing time column as no time', () => {
    const mapping: TColumnMapping = { conversationId: 'sid', role: 'type', text: 'content' };
    expect(applyMapping(row({ sid: 7301234567890123, type: 'buyer', content: '在吗' }), mapping)).toEqual({
      ok: true,
      message: { conversationId: '7301234567890123', at: null, role: 'customer', agentId: null, agentName: null, text: '在吗', shop: null, channel: null },
    });
    expect(applyMapping(row({ ...good, 发送时间: '' }), MAPPING)).toMatchObject({ ok: true, message: { at: null } });
  });

  it("uses the file's own role values, then the standard words", () => {
    const mapping: TColumnMapping = { conversationId: 'sid', role: 'sender_type', text: 'content', roleValues: { customer: ['1'], agent: ['2', '店长'], system: ['9'] } };
    const roleOf = (value: unknown) => {
      const result = applyMapping(row({ sid: 's', sender_type: value, content: 'x' }), mapping);
      return result.ok ? result.message.role : result.reason;
    };
    expect([1, '2', ' 店长 ', 9, '系统', 'BUYER', 3].map(roleOf)).toEqual(['customer', 'agent', 'agent', 'system', 'system', 'customer', 'unknown role "3" in column sender_type']);
  });

  it.each([
    { name: 'a missing conversation id', change: { 会话ID: '  ' }, reason: 'missing conversation id in column 会话ID' },
    { name: 'an unknown role', change: { 发送方: '买家1' }, reason: 'unknown role "买家1" in column 发送方' },
    { name: 'an empty role', change: { 发送方: null }, reason: 'empty role in column 发送方' },
    { name: 'an empty text', change: { 消息内容: ' \n ' }, reason: 'empty text in column 消息内容' },
    { name: 'a text too long', change: { 消息内容: '啊'.repeat(MAX_TEXT_CHARS + 1) }, reason: 'text longer than 20,000 characters in column 消息内容' },
    { name: 'a text that is a list', change: { 消息内容: ['a', 'b'] }, reason: 'text is not plain text in column 消息内容' },
    { name: 'an unreadable time', change: { 发送时间: 'abc' }, reason: 'unreadable time "abc" in column 发送时间' },
    { name: 'an impossible date', change: { 发送时间: '2026-02-30 10:00' }, reason: 'unreadable time "2026-02-30 10:00" in column 发送时间' },
    { name: 'an agent name too long', change: { 客服昵称: 'x'.repeat(201) }, reason: 'agent name longer than 200 characters in column 客服昵称' },
  ])('rejects $name with a reason naming the column', ({ change, reason }) => {
    expect(applyMapping(row({ ...good, ...change }), MAPPING)).toEqual({ ok: false, reason });
  });

  it('shortens a long value in the reason', () => {
    const result = applyMapping(row({ ...good, 发送方: '买'.repeat(100) }), MAPPING);
    expect(result).toEqual({ ok: false, reason: `unknown role "${'买'.repeat(39)}…" in column 发送方` });
  });

  it("passes on the reader's reason for a row it could not read", () => {
    expect(applyMapping({ rowNumber: 6, fields: {}, error: 'not valid JSON (Unexpected end of JSON input)' }, MAPPING)).toEqual({ ok: false, reason: 'not valid JSON (Unexpected end of JSON input)' });
  });
});

describe('suggestMapping', () => {
  const rowsOf = (headers: string[], values: unknown[][]) => values.map((v, i) => row(Object.fromEntries(headers.map((h, k) => [h, v[k]])), i + 1));

  it('maps a 千牛-like Chinese export and sorts its role values', () => {
    const headers = ['会话ID', '发送时间', '发送方', '客服昵称', '客服账号', '消息内容', '店铺', '平台'];
    const rows = rowsOf(headers, [
      ['TB1', '2026-11-11 20:00:05', '买家', '', '', '快递怎么还没到', '心安旗舰店', '淘宝'],
      ['TB1', '2026-11-11 20:00:35', '客服', '小美', 'xa:01', '亲，马上查询', '心安旗舰店', '淘宝'],
      ['TB1', '2026-11-11 20:00:36', '系统', '', '', '客服已接入', '心安旗舰店', '淘宝'],
      ['TB2', '2026-11-11 20:01:00', '买家（张三）', '', '', '在吗', '心安旗舰店', '淘宝'],
      ['TB2', '2026-11-11 20:01:30', '2', '', '', '您好', '心安旗舰店', '淘宝'],
    ]);
    const suggestion = suggestMapping(headers, rows);
    expect(suggestion.mapping).toEqual({
      conversationId: '会话ID',
      time: '发送时间',
      role: '发送方',
      agentName: '客服昵称',
      agentId: '客服账号',
      text: '消息内容',
      shop: '店铺',
      channel: '平台',
      roleValues: { customer: ['买家', '买家（张三）'], agent: ['客服'], system: ['系统'] },
    });
    expect(suggestion.unknownRoleValues).toEqual(['2']);
    expect(suggestion.confidence).toBe(1);
  });

  it('maps English headers of the usual spellings', () => {
    const headers = ['Session ID', 'created_at', 'Sender', 'agent_name', 'staff_id', 'Message', 'Store', 'Platform'];
    const rows = rowsOf(headers, [
      ['s1', '2026-11-11T20:00:05Z', 'customer', '', '', 'Where is my parcel?', 'Calm Store', 'tiktok'],
      ['s1', '2026-11-11T20:00:40Z', 'agent', 'Mia', 'a-1', 'Let me check for you.', 'Calm Store', 'tiktok'],
    ]);
    expect(suggestMapping(headers, rows).mapping).toEqual({
      conversationId: 'Session ID',
      time: 'created_at',
      role: 'Sender',
      agentName: 'agent_name',
      agentId: 'staff_id',
      text: 'Message',
      shop: 'Store',
      channel: 'Platform',
      roleValues: { customer: ['customer'], agent: ['agent'] },
    });
  });

  it.each([
    { headers: ['会话编号', '时间', '角色', '内容'], expected: { conversationId: '会话编号', time: '时间', role: '角色', text: '内容' } },
    { headers: ['对话ID', '消息时间', '身份', '聊天内容'], expected: { conversationId: '对话ID', time: '消息时间', role: '身份', text: '聊天内容' } },
    { headers: ['conversation_id', 'timestamp', 'role', 'content'], expected: { conversationId: 'conversation_id', time: 'timestamp', role: 'role', text: 'content' } },
    { headers: ['session_id', 'time', 'from', 'text', 'staff', 'shop', 'channel'], expected: { conversationId: 'session_id', time: 'time', role: 'from', text: 'text', agentName: 'staff', shop: 'shop', channel: 'channel' } },
    { headers: ['会话ID', '发送时间戳', '发送方', '买家消息内容'], expected: { conversationId: '会话ID', time: '发送时间戳', role: '发送方', text: '买家消息内容' } },
  ])('names alone: $headers', ({ headers, expected }) => {
    expect(suggestMapping(headers, []).mapping).toEqual(expected);
  });

  it('reads the conversation fields of nested JSON', () => {
    const headers = ['conversation.id', 'conversation.shop', 'conversation.agent.id', 'conversation.agent.name', 'time', 'from', 'content.text'];
    const rows = rowsOf(headers, [['JD-1', '京东店', 'kf1', '小李', '2026-11-11T20:00:05+08:00', 'customer', '没收到货']]);
    expect(suggestMapping(headers, rows).mapping).toMatchObject({
      conversationId: 'conversation.id',
      shop: 'conversation.shop',
      agentId: 'conversation.agent.id',
      agentName: 'conversation.agent.name',
      time: 'time',
      role: 'from',
      text: 'content.text',
    });
  });

  it('trusts the values over a misleading header, and finds unnamed columns by their values', () => {
    const headers = ['会话ID', '时间', 'A', 'B', '消息ID'];
    const rows = rowsOf(headers, [
      ['c1', '小美', '2026-11-11 20:00:05', '买家', 'm1'],
      ['c1', '小美', '2026-11-11 20:00:09', '客服', 'm2'],
    ]);
    const suggestion = suggestMapping(headers, rows);
    expect(suggestion.mapping).toMatchObject({ conversationId: '会话ID', time: 'A', role: 'B' });
    expect(suggestion.fieldConfidence.time).toBeLessThan(0.6);
  });

  it('says how sure it is: no text column means zero confidence', () => {
    const suggestion = suggestMapping(['会话ID', '发送方', '序号'], rowsOf(['会话ID', '发送方', '序号'], [['c1', '买家', 1]]));
    expect(suggestion.mapping.text).toBeUndefined();
    expect(suggestion.confidence).toBe(0);
  });
});
