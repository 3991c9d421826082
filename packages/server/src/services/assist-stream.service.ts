import { performance } from 'node:perf_hooks';
import type { TMessageAnalysis } from '@calmdesk/engine';
import { ASSIST_LIMITS, ZStreamClientMessage, type TAssistRisk, type TReplyCheckDto, type TStreamAnalysis, type TStreamDraft, type TStreamErrorCode, type TStreamServerMessage } from '@calmdesk/shared';
import type { TDeps } from '../context.js';
import { findActiveMemberByLogin, findRevokedTokenIds, upsertStreamConversations, type TStreamConversationUpsert } from '../repositories/assist.repository.js';
import { onApiTokenRevoked } from './api-token.service.js';
import { assistMaxRisk, assistReading, assistReadMessage, type TAssistPoint } from './assist-reading.js';

/**
 * The live-assist stream (SPEC §2.5): a chat tool holds a WebSocket per API token and pushes
 * its conversations' messages; each one is answered with the same reading as the assist page.
 *
 * Conversation state lives in memory per connection. The database sees only counts and risk
 * levels (so the supervisor's team load includes streamed chats), written in batches by the
 * hub every FLUSH_MS: no write ever sits between receiving a message and answering it.
 */

/** A frame larger than this is refused with `too_long` (a chat message is far smaller; ws itself stops at MAX_PAYLOAD). */
export const STREAM_FRAME_MAX_BYTES = 16 * 1024;
/** What ws accepts before it drops the connection: well above the frame limit, so an oversized frame gets an error frame instead. */
export const STREAM_MAX_PAYLOAD = 1024 * 1024;
/** Batching window of the counts written to assist_conversations. */
const FLUSH_MS = 2_000;
/** How often open connections' tokens are checked for revocation (the spec: closed within a minute). */
const REVOCATION_CHECK_MS = 30_000;
/** How long a login → user lookup is trusted; a person removed from the organisation stops counting after this. */
const AGENT_CACHE_MS = 60_000;
/** A connection that has not answered the previous ping by the next one is dropped (a chat tool gone without closing). */
const KEEPALIVE_MS = 30_000;
/** Close codes in the 4000 range are ours: 4001 the token was revoked. */
export const STREAM_CLOSE_REVOKED = 4001;

const KNOWN_TYPES = new Set(['message', 'draft', 'close', 'ping']);

/** The part of a WebSocket the hub uses (ws's WebSocket fits). */
export type TStreamSocket = {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'pong', listener: () => void): unknown;
  ping(): void;
  terminate(): void;
  readonly readyState: number;
};

export type TStreamToken = { id: string; organisationId: string; organisationName: string };

type TConversationState = {
  ref: string;
  agentId: string | null;
  /** Customer readings held, oldest first (at most messagesKept). */
  points: TAssistPoint[];
  /** Messages seen, all roles: the next message's index. */
  seen: number;
  customerCount: number;
  agentCount: number;
  /** Highest risk over the whole conversation, also over readings no longer held. */
  peak: TAssistRisk;
  last: TAssistRisk;
};

class StreamError extends Error {
  constructor(
    readonly code: TStreamErrorCode,
    message: string,
    readonly at: string | null = null,
  ) {
    super(message);
  }
}

/** Reads a frame's `id` (echoed in errors too) without trusting the rest. */
function frameId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= ASSIST_LIMITS.refMax ? id : null;
}

/**
 * One app's streams: the open connections, the counts waiting to be written, the revocation
 * check. Built once by the stream route; `stop` flushes what is left.
 */
export class AssistStreamHub {
  private readonly sessions = new Set<StreamSession>();
  private dirty = new Map<string, TStreamConversationUpsert>();
  private readonly agentCache = new Map<string, { id: string | null; at: number }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopRevokeListener: () => void;
  private flushing: Promise<void> | undefined;

