import { z } from 'zod';

/**
 * KPI import and the four-level dashboard (SPEC §2.8): /api/eval/*. Level 1 reaction
 * (reaction questionnaires), level 2 learning (exams, role-play), level 3 behaviour
 * (transcript QA), level 4 results (KPIs, before and after training). Percentages are
 * 0–100 everywhere; a figure is null when there is nothing to compute it from.
 */

/** Who opens 效果评估: supervisors (their teams) and the training group (everyone). Admins run the install, not the training. */
export const EVALUATION_ROLES = ['supervisor', 'trainer', 'deputy', 'leader'] as const;
/** Who sees every team; the others (supervisors) see the teams they belong to. */
export const EVALUATION_ORGANISATION_WIDE_ROLES = ['trainer', 'deputy', 'leader'] as const;

/** The KPIs of one person and period (kpi_records). */
export const KPI_FIELDS = ['csat', 'complaintRate', 'repurchaseRate', 'resolutionMinutes', 'escalationRate'] as const;
export type TKpiField = (typeof KPI_FIELDS)[number];
/** Whether a rise is good news: satisfaction and repurchase up, complaints, handling time and escalations down. */
export const KPI_HIGHER_IS_BETTER: Readonly<Record<TKpiField, boolean>> = { csat: true, complaintRate: false, repurchaseRate: true, resolutionMinutes: false, escalationRate: false };
/** Which KPIs are percentages (0–100); the other is minutes. */
export const KPI_IS_PERCENT: Readonly<Record<TKpiField, boolean>> = { csat: true, complaintRate: true, repurchaseRate: true, resolutionMinutes: false, escalationRate: true };

/** The largest KPI file accepted (a team's month fits in kilobytes). */
export const KPI_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** The most data rows in one KPI file. */
export const KPI_FILE_MAX_ROWS = 20_000;
/** Below this many people in a group, the before/after comparison carries a warning. */
export const DID_MIN_GROUP = 5;

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-10');
const ZColumnName = z.string().trim().min(1).max(200);

/** Which column of the file holds what: the person, the period (a month, or start and end), and the KPIs. */
export const ZKpiMapping = z.object({
  person: ZColumnName.optional(),
  month: ZColumnName.optional(),
  periodStart: ZColumnName.optional(),
  periodEnd: ZColumnName.optional(),
  csat: ZColumnName.optional(),
  complaintRate: ZColumnName.optional(),
  repurchaseRate: ZColumnName.optional(),
  resolutionMinutes: ZColumnName.optional(),
  escalationRate: ZColumnName.optional(),
});
export type TKpiMapping = z.infer<typeof ZKpiMapping>;
export const KPI_MAPPING_KEYS = ['person', 'month', 'periodStart', 'periodEnd', ...KPI_FIELDS] as const;
export type TKpiMappingKey = (typeof KPI_MAPPING_KEYS)[number];

/**
 * The query of a KPI upload (the file's bytes are the body, application/octet-stream): its
 * name, and the columns when the person changed the suggested mapping (left out: suggested).
 */
export const ZKpiUploadQuery = ZKpiMapping.extend({ fileName: z.string().trim().min(1).max(200) });

/** Why a row was not imported; the web app words each code in the reader's language. */
export const KPI_REJECT_CODES = [
  'unreadable', // the CSV record itself is broken
  'missing_person',
  'unknown_person',
  'ambiguous_person', // a name shared by several people
  'not_your_team', // a supervisor imports only for their teams
  'missing_period',
  'bad_month',
  'bad_date',
  'end_before_start',
  'period_too_long',
  'bad_number',
  'out_of_range',
  'looks_like_fraction', // satisfaction written as 0.96 instead of 96
  'no_values',
  'duplicate', // the same person and period earlier in the file
] as const;
export type TKpiRejectCode = (typeof KPI_REJECT_CODES)[number];

export const ZKpiReject = z.object({
  /** Counted from the first row under the header (1). */
  rowNumber: z.number().int(),
  code: z.enum(KPI_REJECT_CODES),
  /** The KPI or mapping field concerned, e.g. csat or periodEnd. */
  field: z.string().nullable(),
  /** The value as written in the file (shortened). */
  value: z.string().nullable(),
  /** The other row, for duplicates. */
  otherRow: z.number().int().nullable(),
  /** English, for logs and API users. */
  reason: z.string(),
});
export type TKpiReject = z.infer<typeof ZKpiReject>;

