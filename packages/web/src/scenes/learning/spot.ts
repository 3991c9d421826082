/**
 * "Spot the language" (找出不当用语): sample agent replies, most with language to avoid, one
 * done well. The learner marks the clauses that would hurt, compares with the key, then asks
 * the engine (POST /api/analyze/reply) to check the reply as written or as rewritten. The
 * samples are Chinese (the language the agents work in); the English lines are glosses.
 */

/** Why a phrase hurts. The engine has its own vocabulary; these are the lesson's words. */
export const SPOT_CATEGORIES = ['blame_shift', 'excuse', 'rhetorical', 'lecture', 'denial', 'command', 'cold_stock', 'over_promise'] as const;
export type TSpotCategory = (typeof SPOT_CATEGORIES)[number];

export interface TSpotSample {
  id: string;
  /** The customer's message the reply answers (sent to the engine with it). */
  customer: { zh: string; en: string };
  reply: { zh: string; en: string };
  /** Phrases of the Chinese reply to avoid, each inside one clause. Empty for the good sample. */
  problems: { phrase: string; category: TSpotCategory }[];
  /** A better reply to the same message. */
  better: string;
}

export const SPOT_SAMPLES: readonly TSpotSample[] = [
  {
    id: 'late-parcel',
    customer: { zh: '快递一个星期了还没到，你们到底发没发货？', en: 'It has been a week and the parcel still has not come. Did you even ship it?' },
    reply: {
      zh: '亲，包裹已经发出了，物流慢是快递那边的问题，我们也没办法，您再耐心等等吧。',
      en: "Dear, the parcel has shipped. Slow delivery is the courier's problem, there is nothing we can do, please just wait a bit longer.",
    },
    problems: [
      { phrase: '是快递那边的问题', category: 'blame_shift' },
      { phrase: '我们也没办法', category: 'excuse' },
      { phrase: '您再耐心等等吧', category: 'cold_stock' },
    ],
    better: '等了一个星期还没收到，换谁都着急，真抱歉。我查到包裹停在中转站两天了，现在就联系快递核实，30 分钟内给您回复；如果明天还没有动静，我们直接给您补发。',
  },
  {
    id: 'dress-size',
    customer: { zh: '这裙子怎么比平时穿的码小这么多？根本穿不上！', en: 'Why is this dress so much smaller than my usual size? I cannot get into it at all!' },
    reply: {
      zh: '详情页尺码表写得很清楚，您下单前没看吗？建议您下次先量好尺寸再买。',
      en: 'The size chart on the product page is very clear. Did you not read it before ordering? Next time measure yourself before you buy.',
    },
    problems: [
      { phrase: '您下单前没看吗', category: 'rhetorical' },
      { phrase: '建议您下次先量好尺寸再买', category: 'lecture' },
    ],
    better: '穿不上确实扫兴，给您添麻烦了。这款版型偏小，您告诉我身高体重和平时的尺码，我帮您对照换一个合适的码，换货的运费由我们承担。',
  },
  {
    id: 'broken-in-two-days',
    customer: { zh: '用了两天就坏了，你们这什么破质量！', en: 'It broke after two days. What rubbish quality is this!' },
    reply: {
      zh: '您先别激动，发脾气也解决不了问题。您必须先拍视频发过来，不然没法处理。',
      en: 'Calm down first, getting angry will not solve anything. You must send a video first, otherwise we cannot handle it.',
    },
    problems: [
      { phrase: '您先别激动', category: 'lecture' },
      { phrase: '发脾气也解决不了问题', category: 'lecture' },
      { phrase: '您必须先拍视频发过来', category: 'command' },
      { phrase: '不然没法处理', category: 'command' },
    ],
    better: '才用两天就坏了，换成我也会很生气，非常抱歉。麻烦您拍一段十几秒的小视频给我看看故障的样子，我收到后马上为您办理换新，今天就能寄出。',
  },
  {
    id: 'cream-smell',
    customer: { zh: '面霜打开有一股怪味，是不是过期了？', en: 'The face cream smells strange when I open it. Has it expired?' },
    reply: {
      zh: '不可能，我们都是正品，经过严格质检的，是您自己保存不当吧。',
      en: 'Impossible. Everything we sell is genuine and strictly inspected; you must have stored it badly.',
    },
    problems: [
      { phrase: '不可能', category: 'denial' },
      { phrase: '是您自己保存不当吧', category: 'blame_shift' },
    ],
    better: '用在脸上的东西有异味，担心是很正常的，谢谢您先来问。麻烦您拍一下瓶底的生产日期和批号，我马上帮您核对；在查清楚之前请先不要使用，如有问题我们给您退换。',
  },
  {
    id: 'refund-third-time',
    customer: { zh: '我已经问了三次了，退款到底什么时候到账？', en: 'This is the third time I ask: when will the refund arrive?' },
    reply: {
      zh: '亲，退款正在处理中哦，请耐心等待，感谢您的理解和支持～',
      en: 'Dear, the refund is being processed, please wait patiently, thank you for your understanding and support~',
    },
    problems: [
      { phrase: '请耐心等待', category: 'cold_stock' },
      { phrase: '感谢您的理解和支持', category: 'cold_stock' },
    ],
    better: '让您问了三次还没有准信，是我们没做好，抱歉。我查了一下，退款昨天已经审核通过，原路退回一般 1–3 个工作日到账，最晚周五；周五还没到的话，您直接找我，我帮您跟财务催。',
  },
  {
    id: 'tomorrow-promise',
    customer: { zh: '明天就要用，今天能不能给我送到？', en: 'I need it tomorrow. Can you get it to me today?' },
    reply: {
      zh: '放心，我保证今天一定给您送到，绝对没问题！',
      en: 'Do not worry, I guarantee it will reach you today, absolutely no problem!',
    },
    problems: [
      { phrase: '我保证今天一定给您送到', category: 'over_promise' },
      { phrase: '绝对没问题', category: 'over_promise' },
    ],
    better: '明天就要用，我明白您着急。今天下午 4 点前的订单走同城急送，一般 3 小时内送到，我现在就帮您加急；如果快递那边排不上，我会在 5 点前告诉您，再一起想办法。',
  },
  {
    id: 'robot',
    customer: { zh: '你们客服是不是都是机器人？说了半天没人管！', en: 'Are your agents all robots? I have been talking forever and nobody cares!' },
    reply: {
      zh: '我们这么多顾客，不可能每个都马上回复，您说话也要讲点道理。',
      en: 'We have so many customers, we cannot answer everyone at once. You should be a bit more reasonable.',
    },
    problems: [
      { phrase: '不可能每个都马上回复', category: 'excuse' },
      { phrase: '您说话也要讲点道理', category: 'lecture' },
    ],
    better: '让您等了这么久，真的很抱歉，现在由我来跟进您的问题。我看了前面的记录，您是想换一个颜色对吗？我这就帮您办。',
  },
  {
    id: 'vacuum-charging',
    customer: { zh: '这个吸尘器怎么充不进电？急死了。', en: 'Why will this vacuum not charge? This is driving me mad.' },
    reply: {
      zh: '充不进电确实让人着急，非常理解。麻烦您看一下充电座的指示灯是什么颜色？如果 5 分钟内排查不好，今天就给您寄新的。',
      en: 'Not being able to charge it is frustrating, I understand. Could you check what colour the light on the charging base is? If we cannot sort it out in 5 minutes, we will send you a new one today.',
    },
    problems: [],
    better: '充不进电确实让人着急，非常理解。麻烦您看一下充电座的指示灯是什么颜色？如果 5 分钟内排查不好，今天就给您寄新的。',
  },
];

