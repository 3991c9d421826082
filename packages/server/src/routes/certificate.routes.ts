import { ZCertificate, ZCertificateCodeParams, ZCertificateList, ZCertificateVerification, ZIdParams, ZIssueCertificateRequest, ZIssuedCertificateList, ZRevokeCertificateRequest } from '@calmdesk/shared';
import type { FastifyRequest } from 'fastify';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { AppError } from '../errors.js';
import { rateLimiterCreate } from '../lib/rate-limiter.js';
import { CERTIFICATE_OVERSEER_ROLES, certificatePdf, issueCourseCertificate, listIssuedCertificates, listMyCertificates, revokeCertificate, verifyCertificate } from '../services/certificate.service.js';

const tags = ['certificates'];

/** Checks per address per minute on the public page: plenty for people, too few to sweep codes. */
const VERIFY_PER_MINUTE = 30;

function baseUrlOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Certificates: issued on passing an exam, downloaded as PDF, checked by anyone holding the code. */
export function registerCertificateRoutes(app: TRouteApp, deps: TDeps): void {
  const verifyLimiter = rateLimiterCreate(VERIFY_PER_MINUTE, 60_000);
  app.get('/api/certificates', { config: { access: 'any' }, schema: { tags, summary: 'My certificates', response: { 200: ZCertificateList } } }, async (request) =>
    listMyCertificates(deps, requireAuth(request)),
  );
  app.get(
    '/api/certificates/issued',
    { config: { access: CERTIFICATE_OVERSEER_ROLES }, schema: { tags, summary: 'Every certificate of the organisation', response: { 200: ZIssuedCertificateList } } },
    async (request) => listIssuedCertificates(deps, requireAuth(request)),
  );
  app.get('/api/certificates/:id/pdf', { config: { access: 'any' }, schema: { tags, summary: 'A certificate as PDF (its holder, or trainers, deputies and leaders)', params: ZIdParams } }, async (request, reply) => {
    const { fileName, bytes } = await certificatePdf(deps, requireAuth(request), request.params.id, baseUrlOf(request));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
  });
  app.post(
    '/api/certificates',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Issue a course certificate by hand to someone who completed the course', body: ZIssueCertificateRequest, response: { 201: ZCertificate } } },
    async (request, reply) => reply.code(201).send(await issueCourseCertificate(deps, requireAuth(request), request.body, request.ip)),
  );
  app.post(
    '/api/certificates/:id/revoke',
    { config: { access: ['trainer'] }, schema: { tags, summary: 'Revoke a certificate, with the reason', params: ZIdParams, body: ZRevokeCertificateRequest, response: { 200: ZCertificate } } },
    async (request) => revokeCertificate(deps, requireAuth(request), request.params.id, request.body.reason, request.ip),
  );
  app.get(
    '/api/public/certificates/:code',
    { config: { access: 'public' }, schema: { tags, summary: 'Check a certificate code (no sign-in)', params: ZCertificateCodeParams, response: { 200: ZCertificateVerification } } },
    async (request) => {
      const limit = verifyLimiter.hit(request.ip);
      if (!limit.isAllowed) throw new AppError('RATE_LIMITED', 'Too many checks from this address; wait a minute', undefined, limit.retryAfterSeconds);
      return verifyCertificate(deps, request.params.code);
    },
  );
}
