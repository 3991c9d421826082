/**
 * "Paste a whole chat" on the live-assist page: a chat copied out of the chat tool becomes
 * customer and agent lines. Chat tools export lines like `顾客：……` / `客服：……`, often with a
 * time before or after the speaker; a line without a speaker continues the one before it.
 * Pure, so the rules are tested without a DOM.
 */

export type TTranscriptRole = 'customer' | 'agent';

export interface TTranscriptLine {
  role: TTranscriptRole;
  text: string;
}

/** Longest speaker label we look at: longer text before a colon is the message itself. */
const SPEAKER_MAX = 16;

/** Speaker names chat tools and agents use, lower-cased; anything else is looked at by its words below. */
const CUSTOMER_NAMES = ['顾客', '客户', '买家', '用户', '消费者', '会员', '访客', '客人', 'customer', 'buyer', 'user', 'client', 'c'];
const AGENT_NAMES = ['客服', '坐席', '我', '店小二', '售后', '售前', '人工客服', '在线客服', 'agent', 'staff', 'service', 'cs', 'me', 'a'];

// Times and dates chat tools put before or after the speaker: 2024-05-01 10:02:03, 10:02, [10:02], (10:02:03).
const TIME_PATTERN = /[[(（【]?\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*)?\d{1,2}:\d{2}(?::\d{2})?\s*[\])）】]?/g;

/**
 * Which side a speaker label names.
 * @param label the text before the colon, times removed
 * @returns the role, or null when the label is not a speaker
 */
export function transcriptSpeakerRole(label: string): TTranscriptRole | null {
  const name = label.replace(TIME_PATTERN, '').replace(/[\s[\]【】()（）]/g, '').toLowerCase();
  if (name === '') return null;
  if (CUSTOMER_NAMES.includes(name)) return 'customer';
  if (AGENT_NAMES.includes(name)) return 'agent';
  // "客服小林", "售后-阿杰", "买家 tb_2831": a known word at the start names the side.
  if (AGENT_NAMES.some((known) => known.length > 1 && /[^\x00-\x7f]/.test(known) && name.startsWith(known))) return 'agent';
  if (CUSTOMER_NAMES.some((known) => known.length > 1 && /[^\x00-\x7f]/.test(known) && name.startsWith(known))) return 'customer';
  return null;
}

/**
 * Splits a pasted chat into lines by speaker.
 * @param text the chat as pasted: one message per line, `speaker：text` (full- or half-width colon)
 * @returns the messages in order; lines before the first speaker are dropped, empty messages too
 */
export function parseTranscript(text: string): TTranscriptLine[] {
  const lines: TTranscriptLine[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.search(/[:：]/u);
    // A time like 10:02 is not the speaker's colon: look for the first colon after any leading times.
    const speaker = findSpeaker(line, colon);
    if (speaker) {
      lines.push({ role: speaker.role, text: speaker.rest });
      continue;
    }
    const last = lines.at(-1);
    if (last) last.text = last.text === '' ? line : `${last.text}\n${line}`;
  }
  return lines.filter((line) => line.text !== '');
}

function findSpeaker(line: string, firstColon: number): { role: TTranscriptRole; rest: string } | null {
  if (firstColon < 0) return null;
  // Try each colon within the label length: the first may belong to a time ("10:02 顾客：…").
  for (let at = firstColon; at >= 0 && at <= SPEAKER_MAX + 24; at = nextColon(line, at + 1)) {
    if (/\d/.test(line[at - 1] ?? '') && /\d/.test(line[at + 1] ?? '')) continue;
    const role = transcriptSpeakerRole(line.slice(0, at));
    if (role) return { role, rest: line.slice(at + 1).trim() };
    if (line.slice(0, at).replace(TIME_PATTERN, '').trim().length > SPEAKER_MAX) return null;
  }
  return null;
}

function nextColon(line: string, from: number): number {
  const rest = line.slice(from).search(/[:：]/u);
  return rest < 0 ? -1 : from + rest;
}
