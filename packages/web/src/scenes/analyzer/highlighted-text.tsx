import { Tooltip } from 'antd';
import { Fragment, useMemo, type ReactNode } from 'react';
import { highlightSegments, type THighlightSpan } from './highlight';

/**
 * A text with marked stretches: each highlight takes its background from the spans it
 * covers and names them all in a tooltip (overlapping spans are merged into one mark).
 * @param props.text the text the offsets point into
 * @param props.spans what to mark, UTF-16 offsets
 * @param props.background the colour of a mark from the spans it covers
 * @param props.describe the tooltip of a mark
 */
export function HighlightedText<T>({
  text,
  spans,
  background,
  describe,
  testId,
}: {
  text: string;
  spans: readonly THighlightSpan<T>[];
  background: (spans: readonly T[]) => string;
  describe: (spans: readonly T[]) => ReactNode;
  testId?: string;
}) {
  const segments = useMemo(() => highlightSegments(text, spans), [text, spans]);
  return (
    <div className="cd-analyzer-text" data-testid={testId}>
      {segments.map((segment) =>
        segment.spans.length === 0 ? (
          <Fragment key={segment.start}>{segment.text}</Fragment>
        ) : (
          <Tooltip key={segment.start} title={describe(segment.spans)}>
            <mark className="cd-analyzer-mark" style={{ background: background(segment.spans) }}>
              {segment.text}
            </mark>
          </Tooltip>
        ),
      )}
    </div>
  );
}
