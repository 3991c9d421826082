import { describe, expect, it } from 'vitest';
import type { TQaPreview } from '../../api/qa';
import { cellText, distinctValues, formToMapping, guessRoleGroup, initialMappingForm, mappingIssues, mappingToForm, readPreviewRow, suggestRoleValues, unplacedRoleValues } from './mapping-form';

const row = (rowNumber: number, fields: Record<string, unknown>) => ({ rowNumber, fields });
const HEADERS = ['会话ID', '时间', '发送方', '客服账号', '客服昵称', '消息内容', '店铺', '渠道'];
const ROWS = [
  row(1, { 会话ID: 'A1', 时间: '2026-11-11 09:00:00', 发送方: '买家', 客服账号: '', 客服昵称: '', 消息内容: '还没发货？', 店铺: '旗舰店', 渠道: '千牛' }),
  row(2, { 会话ID: 'A1', 时间: '2026-11-11 09:00:20', 发送方: '客服', 客服账号: 'agent', 客服昵称: '李思琪', 消息内容: '马上帮您查', 店铺: '旗舰店', 渠道: '千牛' }),
  row(3, { 会话ID: 'A1', 时间: '2026-11-11 09:00:30', 发送方: '买家', 客服账号: '', 客服昵称: '', 消息内容: '好', 店铺: '旗舰店', 渠道: '千牛' }),
  row(4, { 会话ID: 'A1', 时间: '2026-11-11 09:00:40', 发送方: '小蜜', 客服账号: '', 客服昵称: '', 消息内容: '[自动回复]', 店铺: '旗舰店', 渠道: '千牛' }),
];
const PREVIEW: Pick<TQaPreview, 'headers' | 'rows' | 'suggested' | 'sources'> = {
  headers: HEADERS,
  rows: ROWS,
  suggested: {
    mapping: { conversationId: '会话ID', time: '时间', role: '发送方', agentId: '客服账号', agentName: '客服昵称', text: '消息内容', shop: '店铺', channel: '渠道', roleValues: { customer: ['买家'], agent: ['客服'] } },
    confidence: 1,
  },
  sources: [
    { id: '00000000-0000-4000-8000-000000000001', name: '千牛', mapping: { conversationId: '会话ID', role: '发送方', text: '消息内容', time: '发送时间', roleValues: { customer: ['买家'], agent: ['客服'], system: ['小蜜'] } } },
    { id: '00000000-0000-4000-8000-000000000002', name: '抖店', mapping: null },
  ],
};

describe('readPreviewRow', () => {
  it('reads the server row shape: number, cells, reader error', () => {
    expect(readPreviewRow({ rowNumber: 7, fields: { a: '1' } })).toEqual({ rowNumber: 7, cells: { a: '1' }, error: null });
    expect(readPreviewRow({ rowNumber: 8, fields: {}, error: 'bad JSON' })).toEqual({ rowNumber: 8, cells: {}, error: 'bad JSON' });
  });

  it('reads a flat record as its cells', () => {
    expect(readPreviewRow({ a: '1', b: 2 })).toEqual({ rowNumber: null, cells: { a: '1', b: 2 }, error: null });
  });

  it.each([
    { whenInputIs: '  买家 ', expectedOutputIs: '买家' },
    { whenInputIs: 12, expectedOutputIs: '12' },
    { whenInputIs: false, expectedOutputIs: 'false' },
    { whenInputIs: null, expectedOutputIs: '' },
    { whenInputIs: undefined, expectedOutputIs: '' },
    { whenInputIs: { nick: '张三' }, expectedOutputIs: '{"nick":"张三"}' },
  ])('cellText($whenInputIs) → "$expectedOutputIs"', ({ whenInputIs, expectedOutputIs }) => {
    expect(cellText(whenInputIs)).toBe(expectedOutputIs);
  });
});

describe('role values', () => {
  it('lists the distinct values of the role column, most frequent first, empty cells left out', () => {
    expect(distinctValues([...ROWS, row(5, { 发送方: '' })], '发送方')).toEqual([
      { value: '买家', count: 2 },
      { value: '客服', count: 1 },
      { value: '小蜜', count: 1 },
    ]);
    expect(distinctValues(ROWS, undefined)).toEqual([]);
  });

  it.each([
    { whenInputIs: '买家', expectedOutputIs: 'customer' },
    { whenInputIs: 'Customer', expectedOutputIs: 'customer' },
    { whenInputIs: 'customer service', expectedOutputIs: 'agent' },
    { whenInputIs: '人工客服01', expectedOutputIs: 'agent' },
    { whenInputIs: '智能客服', expectedOutputIs: 'system' },
    { whenInputIs: '买家（张三）', expectedOutputIs: 'customer' },
    { whenInputIs: 'BOT', expectedOutputIs: 'system' },
    { whenInputIs: '小蜜', expectedOutputIs: null },
    { whenInputIs: ' ', expectedOutputIs: null },
  ])('guessRoleGroup($whenInputIs) → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(guessRoleGroup(whenInputIs)).toBe(expectedOutputIs);
  });

  it('keeps what the suggestion says, guesses the rest, and leaves nicknames for the person', () => {
    expect(suggestRoleValues(['buyer', '客服', '小蜜', '系统消息'], { customer: ['buyer'], agent: ['客服'] })).toEqual({ customer: ['buyer'], agent: ['客服'], system: ['系统消息'] });
    expect(unplacedRoleValues({ customer: ['buyer'], agent: ['客服'], system: [] }, ['buyer', '客服', '小蜜'])).toEqual(['小蜜']);
  });

  it('puts a value in one role only, the known one winning over the guess', () => {
    expect(suggestRoleValues(['客服'], { customer: ['客服'], agent: ['seller'] })).toEqual({ customer: ['客服'], agent: ['seller'], system: [] });
  });
});