  constructor(readonly deps: TDeps) {
    this.timers.push(setInterval(() => void this.flush(), FLUSH_MS).unref());
    this.timers.push(setInterval(() => void this.checkRevocations(), REVOCATION_CHECK_MS).unref());
    this.timers.push(setInterval(() => this.keepAlive(), KEEPALIVE_MS).unref());
    this.stopRevokeListener = onApiTokenRevoked((tokenId) => this.closeToken(tokenId));
  }

  /** Open connections (the bench reads it). */
  get size(): number {
    return this.sessions.size;
  }

  attach(socket: TStreamSocket, token: TStreamToken): void {
    const session = new StreamSession(this, socket, token);
    this.sessions.add(session);
    socket.on('close', () => {
      this.sessions.delete(session);
      session.release();
    });
    session.sendFrame({
      type: 'ready',
      organisation: token.organisationName,
      limits: {
        conversations: this.deps.config.assistStreamConversations,
        messagesKept: this.deps.config.assistStreamMessagesKept,
        messagesPerSecond: this.deps.config.assistStreamRatePerSecond,
        textMax: ASSIST_LIMITS.textMax,
        frameBytes: STREAM_FRAME_MAX_BYTES,
      },
    });
  }

  /** Queues a conversation's counts for the next batch write. */
  markDirty(organisationId: string, state: TConversationState, closedAt: Date | null = null): void {
    this.dirty.set(`${organisationId}\u0000${state.ref}`, {
      organisationId,
      externalRef: state.ref,
      agentId: state.agentId,
      customerMessageCount: state.customerCount,
      agentMessageCount: state.agentCount,
      peakRisk: state.peak,
      lastRisk: state.last,
      lastMessageAt: new Date(),
      closedAt,
    });
  }

  /**
   * The user id of an active member by login, or null; cached a minute per organisation.
   * @returns the id synchronously when cached, else a promise
   */
  resolveAgent(organisationId: string, login: string): string | null | Promise<string | null> {
    const key = `${organisationId}\u0000${login.toLowerCase()}`;
    const cached = this.agentCache.get(key);
    if (cached && Date.now() - cached.at < AGENT_CACHE_MS) return cached.id;
    return findActiveMemberByLogin(this.deps.db, organisationId, login).then((found) => {
      const id = found?.id ?? null;
      this.agentCache.set(key, { id, at: Date.now() });
      return id;
    });
  }

  /** Writes the queued counts in one statement per 5,000 conversations; a failure keeps them for the next round. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.dirty.size === 0) return;
    const batch = this.dirty;
    this.dirty = new Map();
    this.flushing = (async () => {
      const rows = [...batch.values()];
      try {
        for (let i = 0; i < rows.length; i += 5000) await upsertStreamConversations(this.deps.db, rows.slice(i, i + 5000));
      } catch (err) {
        this.deps.log.error({ err }, 'live-assist stream: writing conversation counts failed; retrying');
        for (const [key, row] of batch) if (!this.dirty.has(key)) this.dirty.set(key, row);
      } finally {
        this.flushing = undefined;
      }
    })();
    return this.flushing;
  }

  private keepAlive(): void {
    for (const session of this.sessions) {
      if (!session.isAlive) {
        session.socket.terminate();
        continue;
      }
      session.isAlive = false;
      session.socket.ping();
    }
  }

  private closeToken(tokenId: string): void {
    for (const session of this.sessions) if (session.token.id === tokenId) session.socket.close(STREAM_CLOSE_REVOKED, 'token revoked');
  }

  /** Another instance may have revoked a token: ask the database about the open connections' tokens. */
  private async checkRevocations(): Promise<void> {
    const ids = [...new Set([...this.sessions].map((s) => s.token.id))];
    if (ids.length === 0) return;
    try {
      for (const id of await findRevokedTokenIds(this.deps.db, ids)) this.closeToken(id);
    } catch (err) {
      this.deps.log.error({ err }, 'live-assist stream: revocation check failed');
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopRevokeListener();
    await this.flush();
  }
}

/** One connection: its conversations, its rate window, the frame handler. */
class StreamSession {
  private readonly conversations = new Map<string, TConversationState>();
  private windowStart = 0;
  private windowCount = 0;
  private pending: Promise<void> | undefined;
  /** Answered the last keep-alive ping (or sent something since). */
  isAlive = true;

