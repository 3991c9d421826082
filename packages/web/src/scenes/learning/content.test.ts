import { describe, expect, it } from 'vitest';
import { caseTagCounts, filterCases } from './cases';
import { hastText, parseDialogue } from './dialogue';
import { compareMarks, problemClauses, splitClauses, SPOT_SAMPLES } from './spot';
import { lessonVideo } from './video';

describe('dialogue in case Markdown', () => {
  it('splits a quote of speaker lines into customer and agent bubbles', () => {
    expect(parseDialogue('顾客：我妈那边的月饼怎么两天都没动了？\n客服：您好，我是阿晴。\n')).toEqual([
      { speaker: 'customer', label: '顾客', text: '我妈那边的月饼怎么两天都没动了？' },
      { speaker: 'agent', label: '客服', text: '您好，我是阿晴。' },
    ]);
  });

  it('accepts ASCII colons, English speakers and a name after the role', () => {
    expect(parseDialogue('Customer: where is it?\n客服阿晴：马上查。\n客服（小郑）: 好的')?.map((line) => [line.speaker, line.label, line.text])).toEqual([
      ['customer', 'Customer', 'where is it?'],
      ['agent', '客服阿晴', '马上查。'],
      ['agent', '客服（小郑）', '好的'],
    ]);
  });

  it('keeps lines without a speaker as narration between bubbles', () => {
    expect(parseDialogue('顾客：在吗？\n（十分钟后）\n客服：在的')?.map((line) => line.speaker)).toEqual(['customer', null, 'agent']);
  });

  it('leaves an ordinary quote alone', () => {
    expect(parseDialogue('先处理心情，再处理事情。')).toBeNull();
    expect(parseDialogue('客服这份工作：不容易')).toBeNull();
    expect(parseDialogue('')).toBeNull();
  });

  it('reads the text of a rendered quote with its soft line breaks', () => {
    const quote = {
      type: 'element',
      tagName: 'blockquote',
      children: [
        { type: 'text', value: '\n' },
        { type: 'element', tagName: 'p', children: [{ type: 'text', value: '顾客：在吗？\n客服：' }, { type: 'element', tagName: 'strong', children: [{ type: 'text', value: '在的' }] }] },
      ],
    };
    expect(parseDialogue(hastText(quote))?.map((line) => line.text)).toEqual(['在吗？', '在的']);
    expect(hastText({ type: 'element', tagName: 'p', children: [{ type: 'text', value: 'a' }, { type: 'element', tagName: 'br' }, { type: 'text', value: 'b' }] })).toBe('a\nb\n');
  });
});

