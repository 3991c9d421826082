import { z } from 'zod';
import { ROLES } from './roles.js';
import { QUESTION_TYPES, SESSION_KINDS, SURVEY_STATUSES, TENURE_BANDS, ZSurveyAnswer, ZSurveyQuestions, type TSurveyQuestion } from './operations.js';

/**
 * Needs analysis and reaction questionnaires (SPEC §2.7, §2.8 level 1): /api/ops/surveys/* for
 * the training group (supervisors read their teams' reports), /api/ops/my/surveys/* for the
 * people asked. The question shapes are in operations.ts; the two built-in templates are here,
 * as data, so the server (reaction questionnaires after a session) and the builder share them.
 */

/** Kinds a person may build; reaction questionnaires are made by the system after a session. */
export const BUILDABLE_SURVEY_KINDS = ['needs', 'general'] as const;

/** A quarter like 2026-Q4. */
export const ZSurveyPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter like 2026-Q4');
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-10-31');

/**
 * A survey as the builder saves it (create, or change a draft). A needs analysis names its
 * quarter, so reports of the same quarter can be found and compared.
 */
export const ZSurveyInput = z
  .object({
    kind: z.enum(BUILDABLE_SURVEY_KINDS),
    title: z.string().trim().min(1, 'a title is needed').max(200),
    description: z.string().trim().max(2000).default(''),
    period: ZSurveyPeriod.nullable().default(null),
    isAnonymous: z.boolean().default(true),
    questions: ZSurveyQuestions,
  })
  .superRefine((input, context) => {
    if (input.kind === 'needs' && input.period === null) context.addIssue({ code: 'custom', path: ['period'], message: 'a needs analysis names its quarter, e.g. 2026-Q4' });
  });
export type TSurveyInput = z.input<typeof ZSurveyInput>;

/** Send a draft (it opens), or send an open survey to more people: teams and/or people, and the due date. */
export const ZSendSurveyRequest = z
  .object({
    teamIds: z.array(z.uuid()).max(50).default([]),
    userIds: z.array(z.uuid()).max(2000).default([]),
    dueDate: ZDate.nullable().default(null),
  })
  .superRefine((input, context) => {
    if (input.teamIds.length === 0 && input.userIds.length === 0) context.addIssue({ code: 'custom', path: ['teamIds'], message: 'choose at least one team or person' });
  });
export type TSendSurveyRequest = z.input<typeof ZSendSurveyRequest>;

export const ZSurveyListQuery = z.object({
  kind: z.enum(['needs', 'reaction', 'general']).optional(),
  status: z.enum(SURVEY_STATUSES).optional(),
});

export const ZSurveySummary = z.object({
  id: z.uuid(),
  kind: z.enum(['needs', 'reaction', 'general']),
  title: z.string(),
  description: z.string(),
  period: z.string().nullable(),
  status: z.enum(SURVEY_STATUSES),
  isAnonymous: z.boolean(),
  questionCount: z.number().int(),
  sessionId: z.uuid().nullable(),
  dueDate: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** People asked and people who answered; for a supervisor, those of their teams. */
  recipients: z.number().int(),
  responded: z.number().int(),
});
export type TSurveySummary = z.infer<typeof ZSurveySummary>;
export const ZSurveyList = z.object({ surveys: z.array(ZSurveySummary) });

const ZSurveyQuestionOut = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  options: z.array(z.string()),
  isRequired: z.boolean(),
  topic: z.string().optional(),
});

/** One survey with its questions and, for the training group, who was asked and who answered (never what). */
export const ZSurveyDetail = ZSurveySummary.extend({
  questions: z.array(ZSurveyQuestionOut),
  recipientList: z.array(
    z.object({
      user: z.object({ id: z.uuid(), displayName: z.string(), login: z.string() }),
      teamNames: z.array(z.string()),
      invitedAt: z.string(),
      remindedAt: z.string().nullable(),
      respondedAt: z.string().nullable(),
    }),
  ),
});
export type TSurveyDetail = z.infer<typeof ZSurveyDetail>;

export const ZSendSurveyResponse = z.object({ survey: ZSurveyDetail, invited: z.number().int() });
export const ZRemindSurveyResponse = z.object({ survey: ZSurveyDetail, reminded: z.number().int() });

