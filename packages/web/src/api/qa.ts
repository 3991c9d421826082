import type {
  TColumnMappingInput,
  ZQaConversationDetail,
  ZQaConversationList,
  ZQaConversationQuery,
  ZQaImport,
  ZQaImportList,
  ZQaPreview,
  ZQaRejects,
  ZQaSources,
  ZQaStartImportRequest,
  ZQaCoachingItem,
  ZQaCoachingList,
  ZQaSettings,
  ZQaStats,
  ZQaStatsQuery,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AppError, apiFetch, type TQueryValue } from './client';

/**
 * Transcript QA calls (质检, SPEC §2.9): chat-log imports with their mapping step and
 * progress, the export sources, and the analysed conversations. Types come from the shared
 * schemas (packages/shared/src/qa.ts); the server shapes every answer with them.
 */

export type TQaImport = z.infer<typeof ZQaImport>;
export type TQaImportStatus = TQaImport['status'];
export type TQaPreview = z.infer<typeof ZQaPreview>;
export type TQaSource = z.infer<typeof ZQaSources>['sources'][number];
export type TQaRejects = z.infer<typeof ZQaRejects>;
export type TQaReject = TQaRejects['rejects'][number];
export type TQaStartImportRequest = z.infer<typeof ZQaStartImportRequest>;
export type TQaConversationQuery = Partial<z.input<typeof ZQaConversationQuery>>;
export type TQaConversationSort = z.infer<typeof ZQaConversationQuery>['sort'];
export type TQaConversationList = z.infer<typeof ZQaConversationList>;
export type TQaConversationSummary = TQaConversationList['conversations'][number];
export type TQaConversationDetail = z.infer<typeof ZQaConversationDetail>;
export type TQaMessage = TQaConversationDetail['messages'][number];
export type { TColumnMappingInput };

/** Query keys of the QA pages, all under 'qa' so one invalidation refreshes them together. */
export const qaKeys = {
  all: ['qa'] as const,
  imports: ['qa', 'imports'] as const,
  import: (id: string) => ['qa', 'imports', 'one', id] as const,
  preview: (id: string) => ['qa', 'imports', 'preview', id] as const,
  rejects: (id: string, offset: number, limit: number) => ['qa', 'imports', 'rejects', id, offset, limit] as const,
  sources: ['qa', 'sources'] as const,
  conversations: ['qa', 'conversations'] as const,
  conversation: (id: string) => ['qa', 'conversations', 'one', id] as const,
};

const enc = encodeURIComponent;

/** The server refuses larger files (qa-import.service.ts IMPORT_MAX_BYTES). */
export const QA_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;
/** Extensions the server reads (it also takes .txt/.tsv/.ndjson as CSV and JSON lines). */
export const QA_IMPORT_EXTENSIONS = ['.csv', '.json', '.jsonl', '.xlsx', '.txt', '.tsv', '.ndjson'] as const;
/** The server's import worker looks for work every 2 s; polling faster shows nothing new. */
export const QA_POLL_MS = 2000;

/** An import the worker has not finished: its figures still move. */
export function isImportActive(status: TQaImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

// ---------------------------------------------------------------------------
// Imports

/** Imports, newest first; refetched every 2 s while any of them is queued or running. */
export function useQaImports(isEnabled = true) {
  return useQuery({
    queryKey: qaKeys.imports,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZQaImportList>>('/api/qa/imports', { signal }),
    select: (data) => data.imports,
    enabled: isEnabled,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.imports.some((item) => isImportActive(item.status)) ? QA_POLL_MS : false),
  });
}

/** One import; refetched every 2 s until it has ended. */
export function useQaImport(id: string | undefined) {
  return useQuery({
    queryKey: qaKeys.import(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TQaImport>(`/api/qa/imports/${enc(id ?? '')}`, { signal }),
    enabled: id !== undefined && id !== '',
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isImportActive(query.state.data.status) ? QA_POLL_MS : false),
  });
}

