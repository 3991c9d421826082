import {
  SELFCARE_DELETE_CONFIRMATION,
  STRESS_QUESTIONNAIRE,
  type TSelfcareDeleteAllResult,
  type TSelfcareEntry,
  type TSelfcareEntryKind,
  type TSelfcareEntryList,
  type TSelfcareEntryRequest,
  type TSelfcareLinkOptions,
  type TSelfcareSummary,
  type TStressCheckList,
  type TStressCheckResult,
  type TTeamAggregates,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';

/**
 * 自我关怀 calls (SPEC §2.6, /api/selfcare/*). Every call acts on the signed-in person's own data;
 * none takes a user id. Types come from packages/shared/src/selfcare.ts.
 */

export type { TSelfcareEntry, TSelfcareEntryKind, TSelfcareSummary, TTeamAggregates };

/** Query keys, all under 'selfcare' so a save refreshes the overview, the lists and the trend. */
export const selfcareKeys = {
  all: ['selfcare'] as const,
  summary: ['selfcare', 'summary'] as const,
  entries: (query: TSelfcareEntryQuery) => ['selfcare', 'entries', query] as const,
  entry: (id: string) => ['selfcare', 'entry', id] as const,
  linkOptions: ['selfcare', 'link-options'] as const,
  checks: ['selfcare', 'stress-checks'] as const,
  team: (teamId: string | undefined) => ['selfcare', 'team', teamId ?? 'all'] as const,
};

/** Downloads (links with `download`): the browser sends the session cookie, the service worker leaves /api/ alone. */
export const selfcareExportUrls = { json: '/api/selfcare/export.json', pdf: '/api/selfcare/export.pdf' } as const;

const enc = encodeURIComponent;

/** Which entries to list: a kind, days (China time, inclusive) and the page. */
export interface TSelfcareEntryQuery {
  kind?: TSelfcareEntryKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The overview: counts, diary streak, last stress check and the gentle suggestion when it shows. */
export function useSelfcareSummary() {
  return useQuery({ queryKey: selfcareKeys.summary, queryFn: ({ signal }) => apiFetch<TSelfcareSummary>('/api/selfcare/summary', { signal }) });
}

/** My entries, newest first, one page. */
export function useSelfcareEntries(query: TSelfcareEntryQuery) {
  return useQuery({
    queryKey: selfcareKeys.entries(query),
    queryFn: ({ signal }) => apiFetch<TSelfcareEntryList>('/api/selfcare/entries', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One entry of mine (to edit). */
export function useSelfcareEntry(id: string | undefined) {
  return useQuery({
    queryKey: selfcareKeys.entry(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TSelfcareEntry>(`/api/selfcare/entries/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Create (no id) or replace (with id) an entry; refreshes everything self-care. */
export function useSaveSelfcareEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, entry }: { id?: string | undefined; entry: TSelfcareEntryRequest }) =>
      apiFetch<TSelfcareEntry>(id ? `/api/selfcare/entries/${enc(id)}` : '/api/selfcare/entries', { method: id ? 'PUT' : 'POST', body: entry }),
    onSuccess: (entry) => {
      queryClient.setQueryData(selfcareKeys.entry(entry.id), entry);
      void queryClient.invalidateQueries({ queryKey: selfcareKeys.all });
    },
  });
}

export function useDeleteSelfcareEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/selfcare/entries/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: selfcareKeys.all }),
  });
}

/** My role-play attempts and QA conversations, to link a success case to. */
export function useSelfcareLinkOptions(enabled = true) {
  return useQuery({ queryKey: selfcareKeys.linkOptions, queryFn: ({ signal }) => apiFetch<TSelfcareLinkOptions>('/api/selfcare/link-options', { signal }), enabled });
}

/** My stress checks, oldest first. */
export function useStressChecks() {
  return useQuery({ queryKey: selfcareKeys.checks, queryFn: ({ signal }) => apiFetch<TStressCheckList>('/api/selfcare/stress-checks', { signal }) });
}

/** Answers the current questionnaire; the result says whether the gentle suggestion now shows. */
export function useTakeStressCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, number>) =>
      apiFetch<TStressCheckResult>('/api/selfcare/stress-checks', { method: 'POST', body: { questionnaire: STRESS_QUESTIONNAIRE.version, answers } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: selfcareKeys.all }),
  });
}

/** Deletes every entry and stress check of mine; the server needs the confirmation words, sent here. */
export function useDeleteAllSelfcare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TSelfcareDeleteAllResult>('/api/selfcare/delete-all', { method: 'POST', body: { confirmation: SELFCARE_DELETE_CONFIRMATION } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: selfcareKeys.all }),
  });
}

/** Team aggregates (supervisors their teams, deputies and leaders all): anonymous, cells under 5 people hidden. */
export function useSelfcareTeamAggregates(teamId: string | undefined) {
  return useQuery({
    queryKey: selfcareKeys.team(teamId),
    queryFn: ({ signal }) => apiFetch<TTeamAggregates>('/api/selfcare/team-aggregates', { query: { teamId }, signal }),
    placeholderData: keepPreviousData,
  });
}
