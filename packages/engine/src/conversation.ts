import type { TEngine } from './engine.js';
import type { TEmotion, TMessageAnalysis, TReplyCheck, TReplyIssueCategory, TReplyMissing, TRisk, TThreat, TVerdict } from './types.js';

/**
 * Transcript QA (质检) of one whole conversation: the customer's emotion over time, the
 * agent's language and empathy, response times, escalations, a quality score and the
 * coaching flags. One analyzeMessage per customer message and one checkReply per agent
 * message; everything else is counting, so a million messages take about as long as the
 * engine takes to read them.
 */

/** One chat line as exported by the chat tool, in time order. */
export type TConversationMessage = {
  role: 'customer' | 'agent' | 'system';
  /** When it was sent, epoch milliseconds; null when the export has no time. */
  at: number | null;
  text: string;
};

export type TConversationOptions = {
  /** A score under this flags the conversation for coaching (`low_score`). Default 60. */
  lowScoreThreshold?: number;
};

/** A customer message as analysed (cues are left out: recompute them when a person opens it). */
export type TConversationCustomerMessage = {
  role: 'customer';
  emotion: TEmotion;
  intensity: number;
  risk: TRisk;
  polarityScore: number;
  /** 0 (calm or pleased) .. 100 (furious and threatening): see conversationTemperature. */
  temperature: number;
};

/** An agent message as checked. */
export type TConversationAgentMessage = {
  role: 'agent';
  verdict: TVerdict;
  /** Issue categories found, each once. */
  issues: TReplyIssueCategory[];
  missing: TReplyMissing[];
  /** Acknowledges the feeling or apologises (the checker's acknowledge/apology signals). */
  hasEmpathy: boolean;
  /**
   * Index of the customer message it was checked against: the hottest message of the
   * customer turn before it (null before the customer wrote anything). Pass that message's
   * analysis to checkReply to get the same verdict with its spans.
   */
  answers: number | null;
};

export type TConversationFlag = 'low_score' | 'missed_escalation' | 'avoid_language';

export type TConversationQualityKey = 'empathy' | 'language' | 'responsiveness' | 'deEscalation' | 'escalation';

export type TConversationQualityComponent = { key: TConversationQualityKey; points: number; max: number };

export type TConversationAnalysis = {
  /** Shape version of this object, for stored analyses (CONVERSATION_ANALYSIS_VERSION). */
  version: number;
  /** One entry per input message, same order; null for system messages. */
  messages: (TConversationCustomerMessage | TConversationAgentMessage | null)[];
  counts: { customerMessages: number; agentMessages: number; customerTurns: number; agentTurns: number };
  trajectory: {
    /** Temperature at the start: the hotter of the first two customer messages (the first alone when there are only one or two). */
    start: number | null;
    /** Temperature at the end: the last customer message, counting the one before it a third (the last alone when there are only one or two). */
    end: number | null;
    /** The hottest customer message. */
    peak: number | null;
    /** Ended calmer than it started (by CONVERSATION_TEMPERATURE_MARGIN) or stayed calm throughout the start and end. */
    deEscalated: boolean;
    /** Ended hotter than it started (by the margin) and not calm. */
    escalated: boolean;
  };
  /** Seconds; null when no turn has both times. A system message neither opens nor answers a turn. */
  responseTimes: {
    /** First customer message → first agent message after it. */
    firstSeconds: number | null;
    /** Mean over customer turns of (first message of the turn → next agent message). */
    averageSeconds: number | null;
    maxSeconds: number | null;
    /** Turns the average is over (to combine averages across conversations). */
    measuredTurns: number;
  };
  escalation: {
    /** none: no high-risk customer message; handled: every high-risk message was followed by a handling reply; missed: one was not. */
    status: 'none' | 'handled' | 'missed';
    /** Index of the first high-risk customer message. */
    firstHighRiskIndex: number | null;
    /** Index of the high-risk customer message left without a handling reply. */
    missedIndex: number | null;
    /** Escalation channels the customer named (12315, 差评, 投诉…), each once. */
    threats: TThreat[];
  };
  language: {
    agentMessages: number;
    messagesWithIssues: number;
    avoidMessages: number;
    /** Agent messages with each issue category; categories never found are left out. */
    issueCounts: Partial<Record<TReplyIssueCategory, number>>;
    /** Agent turns that answer an upset customer turn (angry, anxious, disappointed or dissatisfied). */
    repliesToUpset: number;
    /** Of those, turns with an acknowledgement or an apology in any of their messages. */
    empatheticReplies: number;
    /** empatheticReplies / repliesToUpset; null when no agent turn answered an upset customer. */
    empathyRate: number | null;
  };
  quality: {
    /** 0..100: 100 × Σ points / Σ max over the components that apply; null when none applies. */
    score: number | null;
    /** The components that apply to this conversation (see conversationAnalyze for the weights). */
    components: TConversationQualityComponent[];
  };
  flags: TConversationFlag[];
};