// ---------------------------------------------------------------------------
// Answering (/my/surveys)

export const ZMySurvey = z.object({
  id: z.uuid(),
  kind: z.enum(['needs', 'reaction', 'general']),
  title: z.string(),
  description: z.string(),
  status: z.enum(SURVEY_STATUSES),
  isAnonymous: z.boolean(),
  questionCount: z.number().int(),
  dueDate: z.string().nullable(),
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type TMySurvey = z.infer<typeof ZMySurvey>;
export const ZMySurveyList = z.object({ surveys: z.array(ZMySurvey) });
export const ZMySurveyDetail = ZMySurvey.extend({ questions: z.array(ZSurveyQuestionOut) });
export type TMySurveyDetail = z.infer<typeof ZMySurveyDetail>;

/** One person's answers: question id -> Likert 1–5, the chosen option, the chosen options, or text. Checked against the questions by the server. */
export const ZSubmitSurveyResponse = z.object({ answers: z.record(z.string().max(40), ZSurveyAnswer) });
export type TSubmitSurveyResponse = z.infer<typeof ZSubmitSurveyResponse>;
export type TSurveyAnswers = TSubmitSurveyResponse['answers'];
export const ZSubmitSurveyResult = z.object({ respondedAt: z.string(), isAnonymous: z.boolean() });

// ---------------------------------------------------------------------------
// The needs report

/**
 * On an anonymous survey, a breakdown cell with fewer answers than this is not shown: with one
 * or two people in a level or tenure band, their answers would be theirs.
 */
export const MIN_ANONYMOUS_CELL = 3;

/** A breakdown's groups: the highest role held, or the tenure band (tenureBand() in operations.ts). */
export const SURVEY_LEVELS = ROLES;
export const ZSurveyBreakdownKey = z.enum([...ROLES, ...TENURE_BANDS]);

/** Why a cell shows no figures: too few answers, or it would give away a hidden cell by subtraction from the total. */
export const HIDDEN_REASONS = ['too_few', 'complement', 'scope_too_few'] as const;
export type THiddenReason = (typeof HIDDEN_REASONS)[number];

export const ZQuestionStats = z.discriminatedUnion('kind', [
  /** counts[0] is how many answered 1 (非常不同意) … counts[4] how many answered 5 (非常同意). */
  z.object({ kind: z.literal('likert'), answered: z.number().int(), average: z.number().nullable(), counts: z.array(z.number().int()).length(5) }),
  z.object({ kind: z.literal('choice'), answered: z.number().int(), counts: z.array(z.object({ option: z.string(), count: z.number().int() })) }),
  /** Open text: the answers, with the person's name on a named survey; shuffled into text order on an anonymous one. */
  z.object({ kind: z.literal('text'), answered: z.number().int(), texts: z.array(z.object({ text: z.string(), by: z.string().nullable() })) }),
]);
export type TQuestionStats = z.infer<typeof ZQuestionStats>;

export const ZBreakdownCell = z.object({
  key: z.string(),
  /** Answers in the cell; null when the cell is hidden (the count alone would tell who). */
  answered: z.number().int().nullable(),
  stats: ZQuestionStats.nullable(),
  hiddenReason: z.enum(HIDDEN_REASONS).nullable(),
});
export type TBreakdownCell = z.infer<typeof ZBreakdownCell>;

export const ZQuestionReport = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  topic: z.string().nullable(),
  options: z.array(z.string()),
  overall: ZQuestionStats.nullable(),
  byLevel: z.array(ZBreakdownCell),
  byTenure: z.array(ZBreakdownCell),
});
export type TQuestionReport = z.infer<typeof ZQuestionReport>;

/**
 * Something the answers point at, to turn into a plan item: an option many chose (a weak point,
 * a stressor, a cause of complaints) or a statement rated low (high, for stress).
 */
export const ZSurveyFinding = z.object({
  id: z.string(),
  questionId: z.string(),
  topic: z.string().nullable(),
  prompt: z.string(),
  /** The option chosen; null for a Likert statement. */
  option: z.string().nullable(),
  /** Share of those who answered the question who chose the option (0–1); null for Likert. */
  share: z.number().nullable(),
  count: z.number().int().nullable(),
  average: z.number().nullable(),
});
export type TSurveyFinding = z.infer<typeof ZSurveyFinding>;

