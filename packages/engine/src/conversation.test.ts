import { loadEngineResources } from '@calmdesk/content';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_CALM_TEMPERATURE, conversationAnalyze, conversationTemperature, type TConversationAgentMessage, type TConversationCustomerMessage, type TConversationMessage } from './conversation.js';
import { engineCreate, type TEngine } from './engine.js';

/**
 * Whole conversations read by the engine with the product's content (lexicons and models
 * from content/, as the server runs it). The conversations are written for these tests.
 */
let engine: TEngine;
beforeAll(async () => {
  const resources = await loadEngineResources();
  if (!resources.success) throw new Error(JSON.stringify(resources.errors));
  engine = engineCreate(resources.data);
});

const START = Date.UTC(2025, 5, 18, 2, 0, 0);
type TLine = readonly ['customer' | 'agent' | 'system', string, number | null];
/** A conversation from [role, text, seconds after the start (null: no time)] lines. */
const chat = (...lines: TLine[]): TConversationMessage[] => lines.map(([role, text, seconds]) => ({ role, text, at: seconds === null ? null : START + seconds * 1000 }));
const customerAt = (analysis: ReturnType<typeof conversationAnalyze>, index: number) => analysis.messages[index] as TConversationCustomerMessage;
const agentAt = (analysis: ReturnType<typeof conversationAnalyze>, index: number) => analysis.messages[index] as TConversationAgentMessage;

const THREAT = '收到的杯子是碎的，第二次了还没解决，再不处理我就打12315投诉';

const calmingDown = chat(
  ['customer', '你们怎么回事！！！快递一个星期了还没到，气死我了', 0],
  ['agent', '非常抱歉让您久等了，理解您着急的心情，我马上帮您联系快递核实，今天下午5点前给您答复', 20],
  ['customer', '那你快点，我明天就要用', 60],
  ['agent', '好的亲，已经帮您催促了，快递说明天上午送到，如果明天没到我们直接给您补发', 120],
  ['customer', '好的，谢谢你了', 150],
  ['agent', '不客气，有问题随时找我', 160],
);

const heatingUp = chat(
  ['customer', '我下单的耳机还没发货吗？', 0],
  ['agent', '亲，请耐心等待', 240],
  ['customer', '怎么还没发货，都一周了！！', 300],
  ['agent', '这个我们也没办法，仓库那边安排的', 500],
  ['customer', '你们到底怎么回事！！！再不发货我就投诉到平台，给差评', 560],
  ['agent', '您爱投诉就投诉吧', 700],
);

describe('conversationAnalyze: trajectory', () => {
  it('an angry customer who ends with thanks de-escalated', () => {
    const result = conversationAnalyze(engine, calmingDown);
    expect(customerAt(result, 0)).toMatchObject({ role: 'customer', emotion: 'angry', risk: 'high' });
    expect(customerAt(result, 4).emotion).toBe('positive');
    expect(result.trajectory.start).toBeGreaterThanOrEqual(70);
    expect(result.trajectory.end).toBeLessThanOrEqual(CONVERSATION_CALM_TEMPERATURE);
    expect(result.trajectory.peak).toBe(customerAt(result, 0).temperature);
    expect(result.trajectory).toMatchObject({ deEscalated: true, escalated: false });
    expect(result.quality.components.find((c) => c.key === 'deEscalation')).toEqual({ key: 'deEscalation', points: 15, max: 15 });
  });

  it('a question that turns into a platform threat escalated', () => {
    const result = conversationAnalyze(engine, heatingUp);
    expect(result.trajectory).toMatchObject({ deEscalated: false, escalated: true });
    expect(result.trajectory.end!).toBeGreaterThan(result.trajectory.start!);
    expect(result.quality.components.find((c) => c.key === 'deEscalation')!.points).toBe(0);
    expect(result.escalation.threats).toEqual(expect.arrayContaining(['platform', 'review']));
  });

  it('a calm customer who stays calm counts as de-escalated', () => {
    const result = conversationAnalyze(engine, chat(['customer', '在吗', 0], ['customer', '我想问一下这个怎么安装', 5], ['agent', '亲，说明书第三页有图示，我也给您发一个安装视频', 30], ['customer', '好的，谢谢', 60]));
    expect(result.trajectory.start).toBeLessThanOrEqual(CONVERSATION_CALM_TEMPERATURE);
    expect(result.trajectory).toMatchObject({ deEscalated: true, escalated: false });
  });

  it('temperature orders thanks < a question < worry < anger with a threat', () => {
    const temperatureOf = (text: string) => conversationTemperature(engine.analyzeMessage(text));
    const ordered = ['谢谢，问题解决了，很满意', '请问有S码吗', '我很着急，明天就要用了', '气死了！！！再不退款我就打12315'].map(temperatureOf);
    expect([...ordered].sort((a, b) => a - b)).toEqual(ordered);
    expect(ordered[0]).toBe(0);
    for (const t of ordered) expect(Number.isInteger(t) && t >= 0 && t <= 100).toBe(true);
  });

  it('reads each customer message with the earlier ones as context', () => {
    const result = conversationAnalyze(engine, chat(['customer', '气死了！！！', 0], ['customer', '你们这些骗子', 5], ['customer', '凭什么不给退款！！', 10], ['customer', '嗯', 15]));
    expect(engine.analyzeMessage('嗯').risk).toBe('low');
    expect(customerAt(result, 3).risk).toBe('high');
  });
});