  constructor(
    private readonly hub: AssistStreamHub,
    readonly socket: TStreamSocket,
    readonly token: TStreamToken,
  ) {
    socket.on('pong', () => {
      this.isAlive = true;
    });
    socket.on('message', (data, isBinary) => {
      const received = performance.now();
      this.isAlive = true;
      const text = isBinary ? null : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
      // While an agent login is being looked up, later frames wait behind it, so answers keep their order.
      const result = this.pending ? this.pending.then(() => this.handle(text, received)) : this.handle(text, received);
      if (result instanceof Promise) {
        const chained: Promise<void> = result
          .catch((err: unknown) => this.failed(err))
          .finally(() => {
            if (this.pending === chained) this.pending = undefined;
          });
        this.pending = chained;
      }
    });
  }

  private failed(err: unknown): void {
    this.hub.deps.log.error({ err }, 'live-assist stream: frame failed');
  }

  sendFrame(frame: TStreamServerMessage): void {
    if (this.socket.readyState === 1) this.socket.send(JSON.stringify(frame));
  }

  /**
   * Sends an answer with `latencyMs` last, measured after serialising the rest, so the figure
   * covers parsing, analysis and JSON (only the socket write itself is left out).
   */
  private sendTimed(frame: Omit<TStreamAnalysis, 'latencyMs'> | Omit<TStreamDraft, 'latencyMs'>, received: number): void {
    if (this.socket.readyState !== 1) return;
    const json = JSON.stringify(frame);
    const latencyMs = Math.round((performance.now() - received) * 100) / 100;
    this.socket.send(`${json.slice(0, -1)},"latencyMs":${latencyMs}}`);
  }

  private sendError(id: string | null, error: StreamError): void {
    this.sendFrame({ type: 'error', id, code: error.code, message: error.message, at: error.at });
  }

  /** Forgets the connection's conversations (their counts were queued with each message). */
  release(): void {
    this.conversations.clear();
  }

