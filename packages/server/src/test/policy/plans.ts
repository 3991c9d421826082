import { ALL, type TRouteCase } from './types.js';

/** Who may call each plans route: part of the authorisation matrix (routes/authorization-matrix.test.ts). */

const READERS = ['supervisor', 'trainer', 'deputy', 'leader'] as const;
const MANAGERS = ['trainer', 'supervisor'] as const;
const PLAN = () => ({ year: 2026, title: '矩阵测试计划', content: { goals: ['先处理心情，再处理事情'], items: [{ id: 'm1', theme: '投诉安抚', kind: 'classroom', date: '2026-03-12' }] } });
const SOON = () => new Date(Date.now() + 7 * 86_400_000);

export const PLANS_POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/ops/plans', allowed: READERS },
  { method: 'POST', url: '/api/ops/plans', allowed: ['trainer'], body: PLAN },
  { method: 'GET', url: '/api/ops/plans/:id', allowed: READERS },
  { method: 'PUT', url: '/api/ops/plans/:id', allowed: ['trainer'], body: PLAN },
  { method: 'DELETE', url: '/api/ops/plans/:id', allowed: ['trainer'] },
  { method: 'POST', url: '/api/ops/plans/:id/submit', allowed: ['trainer'] },
  { method: 'POST', url: '/api/ops/plans/:id/approve', allowed: ['leader'], body: () => ({ comment: '' }) },
  { method: 'POST', url: '/api/ops/plans/:id/return', allowed: ['leader'], body: () => ({ comment: '请补充预算' }) },
  { method: 'GET', url: '/api/ops/sessions', allowed: READERS },
  // A drill with nobody enrolled: the one kind a supervisor may schedule without a team.
  {
    method: 'POST',
    url: '/api/ops/sessions',
    allowed: MANAGERS,
    body: () => ({ title: '矩阵演练', kind: 'drill', startsAt: SOON().toISOString(), endsAt: new Date(SOON().getTime() + 3_600_000).toISOString() }),
  },
  { method: 'GET', url: '/api/ops/sessions/:id', allowed: READERS },
  { method: 'PATCH', url: '/api/ops/sessions/:id', allowed: MANAGERS, body: () => ({ location: '二楼培训室' }) },
  { method: 'POST', url: '/api/ops/sessions/:id/cancel', allowed: MANAGERS },
  { method: 'POST', url: '/api/ops/sessions/:id/enrol', allowed: MANAGERS, body: () => ({ userIds: ['5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10'] }) },
  { method: 'POST', url: '/api/ops/sessions/:id/sign-in-code', allowed: MANAGERS },
  { method: 'POST', url: '/api/ops/sessions/:id/sign-in', allowed: ALL, body: () => ({ code: 'ABC234' }) },
  { method: 'POST', url: '/api/ops/sessions/:id/attendance', allowed: MANAGERS, body: () => ({ marks: [{ userId: '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a10', attendance: 'present' }] }) },
  { method: 'POST', url: '/api/ops/sessions/:id/close', allowed: MANAGERS, body: () => ({}) },
  { method: 'GET', url: '/api/ops/attendance', allowed: READERS },
  { method: 'GET', url: '/api/ops/make-ups', allowed: READERS },
  { method: 'PATCH', url: '/api/ops/make-ups/:id', allowed: ['trainer'], body: () => ({ kind: 'session' }) },
  { method: 'POST', url: '/api/ops/make-ups/:id/waive', allowed: ['trainer'], body: () => ({ reason: '已参加同主题外部培训' }) },
  { method: 'GET', url: '/api/ops/my/sessions', allowed: ALL },
  { method: 'POST', url: '/api/ops/my/sign-in', allowed: ALL, body: () => ({ code: 'ABC234' }) },
];
