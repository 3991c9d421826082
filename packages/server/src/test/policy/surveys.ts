import { surveyTemplate } from '@calmdesk/shared';
import { ALL, TRAINING_GROUP, type TRouteCase } from './types.js';

/** The training group builds and sends; supervisors also read lists and reports (of their teams); everyone answers their own. */
const READERS = [...TRAINING_GROUP, 'supervisor'] as const;
const SURVEY_INPUT = () => ({ ...surveyTemplate('needs', 'zh-CN'), kind: 'needs', period: '2026-Q4', isAnonymous: true });

/** Who may call each surveys route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */
export const SURVEYS_POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/ops/surveys', allowed: READERS },
  { method: 'POST', url: '/api/ops/surveys', allowed: TRAINING_GROUP, body: SURVEY_INPUT },
  { method: 'GET', url: '/api/ops/surveys/plan-targets', allowed: TRAINING_GROUP },
  { method: 'GET', url: '/api/ops/surveys/:id', allowed: READERS },
  { method: 'PUT', url: '/api/ops/surveys/:id', allowed: TRAINING_GROUP, body: SURVEY_INPUT },
  { method: 'DELETE', url: '/api/ops/surveys/:id', allowed: TRAINING_GROUP },
  { method: 'POST', url: '/api/ops/surveys/:id/send', allowed: TRAINING_GROUP, body: () => ({ userIds: ['5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10'], dueDate: null }) },
  { method: 'POST', url: '/api/ops/surveys/:id/remind', allowed: TRAINING_GROUP },
  { method: 'POST', url: '/api/ops/surveys/:id/close', allowed: TRAINING_GROUP },
  { method: 'GET', url: '/api/ops/surveys/:id/report', allowed: READERS },
  { method: 'GET', url: '/api/ops/surveys/:id/report.xlsx', allowed: READERS },
  { method: 'POST', url: '/api/ops/surveys/:id/plan-items', allowed: TRAINING_GROUP, body: () => ({ items: [{ theme: '被骂后如何快速平静' }] }) },
  { method: 'GET', url: '/api/ops/my/surveys', allowed: ALL },
  { method: 'GET', url: '/api/ops/my/surveys/:id', allowed: ALL },
  { method: 'POST', url: '/api/ops/my/surveys/:id/responses', allowed: ALL, body: () => ({ answers: {} }) },
];