export const ZSurveyReport = z.object({
  survey: ZSurveySummary,
  /** all: every answer (training group); teams: the caller's teams (supervisor). */
  scope: z.enum(['all', 'teams']),
  recipients: z.number().int(),
  responses: z.number().int(),
  /** responded / recipients (0–1), null when nobody was asked. */
  responseRate: z.number().nullable(),
  minCell: z.number().int(),
  /** An anonymous survey with fewer than MIN_ANONYMOUS_CELL answers in scope shows no figures at all. */
  isHidden: z.boolean(),
  levels: z.array(z.object({ key: z.string(), responses: z.number().int().nullable() })),
  tenures: z.array(z.object({ key: z.string(), responses: z.number().int().nullable() })),
  questions: z.array(ZQuestionReport),
  findings: z.array(ZSurveyFinding),
});
export type TSurveyReport = z.infer<typeof ZSurveyReport>;

// ---------------------------------------------------------------------------
// Turning findings into plan items

export const ZSurveyPlanItemInput = z.object({
  theme: z.string().trim().min(1, 'a theme is needed').max(200),
  goal: z.string().trim().max(1000).default(''),
  kind: z.enum(SESSION_KINDS).default('classroom'),
  /** Default: the same day next month. */
  date: ZDate.optional(),
});
export type TSurveyPlanItemInput = z.input<typeof ZSurveyPlanItemInput>;

/**
 * Append items to a plan: the one named (draft or returned), or else the year's draft plan,
 * made when the year has none.
 */
export const ZSurveyPlanItemsRequest = z.object({
  planId: z.uuid().nullable().default(null),
  /** The year of the plan to use or make when no planId is given; default: the first item's year. */
  year: z.number().int().min(2000).max(2100).optional(),
  items: z.array(ZSurveyPlanItemInput).min(1, 'choose at least one finding').max(20),
});
export type TSurveyPlanItemsRequest = z.input<typeof ZSurveyPlanItemsRequest>;

export const ZSurveyPlanTarget = z.object({ id: z.uuid(), title: z.string(), year: z.number().int(), status: z.enum(['draft', 'returned']), itemCount: z.number().int() });
export const ZSurveyPlanTargets = z.object({ plans: z.array(ZSurveyPlanTarget) });
export const ZSurveyPlanItemsResult = z.object({
  plan: ZSurveyPlanTarget,
  isNewPlan: z.boolean(),
  itemIds: z.array(z.string()),
});

// ---------------------------------------------------------------------------
// Built-in templates (data). Survey texts are stored in one language; the builder starts
// from the template in the UI language, reaction questionnaires are sent in Chinese.

export type TSurveyTemplateKey = 'needs' | 'reaction';
type TTemplateQuestion = { id: string; type: TSurveyQuestion['type']; topic: string; isRequired: boolean; prompt: { zh: string; en: string }; options?: { zh: string[]; en: string[] } };
type TTemplate = { kind: 'needs' | 'reaction'; title: { zh: string; en: string }; description: { zh: string; en: string }; questions: TTemplateQuestion[] };

/**
 * The quarterly needs analysis (SPEC §2.7): what weighs on people, where they feel weak with
 * emotions, what customers complain about, how past training went and how they like to learn.
 * Topics drive the report's findings: stressor, weak_point, complaint, satisfaction, format, suggestion.
 */
