import { z } from 'zod';

/**
 * Self-care (自我关怀, SPEC §2.6): /api/selfcare/*. Private by default: every entry and
 * stress check is read by its owner only — no route takes a user id, and no role, admin
 * included, reads someone else's. Supervisors, deputies and leaders see only team
 * aggregates, and only cells where at least {@link SELFCARE_MIN_CONTRIBUTORS} people contributed.
 *
 * The lists people pick from (emotions, body signals), the ABC examples and the stress
 * questionnaire live here as typed constants with zh and en, so web and server use the same text.
 */

const ZText = z.object({ zh: z.string(), en: z.string() });
export type TSelfcareText = z.infer<typeof ZText>;
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-31');
const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() });

/** Length limits shared by the server's validation and the web forms. */
export const SELFCARE_LIMITS = {
  /** What happened: a sentence or two; a long story belongs in thoughts. */
  eventMax: 1000,
  /** Thoughts, beliefs, disputation: room for a real paragraph, not a document. */
  textMax: 2000,
  /** What helped, behaviour, a body signal in one's own words. */
  shortTextMax: 500,
  titleMax: 120,
  /** Emotions in one diary entry or ABC step: more than six stops being a picture of the moment. */
  emotionsMax: 6,
  intensityMax: 10,
  pageSizeMax: 100,
} as const;

/** A cell of the team aggregates shows numbers only when at least this many people contributed to it. */
export const SELFCARE_MIN_CONTRIBUTORS = 5;
/** Weeks shown in the team aggregates (complete weeks, Monday to Sunday, China time). */
export const SELFCARE_AGGREGATE_WEEKS = 12;

export const SELFCARE_ENTRY_KINDS = ['diary', 'abc', 'gratitude', 'success'] as const;
export const ZSelfcareEntryKind = z.enum(SELFCARE_ENTRY_KINDS);
export type TSelfcareEntryKind = z.infer<typeof ZSelfcareEntryKind>;

// ---------------------------------------------------------------------------
// Lists people pick from

/**
 * Emotions a customer-service agent names most often after a hard contact, unpleasant ones first,
 * then the ones worth noticing when things go well. `isPleasant` lets the web colour them.
 */
export const SELFCARE_EMOTIONS = [
  { key: 'angry', isPleasant: false, label: { zh: '生气', en: 'Angry' } },
  { key: 'irritated', isPleasant: false, label: { zh: '烦躁', en: 'Irritated' } },
  { key: 'wronged', isPleasant: false, label: { zh: '委屈', en: 'Wronged' } },
  { key: 'anxious', isPleasant: false, label: { zh: '焦虑', en: 'Anxious' } },
  { key: 'nervous', isPleasant: false, label: { zh: '紧张', en: 'Nervous' } },
  { key: 'afraid', isPleasant: false, label: { zh: '害怕', en: 'Afraid' } },
  { key: 'sad', isPleasant: false, label: { zh: '难过', en: 'Sad' } },
  { key: 'helpless', isPleasant: false, label: { zh: '无力', en: 'Helpless' } },
  { key: 'exhausted', isPleasant: false, label: { zh: '疲惫', en: 'Exhausted' } },
  { key: 'ashamed', isPleasant: false, label: { zh: '自责', en: 'Self-blaming' } },
  { key: 'numb', isPleasant: false, label: { zh: '麻木', en: 'Numb' } },
  { key: 'calm', isPleasant: true, label: { zh: '平静', en: 'Calm' } },
  { key: 'relieved', isPleasant: true, label: { zh: '松了口气', en: 'Relieved' } },
  { key: 'happy', isPleasant: true, label: { zh: '开心', en: 'Happy' } },
  { key: 'proud', isPleasant: true, label: { zh: '有成就感', en: 'Proud' } },
  { key: 'grateful', isPleasant: true, label: { zh: '感激', en: 'Grateful' } },
] as const satisfies readonly { key: string; isPleasant: boolean; label: TSelfcareText }[];
export const SELFCARE_EMOTION_KEYS = SELFCARE_EMOTIONS.map((e) => e.key) as unknown as readonly [TSelfcareEmotion, ...TSelfcareEmotion[]];
export type TSelfcareEmotion = (typeof SELFCARE_EMOTIONS)[number]['key'];

