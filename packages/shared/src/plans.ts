import { z } from 'zod';
import { ATTENDANCE_STATES, PLAN_STATUSES, SESSION_KINDS, SESSION_STATUSES, ZPlanContent, type TPlanContent, type TPlanItem } from './operations.js';

/** Yearly plans with approval, sessions, enrolment, sign-in, attendance, make-up tasks (SPEC §2.7): /api/ops/plans/*, /api/ops/sessions/*. */

// ---------------------------------------------------------------------------
// Rules shared by server and web

/** Sign-in codes use letters and digits nobody mixes up when read off a projector: no I, L, O, 0 or 1. */
export const SIGN_IN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SIGN_IN_CODE_LENGTH = 6;
/** A code works from half an hour before the start (people arrive early) until the end. */
export const SIGN_IN_OPENS_MINUTES_BEFORE = 30;
/** Signing in more than this many minutes after the start counts as late. */
export const LATE_AFTER_MINUTES = 10;
/** Repeated absence (SPEC §2.7): this many unexcused absences within this many days. */
export const REPEATED_ABSENCE = { count: 2, days: 90 } as const;
/** Plan items give local dates and times; CalmDesk's merchants work on China time (no daylight saving). */
export const PLAN_TIME_OFFSET = '+08:00';
const PLAN_OFFSET_MS = 8 * 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * A typed or scanned code as the server compares it: spaces and dashes dropped, upper case.
 * @param raw what the person typed
 * @returns the normalised code
 */
export function normaliseSignInCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * When a session's sign-in code is accepted.
 * @returns opensAt (30 minutes before the start) and closesAt (the end)
 */
export function signInWindow(session: { startsAt: Date; endsAt: Date }): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(session.startsAt.getTime() - SIGN_IN_OPENS_MINUTES_BEFORE * 60_000), closesAt: session.endsAt };
}

/**
 * The sessions a plan item becomes: `repeat` sessions, `everyDays` apart, starting on its date and time (China time).
 * @returns one entry per session, numbered from 1
 */
export function planItemSessionTimes(item: Pick<TPlanItem, 'date' | 'startTime' | 'durationMinutes' | 'repeat' | 'everyDays'>): { number: number; startsAt: Date; endsAt: Date }[] {
  const first = Date.parse(`${item.date}T${item.startTime}:00${PLAN_TIME_OFFSET}`);
  if (Number.isNaN(first)) return [];
  return Array.from({ length: item.repeat }, (_, index) => {
    const startsAt = new Date(first + index * item.everyDays * DAY_MS);
    return { number: index + 1, startsAt, endsAt: new Date(startsAt.getTime() + item.durationMinutes * 60_000) };
  });
}

/**
 * The months (1–12, China time) in which a plan item has sessions, and in which year each falls.
 * @returns sorted distinct `YYYY-MM` keys
 */
export function planItemMonths(item: Pick<TPlanItem, 'date' | 'startTime' | 'durationMinutes' | 'repeat' | 'everyDays'>): string[] {
  const months = planItemSessionTimes(item).map(({ startsAt }) => new Date(startsAt.getTime() + PLAN_OFFSET_MS).toISOString().slice(0, 7));
  return [...new Set(months)].sort();
}

/**
 * What a plan costs: the items' budgets added up, and the overall budget when one is given.
 * @returns itemsTotal (0 when no item has a budget) and the plan's own budget (null: none set)
 */
export function planBudget(content: Pick<TPlanContent, 'items' | 'budget'>): { itemsTotal: number; budget: number | null } {
  const itemsTotal = content.items.reduce((sum, item) => sum + (item.budget ?? 0), 0);
  return { itemsTotal: Math.round(itemsTotal * 100) / 100, budget: content.budget };
}

/** Fields of an item compared between two versions, in the order the diff names them. */
const DIFF_FIELDS = ['theme', 'goal', 'kind', 'date', 'startTime', 'durationMinutes', 'repeat', 'everyDays', 'location', 'instructorUserId', 'instructorName', 'courseId', 'scenarioIds', 'teamIds', 'userIds', 'budget'] as const;
export type TPlanItemField = (typeof DIFF_FIELDS)[number];

export const ZPlanItemsDiff = z.object({
  added: z.array(z.object({ id: z.string(), theme: z.string() })),
  removed: z.array(z.object({ id: z.string(), theme: z.string() })),
  changed: z.array(z.object({ id: z.string(), theme: z.string(), previousTheme: z.string(), fields: z.array(z.string()) })),
});
export type TPlanItemsDiff = z.infer<typeof ZPlanItemsDiff>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Which items were added, removed or changed between two versions of a plan. Items are matched by id,
 * so a renamed theme is a change (with the old theme kept), not a removal plus an addition.
 * @param before the earlier version's items
 * @param after the later version's items
 * @returns the themes added, removed and changed, with the fields that changed
 */