const NEEDS_TEMPLATE: TTemplate = {
  kind: 'needs',
  title: { zh: '季度培训需求调研', en: 'Quarterly training needs survey' },
  description: {
    zh: '为了把下个季度的培训安排得更贴近大家的实际工作，请花 5 分钟填写这份问卷。问卷为匿名填写，结果只按岗位和司龄汇总查看，不会追溯到个人。',
    en: 'Help us plan next quarter’s training around your real work: this takes about 5 minutes. Answers are anonymous and only read as totals by role and tenure, never person by person.',
  },
  questions: [
    {
      id: 'stressors',
      type: 'multiple',
      topic: 'stressor',
      isRequired: true,
      prompt: { zh: '工作中最让你感到压力的情况有哪些？（可多选）', en: 'Which situations at work stress you most? (choose any)' },
      options: {
        zh: ['顾客辱骂或无理指责', '同一个问题被反复追问', '恶意投诉与差评威胁', '响应时长、满意度等考核压力', '大促高峰期咨询量过大', '政策限制，没有权限解决问题', '仓库、物流等部门互相推诿', '排班不规律、夜班多'],
        en: ['Customers insulting or blaming me unfairly', 'Being asked the same question again and again', 'Malicious complaints and threats of bad reviews', 'Pressure from response-time and satisfaction targets', 'Too many chats at sales peaks', 'Policies that leave me no power to solve the problem', 'Warehouse and courier passing the buck', 'Irregular shifts and many night shifts'],
      },
    },
    {
      id: 'stress_level',
      type: 'likert',
      topic: 'stressor',
      isRequired: true,
      prompt: { zh: '过去一个月，我经常觉得工作压力大、下班后也难以放松。', en: 'Over the past month I often felt under pressure at work and found it hard to relax afterwards.' },
    },
    {
      id: 'weak_points',
      type: 'multiple',
      topic: 'weak_point',
      isRequired: true,
      prompt: { zh: '处理情绪时，你觉得自己最需要提升的是哪些方面？（可多选）', en: 'Where do you most want to get better at handling emotions? (choose any)' },
      options: {
        zh: ['被骂之后让自己尽快平静下来', '从文字里读出顾客的真实情绪', '先安抚情绪，再处理问题', '表达共情但不显得套路', '拒绝不合理要求又不激化矛盾', '判断什么时候该请主管介入', '下班后从负面情绪里走出来', '避免辩解、推卸、命令式等忌语'],
        en: ['Calming down quickly after being insulted', 'Reading the customer’s real emotion from text', 'Soothing the mood before solving the matter', 'Showing empathy without sounding scripted', 'Saying no to unreasonable demands without escalating', 'Knowing when to bring in a supervisor', 'Letting go of bad feelings after work', 'Avoiding excuses, blame-shifting and commanding language'],
      },
    },
    {
      id: 'confidence',
      type: 'likert',
      topic: 'weak_point',
      isRequired: true,
      prompt: { zh: '面对情绪激动的顾客，我有把握把局面稳住。', en: 'Faced with a very upset customer, I am confident I can steady the conversation.' },
    },
    {
      id: 'complaint_cause',
      type: 'single',
      topic: 'complaint',
      isRequired: true,
      prompt: { zh: '最近一个季度，你接到的投诉最常见的起因是？', en: 'Over the last quarter, what most often caused the complaints you handled?' },
      options: {
        zh: ['物流延误或丢件', '商品质量问题', '退换货、退款进度慢', '客服回复慢或答非所问', '客服语气、用词引起不满', '活动规则或价格争议'],
        en: ['Late or lost deliveries', 'Product quality', 'Slow returns, exchanges or refunds', 'Slow or off-the-point replies from service', 'Service tone or wording', 'Promotion rules or price disputes'],
      },
    },
    {
      id: 'complaint_story',
      type: 'text',
      topic: 'complaint',
      isRequired: false,
      prompt: { zh: '请描述一次让你印象深刻的投诉或差评：发生了什么？你当时怎么处理？现在回头看会怎么做？', en: 'Describe a complaint or bad review you remember: what happened, how you handled it, and what you would do now.' },
    },
    {
      id: 'past_satisfaction',
      type: 'likert',
      topic: 'satisfaction',
      isRequired: true,
      prompt: { zh: '我对上个季度参加的培训总体满意。', en: 'Overall I was satisfied with last quarter’s training.' },
    },
    {
      id: 'past_usefulness',
      type: 'likert',
      topic: 'satisfaction',
      isRequired: true,
      prompt: { zh: '培训学到的方法在日常接待中用得上。', en: 'What I learned in training is useful in my daily chats.' },
    },
    {
      id: 'formats',
      type: 'multiple',
      topic: 'format',
      isRequired: true,
      prompt: { zh: '你更喜欢哪些培训形式？（可多选）', en: 'Which training formats do you prefer? (choose any)' },
      options: {
        zh: ['线下课堂讲授', '情景模拟与角色扮演', '真实案例复盘', '10 分钟以内的线上微课', '导师一对一带教', '小组分享与讨论'],
        en: ['Classroom teaching', 'Simulations and role-play', 'Reviewing real cases', 'Online micro-lessons under 10 minutes', 'One-to-one mentoring', 'Group sharing and discussion'],
      },
    },
    {
      id: 'preferred_time',
      type: 'single',
      topic: 'format',
      isRequired: false,
      prompt: { zh: '你希望培训安排在什么时间？', en: 'When would you like training to take place?' },
      options: { zh: ['工作日上班时间内', '工作日下班后', '周末', '咨询低峰期灵活安排'], en: ['During working hours', 'After work on weekdays', 'At weekends', 'Flexibly, in quiet hours'] },
    },
    {
      id: 'suggestions',
      type: 'text',
      topic: 'suggestion',
      isRequired: false,
      prompt: { zh: '对下个季度的培训，你还有什么建议或想学习的主题？', en: 'Any suggestions for next quarter’s training, or topics you would like to learn?' },
    },
  ],
};

