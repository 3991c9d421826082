import { z } from 'zod';

/** Role-play API schemas (/api/roleplay/*): scenarios, attempts, comments, assignments. */
const ZLocalisedText = z.object({ zh: z.string(), en: z.string() });
const ZMeters = z.object({ anger: z.number(), trust: z.number(), patience: z.number() });

export const ZScenarioSummary = z.object({
  id: z.string(),
  title: ZLocalisedText,
  summary: ZLocalisedText,
  family: z.enum(['complaint', 'inquiry', 'follow_up', 'retention']),
  temperament: z.enum(['impatient', 'hesitant', 'expert', 'hostile']),
  difficulty: z.number().int(),
  goods: z.string(),
  source: z.enum(['builtin', 'custom']).default('builtin'),
  status: z.enum(['draft', 'published']).default('published'),
});
export type TScenarioSummary = z.infer<typeof ZScenarioSummary>;

/** What a trainee may see before and during practice (not the customer's hidden reactions). */
export const ZScenarioBrief = ZScenarioSummary.extend({
  persona: z.object({ name: z.string(), description: ZLocalisedText }),
  situation: ZLocalisedText,
  need: ZLocalisedText,
  acceptableOutcomes: z.array(ZLocalisedText),
  maxTurns: z.number().int(),
  start: ZMeters,
});

export const ZScenarioListResponse = z.object({ scenarios: z.array(ZScenarioSummary) });

export const ZTurnFeedback = z.object({
  moves: z.array(z.object({ move: z.string(), text: z.string(), start: z.number(), end: z.number() })),
  delta: ZMeters,
  notes: z.array(ZLocalisedText),
  suggestions: z.array(z.object({ id: z.string(), purpose: z.string(), zh: z.string(), en: z.string(), because: z.string() })),
  isPause: z.boolean(),
});

export const ZTurn = z.object({ agent: z.string(), customer: z.string(), state: ZMeters, feedback: ZTurnFeedback });

export const ZScorecard = z.object({
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  rubric: z.record(z.string(), z.object({ weight: z.number(), description: ZLocalisedText })),
});

export const ZAttempt = z.object({
  id: z.uuid(),
  scenario: ZScenarioBrief,
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  opening: z.string(),
  state: ZMeters,
  turns: z.array(ZTurn),
  outcome: z.enum(['resolved', 'escalated', 'leaves', 'out_of_turns']).nullable(),
  scorecard: ZScorecard.nullable(),
  assignmentId: z.uuid().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  comments: z.array(z.object({ id: z.uuid(), author: z.string(), body: z.string(), createdAt: z.string() })),
});
export type TAttempt = z.infer<typeof ZAttempt>;

export const ZAttemptSummary = z.object({
  id: z.uuid(),
  scenarioId: z.string(),
  scenarioTitle: ZLocalisedText,
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  outcome: z.string().nullable(),
  total: z.number().nullable(),
  turns: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ZAttemptListQuery = z.object({
  userId: z.uuid().optional(),
  scenarioId: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAttemptListResponse = z.object({ attempts: z.array(ZAttemptSummary), total: z.number().int() });

export const ZStartAttemptRequest = z.object({
  scenarioId: z.string().min(1).max(100),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  assignmentId: z.uuid().optional(),
});
export const ZReplyRequest = z.object({ text: z.string().trim().min(1, 'write a reply').max(2000) });
export const ZCommentRequest = z.object({ body: z.string().trim().min(1).max(4000) });

export const ZCreateAssignmentRequest = z
  .object({
    scenarioId: z.string().min(1).max(100),
    userIds: z.array(z.uuid()).max(5000).default([]),
    teamIds: z.array(z.uuid()).max(100).default([]),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-31').nullable().optional(),
  })
  .refine((v) => v.userIds.length + v.teamIds.length > 0, { message: 'assign to at least one person or team', path: ['userIds'] });

export const ZAssignment = z.object({
  id: z.uuid(),
  scenarioId: z.string(),
  scenarioTitle: ZLocalisedText,
  dueDate: z.string().nullable(),
  assignedBy: z.string().nullable(),
  createdAt: z.string(),
  people: z.number().int(),
  done: z.number().int(),
  /** For the caller as a trainee: whether they finished it. */
  isDoneByMe: z.boolean().nullable(),
});
export const ZAssignmentListResponse = z.object({ assignments: z.array(ZAssignment) });

/** Scenario authoring in the app: YAML in the format of content/scenarios/FORMAT.md. */
export const ZScenarioSource = z.object({ yaml: z.string().min(1).max(200_000) });
export const ZSaveScenarioRequest = ZScenarioSource.extend({ status: z.enum(['draft', 'published']) });
export const ZScenarioValidation = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ line: z.number().int().optional(), path: z.string(), message: z.string() })),
});

/** Optional OpenAI-compatible endpoint that words the customer's lines (off by default). */
export const ZRoleplaySettings = z.object({ isLlmEnabled: z.boolean(), baseUrl: z.string().nullable(), model: z.string().nullable(), hasApiKey: z.boolean() });
export const ZUpdateRoleplaySettingsRequest = z.object({
  isLlmEnabled: z.boolean(),
  baseUrl: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).max(500).nullable().optional(),
  model: z.string().trim().min(1).max(200).nullable().optional(),
  /** Write-only; null removes it. */
  apiKey: z.string().min(1).max(500).nullable().optional(),
});
