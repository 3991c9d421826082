import { conversationTemperature, maskPersonalData, type TEmotion, type TMessageAnalysis, type TNeed } from '@calmdesk/engine';
import type { TContentError } from '@calmdesk/content';
import { parseScenarioSource, type TScenarioFile } from '@calmdesk/content/scenario';

/**
 * "Practise this" (transcript QA, issue 6): one analysed conversation becomes a draft
 * role-play scenario in the format of content/scenarios/FORMAT.md. The customer's own words
 * open the scenario and fill the hot, tense and calmer bands; the engine's reading of them
 * sets the start meters, the temperament and the family; everything else (effects, endings,
 * closing lines) is a sensible default a trainer edits before publishing.
 *
 * Every text taken from the conversation goes through maskPersonalData first, even when the
 * organisation imported with masking off: a practice scenario is read by every trainee.
 * Pure: no database, no clock; the caller passes the ids already taken.
 */

/** The parts of the analyser's reading the builder uses (a stored or recomputed TMessageAnalysis). */
export type TPractiseReading = Pick<TMessageAnalysis, 'emotion' | 'intensity' | 'risk' | 'needs' | 'threats' | 'riskReasons'>;

export type TPractiseMessage = {
  role: 'customer' | 'agent' | 'system';
  text: string;
  /** The analyser's reading for customer messages; null (or absent) for the others. */
  reading?: TPractiseReading | null;
};

export type TPractiseSource = {
  /** The conversation id of the chat tool (会话ID): the scenario id is made from it. */
  externalId: string;
  shop?: string | null;
  messages: readonly TPractiseMessage[];
};

export type TPractiseScenario = { id: string; yaml: string; scenario: TScenarioFile };

export type TPractiseResult = { success: true; data: TPractiseScenario } | { success: false; reason: 'no_customer_message' | 'invalid'; errors: TContentError[] };

type TText = { zh: string; en: string };
type TTemperament = TScenarioFile['temperament'];
type TFamily = TScenarioFile['family'];
type TGoods = TScenarioFile['goods'];
type TMeters = TScenarioFile['start'];

/** Prefix of every generated id, so drafts made from conversations sort together and never hit a built-in id. */
export const PRACTISE_ID_PREFIX = 'qa-';
/** Longest id body taken from the conversation id (ids end up in URLs and file names). */
const MAX_ID_BODY = 40;
/** Longest customer line kept: a chat message can be a pasted paragraph; a line is spoken. */
const MAX_LINE_CHARS = 160;
/** Real customer lines kept per band; the rest of the conversation is usually repetition. */
const MAX_LINES_PER_BAND = 4;
/** A band line needs variety: when the conversation gives fewer, written defaults are added up to this. */
const MIN_LINES_PER_BAND = 2;
/**
 * Temperature bands (conversationTemperature: emotion + intensity + risk, 0..100), the same
 * cut-offs as the simulator's anger bands (hot ≥ 70, tense 40–69, calmer < 40).
 */
const HOT_AT = 70;
const TENSE_AT = 40;
/**
 * A hot line also needs some intensity of its own (or a threat or insult): after a row of angry
 * messages the analyser reads a flat "那我等到6点" as angry too, and it is no outburst.
 */
const HOT_MIN_INTENSITY = 0.4;
/** Start anger stays under the escalation threshold so the first reply decides, not the file. */
const MAX_START_ANGER = 85;

/** A message that only opens the chat: it says nothing a trainee could answer. */
const GREETING_ONLY = /^(?:(?:宝子|宝宝|亲亲|亲|老板|客服|小姐姐|还|在吗|在么|在不在|你好|您好|哈喽|hello|hi|有人吗|有人在吗|人工|转人工)[?？!！。，,.～~\s]*)+$/i;

// ---------------------------------------------------------------------------------------
// Words: labels of the engine's codes, goods and product nouns.

const EMOTION_TEXT: Record<TEmotion, TText> = {
  calm: { zh: '平静', en: 'calm' },
  confused: { zh: '困惑', en: 'confused' },
  anxious: { zh: '着急担心', en: 'anxious' },
  disappointed: { zh: '失望', en: 'disappointed' },
  dissatisfied: { zh: '不满', en: 'dissatisfied' },
  angry: { zh: '愤怒', en: 'angry' },
  positive: { zh: '满意', en: 'pleased' },
};

