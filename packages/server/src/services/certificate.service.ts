import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import type { TDb } from '../db/client.js';
import { certificates, courses, enrolments, examAttempts, exams, organisations, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { renderCertificatePdf } from '../lib/certificate-pdf.js';
import { hasAnyRole } from '@calmdesk/shared';
import { recordAudit } from './audit.service.js';

type TText = { zh: string; en: string };

/** Who may see every certificate of the organisation; trainers also revoke. */
export const CERTIFICATE_OVERSEER_ROLES = ['trainer', 'deputy', 'leader'] as const;

/** No 0/O, 1/I/L: a code read off paper and typed in must not be ambiguous. 31 symbols, 12 of them: about 59 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A fresh verification code like 7KQ2-M9XD-4FHT.
 * @returns twelve random symbols in three groups
 */
export function newCertificateCode(): string {
  const symbols = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return [symbols.slice(0, 4), symbols.slice(4, 8), symbols.slice(8)].map((g) => g.join('')).join('-');
}

/**
 * Issues the certificate of a passed attempt, once per person and exam (a later pass of the
 * same exam keeps the first certificate). Its title is the exam's course, or the exam itself.
 * Runs inside the caller's transaction, so a pass and its certificate land together.
 */
export async function issueCertificateForAttempt(db: TDb, attempt: typeof examAttempts.$inferSelect): Promise<void> {
  if (attempt.isPassed !== true) return;
  const exam = (await db.select().from(exams).where(eq(exams.id, attempt.examId)).limit(1))[0];
  const user = (await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, attempt.userId)).limit(1))[0];
  if (!exam || !user) return;
  const course = exam.courseId ? (await db.select({ title: courses.title }).from(courses).where(eq(courses.id, exam.courseId)).limit(1))[0] : undefined;
  await db
    .insert(certificates)
    .values({
      organisationId: attempt.organisationId,
      userId: attempt.userId,
      examId: exam.id,
      courseId: exam.courseId,
      attemptId: attempt.id,
      code: newCertificateCode(),
      recipientName: user.displayName,
      title: (course?.title ?? exam.title) as TText,
      score: attempt.finalScore,
    })
    .onConflictDoNothing({ target: [certificates.examId, certificates.userId] });
}

/**
 * A trainer's certificate for a completed course, without an exam. Refused when the person
 * has not completed the course or already holds a valid certificate for it.
 */
export async function issueCourseCertificate(deps: TDeps, auth: TAuthContext, input: { userId: string; courseId: string }, ip: string) {
  const rows = await deps.db
    .select({ completedAt: enrolments.completedAt, displayName: users.displayName, title: courses.title })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .where(and(eq(enrolments.organisationId, auth.organisationId), eq(enrolments.userId, input.userId), eq(enrolments.courseId, input.courseId)))
    .limit(1);
  const enrolment = rows[0];
  if (!enrolment) throw notFound('Enrolment');
  if (!enrolment.completedAt) throw new AppError('CONFLICT', 'This person has not completed the course yet', [{ path: 'courseId', message: 'course not completed' }]);
  const held = await deps.db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.userId, input.userId), eq(certificates.courseId, input.courseId), isNull(certificates.revokedAt)))
    .limit(1);
  if (held.length > 0) throw new AppError('CONFLICT', 'This person already holds a certificate for this course');
  const inserted = await deps.db
    .insert(certificates)
    .values({ organisationId: auth.organisationId, userId: input.userId, courseId: input.courseId, code: newCertificateCode(), recipientName: enrolment.displayName, title: enrolment.title as TText, score: null })
    .returning();
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'certificate.issued', targetType: 'certificate', targetId: inserted[0]!.id, details: { userId: input.userId, courseId: input.courseId }, ip });
  return present(inserted[0]!);
}

function present(row: typeof certificates.$inferSelect) {
  return {
    id: row.id,
    code: row.code,
    recipientName: row.recipientName,
    title: row.title as TText,
    examId: row.examId,
    courseId: row.courseId,
    score: row.score,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
  };
}

export async function listMyCertificates(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.organisationId, auth.organisationId), eq(certificates.userId, auth.userId)))
    .orderBy(desc(certificates.issuedAt));
  return { certificates: rows.map(present) };
}

export async function listIssuedCertificates(deps: TDeps, auth: TAuthContext) {
  const rows = await deps.db
    .select({ certificate: certificates, displayName: users.displayName })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(eq(certificates.organisationId, auth.organisationId))
    .orderBy(desc(certificates.issuedAt))
    .limit(5000);
  return { certificates: rows.map((r) => ({ ...present(r.certificate), user: { id: r.certificate.userId, displayName: r.displayName } })) };
}

async function findCertificate(deps: TDeps, auth: TAuthContext, certificateId: string) {
  const row = (await deps.db.select().from(certificates).where(and(eq(certificates.organisationId, auth.organisationId), eq(certificates.id, certificateId))).limit(1))[0];
  // Someone else's certificate is only for the people who oversee them.
  if (!row || (row.userId !== auth.userId && !hasAnyRole(auth.roles, CERTIFICATE_OVERSEER_ROLES))) throw notFound('Certificate');
  return row;
}

/** Withdraws a certificate (issued in error, or misconduct found later); the check page then says so. */
export async function revokeCertificate(deps: TDeps, auth: TAuthContext, certificateId: string, reason: string, ip: string) {
  const row = await findCertificate(deps, auth, certificateId);
  if (row.revokedAt) throw new AppError('CONFLICT', 'This certificate has been revoked already');
  const updated = await deps.db
    .update(certificates)
    .set({ revokedAt: new Date(), revokedBy: auth.userId, revokeReason: reason })
    .where(eq(certificates.id, row.id))
    .returning();
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'certificate.revoked', targetType: 'certificate', targetId: row.id, details: { code: row.code, reason }, ip });
  return present(updated[0]!);
}

async function organisationName(db: TDb, organisationId: string): Promise<string> {
  const rows = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return rows[0]?.name ?? '';
}

/**
 * The certificate as a PDF, for its holder or an overseer.
 * @param baseUrl the site's address as the caller reached it, for the verification link
 * @returns file name and bytes
 */
export async function certificatePdf(deps: TDeps, auth: TAuthContext, certificateId: string, baseUrl: string) {
  const row = await findCertificate(deps, auth, certificateId);
  if (row.revokedAt) throw new AppError('CONFLICT', 'This certificate has been revoked');
  const bytes = await renderCertificatePdf({
    recipientName: row.recipientName,
    title: row.title as TText,
    organisationName: await organisationName(deps.db, row.organisationId),
    score: row.score,
    issuedAt: row.issuedAt,
    code: row.code,
    verifyUrl: `${baseUrl}/verify/${row.code}`,
    // Neither an exam nor a course: a distinction the leader confirmed (优秀学员), not a completion.
    kind: row.examId === null && row.courseId === null ? 'honour' : 'completion',
  });
  return { fileName: `certificate-${row.code}.pdf`, bytes };
}

/** The public check of a code: valid or revoked, and what the paper should say. */
export async function verifyCertificate(deps: TDeps, code: string) {
  const row = (await deps.db.select().from(certificates).where(eq(certificates.code, code)).limit(1))[0];
  if (!row) throw new AppError('NOT_FOUND', `No certificate has the code ${code}`);
  return {
    code: row.code,
    status: row.revokedAt ? ('revoked' as const) : ('valid' as const),
    recipientName: row.recipientName,
    title: row.title as TText,
    organisationName: await organisationName(deps.db, row.organisationId),
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