describe('conversationAnalyze: escalation', () => {
  it('a 12315 threat answered with an apology and a hand-off to the supervisor is handled', () => {
    const result = conversationAnalyze(
      engine,
      chat(
        ['customer', THREAT, 0],
        ['agent', '非常抱歉给您带来这么不好的体验，理解您的心情。我已经把您的情况升级给主管，主管会在今天18点前给您电话，同时为您安排补发', 25],
        ['customer', '好吧，那我等电话', 90],
        ['agent', '好的，辛苦您了', 100],
      ),
    );
    expect(result.escalation).toEqual({ status: 'handled', firstHighRiskIndex: 0, missedIndex: null, threats: ['regulator'] });
    expect(result.flags).not.toContain('missed_escalation');
    expect(result.quality.components.find((c) => c.key === 'escalation')).toEqual({ key: 'escalation', points: 15, max: 15 });
  });

  it('the same threat answered with "收到" and a request for photos is missed', () => {
    const result = conversationAnalyze(engine, chat(['customer', THREAT, 0], ['agent', '亲，收到', 25], ['customer', '你们就这态度？', 90], ['agent', '亲，请您提供一下照片', 100]));
    expect(result.escalation).toMatchObject({ status: 'missed', firstHighRiskIndex: 0, missedIndex: 0 });
    expect(result.flags).toContain('missed_escalation');
    expect(result.quality.components.find((c) => c.key === 'escalation')!.points).toBe(0);
  });

  it.each([
    { how: 'an apology with a plan and a time', replies: ['非常抱歉，杯子碎了确实是我们的问题，我马上给您补发一个新的，今天下午就发出'], status: 'handled' },
    { how: 'the apology and the plan in two messages of one turn', replies: ['非常抱歉给您带来不好的体验', '我马上给您补发一个新的，今天下午就发出'], status: 'handled' },
    { how: 'a hand-off to the supervisor alone', replies: ['这边已经帮您转给主管处理了'], status: 'handled' },
    { how: 'an apology without a plan', replies: ['真的很抱歉给您添麻烦了'], status: 'missed' },
    { how: 'a plan without an apology', replies: ['我马上给您补发一个新的，今天下午就发出'], status: 'missed' },
    { how: 'a hand-off wrapped in contempt', replies: ['您爱投诉就投诉吧'], status: 'missed' },
  ])('a threat answered by $how is $status', ({ replies, status }) => {
    const result = conversationAnalyze(engine, chat(['customer', THREAT, 0], ...replies.map((text, k): TLine => ['agent', text, 30 + k])));
    expect(result.escalation.status).toBe(status);
  });

  it('a second threat after a handled one still needs its own answer', () => {
    const result = conversationAnalyze(
      engine,
      chat(
        ['customer', THREAT, 0],
        ['agent', '这边已经帮您转给主管处理了', 30],
        ['customer', '主管到现在都没联系我！！！你们再拖我就去12315投诉', 3600],
        ['agent', '亲，收到', 3620],
      ),
    );
    expect(result.escalation).toMatchObject({ status: 'missed', firstHighRiskIndex: 0, missedIndex: 2 });
  });

  it('a threat as the last message with no reply after it is missed', () => {
    const result = conversationAnalyze(engine, chat(['customer', '请问什么时候发货', 0], ['agent', '亲，请耐心等待', 20], ['customer', '算了，我去平台投诉你们，给差评', 60]));
    expect(result.escalation).toMatchObject({ status: 'missed', missedIndex: 2 });
  });

  it('a conversation without high risk has no escalation and no escalation component', () => {
    const result = conversationAnalyze(engine, chat(['customer', '这件衣服有S码吗', 0], ['agent', '亲，有的，现在拍下今天就能发', 10]));
    expect(result.escalation).toEqual({ status: 'none', firstHighRiskIndex: null, missedIndex: null, threats: [] });
    expect(result.quality.components.map((c) => c.key)).not.toContain('escalation');
  });
});