export function diffPlanItems(before: readonly TPlanItem[], after: readonly TPlanItem[]): TPlanItemsDiff {
  const earlier = new Map(before.map((item) => [item.id, item]));
  const later = new Set(after.map((item) => item.id));
  const diff: TPlanItemsDiff = { added: [], removed: [], changed: [] };
  for (const item of after) {
    const previous = earlier.get(item.id);
    if (!previous) {
      diff.added.push({ id: item.id, theme: item.theme });
      continue;
    }
    const fields = DIFF_FIELDS.filter((field) => !sameValue(previous[field], item[field]));
    if (fields.length > 0) diff.changed.push({ id: item.id, theme: item.theme, previousTheme: previous.theme, fields });
  }
  for (const item of before) if (!later.has(item.id)) diff.removed.push({ id: item.id, theme: item.theme });
  return diff;
}

// ---------------------------------------------------------------------------
// Plans

const ZPerson = z.object({ id: z.uuid(), displayName: z.string() });

/** A plan as the trainer writes it. Item ids are unique and every item starts in the plan's year. */
export const ZPlanInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: z.string().trim().min(1, 'give the plan a title').max(200),
    content: ZPlanContent,
  })
  .superRefine((plan, context) => {
    const seen = new Set<string>();
    plan.content.items.forEach((item, index) => {
      if (seen.has(item.id)) context.addIssue({ code: 'custom', path: ['content', 'items', index, 'id'], message: `item id "${item.id}" is used twice` });
      seen.add(item.id);
      if (!item.date.startsWith(`${plan.year}-`)) context.addIssue({ code: 'custom', path: ['content', 'items', index, 'date'], message: `「${item.theme}」starts on ${item.date}, outside ${plan.year}` });
      if (item.instructorUserId && item.instructorName) context.addIssue({ code: 'custom', path: ['content', 'items', index, 'instructorName'], message: 'name an instructor from the organisation or an invited one, not both' });
    });
  });
export type TPlanInput = z.input<typeof ZPlanInput>;

export const ZPlanDecisionSummary = z.object({
  version: z.number().int(),
  decision: z.enum(['approved', 'returned']),
  comment: z.string().nullable(),
  decidedBy: ZPerson.nullable(),
  decidedAt: z.string(),
});

export const ZPlanSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  /** The number of the last submitted version (0: never submitted). */
  version: z.number().int(),
  itemCount: z.number().int(),
  /** Sessions the items make (repeats counted). */
  plannedSessionCount: z.number().int(),
  goalCount: z.number().int(),
  itemsBudget: z.number(),
  budget: z.number().nullable(),
  createdBy: ZPerson.nullable(),
  submittedAt: z.string().nullable(),
  lastDecision: ZPlanDecisionSummary.nullable(),
  updatedAt: z.string(),
  createdAt: z.string(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;
export const ZPlanList = z.object({ plans: z.array(ZPlanSummary) });
export const ZPlanListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(PLAN_STATUSES).optional() });

export const ZPlanVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  content: ZPlanContent,
  submittedBy: ZPerson.nullable(),
  submittedAt: z.string(),
  decision: z.enum(['approved', 'returned']).nullable(),
  decisionComment: z.string().nullable(),
  decidedBy: ZPerson.nullable(),
  decidedAt: z.string().nullable(),
  /** What changed since the version before (null for version 1). */
  changes: ZPlanItemsDiff.nullable(),
});
export type TPlanVersion = z.infer<typeof ZPlanVersion>;

export const ZPlanDetail = ZPlanSummary.extend({
  content: ZPlanContent,
  /** Newest first. */
  versions: z.array(ZPlanVersion),
  /** The working copy against the last submitted version: what the trainer changed after a return. */
  pendingChanges: ZPlanItemsDiff.nullable(),
  /** Sessions created from this plan so far (after approval). */
  generatedSessionCount: z.number().int(),
  /** Names of the people, teams and courses the items refer to. */
  names: z.object({ people: z.record(z.string(), z.string()), teams: z.record(z.string(), z.string()), courses: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })) }),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanApproveRequest = z.object({ comment: z.string().trim().max(2000).default('') });
export const ZPlanReturnRequest = z.object({ comment: z.string().trim().min(1, 'say what should change').max(2000) });

// ---------------------------------------------------------------------------
// Sessions

const ZIsoDateTime = z.iso.datetime({ offset: true });
const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-03-12');

const sessionDetailFields = {
  title: z.string().trim().min(1, 'give the session a title').max(200),
  description: z.string().max(4000).default(''),
  kind: z.enum(SESSION_KINDS),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  location: z.string().max(200).default(''),
  instructorUserId: z.uuid().nullable().default(null),
  instructorName: z.string().trim().max(100).nullable().default(null),
  courseId: z.uuid().nullable().default(null),
  scenarioIds: z.array(z.string().max(100)).max(20).default([]),
};