/** Where stress shows in the body: noticing it early is the first step of the breathing and grounding guides. */
export const SELFCARE_BODY_SIGNALS = [
  { key: 'chest_tight', label: { zh: '胸口发闷', en: 'Tight chest' } },
  { key: 'heart_racing', label: { zh: '心跳加快', en: 'Racing heart' } },
  { key: 'shallow_breath', label: { zh: '呼吸变浅变快', en: 'Shallow, fast breathing' } },
  { key: 'shoulders_tense', label: { zh: '肩颈紧绷', en: 'Tense neck and shoulders' } },
  { key: 'jaw_clenched', label: { zh: '咬紧牙关', en: 'Clenched jaw' } },
  { key: 'face_hot', label: { zh: '脸发热', en: 'Hot face' } },
  { key: 'headache', label: { zh: '头痛头胀', en: 'Headache' } },
  { key: 'stomach', label: { zh: '胃不舒服', en: 'Upset stomach' } },
  { key: 'hands_shaky', label: { zh: '手抖或手心出汗', en: 'Shaky or sweaty hands' } },
  { key: 'eyes_tired', label: { zh: '眼睛干涩', en: 'Dry, tired eyes' } },
  { key: 'restless', label: { zh: '坐立不安', en: 'Restless' } },
  { key: 'drained', label: { zh: '浑身没劲', en: 'Drained' } },
] as const satisfies readonly { key: string; label: TSelfcareText }[];
export const SELFCARE_BODY_SIGNAL_KEYS = SELFCARE_BODY_SIGNALS.map((s) => s.key) as unknown as readonly [TSelfcareBodySignal, ...TSelfcareBodySignal[]];
export type TSelfcareBodySignal = (typeof SELFCARE_BODY_SIGNALS)[number]['key'];

/** The ABC worksheet's steps, in order (Ellis: Activating event, Belief, Consequence, Disputation, Effect). */
export const ABC_STEPS = ['event', 'belief', 'consequence', 'disputation', 'effect'] as const;
export const ZAbcStep = z.enum(ABC_STEPS);
export type TAbcStep = z.infer<typeof ZAbcStep>;

