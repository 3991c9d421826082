import { z } from 'zod';
import { PERSON_RECORD_KINDS, POINT_RULE_KEYS } from './operations.js';

/**
 * Mentoring, person records, points, suggestions, excellent-trainee selection (SPEC §2.7, §2.10):
 * /api/ops/mentoring/*, /api/ops/records/*, /api/ops/points/*, /api/ops/suggestions/*,
 * /api/ops/selections/* and the caller's own views under /api/ops/my/*.
 */

const ZText = z.object({ zh: z.string(), en: z.string() });
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-31');
const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() });
const ZTeamRef = z.object({ id: z.uuid(), name: z.string() });

/** Someone hired this many days ago or less is a new hire who needs a mentor (SPEC §2.7: weeks of on-the-job mentoring). */
export const NEW_HIRE_DAYS = 90;

// ---------------------------------------------------------------------------
// Mentoring

export const MENTORSHIP_TASK_KINDS = ['checklist', 'milestone'] as const;

export const ZMentorshipTask = z.object({
  id: z.uuid(),
  kind: z.enum(MENTORSHIP_TASK_KINDS),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: ZPersonRef.nullable(),
  position: z.number().int(),
});
export type TMentorshipTask = z.infer<typeof ZMentorshipTask>;

export const ZMentorshipSummary = z.object({
  id: z.uuid(),
  mentor: ZPersonRef,
  mentee: ZPersonRef,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
  /** The next open task by due date, if any. */
  nextTask: z.object({ title: z.string(), dueOn: z.string().nullable() }).nullable(),
});
export type TMentorshipSummary = z.infer<typeof ZMentorshipSummary>;

/** /operations/mentoring: the new hires in view (those without a mentor first), the active mentorships, the people who may mentor. */
export const ZMentoringOverview = z.object({
  newHireDays: z.number().int(),
  newHires: z.array(
    z.object({
      user: ZPersonRef.extend({ login: z.string() }),
      teams: z.array(ZTeamRef),
      hireDate: z.string(),
      daysSinceHire: z.number().int(),
      mentorship: ZMentorshipSummary.nullable(),
    }),
  ),
  mentorships: z.array(ZMentorshipSummary),
  mentors: z.array(ZPersonRef.extend({ teams: z.array(ZTeamRef), activeMentees: z.number().int() })),
});
export type TMentoringOverview = z.infer<typeof ZMentoringOverview>;

export const ZCreateMentorshipRequest = z.object({
  menteeUserId: z.uuid(),
  mentorUserId: z.uuid(),
  /** Defaults to today; the checklist's due dates count from it. */
  startedOn: ZIsoDate.optional(),
});
export const ZEndMentorshipRequest = z.object({ endedOn: ZIsoDate.optional() });
export const ZMentorshipNoteRequest = z.object({ body: z.string().trim().min(1, 'write the note').max(4000) });
export const ZMentorshipTaskRequest = z.object({ kind: z.enum(MENTORSHIP_TASK_KINDS), title: z.string().trim().min(1).max(200), dueOn: ZIsoDate.nullable().default(null) });
export const ZMentorshipTaskDoneRequest = z.object({ isDone: z.boolean() });

/** What a mentor sees of a mentee's training: learning, exams, role-play and transcript QA (read-only, from those areas). */
export const ZMenteeResults = z.object({
  courses: z.array(z.object({ courseId: z.uuid(), title: ZText, lessonsDone: z.number().int(), lessonCount: z.number().int(), dueDate: z.string().nullable(), completedAt: z.string().nullable() })),
  exams: z.array(z.object({ attemptId: z.uuid(), examTitle: ZText, attemptNumber: z.number().int(), score: z.number().int().nullable(), isPassed: z.boolean().nullable(), status: z.string(), submittedAt: z.string().nullable() })),
  roleplay: z.object({
    attempts: z.number().int(),
    finished: z.number().int(),
    averageScore: z.number().nullable(),
    /** Each scenario's best finished score. */
    bestByScenario: z.array(z.object({ scenarioId: z.string(), title: ZText, bestScore: z.number().int(), attempts: z.number().int() })),
    recent: z.array(z.object({ id: z.uuid(), scenarioTitle: ZText, total: z.number().int().nullable(), outcome: z.string().nullable(), startedAt: z.string() })),
  }),
  qa: z.object({
    conversations: z.number().int(),
    averageScore: z.number().nullable(),
    missedEscalations: z.number().int(),
    languageIssues: z.number().int(),
    /** The lowest-scoring recent conversations, to talk through. */
    lowest: z.array(z.object({ id: z.uuid(), startedAt: z.string().nullable(), score: z.number().int().nullable(), isEscalationMissed: z.boolean() })),
  }),
});
export type TMenteeResults = z.infer<typeof ZMenteeResults>;

