import type {
  TAttempt,
  TScenarioSummary,
  ZAssignment,
  ZAttemptSummary,
  ZCreateAssignmentRequest,
  ZSaveScenarioRequest,
  ZScenarioBrief,
  ZScenarioValidation,
  ZStartAttemptRequest,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';
import { queryKeys } from './query-keys';

/** Role-play calls (SPEC §2.2): scenarios and their authoring, attempts turn by turn, comments, assignments. */

export type { TAttempt, TScenarioSummary };
export type TScenarioBrief = z.infer<typeof ZScenarioBrief>;
export type TAttemptSummary = z.infer<typeof ZAttemptSummary>;
export type TAssignment = z.infer<typeof ZAssignment>;
export type TTurn = TAttempt['turns'][number];
export type TStartAttemptRequest = z.input<typeof ZStartAttemptRequest>;
export type TCreateAssignmentRequest = z.input<typeof ZCreateAssignmentRequest>;
export type TSaveScenarioRequest = z.infer<typeof ZSaveScenarioRequest>;
export type TScenarioValidation = z.infer<typeof ZScenarioValidation>;

export interface TAttemptListParams {
  userId?: string | undefined;
  scenarioId?: string | undefined;
  page: number;
  pageSize: number;
}

export function useScenarios() {
  return useQuery({
    queryKey: queryKeys.roleplayScenarios,
    queryFn: ({ signal }) => apiFetch<{ scenarios: TScenarioSummary[] }>('/api/roleplay/scenarios', { signal }),
    select: (data) => data.scenarios,
  });
}

export function useScenario(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.roleplayScenario(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TScenarioBrief>(`/api/roleplay/scenarios/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

export function useValidateScenario() {
  return useMutation({
    mutationKey: ['roleplay', 'validate'],
    mutationFn: (yaml: string) => apiFetch<TScenarioValidation>('/api/roleplay/scenarios/validate', { method: 'POST', body: { yaml } }),
  });
}

/** Saves a scenario: creates it when `id` is null, else updates the one with that id. */
export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TSaveScenarioRequest }) =>
      id === null
        ? apiFetch<TScenarioSummary>('/api/roleplay/scenarios', { method: 'POST', body })
        : apiFetch<TScenarioSummary>(`/api/roleplay/scenarios/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: (saved) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.roleplayScenarios }),
        queryClient.invalidateQueries({ queryKey: queryKeys.roleplayScenario(saved.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.roleplayScenarioSource(saved.id) }),
      ]),
  });
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/roleplay/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.roleplayScenarios }),
  });
}

export function useAttempts(params: TAttemptListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...queryKeys.roleplayAttempts, 'list', params],
    queryFn: ({ signal }) => apiFetch<{ attempts: TAttemptSummary[]; total: number }>('/api/roleplay/attempts', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useAttempt(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.roleplayAttempt(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TAttempt>(`/api/roleplay/attempts/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== undefined && id !== '',
    // Read afresh on every visit: a reply sent just before leaving the page (or a coach's
    // comment) may not be in the cache.
    staleTime: 0,
  });
}

export function useStartAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStartAttemptRequest) => apiFetch<TAttempt>('/api/roleplay/attempts', { method: 'POST', body }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(queryKeys.roleplayAttempt(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: queryKeys.roleplayAttempts });
    },
  });
}

/**
 * Sends the next reply. The caller puts the answer into the cache itself (after the
 * customer's "typing…" pause), so this only refreshes the lists that an ending changes.
 */
export function useSendReply(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => apiFetch<TAttempt>(`/api/roleplay/attempts/${encodeURIComponent(attemptId)}/replies`, { method: 'POST', body: { text } }),
    onSuccess: (attempt) => {
      if (attempt.outcome !== null) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.roleplayAttempts });
        void queryClient.invalidateQueries({ queryKey: queryKeys.roleplayAssignments });
      }
    },
  });
}

export function useAddComment(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<TAttempt>(`/api/roleplay/attempts/${encodeURIComponent(attemptId)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: (attempt) => queryClient.setQueryData(queryKeys.roleplayAttempt(attempt.id), attempt),
  });
}

export function useAssignments() {
  return useQuery({
    queryKey: queryKeys.roleplayAssignments,
    queryFn: ({ signal }) => apiFetch<{ assignments: TAssignment[] }>('/api/roleplay/assignments', { signal }),
    select: (data) => data.assignments,
  });
}

export function useCreateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAssignmentRequest) => apiFetch<TAssignment>('/api/roleplay/assignments', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.roleplayAssignments }),
  });
}
