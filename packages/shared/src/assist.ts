import { z } from 'zod';
import { ZCustomerEmotion, ZMessageAnalysis, ZReplyCheck } from './analysis.js';

/**
 * Live assist (实时辅助, SPEC §2.5): the assist page's API (/api/assist/*), the organisation's
 * API tokens (/api/assist/tokens) and the WebSocket stream for chat tools (ASSIST_STREAM_PATH).
 *
 * Servers are stateless for the page: the client sends the conversation so far with each
 * call; only counts and risk levels are stored (assist_conversations), never message text.
 * Escalations store a masked excerpt of the last messages, for the supervisor.
 *
 * Routes (agent, mentor, supervisor unless said):
 *   POST /api/assist/conversations                    → 201 ZAssistConversation
 *   GET  /api/assist/conversations/:id                → ZAssistConversation (counts only)
 *   POST /api/assist/conversations/:id/analyze        ZAssistAnalyzeRequest → ZAssistAnalysis (updates counts)
 *   POST /api/assist/conversations/:id/draft          ZAssistDraftRequest → ZReplyCheck (nothing stored)
 *   POST /api/assist/conversations/:id/close          → ZAssistConversation
 *   POST /api/assist/conversations/:id/escalate       ZAssistEscalateRequest → 201 ZAssistEscalation (409 when escalated)
 *   GET  /api/assist/my/load                          → ZAssistLoad
 *   POST /api/assist/pauses                           ZAssistPauseRequest → 201 ZAssistLoad
 *   GET  /api/assist/escalations                      ZAssistEscalationQuery → ZAssistEscalationList
 *        (agent/mentor: their own; supervisor: their teams'; deputy, leader: all)
 *   GET  /api/assist/escalations/:id                  → ZAssistEscalation (same scope)
 *   POST /api/assist/escalations/:id/acknowledge      → ZAssistEscalation (supervisor of the agent's team, deputy, leader)
 *   GET  /api/assist/team-load                        ZAssistTeamLoadQuery → ZAssistTeamLoad (supervisor, deputy, leader)
 *   GET  /api/assist/tokens                           → ZApiTokenList (admin)
 *   POST /api/assist/tokens                           ZCreateApiTokenRequest → 201 ZCreatedApiToken (admin)
 *   POST /api/assist/tokens/:id/revoke                → ZApiToken (admin)
 *   GET  /api/assist/stream                           WebSocket, API token (see the stream types at the end)
 */

/** The WebSocket endpoint chat tools connect to (token in `Authorization: Bearer …` or `?token=`). */
export const ASSIST_STREAM_PATH = '/api/assist/stream';

export const ASSIST_LIMITS = {
  /** One chat message: far above any real one; longer ones are refused, not cut. */
  textMax: 4000,
  /** Messages the page sends per call; older ones can be left out (the trajectory shows what is sent). */
  messagesMax: 200,
  /** Messages an escalation keeps (masked) for the supervisor. */
  excerptMessages: 8,
  noteMax: 500,
  tokenNameMax: 80,
  /** A chat tool's own conversation id and a message id it wants echoed. */
  refMax: 200,
  /** A pause longer than 30 minutes is a break, not a breathing pause. */
  pauseSecondsMax: 1800,
} as const;

export const ASSIST_ROLES = ['customer', 'agent'] as const;
export const ZAssistRole = z.enum(ASSIST_ROLES);
export const ZAssistRisk = z.enum(['low', 'medium', 'high']);
export type TAssistRisk = z.infer<typeof ZAssistRisk>;

const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() });
const ZTeamRef = z.object({ id: z.uuid(), name: z.string() });
const ZAssistText = z.string().trim().min(1, 'must not be empty').max(ASSIST_LIMITS.textMax, `at most ${ASSIST_LIMITS.textMax} characters`);

/** One line of the conversation as the client holds it. */
export const ZAssistMessage = z.object({ role: ZAssistRole, text: ZAssistText });
export type TAssistMessage = z.infer<typeof ZAssistMessage>;

