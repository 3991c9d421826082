import { z } from 'zod';

/**
 * The shapes shared by the training-operations areas (SPEC §2.7, §2.8, §2.10): survey
 * questions (needs analysis and reaction questionnaires), a plan's content (its items become
 * sessions), the kinds and statuses the tables hold. Each area's request and response schemas
 * live in its own file: surveys.ts, plans.ts, people.ts, evaluation.ts.
 */

export const SURVEY_KINDS = ['needs', 'reaction', 'general'] as const;
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export const QUESTION_TYPES = ['likert', 'single', 'multiple', 'text'] as const;

/** One question. Likert is 1–5 (非常不同意 … 非常同意); single and multiple have options; text is open. */
export const ZSurveyQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - or _'),
    type: z.enum(QUESTION_TYPES),
    prompt: z.string().trim().min(1).max(300),
    options: z.array(z.string().trim().min(1).max(120)).max(12).default([]),
    isRequired: z.boolean().default(true),
    /** What the question measures, for the needs report (e.g. stressor, weak_point, complaint, satisfaction, content, method, instructor). */
    topic: z.string().max(40).optional(),
  })
  .superRefine((question, context) => {
    const needsOptions = question.type === 'single' || question.type === 'multiple';
    if (needsOptions && question.options.length < 2) context.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least 2 options' });
    if (!needsOptions && question.options.length > 0) context.addIssue({ code: 'custom', path: ['options'], message: `a ${question.type} question has no options` });
  });
export type TSurveyQuestion = z.infer<typeof ZSurveyQuestion>;

export const ZSurveyQuestions = z
  .array(ZSurveyQuestion)
  .min(1)
  .max(60)
  .superRefine((questions, context) => {
    const seen = new Set<string>();
    questions.forEach((question, index) => {
      if (seen.has(question.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `question id "${question.id}" is used twice` });
      seen.add(question.id);
    });
  });

/** One answer: a Likert 1–5, the chosen option, the chosen options, or text. */
export const ZSurveyAnswer = z.union([z.number().int().min(1).max(5), z.string().max(4000), z.array(z.string().max(120)).max(12)]);

export const SESSION_KINDS = ['classroom', 'online', 'drill', 'roleplay_day'] as const;
export const SESSION_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const ATTENDANCE_STATES = ['enrolled', 'present', 'late', 'excused', 'absent'] as const;
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;

/** One plan item: a theme delivered as one or more sessions. */
export const ZPlanItem = z.object({
  id: z.string().min(1).max(40),
  theme: z.string().trim().min(1).max(200),
  goal: z.string().max(1000).default(''),
  kind: z.enum(SESSION_KINDS),
  /** The first session's date (YYYY-MM-DD) and time; repeats add more on the same weekday. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-12'),
  startTime: z.string().regex(/^\d{2}:\d{2}$/, 'a time like 14:00').default('14:00'),
  durationMinutes: z.number().int().min(15).max(8 * 60).default(120),
  /** How many sessions (e.g. monthly topic sessions: 1; new-hire block: 5 days). */
  repeat: z.number().int().min(1).max(20).default(1),
  /** Days between repeated sessions. */
  everyDays: z.number().int().min(1).max(92).default(7),
  location: z.string().max(200).default(''),
  instructorUserId: z.uuid().nullable().default(null),
  instructorName: z.string().max(100).nullable().default(null),
  courseId: z.uuid().nullable().default(null),
  scenarioIds: z.array(z.string().max(100)).max(20).default([]),
  /** Who takes part: teams and people (a session enrols them when generated). */
  teamIds: z.array(z.uuid()).max(50).default([]),
  userIds: z.array(z.uuid()).max(500).default([]),
  budget: z.number().min(0).max(100_000_000).nullable().default(null),
  /** Where the item came from, e.g. a needs survey. */
  sourceSurveyId: z.uuid().nullable().default(null),
});
export type TPlanItem = z.infer<typeof ZPlanItem>;

export const ZPlanContent = z.object({
  goals: z.array(z.string().trim().min(1).max(500)).max(30).default([]),
  methods: z.string().max(4000).default(''),
  items: z.array(ZPlanItem).max(200).default([]),
  /** Overall budget in yuan, if wanted. */
  budget: z.number().min(0).max(1_000_000_000).nullable().default(null),
});
export type TPlanContent = z.infer<typeof ZPlanContent>;

export const PERSON_RECORD_KINDS = ['warning', 'deduction', 'retraining', 'discipline'] as const;
export const POINT_RULE_KEYS = ['exam_passed', 'roleplay_score', 'clean_month', 'suggestion_adopted', 'session_attended'] as const;

/** A person's tenure band for breakdowns (needs report, evaluation). */
export const TENURE_BANDS = ['lt3m', '3to12m', '1to3y', 'gt3y', 'unknown'] as const;
export type TTenureBand = (typeof TENURE_BANDS)[number];

/**
 * The tenure band of a number of months since hire.
 * @param months months since the hire date, or null when it is not known
 * @returns the band
 */
export function tenureBand(months: number | null): TTenureBand {
  if (months === null || months < 0) return 'unknown';
  if (months < 3) return 'lt3m';
  if (months < 12) return '3to12m';
  if (months < 36) return '1to3y';
  return 'gt3y';
}

// ---------------------------------------------------------------------------
// Notifications (in-app notices; used by every area)

const ZBilingual = z.object({ zh: z.string(), en: z.string() });
export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: ZBilingual,
  body: z.object({ zh: z.string(), en: z.string() }).partial(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;
export const ZNotificationList = z.object({ unread: z.number().int(), notifications: z.array(ZNotification) });
export const ZNotificationQuery = z.object({ isUnreadOnly: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(100).default(30) });
export const ZMarkNotificationsRead = z.object({ ids: z.array(z.uuid()).max(200).optional() });
