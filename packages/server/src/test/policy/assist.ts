import type { TRouteCase } from './types.js';

/** Live assist (SPEC §2.5): the /live-assist roles use the page; supervisors, deputy and leader oversee; admins hold the API tokens. */
const ASSISTED = ['agent', 'mentor', 'supervisor'] as const;
const LOAD_READERS = ['supervisor', 'deputy', 'leader'] as const;
const ESCALATION_READERS = ['agent', 'mentor', 'supervisor', 'deputy', 'leader'] as const;
const MESSAGES = () => ({ messages: [{ role: 'customer', text: '怎么还没发货？' }] });

export const ASSIST_POLICY: TRouteCase[] = [
  { method: 'POST', url: '/api/assist/conversations', allowed: ASSISTED, body: () => ({}) },
  { method: 'GET', url: '/api/assist/conversations/:id', allowed: ASSISTED },
  { method: 'POST', url: '/api/assist/conversations/:id/analyze', allowed: ASSISTED, body: MESSAGES },
  { method: 'POST', url: '/api/assist/conversations/:id/draft', allowed: ASSISTED, body: () => ({ draft: '您好，马上为您查询。' }) },
  { method: 'POST', url: '/api/assist/conversations/:id/close', allowed: ASSISTED, body: () => ({}) },
  { method: 'POST', url: '/api/assist/conversations/:id/escalate', allowed: ASSISTED, body: MESSAGES },
  { method: 'GET', url: '/api/assist/my/load', allowed: ASSISTED },
  { method: 'POST', url: '/api/assist/pauses', allowed: ASSISTED, body: () => ({ seconds: 60 }) },
  { method: 'GET', url: '/api/assist/escalations', allowed: ESCALATION_READERS },
  { method: 'GET', url: '/api/assist/escalations/:id', allowed: ESCALATION_READERS },
  { method: 'POST', url: '/api/assist/escalations/:id/acknowledge', allowed: LOAD_READERS, body: () => ({}) },
  { method: 'GET', url: '/api/assist/team-load', allowed: LOAD_READERS },
  { method: 'GET', url: '/api/assist/tokens', allowed: ['admin'] },
  { method: 'POST', url: '/api/assist/tokens', allowed: ['admin'], body: () => ({ name: 'matrix tool' }) },
  { method: 'POST', url: '/api/assist/tokens/:id/revoke', allowed: ['admin'], body: () => ({}) },
  // The WebSocket authenticates with an API token, not a session (see assist-stream.routes.test.ts).
  { method: 'GET', url: '/api/assist/stream', allowed: 'public' },
];