const NEED_TEXT: Record<TNeed, TText> = {
  refund: { zh: '退款', en: 'a refund' },
  return: { zh: '退货', en: 'a return' },
  exchange: { zh: '换货', en: 'an exchange' },
  repair: { zh: '维修', en: 'a repair' },
  apology: { zh: '一个道歉', en: 'an apology' },
  compensation: { zh: '补偿', en: 'compensation' },
  delivery: { zh: '尽快收到货', en: 'the parcel delivered soon' },
  invoice: { zh: '开发票', en: 'an invoice' },
  information: { zh: '问清楚情况', en: 'a clear answer' },
  cancel: { zh: '取消订单', en: 'the order cancelled' },
  price: { zh: '价格上的说法', en: 'a fair price' },
  modify_order: { zh: '修改订单', en: 'the order changed' },
  human: { zh: '找能做主的人处理', en: 'someone who can decide' },
};

/** What counts as solved, per need: the first ones seen become acceptable_outcomes. */
const NEED_OUTCOME: Partial<Record<TNeed, TText>> = {
  refund: { zh: '说明退款金额和到账时间，当场提交退款', en: 'Submit the refund now and say how much and when it arrives' },
  return: { zh: '安排退货（上门取件或运费说明）并给出退款时间', en: 'Arrange the return (pickup or who pays the postage) and say when the refund follows' },
  exchange: { zh: '安排换货并给出发出新货的时间', en: 'Arrange the exchange and say when the replacement ships' },
  repair: { zh: '安排维修或上门检测，约定具体时间', en: 'Arrange a repair or a visit at an agreed time' },
  compensation: { zh: '给出合理的补偿并说明如何发放', en: 'Offer fair compensation and say how it is given' },
  delivery: { zh: '查清物流并承诺具体的送达或回复时间', en: 'Trace the parcel and commit to a delivery or call-back time' },
  invoice: { zh: '确认开票信息并说明开出时间', en: 'Confirm the invoice details and say when it is issued' },
  information: { zh: '准确回答顾客的问题，顾客表示明白了', en: 'Answer the question accurately until the customer says it is clear' },
  cancel: { zh: '说明取消或挽留的方案，顾客接受', en: 'Explain cancelling or a reason to stay, and the customer accepts' },
  price: { zh: '说明价格规则并给出能做到的优惠', en: 'Explain the pricing and offer what the shop can do' },
  modify_order: { zh: '修改订单信息并确认已生效', en: 'Change the order and confirm it took effect' },
  human: { zh: '请主管或专员接手，约定回电时间', en: 'Hand over to a supervisor or specialist with a call-back time' },
};
const GENERIC_OUTCOME: TText = { zh: '给出带时间的具体处理方案，顾客接受', en: 'A concrete plan with a time that the customer accepts' };

/**
 * Product nouns by kind of goods, longest first inside each kind. Chosen from the goods an
 * e-commerce service desk sells most (home, electronics, clothing, food, beauty, baby).
 */