export const ZMentorshipNote = z.object({ id: z.uuid(), author: ZPersonRef.nullable(), body: z.string(), createdAt: z.string() });

export const ZMentorshipDetail = ZMentorshipSummary.extend({
  menteeTeams: z.array(ZTeamRef),
  menteeHireDate: z.string().nullable(),
  tasks: z.array(ZMentorshipTask),
  /** Coaching notes: kept between the mentor and the training group; null for anyone else (a supervisor). */
  notes: z.array(ZMentorshipNote).nullable(),
  results: ZMenteeResults,
  /** What the caller may do here. */
  canWrite: z.boolean(),
  canEnd: z.boolean(),
  /** Whether the caller may open the mentee's QA conversations (the QA pages show a mentor or supervisor their teams' only). */
  canOpenQa: z.boolean(),
});
export type TMentorshipDetail = z.infer<typeof ZMentorshipDetail>;

/** /my/mentoring: the mentees I coach (mentors), and my own mentor with the checklist (new hires). */
export const ZMyMentoring = z.object({
  asMentor: z.array(ZMentorshipSummary.extend({ results: ZMenteeResults.pick({ qa: true }).extend({ coursesDone: z.number().int(), courses: z.number().int(), roleplayAverage: z.number().nullable(), examAverage: z.number().nullable() }) })),
  asMentee: z
    .object({
      mentorship: ZMentorshipSummary,
      tasks: z.array(ZMentorshipTask),
    })
    .nullable(),
});
export type TMyMentoring = z.infer<typeof ZMyMentoring>;

// ---------------------------------------------------------------------------
// Person records (warnings, deductions, mandatory re-training, discipline)

export const RECORD_SOURCE_TYPES = ['absence', 'complaint', 'manual'] as const;

export const ZPersonRecord = z.object({
  id: z.uuid(),
  user: ZPersonRef,
  kind: z.enum(PERSON_RECORD_KINDS),
  reason: z.string(),
  sourceType: z.enum(RECORD_SOURCE_TYPES),
  /** A complaint's reference (order or ticket number), a missed session's id. */
  sourceId: z.string().nullable(),
  /** Performance points deducted (kind deduction). */
  points: z.number().int().nullable(),
  /** The course and/or role-play scenario assigned as mandatory re-training. */
  retraining: z.object({ courseId: z.uuid().nullable(), courseTitle: ZText.nullable(), scenarioId: z.string().nullable(), scenarioTitle: ZText.nullable(), dueDate: z.string().nullable() }).nullable(),
  createdBy: ZPersonRef.nullable(),
  createdAt: z.string(),
});
export type TPersonRecord = z.infer<typeof ZPersonRecord>;

