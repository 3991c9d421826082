import { ZMessageAnalysis, ZReplyCheck, type TMessageAnalysisDto, type TReplyCheckDto } from '@calmdesk/shared';
import type { TQaMessage } from '../../api/qa';

/**
 * Reading a conversation's stored analysis. The API sends it as a plain record (the engine's
 * TConversationAnalysis, packages/engine/src/conversation.ts, which the web app may not import),
 * so this reads the fields the page shows, defensively: a field missing or of another type
 * becomes its empty value instead of breaking the page. The messages' readings have shared
 * schemas (the analysis API's), so they are parsed with those.
 */

export const QUALITY_KEYS = ['empathy', 'language', 'responsiveness', 'deEscalation', 'escalation'] as const;
export type TQualityKey = (typeof QUALITY_KEYS)[number];
export const CONVERSATION_FLAGS = ['low_score', 'missed_escalation', 'avoid_language'] as const;
export type TEscalationStatus = 'none' | 'handled' | 'missed';
export type TRiskLevel = 'low' | 'medium' | 'high';

/** The engine's calm line (CONVERSATION_CALM_TEMPERATURE): at or under it the customer is calm. */
export const CALM_TEMPERATURE = 25;

/** What the page reads of TConversationAnalysis. */
export interface TAnalysisView {
  /** One per message, same order: the customer's temperature, the agent's verdict, null for system messages. */
  messages: ({ role: 'customer'; temperature: number; emotion: string; risk: TRiskLevel } | { role: 'agent'; verdict: string; answers: number | null } | null)[];
  trajectory: { start: number | null; end: number | null; peak: number | null; deEscalated: boolean; escalated: boolean };
  responseTimes: { firstSeconds: number | null; averageSeconds: number | null; maxSeconds: number | null; measuredTurns: number };
  escalation: { status: TEscalationStatus; firstHighRiskIndex: number | null; missedIndex: number | null; threats: string[] };
  language: { agentMessages: number; messagesWithIssues: number; avoidMessages: number; issueCounts: Record<string, number>; repliesToUpset: number; empatheticReplies: number; empathyRate: number | null };
  quality: { score: number | null; components: { key: string; points: number; max: number }[] };
  flags: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const count = (value: unknown): number => numberOrNull(value) ?? 0;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const RISKS: readonly string[] = ['low', 'medium', 'high'];
const ESCALATION: readonly string[] = ['none', 'handled', 'missed'];

function readMessage(value: unknown): TAnalysisView['messages'][number] {
  if (!isRecord(value)) return null;
  if (value.role === 'customer') {
    return {
      role: 'customer',
      temperature: count(value.temperature),
      emotion: typeof value.emotion === 'string' ? value.emotion : 'calm',
      risk: (RISKS.includes(String(value.risk)) ? value.risk : 'low') as TRiskLevel,
    };
  }
  if (value.role === 'agent') return { role: 'agent', verdict: typeof value.verdict === 'string' ? value.verdict : 'ok', answers: numberOrNull(value.answers) };
  return null;
}

/**
 * The stored analysis as the page reads it.
 * @param analysis ZQaConversationDetail.analysis
 * @returns every field the page shows, with empty values where the record has none
 */
export function readAnalysis(analysis: Record<string, unknown>): TAnalysisView {
  const trajectory = record(analysis.trajectory);
  const times = record(analysis.responseTimes);
  const escalation = record(analysis.escalation);
  const language = record(analysis.language);
  const quality = record(analysis.quality);
  const issueCounts = Object.fromEntries(Object.entries(record(language.issueCounts)).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0));
  return {
    messages: Array.isArray(analysis.messages) ? analysis.messages.map(readMessage) : [],
    trajectory: {
      start: numberOrNull(trajectory.start),
      end: numberOrNull(trajectory.end),
      peak: numberOrNull(trajectory.peak),
      deEscalated: trajectory.deEscalated === true,
      escalated: trajectory.escalated === true,
    },
    responseTimes: { firstSeconds: numberOrNull(times.firstSeconds), averageSeconds: numberOrNull(times.averageSeconds), maxSeconds: numberOrNull(times.maxSeconds), measuredTurns: count(times.measuredTurns) },
    escalation: {
      status: (ESCALATION.includes(String(escalation.status)) ? escalation.status : 'none') as TEscalationStatus,
      firstHighRiskIndex: numberOrNull(escalation.firstHighRiskIndex),
      missedIndex: numberOrNull(escalation.missedIndex),
      threats: strings(escalation.threats),
    },
    language: {
      agentMessages: count(language.agentMessages),
      messagesWithIssues: count(language.messagesWithIssues),
      avoidMessages: count(language.avoidMessages),
      issueCounts,
      repliesToUpset: count(language.repliesToUpset),
      empatheticReplies: count(language.empatheticReplies),
      empathyRate: numberOrNull(language.empathyRate),
    },
    quality: {
      score: numberOrNull(quality.score),
      components: (Array.isArray(quality.components) ? quality.components : [])
        .filter(isRecord)
        .filter((component) => typeof component.key === 'string' && typeof component.max === 'number' && component.max > 0)
        .map((component) => ({ key: component.key as string, points: count(component.points), max: component.max as number })),
    },
    flags: strings(analysis.flags),
  };
}