// ---------------------------------------------------------------------------
// The reading shared by the page and the stream

/** A phrase-library line to offer (opener, empathy or escalation line), in both languages. */
export const ZAssistPhrase = z.object({ id: z.string(), purpose: z.string(), zh: z.string(), en: z.string() });
export type TAssistPhrase = z.infer<typeof ZAssistPhrase>;

/** One point of the customer's temperature over the conversation (engine conversationTemperature, 0..100). */
export const ZAssistTrajectoryPoint = z.object({
  /** Index of the customer message in the conversation (all roles counted). */
  index: z.number().int(),
  temperature: z.number().int(),
  emotion: ZCustomerEmotion,
  risk: ZAssistRisk,
});

/** Where the customer is now: the latest customer message. */
export const ZAssistCurrent = z.object({
  emotion: ZCustomerEmotion,
  intensity: z.number(),
  risk: ZAssistRisk,
  temperature: z.number().int(),
});

/** The "bring in your supervisor" prompt: shown when the latest customer message is high risk. */
export const ZAssistEscalatePrompt = z.object({
  shouldEscalate: z.boolean(),
  /** The analyser's risk reasons of the latest customer message (threat:12315, insult, anger…). */
  reasons: z.array(z.string()),
  /** Lines to hand over or promise a supervisor (phrase purpose `escalation`); empty when not needed. */
  phrases: z.array(ZAssistPhrase),
});

/** What both the page and the stream answer about the conversation so far. */
export const ZAssistReading = z.object({
  /** One point per customer message, in order. */
  trajectory: z.array(ZAssistTrajectoryPoint),
  /** null until the customer has written. */
  current: ZAssistCurrent.nullable(),
  peakRisk: ZAssistRisk,
  /** Openers (purpose `opening`) and empathy lines fitting the current emotion. */
  openers: z.array(ZAssistPhrase),
  empathy: z.array(ZAssistPhrase),
  escalate: ZAssistEscalatePrompt,
});
export type TAssistReading = z.infer<typeof ZAssistReading>;

// ---------------------------------------------------------------------------
// Load (the agent's own) and team load (supervisors: counts, never content)

export const ZAssistLoad = z.object({
  /** Consecutive most-recent conversations (since the last pause, within the load window) whose peak risk was high. */
  highRiskStreak: z.number().int(),
  /** highRiskStreak reached the threshold: suggest a one-minute breathing pause. */
  suggestPause: z.boolean(),
  pauseThreshold: z.number().int(),
  suggestedPauseSeconds: z.number().int(),
  lastPauseAt: z.string().nullable(),
});
export type TAssistLoad = z.infer<typeof ZAssistLoad>;

// ---------------------------------------------------------------------------
// Page conversations

export const ZAssistConversation = z.object({
  id: z.uuid(),
  source: z.enum(['page', 'stream']),
  customerMessageCount: z.number().int(),
  agentMessageCount: z.number().int(),
  peakRisk: ZAssistRisk,
  lastRisk: ZAssistRisk,
  startedAt: z.string(),
  lastMessageAt: z.string(),
  escalatedAt: z.string().nullable(),
  /** The escalation made from it, if any (to link to it). */
  escalationId: z.uuid().nullable(),
  closedAt: z.string().nullable(),
});
export type TAssistConversation = z.infer<typeof ZAssistConversation>;

/** POST /api/assist/conversations/:id/analyze: the conversation so far, and optionally the draft being written. */
export const ZAssistAnalyzeRequest = z.object({
  messages: z.array(ZAssistMessage).max(ASSIST_LIMITS.messagesMax, `at most ${ASSIST_LIMITS.messagesMax} messages`),
  draft: ZAssistText.optional(),
});
export type TAssistAnalyzeRequest = z.infer<typeof ZAssistAnalyzeRequest>;