describe('initialMappingForm', () => {
  it('starts from the suggestion when no source is chosen', () => {
    const form = initialMappingForm(PREVIEW);
    expect(form).toMatchObject({ conversationId: '会话ID', time: '时间', role: '发送方', agentId: '客服账号', text: '消息内容', shop: '店铺', channel: '渠道' });
    expect(form.roleValues).toEqual({ customer: ['买家'], agent: ['客服'], system: [] });
  });

  it("applies a source's remembered mapping, falling back to the suggestion for a column this file lacks", () => {
    const form = initialMappingForm(PREVIEW, '千牛');
    // The remembered 发送时间 is not in this file: the suggested 时间 stays.
    expect(form.time).toBe('时间');
    expect(form.roleValues).toEqual({ customer: ['买家'], agent: ['客服'], system: ['小蜜'] });
  });

  it('uses the suggestion for a source without a remembered mapping, or a new name', () => {
    expect(initialMappingForm(PREVIEW, '抖店')).toEqual(initialMappingForm(PREVIEW));
    expect(initialMappingForm(PREVIEW, '新来源')).toEqual(initialMappingForm(PREVIEW));
  });

  it('drops a suggested column the headers do not have', () => {
    const form = initialMappingForm({ ...PREVIEW, suggested: { mapping: { ...PREVIEW.suggested.mapping, shop: '店名' }, confidence: 0.8 } });
    expect(form.shop).toBeUndefined();
  });
});

describe('formToMapping ⇄ mappingToForm', () => {
  it('sends the required columns, the optional ones that are set, and the role values', () => {
    const form = { ...initialMappingForm(PREVIEW), shop: undefined, channel: ' ' };
    expect(formToMapping(form)).toEqual({
      conversationId: '会话ID',
      role: '发送方',
      text: '消息内容',
      time: '时间',
      agentId: '客服账号',
      agentName: '客服昵称',
      roleValues: { customer: ['买家'], agent: ['客服'] },
    });
  });

  it('leaves the role values out unless customer and agent both have some', () => {
    const form = mappingToForm({ conversationId: 'sid', role: 'from', text: 'msg', roleValues: { customer: ['buyer'], agent: [] } });
    expect(formToMapping(form)).toEqual({ conversationId: 'sid', role: 'from', text: 'msg' });
  });

  it('trims and de-duplicates role values, and keeps system when given', () => {
    const form = mappingToForm({ conversationId: 'sid', role: 'from', text: 'msg' });
    form.roleValues = { customer: [' buyer', 'buyer', ''], agent: ['seller'], system: ['bot'] };
    expect(formToMapping(form).roleValues).toEqual({ customer: ['buyer'], agent: ['seller'], system: ['bot'] });
  });

  it('round-trips a full mapping', () => {
    const mapping = { conversationId: 'sid', time: 't', role: 'from', agentId: 'aid', agentName: 'an', text: 'msg', shop: 's', channel: 'c', roleValues: { customer: ['1'], agent: ['2'], system: ['0'] } };
    expect(formToMapping(mappingToForm(mapping))).toEqual(mapping);
  });

  it('refuses a form without a required column (a programming error: the form checks first)', () => {
    expect(() => formToMapping(mappingToForm({ conversationId: 'sid', role: 'from' }))).toThrow(/text/);
  });
});

describe('mappingIssues', () => {
  it('places the server’s "no such column" issues on their fields', () => {
    expect(
      mappingIssues([
        { path: 'mapping.time', message: 'no column "发送时间" in the file' },
        { path: '/body/mapping/shop', message: 'no column "店名" in the file' },
        { path: 'sourceName', message: 'too long' },
        { path: 'mapping.roleValues', message: 'x' },
      ]),
    ).toEqual({ time: 'no column "发送时间" in the file', shop: 'no column "店名" in the file' });
  });
});