/** The reaction questionnaire after a session (SPEC §2.8 level 1): content, method, instructor, then two open questions. */
const REACTION_TEMPLATE: TTemplate = {
  kind: 'reaction',
  title: { zh: '课后反馈', en: 'Session feedback' },
  description: { zh: '感谢参加本次培训！请用 1 分钟告诉我们你的感受，问卷匿名填写。', en: 'Thank you for taking part! Tell us in a minute how it went; answers are anonymous.' },
  questions: [
    { id: 'content', type: 'likert', topic: 'content', isRequired: true, prompt: { zh: '本次培训的内容贴近实际、对我的工作有用。', en: 'The content was practical and useful for my work.' } },
    { id: 'method', type: 'likert', topic: 'method', isRequired: true, prompt: { zh: '讲解、演练、讨论等方式让我容易理解和参与。', en: 'The way it was taught (explaining, practising, discussing) made it easy to follow and join in.' } },
    { id: 'instructor', type: 'likert', topic: 'instructor', isRequired: true, prompt: { zh: '讲师讲解清楚，能回应大家的问题。', en: 'The instructor explained clearly and answered our questions.' } },
    { id: 'best', type: 'text', topic: 'comment', isRequired: false, prompt: { zh: '这次培训中对你最有帮助的一点是什么？', en: 'What was the most helpful thing for you?' } },
    { id: 'improve', type: 'text', topic: 'comment', isRequired: false, prompt: { zh: '你希望下次培训在哪些方面改进？', en: 'What should we improve next time?' } },
  ],
};

export const SURVEY_TEMPLATES: Readonly<Record<TSurveyTemplateKey, TTemplate>> = { needs: NEEDS_TEMPLATE, reaction: REACTION_TEMPLATE };

/** Question ids of the reaction questionnaire, for level 1 of the evaluation. */
export const REACTION_QUESTION_IDS = { content: 'content', method: 'method', instructor: 'instructor' } as const;

/**
 * A built-in template in one language, ready for the builder or for sending.
 * @param key needs | reaction
 * @param locale the language of the texts
 * @returns title, description, kind and questions
 */
export function surveyTemplate(key: TSurveyTemplateKey, locale: 'zh-CN' | 'en') {
  const template = SURVEY_TEMPLATES[key];
  const lang = locale === 'en' ? 'en' : 'zh';
  return {
    kind: template.kind,
    title: template.title[lang],
    description: template.description[lang],
    questions: template.questions.map(
      (question): TSurveyQuestion => ({ id: question.id, type: question.type, prompt: question.prompt[lang], options: question.options?.[lang] ?? [], isRequired: question.isRequired, topic: question.topic }),
    ),
  };
}

/** Topics the builder offers (free text is also accepted). */
export const SURVEY_TOPICS = ['stressor', 'weak_point', 'complaint', 'satisfaction', 'format', 'suggestion', 'content', 'method', 'instructor', 'comment'] as const;