/** The first rows of an uploaded file with the suggested mapping and the mappings remembered per source. */
export function useQaPreview(id: string | undefined) {
  return useQuery({
    queryKey: qaKeys.preview(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TQaPreview>(`/api/qa/imports/${enc(id ?? '')}/preview`, { signal }),
    enabled: id !== undefined && id !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useStartQaImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TQaStartImportRequest }) => apiFetch<TQaImport>(`/api/qa/imports/${enc(id)}/start`, { method: 'POST', body }),
    onSuccess: (started) => {
      queryClient.setQueryData(qaKeys.import(started.id), started);
      return Promise.all([queryClient.invalidateQueries({ queryKey: qaKeys.imports, exact: true }), queryClient.invalidateQueries({ queryKey: qaKeys.sources })]);
    },
  });
}

/** Stops an import after its current batch (at once when it has not started). */
export function useCancelQaImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TQaImport>(`/api/qa/imports/${enc(id)}/cancel`, { method: 'POST' }),
    onSuccess: (cancelled) => {
      queryClient.setQueryData(qaKeys.import(cancelled.id), cancelled);
      return queryClient.invalidateQueries({ queryKey: qaKeys.imports, exact: true });
    },
  });
}

/** Rows the import could not use, a page at a time (the server keeps the first 10,000). */
export function useQaRejects(id: string | undefined, page: { offset: number; limit: number }, isEnabled = true) {
  return useQuery({
    queryKey: qaKeys.rejects(id ?? '', page.offset, page.limit),
    queryFn: ({ signal }) => apiFetch<TQaRejects>(`/api/qa/imports/${enc(id ?? '')}/rejects`, { query: page, signal }),
    enabled: isEnabled && id !== undefined && id !== '',
    placeholderData: keepPreviousData,
  });
}

/** Export sources (chat tools, shops) with their remembered mapping; importing roles only. */
export function useQaSources(isEnabled = true) {
  return useQuery({
    queryKey: qaKeys.sources,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZQaSources>>('/api/qa/sources', { signal }),
    select: (data) => data.sources,
    enabled: isEnabled,
  });
}

export interface TUploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** The file's size. */
  total: number;
}

/**
 * Uploads a chat export as raw bytes (`?fileName=`, application/octet-stream, the CSRF
 * header). apiFetch sends JSON only and fetch cannot report upload progress, so this one call
 * uses XMLHttpRequest: a 200 MB export takes a while and the person should see it move.
 * @param options.file the export
 * @param options.csrfToken the session's CSRF token
 * @param options.onProgress called as bytes go out
 * @param options.signal aborts the upload
 * @returns the new import (status "uploaded")
 * @throws AppError on a network failure or a refusal (415 wrong type, 413 too large, 400 empty)
 */
