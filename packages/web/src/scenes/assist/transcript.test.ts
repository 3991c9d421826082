import { describe, expect, it } from 'vitest';
import { parseTranscript, transcriptSpeakerRole } from './transcript';

describe('parseTranscript', () => {
  it.each([
    { whenInputIs: '顾客：我的快递三天了还没到！\n客服：您好，我马上帮您查。', expectedOutputIs: [{ role: 'customer', text: '我的快递三天了还没到！' }, { role: 'agent', text: '您好，我马上帮您查。' }] },
    { whenInputIs: '买家: where is it\n客服小林:  checking now ', expectedOutputIs: [{ role: 'customer', text: 'where is it' }, { role: 'agent', text: 'checking now' }] },
    { whenInputIs: '2024-05-01 10:02:03 顾客：在吗\n10:03 客服：在的', expectedOutputIs: [{ role: 'customer', text: '在吗' }, { role: 'agent', text: '在的' }] },
    { whenInputIs: '[10:02] 用户：订单号：12345\n还没发货', expectedOutputIs: [{ role: 'customer', text: '订单号：12345\n还没发货' }] },
    { whenInputIs: '顾客（10:02:03）：怎么还没到', expectedOutputIs: [{ role: 'customer', text: '怎么还没到' }] },
    { whenInputIs: '以下是聊天记录\n顾客：你好\n\n\n', expectedOutputIs: [{ role: 'customer', text: '你好' }] },
    { whenInputIs: '顾客：\n客服：您好', expectedOutputIs: [{ role: 'agent', text: '您好' }] },
    { whenInputIs: '', expectedOutputIs: [] },
    { whenInputIs: '顾客：我十点半：之前必须收到', expectedOutputIs: [{ role: 'customer', text: '我十点半：之前必须收到' }] },
  ])('reads $whenInputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(parseTranscript(whenInputIs)).toEqual(expectedOutputIs);
  });

  it('keeps a line whose colon is in the message, not after a speaker, with the message before it', () => {
    expect(parseTranscript('顾客：你们说的话算数吗\n备注：这是第三次了')).toEqual([{ role: 'customer', text: '你们说的话算数吗\n备注：这是第三次了' }]);
  });
});

describe('transcriptSpeakerRole', () => {
  it.each([
    ['顾客', 'customer'],
    ['Customer', 'customer'],
    ['售后-阿杰', 'agent'],
    ['我', 'agent'],
    ['订单号', null],
    ['', null],
  ])('%s is %s', (label, role) => {
    expect(transcriptSpeakerRole(label)).toBe(role);
  });
});
