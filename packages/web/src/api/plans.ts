import type {
  TAttendanceMark,
  TAttendanceOverview,
  TCloseSessionRequest,
  TMakeUpTask,
  TMySession,
  TPlanDetail,
  TPlanInput,
  TPlanSummary,
  TSessionDetail,
  TSessionInput,
  TSessionSummary,
  TSignInCode,
  ZCloseSessionResult,
  ZSignInResult,
} from '@calmdesk/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';

/**
 * Plans, sessions, attendance and make-ups (SPEC §2.7): the training group's calendar and plans,
 * the session page with sign-in and closing, attendance rates, and everyone's own sessions.
 */

export type TCloseSessionResult = z.infer<typeof ZCloseSessionResult>;
export type TSignInResult = z.infer<typeof ZSignInResult>;
export type { TAttendanceOverview, TMakeUpTask, TMySession, TPlanDetail, TPlanSummary, TSessionDetail, TSessionSummary, TSignInCode };

export const plansKeys = {
  all: ['ops-plans'] as const,
  plans: ['ops-plans', 'plans'] as const,
  plan: (id: string) => ['ops-plans', 'plans', 'one', id] as const,
  sessions: ['ops-plans', 'sessions'] as const,
  sessionRange: (from: string, to: string) => ['ops-plans', 'sessions', 'range', from, to] as const,
  session: (id: string) => ['ops-plans', 'sessions', 'one', id] as const,
  attendance: (query: Record<string, string | undefined>) => ['ops-plans', 'attendance', query] as const,
  makeUps: (status: string) => ['ops-plans', 'make-ups', status] as const,
  mine: ['ops-plans', 'mine'] as const,
};

const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

export function usePlans() {
  return useQuery({
    queryKey: plansKeys.plans,
    queryFn: ({ signal }) => apiFetch<{ plans: TPlanSummary[] }>('/api/ops/plans', { signal }),
    select: (data) => data.plans,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: plansKeys.plan(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TPlanDetail>(path('/api/ops/plans/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** Saves a plan: creates it without an id, replaces the working copy with one. */
export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, plan }: { id?: string; plan: TPlanInput }) =>
      apiFetch<TPlanDetail>(id ? path('/api/ops/plans/:id', id) : '/api/ops/plans', { method: id ? 'PUT' : 'POST', body: plan }),
    onSuccess: (plan) => {
      queryClient.setQueryData(plansKeys.plan(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: plansKeys.plans });
    },
  });
}

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(path('/api/ops/plans/:id', id), { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: plansKeys.plans }),
  });
}

/** Submit (trainer), approve or return (leader): each answers with the plan as it now is. */
export function usePlanDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action, comment }: { id: string; action: 'submit' | 'approve' | 'return'; comment?: string }) => {
      if (action === 'approve') return (await apiFetch<{ plan: TPlanDetail; createdSessions: number }>(path('/api/ops/plans/:id/approve', id), { method: 'POST', body: { comment: comment ?? '' } })).plan;
      if (action === 'return') return apiFetch<TPlanDetail>(path('/api/ops/plans/:id/return', id), { method: 'POST', body: { comment: comment ?? '' } });
      return apiFetch<TPlanDetail>(path('/api/ops/plans/:id/submit', id), { method: 'POST' });
    },
    onSuccess: (plan) => {
      queryClient.setQueryData(plansKeys.plan(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: plansKeys.plans });
      void queryClient.invalidateQueries({ queryKey: plansKeys.sessions });
    },
  });
}

/** Sessions starting between two days (YYYY-MM-DD, China time). */
export function useSessions(from: string, to: string) {
  return useQuery({
    queryKey: plansKeys.sessionRange(from, to),
    queryFn: ({ signal }) => apiFetch<{ sessions: TSessionSummary[] }>('/api/ops/sessions', { query: { from, to }, signal }),
    select: (data) => data.sessions,
  });
}

