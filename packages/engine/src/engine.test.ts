import { describe, expect, it } from 'vitest';
import { TEST_RESOURCES } from '../test/test-lexicon.js';
import { engineCreate } from './engine.js';

const engine = engineCreate(TEST_RESOURCES);
const { analyzeMessage, checkReply, normalize } = engine;

describe('normalize', () => {
  it.each([
    { whenInputIs: '請問還沒發貨嗎', expectedOutputIs: '请问还没發货嗎' },
    { whenInputIs: 'ＲＥＦＵＮＤ！！？', expectedOutputIs: 'refund!!?' },
    { whenInputIs: '退款，马上。', expectedOutputIs: '退款,马上.' },
    { whenInputIs: '', expectedOutputIs: '' },
    { whenInputIs: '😡😡', expectedOutputIs: '😡😡' },
  ])('folds "$whenInputIs" keeping its length', ({ whenInputIs, expectedOutputIs }) => {
    const out = normalize(whenInputIs);
    expect(out).toBe(expectedOutputIs);
    expect(out.length).toBe(whenInputIs.length);
  });
});

describe('analyzeMessage: emotion', () => {
  it.each([
    { whenInputIs: '请问这个什么时候发货', emotion: 'calm', risk: 'low' },
    { whenInputIs: '非常满意，谢谢', emotion: 'positive', risk: 'low' },
    { whenInputIs: '不是很满意', emotion: 'dissatisfied', risk: 'medium' },
    { whenInputIs: '没有不满意，就是问问', emotion: 'calm', risk: 'low' },
    { whenInputIs: '我很着急，担心来不及', emotion: 'anxious', risk: 'medium' },
    { whenInputIs: '这个怎么用？不明白', emotion: 'confused', risk: 'low' },
    { whenInputIs: '太失望了[流泪]', emotion: 'disappointed', risk: 'medium' },
    { whenInputIs: '气死我了！！！你们这些骗子', emotion: 'angry', risk: 'high' },
    { whenInputIs: "I'm not happy", emotion: 'dissatisfied', risk: 'medium' },
    { whenInputIs: 'I am FURIOUS', emotion: 'angry', risk: 'high' },
  ])('reads "$whenInputIs" as $emotion, $risk risk', ({ whenInputIs, emotion, risk }) => {
    const result = analyzeMessage(whenInputIs);
    expect(result.emotion).toBe(emotion);
    expect(result.risk).toBe(risk);
  });

  it('reads Traditional Chinese through the folding table', () => {
    expect(analyzeMessage('氣死了，還沒發貨').emotion).toBe('angry');
  });

  it('an intensifier raises intensity, a diminisher lowers it', () => {
    const plain = analyzeMessage('我着急').intensity;
    expect(analyzeMessage('我非常着急').intensity).toBeGreaterThan(plain);
    expect(analyzeMessage('我有点着急').intensity).toBeLessThan(plain);
  });

  it('does not read "not" inside "nothing" as a negation', () => {
    expect(analyzeMessage('nothing but happy').cues.some((c) => c.kind === 'negation')).toBe(false);
  });
});

describe('analyzeMessage: cues with spans', () => {
  it('explains a negation with the span of the negated words', () => {
    const text = '不是很满意';
    const negation = analyzeMessage(text).cues.find((c) => c.kind === 'negation')!;
    expect(text.slice(negation.start, negation.end)).toBe('不是很满意');
    expect(negation.signal).toBe('positive');
  });

  it('finds punctuation runs in either width, with their spans', () => {
    const text = '怎么回事！！！还有？？';
    const runs = analyzeMessage(text).cues.filter((c) => c.kind === 'punctuation');
    expect(runs.map((c) => text.slice(c.start, c.end))).toEqual(['！！！', '？？']);
  });

  it('counts earlier contacts and "still not solved"', () => {
    const result = analyzeMessage('这是第三次找你们了，还没解决');
    expect(result.cues.map((c) => c.kind)).toEqual(expect.arrayContaining(['repeat_contact', 'unresolved']));
    expect(result.riskReasons).toContain('repeat_unresolved');
    expect(result.risk).toBe('high');
  });

  it('marks repeated words and capitals', () => {
    const kinds = analyzeMessage('快点快点 THIS IS UNACCEPTABLE').cues.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(['repetition', 'shouting']));
  });

  it('keeps offsets right after an emoji (surrogate pairs)', () => {
    const text = '😡😡气死';
    const word = analyzeMessage(text).cues.find((c) => c.kind === 'emotion_word')!;
    expect(text.slice(word.start, word.end)).toBe('气死');
  });
});

