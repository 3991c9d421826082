import type {
  TCreateRecordRequest,
  TMentoringOverview,
  TMentorshipDetail,
  TMentorshipSummary,
  TMyMentoring,
  TMyPoints,
  TPersonRecord,
  TPointEntry,
  TPointRanking,
  TPointRule,
  TPointRuleKey,
  TRecordList,
  TSelection,
  TSelectionWeights,
  TSuggestion,
  ZPointLedgerQuery,
  ZRecordListQuery,
  ZSelectionList,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';

/**
 * The people area's calls (SPEC §2.7, §2.10): mentoring, person records, points, suggestions
 * and the excellent-trainee selection. Types come from packages/shared/src/people.ts.
 */

export type {
  TMentoringOverview,
  TMentorshipDetail,
  TMentorshipSummary,
  TMyMentoring,
  TMyPoints,
  TPersonRecord,
  TPointEntry,
  TPointRanking,
  TPointRule,
  TPointRuleKey,
  TRecordList,
  TSelection,
  TSelectionWeights,
  TSuggestion,
};
export type TRecordQuery = Partial<z.infer<typeof ZRecordListQuery>>;
export type TLedgerQuery = Partial<z.infer<typeof ZPointLedgerQuery>>;
export type TSelectionListItem = z.infer<typeof ZSelectionList>['selections'][number];
export type TNewHire = TMentoringOverview['newHires'][number];
export type TMentorOption = TMentoringOverview['mentors'][number];

/** Query keys, all under 'people' so one invalidation refreshes the area. */
export const peopleKeys = {
  all: ['people-area'] as const,
  mentoring: ['people-area', 'mentoring'] as const,
  mentorship: (id: string) => ['people-area', 'mentoring', 'one', id] as const,
  myMentoring: ['people-area', 'mentoring', 'mine'] as const,
  records: (query: TRecordQuery) => ['people-area', 'records', query] as const,
  myRecords: ['people-area', 'records', 'mine'] as const,
  rules: ['people-area', 'points', 'rules'] as const,
  myPoints: ['people-area', 'points', 'mine'] as const,
  ledger: (query: TLedgerQuery) => ['people-area', 'points', 'ledger', query] as const,
  ranking: (period: string, teamId: string | undefined) => ['people-area', 'points', 'ranking', period, teamId ?? ''] as const,
  suggestions: (status: string | undefined) => ['people-area', 'suggestions', status ?? 'all'] as const,
  mySuggestions: ['people-area', 'suggestions', 'mine'] as const,
  selections: ['people-area', 'selections'] as const,
  selection: (id: string) => ['people-area', 'selections', 'one', id] as const,
};

const enc = encodeURIComponent;

/** After any write the area's lists may all have moved (points follow adoptions, mentors follow assignments). */
function useInvalidateArea() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: peopleKeys.all });
}

// ---------------------------------------------------------------------------
// Mentoring

export function useMentoringOverview() {
  return useQuery({ queryKey: peopleKeys.mentoring, queryFn: ({ signal }) => apiFetch<TMentoringOverview>('/api/ops/mentoring', { signal }) });
}

