import { parseScenarioSource } from '@calmdesk/content/scenario';
import type { TEngine, TEmotion } from '@calmdesk/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEngine } from '../lib/engine.js';
import { practiseLineOf, practiseScenarioBuild, practiseScenarioId, practiseStartMeters, practiseTemperament, type TPractiseMessage, type TPractiseReading } from './practise-scenario.js';

/**
 * The "Practise this" builder: a conversation with the analyser's readings in, scenario YAML
 * out. Readings are written by hand where a test is about one rule; the realistic
 * conversations are read by the real engine, as the endpoint does.
 */

const reading = (emotion: TEmotion, intensity: number, extra: Partial<TPractiseReading> = {}): TPractiseReading => ({
  emotion,
  intensity,
  risk: emotion === 'angry' ? 'high' : emotion === 'calm' || emotion === 'positive' || emotion === 'confused' ? 'low' : 'medium',
  needs: [],
  threats: [],
  riskReasons: [emotion === 'angry' ? 'angry' : 'calm'],
  ...extra,
});
const customer = (text: string, r: TPractiseReading): TPractiseMessage => ({ role: 'customer', text, reading: r });
const agent = (text: string): TPractiseMessage => ({ role: 'agent', text });

let engine: TEngine;
beforeAll(async () => {
  engine = await getEngine();
});

/** Messages read the way the conversation view reads them: each customer message with the three before it. */
function read(messages: readonly (readonly ['customer' | 'agent' | 'system', string])[]): TPractiseMessage[] {
  const history: string[] = [];
  return messages.map(([role, text]) => {
    if (role !== 'customer') return { role, text };
    const analysis = engine.analyzeMessage(text, { previous: history.slice(-3) });
    history.push(text);
    return { role, text, reading: analysis };
  });
}

