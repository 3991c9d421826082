import type { TNotification } from '@calmdesk/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from './client';

/** The bell's calls: my notices with the unread count, and marking them read (GET/POST /api/notifications). */

export type { TNotification };
export type TNotificationList = { unread: number; notifications: TNotification[] };

export const notificationKeys = { all: ['notifications'] as const };

/** How often the bell asks for new notices. */
export const NOTIFICATION_POLL_MS = 60_000;

/** My latest notices and the unread count, polled every minute while the app is open. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => apiFetch<TNotificationList>('/api/notifications', { query: { limit: 20 }, signal }),
    refetchInterval: NOTIFICATION_POLL_MS,
    staleTime: 0,
  });
}

/** Marks these notices read, or all of mine when no ids are given; the answer is the fresh list. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => apiFetch<TNotificationList>('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: (list) => queryClient.setQueryData(notificationKeys.all, list),
  });
}