export const CONVERSATION_ANALYSIS_VERSION = 1;

/**
 * Heat each emotion starts from, 0..100. Positive is colder than calm (a thank-you is the
 * best ending); the four upset emotions are ordered as the checker orders them (worry <
 * let-down < complaint < anger).
 */
const EMOTION_HEAT: Record<TEmotion, number> = { positive: 0, calm: 10, confused: 15, anxious: 30, disappointed: 35, dissatisfied: 40, angry: 55 };
/** Intensity (0..1) adds up to this much, for upset emotions only: a strong "谢谢！！" is not hot. */
const INTENSITY_HEAT = 25;
/** A high risk (threat, insult, anger, repeated unsolved contact) adds the most: it is what a manager must see. */
const RISK_HEAT: Record<TRisk, number> = { low: 0, medium: 5, high: 20 };
const UPSET: ReadonlySet<TEmotion> = new Set(['anxious', 'disappointed', 'dissatisfied', 'angry']);

/** At or under this temperature the customer is calm: calm, confused or pleased with at most medium risk. A calm-worded threat (30) is over it. */
export const CONVERSATION_CALM_TEMPERATURE = 25;
/** A change of less than this between start and end is noise, neither calmer nor hotter. */
export const CONVERSATION_TEMPERATURE_MARGIN = 15;

/** Quality weights (points at most). Language weighs most: it is what the agent controls word by word. */
const WEIGHTS: Record<TConversationQualityKey, number> = { empathy: 25, language: 30, responsiveness: 15, deEscalation: 15, escalation: 15 };
/**
 * Response-time scales (seconds: full points at or under the first, none at or over the
 * second). JD measures a 30-second answer rate and Taobao a 3-minute response rate, so the
 * first answer earns full points within 30 s; later answers may take a lookup, so 60 s.
 */
const FIRST_RESPONSE_SCALE = [30, 180] as const;
const AVERAGE_RESPONSE_SCALE = [60, 300] as const;
/** Language value of one agent message: no issue 1, only issues to revise 0.5, an issue to avoid 0. */
const LANGUAGE_VALUE_REVISE = 0.5;
const DEFAULT_LOW_SCORE = 60;
/** How many earlier customer messages the analyser gets as context (it reads the last three). */
const CONTEXT_TURNS = 3;

// Reply-checker signals, as bits of one agent turn.
const SIGNAL_ACKNOWLEDGE = 1;
const SIGNAL_APOLOGY = 2;
const SIGNAL_ACTION = 4; // next_step or compensation
const SIGNAL_TIME = 8;
const SIGNAL_ESCALATION = 16;
const SIGNAL_BITS: Readonly<Record<string, number>> = {
  acknowledge: SIGNAL_ACKNOWLEDGE,
  apology: SIGNAL_APOLOGY,
  next_step: SIGNAL_ACTION,
  compensation: SIGNAL_ACTION,
  time: SIGNAL_TIME,
  escalation: SIGNAL_ESCALATION,
};

/**
 * The temperature of a customer message, 0..100: EMOTION_HEAT of the emotion, plus up to
 * 25 by intensity when the emotion is upset, plus 5 for medium or 20 for high risk, capped
 * at 100. Examples: "谢谢，很满意" 0; a plain question 10; a calm-worded 12315 threat 30;
 * "太失望了" about 58; "气死了！！！再不退款就投诉" about 95.
 * @param analysis the analyser's reading of the message
 * @returns an integer 0..100
 */
