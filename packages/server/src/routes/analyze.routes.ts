import {
  ZAnalyzeMessageBatchRequest,
  ZAnalyzeMessageBatchResponse,
  ZAnalyzeMessageRequest,
  ZAnalyzeReplyBatchRequest,
  ZAnalyzeReplyBatchResponse,
  ZAnalyzeReplyRequest,
  ZMessageAnalysis,
  ZReplyCheck,
} from '@calmdesk/shared';
import type { FastifyRequest } from 'fastify';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError } from '../errors.js';
import { rateLimiterCreate } from '../lib/rate-limiter.js';

const tags = ['analysis'];

/**
 * The engine over HTTP: one message or reply, or batches of up to 1,000. Every signed-in
 * role may use it (agents read customers in live work; trainers build material).
 * Limited per person: `analysisRatePerMinute` calls a minute, a batch counting as one
 * call per 100 items.
 */
export function registerAnalyzeRoutes(app: TRouteApp, deps: TDeps): void {
  const limiter = rateLimiterCreate(deps.config.analysisRatePerMinute, 60_000);
  const charge = (request: FastifyRequest, items = 1) => {
    const auth = requireAuth(request);
    const calls = Math.max(1, Math.ceil(items / 100));
    for (let i = 0; i < calls; i += 1) {
      const result = limiter.hit(auth.userId);
      if (!result.isAllowed) throw new AppError('RATE_LIMITED', 'Too many analysis requests; wait a moment', undefined, result.retryAfterSeconds);
    }
  };

  app.post(
    '/api/analyze/message',
    { config: { access: 'any' }, schema: { tags, summary: "Read a customer message: emotion, risk, needs and the cues behind them", body: ZAnalyzeMessageRequest, response: { 200: ZMessageAnalysis } } },
    async (request) => {
      charge(request);
      return deps.engine.analyzeMessage(request.body.text, { previous: request.body.context ?? [] });
    },
  );

  app.post(
    '/api/analyze/reply',
    { config: { access: 'any' }, schema: { tags, summary: "Check an agent's draft reply", body: ZAnalyzeReplyRequest, response: { 200: ZReplyCheck } } },
    async (request) => {
      charge(request);
      return deps.engine.checkReply(request.body.text, request.body.customer);
    },
  );

  app.post(
    '/api/analyze/messages',
    { config: { access: 'any' }, schema: { tags, summary: 'Read up to 1,000 customer messages', body: ZAnalyzeMessageBatchRequest, response: { 200: ZAnalyzeMessageBatchResponse } } },
    async (request) => {
      charge(request, request.body.items.length);
      return { results: request.body.items.map((item) => ({ id: item.id ?? null, ...deps.engine.analyzeMessage(item.text, { previous: item.context ?? [] }) })) };
    },
  );

  app.post(
    '/api/analyze/replies',
    { config: { access: 'any' }, schema: { tags, summary: 'Check up to 1,000 draft replies', body: ZAnalyzeReplyBatchRequest, response: { 200: ZAnalyzeReplyBatchResponse } } },
    async (request) => {
      charge(request, request.body.items.length);
      return { results: request.body.items.map((item) => ({ id: item.id ?? null, ...deps.engine.checkReply(item.text, item.customer) })) };
    },
  );
}
