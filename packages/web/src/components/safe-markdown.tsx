import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Lesson and case text comes from trainers (and from imported course files), so it is
 * rendered as Markdown only: raw HTML is dropped, never parsed (no <script>, no onerror=),
 * and links and images keep only http(s), mailto, in-page and same-site addresses
 * (no javascript:, data: or vbscript:). No dangerouslySetInnerHTML anywhere.
 */

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/**
 * The address a link or image may keep.
 * @param url the address as written in the Markdown
 * @returns the address, or '' when it could run script or leave the safe schemes
 */
export function safeUrl(url: string): string {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): strip them before looking.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return '';
  if (compact.startsWith('#') || (compact.startsWith('/') && !compact.startsWith('//'))) return url.trim();
  if (SAFE_PROTOCOL.test(compact)) return url.trim();
  // A relative address without a scheme ("lessons/x.png"): no colon before the first slash, ? or #.
  const colon = compact.indexOf(':');
  const end = compact.search(/[/?#]/);
  if (colon === -1 || (end !== -1 && end < colon)) return url.trim();
  return '';
}

function isExternal(href: string): boolean {
  return /^https?:/i.test(href);
}

const BASE_COMPONENTS: Components = {
  a: ({ href, children }) => {
    const target = href ?? '';
    if (target === '') return <span>{children}</span>;
    return isExternal(target) ? (
      <a href={target} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <a href={target}>{children}</a>
    );
  },
  img: ({ src, alt }) => (typeof src === 'string' && src !== '' ? <img src={src} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" style={{ maxWidth: '100%' }} /> : null),
};

/**
 * Markdown as safe React elements (GitHub tables and strikethrough included).
 * @param props.children the Markdown source
 * @param props.components overrides for particular elements (for example a blockquote drawn as a chat bubble)
 * @param props.className class of the wrapping div
 */
export function SafeMarkdown({ children, components, className }: { children: string; components?: Components; className?: string }): ReactNode {
  return (
    <div className={className ?? 'cd-markdown'}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={{ ...BASE_COMPONENTS, ...components }}>
        {children}
      </Markdown>
    </div>
  );
}