export function uploadQaImport({
  file,
  csrfToken,
  onProgress,
  signal,
}: {
  file: Blob & { name: string };
  csrfToken: string;
  onProgress?: (progress: TUploadProgress) => void;
  signal?: AbortSignal;
}): Promise<TQaImport> {
  return new Promise<TQaImport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/qa/imports?fileName=${enc(file.name)}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onerror = () => reject(new AppError('NETWORK', 'upload failed'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as TQaImport);
      else reject(AppError.fromResponse(xhr.status, body, xhr.getResponseHeader('retry-after')));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

// ---------------------------------------------------------------------------
// Conversations

/** Analysed conversations with filters, sort and paging (supervisors and mentors: their teams). */
export function useQaConversations(query: TQaConversationQuery) {
  return useQuery({
    queryKey: [...qaKeys.conversations, 'list', query],
    queryFn: ({ signal }) => apiFetch<TQaConversationList>('/api/qa/conversations', { query: query as Record<string, TQueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One conversation with every message read again by the engine (cues and reply spans). */
export function useQaConversation(id: string | undefined) {
  return useQuery({
    queryKey: qaKeys.conversation(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TQaConversationDetail>(`/api/qa/conversations/${enc(id ?? '')}`, { signal }),
    enabled: id !== undefined && id !== '',
  });
}

// ---------------------------------------------------------------------------
// Statistics (the dashboard), the coaching queue and the QA settings

export type TQaStatsQuery = Partial<z.input<typeof ZQaStatsQuery>>;
export type TQaStats = z.infer<typeof ZQaStats>;
export type TQaStatsRow = TQaStats['rows'][number];
export type TQaStatsOptions = NonNullable<TQaStats['options']>;
export type TQaCoachingItem = z.infer<typeof ZQaCoachingItem>;
export type TQaCoachingStatus = TQaCoachingItem['status'];
export type TQaCoachingComment = TQaCoachingItem['comments'][number];
export type TQaSettings = z.infer<typeof ZQaSettings>;

const qaStatsKey = ['qa', 'stats'] as const;
const qaCoachingKey = ['qa', 'coaching'] as const;
const qaSettingsKey = ['qa', 'settings'] as const;

/**
 * Figures by agent, team or day for the dashboard (supervisors and mentors: their teams).
 * @param query filters and grouping; withSummary 'true' adds the totals and the filter lists
 */
export function useQaStats(query: TQaStatsQuery) {
  return useQuery({
    queryKey: [...qaStatsKey, query],
    queryFn: ({ signal }) => apiFetch<TQaStats>('/api/qa/stats', { query: query as Record<string, TQueryValue>, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The coaching queue: open or coached flags on the conversations the caller may read. */
export function useQaCoaching(status: TQaCoachingStatus, isEnabled = true) {
  return useQuery({
    queryKey: [...qaCoachingKey, status],
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZQaCoachingList>>('/api/qa/coaching', { query: { status }, signal }),
    select: (data) => data.items,
    enabled: isEnabled,
  });
}

/** Every change to a flag moves items between the queue's tabs and the dashboard's flagged counts. */
function useInvalidateCoaching() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: qaCoachingKey }), queryClient.invalidateQueries({ queryKey: qaStatsKey })]);
}

/** Flags a conversation for coaching with a reason (or opens its flag again with the new one); importing roles. */
export function useFlagQaConversation() {
  const invalidate = useInvalidateCoaching();
  return useMutation({
    mutationFn: ({ conversationId, reason }: { conversationId: string; reason: string }) =>
      apiFetch<TQaCoachingItem>(`/api/qa/conversations/${enc(conversationId)}/flag`, { method: 'POST', body: { reason } }),
    onSuccess: () => invalidate(),
  });
}

/** Adds a comment to a flagged conversation's thread. */
export function useCommentOnQaFlag() {
  const invalidate = useInvalidateCoaching();
  return useMutation({
    mutationFn: ({ flagId, body }: { flagId: string; body: string }) => apiFetch<TQaCoachingItem>(`/api/qa/coaching/${enc(flagId)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => invalidate(),
  });
}

/** Marks a flagged conversation as coached (409 when someone already did). */
export function useMarkQaFlagDone() {
  const invalidate = useInvalidateCoaching();
  return useMutation({
    mutationFn: (flagId: string) => apiFetch<TQaCoachingItem>(`/api/qa/coaching/${enc(flagId)}/done`, { method: 'POST' }),
    onSuccess: () => invalidate(),
  });
}

/** Masking, retention and the coaching threshold (every QA reader may read them). */
export function useQaSettings() {
  return useQuery({
    queryKey: qaSettingsKey,
    queryFn: ({ signal }) => apiFetch<TQaSettings>('/api/qa/settings', { signal }),
  });
}

/** Saves the QA settings (admins). */
export function useUpdateQaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: TQaSettings) => apiFetch<TQaSettings>('/api/qa/settings', { method: 'PUT', body: settings }),
    onSuccess: (saved) => queryClient.setQueryData(qaSettingsKey, saved),
  });
}

// ---------------------------------------------------------------------------
// Practise this

/** The draft scenario "Practise this" makes (the summary the role-play list shows). */
export type TQaPractiseDraft = import('@calmdesk/shared').TScenarioSummary;

/**
 * "Practise this" (trainers): makes a draft role-play scenario from a conversation, with the
 * customer's lines masked, and refreshes the role-play scenario list so the authoring page
 * shows the draft (key as queryKeys.roleplayScenarios).
 */
export function usePractiseQaConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conversationId: string) => apiFetch<TQaPractiseDraft>(`/api/qa/conversations/${enc(conversationId)}/practise`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roleplay', 'scenarios'] }),
  });
}
