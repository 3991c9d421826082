import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONTENT_DIR } from '@calmdesk/content';
import { and, desc, eq } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { learningFiles } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { detectFileType, FILE_TYPES } from '../lib/file-types.js';
import { recordAudit } from './audit.service.js';

/** Largest file a trainer may attach. Videos belong on a video site, linked from the lesson. */
export const LEARNING_FILE_MAX_BYTES = 10 * 1024 * 1024;
const NAME_MAX = 200;

/** Built-in lesson files (worksheets, diagrams) ship in content/curriculum/assets. */
const ASSETS_DIR = path.join(DEFAULT_CONTENT_DIR, 'curriculum', 'assets');

function present(row: Pick<typeof learningFiles.$inferSelect, 'id' | 'name' | 'contentType' | 'size' | 'createdAt'>) {
  const url = `/api/learning/files/${row.id}`;
  const isImage = row.contentType.startsWith('image/');
  return {
    id: row.id,
    name: row.name,
    contentType: row.contentType,
    size: row.size,
    url,
    markdown: isImage ? `![${row.name}](${url})` : `[${row.name}](${url})`,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Stores an uploaded file after checking its name, size and real type. */
export async function uploadLearningFile(deps: TDeps, auth: TAuthContext, rawName: string, bytes: Buffer, ip: string) {
  const name = path.basename(rawName.trim()).slice(0, NAME_MAX);
  if (!name || name.startsWith('.')) throw new AppError('VALIDATION_FAILED', 'The file needs a name with an extension', [{ path: 'name', message: 'e.g. 情绪记录表.pdf' }]);
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty', [{ path: 'body', message: 'empty' }]);
  if (bytes.length > LEARNING_FILE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Files may be up to ${LEARNING_FILE_MAX_BYTES / 1024 / 1024} MB`);
  const detected = detectFileType(name, bytes);
  if ('problem' in detected) throw new AppError('UNSUPPORTED_MEDIA_TYPE', detected.problem);
  const inserted = await deps.db
    .insert(learningFiles)
    .values({ organisationId: auth.organisationId, name, contentType: detected.type.contentType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, createdBy: auth.userId })
    .returning({ id: learningFiles.id, name: learningFiles.name, contentType: learningFiles.contentType, size: learningFiles.size, createdAt: learningFiles.createdAt });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'learning_file.uploaded', targetType: 'learning_file', targetId: inserted[0]!.id, details: { name, size: bytes.length }, ip });
  return present(inserted[0]!);
}

export async function listLearningFiles(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select({ id: learningFiles.id, name: learningFiles.name, contentType: learningFiles.contentType, size: learningFiles.size, createdAt: learningFiles.createdAt })
    .from(learningFiles)
    .where(eq(learningFiles.organisationId, auth.organisationId))
    .orderBy(desc(learningFiles.createdAt))
    .limit(1000);
  return { files: rows.map(present) };
}

export async function readLearningFile(deps: TDeps, auth: TAuthContext, fileId: string) {
  const row = (await deps.db.select().from(learningFiles).where(and(eq(learningFiles.organisationId, auth.organisationId), eq(learningFiles.id, fileId))).limit(1))[0];
  if (!row) throw notFound('File');
  return { name: row.name, contentType: row.contentType, bytes: row.bytes, isInline: row.contentType.startsWith('image/') || row.contentType === 'audio/mpeg' };
}

export async function deleteLearningFile(deps: TDeps, auth: TAuthContext, fileId: string, ip: string) {
  const deleted = await deps.db.delete(learningFiles).where(and(eq(learningFiles.organisationId, auth.organisationId), eq(learningFiles.id, fileId))).returning({ name: learningFiles.name });
  if (deleted.length === 0) throw notFound('File');
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'learning_file.deleted', targetType: 'learning_file', targetId: fileId, details: { name: deleted[0]!.name }, ip });
}

/**
 * A built-in asset by file name. Only plain names of the allowed types: no paths, so
 * nothing outside the assets folder can be asked for.
 */
export async function readBuiltInAsset(name: string) {
  if (!/^[a-z0-9][a-z0-9-]*\.[a-z0-9]+$/.test(name)) throw notFound('File');
  const extension = name.split('.').pop()!;
  // Our own diagrams may be SVG: served under the same no-script headers as everything else.
  const type = extension === 'svg' ? { contentType: 'image/svg+xml', isInline: true } : FILE_TYPES[extension];
  if (!type) throw notFound('File');
  try {
    return { name, contentType: type.contentType, bytes: await fs.readFile(path.join(ASSETS_DIR, name)), isInline: type.isInline };
  } catch {
    throw notFound('File');
  }
}
