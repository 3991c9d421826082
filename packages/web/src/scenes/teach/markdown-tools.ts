/**
 * The Markdown editor's toolbar as pure text edits: each action takes the text and the
 * selection and returns the new text and what to select next, so the author can keep typing.
 */

export const MARKDOWN_ACTIONS = ['heading', 'bold', 'list', 'quote', 'link', 'table'] as const;
export type TMarkdownAction = (typeof MARKDOWN_ACTIONS)[number];

export interface TTextEdit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

/** Words put in when nothing is selected, in the UI language. */
export interface TMarkdownPlaceholders {
  heading: string;
  bold: string;
  listItem: string;
  quote: string;
  linkText: string;
  tableHeader: [string, string];
  tableCell: [string, string];
}

const LINK_URL = 'https://';

/** Start of the line holding `index`, and end of the line holding `end` (before its newline). */
function lineBounds(text: string, start: number, end: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  // A selection that ends just after a newline does not take in the next line.
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const newline = text.indexOf('\n', last);
  return { from: start === 0 ? 0 : from, to: newline === -1 ? text.length : newline };
}

function replace(text: string, from: number, to: number, insert: string, select: [number, number]): TTextEdit {
  return { text: text.slice(0, from) + insert + text.slice(to), selectionStart: select[0], selectionEnd: select[1] };
}

/** Puts `prefix` before every selected line (or, for an empty line, the placeholder too). */
function prefixLines(text: string, start: number, end: number, prefix: string, placeholder: string, strip: RegExp): TTextEdit {
  const { from, to } = lineBounds(text, start, end);
  const block = text.slice(from, to);
  if (block.trim() === '') {
    const insert = `${prefix}${placeholder}`;
    return replace(text, from, to, insert, [from + prefix.length, from + insert.length]);
  }
  const lines = block.split('\n').map((line) => (line.trim() === '' ? line : prefix + line.replace(strip, '')));
  const insert = lines.join('\n');
  return replace(text, from, to, insert, [from, from + insert.length]);
}

/**
 * Applies one toolbar action.
 * @param edit the text and the current selection (start ≤ end)
 * @param action heading (## on the line), bold (**…**), list (- per line), quote (> per line),
 *   link ([text](https://), the address selected), table (a two-column table on its own lines)
 * @param words placeholders used when nothing is selected
 * @returns the new text and selection
 */
export function applyMarkdownAction(edit: TTextEdit, action: TMarkdownAction, words: TMarkdownPlaceholders): TTextEdit {
  const { text } = edit;
  const start = Math.max(0, Math.min(edit.selectionStart, edit.selectionEnd, text.length));
  const end = Math.min(text.length, Math.max(edit.selectionStart, edit.selectionEnd));
  const selected = text.slice(start, end);
  switch (action) {
    case 'heading':
      return prefixLines(text, start, end, '## ', words.heading, /^#{1,6}\s+/);
    case 'list':
      return prefixLines(text, start, end, '- ', words.listItem, /^([-*+]|\d+\.)\s+/);
    case 'quote':
      return prefixLines(text, start, end, '> ', words.quote, /^>\s?/);
    case 'bold': {
      const inner = selected === '' ? words.bold : selected;
      return replace(text, start, end, `**${inner}**`, [start + 2, start + 2 + inner.length]);
    }
    case 'link': {
      const label = selected === '' ? words.linkText : selected;
      const insert = `[${label}](${LINK_URL})`;
      const urlStart = start + label.length + 3;
      return replace(text, start, end, insert, [urlStart, urlStart + LINK_URL.length]);
    }
    case 'table': {
      const [h1, h2] = words.tableHeader;
      const [c1, c2] = words.tableCell;
      const table = `| ${h1} | ${h2} |\n| --- | --- |\n| ${c1} | ${c2} |`;
      // A table needs a blank line before it (else it continues the paragraph) and one after.
      const before = text.slice(0, start);
      const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      const after = text.slice(end);
      const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
      const insert = lead + table + trail;
      const cellStart = start + lead.length + 2;
      return replace(text, start, end, insert, [cellStart, cellStart + h1.length]);
    }
  }
}

/**
 * Puts a block (an uploaded image or file link) on its own line at the selection, replacing
 * what is selected, with the caret after it.
 * @param edit the text and the current selection
 * @param block the Markdown to insert, e.g. `![图](/api/learning/files/…)`
 * @returns the new text and selection
 */
export function insertBlock(edit: TTextEdit, block: string): TTextEdit {
  const start = Math.max(0, Math.min(edit.selectionStart, edit.text.length));
  const end = Math.max(start, Math.min(edit.selectionEnd, edit.text.length));
  const before = edit.text.slice(0, start);
  const after = edit.text.slice(end);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const text = before + lead + block + trail + after;
  const caret = start + lead.length + block.length + trail.length;
  return { text, selectionStart: caret, selectionEnd: caret };
}

/**
 * A readable title from a file name: the name without its extension.
 * @param name e.g. `情绪记录表.pdf`
 * @returns e.g. `情绪记录表`
 */
export function fileTitle(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim() || name;
}