/** Worked ABC examples from customer-service work, shown beside the worksheet. */
export const ABC_EXAMPLES = [
  {
    key: 'late_parcel',
    title: { zh: '催发货的顾客骂人', en: 'A customer swears about a late parcel' },
    event: {
      zh: '大促后快递延误，一位顾客连发十几条消息催单，还说“你们就是骗子，客服都是机器人”。',
      en: 'After a big sale, deliveries ran late. A customer sent a dozen messages in a row and wrote “you are all cheats, the service staff are robots”.',
    },
    belief: { zh: '他在骂我，我做得很差；这种顾客我永远搞不定。', en: 'He is insulting me, I am doing a bad job; I will never be able to handle customers like this.' },
    consequence: {
      zh: '委屈 8、生气 6；胸口发闷。回复越来越短，差点直接复制模板敷衍过去。',
      en: 'Wronged 8, angry 6; tight chest. My replies got shorter and I nearly pasted a template just to get rid of him.',
    },
    disputation: {
      zh: '他骂的是延误，不是我这个人。快递慢不是我造成的，我能做的是查清物流、给出时间。“永远搞不定”也不是事实——上周我就安抚好了一位更急的顾客。',
      en: 'He is angry about the delay, not about me as a person. I did not slow the courier down; what I can do is check the tracking and give a time. “Never” is not true either — last week I calmed a customer who was even more upset.',
    },
    effect: {
      zh: '委屈降到 4。先共情“等了这么久确实着急”，再给出物流节点和补偿方案，顾客最后说了谢谢。',
      en: 'Wronged down to 4. I acknowledged “waiting this long really is frustrating”, then gave the tracking status and a compensation offer; in the end the customer said thanks.',
    },
  },
  {
    key: 'bad_review',
    title: { zh: '被顾客打了差评', en: 'A customer leaves a bad review' },
    event: {
      zh: '我按规则拒绝了超过售后期的退货申请，顾客给了差评，评价里点名说我“态度恶劣”。',
      en: 'I turned down a return request outside the after-sales period, as the rules say. The customer left a bad review naming me as “rude”.',
    },
    belief: { zh: '这个差评会害我被扣绩效，组长会觉得我能力不行。', en: 'This review will cost me my bonus, and my supervisor will think I am not good at my job.' },
    consequence: {
      zh: '焦虑 7、自责 6；一下午都在想这件事，接下来几位顾客都回得很慢。',
      en: 'Anxious 7, self-blaming 6; I thought about it all afternoon and was slow with the next few customers.',
    },
    disputation: {
      zh: '我是按规则处理的，聊天记录可以说明我的语气。组长看的是整体表现，一条差评不能代表我的能力。可以把记录发给组长，请她帮忙申诉。',
      en: 'I followed the rules, and the chat log shows my tone. My supervisor looks at my work as a whole; one review does not define me. I can send her the log and ask for help with an appeal.',
    },
    effect: {
      zh: '焦虑降到 3。把记录发给组长后，她说语气没问题，还教了我下次如何先给替代方案。',
      en: 'Anxious down to 3. I sent the log to my supervisor; she said my tone was fine and showed me how to offer an alternative first next time.',
    },
  },
  {
    key: 'refund_threat',
    title: { zh: '顾客威胁投诉到平台', en: 'A customer threatens to complain to the platform' },
    event: {
      zh: '退款还在审核中，顾客说“今天不退款我就去 12315 投诉你们，还要发微博曝光”。',
      en: 'A refund was still being reviewed. The customer wrote “refund me today or I report you to the 12315 consumer hotline and post it on Weibo”.',
    },
    belief: { zh: '出了事都是我的责任，我必须马上让他满意，否则就完了。', en: 'If this blows up it is all on me; I have to satisfy him right now or it is over.' },
    consequence: {
      zh: '紧张 8、害怕 7；心跳加快，差点答应了自己做不了主的“今天一定到账”。',
      en: 'Nervous 8, afraid 7; heart racing. I nearly promised “the money will arrive today”, which is not mine to promise.',
    },
    disputation: {
      zh: '顾客有投诉的权利，这不等于我做错了。退款时效由流程决定，我不需要独自扛。高风险的情况本来就应该请组长介入。',
      en: 'The customer has a right to complain; that does not mean I did something wrong. Refund timing is set by the process, and I do not have to carry it alone. A high-risk case is exactly when to bring in my supervisor.',
    },
    effect: {
      zh: '害怕降到 3。如实说明审核进度和预计时间，同时请组长加急处理，没有做出无法兑现的承诺。',
      en: 'Afraid down to 3. I explained the review status and expected time honestly and asked my supervisor to expedite it, without promising what I could not keep.',
    },
  },
] as const satisfies readonly { key: string; title: TSelfcareText; event: TSelfcareText; belief: TSelfcareText; consequence: TSelfcareText; disputation: TSelfcareText; effect: TSelfcareText }[];

// ---------------------------------------------------------------------------
// Entries

const trimmed = (max: number, what: string) => z.string().trim().max(max, `${what} is at most ${max} characters`);

/** One named emotion and how strong it is, 0 (barely) to 10 (the strongest I know). */
export const ZEmotionRating = z.object({
  emotion: z.enum(SELFCARE_EMOTION_KEYS, { error: 'pick an emotion from the list' }),
  intensity: z.number({ error: 'give the intensity as a number 0–10' }).int('give the intensity as a whole number 0–10').min(0, 'intensity is 0–10').max(SELFCARE_LIMITS.intensityMax, 'intensity is 0–10'),
});
export type TEmotionRating = z.infer<typeof ZEmotionRating>;

const ZEmotionList = z
  .array(ZEmotionRating)
  .max(SELFCARE_LIMITS.emotionsMax, `name at most ${SELFCARE_LIMITS.emotionsMax} emotions`)
  .refine((list) => new Set(list.map((e) => e.emotion)).size === list.length, 'each emotion once');

/** Emotion diary: only the emotion is required, so a quick entry on a phone takes seconds. */
export const ZDiaryBody = z.object({
  event: trimmed(SELFCARE_LIMITS.eventMax, 'the event').default(''),
  emotions: ZEmotionList.min(1, 'name at least one emotion'),
  bodySignals: z
    .array(z.enum(SELFCARE_BODY_SIGNAL_KEYS, { error: 'pick body signals from the list' }))
    .max(SELFCARE_BODY_SIGNALS.length)
    .refine((list) => new Set(list).size === list.length, 'each body signal once')
    .default([]),
  /** A body signal in the person's own words. */
  bodySignalsOther: trimmed(SELFCARE_LIMITS.shortTextMax, 'the other body signal').default(''),
  thoughts: trimmed(SELFCARE_LIMITS.textMax, 'thoughts').default(''),
  helped: trimmed(SELFCARE_LIMITS.shortTextMax, 'what helped').default(''),
});
export type TDiaryBody = z.infer<typeof ZDiaryBody>;