describe('lesson video links', () => {
  it('embeds bilibili, Tencent Video, Youku and YouTube links over https', () => {
    expect(lessonVideo('https://www.bilibili.com/video/BV1xx411c7mD?p=2')).toMatchObject({ kind: 'embed', host: 'bilibili', src: 'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD&p=2&autoplay=0' });
    expect(lessonVideo('https://www.bilibili.com/video/av170001')).toMatchObject({ kind: 'embed', src: 'https://player.bilibili.com/player.html?aid=170001&autoplay=0' });
    expect(lessonVideo('https://v.qq.com/x/cover/mzc00200abc/u0041abcdef.html')).toMatchObject({ kind: 'embed', host: 'tencent', src: 'https://v.qq.com/txp/iframe/player.html?vid=u0041abcdef' });
    expect(lessonVideo('https://v.youku.com/v_show/id_XNTk2MzQ1Njc4OA==.html')).toMatchObject({ kind: 'embed', host: 'youku', src: 'https://player.youku.com/embed/XNTk2MzQ1Njc4OA==' });
    expect(lessonVideo('https://youtu.be/dQw4w9WgXcQ')).toMatchObject({ kind: 'embed', host: 'youtube', src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' });
    expect(lessonVideo('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10')).toMatchObject({ kind: 'embed', host: 'youtube' });
  });

  it('links (new tab) other hosts, plain http and ids it cannot read', () => {
    expect(lessonVideo('https://videos.example.com/lesson.mp4')).toEqual({ kind: 'link', href: 'https://videos.example.com/lesson.mp4' });
    expect(lessonVideo('http://www.bilibili.com/video/BV1xx411c7mD')).toMatchObject({ kind: 'link' });
    expect(lessonVideo('https://www.bilibili.com/video/BV1"onload=x')).toMatchObject({ kind: 'link' });
    expect(lessonVideo('https://evilbilibili.com/video/BV1xx411c7mD')).toMatchObject({ kind: 'link' });
  });

  it('drops script and data addresses and empty links', () => {
    expect(lessonVideo('javascript:alert(1)')).toBeNull();
    expect(lessonVideo('data:text/html,<script>')).toBeNull();
    expect(lessonVideo('  ')).toBeNull();
    expect(lessonVideo(null)).toBeNull();
    expect(lessonVideo('not a url')).toBeNull();
  });
});

describe('spot the language', () => {
  it('has six to eight samples, each answering a customer message, one of them done well', () => {
    expect(SPOT_SAMPLES.length).toBeGreaterThanOrEqual(6);
    expect(SPOT_SAMPLES.length).toBeLessThanOrEqual(8);
    expect(new Set(SPOT_SAMPLES.map((sample) => sample.id)).size).toBe(SPOT_SAMPLES.length);
    expect(SPOT_SAMPLES.filter((sample) => sample.problems.length === 0)).toHaveLength(1);
    for (const sample of SPOT_SAMPLES) {
      expect(sample.customer.zh.length, sample.id).toBeGreaterThan(5);
      expect(sample.customer.en.length, sample.id).toBeGreaterThan(5);
      expect(sample.reply.en.length, sample.id).toBeGreaterThan(5);
      expect(sample.better.length, sample.id).toBeGreaterThan(10);
    }
  });

  it('puts every problem phrase inside exactly one clause of its reply', () => {
    for (const sample of SPOT_SAMPLES) {
      const clauses = splitClauses(sample.reply.zh);
      for (const problem of sample.problems) {
        expect(clauses.filter((clause) => clause.text.includes(problem.phrase)), `${sample.id}: ${problem.phrase}`).toHaveLength(1);
      }
    }
  });

  it('cuts a reply into clauses that give the reply back when joined', () => {
    const text = '亲，包裹已经发出了，物流慢是快递那边的问题！！您再等等吧～';
    const clauses = splitClauses(text);
    expect(clauses.map((clause) => clause.text)).toEqual(['亲，', '包裹已经发出了，', '物流慢是快递那边的问题！！', '您再等等吧～']);
    expect(clauses.map((clause) => clause.text).join('')).toBe(text);
    expect(clauses[2]).toMatchObject({ start: 10, end: 23 });
  });

  it('scores the learner marks against the key', () => {
    const sample = SPOT_SAMPLES.find((item) => item.id === 'late-parcel')!;
    expect([...problemClauses(sample).keys()]).toEqual([2, 3, 4]);
    expect(compareMarks(sample, new Set([0, 2, 4]))).toEqual({ found: [2, 4], missed: [3], extra: [0] });
  });
});

describe('case library filter', () => {
  const cases = [
    { key: 'late-mooncake', title: { zh: '中秋前的月饼', en: 'Mooncakes' }, kind: 'good', tags: ['delivery', 'empathy'], goods: 'food' },
    { key: 'toothbrush-price', title: { zh: '一分钱一分货', en: 'You get what you pay for' }, kind: 'bad', tags: ['price', 'objection'], goods: 'electronics' },
    { key: 'sweater-review', title: { zh: '差评威胁', en: 'Review threat' }, kind: 'turnaround', tags: ['bad-review', 'delivery'], goods: 'clothing' },
  ];
  const none = { kind: '', tag: '', goods: '', q: '' };

  it('filters by kind, tag and goods together', () => {
    expect(filterCases(cases, none)).toHaveLength(3);
    expect(filterCases(cases, { ...none, kind: 'bad' }).map((item) => item.key)).toEqual(['toothbrush-price']);
    expect(filterCases(cases, { ...none, tag: 'delivery' }).map((item) => item.key)).toEqual(['late-mooncake', 'sweater-review']);
    expect(filterCases(cases, { ...none, tag: 'delivery', goods: 'clothing' }).map((item) => item.key)).toEqual(['sweater-review']);
  });

  it('searches titles in both languages and tags by code or by their shown name', () => {
    expect(filterCases(cases, { ...none, q: '月饼' }).map((item) => item.key)).toEqual(['late-mooncake']);
    expect(filterCases(cases, { ...none, q: 'REVIEW' }).map((item) => item.key)).toEqual(['sweater-review']);
    expect(filterCases(cases, { ...none, q: '价格' }, (tag) => (tag === 'price' ? '价格' : tag)).map((item) => item.key)).toEqual(['toothbrush-price']);
  });

  it('lists tags by how often they are used', () => {
    expect(caseTagCounts(cases).slice(0, 2)).toEqual([
      { tag: 'delivery', count: 2 },
      { tag: 'bad-review', count: 1 },
    ]);
  });
});
