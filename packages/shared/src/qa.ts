import { z } from 'zod';

/** Transcript QA API schemas (/api/qa/*): imports, sources, conversations. */

export const QA_IMPORT_STATUSES = ['uploading', 'uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const ZQaImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.string().nullable(),
  sizeBytes: z.number().int(),
  source: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: z.enum(QA_IMPORT_STATUSES),
  phase: z.enum(['staging', 'analysing']).nullable(),
  /** 0–1: reading the file is the first 40 %, analysing the rest. */
  progress: z.number(),
  secondsLeft: z.number().int().nullable(),
  rowsRead: z.number().int(),
  rowsRejected: z.number().int(),
  conversationsTotal: z.number().int(),
  conversationsDone: z.number().int(),
  /** Conversations already stored from an earlier import of this source: not added twice. */
  conversationsSkipped: z.number().int(),
  isCancelRequested: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export const ZQaImportList = z.object({ imports: z.array(ZQaImport) });
export const ZQaUploadQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

/** Which column of the file holds what. Only conversation id, role and text are required. */
export const ZColumnMapping = z.object({
  conversationId: z.string().min(1),
  time: z.string().min(1).optional(),
  role: z.string().min(1),
  agentId: z.string().min(1).optional(),
  agentName: z.string().min(1).optional(),
  text: z.string().min(1),
  shop: z.string().min(1).optional(),
  channel: z.string().min(1).optional(),
  /** Values of the role column meaning customer, agent and system (e.g. 买家 / 客服 / 系统). */
  roleValues: z.object({ customer: z.array(z.string()).min(1), agent: z.array(z.string()).min(1), system: z.array(z.string()).optional() }).optional(),
});
export type TColumnMappingInput = z.infer<typeof ZColumnMapping>;

export const ZQaPreview = z.object({
  format: z.enum(['csv', 'jsonl', 'json', 'xlsx']),
  headers: z.array(z.string()),
  rows: z.array(z.object({ rowNumber: z.number().int(), messageIndex: z.number().int().optional(), fields: z.record(z.string(), z.unknown()), error: z.string().optional() })),
  suggested: z.object({ mapping: ZColumnMapping.partial(), confidence: z.number() }),
  /** The mapping last used for each source, to pick from. */
  sources: z.array(z.object({ id: z.uuid(), name: z.string(), mapping: ZColumnMapping.nullable() })),
});

export const ZQaStartImportRequest = z.object({
  /** The chat tool / shop export this file comes from; its mapping is remembered under this name. */
  sourceName: z.string().trim().min(1).max(120),
  mapping: ZColumnMapping,
});

export const ZQaRejectsQuery = z.object({ offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ZQaRejects = z.object({ total: z.number().int(), stored: z.number().int(), rejects: z.array(z.object({ rowNumber: z.number().int(), messageIndex: z.number().int().nullable(), reason: z.string() })) });

export const ZQaSources = z.object({ sources: z.array(z.object({ id: z.uuid(), name: z.string(), mapping: z.unknown(), conversations: z.number().int() })) });

// ---------------------------------------------------------------------------
// Conversations

export const ZQaConversationQuery = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-01').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-30').optional(),
  sourceId: z.uuid().optional(),
  /** Only the conversations one import added. */
  importId: z.uuid().optional(),
  agentUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  shop: z.string().max(200).optional(),
  channel: z.string().max(200).optional(),
  flagged: z.enum(['true', 'false']).optional(),
  maxScore: z.coerce.number().int().min(0).max(100).optional(),
  sort: z.enum(['newest', 'lowest_score', 'slowest_response']).default('newest'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZQaConversationSummary = z.object({
  id: z.uuid(),
  externalId: z.string(),
  source: z.object({ id: z.uuid(), name: z.string() }),
  agent: z.object({ userId: z.uuid().nullable(), name: z.string().nullable() }),
  shop: z.string().nullable(),
  channel: z.string().nullable(),
  startedAt: z.string().nullable(),
  messageCount: z.number().int(),
  score: z.number().int().nullable(),
  isDeEscalated: z.boolean(),
  hadHighRisk: z.boolean(),
  isEscalationMissed: z.boolean(),
  firstResponseSeconds: z.number().int().nullable(),
  avgResponseSeconds: z.number().int().nullable(),
  empathyRate: z.number().int().nullable(),
  flags: z.array(z.string()),
});
export const ZQaConversationList = z.object({ total: z.number().int(), conversations: z.array(ZQaConversationSummary) });

export const ZQaConversationDetail = ZQaConversationSummary.extend({
  /** The stored conversation analysis (trajectory, response times, escalation, language, quality breakdown). */
  analysis: z.record(z.string(), z.unknown()),
  messages: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string().nullable(),
      role: z.enum(['customer', 'agent', 'system']),
      text: z.string(),
      /** Customer messages: the engine's reading with its cues; agent messages: the reply check with its spans. */
      reading: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------
// Settings

export const ZQaSettings = z.object({
  /** Phone numbers, ID cards, bank cards, emails, addresses and names masked on import; the original text is then never stored. */
  isMaskingEnabled: z.boolean(),
  /** Conversations older than this many days are deleted by a scheduled job; null keeps them. */
  retentionDays: z.number().int().min(7).max(3650).nullable(),
  /** A conversation scoring under this is flagged for coaching. */
  coachingThreshold: z.number().int().min(0).max(100),
});

// ---------------------------------------------------------------------------
// Statistics per agent, team or day

export const ZQaStatsQuery = ZQaConversationQuery.pick({ from: true, to: true, sourceId: true, teamId: true, shop: true, channel: true }).extend({
  groupBy: z.enum(['agent', 'team', 'day']).default('agent'),
  /** 'true': also the totals over every matching conversation and the values the filters can take (a dashboard asks once, not per table). */
  withSummary: z.enum(['true', 'false']).optional(),
});
export const ZQaStatsRow = z.object({
  /** User id (agent), team id (team) or YYYY-MM-DD in Beijing time (day); agents not matched to a person: their name in the export. */
  key: z.string(),
  name: z.string(),
  conversations: z.number().int(),
  averageScore: z.number().nullable(),
  /** Share of conversations that ended calmer than they started (or stayed calm). */
  deEscalationRate: z.number(),
  highRiskConversations: z.number().int(),
  missedEscalations: z.number().int(),
  /** Mean over conversations of the share of replies to an upset customer that acknowledged or apologised (0–100). */
  empathyRate: z.number().nullable(),
  averageFirstResponseSeconds: z.number().nullable(),
  averageResponseSeconds: z.number().nullable(),
  agentMessages: z.number().int(),
  /** Agent messages with each kind of language to avoid, per 100 agent messages. */
  issueRates: z.record(z.string(), z.number()),
  flagged: z.number().int(),
});
export const ZQaStats = z.object({
  groupBy: z.enum(['agent', 'team', 'day']),
  rows: z.array(ZQaStatsRow),
  /** With withSummary=true: every matching conversation as one row (key "all"), those without a time included. */
  totals: ZQaStatsRow.optional(),
  /** With withSummary=true: the shops, channels and teams among the conversations the caller may read, for the filter lists. */
  options: z.object({ shops: z.array(z.string()), channels: z.array(z.string()), teams: z.array(z.object({ id: z.uuid(), name: z.string() })) }).optional(),
});

// ---------------------------------------------------------------------------
// Coaching queue

export const ZQaFlagRequest = z.object({ reason: z.string().trim().min(1).max(500) });
export const ZQaCommentRequest = z.object({ body: z.string().trim().min(1).max(4000) });
export const ZQaCoachingQuery = z.object({ status: z.enum(['open', 'done']).default('open') });
export const ZQaCoachingItem = z.object({
  id: z.uuid(),
  conversation: ZQaConversationSummary,
  /** rule: flagged by the import rules (low score, missed escalation, language to avoid); person: by a supervisor or trainer. */
  origin: z.enum(['rule', 'person']),
  reason: z.string(),
  status: z.enum(['open', 'done']),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  comments: z.array(z.object({ id: z.uuid(), author: z.object({ id: z.uuid(), displayName: z.string() }).nullable(), body: z.string(), createdAt: z.string() })),
});
export const ZQaCoachingList = z.object({ items: z.array(ZQaCoachingItem) });
