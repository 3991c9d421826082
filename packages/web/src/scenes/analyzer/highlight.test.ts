// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { highlightSegments, type THighlightSpan } from './highlight';

const span = (start: number, end: number, data: string): THighlightSpan<string> => ({ start, end, data });

/** Segments as [text, spans] pairs: short to write out by hand. */
function simple(text: string, spans: THighlightSpan<string>[]): [string, string[]][] {
  return highlightSegments(text, spans).map((segment) => [segment.text, segment.spans]);
}

describe('highlightSegments', () => {
  it('gives no segment for an empty text, even with spans', () => {
    expect(highlightSegments('', [])).toEqual([]);
    expect(highlightSegments('', [span(0, 1, 'a')])).toEqual([]);
  });

  it('gives the whole text as one plain segment when nothing is marked', () => {
    expect(highlightSegments('还没发货', [])).toEqual([{ text: '还没发货', start: 0, end: 4, spans: [] }]);
  });

  it('splits plain and marked text, with the offsets of each segment', () => {
    expect(highlightSegments('到底怎么回事？', [span(2, 4, 'rhetorical')])).toEqual([
      { text: '到底', start: 0, end: 2, spans: [] },
      { text: '怎么', start: 2, end: 4, spans: ['rhetorical'] },
      { text: '回事？', start: 4, end: 7, spans: [] },
    ]);
  });

  it('merges overlapping spans into their union and keeps every span it covers', () => {
    // 非常 (intensifier 0-2) overlaps 非常生气 (emotion word 0-4), which overlaps 生气！！ (4-6 touches, 3-6 overlaps).
    expect(simple('非常生气！！好吗', [span(3, 6, 'punctuation'), span(0, 4, 'emotion_word'), span(0, 2, 'intensifier')])).toEqual([
      ['非常生气！！', ['intensifier', 'emotion_word', 'punctuation']],
      ['好吗', []],
    ]);
  });

  it('merges a span nested inside another', () => {
    expect(simple('我要投诉到12315', [span(2, 10, 'threat'), span(5, 10, 'threat-channel')])).toEqual([
      ['我要', []],
      ['投诉到12315', ['threat', 'threat-channel']],
    ]);
  });

  it('keeps spans that only touch as separate segments', () => {
    expect(simple('太慢了！！', [span(0, 3, 'emotion_word'), span(3, 5, 'punctuation')])).toEqual([
      ['太慢了', ['emotion_word']],
      ['！！', ['punctuation']],
    ]);
  });

  it('handles spans at the very start and the very end of the text', () => {
    expect(simple('第三次联系了还没解决', [span(0, 5, 'repeat_contact'), span(6, 10, 'unresolved')])).toEqual([
      ['第三次联系', ['repeat_contact']],
      ['了', []],
      ['还没解决', ['unresolved']],
    ]);
    expect(simple('气死了', [span(0, 3, 'emotion_word')])).toEqual([['气死了', ['emotion_word']]]);
  });

  it('reads offsets as UTF-16 code units, so an emoji (a surrogate pair) counts as two', () => {
    const text = '😡😡太慢了';
    expect(text.length).toBe(7);
    expect(simple(text, [span(0, 4, 'emoji'), span(4, 7, 'emotion_word')])).toEqual([
      ['😡😡', ['emoji']],
      ['太慢了', ['emotion_word']],
    ]);
    expect(simple('好的👍', [span(2, 4, 'emoji')])).toEqual([
      ['好的', []],
      ['👍', ['emoji']],
    ]);
  });

  it('never cuts an emoji in half: an offset inside a surrogate pair widens to the whole emoji', () => {
    expect(simple('a😡b', [span(2, 3, 'half')])).toEqual([
      ['a', []],
      ['😡', ['half']],
      ['b', []],
    ]);
    expect(simple('a😡b', [span(0, 2, 'half')])).toEqual([
      ['a😡', ['half']],
      ['b', []],
    ]);
  });

  it('ignores spans outside the text, empty, reversed or with non-integer offsets', () => {
    const text = '退款';
    const ignored = [span(-1, 1, 'negative'), span(1, 3, 'past end'), span(5, 8, 'far away'), span(1, 1, 'empty'), span(2, 1, 'reversed'), span(0.5, 1, 'fraction'), span(Number.NaN, 1, 'nan')];
    expect(highlightSegments(text, ignored)).toEqual([{ text: '退款', start: 0, end: 2, spans: [] }]);
    expect(simple(text, [...ignored, span(0, 2, 'need')])).toEqual([['退款', ['need']]]);
  });

  it('covers the whole text exactly once, whatever the spans', () => {
    const text = '我已经第三次打电话了😤你们到底管不管？！';
    const spans = [span(3, 6, 'a'), span(5, 9, 'b'), span(10, 12, 'c'), span(14, 18, 'd'), span(16, 20, 'e'), span(19, 21, 'f')];
    const segments = highlightSegments(text, spans);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    for (const [i, segment] of segments.entries()) {
      expect(text.slice(segment.start, segment.end)).toBe(segment.text);
      if (i > 0) expect(segment.start).toBe(segments[i - 1]?.end);
    }
    expect(segments.flatMap((segment) => segment.spans).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
});