describe('analyzeMessage: risk, needs, threats', () => {
  it('a calm-toned threat is still high risk, naming the channel', () => {
    const result = analyzeMessage('如果今天不处理，我就打12315');
    expect(result.threats).toEqual(['regulator']);
    expect(result.risk).toBe('high');
    expect(result.riskReasons).toContain('threat');
  });

  it('names stated needs, and not negated ones', () => {
    expect(analyzeMessage('我要退款，物流太慢').needs).toEqual(expect.arrayContaining(['refund', 'delivery']));
    expect(analyzeMessage('不用退款了，换一个').needs).not.toContain('refund');
    expect(analyzeMessage('还没退款').needs).toContain('refund');
  });

  it('handles platform placeholders and mixed scripts', () => {
    const result = analyzeMessage('订单[ORDERID_10325987]还没发货，refund please');
    expect(result.needs).toEqual(expect.arrayContaining(['delivery', 'refund']));
  });
});

describe('analyzeMessage: context', () => {
  it('a short message after three angry ones stays high risk', () => {
    const previous = ['气死了！！！', '你们这些骗子', '凭什么不给退款！！'];
    expect(analyzeMessage('嗯').risk).toBe('low');
    const inContext = analyzeMessage('嗯', { previous });
    expect(inContext.risk).toBe('high');
    expect(inContext.riskReasons).toContain('escalating_context');
  });

  it('thanks after anger lowers the risk to medium, not low', () => {
    expect(analyzeMessage('好的，谢谢', { previous: ['气死了！！！骗子'] }).risk).toBe('medium');
  });
});

describe('analyzeMessage: bad input', () => {
  it.each([
    { whenInputIs: '', emotion: 'calm' },
    { whenInputIs: '   ', emotion: 'calm' },
    { whenInputIs: '\u0000\u0007\u001b', emotion: 'calm' },
    { whenInputIs: '😀😀😀', emotion: 'calm' },
  ])('returns a calm result for "$whenInputIs"', ({ whenInputIs, emotion }) => {
    const result = analyzeMessage(whenInputIs);
    expect(result.emotion).toBe(emotion);
    expect(result.risk).toBe('low');
  });

  it('reads a 1 MB text in bounded time and returns a result', () => {
    const result = analyzeMessage('气死了！'.repeat(262_144));
    expect(result.emotion).toBe('angry');
  });

  it('throws a clear TypeError for a non-string (programmer error)', () => {
    expect(() => analyzeMessage(42 as unknown as string)).toThrow(/@calmdesk\/engine: analyzeMessage expects a string, instead found number/);
  });
});

describe('checkReply', () => {
  it.each([
    { reply: '不可能，我们的东西没问题', verdict: 'avoid', categories: ['denial'] },
    { reply: '这是快递的问题，你必须自己去看物流', verdict: 'avoid', categories: ['blame_shift', 'command'] },
    { reply: '最近单量大，请耐心等待', verdict: 'revise', categories: ['excuse', 'cold_stock'] },
    { reply: '收货人电话是13812345678', verdict: 'avoid', categories: ['privacy_leak'] },
    { reply: '好的，这就为您补发，今天发出', verdict: 'ok', categories: [] },
  ])('"$reply" → $verdict', ({ reply, verdict, categories }) => {
    const result = checkReply(reply);
    expect(result.verdict).toBe(verdict);
    expect([...new Set(result.issues.map((i) => i.category))].sort()).toEqual([...categories].sort());
    for (const issue of result.issues) expect(reply.slice(issue.start, issue.end)).toBe(issue.text);
  });

  it('names what a reply to an angry customer is missing', () => {
    const result = checkReply('好的，收到。', '气死了！！！东西坏了我要退款');
    expect(result.missing.map((m) => m.kind)).toEqual(['acknowledge', 'apology', 'next_step']);
    expect(result.verdict).toBe('revise');
    expect(result.customer?.emotion).toBe('angry');
  });

  it('accepts a reply that acknowledges, apologises and plans with a time', () => {
    const result = checkReply('理解您的心情，真的很抱歉，我马上帮您申请退款，今天给您结果。', '气死了！！！东西坏了我要退款');
    expect(result.missing).toEqual([]);
    expect(result.verdict).toBe('ok');
    expect(result.strengths.map((s) => s.kind)).toEqual(expect.arrayContaining(['acknowledge', 'apology', 'next_step', 'time']));
  });

  it('a polite pause is a legitimate next move', () => {
    const result = checkReply('理解您着急了，请稍等，我查一下', '我很着急，物流到底到哪了');
    expect(result.missing.map((m) => m.kind)).not.toContain('next_step');
  });

  it('suggests phrasings for each issue and gap, deterministically', () => {
    const first = checkReply('这是快递的问题', '我很着急，还没发货');
    const again = checkReply('这是快递的问题', '我很着急，还没发货');
    expect(first.suggestions.length).toBeGreaterThan(0);
    expect(first.suggestions.map((s) => s.because)).toContain('blame_shift');
    expect(first.suggestions).toEqual(again.suggestions);
  });

  it('throws a clear TypeError for a non-string', () => {
    expect(() => checkReply(undefined as unknown as string)).toThrow(/checkReply expects a string/);
  });
});