function checkTimes(session: { startsAt?: string | undefined; endsAt?: string | undefined }, context: z.RefinementCtx) {
  if (!session.startsAt || !session.endsAt) return;
  const minutes = (Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000;
  if (minutes <= 0) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'the end must come after the start' });
  else if (minutes > 12 * 60) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'a session lasts at most 12 hours; plan a multi-day block as repeated sessions' });
}

/** A one-off session (or a make-up session for people who missed `makeUpForSessionId`), with whom to enrol. */
export const ZSessionInput = z
  .object({
    ...sessionDetailFields,
    userIds: z.array(z.uuid()).max(500).default([]),
    teamIds: z.array(z.uuid()).max(50).default([]),
    makeUpForSessionId: z.uuid().nullable().default(null),
  })
  .superRefine(checkTimes);
export type TSessionInput = z.input<typeof ZSessionInput>;

/** Changing a session's details; enrolment has its own call. */
export const ZSessionUpdate = z
  .object({
    title: sessionDetailFields.title.optional(),
    description: z.string().max(4000).optional(),
    startsAt: ZIsoDateTime.optional(),
    endsAt: ZIsoDateTime.optional(),
    location: z.string().max(200).optional(),
    instructorUserId: z.uuid().nullable().optional(),
    instructorName: z.string().trim().max(100).nullable().optional(),
  })
  .superRefine(checkTimes);

export const ZEnrolRequest = z
  .object({ userIds: z.array(z.uuid()).max(500).default([]), teamIds: z.array(z.uuid()).max(50).default([]) })
  .refine((input) => input.userIds.length + input.teamIds.length > 0, { message: 'choose people or teams to enrol', path: ['userIds'] });

export const ZSessionListQuery = z
  .object({ from: ZIsoDate, to: ZIsoDate, kind: z.enum(SESSION_KINDS).optional() })
  .refine((query) => query.from <= query.to, { message: 'from must not be after to', path: ['to'] })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 400 * DAY_MS, { message: 'ask for at most 400 days at once', path: ['to'] });

export const ZSessionSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(SESSION_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  instructor: z.object({ userId: z.uuid().nullable(), name: z.string() }).nullable(),
  plan: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  makeUpFor: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  enrolledCount: z.number().int(),
  attendedCount: z.number().int(),
  absentCount: z.number().int(),
  excusedCount: z.number().int(),
  closedAt: z.string().nullable(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;
export const ZSessionList = z.object({ sessions: z.array(ZSessionSummary) });

export const ZEnrolment = z.object({
  user: ZPerson,
  teams: z.array(z.string()),
  attendance: z.enum(ATTENDANCE_STATES),
  signedInAt: z.string().nullable(),
  signInMethod: z.enum(['code', 'qr', 'manual']).nullable(),
  excuseReason: z.string().nullable(),
  markedBy: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type TEnrolment = z.infer<typeof ZEnrolment>;

export const ZSignInCode = z.object({
  code: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  isOpen: z.boolean(),
  /** Path of the page the QR code opens, to prefix with the site's origin. */
  path: z.string(),
});
export type TSignInCode = z.infer<typeof ZSignInCode>;

export const ZSessionDetail = ZSessionSummary.extend({
  description: z.string(),
  course: z.object({ id: z.uuid(), title: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
  scenarioIds: z.array(z.string()),
  /** Enrolled people the caller may see (a supervisor: their teams' members). */
  enrolments: z.array(ZEnrolment),
  /** Enrolled people outside the caller's teams, counted only. */
  hiddenEnrolmentCount: z.number().int(),
  /** May the caller start sign-in, correct attendance, enrol and close? */
  canManage: z.boolean(),
  /** The running code, shown only to those who manage the session. */
  signIn: ZSignInCode.nullable(),
  /** The reaction questionnaire sent after the session, if any. */
  reactionSurveyId: z.uuid().nullable(),
  createdBy: ZPerson.nullable(),
});
export type TSessionDetail = z.infer<typeof ZSessionDetail>;

export const ZSignInRequest = z.object({ code: z.string().trim().min(1, 'type the code').max(20), method: z.enum(['code', 'qr']).default('code') });
export const ZSignInResult = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  attendance: z.enum(ATTENDANCE_STATES),
  signedInAt: z.string(),
  /** True when the person had signed in already: nothing changed. */
  wasAlreadySignedIn: z.boolean(),
});

export const ZAttendanceMarks = z.object({
  marks: z
    .array(
      z
        .object({ userId: z.uuid(), attendance: z.enum(ATTENDANCE_STATES), reason: z.string().trim().max(500).nullable().default(null) })
        .refine((mark) => mark.attendance !== 'excused' || Boolean(mark.reason), { message: 'an excused absence needs a reason', path: ['reason'] }),
    )
    .min(1)
    .max(500),
});
export type TAttendanceMark = z.input<typeof ZAttendanceMarks>['marks'][number];

/** What the absent get when a session is closed: a make-up session (chosen now or later) or an exam. */
export const ZCloseSessionRequest = z.object({
  makeUp: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('session'), makeUpSessionId: z.uuid().nullable().default(null) }), z.object({ kind: z.literal('exam'), examId: z.uuid() })])
    .default({ kind: 'session', makeUpSessionId: null }),
  dueDate: ZIsoDate.nullable().default(null),
});
export type TCloseSessionRequest = z.input<typeof ZCloseSessionRequest>;

