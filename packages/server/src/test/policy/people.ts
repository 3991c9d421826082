import { ALL, TRAINING_GROUP, type TRouteCase } from './types.js';

/** Supervisors (their teams) and the training group. */
const MANAGERS = ['supervisor', ...TRAINING_GROUP] as const;
const SOMEONE = '5f0c1f7e-3a52-4d8e-9d3a-2b7c1c9e4a11';

/**
 * Who may call each people route: part of the authorisation matrix (routes/authorization-matrix.test.ts).
 * Records are for supervisors and the training group only: not mentors, not admins (SPEC §2.10).
 */
export const PEOPLE_POLICY: TRouteCase[] = [
  { method: 'GET', url: '/api/ops/mentoring', allowed: MANAGERS },
  { method: 'POST', url: '/api/ops/mentoring', allowed: MANAGERS, body: () => ({ menteeUserId: SOMEONE, mentorUserId: SOMEONE }) },
  { method: 'GET', url: '/api/ops/mentoring/:id', allowed: ['mentor', ...MANAGERS] },
  { method: 'POST', url: '/api/ops/mentoring/:id/end', allowed: MANAGERS, body: () => ({}) },
  { method: 'POST', url: '/api/ops/mentoring/:id/notes', allowed: ['mentor', ...TRAINING_GROUP], body: () => ({ body: '今天一起复盘了催发货的对话。' }) },
  { method: 'POST', url: '/api/ops/mentoring/:id/tasks', allowed: ['mentor', ...TRAINING_GROUP], body: () => ({ kind: 'checklist', title: '熟悉退货流程' }) },
  { method: 'PUT', url: '/api/ops/mentoring/tasks/:id/done', allowed: ['mentor', ...TRAINING_GROUP], body: () => ({ isDone: true }) },
  { method: 'GET', url: '/api/ops/my/mentoring', allowed: ALL },
  { method: 'GET', url: '/api/ops/records', allowed: MANAGERS },
  { method: 'GET', url: '/api/ops/records/:id', allowed: MANAGERS },
  { method: 'POST', url: '/api/ops/records', allowed: MANAGERS, body: () => ({ userId: SOMEONE, kind: 'warning', reason: '顾客投诉：回复生硬' }) },
  { method: 'GET', url: '/api/ops/my/records', allowed: ALL },
  { method: 'GET', url: '/api/ops/points/rules', allowed: ALL },
  { method: 'PUT', url: '/api/ops/points/rules', allowed: TRAINING_GROUP, body: () => ({ rules: [{ key: 'session_attended', points: 2, isEnabled: true }] }) },
  { method: 'GET', url: '/api/ops/my/points', allowed: ALL },
  { method: 'GET', url: '/api/ops/points/ledger', allowed: MANAGERS },
  { method: 'GET', url: '/api/ops/points/ranking', allowed: MANAGERS },
  { method: 'POST', url: '/api/ops/points/entries', allowed: TRAINING_GROUP, body: () => ({ userId: SOMEONE, points: 5, reason: '主动分享安抚话术' }) },
  { method: 'POST', url: '/api/ops/suggestions', allowed: ALL, body: () => ({ title: '快捷短语分类', body: '把安抚类快捷短语按情绪强度分三档。' }) },
  { method: 'GET', url: '/api/ops/my/suggestions', allowed: ALL },
  { method: 'GET', url: '/api/ops/suggestions', allowed: TRAINING_GROUP },
  { method: 'POST', url: '/api/ops/suggestions/:id/adopt', allowed: TRAINING_GROUP, body: () => ({ note: '' }) },
  { method: 'POST', url: '/api/ops/suggestions/:id/decline', allowed: TRAINING_GROUP, body: () => ({ note: '与现有流程重复' }) },
  { method: 'GET', url: '/api/ops/selections', allowed: TRAINING_GROUP },
  { method: 'POST', url: '/api/ops/selections', allowed: TRAINING_GROUP, body: () => ({ period: '2025-H2', weights: { exams: 35, roleplay: 30, attendance: 20, kpi: 15 }, shortlistSize: 3 }) },
  { method: 'GET', url: '/api/ops/selections/:id', allowed: TRAINING_GROUP },
  { method: 'POST', url: '/api/ops/selections/:id/confirm', allowed: ['leader'], body: () => ({ chosenUserIds: [SOMEONE] }) },
];
