import { ZIdParams, ZLearningFile, ZLearningFileList, ZOkResponse } from '@calmdesk/shared';
import { z } from 'zod';
import type { TRouteApp } from '../app.js';
import { requireAuth } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { contentDisposition, FILE_SECURITY_HEADERS } from '../lib/file-types.js';
import { readBodyLimited } from '../lib/read-body.js';
import { deleteLearningFile, LEARNING_FILE_MAX_BYTES, listLearningFiles, readBuiltInAsset, readLearningFile, uploadLearningFile } from '../services/learning-file.service.js';

const tags = ['learning authoring'];


/**
 * Files in lessons: trainers upload images and worksheets (the raw bytes as
 * application/octet-stream, the name in the query); every member of the organisation reads
 * them; built-in worksheets and diagrams come from content/curriculum/assets.
 */
export function registerLearningFileRoutes(app: TRouteApp, deps: TDeps): void {
  app.post(
    '/api/learning/files',
    {
      config: { access: ['trainer'] },
      schema: {
        tags,
        summary: 'Upload a file for lessons (body: the bytes as application/octet-stream; ?name=file name)',
        querystring: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 201: ZLearningFile },
      },
    },
    async (request, reply) => {
      const bytes = await readBodyLimited(request.body, LEARNING_FILE_MAX_BYTES);
      return reply.code(201).send(await uploadLearningFile(deps, requireAuth(request), request.query.name, bytes, request.ip));
    },
  );
  app.get('/api/learning/files', { config: { access: ['trainer'] }, schema: { tags, summary: 'Files uploaded for lessons', response: { 200: ZLearningFileList } } }, async (request) =>
    listLearningFiles(deps, requireAuth(request)),
  );
  app.get('/api/learning/files/:id', { config: { access: 'any' }, schema: { tags, summary: 'A lesson file (images inline, others as a download)', params: ZIdParams } }, async (request, reply) => {
    const file = await readLearningFile(deps, requireAuth(request), request.params.id);
    return reply.headers(FILE_SECURITY_HEADERS).type(file.contentType).header('content-disposition', contentDisposition(file.isInline ? 'inline' : 'attachment', file.name)).send(file.bytes);
  });
  app.delete('/api/learning/files/:id', { config: { access: ['trainer'] }, schema: { tags, summary: 'Delete an uploaded file', params: ZIdParams, response: { 200: ZOkResponse } } }, async (request) => {
    await deleteLearningFile(deps, requireAuth(request), request.params.id, request.ip);
    return { ok: true as const };
  });
  app.get(
    '/api/learning/assets/:name',
    { config: { access: 'any' }, schema: { tags: ['learning'], summary: 'A built-in worksheet or diagram', params: z.object({ name: z.string().max(120) }) } },
    async (request, reply) => {
      requireAuth(request);
      const file = await readBuiltInAsset(request.params.name);
      return reply.headers(FILE_SECURITY_HEADERS).type(file.contentType).header('content-disposition', contentDisposition(file.isInline ? 'inline' : 'attachment', file.name)).send(file.bytes);
    },
  );
}