describe('conversationAnalyze: response times', () => {
  it('measures each customer turn from its first message to the next agent message, skipping system messages', () => {
    const result = conversationAnalyze(
      engine,
      chat(
        ['system', '顾客进入会话', 0],
        ['agent', '您好，欢迎光临，请问有什么可以帮您', 1], // before the customer wrote: not a response
        ['customer', '我买的鞋子尺码不对，想换一双', 10],
        ['customer', '在吗？', 40],
        ['system', '会话已转接', 50],
        ['agent', '抱歉让您久等，可以换的，我这边马上给您发起换货，今天安排快递上门取件', 70], // 60 s after the turn began
        ['agent', '取件码稍后短信发您', 75],
        ['customer', '快递员几点来？', 100],
        ['agent', '下午两点到四点之间', 110], // 10 s
        ['customer', '好的，谢谢', 200], // unanswered: not counted
      ),
    );
    expect(result.responseTimes).toEqual({ firstSeconds: 60, averageSeconds: 35, maxSeconds: 60, measuredTurns: 2 });
    expect(result.counts).toEqual({ customerMessages: 4, agentMessages: 4, customerTurns: 3, agentTurns: 3 });
    expect(result.messages[0]).toBeNull();
    expect(result.messages[4]).toBeNull();
  });

  it('gives null times, and leaves responsiveness out of the score, when the export has no times', () => {
    const result = conversationAnalyze(engine, chat(['customer', '在吗', null], ['customer', '这件衣服有S码吗', null], ['agent', '亲，有的，现在拍下今天就能发', null], ['customer', '好的谢谢', null]));
    expect(result.responseTimes).toEqual({ firstSeconds: null, averageSeconds: null, maxSeconds: null, measuredTurns: 0 });
    expect(result.quality.components.map((c) => c.key)).not.toContain('responsiveness');
    expect(result.quality.score).not.toBeNull();
  });

  it('measures the turns that have both times when only some do', () => {
    const result = conversationAnalyze(engine, chat(['customer', '请问发什么快递', 0], ['agent', '亲，默认中通', null], ['customer', '能发顺丰吗', 100], ['agent', '可以的，补5元运费就行', 145]));
    expect(result.responseTimes).toEqual({ firstSeconds: null, averageSeconds: 45, maxSeconds: 45, measuredTurns: 1 });
  });

  it('slow answers cost responsiveness points', () => {
    const fast = conversationAnalyze(engine, chat(['customer', '请问发什么快递', 0], ['agent', '亲，默认中通', 10]));
    const slow = conversationAnalyze(engine, chat(['customer', '请问发什么快递', 0], ['agent', '亲，默认中通', 600]));
    expect(fast.quality.components.find((c) => c.key === 'responsiveness')).toEqual({ key: 'responsiveness', points: 15, max: 15 });
    expect(slow.quality.components.find((c) => c.key === 'responsiveness')!.points).toBe(0);
  });
});

describe('conversationAnalyze: agent replies, language and empathy', () => {
  it('records verdict, issue categories, missing items and empathy per agent message', () => {
    const result = conversationAnalyze(engine, heatingUp);
    expect(agentAt(result, 3)).toMatchObject({ role: 'agent', verdict: 'revise', issues: ['excuse'], hasEmpathy: false, answers: 2 });
    expect(agentAt(result, 3).missing).toContain('acknowledge');
    expect(agentAt(result, 5)).toMatchObject({ verdict: 'avoid', issues: ['contempt'] });
    expect(result.language).toMatchObject({ agentMessages: 3, avoidMessages: 1, repliesToUpset: 2, empatheticReplies: 0, empathyRate: 0 });
    expect(result.language.issueCounts.excuse).toBe(1);
    expect(result.language.issueCounts.contempt).toBe(1);
    expect(result.language.issueCounts.denial).toBeUndefined();
  });

  it('checks a reply against the hottest message of the turn, not a trailing "在吗"', () => {
    const result = conversationAnalyze(engine, chat(['customer', '你们发的什么破东西！！！气死我了', 0], ['customer', '在吗', 20], ['agent', '亲，在的', 30]));
    expect(agentAt(result, 2).answers).toBe(0);
    expect(agentAt(result, 2).missing).toEqual(expect.arrayContaining(['acknowledge']));
    expect(result.language.repliesToUpset).toBe(1);
  });

  it('counts empathy only in replies to an upset customer, once per agent turn', () => {
    const result = conversationAnalyze(
      engine,
      chat(
        ['customer', '这件衣服有S码吗', 0],
        ['agent', '亲，有的，现在拍下今天就能发', 10], // calm question: not in the rate
        ['customer', '我的快递三天了还没动，太慢了', 100],
        ['agent', '非常抱歉让您久等了', 110],
        ['agent', '理解您着急，我马上帮您催一下快递，今天下午给您回复', 115], // same turn: counted once
        ['customer', '我很着急，明天就要用了', 200],
        ['agent', '好的', 210],
      ),
    );
    expect(result.language).toMatchObject({ repliesToUpset: 2, empatheticReplies: 1, empathyRate: 0.5 });
    expect(agentAt(result, 3).hasEmpathy).toBe(true);
    expect(agentAt(result, 6).hasEmpathy).toBe(false);
    expect(result.quality.components.find((c) => c.key === 'empathy')).toEqual({ key: 'empathy', points: 12.5, max: 25 });
  });

  it('a conversation with only calm customers has no empathy rate and no empathy component', () => {
    const result = conversationAnalyze(engine, chat(['customer', '这件衣服有S码吗', 0], ['agent', '亲，有的，现在拍下今天就能发', 10]));
    expect(result.language.empathyRate).toBeNull();
    expect(result.quality.components.map((c) => c.key)).not.toContain('empathy');
  });
});