/** Emotions and what I did (C), or how I feel and act after disputing the belief (E). */
export const ZAbcReaction = z.object({
  emotions: ZEmotionList.default([]),
  behaviour: trimmed(SELFCARE_LIMITS.shortTextMax, 'the behaviour').default(''),
});
export type TAbcReaction = z.infer<typeof ZAbcReaction>;

/**
 * ABC worksheet. It may be saved unfinished: `step` is the step reached. The event is always
 * needed (a worksheet starts there); a worksheet marked finished needs every step.
 */
export const ZAbcBody = z
  .object({
    step: ZAbcStep.default('event'),
    isFinished: z.boolean().default(false),
    activatingEvent: trimmed(SELFCARE_LIMITS.eventMax, 'the event').min(1, 'describe the event (A) first'),
    belief: trimmed(SELFCARE_LIMITS.textMax, 'the belief').default(''),
    consequence: ZAbcReaction.default({ emotions: [], behaviour: '' }),
    disputation: trimmed(SELFCARE_LIMITS.textMax, 'the disputation').default(''),
    newEffect: ZAbcReaction.default({ emotions: [], behaviour: '' }),
  })
  .superRefine((body, context) => {
    if (!body.isFinished) return;
    if (body.step !== 'effect') context.addIssue({ code: 'custom', path: ['step'], message: 'a finished worksheet has reached the last step (effect)' });
    if (body.belief === '') context.addIssue({ code: 'custom', path: ['belief'], message: 'a finished worksheet needs the belief (B)' });
    if (body.consequence.emotions.length === 0 && body.consequence.behaviour === '')
      context.addIssue({ code: 'custom', path: ['consequence'], message: 'a finished worksheet needs the consequence (C): an emotion or what you did' });
    if (body.disputation === '') context.addIssue({ code: 'custom', path: ['disputation'], message: 'a finished worksheet needs the disputation (D)' });
    if (body.newEffect.emotions.length === 0 && body.newEffect.behaviour === '')
      context.addIssue({ code: 'custom', path: ['newEffect'], message: 'a finished worksheet needs the new effect (E): an emotion or what you did' });
  });
export type TAbcBody = z.infer<typeof ZAbcBody>;

export const ZGratitudeBody = z.object({ text: trimmed(SELFCARE_LIMITS.eventMax, 'the note').min(1, 'write what you are grateful for') });
export type TGratitudeBody = z.infer<typeof ZGratitudeBody>;

export const SELFCARE_LINK_KINDS = ['qa_conversation', 'roleplay_attempt'] as const;
export const ZSelfcareLinkKind = z.enum(SELFCARE_LINK_KINDS);
export type TSelfcareLinkKind = z.infer<typeof ZSelfcareLinkKind>;

/** What a success case may point at: a real QA conversation of the organisation, or one of my own role-play attempts. */
export const ZSelfcareLinkRequest = z.object({ kind: ZSelfcareLinkKind, id: z.uuid('the linked id is not valid') });
/** The link as stored: its title as it was when linked, for display (the target may later be gone). */
export const ZSelfcareLink = ZSelfcareLinkRequest.extend({ title: ZText });
export type TSelfcareLink = z.infer<typeof ZSelfcareLink>;

const successFields = {
  title: trimmed(SELFCARE_LIMITS.titleMax, 'the title').min(1, 'give the success a title'),
  whatHappened: trimmed(SELFCARE_LIMITS.textMax, 'what happened').default(''),
  whatIDidWell: trimmed(SELFCARE_LIMITS.textMax, 'what you did well').default(''),
};
export const ZSuccessBodyRequest = z.object({ ...successFields, link: ZSelfcareLinkRequest.nullable().default(null) });
export const ZSuccessBody = z.object({ ...successFields, link: ZSelfcareLink.nullable() });
export type TSuccessBody = z.infer<typeof ZSuccessBody>;

/** When it happened: defaults to now; may be back-dated, not put in the future. */
const ZOccurredAt = z.iso.datetime({ offset: true, error: 'occurredAt is a date-time like 2026-03-01T09:30:00+08:00' }).optional();

/**
 * Create (POST /api/selfcare/entries) or replace (PUT /api/selfcare/entries/:id) an entry.
 * On PUT the kind must stay the kind the entry has.
 */