const ZKpiValues = z.object({
  csat: z.number().nullable(),
  complaintRate: z.number().nullable(),
  repurchaseRate: z.number().nullable(),
  resolutionMinutes: z.number().nullable(),
  escalationRate: z.number().nullable(),
});
export type TKpiValues = z.infer<typeof ZKpiValues>;

const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string(), login: z.string() });

/** A row of the file as it would be imported. Values are null where the file gives none (or the column is not mapped). */
export const ZKpiPreviewRow = z.object({
  rowNumber: z.number().int(),
  /** The person as written in the file. */
  personText: z.string(),
  person: ZPersonRef.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  values: ZKpiValues,
  /** Set when the row would be rejected. */
  reject: ZKpiReject.nullable(),
  /** A record of this person and period exists already: importing replaces its values. */
  isReplacing: z.boolean(),
});

export const ZKpiPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  headers: z.array(z.string()),
  /** The mapping used: the one asked for, or the one found from the headers. */
  mapping: ZKpiMapping,
  /** What the mapping still lacks: a person column, a period (month, or start and end), at least one KPI. */
  missing: z.array(z.enum(['person', 'period', 'kpi'])),
  /** The first rows, read and checked. */
  rows: z.array(ZKpiPreviewRow),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  replacingRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** The first 500 rejects. */
  rejects: z.array(ZKpiReject),
});
export type TKpiPreview = z.infer<typeof ZKpiPreview>;

export const ZKpiImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  /** Every reject of the import (kpi_imports keeps them). */
  rejects: z.array(ZKpiReject),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type TKpiImport = z.infer<typeof ZKpiImport>;
export const ZKpiImportList = z.object({ imports: z.array(ZKpiImport.omit({ rejects: true })) });

/** Period filters: whole months, both ends included. */
export const ZEvalRangeQuery = z.object({ from: ZMonth.optional(), to: ZMonth.optional() });
export const ZEvalDashboardQuery = ZEvalRangeQuery.extend({ teamId: z.uuid().optional() });
export type TEvalDashboardQuery = z.infer<typeof ZEvalDashboardQuery>;
export const ZKpiRecordQuery = ZEvalRangeQuery.extend({ teamId: z.uuid().optional(), userId: z.uuid().optional() });

