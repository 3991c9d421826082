import { ALL, type TRouteCase } from './types.js';

export const NOTIFICATIONS_POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/notifications', allowed: ALL },
  { method: 'POST', url: '/api/notifications/read', allowed: ALL, body: () => ({}) },
];
