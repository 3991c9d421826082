import type { TEngineResources } from '../src/lexicon.js';

/**
 * A tiny lexicon for unit tests (wink-nlp's test-model idea): each rule is exercised by a
 * term chosen for it, independent of the product lexicon in content/.
 */
export const TEST_RESOURCES: TEngineResources = {
  t2s: new Map([
    ['們', '们'],
    ['貨', '货'],
    ['還', '还'],
    ['沒', '没'],
    ['滿', '满'],
    ['氣', '气'],
    ['請', '请'],
    ['問', '问'],
  ]),
  customer: {
    emotions: {
      angry: [{ term: '气死', weight: 0.9 }, { term: 'furious', weight: 0.9 }],
      dissatisfied: [{ term: '不满意', weight: 0.7 }, { term: '太慢', weight: 0.5 }],
      disappointed: [{ term: '失望', weight: 0.8 }],
      anxious: [{ term: '着急', weight: 0.7 }, { term: '担心', weight: 0.6 }],
      confused: [{ term: '不明白', weight: 0.7 }, { term: '怎么用', weight: 0.6 }],
      positive: [{ term: '满意', weight: 0.7 }, { term: '谢谢', weight: 0.6 }, { term: 'happy', weight: 0.7 }],
      calm: [{ term: '请问', weight: 0.3 }],
    },
    intensifiers: [{ term: '非常', factor: 1.5 }, { term: 'very', factor: 1.4 }],
    diminishers: [{ term: '有点', factor: 0.6 }],
    negators: ['不是', '没有', '不用', '不', '没', 'not'],
    need_cancellers: ['不用'],
    insults: [{ term: '骗子', weight: 1 }],
    threats: { review: ['差评'], regulator: ['12315'], platform: ['平台介入'] },
    needs: { refund: ['退款', 'refund'], delivery: ['发货', '物流'], information: ['请问'] },
    urgency: ['马上', '今天必须'],
    repeat_contact: ['re:第[二三四五六七八九十两几\\d]+次'],
    unresolved: ['还没解决', '还没'],
    rhetorical: ['凭什么', 're:你们(是)?怎么.{0,6}的'],
    sarcasm: ['呵呵'],
    emoji: [{ term: '😡', emotion: 'angry', weight: 0.8 }, { term: '[流泪]', emotion: 'disappointed', weight: 0.6 }],
  },
  reply: {
    issues: {
      denial: { explanation: { zh: '否认', en: 'denial' }, severity: 'avoid', terms: ['不可能'] },
      excuse: { explanation: { zh: '借口', en: 'excuse' }, severity: 'revise', terms: ['单量大'] },
      blame_shift: { explanation: { zh: '推卸', en: 'blame' }, severity: 'avoid', terms: ['快递的问题', "not our fault"] },
      command: { explanation: { zh: '命令', en: 'command' }, severity: 'avoid', terms: ['你必须', 're:自己(去)?看'] },
      rhetorical: { explanation: { zh: '反问', en: 'rhetorical' }, severity: 'avoid', terms: ['您没看'] },
      contempt: { explanation: { zh: '轻视', en: 'contempt' }, severity: 'avoid', terms: ['爱买不买'] },
      over_promise: { explanation: { zh: '过度承诺', en: 'over-promise' }, severity: 'avoid', terms: ['保证'] },
      cold_stock: { explanation: { zh: '套话', en: 'stock' }, severity: 'revise', terms: ['请耐心等待'] },
      privacy_leak: { explanation: { zh: '隐私', en: 'privacy' }, severity: 'avoid', terms: ['re:1[3-9]\\d{9}'] },
    },
    signals: {
      acknowledge: ['理解您', '着急了'],
      apology: ['抱歉', 'sorry'],
      next_step: ['为您补发', '帮您申请'],
      time: ['今天', 're:\\d+(分钟|小时)内'],
      paraphrase: ['您是说'],
      pause: ['稍等'],
      escalation: ['主管'],
      compensation: ['优惠券'],
    },
  },
  phrases: [
    { id: 'empathy-1', purpose: 'empathy', situations: ['general'], emotions: ['angry', 'anxious'], zh: '换作是我也会着急。', en: "I'd be worried too." },
    { id: 'apology-1', purpose: 'apology', situations: ['general'], emotions: ['angry'], zh: '是我们没做好，非常抱歉。', en: 'We got this wrong; I am sorry.' },
    { id: 'plan-1', purpose: 'plan', situations: ['delivery_delay'], emotions: ['anxious'], zh: '我今天18点前给您回复物流结果。', en: 'I will update you on the parcel by 6 pm today.' },
    { id: 'plan-2', purpose: 'plan', situations: ['general'], emotions: ['angry'], zh: '我2小时内给您处理结果。', en: 'You will have the result within 2 hours.' },
    { id: 'plan-3', purpose: 'plan', situations: ['general'], emotions: ['calm'], zh: '稍后告诉您。', en: 'I will tell you later.', replaces: ['blame_shift', 'cold_stock'] },
  ],
  models: {},
};
