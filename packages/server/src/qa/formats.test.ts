import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCsvDelimiter, detectEncoding, detectFormat } from './formats.js';

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('detectFormat', () => {
  const cases: { name: string; whenFileIs: [string, Buffer]; expected: string }[] = [
    { name: 'zip bytes are xlsx whatever the name', whenFileIs: ['导出.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])], expected: 'xlsx' },
    { name: 'a JSON array', whenFileIs: ['export.txt', utf8('\n  [ {"a": 1} ]')], expected: 'json' },
    { name: 'an empty JSON array', whenFileIs: ['export.json', utf8('[]')], expected: 'json' },
    { name: 'one object per line', whenFileIs: ['export.json', utf8('{"a":1}\n{"a":2}\n')], expected: 'jsonl' },
    { name: 'one object per line with CRLF and a BOM', whenFileIs: ['x', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"a":1}\r\n{"a":2}')])], expected: 'jsonl' },
    { name: 'a pretty-printed JSON document', whenFileIs: ['export.jsonl', utf8('{\n  "conversations": []\n}')], expected: 'json' },
    { name: 'a single-line wrapper object named .json', whenFileIs: ['export.json', utf8('{"conversations":[{"id":1}]}')], expected: 'json' },
    { name: 'a single JSON line named .jsonl', whenFileIs: ['export.jsonl', utf8('{"id":1}\n')], expected: 'jsonl' },
    { name: 'a CSV', whenFileIs: ['export.csv', utf8('会话ID,内容\n1,你好\n')], expected: 'csv' },
    { name: 'a CSV whose first header is in brackets', whenFileIs: ['export.csv', utf8('[时间],[内容]\n1,2\n')], expected: 'csv' },
    { name: 'a GB18030 CSV', whenFileIs: ['聊天记录.csv', fixture('qianniu-gb18030.csv')], expected: 'csv' },
    { name: 'an empty .json file', whenFileIs: ['x.json', Buffer.alloc(0)], expected: 'json' },
    { name: 'an empty file', whenFileIs: ['x.csv', Buffer.alloc(0)], expected: 'csv' },
  ];
  it.each(cases)('$name', ({ whenFileIs, expected }) => {
    expect(detectFormat(...whenFileIs)).toBe(expected);
  });

  it('refuses an old .xls and a binary file with a reason', () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => detectFormat('聊天记录.xls', xls)).toThrow(/old Excel file \(\.xls\): save it as \.xlsx or CSV/);
    expect(() => detectFormat('tool.exe', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]))).toThrow(/not a CSV, JSON or Excel/);
  });
});

describe('detectEncoding', () => {
  it.each([
    { name: 'UTF-8 Chinese', bytes: utf8('会话ID,内容'), expected: 'utf-8' },
    { name: 'plain ASCII', bytes: utf8('id,text'), expected: 'utf-8' },
    { name: 'UTF-8 cut inside a character', bytes: utf8('内容').subarray(0, 4), expected: 'utf-8' },
    { name: 'a UTF-8 byte-order mark', bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x61]), expected: 'utf-8' },
    { name: 'a UTF-16LE byte-order mark (Excel "Unicode text")', bytes: Buffer.from([0xff, 0xfe, 0x61, 0]), expected: 'utf-16le' },
    { name: 'a UTF-16BE byte-order mark', bytes: Buffer.from([0xfe, 0xff, 0, 0x61]), expected: 'utf-16be' },
    { name: 'GB18030 from a Chinese desktop tool', bytes: fixture('qianniu-gb18030.csv'), expected: 'gb18030' },
  ])('$name', ({ bytes, expected }) => {
    expect(detectEncoding(bytes)).toBe(expected);
  });
});

describe('detectCsvDelimiter', () => {
  it.each([
    { whenHeaderIs: '会话ID,时间,内容\n1,2,3', expected: ',' },
    { whenHeaderIs: '会话ID\t时间\t内容\r\n1\t2\t3', expected: '\t' },
    { whenHeaderIs: '会话ID;时间;内容\n', expected: ';' },
    { whenHeaderIs: '"a,b";"c,d";e\n', expected: ';' },
    { whenHeaderIs: '内容', expected: ',' },
  ])('$whenHeaderIs', ({ whenHeaderIs, expected }) => {
    expect(detectCsvDelimiter(whenHeaderIs)).toBe(expected);
  });
});
