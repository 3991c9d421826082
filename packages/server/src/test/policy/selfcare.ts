import { SELFCARE_DELETE_CONFIRMATION, STRESS_QUESTIONNAIRE } from '@calmdesk/shared';
import { ALL, type TRouteCase } from './types.js';

/**
 * Who may call each self-care route: part of the authorisation matrix (routes/authorization-matrix.test.ts).
 * Everyone has their own self-care and reads only their own; team aggregates are for supervisors
 * (their teams), deputies and leaders — not trainers, not admins.
 */
export const SELFCARE_POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/selfcare/summary', allowed: ALL },
  { method: 'GET', url: '/api/selfcare/entries', allowed: ALL },
  { method: 'POST', url: '/api/selfcare/entries', allowed: ALL, body: () => ({ kind: 'diary', body: { emotions: [{ emotion: 'wronged', intensity: 6 }], event: '顾客说我敷衍' } }) },
  { method: 'GET', url: '/api/selfcare/entries/:id', allowed: ALL },
  { method: 'PUT', url: '/api/selfcare/entries/:id', allowed: ALL, body: () => ({ kind: 'gratitude', body: { text: '同事帮我接了一个难缠的顾客' } }) },
  { method: 'DELETE', url: '/api/selfcare/entries/:id', allowed: ALL },
  { method: 'GET', url: '/api/selfcare/link-options', allowed: ALL },
  { method: 'GET', url: '/api/selfcare/stress-checks', allowed: ALL },
  {
    method: 'POST',
    url: '/api/selfcare/stress-checks',
    allowed: ALL,
    body: () => ({ questionnaire: STRESS_QUESTIONNAIRE.version, answers: Object.fromEntries(STRESS_QUESTIONNAIRE.items.map((item) => [item.id, 2])) }),
  },
  { method: 'GET', url: '/api/selfcare/export.json', allowed: ALL },
  { method: 'GET', url: '/api/selfcare/export.pdf', allowed: ALL },
  { method: 'POST', url: '/api/selfcare/delete-all', allowed: ALL, body: () => ({ confirmation: SELFCARE_DELETE_CONFIRMATION }) },
  { method: 'GET', url: '/api/selfcare/team-aggregates', allowed: ['supervisor', 'deputy', 'leader'] },
];