const GOODS_WORDS: readonly (readonly [TGoods, readonly string[]])[] = [
  ['appliances', ['空气炸锅', '电饭煲', '电热水壶', '热水壶', '洗衣机', '扫地机器人', '扫地机', '吹风机', '电风扇', '破壁机', '微波炉', '净水器', '冰箱', '空调', '烤箱', '风扇', '电视', '榨汁机', '豆浆机', '油烟机', '热水器', '电热毯', '马桶盖', '电动牙刷', '投影仪', '香薰机', '加湿器']],
  ['electronics', ['充电宝', '充电器', '数据线', '蓝牙音箱', '音箱', '耳机', '手机', '电脑', '笔记本', '平板', '手表', '手环', '相机', '键盘', '鼠标', '显示器', '路由器']],
  ['furniture', ['四件套', '乳胶枕', '床垫', '床笠', '沙发套', '沙发', '衣柜', '书桌', '餐桌', '餐椅', '茶几', '椅子', '柜子', '桌子', '枕头', '抱枕', '羽绒被', '被子', '床单', '窗帘', '地毯', '台灯', '落地灯', '吊灯']],
  ['clothing', ['羽绒服', '连衣裙', '外套', '衬衫', 'T恤', '卫衣', '毛衣', '裤子', '裙子', '鞋子', '运动鞋', '拖鞋', '靴子', '帽子', '衣服']],
  ['food', ['坚果', '水果', '零食', '茶叶', '咖啡', '牛奶', '大米', '蜂蜜', '月饼', '礼盒', '车厘子', '橙子', '苹果']],
  ['cosmetics', ['面霜', '精华', '面膜', '口红', '粉底', '防晒', '洗面奶', '爽肤水', '乳液', '香水', '护肤品']],
  ['baby', ['婴儿车', '推车', '奶粉', '纸尿裤', '尿不湿', '奶瓶', '安全座椅', '辅食']],
  ['other', ['杯子', '保温杯', '行李箱', '雨伞', '书包', '玩具']],
];
/** Characters that end a product name read leftwards: "我买的电饭煲" → 电饭煲, "这个乳胶枕" → 乳胶枕. */
const PRODUCT_STOP = new Set([...'我你他她它们的了在是到要给寄送把请帮吗呢吧啊哦嗯呀就还也去说这那个有没不想能以买款件台只双条套些个份，。！？、,.!? ：:']);
/** Longest modifier kept before a product noun (三人位沙发, 高低款乳胶枕). */
const MAX_PRODUCT_MODIFIER = 4;

const PERSONA_NAMES = ['周女士', '陈先生', '林女士', '赵先生', '吴女士', '孙先生', '郑女士', '王先生'];

const PERSONA_TEXT: Record<TTemperament, TText> = {
  hostile: {
    zh: '来自一通真实对话的顾客：说话冲、带着火气，觉得自己被怠慢了，稍有推诿就会升级投诉。',
    en: 'A customer from a real conversation: blunt and angry, feels neglected, and escalates at the first sign of blame-shifting.',
  },
  impatient: {
    zh: '来自一通真实对话的顾客：着急、没耐心，不想听套话，只想知道什么时候能解决。',
    en: 'A customer from a real conversation: in a hurry and short of patience; no stock phrases, only when it will be solved.',
  },
  hesitant: {
    zh: '来自一通真实对话的顾客：担心、拿不准，说话客气但心里没底，需要有人把情况讲清楚。',
    en: 'A customer from a real conversation: worried and unsure, polite but uneasy, needs someone to explain things clearly.',
  },
  expert: {
    zh: '来自一通真实对话的顾客：心平气和但问得细，含糊的回答会让他失去信任。',
    en: 'A customer from a real conversation: calm but precise; vague answers cost their trust.',
  },
};

// ---------------------------------------------------------------------------------------
// Default lines (written for these drafts): by tone, fiery (hostile, impatient) or soft (hesitant, expert).

type TDefaultLines = { hot: string[]; tense: string[]; calmer: string[]; resolved: string[]; escalated: string[]; leaves: string[]; out_of_turns: string[]; reactions: Record<string, string[]> };

const FIERY_LINES: TDefaultLines = {
  hot: ['别跟我说套话，{product}的事今天到底能不能解决？', '我已经很有耐心了，你们再这样我直接投诉。'],
  tense: ['那你说，具体什么时候能给我答复？', '你先别让我等，告诉我现在怎么处理。'],
  calmer: ['行，那就按你说的来，到点我看结果。', '好吧，你把时间给我定下来。'],
  resolved: ['行，就这么办，希望这次别再出问题。', '好，这个处理我能接受，谢谢。'],
  escalated: ['不用说了，我直接找平台投诉。', '这态度我没法接受，差评和投诉你们等着吧。'],
  leaves: ['算了，懒得跟你们说了，直接退款。', '行了，我不等了，以后不会再来了。'],
  out_of_turns: ['说了半天还是没个准话，我先等着，没结果我就投诉。', '我不跟你耗了，给我个结果再说。'],
  reactions: {
    blame_shift: ['我是在你们店买的，别跟我推给别人。'],
    cold_stock: ['又是这句，你们客服只会说这个吗？'],
    excuse: ['忙不是理由，我要的是解决办法。'],
    plan_with_time: ['这还差不多，时间我记下了。'],
    apology: ['道歉有用的话就不用找你了，说怎么办。'],
    pause: ['快点，别让我等太久。'],
  },
};

