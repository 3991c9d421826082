import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { QaGuard } from './qa-guard';

// Tables, the upload wizard, the chat view and ECharts load only when 对话质检 is opened.
const ConversationsPage = lazy(() => import('./conversations-page'));
const ConversationPage = lazy(() => import('./conversation-page'));
const ImportsPage = lazy(() => import('./imports-page'));
const ImportWizardPage = lazy(() => import('./import-wizard-page'));
const ImportPage = lazy(() => import('./import-page'));

/**
 * 对话质检 (SPEC §2.9) under /qa: the conversations (every QA reader) and the imports
 * (importing roles only), each guarded like the server guards its API.
 */
export const qaRoutes: RouteObject[] = [
  { index: true, element: <QaGuard need="canRead"><ConversationsPage /></QaGuard> },
  { path: 'conversations/:conversationId', element: <QaGuard need="canRead"><ConversationPage /></QaGuard> },
  { path: 'imports', element: <QaGuard need="canImport"><ImportsPage /></QaGuard> },
  { path: 'imports/new', element: <QaGuard need="canImport"><ImportWizardPage /></QaGuard> },
  { path: 'imports/:importId', element: <QaGuard need="canImport"><ImportPage /></QaGuard> },
];