  /** Handles one frame; synchronous unless an agent login must be looked up. */
  private handle(text: string | null, received: number): void | Promise<void> {
    let raw: unknown;
    try {
      if (text === null) throw new StreamError('bad_json', 'Send text frames with one JSON object each');
      if (Buffer.byteLength(text, 'utf8') > STREAM_FRAME_MAX_BYTES) throw new StreamError('too_long', `A frame may have at most ${STREAM_FRAME_MAX_BYTES} bytes`);
      try {
        raw = JSON.parse(text);
      } catch {
        throw new StreamError('bad_json', 'The frame is not valid JSON');
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StreamError('bad_json', 'A frame must be a JSON object');
      const type = (raw as { type?: unknown }).type;
      if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) throw new StreamError('unknown_type', 'type must be one of message, draft, close, ping', 'type');
      if (type === 'message' || type === 'draft') this.countRate();
      const parsed = ZStreamClientMessage.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const at = issue.path.join('.') || null;
        const isTooLong = issue.code === 'too_big' && at === 'text';
        throw new StreamError(isTooLong ? 'too_long' : 'invalid', `${at ?? 'frame'}: ${issue.message}`, at);
      }
      const frame = parsed.data;
      switch (frame.type) {
        case 'ping':
          this.sendFrame({ type: 'pong', id: frame.id ?? null, at: new Date().toISOString() });
          return;
        case 'close': {
          const state = this.conversations.get(frame.conversation);
          if (!state) throw new StreamError('unknown_conversation', 'This connection holds no conversation with that id', 'conversation');
          this.conversations.delete(frame.conversation);
          this.hub.markDirty(this.token.organisationId, state, new Date());
          this.sendFrame({ type: 'closed', id: frame.id ?? null, conversation: frame.conversation });
          return;
        }
        case 'draft': {
          const last = this.conversations.get(frame.conversation)?.points.at(-1)?.analysis;
          const check = this.hub.deps.engine.checkReply(frame.text, last) as TReplyCheckDto;
          this.sendTimed({ type: 'draft', id: frame.id ?? null, conversation: frame.conversation, check }, received);
          return;
        }
        case 'message': {
          let state = this.conversations.get(frame.conversation);
          if (!state && this.conversations.size >= this.hub.deps.config.assistStreamConversations) {
            throw new StreamError('too_many_conversations', `This connection holds ${this.conversations.size} conversations, the most allowed: close finished ones with {type:'close'}`, 'conversation');
          }
          if (frame.agent === undefined) {
            this.answerMessage(frame, state, state?.agentId ?? null, received);
            return;
          }
          const agent = this.hub.resolveAgent(this.token.organisationId, frame.agent);
          if (agent instanceof Promise) {
            return agent.then((id) => {
              if (id === null) return this.sendError(frame.id ?? null, new StreamError('unknown_agent', 'agent is not a login of this organisation', 'agent'));
              this.answerMessage(frame, this.conversations.get(frame.conversation), id, received);
            });
          }
          if (agent === null) throw new StreamError('unknown_agent', 'agent is not a login of this organisation', 'agent');
          this.answerMessage(frame, state, agent, received);
          return;
        }
      }
    } catch (err) {
      if (err instanceof StreamError) return this.sendError(frameId(raw), err);
      throw err;
    }
  }

  /** More messages per second than allowed: refuse this one (the window is one wall-clock second). */
  private countRate(): void {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.windowStart) {
      this.windowStart = second;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    const limit = this.hub.deps.config.assistStreamRatePerSecond;
    if (this.windowCount > limit) throw new StreamError('rate_limited', `At most ${limit} messages and drafts per second on one connection`);
  }

  private answerMessage(
    frame: { conversation: string; role: 'customer' | 'agent'; text: string; id?: string | undefined },
    existing: TConversationState | undefined,
    agentId: string | null,
    received: number,
  ): void {
    let state = existing;
    if (!state) {
      if (this.conversations.size >= this.hub.deps.config.assistStreamConversations) {
        return this.sendError(frame.id ?? null, new StreamError('too_many_conversations', 'Too many conversations held on this connection', 'conversation'));
      }
      state = { ref: frame.conversation, agentId, points: [], seen: 0, customerCount: 0, agentCount: 0, peak: 'low', last: 'low' };
      this.conversations.set(frame.conversation, state);
    } else if (agentId !== null) {
      state.agentId = agentId;
    }
    const index = state.seen;
    state.seen += 1;
    let reading: TMessageAnalysis | null = null;
    if (frame.role === 'customer') {
      const previous = state.points.length > 0 ? state.points.slice(-3).map((p) => p.analysis) : [];
      const point = assistReadMessage(this.hub.deps.engine, frame.text, index, previous);
      state.points.push(point);
      if (state.points.length > this.hub.deps.config.assistStreamMessagesKept) state.points.shift();
      state.customerCount += 1;
      state.peak = assistMaxRisk(state.peak, point.analysis.risk);
      state.last = point.analysis.risk;
      reading = point.analysis;
    } else {
      state.agentCount += 1;
    }
    const summary = assistReading(this.hub.deps.engine, state.points, state.peak);
    this.sendTimed(
      { type: 'analysis', id: frame.id ?? null, conversation: frame.conversation, index, role: frame.role, reading: reading as never, held: state.points.length, ...summary },
      received,
    );
    this.hub.markDirty(this.token.organisationId, state);
  }
}
