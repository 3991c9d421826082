import type { TCreateUserRequest, TRole, TTeam, TUpdateUserRequest, TUserSummary, ZPeopleResponse } from '@calmdesk/shared';
import type { z } from 'zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';
import { queryKeys } from './query-keys';

/** Teams (any signed-in person) and the admin-only calls: users, teams, audit log. */

export interface TAuditEntry {
  id: number;
  action: string;
  actor: { id: string; displayName: string } | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
}

export interface TUserListParams {
  q?: string;
  role?: TRole;
  teamId?: string;
  page: number;
  pageSize: number;
}

export interface TAuditListParams {
  action?: string;
  page: number;
  pageSize: number;
}

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: ({ signal }) => apiFetch<{ teams: TTeam[] }>('/api/teams', { signal }),
    select: (data) => data.teams,
  });
}

/** The organisation's people (coaching roles), for assigning work to individuals. */
export function usePeople(isEnabled = true) {
  return useQuery({
    queryKey: queryKeys.people,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZPeopleResponse>>('/api/people', { signal }),
    select: (data) => data.people,
    enabled: isEnabled,
  });
}

export function useUsers(params: TUserListParams) {
  return useQuery({
    queryKey: [...queryKeys.adminUsers, 'list', params],
    queryFn: ({ signal }) =>
      apiFetch<{ users: TUserSummary[]; total: number }>('/api/admin/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(params: TAuditListParams) {
  return useQuery({
    queryKey: [...queryKeys.adminAudit, params],
    queryFn: ({ signal }) =>
      apiFetch<{ entries: TAuditEntry[]; total: number }>('/api/admin/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After a change to people or teams, member lists, counts and the audit log are all stale. */
function useInvalidateDirectory() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers }),
      queryClient.invalidateQueries({ queryKey: queryKeys.teams }),
      queryClient.invalidateQueries({ queryKey: queryKeys.adminAudit }),
    ]);
}

export function useCreateUser() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: TCreateUserRequest) => apiFetch<TUserSummary>('/api/admin/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateDirectory();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateUserRequest }) =>
      apiFetch<TUserSummary>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await invalidate();
      // The admin may have edited themself: roles and teams in the session may have changed.
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}

export function useResetUserPassword() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      apiFetch<{ ok: true }>(`/api/admin/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { newPassword } }),
    onSuccess: invalidate,
  });
}

export function useRemoveUser() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useCreateTeam() {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (body: { name: string; description: string }) => apiFetch<TTeam>('/api/admin/teams', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateDirectory();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { name?: string; description?: string } }) =>
      apiFetch<TTeam>(`/api/admin/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await invalidate();
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateDirectory();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ok: true }>(`/api/admin/teams/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await invalidate();
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
