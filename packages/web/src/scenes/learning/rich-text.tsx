import type { Components } from 'react-markdown';
import { SafeMarkdown } from '../../components/safe-markdown';
import { hastText, parseDialogue, type THastNode } from './dialogue';

/**
 * A block quote drawn as chat bubbles when its lines name speakers (顾客：/客服：), else as an
 * ordinary quote. The text comes from the rendered tree, so it is as safe as the rest.
 */
const DIALOGUE_COMPONENTS: Components = {
  blockquote: ({ node, children }) => {
    const lines = parseDialogue(hastText(node as THastNode | undefined));
    if (!lines) return <blockquote>{children}</blockquote>;
    return (
      <div className="cd-dialogue" data-testid="learning-dialogue">
        {lines.map((line, index) =>
          line.speaker === null ? (
            <div key={index} className="cd-dialogue__note">
              {line.text}
            </div>
          ) : (
            <div key={index} className={`cd-dialogue__line cd-dialogue__line--${line.speaker}`} data-speaker={line.speaker}>
              <span className="cd-dialogue__who">{line.label}</span>
              <div className={`cd-bubble cd-bubble--${line.speaker}`}>{line.text}</div>
            </div>
          ),
        )}
      </div>
    );
  },
};

/**
 * Lesson or case Markdown, rendered safely (no raw HTML, no script addresses) with reading
 * typography for Chinese, and dialogue quotes as chat bubbles.
 * @param props.children the Markdown source
 * @param props.testId test id of the wrapper
 */
export function RichText({ children, testId }: { children: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <SafeMarkdown className="cd-markdown cd-learning-prose" components={DIALOGUE_COMPONENTS}>
        {children}
      </SafeMarkdown>
    </div>
  );
}