function build(messages: readonly TPractiseMessage[], taken: ReadonlySet<string> = new Set(), externalId = 'CS261113ABCDE') {
  const result = practiseScenarioBuild({ externalId, shop: '心安家居旗舰店', messages }, taken);
  if (!result.success) throw new Error(`expected a scenario, got ${result.reason}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const LATE_SOFA = [
  ['customer', '在吗'],
  ['customer', '等了十天了，沙发还没送到！！物流一直显示运输中 订单号 6941 3382 0075 5194'],
  ['agent', '亲，物流的事情我们也没办法，您再等等。'],
  ['customer', '你们到底管不管？再不送到我就投诉到12315！'],
  ['agent', '非常抱歉让您久等了，我马上联系物流，今天18点前给您回电。'],
  ['customer', '那好吧，我等你电话'],
  ['customer', '谢谢'],
] as const;

describe('practiseScenarioBuild', () => {
  it('makes YAML the scenario validator accepts, as a draft the authoring page can open', () => {
    const built = build(read(LATE_SOFA));
    const parsed = parseScenarioSource(built.yaml);
    expect(parsed.success).toBe(true);
    expect(built.scenario.id).toBe('qa-cs261113abcde');
    expect(built.yaml).toMatch(/^# 草稿：/);
    expect(built.scenario.facts).toMatchObject({ product: '沙发', order: '6941 3382 0075 5194' });
    expect(built.scenario.goods).toBe('furniture');
  });

  it("opens with the customer's first real message (a bare 在吗 is skipped) and uses their other lines by heat", () => {
    const { scenario } = build(read(LATE_SOFA));
    expect(scenario.lines.opening).toEqual(['等了十天了，沙发还没送到！！物流一直显示运输中 订单号 6941 3382 0075 5194']);
    expect(scenario.lines.hot[0]).toBe('你们到底管不管？再不送到我就投诉到12315！');
    // 那好吧 reads as resigned (disappointed): tense, not calm and not hot because of the row before it.
    expect(scenario.lines.tense).toContain('那好吧，我等你电话');
    expect(scenario.lines.resolved).toContain('谢谢');
    expect(JSON.stringify(scenario.lines)).not.toContain('在吗');
    // The agent's words are never the customer's lines.
    expect(JSON.stringify(scenario.lines)).not.toContain('物流的事情我们也没办法');
    expect(scenario.temperament).toBe('hostile');
    expect(scenario.family).toBe('complaint');
  });

  it('files a flat line read as angry only because of the heat before it as tense, and outbursts and threats as hot', () => {
    const { scenario } = build([
      customer('我双11前一天付的，到现在还没发货！！！', reading('angry', 0.6)),
      agent('您好，我先帮您查，请稍等一下'),
      customer('缺货为什么不早说？再不发货我就投诉到平台', reading('angry', 0.7, { riskReasons: ['threat', 'angry'], threats: ['platform'] })),
      agent('今天18点前发出，发出后我把快递单号发给您'),
      customer('那我等到6点', reading('angry', 0.3)),
    ]);
    expect(scenario.lines.hot).toContain('缺货为什么不早说？再不发货我就投诉到平台');
    expect(scenario.lines.hot).not.toContain('那我等到6点');
    expect(scenario.lines.tense).toContain('那我等到6点');
  });

  it('masks phone numbers, addresses and names in every line taken from the conversation, even when stored unmasked', () => {
    const messages = [
      customer('收件人张伟，电话13812345678，寄到浙江省杭州市西湖区文三路199号阳光小区3栋501', reading('calm', 0.1)),
      agent('好的，已经帮您改好了。'),
      customer('快点啊！！我的手机 139 0000 1234 一直打不通你们的电话', reading('angry', 0.8)),
      customer('好的，改到浙江省杭州市西湖区文三路199号就行', reading('calm', 0)),
    ];
    const { yaml, scenario } = build(messages);
    for (const secret of ['13812345678', '139 0000 1234', '文三路199号', '张伟', '阳光小区']) expect(yaml).not.toContain(secret);
    expect(scenario.lines.opening[0]).toBe('收件人张**，电话138****5678，寄到浙江省杭州市西湖区[地址]');
    expect(scenario.lines.hot).toContain('快点啊！！我的手机 139 **** 1234 一直打不通你们的电话');
    expect(scenario.facts.problem).not.toContain('13812345678');
  });

  it('sets the start meters from the opening message: more intense means angrier and less patient', () => {
    const mild = build([customer('怎么还没发货', reading('dissatisfied', 0.2))]).scenario.start;
    const strong = build([customer('怎么还没发货！！！', reading('dissatisfied', 0.9))]).scenario.start;
    expect(strong.anger).toBeGreaterThan(mild.anger);
    expect(strong.patience).toBeLessThan(mild.patience);
    expect(strong.trust).toBeLessThanOrEqual(mild.trust);
  });

  it('gives a second click on the same conversation a new id', () => {
    const first = build(read(LATE_SOFA));
    const second = build(read(LATE_SOFA), new Set([first.id]));
    const third = build(read(LATE_SOFA), new Set([first.id, second.id]));
    expect(second.id).toBe('qa-cs261113abcde-2');
    expect(third.id).toBe('qa-cs261113abcde-3');
    expect(parseScenarioSource(third.yaml).success).toBe(true);
  });

  it('keeps braces in what the customer wrote from being read as {slots}', () => {
    const { scenario } = build([customer('优惠码 {VIP2026} 用不了，{order} 是什么意思？', reading('confused', 0.3))]);
    expect(scenario.lines.opening[0]).toBe('优惠码 ｛VIP2026｝ 用不了，｛order｝ 是什么意思？');
  });

  it('refuses a conversation without a customer message', () => {
    const result = practiseScenarioBuild({ externalId: 'X1', messages: [agent('您好，在的'), { role: 'system', text: '会话已结束' }] }, new Set());
    expect(result).toMatchObject({ success: false, reason: 'no_customer_message' });
  });

  it('builds a valid draft for a calm pre-sale question and for a customer who wrote nothing but 在吗', () => {
    const question = build(read([['customer', '这个乳胶枕是偏硬还是偏软啊，我颈椎不太好'], ['agent', '亲，这款是中等偏软的']]));
    expect(question.scenario).toMatchObject({ family: 'inquiry', goods: 'furniture', facts: { product: '乳胶枕' } });
    const greeting = build(read([['customer', '在吗'], ['agent', '在的亲']]));
    expect(greeting.scenario.lines.opening).toEqual(['在吗']);
    expect(greeting.scenario.facts.product).toBe('这单');
  });
});

describe('practiseStartMeters', () => {
  it.each([
    { whenInputIs: reading('calm', 0), expected: { anger: [5, 20], patience: [70, 80] } },
    { whenInputIs: reading('dissatisfied', 0.5), expected: { anger: [35, 60], patience: [35, 60] } },
    { whenInputIs: reading('angry', 0.9, { riskReasons: ['threat', 'angry'], threats: ['regulator'] }), expected: { anger: [80, 85], patience: [15, 25] } },
  ])('reads $whenInputIs.emotion at $whenInputIs.intensity', ({ whenInputIs, expected }) => {
    const meters = practiseStartMeters(whenInputIs);
    expect(meters.anger).toBeGreaterThanOrEqual(expected.anger[0]!);
    expect(meters.anger).toBeLessThanOrEqual(expected.anger[1]!);
    expect(meters.patience).toBeGreaterThanOrEqual(expected.patience[0]!);
    expect(meters.patience).toBeLessThanOrEqual(expected.patience[1]!);
  });

  it('starts a customer who says they asked before with less patience', () => {
    expect(practiseStartMeters(reading('dissatisfied', 0.5), true).patience).toBeLessThan(practiseStartMeters(reading('dissatisfied', 0.5)).patience);
  });
});

describe('practiseTemperament', () => {
  it.each([
    { whenInputIs: reading('angry', 0.9), expected: 'hostile' },
    { whenInputIs: { ...reading('angry', 0.1), risk: 'low' as const }, expected: 'impatient' },
    { whenInputIs: reading('dissatisfied', 0.6), expected: 'impatient' },
    { whenInputIs: reading('anxious', 0.6), expected: 'hesitant' },
    { whenInputIs: reading('confused', 0.4), expected: 'hesitant' },
    { whenInputIs: reading('disappointed', 0.7), expected: 'hesitant' },
    { whenInputIs: reading('calm', 0), expected: 'expert' },
  ])('reads $whenInputIs.emotion as $expected', ({ whenInputIs, expected }) => {
    expect(practiseTemperament(whenInputIs)).toBe(expected);
  });
});

describe('practiseScenarioId', () => {
  it.each([
    { whenInputIs: 'CS261113BBD35', expected: 'qa-cs261113bbd35' },
    { whenInputIs: 'E2E_008 / 千牛', expected: 'qa-e2e-008' },
    { whenInputIs: '会话一', expected: 'qa-conversation' },
    { whenInputIs: 'ＡＢＣ－１２', expected: 'qa-abc-12' },
  ])('makes $expected of $whenInputIs', ({ whenInputIs, expected }) => {
    expect(practiseScenarioId(whenInputIs, new Set())).toBe(expected);
  });
});

describe('practiseLineOf', () => {
  it('folds line breaks and keeps order numbers', () => {
    expect(practiseLineOf('订单号 3821 9902 7716 5530\n还没发货')).toBe('订单号 3821 9902 7716 5530 还没发货');
  });
});
