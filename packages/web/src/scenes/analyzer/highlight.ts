/**
 * Turns a text and the spans the engine marked in it (cues, reply issues, strengths) into
 * consecutive segments for rendering. Offsets are UTF-16 code units, what `String.slice`
 * takes and what the engine returns. Spans that overlap are merged into one highlighted
 * segment (the union), which keeps every span it covers so the UI can name them all.
 * Pure and React-free, so it is tested on its own.
 */

export interface THighlightSpan<T> {
  /** First code unit, inclusive. */
  start: number;
  /** Code unit after the last, exclusive. */
  end: number;
  data: T;
}

export interface TSegment<T> {
  text: string;
  start: number;
  end: number;
  /** The spans this segment is the union of, by start; empty for plain text. */
  spans: T[];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Widens an offset that falls between the two halves of a surrogate pair, so an emoji is
 * never cut in two (half an emoji renders as a replacement box).
 * @param text the text
 * @param offset a code-unit offset inside the text
 * @param direction -1 to move a start back, +1 to move an end forward
 * @returns the offset, moved by one when it split a pair
 */
function snapToCodePoint(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const splitsPair = isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
  return splitsPair ? offset + direction : offset;
}

/**
 * Splits a text into plain and highlighted segments.
 * Spans outside the text, empty or reversed spans, and spans with non-integer offsets are
 * ignored. Overlapping spans become one segment; spans that only touch (one ends where the
 * next starts) stay separate segments.
 * @param text the text the offsets point into
 * @param spans the spans to highlight, in any order
 * @returns segments covering the whole text in order, or [] for an empty text
 */
export function highlightSegments<T>(text: string, spans: readonly THighlightSpan<T>[]): TSegment<T>[] {
  if (text.length === 0) return [];

  const valid = spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= text.length && span.start < span.end)
    .map(({ span, index }) => ({ start: snapToCodePoint(text, span.start, -1), end: snapToCodePoint(text, span.end, 1), data: span.data, index }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);

  const groups: { start: number; end: number; spans: T[] }[] = [];
  for (const span of valid) {
    const last = groups[groups.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.spans.push(span.data);
    } else {
      groups.push({ start: span.start, end: span.end, spans: [span.data] });
    }
  }

  const segments: TSegment<T>[] = [];
  let cursor = 0;
  for (const group of groups) {
    if (group.start > cursor) segments.push({ text: text.slice(cursor, group.start), start: cursor, end: group.start, spans: [] });
    segments.push({ text: text.slice(group.start, group.end), start: group.start, end: group.end, spans: group.spans });
    cursor = group.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), start: cursor, end: text.length, spans: [] });
  return segments;
}