/** A message of the analysed conversation: the reading for customer messages, null for the agent's. */
export const ZAssistMessageReading = z.object({
  index: z.number().int(),
  role: ZAssistRole,
  reading: ZMessageAnalysis.nullable(),
  temperature: z.number().int().nullable(),
});

export const ZAssistAnalysis = ZAssistReading.extend({
  conversation: ZAssistConversation,
  messages: z.array(ZAssistMessageReading),
  /** The draft checked against the latest customer message; null when no draft was sent. */
  draft: ZReplyCheck.nullable(),
  /** The caller's own load, after this conversation's update. */
  load: ZAssistLoad,
});
export type TAssistAnalysis = z.infer<typeof ZAssistAnalysis>;

/** POST /api/assist/conversations/:id/draft: check a draft, nothing stored. `messages` gives the customer message it answers. */
export const ZAssistDraftRequest = z.object({
  draft: ZAssistText,
  messages: z.array(ZAssistMessage).max(ASSIST_LIMITS.messagesMax).default([]),
});
export type TAssistDraftRequest = z.infer<typeof ZAssistDraftRequest>;

// ---------------------------------------------------------------------------
// Escalations

/** POST /api/assist/conversations/:id/escalate: the last messages are stored masked (personal data removed). */
export const ZAssistEscalateRequest = z.object({
  messages: z.array(ZAssistMessage).max(ASSIST_LIMITS.messagesMax).default([]),
  note: z.string().trim().max(ASSIST_LIMITS.noteMax, `at most ${ASSIST_LIMITS.noteMax} characters`).optional(),
});
export type TAssistEscalateRequest = z.infer<typeof ZAssistEscalateRequest>;

export const ZAssistEscalationSummary = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  agent: ZPersonRef,
  teams: z.array(ZTeamRef),
  risk: ZAssistRisk,
  emotion: ZCustomerEmotion,
  note: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: ZPersonRef.nullable(),
});
export type TAssistEscalationSummary = z.infer<typeof ZAssistEscalationSummary>;

export const ZAssistEscalation = ZAssistEscalationSummary.extend({
  /** The last messages, personal data masked. */
  excerpt: z.array(ZAssistMessage.extend({ text: z.string() })),
});
export type TAssistEscalation = z.infer<typeof ZAssistEscalation>;

export const ZAssistEscalationQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'all']).default('all'),
  teamId: z.uuid().optional(),
});
export const ZAssistEscalationList = z.object({ escalations: z.array(ZAssistEscalationSummary) });

/** Notification links point here (web route). */
export const assistEscalationLink = (id: string) => `/live-assist/escalations/${id}`;

// ---------------------------------------------------------------------------
// Pauses and team load

export const ZAssistPauseRequest = z.object({ seconds: z.number().int().min(1).max(ASSIST_LIMITS.pauseSecondsMax) });

export const ZAssistTeamLoadQuery = z.object({ teamId: z.uuid().optional() });

/** One agent's live-assist day: counts only, no content. */
export const ZAssistAgentLoad = z.object({
  agent: ZPersonRef.extend({ login: z.string() }),
  teams: z.array(ZTeamRef),
  conversations: z.number().int(),
  highRisk: z.number().int(),
  highRiskStreak: z.number().int(),
  suggestPause: z.boolean(),
  escalations: z.number().int(),
  openEscalations: z.number().int(),
  pauses: z.number().int(),
  lastPauseAt: z.string().nullable(),
  lastConversationAt: z.string().nullable(),
});
export type TAssistAgentLoad = z.infer<typeof ZAssistAgentLoad>;

export const ZAssistTeamLoad = z.object({
  /** Start of "today" (server time zone), ISO. */
  since: z.string(),
  pauseThreshold: z.number().int(),
  /** The teams in view (the supervisor's own; every team for deputy and leader). */
  teams: z.array(ZTeamRef),
  agents: z.array(ZAssistAgentLoad),
});
export type TAssistTeamLoad = z.infer<typeof ZAssistTeamLoad>;

