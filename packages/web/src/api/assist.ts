import type {
  TApiToken,
  TAssistAnalysis,
  TAssistAnalyzeRequest,
  TAssistConversation,
  TAssistDraftRequest,
  TAssistEscalateRequest,
  TAssistEscalation,
  TAssistEscalationSummary,
  TAssistLoad,
  TAssistTeamLoad,
  TCreatedApiToken,
  TReplyCheckDto,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';

/**
 * 实时辅助 calls (SPEC §2.5, /api/assist/*): the agent's page conversation (the browser holds
 * the messages and sends them with each call; the server keeps counts only), the draft check,
 * escalations, the agent's load and pauses, the team's load, and the organisation's API tokens.
 * Types come from the shared schemas (packages/shared/src/assist.ts).
 */

export type { TApiToken, TAssistAnalysis, TAssistConversation, TAssistEscalation, TAssistEscalationSummary, TAssistLoad, TAssistTeamLoad, TCreatedApiToken };
export type TAssistEscalationStatus = 'open' | 'acknowledged' | 'all';

/** Query keys, all under 'assist'. */
export const assistKeys = {
  all: ['assist'] as const,
  myLoad: ['assist', 'my-load'] as const,
  teamLoad: (teamId: string | undefined) => ['assist', 'team-load', teamId ?? ''] as const,
  escalations: (status: TAssistEscalationStatus) => ['assist', 'escalations', status] as const,
  escalation: (id: string) => ['assist', 'escalations', 'one', id] as const,
  tokens: ['assist', 'tokens'] as const,
};

const enc = encodeURIComponent;

/** Starts a page conversation (counts only on the server). */
export function useCreateAssistConversation() {
  return useMutation({
    mutationFn: () => apiFetch<TAssistConversation>('/api/assist/conversations', { method: 'POST', body: {} }),
  });
}

/** Sends the conversation so far; answers with the reading, every message's analysis and my load. */
export function useAnalyzeAssistConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, body }: { conversationId: string; body: TAssistAnalyzeRequest }) =>
      apiFetch<TAssistAnalysis>(`/api/assist/conversations/${enc(conversationId)}/analyze`, { method: 'POST', body }),
    onSuccess: (analysis) => queryClient.setQueryData(assistKeys.myLoad, analysis.load),
  });
}

/** Checks a draft against the latest customer message; nothing is stored. */
export function checkAssistDraft(conversationId: string, body: TAssistDraftRequest, signal?: AbortSignal): Promise<TReplyCheckDto> {
  return apiFetch<TReplyCheckDto>(`/api/assist/conversations/${enc(conversationId)}/draft`, { method: 'POST', body, ...(signal ? { signal } : {}) });
}

/** Ends a page conversation: it counts in my load from now on. */
export function useCloseAssistConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => apiFetch<TAssistConversation>(`/api/assist/conversations/${enc(conversationId)}/close`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistKeys.myLoad }),
  });
}

/** Brings the supervisor in: the last messages go masked with the optional note; the supervisor is notified. */
export function useEscalateAssistConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ conversationId, body }: { conversationId: string; body: TAssistEscalateRequest }) =>
      apiFetch<TAssistEscalation>(`/api/assist/conversations/${enc(conversationId)}/escalate`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assist', 'escalations'] }),
  });
}

/** My run of high-risk conversations and whether a pause is suggested. */
export function useMyAssistLoad() {
  return useQuery({
    queryKey: assistKeys.myLoad,
    queryFn: ({ signal }) => apiFetch<TAssistLoad>('/api/assist/my/load', { signal }),
    staleTime: 0,
  });
}

/** Records a breathing pause; it ends my run of high-risk conversations. */
export function useRecordAssistPause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (seconds: number) => apiFetch<TAssistLoad>('/api/assist/pauses', { method: 'POST', body: { seconds } }),
    onSuccess: (load) => queryClient.setQueryData(assistKeys.myLoad, load),
  });
}

/** Escalations in my view: my own (agents), my teams' (supervisors), all (deputies, leaders). */
export function useAssistEscalations(status: TAssistEscalationStatus) {
  return useQuery({
    queryKey: assistKeys.escalations(status),
    queryFn: ({ signal }) => apiFetch<{ escalations: TAssistEscalationSummary[] }>('/api/assist/escalations', { query: { status }, signal }),
    select: (data) => data.escalations,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** One escalation with its masked excerpt. */
export function useAssistEscalation(id: string) {
  return useQuery({
    queryKey: assistKeys.escalation(id),
    queryFn: ({ signal }) => apiFetch<TAssistEscalation>(`/api/assist/escalations/${enc(id)}`, { signal }),
    enabled: id !== '',
  });
}

/** The supervisor says they have it. */
export function useAcknowledgeAssistEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TAssistEscalation>(`/api/assist/escalations/${enc(id)}/acknowledge`, { method: 'POST', body: {} }),
    onSuccess: (escalation) => {
      queryClient.setQueryData(assistKeys.escalation(escalation.id), escalation);
      void queryClient.invalidateQueries({ queryKey: ['assist', 'escalations'] });
      void queryClient.invalidateQueries({ queryKey: ['assist', 'team-load'] });
    },
  });
}

/** Today's live-assist counts per agent of my teams (no content). */
export function useAssistTeamLoad(teamId: string | undefined) {
  return useQuery({
    queryKey: assistKeys.teamLoad(teamId),
    queryFn: ({ signal }) => apiFetch<TAssistTeamLoad>('/api/assist/team-load', { query: { teamId }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The organisation's API tokens, revoked ones too. */
export function useApiTokens() {
  return useQuery({
    queryKey: assistKeys.tokens,
    queryFn: ({ signal }) => apiFetch<{ tokens: TApiToken[] }>('/api/assist/tokens', { signal }),
    select: (data) => data.tokens,
  });
}

/** Makes a token; the answer holds the secret, shown this once. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<TCreatedApiToken>('/api/assist/tokens', { method: 'POST', body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistKeys.tokens }),
  });
}

/** Revokes a token: chat tools using it are refused from now on. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TApiToken>(`/api/assist/tokens/${enc(id)}/revoke`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistKeys.tokens }),
  });
}
