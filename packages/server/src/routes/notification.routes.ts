import { ZMarkNotificationsRead, ZNotificationList, ZNotificationQuery } from '@calmdesk/shared';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { listNotifications, markNotificationsRead } from '../services/notification.service.js';

const tags = ['notifications'];

/** The caller's own in-app notices. */
export function registerNotificationRoutes(app: TRouteApp, deps: TDeps): void {
  app.get('/api/notifications', { config: { access: 'any' }, schema: { tags, summary: 'My notices, newest first, with the unread count', querystring: ZNotificationQuery, response: { 200: ZNotificationList } } }, async (request) =>
    listNotifications(deps, requireAuth(request), request.query),
  );
  app.post(
    '/api/notifications/read',
    { config: { access: 'any' }, schema: { tags, summary: 'Mark my notices read: the ids given, or all', body: ZMarkNotificationsRead, response: { 200: ZNotificationList } } },
    async (request) => markNotificationsRead(deps, requireAuth(request), request.body.ids),
  );
}
