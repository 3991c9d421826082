import type {
  TMySurvey,
  TMySurveyDetail,
  TSendSurveyRequest,
  TSurveyAnswers,
  TSurveyDetail,
  TSurveyInput,
  TSurveyPlanItemsRequest,
  TSurveyReport,
  TSurveySummary,
  ZRemindSurveyResponse,
  ZSendSurveyResponse,
  ZSubmitSurveyResult,
  ZSurveyPlanItemsResult,
  ZSurveyPlanTargets,
} from '@calmdesk/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';
import { notificationKeys } from './notifications';

/**
 * Survey calls (needs analysis and reaction questionnaires, SPEC §2.7, §2.8 level 1): the
 * training group's builder, sending, reminders, report and plan items under /api/ops/surveys,
 * and everyone's own answering under /api/ops/my/surveys. Types come from the shared schemas.
 */

export type { TMySurvey, TMySurveyDetail, TSurveyDetail, TSurveyReport, TSurveySummary };
export type TSurveyPlanTarget = z.infer<typeof ZSurveyPlanTargets>['plans'][number];
export type TSurveyPlanItemsResult = z.infer<typeof ZSurveyPlanItemsResult>;

/** Query keys, all under 'surveys' so one invalidation refreshes lists, details and reports. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  report: (id: string) => ['surveys', 'report', id] as const,
  planTargets: ['surveys', 'plan-targets'] as const,
  mine: ['surveys', 'mine'] as const,
  myOne: (id: string) => ['surveys', 'mine', id] as const,
};

const enc = encodeURIComponent;

/** The report as an Excel file (the browser downloads it with the session cookie). */
export const surveyReportXlsxUrl = (id: string) => `/api/ops/surveys/${enc(id)}/report.xlsx`;

export function useSurveys() {
  return useQuery({
    queryKey: surveyKeys.list,
    queryFn: ({ signal }) => apiFetch<{ surveys: TSurveySummary[] }>('/api/ops/surveys', { signal }),
    select: (data) => data.surveys,
  });
}

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.one(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TSurveyDetail>(`/api/ops/surveys/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSurveyReport(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.report(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TSurveyReport>(`/api/ops/surveys/${enc(id ?? '')}/report`, { signal }),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

/** After any change, lists, the survey and its report are stale. */
function useRefreshSurveys() {
  const queryClient = useQueryClient();
  return (detail?: TSurveyDetail) => {
    if (detail) queryClient.setQueryData(surveyKeys.one(detail.id), detail);
    return queryClient.invalidateQueries({ queryKey: surveyKeys.all, predicate: (query) => !detail || query.queryKey[1] !== 'one' || query.queryKey[2] !== detail.id });
  };
}

/** Creates a draft (no id) or changes one. */
export function useSaveSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string | undefined; body: TSurveyInput }) =>
      id ? apiFetch<TSurveyDetail>(`/api/ops/surveys/${enc(id)}`, { method: 'PUT', body }) : apiFetch<TSurveyDetail>('/api/ops/surveys', { method: 'POST', body }),
    onSuccess: (detail) => refresh(detail),
  });
}

export function useDeleteSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/ops/surveys/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

export function useSendSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TSendSurveyRequest }) => apiFetch<z.infer<typeof ZSendSurveyResponse>>(`/api/ops/surveys/${enc(id)}/send`, { method: 'POST', body }),
    onSuccess: (result) => refresh(result.survey),
  });
}

export function useRemindSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<z.infer<typeof ZRemindSurveyResponse>>(`/api/ops/surveys/${enc(id)}/remind`, { method: 'POST' }),
    onSuccess: (result) => refresh(result.survey),
  });
}

export function useCloseSurvey() {
  const refresh = useRefreshSurveys();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TSurveyDetail>(`/api/ops/surveys/${enc(id)}/close`, { method: 'POST' }),
    onSuccess: (detail) => refresh(detail),
  });
}

/** Draft and returned plans that findings can go into. */
export function useSurveyPlanTargets(isEnabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.planTargets,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZSurveyPlanTargets>>('/api/ops/surveys/plan-targets', { signal }),
    select: (data) => data.plans,
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useAddSurveyPlanItems() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TSurveyPlanItemsRequest }) => apiFetch<TSurveyPlanItemsResult>(`/api/ops/surveys/${enc(id)}/plan-items`, { method: 'POST', body }),
    // The plans pages (api/plans.ts, keys under 'ops-plans') read the same plans: refresh whatever they cached.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: surveyKeys.planTargets }), queryClient.invalidateQueries({ queryKey: ['ops-plans'] })]),
  });
}

// ---------------------------------------------------------------------------
// My surveys

export function useMySurveys() {
  return useQuery({
    queryKey: surveyKeys.mine,
    queryFn: ({ signal }) => apiFetch<{ surveys: TMySurvey[] }>('/api/ops/my/surveys', { signal }),
    select: (data) => data.surveys,
    staleTime: 0,
  });
}

export function useMySurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.myOne(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TMySurveyDetail>(`/api/ops/my/surveys/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useSubmitSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answers }: { id: string; answers: TSurveyAnswers }) => apiFetch<z.infer<typeof ZSubmitSurveyResult>>(`/api/ops/my/surveys/${enc(id)}/responses`, { method: 'POST', body: { answers } }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: surveyKeys.all }), queryClient.invalidateQueries({ queryKey: notificationKeys.all })]),
  });
}