export interface TClause {
  index: number;
  text: string;
  start: number;
  end: number;
}

/**
 * A reply cut into clauses the learner can mark: each ends after its punctuation
 * (，。！？；～ and their ASCII forms), so the pieces put together give the reply back.
 * @param text the reply
 * @returns the clauses with their UTF-16 offsets; whitespace-only pieces are left out
 */
export function splitClauses(text: string): TClause[] {
  const clauses: TClause[] = [];
  const pattern = /[^，。！？；～,.!?;~]+[，。！？；～,.!?;~]*|[，。！？；～,.!?;~]+/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].trim() === '') continue;
    clauses.push({ index: clauses.length, text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return clauses;
}

/**
 * The clauses of a sample that hold language to avoid, with the first reason for each.
 * @param sample the sample
 * @returns clause index -> category
 */
export function problemClauses(sample: TSpotSample): Map<number, TSpotCategory> {
  const out = new Map<number, TSpotCategory>();
  for (const clause of splitClauses(sample.reply.zh)) {
    const problem = sample.problems.find((item) => clause.text.includes(item.phrase));
    if (problem) out.set(clause.index, problem.category);
  }
  return out;
}

/**
 * The learner's marks against the key.
 * @param sample the sample
 * @param marked indexes of the clauses the learner marked
 * @returns clauses rightly marked, missed, and marked though fine
 */
export function compareMarks(sample: TSpotSample, marked: ReadonlySet<number>): { found: number[]; missed: number[]; extra: number[] } {
  const key = problemClauses(sample);
  const found = [...key.keys()].filter((index) => marked.has(index)).sort((a, b) => a - b);
  const missed = [...key.keys()].filter((index) => !marked.has(index)).sort((a, b) => a - b);
  const extra = [...marked].filter((index) => !key.has(index)).sort((a, b) => a - b);
  return { found, missed, extra };
}