export function conversationTemperature(analysis: Pick<TMessageAnalysis, 'emotion' | 'intensity' | 'risk'>): number {
  const fromIntensity = UPSET.has(analysis.emotion) ? INTENSITY_HEAT * analysis.intensity : 0;
  return Math.min(100, Math.round(EMOTION_HEAT[analysis.emotion] + fromIntensity + RISK_HEAT[analysis.risk]));
}

/** Share of full points for a time on a [full, zero] scale. */
function timeShare(seconds: number, scale: readonly [number, number]): number {
  return Math.max(0, Math.min(1, (scale[1] - seconds) / (scale[1] - scale[0])));
}

const roundTenth = (x: number) => Math.round(x * 10) / 10;
const isTime = (at: number | null): at is number => typeof at === 'number' && Number.isFinite(at);

/**
 * Analyses one conversation with the engine: each customer message is read with the three
 * customer messages before it as context; each agent message is checked against the
 * hottest message of the customer turn before it (a trailing "在吗" must not hide "气死了").
 *
 * Rules (a turn is consecutive messages of one side; system messages are skipped):
 * - Empathy rate counts agent turns that answer an upset customer turn, because a calm
 *   question needs no "理解您的心情" and counting it would reward agents with calm customers;
 *   a turn is empathetic when any of its messages acknowledges or apologises.
 * - A high-risk customer message is handled by a later agent turn that escalates (主管, 升级)
 *   or apologises and gives a concrete plan (an action and a time), in messages that are not
 *   'avoid'; a high-risk message with no such turn after it is a missed escalation.
 * - Quality score: 100 × Σ points / Σ max over the components that apply —
 *   language 30 (mean per agent message: no issue 1, issues to revise 0.5, an issue to avoid 0),
 *   empathy 25 (× empathy rate; applies when an upset customer was answered),
 *   responsiveness 15 (first response 5: full ≤ 30 s, none ≥ 180 s; average 10: full ≤ 60 s,
 *   none ≥ 300 s; applies when times are known),
 *   de-escalation 15 (full when the customer ends calm, a share for cooling part of the way,
 *   none for staying upset or getting hotter; applies from two customer messages),
 *   escalation 15 (handled 15, missed 0; applies when a message reached high risk).
 *   Missing components are left out rather than given free points.
 * - Flags: low_score (score under the threshold), missed_escalation, avoid_language (any
 *   agent message with the verdict 'avoid').
 * @param engine the engine (engineCreate)
 * @param messages the conversation in time order
 * @param options lowScoreThreshold (default 60)
 * @returns plain data, JSON-serialisable
 */
