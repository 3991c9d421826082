import type { TEvalDashboard, TEvalDashboardQuery, TEvalPerson, TEvalTeam, TKpiImport, TKpiMapping, TKpiPreview, ZKpiImportList, ZKpiRecordList } from '@calmdesk/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { AppError, apiFetch, buildUrl, type TQueryValue } from './client';

/**
 * 效果评估 calls (SPEC §2.8, /api/eval/*): the four-level dashboard, a team's and a person's
 * figures, KPI files (preview, then import) and the imports' reports. Types come from the
 * shared schemas (packages/shared/src/evaluation.ts).
 */

export type { TEvalDashboard, TEvalPerson, TEvalTeam, TKpiImport, TKpiMapping, TKpiPreview };
export type TKpiImportSummary = z.infer<typeof ZKpiImportList>['imports'][number];
export type TKpiRecordList = z.infer<typeof ZKpiRecordList>;
export type TEvalRange = { from?: string | undefined; to?: string | undefined };

/** Query keys, all under 'evaluation' so an import refreshes every figure. */
export const evaluationKeys = {
  all: ['evaluation'] as const,
  dashboard: (query: TEvalDashboardQuery) => ['evaluation', 'dashboard', query] as const,
  team: (id: string, range: TEvalRange) => ['evaluation', 'team', id, range] as const,
  person: (id: string, range: TEvalRange) => ['evaluation', 'person', id, range] as const,
  imports: ['evaluation', 'kpi-imports'] as const,
  import: (id: string) => ['evaluation', 'kpi-imports', id] as const,
  records: (query: Record<string, TQueryValue>) => ['evaluation', 'kpis', query] as const,
};

const enc = encodeURIComponent;

/** The four levels per team and month, and the before/after comparison. */
export function useEvalDashboard(query: TEvalDashboardQuery) {
  return useQuery({
    queryKey: evaluationKeys.dashboard(query),
    queryFn: ({ signal }) => apiFetch<TEvalDashboard>('/api/eval/dashboard', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One team: its figures and each member's four levels. */
export function useEvalTeam(teamId: string | undefined, range: TEvalRange) {
  return useQuery({
    queryKey: evaluationKeys.team(teamId ?? '', range),
    queryFn: ({ signal }) => apiFetch<TEvalTeam>(`/api/eval/teams/${enc(teamId ?? '')}`, { query: range, signal }),
    enabled: Boolean(teamId),
    placeholderData: keepPreviousData,
  });
}

/** One person: months, KPIs before and after, and the records behind the figures. */
export function useEvalPerson(userId: string | undefined, range: TEvalRange) {
  return useQuery({
    queryKey: evaluationKeys.person(userId ?? '', range),
    queryFn: ({ signal }) => apiFetch<TEvalPerson>(`/api/eval/people/${enc(userId ?? '')}`, { query: range, signal }),
    enabled: Boolean(userId),
    placeholderData: keepPreviousData,
  });
}

/** KPI imports, newest first (a supervisor's own). */
export function useKpiImports() {
  return useQuery({
    queryKey: evaluationKeys.imports,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZKpiImportList>>('/api/eval/kpi-imports', { signal }),
    select: (data) => data.imports,
  });
}

/** One import with every rejected row. */
export function useKpiImport(id: string | null) {
  return useQuery({
    queryKey: evaluationKeys.import(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TKpiImport>(`/api/eval/kpi-imports/${enc(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** Stored KPI records. */
export function useKpiRecords(query: { from?: string | undefined; to?: string | undefined; teamId?: string | undefined }) {
  return useQuery({
    queryKey: evaluationKeys.records(query),
    queryFn: ({ signal }) => apiFetch<TKpiRecordList>('/api/eval/kpis', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The server refuses larger KPI files (shared KPI_FILE_MAX_BYTES). */
export const KPI_FILE_EXTENSIONS = ['.csv', '.xlsx', '.txt'] as const;

/**
 * Sends a KPI file as raw bytes, with its name and the column mapping in the query: to
 * preview it (nothing is written) or to import it.
 * @param kind preview | import
 * @param file the CSV or .xlsx file
 * @param mapping the columns chosen; empty: the server finds them from the headers
 * @param csrfToken the session's CSRF token
 * @throws AppError 400 (empty, no header, incomplete mapping), 413 (too large), 415 (not CSV or .xlsx)
 */
export async function sendKpiFile<TKind extends 'preview' | 'import'>(kind: TKind, file: Blob & { name: string }, mapping: TKpiMapping, csrfToken: string): Promise<TKind extends 'preview' ? TKpiPreview : TKpiImport> {
  const path = kind === 'preview' ? '/api/eval/kpi-imports/preview' : '/api/eval/kpi-imports';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, { fileName: file.name, ...mapping }), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
  } catch (err) {
    throw new AppError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok || body === undefined) throw AppError.fromResponse(response.status, body, response.headers.get('retry-after'));
  return body as TKind extends 'preview' ? TKpiPreview : TKpiImport;
}

/** Where each Excel or PDF export is downloaded from. */
export const evaluationExportUrls = {
  dashboardXlsx: (query: TEvalDashboardQuery) => buildUrl('/api/eval/dashboard.xlsx', query),
  dashboardPdf: (query: TEvalDashboardQuery) => buildUrl('/api/eval/dashboard.pdf', query),
  teamXlsx: (teamId: string, range: TEvalRange) => buildUrl(`/api/eval/teams/${enc(teamId)}/export.xlsx`, range),
  personXlsx: (userId: string, range: TEvalRange) => buildUrl(`/api/eval/people/${enc(userId)}/export.xlsx`, range),
  kpisXlsx: (query: Record<string, TQueryValue>) => buildUrl('/api/eval/kpis.xlsx', query),
  rejectsXlsx: (importId: string) => `/api/eval/kpi-imports/${enc(importId)}/rejects.xlsx`,
};