/** One session; polls every 5 s while sign-in runs so the instructor sees people arrive. */
export function useSession(id: string | undefined) {
  return useQuery({
    queryKey: plansKeys.session(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TSessionDetail>(path('/api/ops/sessions/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.signIn?.isOpen ? 5000 : false),
  });
}

function useSessionMutation<TArgs, TResult>(call: (args: TArgs) => Promise<TResult>, sessionOf: (result: TResult) => TSessionDetail | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      const session = sessionOf(result);
      if (session) queryClient.setQueryData(plansKeys.session(session.id), session);
      void queryClient.invalidateQueries({ queryKey: plansKeys.sessions });
      void queryClient.invalidateQueries({ queryKey: ['ops-plans', 'attendance'] });
      void queryClient.invalidateQueries({ queryKey: ['ops-plans', 'make-ups'] });
    },
  });
}

export function useCreateSession() {
  return useSessionMutation((input: TSessionInput) => apiFetch<TSessionDetail>('/api/ops/sessions', { method: 'POST', body: input }), (session) => session);
}

export function useCancelSession() {
  return useSessionMutation((id: string) => apiFetch<TSessionDetail>(path('/api/ops/sessions/:id/cancel', id), { method: 'POST' }), (session) => session);
}

export function useEnrol() {
  return useSessionMutation(
    ({ id, userIds, teamIds }: { id: string; userIds: string[]; teamIds: string[] }) => apiFetch<TSessionDetail>(path('/api/ops/sessions/:id/enrol', id), { method: 'POST', body: { userIds, teamIds } }),
    (session) => session,
  );
}

export function useMarkAttendance() {
  return useSessionMutation(
    ({ id, marks }: { id: string; marks: TAttendanceMark[] }) => apiFetch<TSessionDetail>(path('/api/ops/sessions/:id/attendance', id), { method: 'POST', body: { marks } }),
    (session) => session,
  );
}

export function useCloseSession() {
  return useSessionMutation(
    ({ id, request }: { id: string; request: TCloseSessionRequest }) => apiFetch<TCloseSessionResult>(path('/api/ops/sessions/:id/close', id), { method: 'POST', body: request }),
    (result) => result.session,
  );
}

export function useStartSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TSignInCode>(path('/api/ops/sessions/:id/sign-in-code', id), { method: 'POST' }),
    onSuccess: (_code, id) => void queryClient.invalidateQueries({ queryKey: plansKeys.session(id) }),
  });
}

/** Signs me in with a code: to the session given (the QR link), or to whichever of mine the code belongs to (typed). */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, code, method }: { sessionId?: string; code: string; method: 'code' | 'qr' }) =>
      apiFetch<TSignInResult>(sessionId ? path('/api/ops/sessions/:id/sign-in', sessionId) : '/api/ops/my/sign-in', { method: 'POST', body: { code, method } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: plansKeys.mine }),
  });
}

export function useAttendance(query: { from?: string; to?: string; teamId?: string }) {
  return useQuery({
    queryKey: plansKeys.attendance(query),
    queryFn: ({ signal }) => apiFetch<TAttendanceOverview>('/api/ops/attendance', { query, signal }),
  });
}

export function useMakeUps(status: 'open' | 'done' | 'waived' | 'all', isEnabled = true) {
  return useQuery({
    queryKey: plansKeys.makeUps(status),
    queryFn: ({ signal }) => apiFetch<{ tasks: TMakeUpTask[] }>('/api/ops/make-ups', { query: { status }, signal }),
    select: (data) => data.tasks,
    enabled: isEnabled,
  });
}

export function useWaiveMakeUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<TMakeUpTask>(path('/api/ops/make-ups/:id/waive', id), { method: 'POST', body: { reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useUpdateMakeUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kind, makeUpSessionId, examId }: { id: string; kind: 'session' | 'exam'; makeUpSessionId?: string | null; examId?: string | null }) =>
      apiFetch<TMakeUpTask>(path('/api/ops/make-ups/:id', id), { method: 'PATCH', body: { kind, makeUpSessionId: makeUpSessionId ?? null, examId: examId ?? null } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: plansKeys.all }),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: plansKeys.mine,
    queryFn: ({ signal }) => apiFetch<{ upcoming: TMySession[]; past: TMySession[]; makeUps: TMakeUpTask[] }>('/api/ops/my/sessions', { signal }),
    refetchInterval: 30_000,
  });
}
