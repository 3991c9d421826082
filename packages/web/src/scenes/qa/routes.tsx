import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { QaGuard } from './qa-guard';

// Tables, the upload wizard, the chat view and ECharts load only when 对话质检 is opened.
const ConversationsPage = lazy(() => import('./conversations-page'));
const ConversationPage = lazy(() => import('./conversation-page'));
const ImportsPage = lazy(() => import('./imports-page'));
const ImportWizardPage = lazy(() => import('./import-wizard-page'));
const ImportPage = lazy(() => import('./import-page'));
const StatsPage = lazy(() => import('./stats-page'));
const CoachingPage = lazy(() => import('./coaching-page'));
const SettingsPage = lazy(() => import('./settings-page'));

/**
 * 对话质检 (SPEC §2.9) under /qa: the conversations, the dashboard, the coaching queue and the
 * settings (every QA reader; only admins change the settings) and the imports (importing roles
 * only), each guarded like the server guards its API.
 */
export const qaRoutes: RouteObject[] = [
  { index: true, element: <QaGuard need="canRead"><ConversationsPage /></QaGuard> },
  { path: 'conversations/:conversationId', element: <QaGuard need="canRead"><ConversationPage /></QaGuard> },
  { path: 'imports', element: <QaGuard need="canImport"><ImportsPage /></QaGuard> },
  { path: 'imports/new', element: <QaGuard need="canImport"><ImportWizardPage /></QaGuard> },
  { path: 'imports/:importId', element: <QaGuard need="canImport"><ImportPage /></QaGuard> },
  { path: 'stats', element: <QaGuard need="canRead"><StatsPage /></QaGuard> },
  { path: 'coaching', element: <QaGuard need="canCoach"><CoachingPage /></QaGuard> },
  { path: 'settings', element: <QaGuard need="canRead"><SettingsPage /></QaGuard> },
];