export const ZKpiRecord = ZKpiValues.extend({
  id: z.uuid(),
  person: ZPersonRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  importId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export const ZKpiRecordList = z.object({ records: z.array(ZKpiRecord), isTruncated: z.boolean() });

/** The four levels' figures over a group of people and months. */
export const ZLevelFigures = z.object({
  reaction: z.object({
    /** Mean of every Likert answer (1–5) in reaction questionnaires. */
    score: z.number().nullable(),
    responses: z.number().int(),
    invited: z.number().int(),
    responded: z.number().int(),
    /** responded / invited, in %. */
    responseRate: z.number().nullable(),
  }),
  learning: z.object({
    examAverage: z.number().nullable(),
    /** Passed / marked attempts, in %. */
    examPassRate: z.number().nullable(),
    examAttempts: z.number().int(),
    roleplayAverage: z.number().nullable(),
    roleplayAttempts: z.number().int(),
  }),
  behaviour: z.object({
    qaScore: z.number().nullable(),
    /** %, the mean of each conversation's empathy rate. */
    empathyRate: z.number().nullable(),
    /** % of conversations that calmed down (or stayed calm). */
    deEscalationRate: z.number().nullable(),
    missedEscalations: z.number().int(),
    conversations: z.number().int(),
  }),
  results: ZKpiValues.extend({ records: z.number().int() }),
});
export type TLevelFigures = z.infer<typeof ZLevelFigures>;

export const ZMonthFigures = z.object({ month: z.string(), figures: ZLevelFigures });

/** The before/after comparison of one KPI (difference in differences). */
export const ZDidRow = z.object({
  field: z.enum(KPI_FIELDS),
  /** Trained people with KPIs both before and after their first session, and not-yet-trained people with KPIs in the same periods. */
  trainedPeople: z.number().int(),
  controlPeople: z.number().int(),
  trainedBefore: z.number().nullable(),
  trainedAfter: z.number().nullable(),
  controlBefore: z.number().nullable(),
  controlAfter: z.number().nullable(),
  trainedChange: z.number().nullable(),
  controlChange: z.number().nullable(),
  /** trainedChange − controlChange: the change that goes with the training. */
  difference: z.number().nullable(),
  /** Whether the difference points the good way for this KPI (null: no difference). */
  isImprovement: z.boolean().nullable(),
  /** Fewer than DID_MIN_GROUP people on either side. */
  isSmall: z.boolean(),
});
export type TDidRow = z.infer<typeof ZDidRow>;

const ZTeamRef = z.object({ id: z.uuid(), name: z.string() });
const ZRange = z.object({ from: z.string(), to: z.string(), months: z.array(z.string()) });

export const ZEvalDashboard = z.object({
  range: ZRange,
  /** The team filtered on, or null for every team the caller may see. */
  team: ZTeamRef.nullable(),
  /** The caller sees the whole organisation (else: their teams). */
  isOrganisationWide: z.boolean(),
  /** The teams the caller may pick. */
  teams: z.array(ZTeamRef),
  people: z.number().int(),
  /** People with an attended session (present or late) by the end of the range. */
  trainedPeople: z.number().int(),
  totals: ZLevelFigures,
  byMonth: z.array(ZMonthFigures),
  byTeam: z.array(z.object({ team: ZTeamRef, people: z.number().int(), trainedPeople: z.number().int(), figures: ZLevelFigures, byMonth: z.array(ZMonthFigures) })),
  did: z.array(ZDidRow),
});
export type TEvalDashboard = z.infer<typeof ZEvalDashboard>;

export const ZEvalTeam = z.object({
  team: ZTeamRef,
  range: ZRange,
  figures: ZLevelFigures,
  did: z.array(ZDidRow),
  people: z.array(z.object({ person: ZPersonRef, firstTrainedOn: z.string().nullable(), figures: ZLevelFigures })),
});
export type TEvalTeam = z.infer<typeof ZEvalTeam>;

export const ZEvalPerson = z.object({
  person: ZPersonRef.extend({ teams: z.array(ZTeamRef), hireDate: z.string().nullable(), firstTrainedOn: z.string().nullable() }),
  range: ZRange,
  figures: ZLevelFigures,
  byMonth: z.array(ZMonthFigures),
  /** KPI periods, each placed before or after the first attended session (straddling: during). */
  kpis: z.array(ZKpiValues.extend({ periodStart: z.string(), periodEnd: z.string(), phase: z.enum(['before', 'after', 'during', 'untrained']) })),
  /** Per KPI, the mean of the periods before and after the first session. */
  beforeAfter: z.array(z.object({ field: z.enum(KPI_FIELDS), before: z.number().nullable(), after: z.number().nullable(), change: z.number().nullable() })),
  sessions: z.array(z.object({ id: z.uuid(), title: z.string(), startsAt: z.string(), attendance: z.string() })),
  exams: z.array(z.object({ attemptId: z.uuid(), examId: z.uuid(), examTitle: z.object({ zh: z.string(), en: z.string() }), submittedAt: z.string().nullable(), finalScore: z.number().nullable(), isPassed: z.boolean().nullable() })),
  roleplays: z.array(z.object({ attemptId: z.uuid(), scenarioId: z.string(), scenarioTitle: z.object({ zh: z.string(), en: z.string() }), finishedAt: z.string().nullable(), total: z.number().nullable(), outcome: z.string().nullable() })),
  conversations: z.array(z.object({ id: z.uuid(), startedAt: z.string().nullable(), score: z.number().nullable(), empathyRate: z.number().nullable(), isDeEscalated: z.boolean(), isEscalationMissed: z.boolean(), shop: z.string().nullable() })),
  /** Named reaction answers only: anonymous questionnaires are never tied to a person. */
  reactions: z.array(z.object({ surveyId: z.uuid(), title: z.string(), submittedAt: z.string(), average: z.number().nullable() })),
});
export type TEvalPerson = z.infer<typeof ZEvalPerson>;

/** Metric keys: the anchors of /evaluation/methods#<key>, where each formula is explained. */
export const EVAL_METRICS = [
  'reaction-score',
  'reaction-response-rate',
  'exam-average',
  'exam-pass-rate',
  'roleplay-average',
  'qa-score',
  'qa-empathy',
  'qa-de-escalation',
  'qa-missed-escalations',
  'kpi-csat',
  'kpi-complaint-rate',
  'kpi-repurchase-rate',
  'kpi-resolution-minutes',
  'kpi-escalation-rate',
  'kpi-did',
  'trained-people',
] as const;
export type TEvalMetric = (typeof EVAL_METRICS)[number];