export function useMentorship(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.mentorship(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TMentorshipDetail>(`/api/ops/mentoring/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useMyMentoring() {
  return useQuery({ queryKey: peopleKeys.myMentoring, queryFn: ({ signal }) => apiFetch<TMyMentoring>('/api/ops/my/mentoring', { signal }) });
}

export function useAssignMentor() {
  const invalidate = useInvalidateArea();
  return useMutation({
    mutationFn: (body: { menteeUserId: string; mentorUserId: string; startedOn?: string }) => apiFetch<TMentorshipSummary>('/api/ops/mentoring', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useEndMentorship() {
  const invalidate = useInvalidateArea();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TMentorshipSummary>(`/api/ops/mentoring/${enc(id)}/end`, { method: 'POST', body: {} }),
    onSuccess: invalidate,
  });
}

/** Writes that answer with the whole mentorship: the cache takes it as is. */
function useMentorshipWrite<TVariables>(path: (variables: TVariables) => string, method: 'POST' | 'PUT', body: (variables: TVariables) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => apiFetch<TMentorshipDetail>(path(variables), { method, body: body(variables) }),
    onSuccess: (detail) => {
      queryClient.setQueryData(peopleKeys.mentorship(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.myMentoring });
    },
  });
}

export function useAddMentorshipNote() {
  return useMentorshipWrite<{ id: string; body: string }>(
    ({ id }) => `/api/ops/mentoring/${enc(id)}/notes`,
    'POST',
    ({ body }) => ({ body }),
  );
}

export function useAddMentorshipTask() {
  return useMentorshipWrite<{ id: string; kind: 'checklist' | 'milestone'; title: string; dueOn: string | null }>(
    ({ id }) => `/api/ops/mentoring/${enc(id)}/tasks`,
    'POST',
    ({ kind, title, dueOn }) => ({ kind, title, dueOn }),
  );
}

export function useSetMentorshipTaskDone() {
  return useMentorshipWrite<{ taskId: string; isDone: boolean }>(
    ({ taskId }) => `/api/ops/mentoring/tasks/${enc(taskId)}/done`,
    'PUT',
    ({ isDone }) => ({ isDone }),
  );
}

// ---------------------------------------------------------------------------
// Person records

export function useRecords(query: TRecordQuery) {
  return useQuery({
    queryKey: peopleKeys.records(query),
    queryFn: ({ signal }) => apiFetch<TRecordList>('/api/ops/records', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyRecords() {
  return useQuery({ queryKey: peopleKeys.myRecords, queryFn: ({ signal }) => apiFetch<{ records: TPersonRecord[] }>('/api/ops/my/records', { signal }), select: (data) => data.records });
}

export function useCreateRecord() {
  const invalidate = useInvalidateArea();
  return useMutation({ mutationFn: (body: TCreateRecordRequest) => apiFetch<TPersonRecord>('/api/ops/records', { method: 'POST', body }), onSuccess: invalidate });
}

// ---------------------------------------------------------------------------
// Points

export function usePointRules() {
  return useQuery({ queryKey: peopleKeys.rules, queryFn: ({ signal }) => apiFetch<{ rules: TPointRule[] }>('/api/ops/points/rules', { signal }), select: (data) => data.rules });
}

export function useUpdatePointRules() {
  const invalidate = useInvalidateArea();
  return useMutation({
    mutationFn: (rules: { key: TPointRuleKey; points: number; threshold: number | null; isEnabled: boolean }[]) => apiFetch<{ rules: TPointRule[] }>('/api/ops/points/rules', { method: 'PUT', body: { rules } }),
    onSuccess: invalidate,
  });
}

export function useMyPoints() {
  return useQuery({ queryKey: peopleKeys.myPoints, queryFn: ({ signal }) => apiFetch<TMyPoints>('/api/ops/my/points', { signal }) });
}

export function usePointLedger(query: TLedgerQuery, isEnabled = true) {
  return useQuery({
    queryKey: peopleKeys.ledger(query),
    queryFn: ({ signal }) => apiFetch<{ entries: TPointEntry[]; total: number }>('/api/ops/points/ledger', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function usePointRanking(period: string, teamId: string | undefined, isEnabled = true) {
  return useQuery({
    queryKey: peopleKeys.ranking(period, teamId),
    queryFn: ({ signal }) => apiFetch<TPointRanking>('/api/ops/points/ranking', { query: { period, teamId }, signal }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function useAddManualPoints() {
  const invalidate = useInvalidateArea();
  return useMutation({ mutationFn: (body: { userId: string; points: number; reason: string }) => apiFetch<TPointEntry>('/api/ops/points/entries', { method: 'POST', body }), onSuccess: invalidate });
}

// ---------------------------------------------------------------------------
// Suggestions

export function useSuggestions(status: TSuggestion['status'] | undefined, isEnabled = true) {
  return useQuery({
    queryKey: peopleKeys.suggestions(status),
    queryFn: ({ signal }) => apiFetch<{ suggestions: TSuggestion[] }>('/api/ops/suggestions', { query: { status }, signal }),
    select: (data) => data.suggestions,
    enabled: isEnabled,
  });
}

export function useMySuggestions() {
  return useQuery({ queryKey: peopleKeys.mySuggestions, queryFn: ({ signal }) => apiFetch<{ suggestions: TSuggestion[] }>('/api/ops/my/suggestions', { signal }), select: (data) => data.suggestions });
}

export function useSubmitSuggestion() {
  const invalidate = useInvalidateArea();
  return useMutation({ mutationFn: (body: { title: string; body: string }) => apiFetch<TSuggestion>('/api/ops/suggestions', { method: 'POST', body }), onSuccess: invalidate });
}

export function useReviewSuggestion() {
  const invalidate = useInvalidateArea();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'adopt' | 'decline'; note: string }) => apiFetch<TSuggestion>(`/api/ops/suggestions/${enc(id)}/${decision}`, { method: 'POST', body: { note } }),
    onSuccess: invalidate,
  });
}

// ---------------------------------------------------------------------------
// Excellent-trainee selection

export function useSelections(isEnabled = true) {
  return useQuery({
    queryKey: peopleKeys.selections,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZSelectionList>>('/api/ops/selections', { signal }),
    select: (data) => data.selections,
    enabled: isEnabled,
  });
}

export function useSelection(id: string | undefined) {
  return useQuery({ queryKey: peopleKeys.selection(id ?? ''), queryFn: ({ signal }) => apiFetch<TSelection>(`/api/ops/selections/${enc(id ?? '')}`, { signal }), enabled: Boolean(id) });
}

export function useComputeSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; weights: TSelectionWeights; shortlistSize: number }) => apiFetch<TSelection>('/api/ops/selections', { method: 'POST', body }),
    onSuccess: (selection) => {
      queryClient.setQueryData(peopleKeys.selection(selection.id), selection);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.selections, exact: true });
    },
  });
}

export function useConfirmSelection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, chosenUserIds }: { id: string; chosenUserIds: string[] }) => apiFetch<TSelection>(`/api/ops/selections/${enc(id)}/confirm`, { method: 'POST', body: { chosenUserIds } }),
    onSuccess: (selection) => {
      queryClient.setQueryData(peopleKeys.selection(selection.id), selection);
      return queryClient.invalidateQueries({ queryKey: peopleKeys.selections, exact: true });
    },
  });
}