export const ZSelfcareEntryRequest = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('diary'), occurredAt: ZOccurredAt, body: ZDiaryBody }),
    z.object({ kind: z.literal('abc'), occurredAt: ZOccurredAt, body: ZAbcBody }),
    z.object({ kind: z.literal('gratitude'), occurredAt: ZOccurredAt, body: ZGratitudeBody }),
    z.object({ kind: z.literal('success'), occurredAt: ZOccurredAt, body: ZSuccessBodyRequest }),
  ],
  { error: 'kind is one of diary, abc, gratitude, success' },
);
export type TSelfcareEntryRequest = z.input<typeof ZSelfcareEntryRequest>;
export type TSelfcareEntryRequestParsed = z.infer<typeof ZSelfcareEntryRequest>;

const entryMeta = { id: z.uuid(), occurredAt: z.string(), createdAt: z.string(), updatedAt: z.string() };
export const ZSelfcareEntry = z.discriminatedUnion('kind', [
  z.object({ ...entryMeta, kind: z.literal('diary'), body: ZDiaryBody }),
  z.object({ ...entryMeta, kind: z.literal('abc'), body: ZAbcBody }),
  z.object({ ...entryMeta, kind: z.literal('gratitude'), body: ZGratitudeBody }),
  z.object({ ...entryMeta, kind: z.literal('success'), body: ZSuccessBody }),
]);
export type TSelfcareEntry = z.infer<typeof ZSelfcareEntry>;