describe('conversationAnalyze: quality score and flags', () => {
  it('a well-handled angry customer scores high with every component present', () => {
    const result = conversationAnalyze(engine, calmingDown);
    expect(result.quality.components.map((c) => c.key)).toEqual(['empathy', 'language', 'responsiveness', 'deEscalation', 'escalation']);
    expect(result.quality.components.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(result.quality.score).toBe(Math.round(result.quality.components.reduce((s, c) => s + c.points, 0)));
    expect(result.quality.score).toBeGreaterThanOrEqual(80);
    expect(result.flags).toEqual([]);
  });

  it('the score is the share of points over the components that apply', () => {
    const result = conversationAnalyze(engine, chat(['customer', '这件衣服有S码吗', null], ['agent', '亲，收到', null]));
    const { components, score } = result.quality;
    const points = components.reduce((s, c) => s + c.points, 0);
    const max = components.reduce((s, c) => s + c.max, 0);
    expect(components.map((c) => c.key)).toEqual(['language']);
    expect(score).toBe(Math.round((100 * points) / max));
  });

  it('a conversation that heats up under cold, dismissive replies gets every flag', () => {
    const result = conversationAnalyze(engine, heatingUp);
    expect(result.quality.score!).toBeLessThan(40);
    expect(result.flags).toEqual(['low_score', 'missed_escalation', 'avoid_language']);
  });

  it('the low-score threshold is an option', () => {
    const result = conversationAnalyze(engine, chat(['customer', THREAT, 0], ['agent', '亲，收到', 25]));
    expect(result.flags).toContain('low_score');
    expect(conversationAnalyze(engine, chat(['customer', THREAT, 0], ['agent', '亲，收到', 25]), { lowScoreThreshold: 0 }).flags).not.toContain('low_score');
    expect(() => conversationAnalyze(engine, [], { lowScoreThreshold: 120 })).toThrow(/lowScoreThreshold between 0 and 100/);
  });

  it('one avoid reply in a good conversation flags avoid_language without a low score', () => {
    const result = conversationAnalyze(
      engine,
      chat(
        ['customer', '这件衣服有S码吗', 0],
        ['agent', '亲，有的，现在拍下今天就能发', 10],
        ['customer', '衣服上有个线头', 100],
        ['agent', '这不是我们的问题，是快递摔的', 110],
        ['customer', '好吧，谢谢', 200],
      ),
    );
    expect(result.flags).toEqual(['avoid_language']);
  });
});

describe('conversationAnalyze: input and output', () => {
  it('an empty conversation has no score and no flags', () => {
    const result = conversationAnalyze(engine, []);
    expect(result.quality).toEqual({ score: null, components: [] });
    expect(result.trajectory).toEqual({ start: null, end: null, peak: null, deEscalated: false, escalated: false });
    expect(result.flags).toEqual([]);
  });

  it('the result survives a JSON round trip unchanged', () => {
    const result = conversationAnalyze(engine, calmingDown);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('keeps one entry per message with no cues', () => {
    const result = conversationAnalyze(engine, calmingDown);
    expect(result.messages).toHaveLength(calmingDown.length);
    expect(Object.keys(customerAt(result, 0)).sort()).toEqual(['emotion', 'intensity', 'polarityScore', 'risk', 'role', 'temperature']);
  });

  it('throws a clear TypeError for an unknown role or a non-array (programmer error)', () => {
    expect(() => conversationAnalyze(engine, [{ role: 'bot' as 'agent', at: null, text: '您好' }])).toThrow(/expects role 'customer', 'agent' or 'system', instead found "bot" at message 0/);
    expect(() => conversationAnalyze(engine, null as unknown as TConversationMessage[])).toThrow(/expects an array of messages, instead found null/);
  });
});