const SOFT_LINES: TDefaultLines = {
  hot: ['我是真的有点着急了，{product}这样我不知道该怎么办。', '说好的事情一直没下文，我有点不敢相信了。'],
  tense: ['那这样能行吗？我还是有点担心。', '能不能说得具体一点？我怕又没有下文。'],
  calmer: ['嗯，这样说我就明白了。', '好的，那我等你的消息。'],
  resolved: ['好的，那就这么办，谢谢你帮我跟进。', '这样我就放心了，麻烦你了。'],
  escalated: ['我本来不想闹的……算了，我还是去平台问问吧。', '我好好说你们也不当回事，那只能找平台介入了。'],
  leaves: ['那算了吧，我去别家看看。', '好吧，我也不问了，就这样吧。'],
  out_of_turns: ['那我先不打扰了，有结果再告诉我吧。', '我先下了，晚点再来问问。'],
  reactions: {
    blame_shift: ['可东西是在你们这里买的呀，我也不知道该找谁……'],
    cold_stock: ['上次也是这么说的……'],
    plan_with_time: ['哦，这样就有个准了。'],
    clarifying_question: ['嗯……你看哪种更合适？'],
    apology: ['没事，说清楚就好。'],
    pause: ['好的，不着急，你慢慢查。'],
  },
};

// ---------------------------------------------------------------------------------------
// Reading the conversation.

/**
 * One line of customer speech as a scenario may hold it: personal data masked, whitespace
 * and control characters folded (a pasted address spans lines), braces made full-width so
 * they are never read as {slots}, long messages cut.
 * @param text the message as stored
 * @returns the masked, tidied line ('' when nothing is left)
 */
export function practiseLineOf(text: string): string {
  const masked = maskPersonalData(text).text;
  // eslint-disable-next-line no-control-regex
  const tidy = masked.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').replace(/\{/g, '｛').replace(/\}/g, '｝').trim();
  return tidy.length > MAX_LINE_CHARS ? `${tidy.slice(0, MAX_LINE_CHARS - 1)}…` : tidy;
}

/** The first `max` characters of a line, with … when cut. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

const FALLBACK_READING: TPractiseReading = { emotion: 'calm', intensity: 0, risk: 'low', needs: [], threats: [], riskReasons: ['calm'] };

type TCustomerLine = { index: number; text: string; reading: TPractiseReading; temperature: number; isGreeting: boolean };

/** Risk reasons that come from the message itself, not from the messages before it. */
const OWN_RISK_REASONS: ReadonlySet<string> = new Set(['threat', 'insult', 'angry', 'repeat_unresolved']);

/**
 * How hot the message itself reads: its temperature, except that a high risk earned only from
 * the upset messages before it (escalating_context) counts as medium, so a resigned
 * "那好吧" after a row of complaints is not filed with the threats.
 */
function lineTemperature(reading: TPractiseReading): number {
  const isContextOnly = reading.risk === 'high' && !reading.riskReasons.some((reason) => OWN_RISK_REASONS.has(reason));
  return conversationTemperature(isContextOnly ? { ...reading, risk: 'medium' } : reading);
}

function customerLines(messages: readonly TPractiseMessage[]): TCustomerLine[] {
  const lines: TCustomerLine[] = [];
  messages.forEach((message, index) => {
    if (message.role !== 'customer') return;
    const text = practiseLineOf(message.text);
    if (text === '') return;
    const reading = message.reading ?? FALLBACK_READING;
    lines.push({ index, text, reading, temperature: lineTemperature(reading), isGreeting: GREETING_ONLY.test(text) || [...text].length < 2 });
  });
  return lines;
}

/**
 * The opening: the first customer message with content (a bare 在吗 is skipped), with the
 * rest of that customer turn (up to three messages) when it says more.
 * @returns the opening line and the customer lines it used
 */
