/**
 * Dialogue in lesson and case Markdown. The curriculum writes a conversation as one block
 * quote of consecutive lines, each starting with who speaks:
 *
 *     > 顾客：我妈那边的月饼怎么两天都没动了？
 *     > 客服：您好，我是阿晴……
 *
 * Markdown joins those lines into one paragraph with soft line breaks; these helpers take the
 * quote's text back apart, line by line, so the reader can draw chat bubbles. A quote without
 * any speaker line stays an ordinary quote.
 */

export type TSpeaker = 'customer' | 'agent';

export interface TDialogueLine {
  /** Who speaks; null for a line of narration between the turns ("（十分钟后）"). */
  speaker: TSpeaker | null;
  /** The speaker as written ("客服", "客服阿晴"), '' for narration. */
  label: string;
  text: string;
}

const SPEAKER_WORDS: Record<string, TSpeaker> = {
  顾客: 'customer',
  买家: 'customer',
  客户: 'customer',
  customer: 'customer',
  buyer: 'customer',
  客服: 'agent',
  卖家: 'agent',
  agent: 'agent',
};

// A speaker word, optionally a name after it, then a colon: "客服阿晴：", "客服（阿晴）：", "Agent Lin:".
// A bare Chinese name is at most three characters, so "客服这份工作：" stays a sentence.
const SPEAKER_LINE = /^(顾客|买家|客户|客服|卖家|customer|buyer|agent)(（[^）]{1,10}）|\([^)]{1,10}\)|\s?[\u4e00-\u9fff]{1,3}|\s[a-z][a-z.-]{0,15})?\s*[：:]\s*(.*)$/i;

/**
 * Splits a block quote's text into dialogue lines.
 * @param text the quote's text, lines separated by newlines
 * @returns the lines, or null when no line names a speaker (then it is an ordinary quote)
 */
export function parseDialogue(text: string): TDialogueLine[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const parsed = lines.map((line): TDialogueLine => {
    const match = SPEAKER_LINE.exec(line);
    const word = match?.[1]?.toLowerCase();
    const speaker = word ? SPEAKER_WORDS[word] : undefined;
    if (!match || !speaker || match[3] === '') return { speaker: null, label: '', text: line };
    return { speaker, label: `${match[1]}${match[2] ?? ''}`.trim(), text: match[3]!.trim() };
  });
  return parsed.some((line) => line.speaker !== null) ? parsed : null;
}

/** The parts of a rendered Markdown tree (hast) that text extraction needs. */
export interface THastNode {
  type: string;
  value?: string;
  tagName?: string;
  children?: readonly THastNode[];
}

/**
 * The plain text of a rendered Markdown node: text kept, `<br>` and paragraph ends as newlines,
 * emphasis and links reduced to their words.
 * @param node a hast node (react-markdown passes it to component overrides as `node`)
 * @returns the text
 */
export function hastText(node: THastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  if (node.type === 'element' && node.tagName === 'br') return '\n';
  const inner = (node.children ?? []).map(hastText).join('');
  return node.type === 'element' && node.tagName === 'p' ? `${inner}\n` : inner;
}