// ---------------------------------------------------------------------------
// API tokens (admin)

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart (`cdk_ab12cd34…`). */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: ZPersonRef.nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZApiTokenList = z.object({ tokens: z.array(ZApiToken) });
export const ZCreateApiTokenRequest = z.object({ name: z.string().trim().min(1, 'must not be empty').max(ASSIST_LIMITS.tokenNameMax) });
/** The token itself is in `secret`, shown this once; only its SHA-256 is stored. */
export const ZCreatedApiToken = z.object({ token: ZApiToken, secret: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

// ---------------------------------------------------------------------------
// WebSocket stream (ASSIST_STREAM_PATH). Every frame is one JSON object with a `type`.

/** Client → server. `conversation` is the chat tool's own id; `id` is echoed in the answer. */
export const ZStreamClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    conversation: z.string().min(1).max(ASSIST_LIMITS.refMax),
    role: ZAssistRole,
    text: ZAssistText,
    /** The agent's login in the token's organisation: the conversation counts in their load. */
    agent: z.string().min(1).max(64).optional(),
    id: z.string().max(ASSIST_LIMITS.refMax).optional(),
  }),
  z.object({ type: z.literal('draft'), conversation: z.string().min(1).max(ASSIST_LIMITS.refMax), text: ZAssistText, id: z.string().max(ASSIST_LIMITS.refMax).optional() }),
  z.object({ type: z.literal('close'), conversation: z.string().min(1).max(ASSIST_LIMITS.refMax), id: z.string().max(ASSIST_LIMITS.refMax).optional() }),
  z.object({ type: z.literal('ping'), id: z.string().max(ASSIST_LIMITS.refMax).optional() }),
]);
export type TStreamClientMessage = z.infer<typeof ZStreamClientMessage>;

/** Error codes of `{type:'error'}` frames; the connection stays open. */
export const STREAM_ERROR_CODES = [
  'bad_json', // not JSON, or not an object
  'unknown_type', // `type` missing or not one of message, draft, close, ping
  'invalid', // a field failed its schema (`at` names it)
  'too_long', // the frame or `text` is over the limit
  'rate_limited', // more messages per second than allowed on this connection
  'too_many_conversations', // more open conversations than allowed on this connection: close some
  'unknown_agent', // `agent` is not a login of the token's organisation
  'unknown_conversation', // draft/close of a conversation this connection does not hold
] as const;
export type TStreamErrorCode = (typeof STREAM_ERROR_CODES)[number];

/** Sent once on connect: the connection's limits. */
export type TStreamReady = {
  type: 'ready';
  organisation: string;
  limits: { conversations: number; messagesKept: number; messagesPerSecond: number; textMax: number; frameBytes: number };
};

/** Server → client: the answer to a `message`. */
export type TStreamAnalysis = TAssistReading & {
  type: 'analysis';
  id: string | null;
  conversation: string;
  /** Index of this message in the conversation as held (all roles). */
  index: number;
  role: 'customer' | 'agent';
  /** The reading of this message (customer messages); null for agent messages. */
  reading: z.infer<typeof ZMessageAnalysis> | null;
  /** Messages this connection holds for the conversation (older ones are dropped past the limit). */
  held: number;
  /** Milliseconds the server spent from receiving the frame to sending this answer. */
  latencyMs: number;
};

export type TStreamDraft = { type: 'draft'; id: string | null; conversation: string; check: z.infer<typeof ZReplyCheck>; latencyMs: number };
export type TStreamClosed = { type: 'closed'; id: string | null; conversation: string };
export type TStreamPong = { type: 'pong'; id: string | null; at: string };
export type TStreamError = { type: 'error'; id: string | null; code: TStreamErrorCode; message: string; at: string | null };
export type TStreamServerMessage = TStreamReady | TStreamAnalysis | TStreamDraft | TStreamClosed | TStreamPong | TStreamError;