/** One point of the temperature chart: a customer message. */
export interface TTrajectoryPoint {
  /** Index of the message in the conversation (what bubbles and escalation indexes use). */
  index: number;
  /** 1-based number of the customer message. */
  ordinal: number;
  temperature: number;
  emotion: string;
  risk: TRiskLevel;
  /** The message, for the tooltip. */
  text: string;
  at: string | null;
}

/**
 * The customer's temperature message by message, for the trajectory chart.
 * @param analysis the analysis as read
 * @param messages the conversation's messages (same order as analysis.messages)
 * @returns one point per customer message the analysis read, in order
 */
export function trajectorySeries(analysis: Pick<TAnalysisView, 'messages'>, messages: readonly Pick<TQaMessage, 'text' | 'at'>[]): TTrajectoryPoint[] {
  const points: TTrajectoryPoint[] = [];
  analysis.messages.forEach((reading, index) => {
    if (reading?.role !== 'customer') return;
    const message = messages[index];
    points.push({ index, ordinal: points.length + 1, temperature: reading.temperature, emotion: reading.emotion, risk: reading.risk, text: message?.text ?? '', at: message?.at ?? null });
  });
  return points;
}

/**
 * The message the escalation status is about: the high-risk message left without a handling
 * reply when one was missed, else the first high-risk message.
 * @param escalation the analysis's escalation
 * @returns the message index, or null when no message reached high risk
 */
export function escalationFocus(escalation: TAnalysisView['escalation']): number | null {
  if (escalation.status === 'missed') return escalation.missedIndex ?? escalation.firstHighRiskIndex;
  if (escalation.status === 'handled') return escalation.firstHighRiskIndex;
  return null;
}

/** A message's engine reading, parsed with the analysis API's schemas. */
export type TMessageReading = { kind: 'customer'; analysis: TMessageAnalysisDto } | { kind: 'agent'; check: TReplyCheckDto } | { kind: 'none' };

/**
 * The reading of one message: a customer message's analysis with its cues, an agent reply's
 * check with its spans; none for system messages or a reading of another shape.
 * @param message one of ZQaConversationDetail.messages
 * @returns the typed reading
 */
export function readMessageReading(message: Pick<TQaMessage, 'role' | 'reading'>): TMessageReading {
  if (message.reading === null) return { kind: 'none' };
  if (message.role === 'customer') {
    const parsed = ZMessageAnalysis.safeParse(message.reading);
    return parsed.success ? { kind: 'customer', analysis: parsed.data } : { kind: 'none' };
  }
  if (message.role === 'agent') {
    const parsed = ZReplyCheck.safeParse(message.reading);
    return parsed.success ? { kind: 'agent', check: parsed.data } : { kind: 'none' };
  }
  return { kind: 'none' };
}
