import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SafeMarkdown, safeUrl } from './safe-markdown';

function render(markdown: string): string {
  return renderToStaticMarkup(createElement(SafeMarkdown, { children: markdown }));
}

describe('SafeMarkdown', () => {
  it('renders the Markdown a lesson is written in', () => {
    const html = render('## 先处理心情\n\n**共情**不是认同。\n\n| 说法 | 问题 |\n| --- | --- |\n| 不可能 | 否定 |\n\n[延伸阅读](https://example.org/abc)');
    expect(html).toContain('<h2>先处理心情</h2>');
    expect(html).toContain('<strong>共情</strong>');
    expect(html).toContain('<table>');
    expect(html).toContain('href="https://example.org/abc" target="_blank" rel="noopener noreferrer nofollow"');
  });

  it('drops raw HTML: script tags, event attributes and iframes never reach the page', () => {
    const html = render(
      [
        'Before <script>window.__pwned = 1</script> after',
        '',
        '<img src="x" onerror="window.__pwned = 2">',
        '',
        '<div onmouseover="alert(1)">hover</div>',
        '',
        '<iframe src="https://evil.example"></iframe>',
        '',
        '<a href="javascript:alert(3)">html link</a>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onerror|onmouseover|<iframe|javascript:/i);
    expect(html).toContain('Before');
  });

  it('removes javascript:, data: and vbscript: addresses from links and images, however they are disguised', () => {
    const html = render(
      [
        '[a](javascript:alert(1))',
        '[b](JaVaScRiPt:alert(2))',
        '[c](java\tscript:alert(3))',
        '[d](data:text/html;base64,PHNjcmlwdD4=)',
        '[e](vbscript:msgbox(1))',
        '![f](javascript:alert(4))',
        '[g](&#106;avascript:alert(5))',
        '<javascript:alert(6)>',
      ].join('\n\n'),
    );
    // Text may still mention "javascript:"; what matters is that no address carries it.
    expect(html).not.toMatch(/(href|src)=/i);
    expect(html).toContain('<span>a</span>');
  });

  it('keeps ordinary links and images', () => {
    expect(safeUrl('https://example.org/x')).toBe('https://example.org/x');
    expect(safeUrl('mailto:hr@example.org')).toBe('mailto:hr@example.org');
    expect(safeUrl('/api/files/abc.pdf')).toBe('/api/files/abc.pdf');
    expect(safeUrl('#step-2')).toBe('#step-2');
    expect(safeUrl('images/pacer.png')).toBe('images/pacer.png');
    const html = render('![呼吸节拍](https://example.org/pacer.png)');
    expect(html).toContain('src="https://example.org/pacer.png"');
    expect(html).toContain('referrerPolicy="no-referrer"'.toLowerCase().replace('referrerpolicy', 'referrerPolicy'));
  });
});
