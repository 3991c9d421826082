import { describe, expect, it } from 'vitest';
import { applyMarkdownAction, fileTitle, insertBlock, type TMarkdownAction, type TTextEdit } from './markdown-tools';

const WORDS = { heading: '小标题', bold: '重点', listItem: '要点', quote: '引用', linkText: '链接文字', tableHeader: ['列一', '列二'] as [string, string], tableCell: ['内容', '内容'] as [string, string] };

function at(text: string, start: number, end = start): TTextEdit {
  return { text, selectionStart: start, selectionEnd: end };
}

function run(edit: TTextEdit, action: TMarkdownAction) {
  const result = applyMarkdownAction(edit, action, WORDS);
  return { ...result, selected: result.text.slice(result.selectionStart, result.selectionEnd) };
}

describe('applyMarkdownAction', () => {
  it('makes the caret line a level-2 heading, replacing an existing heading mark', () => {
    expect(run(at('呼吸练习\n正文', 2), 'heading').text).toBe('## 呼吸练习\n正文');
    expect(run(at('# 呼吸练习', 3), 'heading').text).toBe('## 呼吸练习');
  });

  it('puts a selectable placeholder on an empty line', () => {
    const result = run(at('第一段\n\n', 5), 'heading');
    expect(result.text).toBe('第一段\n\n## 小标题');
    expect(result.selected).toBe('小标题');
  });

  it('wraps the selection in ** and keeps it selected', () => {
    const result = run(at('先处理心情，再处理事情', 0, 5), 'bold');
    expect(result.text).toBe('**先处理心情**，再处理事情');
    expect(result.selected).toBe('先处理心情');
  });

  it('inserts bold placeholder text at the caret when nothing is selected', () => {
    const result = run(at('要记住：', 4), 'bold');
    expect(result.text).toBe('要记住：**重点**');
    expect(result.selected).toBe('重点');
  });

  it('prefixes every selected line for a list, skipping blank lines and replacing other markers', () => {
    const text = '吸气 4 秒\n\n* 屏息 2 秒\n1. 呼气 6 秒';
    expect(run(at(text, 0, text.length), 'list').text).toBe('- 吸气 4 秒\n\n- 屏息 2 秒\n- 呼气 6 秒');
  });

  it('does not take in the next line when the selection ends at a line break', () => {
    const text = '顾客说：\n你们怎么回事\n';
    expect(run(at(text, 0, 5), 'quote').text).toBe('> 顾客说：\n你们怎么回事\n');
  });

  it('builds a link around the selection and selects the address to type', () => {
    const result = run(at('见 平台规则', 2, 6), 'link');
    expect(result.text).toBe('见 [平台规则](https://)');
    expect(result.selected).toBe('https://');
  });

  it('puts a table on its own lines with blank lines around it', () => {
    const result = run(at('前文\n后文', 2), 'table');
    expect(result.text).toBe('前文\n\n| 列一 | 列二 |\n| --- | --- |\n| 内容 | 内容 |\n\n后文');
    expect(result.selected).toBe('列一');
    expect(run(at('', 0), 'table').text).toBe('| 列一 | 列二 |\n| --- | --- |\n| 内容 | 内容 |\n');
  });

  it('clamps a selection outside the text', () => {
    expect(run(at('abc', 10, 12), 'bold').text).toBe('abc**重点**');
  });
});

describe('insertBlock', () => {
  it('puts an uploaded image on its own paragraph and the caret after it', () => {
    const result = insertBlock(at('第一段正文', 3), '![图](/api/learning/files/1)');
    expect(result.text).toBe('第一段\n\n![图](/api/learning/files/1)\n\n正文');
    expect(result.text.slice(result.selectionStart)).toBe('正文');
  });

  it('adds no extra blank lines where they already are', () => {
    expect(insertBlock(at('a\n\nb', 3), 'X').text).toBe('a\n\nX\n\nb');
    expect(insertBlock(at('', 0), 'X').text).toBe('X\n\n');
  });
});

describe('fileTitle', () => {
  it.each([
    { name: '情绪记录表.pdf', expected: '情绪记录表' },
    { name: 'card.v2.png', expected: 'card.v2' },
    { name: '.hidden', expected: '.hidden' },
    { name: 'README', expected: 'README' },
  ])('$name → $expected', ({ name, expected }) => {
    expect(fileTitle(name)).toBe(expected);
  });
});