export function conversationAnalyze(engine: TEngine, messages: readonly TConversationMessage[], options: TConversationOptions = {}): TConversationAnalysis {
  if (!Array.isArray(messages)) {
    throw new TypeError(`@calmdesk/engine: conversationAnalyze expects an array of messages, instead found ${messages === null ? 'null' : typeof messages}`);
  }
  const lowScoreThreshold = options.lowScoreThreshold ?? DEFAULT_LOW_SCORE;
  if (typeof lowScoreThreshold !== 'number' || !(lowScoreThreshold >= 0 && lowScoreThreshold <= 100)) {
    throw new TypeError(`@calmdesk/engine: conversationAnalyze expects lowScoreThreshold between 0 and 100, instead found ${String(lowScoreThreshold)}`);
  }

  const out: TConversationAnalysis['messages'] = new Array(messages.length);
  const recent: TMessageAnalysis[] = []; // the last CONTEXT_TURNS customer analyses
  const context = { previous: recent };
  const threats: TThreat[] = [];
  const issueCounts: Partial<Record<TReplyIssueCategory, number>> = {};

  let customerMessages = 0;
  let agentMessages = 0;
  let customerTurns = 0;
  let agentTurns = 0;
  let last: 'customer' | 'agent' | null = null;

  // Trajectory: the first two and last two temperatures are all it needs.
  let first = -1;
  let second = -1;
  let beforeLast = -1;
  let lastTemperature = -1;
  let peak = -1;

  // The customer turn being answered.
  let turnStartAt: number | null = null;
  let hottestIndex = -1;
  let hottest: TMessageAnalysis | undefined;
  let hottestTemperature = -1;
  let isTurnAwaitingReply = false;

  // Response times.
  let firstSeconds: number | null = null;
  let isFirstTurn = true;
  let totalSeconds = 0;
  let maxSeconds = -1;
  let measuredTurns = 0;

  // The agent turn being written.
  let signals = 0;
  let isTurnEmpathyCounted = false;
  let isAnsweringUpset = false;

  // Escalation: the first high-risk message still waiting for a handling turn.
  let firstHighRiskIndex = -1;
  let pendingHighRisk = -1;

  let languageTotal = 0;
  let messagesWithIssues = 0;
  let avoidMessages = 0;
  let repliesToUpset = 0;
  let empatheticReplies = 0;

  for (let i = 0; i < messages.length; i += 1) {
    const message = messages[i]!;
    const { role } = message;
    if (role === 'customer') {
      const analysis = engine.analyzeMessage(message.text, recent.length > 0 ? context : undefined);
      const temperature = conversationTemperature(analysis);
      out[i] = { role, emotion: analysis.emotion, intensity: analysis.intensity, risk: analysis.risk, polarityScore: analysis.polarityScore, temperature };
      if (recent.length === CONTEXT_TURNS) recent.shift();
      recent.push(analysis);

      if (last !== 'customer') {
        customerTurns += 1;
        turnStartAt = null;
        hottestTemperature = -1;
        isTurnAwaitingReply = true;
      }
      last = 'customer';
      customerMessages += 1;
      if (turnStartAt === null && isTime(message.at)) turnStartAt = message.at;
      if (temperature >= hottestTemperature) {
        hottestTemperature = temperature;
        hottestIndex = i;
        hottest = analysis;
      }

      if (first < 0) first = temperature;
      else if (second < 0) second = temperature;
      beforeLast = lastTemperature;
      lastTemperature = temperature;
      if (temperature > peak) peak = temperature;

      for (const threat of analysis.threats) if (!threats.includes(threat)) threats.push(threat);
      if (analysis.risk === 'high') {
        if (firstHighRiskIndex < 0) firstHighRiskIndex = i;
        if (pendingHighRisk < 0) pendingHighRisk = i;
      }
    } else if (role === 'agent') {
      const check: TReplyCheck = engine.checkReply(message.text, hottest);
      if (last !== 'agent') {
        agentTurns += 1;
        signals = 0;
        isTurnEmpathyCounted = false;
        isAnsweringUpset = isTurnAwaitingReply && hottest !== undefined && UPSET.has(hottest.emotion);
        if (isAnsweringUpset) repliesToUpset += 1;
        if (isTurnAwaitingReply) {
          const seconds = turnStartAt !== null && isTime(message.at) && message.at >= turnStartAt ? (message.at - turnStartAt) / 1000 : null;
          if (seconds !== null) {
            totalSeconds += seconds;
            measuredTurns += 1;
            if (seconds > maxSeconds) maxSeconds = seconds;
          }
          if (isFirstTurn) firstSeconds = seconds;
          isFirstTurn = false;
          isTurnAwaitingReply = false;
        }
      }
      last = 'agent';
      agentMessages += 1;

      const issues: TReplyIssueCategory[] = [];
      for (const issue of check.issues) if (!issues.includes(issue.category)) issues.push(issue.category);
      for (const category of issues) issueCounts[category] = (issueCounts[category] ?? 0) + 1;
      const missing: TReplyMissing[] = check.missing.map((m) => m.kind);
      let messageSignals = 0;
      for (const strength of check.strengths) messageSignals |= SIGNAL_BITS[strength.kind] ?? 0;
      const hasEmpathy = (messageSignals & (SIGNAL_ACKNOWLEDGE | SIGNAL_APOLOGY)) !== 0;
      out[i] = { role, verdict: check.verdict, issues, missing, hasEmpathy, answers: hottestIndex < 0 ? null : hottestIndex };

      if (check.verdict === 'avoid') avoidMessages += 1;
      if (issues.length > 0) messagesWithIssues += 1;
      languageTotal += check.verdict === 'avoid' ? 0 : issues.length > 0 ? LANGUAGE_VALUE_REVISE : 1;
      if (isAnsweringUpset && hasEmpathy && !isTurnEmpathyCounted) {
        empatheticReplies += 1;
        isTurnEmpathyCounted = true;
      }
      // Escalation handling reads the whole turn: "非常抱歉" then "今天18点前给您补发" handles it.
      if (check.verdict !== 'avoid') signals |= messageSignals;
      const isPlanWithApology = (signals & (SIGNAL_APOLOGY | SIGNAL_ACTION | SIGNAL_TIME)) === (SIGNAL_APOLOGY | SIGNAL_ACTION | SIGNAL_TIME);
      if (pendingHighRisk >= 0 && ((signals & SIGNAL_ESCALATION) !== 0 || isPlanWithApology)) pendingHighRisk = -1;
    } else if (role !== 'system') {
      throw new TypeError(`@calmdesk/engine: conversationAnalyze expects role 'customer', 'agent' or 'system', instead found ${JSON.stringify(role)} at message ${i}`);
    } else {
      out[i] = null;
    }
  }

  // Trajectory.
  let start: number | null = null;
  let end: number | null = null;
  if (customerMessages > 0) {
    start = customerMessages >= 3 ? Math.max(first, second) : first;
    end = customerMessages >= 3 ? Math.round((beforeLast + 2 * lastTemperature) / 3) : lastTemperature;
  }
  const isEndCalm = end !== null && end <= CONVERSATION_CALM_TEMPERATURE;
  const isStayedCalm = isEndCalm && start !== null && start <= CONVERSATION_CALM_TEMPERATURE;
  const deEscalated = start !== null && end !== null && (end <= start - CONVERSATION_TEMPERATURE_MARGIN || isStayedCalm);
  const escalated = start !== null && end !== null && end >= start + CONVERSATION_TEMPERATURE_MARGIN && !isEndCalm;

  const averageSeconds = measuredTurns > 0 ? roundTenth(totalSeconds / measuredTurns) : null;
  const escalationStatus = firstHighRiskIndex < 0 ? 'none' : pendingHighRisk >= 0 ? 'missed' : 'handled';
  const empathyRate = repliesToUpset > 0 ? Math.round((empatheticReplies / repliesToUpset) * 1000) / 1000 : null;

  // Quality.
  const components: TConversationQualityComponent[] = [];
  const add = (key: TConversationQualityKey, share: number) => components.push({ key, points: roundTenth(WEIGHTS[key] * share), max: WEIGHTS[key] });
  if (empathyRate !== null) add('empathy', empathyRate);
  if (agentMessages > 0) add('language', languageTotal / agentMessages);
  if (averageSeconds !== null) {
    const averageShare = timeShare(totalSeconds / measuredTurns, AVERAGE_RESPONSE_SCALE);
    add('responsiveness', firstSeconds === null ? averageShare : (timeShare(firstSeconds, FIRST_RESPONSE_SCALE) + 2 * averageShare) / 3);
  }
  if (customerMessages >= 2 && start !== null && end !== null) {
    const cooled = isEndCalm ? 1 : end < start ? (start - end) / (start - CONVERSATION_CALM_TEMPERATURE) : 0;
    add('deEscalation', cooled);
  }
  if (escalationStatus !== 'none') add('escalation', escalationStatus === 'handled' ? 1 : 0);
  let points = 0;
  let max = 0;
  for (const c of components) {
    points += c.points;
    max += c.max;
  }
  const score = max > 0 ? Math.round((100 * points) / max) : null;

  const flags: TConversationFlag[] = [];
  if (score !== null && score < lowScoreThreshold) flags.push('low_score');
  if (escalationStatus === 'missed') flags.push('missed_escalation');
  if (avoidMessages > 0) flags.push('avoid_language');

  return {
    version: CONVERSATION_ANALYSIS_VERSION,
    messages: out,
    counts: { customerMessages, agentMessages, customerTurns, agentTurns },
    trajectory: { start, end, peak: peak < 0 ? null : peak, deEscalated, escalated },
    responseTimes: {
      firstSeconds: firstSeconds === null ? null : roundTenth(firstSeconds),
      averageSeconds,
      maxSeconds: maxSeconds < 0 ? null : roundTenth(maxSeconds),
      measuredTurns,
    },
    escalation: {
      status: escalationStatus,
      firstHighRiskIndex: firstHighRiskIndex < 0 ? null : firstHighRiskIndex,
      missedIndex: pendingHighRisk < 0 ? null : pendingHighRisk,
      threats,
    },
    language: { agentMessages, messagesWithIssues, avoidMessages, issueCounts, repliesToUpset, empatheticReplies, empathyRate },
    quality: { score, components },
    flags,
  };
}