export const ZRecordListQuery = z.object({
  userId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  kind: z.enum(PERSON_RECORD_KINDS).optional(),
  sourceType: z.enum(RECORD_SOURCE_TYPES).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export const ZRecordList = z.object({ records: z.array(ZPersonRecord), people: z.array(ZPersonRef.extend({ teams: z.array(ZTeamRef) })) });
export type TRecordList = z.infer<typeof ZRecordList>;
export const ZMyRecords = z.object({ records: z.array(ZPersonRecord) });

export const ZCreateRecordRequest = z
  .object({
    userId: z.uuid(),
    kind: z.enum(PERSON_RECORD_KINDS),
    reason: z.string().trim().min(1, 'give the reason').max(2000),
    /** complaint: after a customer complaint caused by poor handling; manual: anything else a manager records. */
    sourceType: z.enum(['complaint', 'manual']).default('manual'),
    /** The complaint's order or ticket number, for the person and later checks. */
    sourceRef: z.string().trim().max(100).nullable().default(null),
    points: z.number().int().min(1).max(100).nullable().default(null),
    courseId: z.uuid().nullable().default(null),
    scenarioId: z.string().trim().min(1).max(100).nullable().default(null),
    dueDate: ZIsoDate.nullable().default(null),
  })
  .superRefine((input, context) => {
    if (input.kind === 'deduction' && input.points === null) context.addIssue({ code: 'custom', path: ['points'], message: 'a deduction needs the points deducted (1–100)' });
    if (input.kind !== 'deduction' && input.points !== null) context.addIssue({ code: 'custom', path: ['points'], message: 'only a deduction carries points' });
    const assigns = input.courseId !== null || input.scenarioId !== null;
    if (input.kind === 'retraining' && !assigns) context.addIssue({ code: 'custom', path: ['courseId'], message: 'mandatory re-training assigns a course or a role-play scenario' });
    if (input.kind !== 'retraining' && assigns) context.addIssue({ code: 'custom', path: ['courseId'], message: 'only a re-training record assigns a course or scenario' });
  });
export type TCreateRecordRequest = z.input<typeof ZCreateRecordRequest>;

// ---------------------------------------------------------------------------
// Points

export const ZPointRuleKey = z.enum(POINT_RULE_KEYS);
export type TPointRuleKey = z.infer<typeof ZPointRuleKey>;

export const ZPointRule = z.object({
  key: ZPointRuleKey,
  points: z.number().int(),
  /** roleplay_score: the score to reach; clean_month: the fewest QA conversations in the month for it to count. */
  threshold: z.number().int().nullable(),
  isEnabled: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TPointRule = z.infer<typeof ZPointRule>;
export const ZPointRules = z.object({ rules: z.array(ZPointRule) });
export const ZUpdatePointRulesRequest = z.object({
  rules: z
    .array(z.object({ key: ZPointRuleKey, points: z.number().int().min(0).max(1000), threshold: z.number().int().min(0).max(1000).nullable().default(null), isEnabled: z.boolean() }))
    .min(1)
    .max(POINT_RULE_KEYS.length)
    .superRefine((rules, context) => {
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        if (seen.has(rule.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `rule ${rule.key} is given twice` });
        seen.add(rule.key);
        if (rule.key === 'roleplay_score' && (rule.threshold === null || rule.threshold > 100)) context.addIssue({ code: 'custom', path: [index, 'threshold'], message: 'the role-play rule needs a score to reach, 0–100' });
      });
    }),
});

export const ZPointEntry = z.object({
  id: z.uuid(),
  user: ZPersonRef,
  points: z.number().int(),
  reason: z.string(),
  /** Null for a manual entry. */
  ruleKey: ZPointRuleKey.nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  createdBy: ZPersonRef.nullable(),
  createdAt: z.string(),
});
export type TPointEntry = z.infer<typeof ZPointEntry>;

/** A period for rankings: a year (2026), half-year (2026-H2), quarter (2026-Q4), month (2026-11), or all. */
export const ZPointPeriod = z.string().regex(/^(all|\d{4}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?)$/, 'a period like 2026, 2026-H2, 2026-Q4, 2026-11 or all');

export const ZMyPoints = z.object({ balance: z.number().int(), thisYear: z.number().int(), entries: z.array(ZPointEntry), rules: z.array(ZPointRule) });
export type TMyPoints = z.infer<typeof ZMyPoints>;

export const ZPointLedgerQuery = z.object({
  userId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  /** manual: entries with a reason written by the training group; rule: awarded by a rule; or one rule's key. */
  source: z.enum(['manual', 'rule', ...POINT_RULE_KEYS]).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export const ZPointLedger = z.object({ entries: z.array(ZPointEntry), total: z.number().int() });
export const ZPointRankingQuery = z.object({ period: ZPointPeriod.default('all'), teamId: z.uuid().optional() });
export const ZPointRanking = z.object({
  period: z.string(),
  rows: z.array(z.object({ rank: z.number().int(), user: ZPersonRef, teams: z.array(ZTeamRef), points: z.number().int(), entries: z.number().int() })),
});
export type TPointRanking = z.infer<typeof ZPointRanking>;
export const ZManualPointRequest = z.object({
  userId: z.uuid(),
  points: z
    .number()
    .int()
    .min(-1000)
    .max(1000)
    .refine((n) => n !== 0, 'points must not be 0'),
  reason: z.string().trim().min(2, 'give the reason').max(500),
});

// ---------------------------------------------------------------------------
// Innovation suggestions

export const SUGGESTION_STATUSES = ['submitted', 'adopted', 'declined'] as const;
export const ZSuggestion = z.object({
  id: z.uuid(),
  author: ZPersonRef,
  title: z.string(),
  body: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedBy: ZPersonRef.nullable(),
  reviewedAt: z.string().nullable(),
  /** Points the adoption earned the author (null while not adopted, or the rule was off). */
  pointsAwarded: z.number().int().nullable(),
  createdAt: z.string(),
});
export type TSuggestion = z.infer<typeof ZSuggestion>;
export const ZSuggestionList = z.object({ suggestions: z.array(ZSuggestion) });
export const ZSuggestionQuery = z.object({ status: z.enum(SUGGESTION_STATUSES).optional() });
export const ZCreateSuggestionRequest = z.object({ title: z.string().trim().min(2, 'give it a title').max(120), body: z.string().trim().min(10, 'describe it in at least 10 characters').max(4000) });
export const ZAdoptSuggestionRequest = z.object({ note: z.string().trim().max(1000).default('') });
export const ZDeclineSuggestionRequest = z.object({ note: z.string().trim().min(2, 'tell the author why').max(1000) });

// ---------------------------------------------------------------------------
// Excellent-trainee selection (优秀学员, half-yearly)

export const SELECTION_PARTS = ['exams', 'roleplay', 'attendance', 'kpi'] as const;
export type TSelectionPart = (typeof SELECTION_PARTS)[number];
export const ZSelectionPeriod = z.string().regex(/^\d{4}-H[12]$/, 'a half-year like 2026-H2');

export const ZSelectionWeights = z
  .object({ exams: z.number().int().min(0).max(100), roleplay: z.number().int().min(0).max(100), attendance: z.number().int().min(0).max(100), kpi: z.number().int().min(0).max(100) })
  .refine((w) => w.exams + w.roleplay + w.attendance + w.kpi === 100, { message: 'the weights must add up to 100', path: ['exams'] });
export type TSelectionWeights = z.infer<typeof ZSelectionWeights>;

/** One part of a person's score: the measured value, its 0–100 mark, the weight it carried after redistribution, and its points. */
export const ZSelectionPartScore = z.object({
  /** exams, role-play: average score 0–100; attendance: rate 0–1; kpi: CSAT change in percentage points. Null: no data. */
  value: z.number().nullable(),
  mark: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
  /** How many things the value is made of: graded exam attempts, scenarios, sessions, KPI periods (before + after). */
  count: z.number().int(),
});
export const ZSelectionRow = z.object({
  rank: z.number().int(),
  user: ZPersonRef,
  teams: z.array(ZTeamRef),
  score: z.number(),
  parts: z.object({ exams: ZSelectionPartScore, roleplay: ZSelectionPartScore, attendance: ZSelectionPartScore, kpi: ZSelectionPartScore }),
  /** Parts whose weight went to the others because there was nothing to measure. */
  redistributed: z.array(z.enum(SELECTION_PARTS)),
});
export type TSelectionRow = z.infer<typeof ZSelectionRow>;

export const SELECTION_STATUSES = ['draft', 'shortlisted', 'confirmed'] as const;
export const ZSelection = z.object({
  id: z.uuid(),
  period: z.string(),
  weights: ZSelectionWeights,
  shortlistSize: z.number().int(),
  status: z.enum(SELECTION_STATUSES),
  ranking: z.array(ZSelectionRow),
  chosen: z.array(ZPersonRef.extend({ certificateCode: z.string().nullable() })),
  confirmedBy: ZPersonRef.nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The certificate's title for this period. */
  title: ZText,
});
export type TSelection = z.infer<typeof ZSelection>;
export const ZSelectionList = z.object({
  selections: z.array(ZSelection.pick({ id: true, period: true, status: true, shortlistSize: true, confirmedAt: true, createdAt: true, title: true }).extend({ chosen: z.number().int(), ranked: z.number().int() })),
});
export const ZComputeSelectionRequest = z.object({ period: ZSelectionPeriod, weights: ZSelectionWeights, shortlistSize: z.number().int().min(1).max(50).default(5) });
export const ZConfirmSelectionRequest = z.object({ chosenUserIds: z.array(z.uuid()).min(1, 'choose at least one person').max(50) });

/**
 * The certificate title of a half-year's excellent trainees, e.g. 2026-H2 -> 2026年下半年优秀学员.
 * @param period a half-year like 2026-H2
 * @returns the title in both languages
 */
export function selectionTitle(period: string): { zh: string; en: string } {
  const [year, half] = period.split('-');
  return half === 'H1' ? { zh: `${year}年上半年优秀学员`, en: `Excellent Trainee, H1 ${year}` } : { zh: `${year}年下半年优秀学员`, en: `Excellent Trainee, H2 ${year}` };
}