export const ZCloseSessionResult = z.object({
  session: ZSessionDetail,
  /** People marked absent now (still 'enrolled' at closing). */
  markedAbsent: z.number().int(),
  warnings: z.number().int(),
  makeUpTasks: z.number().int(),
  reactionSurveyId: z.uuid().nullable(),
});

// ---------------------------------------------------------------------------
// Make-up tasks

export const MAKE_UP_STATUSES = ['open', 'done', 'waived'] as const;

export const ZMakeUpTask = z.object({
  id: z.uuid(),
  user: ZPerson,
  teams: z.array(z.string()),
  missedSession: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }),
  kind: z.enum(['session', 'exam']),
  makeUpSession: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), endsAt: z.string(), location: z.string() }).nullable(),
  exam: z.object({ id: z.uuid(), title: z.object({ zh: z.string(), en: z.string() }) }).nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(MAKE_UP_STATUSES),
  doneAt: z.string().nullable(),
  waiveReason: z.string().nullable(),
  createdAt: z.string(),
});
export type TMakeUpTask = z.infer<typeof ZMakeUpTask>;
export const ZMakeUpList = z.object({ tasks: z.array(ZMakeUpTask) });
export const ZMakeUpQuery = z.object({ status: z.enum([...MAKE_UP_STATUSES, 'all']).default('open') });
export const ZMakeUpUpdate = z
  .object({ kind: z.enum(['session', 'exam']), makeUpSessionId: z.uuid().nullable().default(null), examId: z.uuid().nullable().default(null), dueDate: ZIsoDate.nullable().optional() })
  .refine((input) => input.kind !== 'exam' || input.examId !== null, { message: 'choose the exam to pass', path: ['examId'] });
export const ZWaiveRequest = z.object({ reason: z.string().trim().min(1, 'say why the task is waived').max(500) });

// ---------------------------------------------------------------------------
// Attendance overview and my sessions

export const ZAttendanceQuery = z.object({ from: ZIsoDate.optional(), to: ZIsoDate.optional(), teamId: z.uuid().optional() });

const ZAttendanceCounts = z.object({
  enrolments: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  /** (present + late) / (present + late + absent); excused absences do not count against. Null with nothing settled. */
  rate: z.number().nullable(),
});
export type TAttendanceCounts = z.infer<typeof ZAttendanceCounts>;

export const ZAttendanceOverview = z.object({
  from: z.string(),
  to: z.string(),
  /** Supervisors see their teams only; the training group everyone. */
  scope: z.enum(['organisation', 'my_teams']),
  sessionCount: z.number().int(),
  totals: ZAttendanceCounts,
  teams: z.array(ZAttendanceCounts.extend({ teamId: z.uuid(), name: z.string() })),
  people: z.array(ZAttendanceCounts.extend({ user: ZPerson, teams: z.array(z.string()) })),
  /** REPEATED_ABSENCE.count or more unexcused absences in the last REPEATED_ABSENCE.days days. */
  repeatedAbsences: z.array(z.object({ user: ZPerson, teams: z.array(z.string()), count: z.number().int(), sessions: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() })) })),
  openMakeUps: z.array(ZMakeUpTask),
});
export type TAttendanceOverview = z.infer<typeof ZAttendanceOverview>;

export const ZMySession = ZSessionSummary.pick({ id: true, title: true, kind: true, status: true, startsAt: true, endsAt: true, location: true, instructor: true, makeUpFor: true, closedAt: true }).extend({
  attendance: z.enum(ATTENDANCE_STATES),
  signedInAt: z.string().nullable(),
  excuseReason: z.string().nullable(),
  signInOpensAt: z.string(),
  signInClosesAt: z.string(),
});
export type TMySession = z.infer<typeof ZMySession>;
export const ZMySessions = z.object({ upcoming: z.array(ZMySession), past: z.array(ZMySession), makeUps: z.array(ZMakeUpTask) });
