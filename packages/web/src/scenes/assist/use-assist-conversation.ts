import { ASSIST_LIMITS, type TAssistMessage } from '@calmdesk/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../api/client';
import { useAnalyzeAssistConversation, useCloseAssistConversation, useCreateAssistConversation, type TAssistAnalysis, type TAssistConversation } from '../../api/assist';

/**
 * The agent's current conversation on the assist page. The server keeps counts only, never
 * the text (SPEC §2.5), so the browser holds the messages and sends them with every call; they
 * are kept in sessionStorage, per person, so a reload keeps the chat and closing the tab forgets it.
 */

export interface TAssistConversationState {
  conversation: TAssistConversation | null;
  messages: TAssistMessage[];
  analysis: TAssistAnalysis | null;
}

const EMPTY: TAssistConversationState = { conversation: null, messages: [], analysis: null };

function storageKey(userId: string): string {
  return `calmdesk.assist.${userId}`;
}

function readStored(userId: string): TAssistConversationState {
  try {
    const raw = sessionStorage.getItem(storageKey(userId));
    if (!raw) return EMPTY;
    const parsed = JSON.parse(raw) as Partial<TAssistConversationState>;
    return { conversation: parsed.conversation ?? null, messages: Array.isArray(parsed.messages) ? parsed.messages : [], analysis: parsed.analysis ?? null };
  } catch {
    return EMPTY;
  }
}

/**
 * The messages one call sends: the latest ones, as many as the API takes.
 * @param messages the whole conversation as the page holds it
 * @returns the tail sent, and how many earlier messages were left out (to line up the answer's indexes)
 */
export function messagesToSend(messages: readonly TAssistMessage[]): { sent: TAssistMessage[]; offset: number } {
  const offset = Math.max(0, messages.length - ASSIST_LIMITS.messagesMax);
  return { sent: messages.slice(offset), offset };
}

/**
 * @param userId the signed-in person and organisation (each one's chat is kept apart in the browser)
 * @returns the state, and add / close / start-new actions (each rejects with the API's error)
 */
export function useAssistConversation(userId: string) {
  const [state, setState] = useState<TAssistConversationState>(() => readStored(userId));
  const stateRef = useRef(state);
  stateRef.current = state;
  const create = useCreateAssistConversation();
  const analyze = useAnalyzeAssistConversation();
  const close = useCloseAssistConversation();
  const { mutateAsync: createAsync } = create;
  const { mutateAsync: analyzeAsync } = analyze;
  const { mutateAsync: closeAsync } = close;

  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey(userId), JSON.stringify(state));
    } catch {
      // A full or blocked storage only costs the reload memory.
    }
  }, [userId, state]);

  /** Adds lines to the conversation (starting one when needed) and reads it again. */
  const addMessages = useCallback(
    async (lines: readonly TAssistMessage[]): Promise<TAssistAnalysis> => {
      const current = stateRef.current;
      let conversation = current.conversation;
      let messages = [...current.messages, ...lines];
      if (!conversation || conversation.closedAt) {
        conversation = await createAsync();
        messages = [...lines];
      }
      setState({ conversation, messages, analysis: conversation === current.conversation ? current.analysis : null });
      let analysis: TAssistAnalysis;
      try {
        analysis = await analyzeAsync({ conversationId: conversation.id, body: { messages: messagesToSend(messages).sent } });
      } catch (err) {
        // A conversation kept in this tab that the server no longer knows (another organisation, a reset
        // demo): carry the chat on in a new one rather than leave the page stuck.
        if (AppError.parseError(err).status !== 404 || conversation !== current.conversation) throw err;
        conversation = await createAsync();
        setState({ conversation, messages, analysis: null });
        analysis = await analyzeAsync({ conversationId: conversation.id, body: { messages: messagesToSend(messages).sent } });
      }
      setState((previous) => (previous.conversation?.id === analysis.conversation.id ? { ...previous, conversation: analysis.conversation, analysis } : previous));
      return analysis;
    },
    [createAsync, analyzeAsync],
  );

  /** Takes the last line back (typed by mistake) and reads the conversation again. */
  const removeLastMessage = useCallback(async () => {
    const current = stateRef.current;
    if (!current.conversation || current.messages.length === 0) return;
    const messages = current.messages.slice(0, -1);
    setState({ ...current, messages });
    const analysis = await analyzeAsync({ conversationId: current.conversation.id, body: { messages: messagesToSend(messages).sent } });
    setState((previous) => (previous.conversation?.id === analysis.conversation.id ? { ...previous, conversation: analysis.conversation, analysis } : previous));
  }, [analyzeAsync]);

  /** Ends the conversation on the server (it then counts in the agent's load); the chat stays on screen. */
  const closeConversation = useCallback(async () => {
    const current = stateRef.current;
    if (!current.conversation || current.conversation.closedAt) return;
    const conversation = await closeAsync(current.conversation.id);
    setState((previous) => ({ ...previous, conversation }));
  }, [closeAsync]);

  /** Closes the current conversation, if open, and clears the page for the next customer. */
  const startNew = useCallback(async () => {
    await closeConversation();
    setState(EMPTY);
  }, [closeConversation]);

  /** The server's escalation answer, remembered on the conversation so the prompt turns into "notified". */
  const markEscalated = useCallback((escalationId: string, at: string) => {
    setState((previous) => (previous.conversation ? { ...previous, conversation: { ...previous.conversation, escalationId, escalatedAt: at } } : previous));
  }, []);

  return {
    ...state,
    addMessages,
    removeLastMessage,
    closeConversation,
    startNew,
    markEscalated,
    isAnalysing: create.isPending || analyze.isPending,
    isClosing: close.isPending,
  };
}

export type TAssistConversationApi = ReturnType<typeof useAssistConversation>;