function openingOf(messages: readonly TPractiseMessage[], lines: readonly TCustomerLine[]): { text: string; used: Set<number>; first: TCustomerLine } {
  const first = lines.find((line) => !line.isGreeting) ?? lines[0]!;
  const used = new Set([first.index]);
  const parts = [first.text];
  for (let i = first.index + 1; i < messages.length && parts.length < 3; i += 1) {
    if (messages[i]!.role !== 'customer') break;
    const next = lines.find((line) => line.index === i);
    if (!next || next.isGreeting) continue;
    parts.push(next.text);
    used.add(i);
  }
  return { text: clip(parts.join(' '), MAX_LINE_CHARS), used, first };
}

/**
 * Start meters from the engine's reading of the opening message. Anger follows its
 * temperature and intensity; patience falls with both; trust starts lower the angrier the
 * customer is. The weights put a furious threat near 85/22/16, a plain question near 15/53/70.
 * @param reading the opening message's reading
 * @param isRepeatContact the customer says they asked before: patience starts lower
 * @returns meters 0..100
 */
export function practiseStartMeters(reading: TPractiseReading, isRepeatContact = false): TMeters {
  const clampTo = (min: number, max: number, x: number) => Math.max(min, Math.min(max, Math.round(x)));
  const temperature = conversationTemperature(reading);
  const anger = clampTo(5, MAX_START_ANGER, 0.75 * temperature + 20 * reading.intensity);
  const patience = clampTo(15, 80, 80 - 0.35 * temperature - 35 * reading.intensity - (isRepeatContact ? 10 : 0));
  const trust = clampTo(15, 55, 60 - 0.45 * anger);
  return { anger, trust, patience };
}

/**
 * The temperament from the customer's hottest message: anger (or threats and insults at a
 * high temperature) reads as hostile, a milder anger or complaint as impatient, worry,
 * confusion and let-down as hesitant, and a calm customer with questions as expert.
 */
export function practiseTemperament(peak: TPractiseReading): TTemperament {
  const temperature = conversationTemperature(peak);
  const isThreatening = peak.riskReasons.includes('threat') || peak.riskReasons.includes('insult');
  if (peak.emotion === 'angry' || isThreatening) return temperature >= 75 ? 'hostile' : 'impatient';
  if (peak.emotion === 'dissatisfied') return 'impatient';
  if (peak.emotion === 'anxious' || peak.emotion === 'confused' || peak.emotion === 'disappointed') return 'hesitant';
  return 'expert';
}

function familyOf(lines: readonly TCustomerLine[], needs: readonly TNeed[], opening: TCustomerLine, peakTemperature: number): TFamily {
  if (lines.some((line) => line.reading.riskReasons.includes('repeat_unresolved'))) return 'follow_up';
  if (needs.includes('cancel')) return 'retention';
  const isCalmStart = opening.reading.emotion === 'calm' || opening.reading.emotion === 'confused' || opening.reading.emotion === 'positive';
  if (isCalmStart && peakTemperature < TENSE_AT) return 'inquiry';
  return 'complaint';
}

/** The first product noun the customer names, with its modifier, and the kind of goods. */
function productOf(lines: readonly TCustomerLine[]): { product: string | null; goods: TGoods } {
  for (const line of lines) {
    let best: { at: number; word: string; goods: TGoods } | null = null;
    for (const [goods, words] of GOODS_WORDS) {
      for (const word of words) {
        const at = line.text.indexOf(word);
        if (at >= 0 && (best === null || at < best.at || (at === best.at && word.length > best.word.length))) best = { at, word, goods };
      }
    }
    if (!best) continue;
    let from = best.at;
    while (from > 0 && best.at - from < MAX_PRODUCT_MODIFIER && !PRODUCT_STOP.has(line.text[from - 1]!) && /[\u4e00-\u9fffA-Za-z0-9]/.test(line.text[from - 1]!)) from -= 1;
    return { product: line.text.slice(from, best.at + best.word.length), goods: best.goods };
  }
  return { product: null, goods: 'other' };
}

