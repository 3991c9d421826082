import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { LIMITS, type TErrorCode, type TErrorResponse } from '@calmdesk/shared';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAccessControl } from './auth/access.js';
import type { TDeps } from './context.js';
import { AppError, ERROR_STATUS } from './errors.js';
import { registerAdminRoutes } from './routes/admin.routes.js';
import { registerAnalyzeRoutes } from './routes/analyze.routes.js';
import { registerCertificateRoutes } from './routes/certificate.routes.js';
import { registerLearningFileRoutes } from './routes/learning-file.routes.js';
import { registerExamRoutes } from './routes/exam.routes.js';
import { registerQaRoutes } from './routes/qa.routes.js';
import { registerNotificationRoutes } from './routes/notification.routes.js';
import { registerSurveyRoutes } from './routes/surveys.routes.js';
import { registerPlanRoutes } from './routes/plans.routes.js';
import { registerPeopleRoutes } from './routes/people.routes.js';
import { registerEvaluationRoutes } from './routes/evaluation.routes.js';
import { registerSelfcareRoutes } from './routes/selfcare.routes.js';
import { registerAssistRoutes } from './routes/assist.routes.js';
import { stripStreamToken } from './routes/assist-stream.routes.js';
import { STREAM_MAX_PAYLOAD } from './services/assist-stream.service.js';
import { registerLearningRoutes } from './routes/learning.routes.js';
import { registerRoleplayRoutes } from './routes/roleplay.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { APP_VERSION, registerHealthRoutes } from './routes/health.routes.js';

/** The Fastify instance with Zod types, as route modules see it. */
export type TRouteApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** Built web app, when present: packages/web/dist next to this package. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Fastify's own client-error codes, and what we call them. */
const FASTIFY_CLIENT_ERRORS: Record<string, TErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

function errorBody(code: TErrorCode, message: string, extra: Partial<TErrorResponse['error']> = {}): TErrorResponse {
  return { error: { code, message, ...extra } };
}

/**
 * Builds the HTTP app over a database. main.ts listens on it; tests use `inject`.
 * @param deps database, config and logger
 * @param options `logger` for Fastify (tests pass false)
 */
export async function buildApp(deps: Omit<TDeps, 'log'>, options: { logger: FastifyServerOptions['logger'] }): Promise<TRouteApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: 'x-request-id',
    // The live-assist stream's ?token= is taken out before routing and logging.
    rewriteUrl: stripStreamToken,
  }).withTypeProvider<ZodTypeProvider>();
  const fullDeps: TDeps = { ...deps, log: app.log };

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.issues ? { issues: error.issues } : {}));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const where = error.validationContext ?? 'body';
        const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: field ? `${where}.${field}` : where, message: v.message ?? 'invalid' };
      });
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return reply.code(400).send(errorBody('VALIDATION_FAILED', `Invalid request: ${summary}`, { issues }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.code(500).send(errorBody('INTERNAL', 'Internal error', { requestId: request.id }));
    }
    const mapped = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (mapped) {
      return reply.code(ERROR_STATUS[mapped]).send(errorBody(mapped, error.message));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorBody('BAD_REQUEST', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL', 'Internal error', { requestId: request.id }));
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design and the Swagger UI set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'CalmDesk API', description: '心安客服 CalmDesk HTTP API. Sign in with POST /api/auth/login; send the x-csrf-token header from the session on every state-changing request.', version: APP_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cd_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  // The live-assist stream (routes/assist-stream.routes.ts); ws drops frames over maxPayload, the route answers bigger-than-allowed ones with an error frame.
  await app.register(fastifyWebsocket, { options: { maxPayload: STREAM_MAX_PAYLOAD } });

  // Raw uploads (lesson files, chat-log imports) reach their routes as the request stream: see lib/read-body.ts.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  registerAccessControl(app, fullDeps);
  registerHealthRoutes(app, fullDeps);
  registerAuthRoutes(app, fullDeps);
  registerAdminRoutes(app, fullDeps);
  registerAnalyzeRoutes(app, fullDeps);
  registerRoleplayRoutes(app, fullDeps);
  registerLearningRoutes(app, fullDeps);
  registerExamRoutes(app, fullDeps);
  registerCertificateRoutes(app, fullDeps);
  registerLearningFileRoutes(app, fullDeps);
  registerQaRoutes(app, fullDeps);
  registerNotificationRoutes(app, fullDeps);
  registerSurveyRoutes(app, fullDeps);
  registerPlanRoutes(app, fullDeps);
  registerPeopleRoutes(app, fullDeps);
  registerEvaluationRoutes(app, fullDeps);
  registerSelfcareRoutes(app, fullDeps);
  registerAssistRoutes(app, fullDeps);

  const webDist = deps.config.webDistDir ?? DEFAULT_WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes of the single-page app.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });

  return app;
}