/** GET /api/selfcare/entries: newest first; from/to are days (China time), both inclusive. */
export const ZSelfcareEntryQuery = z
  .object({
    kind: ZSelfcareEntryKind.optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(SELFCARE_LIMITS.pageSizeMax, `pageSize is at most ${SELFCARE_LIMITS.pageSizeMax}`).default(20),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to is on or after from' });
export type TSelfcareEntryQuery = z.input<typeof ZSelfcareEntryQuery>;
export const ZSelfcareEntryList = z.object({ entries: z.array(ZSelfcareEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type TSelfcareEntryList = z.infer<typeof ZSelfcareEntryList>;

/** GET /api/selfcare/link-options: what I may link a success case to — my recent role-play attempts and my QA conversations. */
export const ZSelfcareLinkOptions = z.object({
  roleplayAttempts: z.array(z.object({ id: z.uuid(), title: ZText, at: z.string(), score: z.number().int().nullable() })),
  qaConversations: z.array(z.object({ id: z.uuid(), title: ZText, at: z.string().nullable(), score: z.number().int().nullable() })),
});
export type TSelfcareLinkOptions = z.infer<typeof ZSelfcareLinkOptions>;

// ---------------------------------------------------------------------------
// Stress and mood self-check

export const STRESS_BANDS = ['low', 'moderate', 'high'] as const;
export const ZStressBand = z.enum(STRESS_BANDS);
export type TStressBand = z.infer<typeof ZStressBand>;

/**
 * The stress and mood self-check, written by the team for customer-service work: ten items about
 * the last two weeks, answered 0 (never) to 4 (always). Four items are worded the positive way
 * and reverse-scored, so answering "always" everywhere does not read as high or low.
 * Score = points / 40 × 100, rounded: 0–100, higher = more strain. Not a diagnosis.
 */
export const STRESS_QUESTIONNAIRE = {
  version: 'calmdesk-stress-v1',
  title: { zh: '压力与情绪自测', en: 'Stress and mood self-check' },
  intro: {
    zh: '回想最近两周的工作和生活，选择最符合你的一项。没有对错，结果只有你自己能看到。这是帮助你留意自己状态的小工具，不是诊断。',
    en: 'Think of your work and life over the last two weeks and pick the answer that fits best. There are no right answers, and only you can see the result. It is a small tool to notice how you are doing — not a diagnosis.',
  },
  scale: [
    { value: 0, label: { zh: '从不', en: 'Never' } },
    { value: 1, label: { zh: '偶尔', en: 'Rarely' } },
    { value: 2, label: { zh: '有时', en: 'Sometimes' } },
    { value: 3, label: { zh: '经常', en: 'Often' } },
    { value: 4, label: { zh: '总是', en: 'Always' } },
  ],
  items: [
    { id: 'replay', isReversed: false, text: { zh: '下班后，工作中的对话还在脑子里反复回放，放不下。', en: 'After work, conversations from the day keep replaying in my head.' } },
    { id: 'body_alarm', isReversed: false, text: { zh: '面对顾客的指责或催促时，我会心跳加快、胸口发紧。', en: 'When a customer blames or rushes me, my heart races and my chest tightens.' } },
    { id: 'overload', isReversed: false, text: { zh: '我觉得要处理的咨询和投诉多到应付不过来。', en: 'I feel there are more enquiries and complaints than I can cope with.' } },
    { id: 'irritable', isReversed: false, text: { zh: '我对同事或家人比平时更容易不耐烦。', en: 'I am more impatient with colleagues or family than usual.' } },
    { id: 'sleep', isReversed: false, text: { zh: '我睡不好：难以入睡、容易醒，或醒来仍然很累。', en: 'I sleep badly: I struggle to fall asleep, wake up often, or wake up still tired.' } },
    { id: 'dread', isReversed: false, text: { zh: '想到上班要接待顾客，我就感到疲惫或抗拒。', en: 'Thinking about serving customers at work makes me feel drained or reluctant.' } },
    { id: 'recover', isReversed: true, text: { zh: '遇到难缠的顾客后，我能比较快地让自己平静下来。', en: 'After a difficult customer, I can calm myself down fairly quickly.' } },
    { id: 'capable', isReversed: true, text: { zh: '我相信自己能处理好工作中遇到的大部分问题。', en: 'I trust myself to handle most problems that come up at work.' } },
    { id: 'support', isReversed: true, text: { zh: '工作中遇到困难时，我知道可以找谁帮忙。', en: 'When work gets hard, I know whom I can ask for help.' } },
    { id: 'recharge', isReversed: true, text: { zh: '我有时间做让自己放松或开心的事情。', en: 'I have time for things that relax me or make me happy.' } },
  ],
  /** Score bands, by the lowest score of each: below 35 low, 35–59 moderate, 60 and above high. */
  bands: [
    { band: 'low', minScore: 0, label: { zh: '压力较低', en: 'Low strain' }, advice: { zh: '状态不错，继续保持让你放松的习惯。', en: 'You are doing well — keep up what helps you relax.' } },
    {
      band: 'moderate',
      minScore: 35,
      label: { zh: '压力中等', en: 'Moderate strain' },
      advice: { zh: '有些压力在积累。试试每天几分钟的呼吸练习，写写情绪日记。', en: 'Some strain is building up. Try a few minutes of breathing each day and a line in your diary.' },
    },
    {
      band: 'high',
      minScore: 60,
      label: { zh: '压力较高', en: 'High strain' },
      advice: { zh: '最近压力不小。照顾好自己，也可以找信任的人聊一聊。', en: 'Things have been heavy lately. Look after yourself, and consider talking to someone you trust.' },
    },
  ],
} as const satisfies {
  version: string;
  title: TSelfcareText;
  intro: TSelfcareText;
  scale: readonly { value: number; label: TSelfcareText }[];
  items: readonly { id: string; isReversed: boolean; text: TSelfcareText }[];
  bands: readonly { band: TStressBand; minScore: number; label: TSelfcareText; advice: TSelfcareText }[];
};
export type TStressQuestionnaire = typeof STRESS_QUESTIONNAIRE;
export type TStressItemId = (typeof STRESS_QUESTIONNAIRE.items)[number]['id'];

/**
 * Scores answers to the current questionnaire.
 * @param answers 0..4 per item id; every item answered
 * @returns score 0–100 (higher = more strain) and its band
 */
export function scoreStressCheck(answers: Readonly<Record<string, number>>): { score: number; band: TStressBand } {
  const items = STRESS_QUESTIONNAIRE.items;
  const points = items.reduce((sum, item) => {
    const answer = answers[item.id] ?? 0;
    return sum + (item.isReversed ? 4 - answer : answer);
  }, 0);
  const score = Math.round((points / (items.length * 4)) * 100);
  return { score, band: stressBandOf(score) };
}

/**
 * @param score 0–100
 * @returns the band the score falls in
 */
export function stressBandOf(score: number): TStressBand {
  const bands = STRESS_QUESTIONNAIRE.bands;
  let band: TStressBand = 'low';
  for (const b of bands) if (score >= b.minScore) band = b.band;
  return band;
}

const ZStressAnswer = z.number({ error: 'answer each question 0–4' }).int('answer each question with a whole number 0–4').min(0, 'answers are 0–4').max(4, 'answers are 0–4');

/** POST /api/selfcare/stress-checks: every item of the current questionnaire answered. */
export const ZStressCheckRequest = z
  .object({
    questionnaire: z.literal(STRESS_QUESTIONNAIRE.version, { error: `this is not the current questionnaire (${STRESS_QUESTIONNAIRE.version}); reload the page` }),
    answers: z.record(z.string(), ZStressAnswer),
  })
  .superRefine((input, context) => {
    const ids = new Set<string>(STRESS_QUESTIONNAIRE.items.map((i) => i.id));
    for (const id of ids) if (!(id in input.answers)) context.addIssue({ code: 'custom', path: ['answers', id], message: 'answer every question' });
    for (const id of Object.keys(input.answers)) if (!ids.has(id)) context.addIssue({ code: 'custom', path: ['answers', id], message: 'no such question in this questionnaire' });
  });
export type TStressCheckRequest = z.input<typeof ZStressCheckRequest>;

export const ZStressCheck = z.object({
  id: z.uuid(),
  questionnaire: z.string(),
  answers: z.record(z.string(), z.number().int()),
  score: z.number().int(),
  band: ZStressBand,
  takenAt: z.string(),
});
export type TStressCheck = z.infer<typeof ZStressCheck>;

/** A national line and the local clinic: shown with the gentle suggestion. */
export const SELFCARE_HELPLINES = [
  {
    key: 'national_12356',
    phone: '12356',
    name: { zh: '全国心理援助热线', en: 'National psychological assistance hotline' },
    note: { zh: '拨打 12356，有专业人员倾听和支持。', en: 'Call 12356 to talk to a trained listener.' },
  },
  {
    key: 'local_clinic',
    phone: null,
    name: { zh: '当地医院的心理门诊', en: 'Your local hospital’s psychology clinic' },
    note: { zh: '综合医院的心理科或精神心理科可以预约面谈。', en: 'The psychology or mental-health department of a general hospital takes appointments.' },
  },
] as const satisfies readonly { key: string; phone: string | null; name: TSelfcareText; note: TSelfcareText }[];

/** The gentle suggestion's words. `{supervisors}` and `{mentor}` are filled with names by the web. */
export const SELFCARE_SUGGESTION_TEXT = {
  title: { zh: '最近的压力好像一直不低', en: 'Your stress seems to have stayed high lately' },
  body: {
    zh: '这段时间辛苦了。压力持续偏高时，和人聊一聊往往会有帮助：可以找你的组长、带教导师，或者专业的心理支持。要不要联系下面任何一位，完全由你决定。',
    en: 'It has been a hard stretch. When stress stays high, talking to someone often helps: your supervisor, your mentor, or professional support. Whether to reach out to any of them is entirely your choice.',
  },
  notDiagnosis: {
    zh: '自测结果只反映你自己的感受，不是诊断；只有你能看到。',
    en: 'The self-check reflects how you feel — it is not a diagnosis, and only you can see it.',
  },
} as const;

/**
 * Why the suggestion shows: the last two checks high, or three of the last four moderate or high
 * with the latest among them (someone whose latest check is low is already recovering).
 */
export const SELFCARE_SUGGESTION_REASONS = ['last_two_high', 'mostly_elevated'] as const;

export const ZSelfcareSuggestion = z.object({
  reason: z.enum(SELFCARE_SUGGESTION_REASONS),
  /** The supervisors of my teams. */
  supervisors: z.array(ZPersonRef),
  /** My mentor, while the mentorship runs. */
  mentor: ZPersonRef.nullable(),
  helplines: z.array(z.object({ key: z.string(), phone: z.string().nullable(), name: ZText, note: ZText })),
});
export type TSelfcareSuggestion = z.infer<typeof ZSelfcareSuggestion>;

/** POST /api/selfcare/stress-checks answers the check and whether the gentle suggestion now shows. */
export const ZStressCheckResult = z.object({ check: ZStressCheck, suggestion: ZSelfcareSuggestion.nullable() });
export type TStressCheckResult = z.infer<typeof ZStressCheckResult>;
/** GET /api/selfcare/stress-checks: oldest first, for the trend chart. */
export const ZStressCheckList = z.object({ checks: z.array(ZStressCheck) });
export type TStressCheckList = z.infer<typeof ZStressCheckList>;

// ---------------------------------------------------------------------------
// Overview, export, delete

/** GET /api/selfcare/summary: the overview page. */
export const ZSelfcareSummary = z.object({
  counts: z.object({ diary: z.number().int(), abc: z.number().int(), gratitude: z.number().int(), success: z.number().int() }),
  /** Unfinished ABC worksheets, to pick up again. */
  abcUnfinished: z.number().int(),
  /** Days in a row (China time) with a diary entry, up to today — or up to yesterday when today has none yet. */
  diaryStreak: z.number().int(),
  hasDiaryToday: z.boolean(),
  lastDiaryAt: z.string().nullable(),
  lastCheck: ZStressCheck.nullable(),
  checkCount: z.number().int(),
  suggestion: ZSelfcareSuggestion.nullable(),
});
export type TSelfcareSummary = z.infer<typeof ZSelfcareSummary>;

/** GET /api/selfcare/export.json (a download): everything of mine, with the questionnaire text to read the answers by. */
export const SELFCARE_EXPORT_FORMAT = 'calmdesk-selfcare-export';
export const SELFCARE_EXPORT_VERSION = 1;
export const ZSelfcareExport = z.object({
  format: z.literal(SELFCARE_EXPORT_FORMAT),
  version: z.literal(SELFCARE_EXPORT_VERSION),
  exportedAt: z.string(),
  owner: z.object({ displayName: z.string(), login: z.string() }),
  entries: z.array(ZSelfcareEntry),
  stressChecks: z.array(ZStressCheck),
  questionnaire: z.unknown(),
});
export type TSelfcareExport = z.infer<typeof ZSelfcareExport>;

/** The words to send, on purpose, to delete everything. */
export const SELFCARE_DELETE_CONFIRMATION = 'DELETE-ALL-MY-SELFCARE-DATA';
/** POST /api/selfcare/delete-all: entries and stress checks, all of them, with no undo. */
export const ZSelfcareDeleteAllRequest = z.object({
  confirmation: z.literal(SELFCARE_DELETE_CONFIRMATION, { error: `to delete everything, send confirmation: "${SELFCARE_DELETE_CONFIRMATION}"` }),
});
export const ZSelfcareDeleteAllResult = z.object({ deletedEntries: z.number().int(), deletedChecks: z.number().int() });
export type TSelfcareDeleteAllResult = z.infer<typeof ZSelfcareDeleteAllResult>;

// ---------------------------------------------------------------------------
// Team aggregates

/** Who sees team aggregates: supervisors their own teams, deputies and leaders every team. */
export const SELFCARE_AGGREGATE_ROLES = ['supervisor', 'deputy', 'leader'] as const;

/** A cell with fewer than 5 contributors: no numbers at all, not even how many. */
export const ZHiddenCell = z.object({ status: z.literal('hidden'), contributors: z.literal('<5') });

export const ZStressAggregateCell = z.discriminatedUnion('status', [
  ZHiddenCell,
  z.object({
    status: z.literal('shown'),
    contributors: z.number().int(),
    /** Mean of each contributor's latest check that week, one decimal. */
    averageScore: z.number(),
    /** Contributors by the band of their latest check that week. */
    bands: z.object({ low: z.number().int(), moderate: z.number().int(), high: z.number().int() }),
  }),
]);
export type TStressAggregateCell = z.infer<typeof ZStressAggregateCell>;

export const ZDiaryAggregateCell = z.discriminatedUnion('status', [
  ZHiddenCell,
  z.object({
    status: z.literal('shown'),
    contributors: z.number().int(),
    entries: z.number().int(),
    /** Mean over the week's entries of each entry's strongest emotion intensity (0–10), one decimal. */
    averageIntensity: z.number(),
  }),
]);
export type TDiaryAggregateCell = z.infer<typeof ZDiaryAggregateCell>;

/** GET /api/selfcare/team-aggregates?teamId=: one team (it must be mine for a supervisor) or all in view. */
export const ZTeamAggregatesQuery = z.object({ teamId: z.uuid().optional() });
export const ZTeamAggregates = z.object({
  minContributors: z.number().int(),
  /** Monday of each complete week shown (China time), oldest first. */
  weeks: z.array(z.string()),
  teams: z.array(
    z.object({
      team: z.object({ id: z.uuid(), name: z.string() }),
      cells: z.array(z.object({ weekStart: z.string(), stress: ZStressAggregateCell, diary: ZDiaryAggregateCell })),
    }),
  ),
});
export type TTeamAggregates = z.infer<typeof ZTeamAggregates>;