/** An order number the customer or agent wrote after 订单号/单号 (masking keeps these). */
function orderOf(texts: readonly string[]): string | null {
  for (const text of texts) {
    const match = /(?:订单编号|订单号|订单|单号)[:：\s]*([0-9][0-9 -]{6,30}[0-9])/.exec(text);
    if (match) return match[1]!.trim();
  }
  return null;
}

/**
 * The scenario id: qa- + the conversation id in kebab-case, then -2, -3 … until it is free.
 * @param externalId the chat tool's conversation id
 * @param taken ids already used (built-in and the organisation's own)
 */
export function practiseScenarioId(externalId: string, taken: ReadonlySet<string>): string {
  const body =
    externalId
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_ID_BODY)
      .replace(/-+$/, '') || 'conversation';
  const base = `${PRACTISE_ID_PREFIX}${body}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Real lines first (deduplicated), then defaults until the band has MIN_LINES_PER_BAND. */
function band(real: readonly string[], defaults: readonly string[]): string[] {
  const lines = [...new Set(real)].slice(0, MAX_LINES_PER_BAND);
  for (const line of defaults) if (lines.length < MIN_LINES_PER_BAND && !lines.includes(line)) lines.push(line);
  return lines;
}

// ---------------------------------------------------------------------------------------
// Writing the YAML.

/** A YAML double-quoted scalar: JSON's string syntax is a subset of it. */
const q = (text: string) => JSON.stringify(text);
const textBlock = (key: string, text: TText, indent = '') => `${indent}${key}:\n${indent}  zh: ${q(text.zh)}\n${indent}  en: ${q(text.en)}`;
const flowMap = (entries: Record<string, number | string | readonly string[]>) =>
  `{ ${Object.entries(entries)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : typeof v === 'string' ? q(v) : v}`)
    .join(', ')} }`;
const list = (key: string, items: readonly string[], indent: string) => `${indent}${key}:\n${items.map((item) => `${indent}  - ${q(item)}`).join('\n')}`;

type TEffects = Record<string, { anger?: number; trust?: number; patience?: number }>;

/**
 * Default effects: the format's reference values, with blame, denial and contempt weighing
 * more for a hostile customer and understanding (paraphrase, questions) earning more trust
 * from a hesitant one, as in the hand-written scenarios of the same temperament.
 */
function effectsFor(temperament: TTemperament): TEffects {
  const isHostile = temperament === 'hostile';
  const isSoft = temperament === 'hesitant' || temperament === 'expert';
  return {
    acknowledge: { anger: -8, trust: 5 },
    apology: { anger: -10, trust: 6 },
    paraphrase: { anger: -3, trust: isSoft ? 10 : 7 },
    clarifying_question: { trust: isSoft ? 7 : 3, patience: -4 },
    plan_with_time: { anger: -15, trust: 15, patience: 10 },
    compensation: { anger: -8, trust: 8 },
    pause: { patience: -5 },
    escalation: { anger: -6, trust: 6 },
    excuse: { anger: 15, trust: -10 },
    blame_shift: { anger: isHostile ? 30 : 22, trust: -15 },
    command: { anger: isHostile ? 20 : 15, trust: -10 },
    denial: { anger: isHostile ? 30 : 22, trust: -15 },
    rhetorical: { anger: isHostile ? 25 : 20, trust: -10 },
    contempt: { anger: isHostile ? 35 : 28, trust: -20 },
    cold_stock: { anger: 10, patience: -10 },
    over_promise: { anger: 3, trust: -10 },
    privacy_leak: { anger: 20, trust: -20 },
    no_progress: { patience: isSoft ? -10 : -12 },
  };
}

/**
 * Builds the draft scenario of one conversation and checks it with the scenario validator.
 * @param source the conversation: its id, shop and messages with the analyser's readings
 * @param taken scenario ids already used in the organisation (and the built-in ones)
 * @returns the id, YAML and parsed scenario; or why not (no customer message, or a validator error, which would be a bug here)
 */
export function practiseScenarioBuild(source: TPractiseSource, taken: ReadonlySet<string>): TPractiseResult {
  const lines = customerLines(source.messages);
  if (lines.length === 0) return { success: false, reason: 'no_customer_message', errors: [{ file: 'conversation', path: 'messages', message: 'the conversation has no customer message' }] };

  const opening = openingOf(source.messages, lines);
  const peak = lines.reduce((hottest, line) => (line.temperature > hottest.temperature ? line : hottest), opening.first);
  const needs = [...new Set(lines.flatMap((line) => line.reading.needs))];
  const mainNeeds = needs.filter((need) => need !== 'information');
  const statedNeeds = (mainNeeds.length > 0 ? mainNeeds : needs).slice(0, 2);
  const isRepeatContact = lines.some((line) => line.reading.riskReasons.includes('repeat_unresolved'));
  const threats = [...new Set(lines.flatMap((line) => line.reading.threats))];

  const start = practiseStartMeters(opening.first.reading, isRepeatContact);
  const temperament = practiseTemperament(peak.reading);
  const family = familyOf(lines, needs, opening.first, peak.temperature);
  const difficulty = start.anger >= 65 ? 3 : start.anger >= 40 ? 2 : 1;
  const defaults = temperament === 'hostile' || temperament === 'impatient' ? FIERY_LINES : SOFT_LINES;
  const id = practiseScenarioId(source.externalId, taken);

  const allTexts = source.messages.map((m) => practiseLineOf(m.text));
  const { product, goods } = productOf(lines);
  const order = orderOf(allTexts);
  const shop = source.shop ? practiseLineOf(source.shop) : '';
  const problem = clip(opening.text, 60);
  const needText: TText =
    statedNeeds.length > 0 ? { zh: statedNeeds.map((need) => NEED_TEXT[need].zh).join('、'), en: statedNeeds.map((need) => NEED_TEXT[need].en).join(' and ') } : { zh: '把问题解决', en: 'the problem solved' };
  // Without a product noun the lines still read: "这单的事今天到底能不能解决？"
  const facts: Record<string, string> = { product: product ?? '这单', problem, need: needText.zh };
  if (order) facts.order = order;
  if (shop) facts.shop = shop;

  // The customer's other lines, by how hot each message was; pleased ones close the scenario.
  const rest = lines.filter((line) => !opening.used.has(line.index) && !line.isGreeting && line.text !== opening.text);
  const hottestFirst = [...rest].sort((a, b) => b.temperature - a.temperature);
  const isHot = (line: TCustomerLine) => line.temperature >= HOT_AT && (line.reading.intensity >= HOT_MIN_INTENSITY || line.reading.riskReasons.includes('threat') || line.reading.riskReasons.includes('insult'));
  const hot = hottestFirst.filter(isHot).map((line) => line.text);
  const tense = hottestFirst.filter((line) => line.temperature >= TENSE_AT && !isHot(line)).map((line) => line.text);
  const calmer = rest.filter((line) => line.temperature < TENSE_AT && line.reading.emotion !== 'positive').map((line) => line.text);
  const pleased = rest.filter((line) => line.reading.emotion === 'positive').map((line) => line.text);

  const emotion = EMOTION_TEXT[opening.first.reading.emotion];
  const mood: TText =
    peak.reading.emotion === opening.first.reading.emotion
      ? { zh: `一直是${emotion.zh}`, en: `stayed ${emotion.en}` }
      : { zh: `从${emotion.zh}到${EMOTION_TEXT[peak.reading.emotion].zh}`, en: `went from ${emotion.en} to ${EMOTION_TEXT[peak.reading.emotion].en}` };
  const title: TText = { zh: `真实对话练习：${clip(opening.text, 18)}`, en: `Practice from a real chat: the customer wants ${needText.en}` };
  const summary: TText = {
    zh: `由对话质检中的一通真实对话（${source.externalId}）生成。顾客开口就说“${clip(opening.text, 40)}”，引擎读到的情绪是${emotion.zh}，诉求是${needText.zh}。练习先接住情绪、复述诉求，再给出带时间的具体方案。`,
    en: `Made from a real conversation (${source.externalId}) in transcript QA. The customer opens with "${clip(opening.text, 40)}"; the engine reads them as ${emotion.en} and wanting ${needText.en}. Practise acknowledging the feeling, restating the need, then giving a concrete plan with a time.`,
  };
  const where = shop ? `${shop}，` : '';
  const situation: TText = {
    zh: `改编自一通真实对话（${where}会话 ${source.externalId}，顾客原话已脱敏）。${product ? `商品：${product}。` : ''}${order ? `订单号 ${order}。` : ''}顾客的问题：${problem}。对话中顾客的情绪${mood.zh}${threats.length > 0 ? '，还提到了投诉或差评' : ''}。发布前请补上店铺能给的方案。`,
    en: `Adapted from a real conversation (${shop ? `${shop}, ` : ''}chat ${source.externalId}; the customer's words are masked).${product ? ` Item: ${product}.` : ''}${order ? ` Order ${order}.` : ''} The customer's problem, in their words: ${problem}. Their mood ${mood.en}${threats.length > 0 ? ', and they mentioned a complaint or a bad review' : ''}. Add what the shop can offer before publishing.`,
  };
  const need: TText = { zh: `${needText.zh}；并且希望客服先接住情绪，说清楚什么时候、怎么解决。`, en: `${needText.en[0]!.toUpperCase()}${needText.en.slice(1)}; and an agent who first takes the feeling seriously, then says how and by when it will be solved.` };
  const outcomes = [...statedNeeds.flatMap((n) => (NEED_OUTCOME[n] ? [NEED_OUTCOME[n]] : [])), GENERIC_OUTCOME].slice(0, 3);
  const persona = { name: PERSONA_NAMES[[...source.externalId].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % PERSONA_NAMES.length]!, description: PERSONA_TEXT[temperament] };
  const ending = {
    escalated: { anger_at_least: Math.min(100, Math.max(88, start.anger + 10)) },
    leaves: { patience_at_most: temperament === 'hesitant' ? 5 : 0 },
    resolved: { anger_at_most: 35, trust_at_least: 60, needs: ['plan_with_time'] },
  };
  const maxTurns = Math.max(6, Math.min(12, lines.length + 3));
  const effects = effectsFor(temperament);

  const yaml = [
    `# 草稿：由对话质检中的真实对话 ${source.externalId.replace(/[\r\n]/g, ' ')} 生成，顾客原话已脱敏。`,
    '# 发布前请核对 facts 和台词，补上店铺能给的方案（可加 offer 并在台词里用 {offer}）。',
    `id: ${id}`,
    textBlock('title', title),
    textBlock('summary', summary),
    `family: ${family}`,
    `temperament: ${temperament}`,
    `difficulty: ${difficulty}`,
    `goods: ${goods}`,
    'persona:',
    `  name: ${q(persona.name)}`,
    textBlock('description', persona.description, '  '),
    'facts:',
    ...Object.entries(facts).map(([key, value]) => `  ${key}: ${q(value)}`),
    textBlock('situation', situation),
    textBlock('need', need),
    'acceptable_outcomes:',
    ...outcomes.map((outcome) => `  - ${flowMap({ zh: outcome.zh, en: outcome.en })}`),
    `start: ${flowMap(start)}`,
    `max_turns: ${maxTurns}`,
    '',
    'effects:',
    ...Object.entries(effects).map(([move, effect]) => `  ${`${move}:`.padEnd(21)}${flowMap(effect)}`),
    '',
    'ending:',
    `  escalated: ${flowMap(ending.escalated)}`,
    `  leaves:    ${flowMap(ending.leaves)}`,
    `  resolved:  ${flowMap(ending.resolved)}`,
    '',
    'lines:',
    list('opening', [opening.text], '  '),
    list('hot', band(hot, defaults.hot), '  '),
    list('tense', band(tense, defaults.tense), '  '),
    list('calmer', band(calmer, defaults.calmer), '  '),
    list('resolved', band(pleased, defaults.resolved), '  '),
    list('escalated', defaults.escalated, '  '),
    list('leaves', defaults.leaves, '  '),
    list('out_of_turns', defaults.out_of_turns, '  '),
    '  reactions:',
    ...Object.entries(defaults.reactions).map(([move, reactions]) => list(move, reactions, '    ')),
    '',
  ].join('\n');

  const parsed = parseScenarioSource(yaml);
  if (!parsed.success) return { success: false, reason: 'invalid', errors: parsed.errors };
  return { success: true, data: { id, yaml, scenario: parsed.data } };
}
