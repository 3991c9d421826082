import { randomInt } from 'node:crypto';
import { and, arrayOverlaps, asc, count, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { TAuthContext } from '../auth/access.js';
import type { TDeps } from '../context.js';
import { examAttempts, exams, questions, users } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { gradeAnswer, itemStatistics } from '../lib/grading.js';
import { hasAnyRole } from '@calmdesk/shared';
import { findUserTeams } from '../repositories/user.repository.js';
import { recordAudit } from './audit.service.js';
import { issueCertificateForAttempt } from './certificate.service.js';
import { NO_USER, visibleUserIds } from './learning.service.js';

type TText = { zh: string; en: string };
type TPaper = { questionIds: string[]; optionOrder: Record<string, string[]> };

/** Answers arriving this long after the deadline still count: a slow network is not cheating. */
const GRACE_SECONDS = 30;
export const EXAM_GRADER_ROLES = ['trainer'] as const;

function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function createExam(deps: TDeps, auth: TAuthContext, input: { title: TText; courseId?: string | null | undefined; tags: string[]; minDifficulty: number; maxDifficulty: number; questionCount: number; timeLimitMinutes: number; passMark: number; maxAttempts: number }, ip: string) {
  if (input.minDifficulty > input.maxDifficulty) throw new AppError('VALIDATION_FAILED', 'minDifficulty is above maxDifficulty', [{ path: 'minDifficulty', message: 'must not exceed maxDifficulty' }]);
  const available = await deps.db
    .select({ n: count() })
    .from(questions)
    .where(and(eq(questions.organisationId, auth.organisationId), eq(questions.isRetired, false), arrayOverlaps(questions.tags, input.tags), gte(questions.difficulty, input.minDifficulty), lte(questions.difficulty, input.maxDifficulty)));
  const n = available[0]?.n ?? 0;
  if (n < input.questionCount) {
    throw new AppError('VALIDATION_FAILED', `Only ${n} questions match these tags and difficulties`, [{ path: 'questionCount', message: `at most ${n} with these tags` }]);
  }
  const rows = await deps.db
    .insert(exams)
    .values({ organisationId: auth.organisationId, courseId: input.courseId ?? null, title: input.title, tags: input.tags, minDifficulty: input.minDifficulty, maxDifficulty: input.maxDifficulty, questionCount: input.questionCount, timeLimitMinutes: input.timeLimitMinutes, passMark: input.passMark, maxAttempts: input.maxAttempts, createdBy: auth.userId })
    .returning({ id: exams.id });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'exam.created', targetType: 'exam', targetId: rows[0]!.id, ip });
  return (await listExams(deps, auth)).find((e) => e.id === rows[0]!.id)!;
}

/** Closes an exam to new attempts (or opens it again); attempts already running may still be handed in. */
export async function setExamPublished(deps: TDeps, auth: TAuthContext, examId: string, isPublished: boolean, ip: string) {
  const updated = await deps.db.update(exams).set({ isPublished }).where(and(eq(exams.organisationId, auth.organisationId), eq(exams.id, examId))).returning({ id: exams.id });
  if (updated.length === 0) throw notFound('Exam');
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: isPublished ? 'exam.opened' : 'exam.closed', targetType: 'exam', targetId: examId, ip });
  return (await listExams(deps, auth, { includeClosed: true })).find((e) => e.id === examId)!;
}

/**
 * Attempts for the grader: by exam and status (the queue of handed-in attempts with short
 * answers is status = submitted), oldest hand-in first.
 */
export async function listExamAttempts(deps: TDeps, auth: TAuthContext, filter: { examId?: string | undefined; status?: string | undefined }) {
  await closeOverdueAttempts(deps.db, auth.organisationId);
  const rows = await deps.db
    .select({ attempt: examAttempts, examTitle: exams.title, displayName: users.displayName })
    .from(examAttempts)
    .innerJoin(exams, eq(exams.id, examAttempts.examId))
    .innerJoin(users, eq(users.id, examAttempts.userId))
    .where(and(eq(examAttempts.organisationId, auth.organisationId), filter.examId ? eq(examAttempts.examId, filter.examId) : undefined, filter.status ? eq(examAttempts.status, filter.status) : undefined))
    .orderBy(asc(sql`coalesce(${examAttempts.submittedAt}, ${examAttempts.startedAt})`))
    .limit(1000);
  return {
    attempts: rows.map(({ attempt: a, examTitle, displayName }) => ({
      id: a.id,
      examId: a.examId,
      examTitle: examTitle as TText,
      user: { id: a.userId, displayName },
      attemptNumber: a.attemptNumber,
      status: a.status as 'in_progress' | 'submitted' | 'graded' | 'expired',
      startedAt: a.startedAt.toISOString(),
      submittedAt: a.submittedAt?.toISOString() ?? null,
      objectiveScore: a.objectiveScore,
      finalScore: a.finalScore,
      isPassed: a.isPassed,
    })),
  };
}

/**
 * Each person's standing in an exam: attempts, best score, passed. Trainers, deputies and
 * leaders see everyone; a supervisor sees the members of their own teams.
 */
export async function examResults(deps: TDeps, auth: TAuthContext, examId: string) {
  const exam = await findExam(deps, auth.organisationId, examId);
  if (!exam) throw notFound('Exam');
  await closeOverdueAttempts(deps.db, auth.organisationId);
  const visible = await visibleUserIds(deps, auth);
  const rows = await deps.db
    .select({ attempt: examAttempts, displayName: users.displayName })
    .from(examAttempts)
    .innerJoin(users, eq(users.id, examAttempts.userId))
    .where(and(eq(examAttempts.examId, examId), visible ? inArray(examAttempts.userId, visible.length > 0 ? visible : [NO_USER]) : undefined))
    .orderBy(asc(users.displayName), asc(examAttempts.attemptNumber));
  const byUser = new Map<string, typeof rows>();
  for (const row of rows) byUser.set(row.attempt.userId, [...(byUser.get(row.attempt.userId) ?? []), row]);
  const teamsOf = await findUserTeams(deps.db, auth.organisationId, [...byUser.keys()]);
  return {
    exam: { id: exam.id, title: exam.title as TText, passMark: exam.passMark, maxAttempts: exam.maxAttempts },
    rows: [...byUser.entries()].map(([userId, attempts]) => {
      const last = attempts.at(-1)!.attempt;
      const scores = attempts.flatMap((r) => (r.attempt.finalScore === null ? [] : [r.attempt.finalScore]));
      return {
        user: { id: userId, displayName: attempts[0]!.displayName },
        teamNames: teamsOf.filter((t) => t.userId === userId).map((t) => t.name),
        attempts: attempts.length,
        bestScore: scores.length === 0 ? null : Math.max(...scores),
        isPassed: attempts.some((r) => r.attempt.isPassed === true),
        lastStatus: last.status as 'in_progress' | 'submitted' | 'graded' | 'expired',
        lastAt: (last.submittedAt ?? last.startedAt).toISOString(),
      };
    }),
  };
}

/**
 * Closes attempts whose time ran out without a hand-in (the tab was closed): they count as
 * expired with 0, and the person may start a make-up if attempts remain.
 */
async function closeOverdueAttempts(db: TDeps['db'], organisationId: string, userId?: string): Promise<void> {
  await db
    .update(examAttempts)
    .set({ status: 'expired', submittedAt: sql`${examAttempts.deadlineAt}`, objectiveScore: 0, finalScore: 0, isPassed: false })
    .where(
      and(
        eq(examAttempts.organisationId, organisationId),
        eq(examAttempts.status, 'in_progress'),
        lt(examAttempts.deadlineAt, new Date(Date.now() - GRACE_SECONDS * 1000)),
        userId ? eq(examAttempts.userId, userId) : undefined,
      ),
    );
}

/** Who sees closed exams in the list (to read their results or reopen them). */
const EXAM_MANAGER_ROLES = ['trainer', 'deputy', 'leader'] as const;

export async function listExams(deps: TDeps, auth: TAuthContext, options: { includeClosed?: boolean } = {}) {
  await closeOverdueAttempts(deps.db, auth.organisationId, auth.userId);
  const withClosed = options.includeClosed === true && hasAnyRole(auth.roles, EXAM_MANAGER_ROLES);
  // A closed exam stays in the list of someone still writing it, so they can get back to the paper.
  const running = sql`exists (select 1 from ${examAttempts} a where a.exam_id = ${exams.id} and a.user_id = ${auth.userId} and a.status = 'in_progress')`;
  const rows = await deps.db
    .select()
    .from(exams)
    .where(and(eq(exams.organisationId, auth.organisationId), withClosed ? undefined : or(eq(exams.isPublished, true), running)))
    .orderBy(desc(exams.createdAt));
  const mine =
    rows.length === 0
      ? []
      : await deps.db
          .select({ id: examAttempts.id, examId: examAttempts.examId, status: examAttempts.status, finalScore: examAttempts.finalScore, isPassed: examAttempts.isPassed })
          .from(examAttempts)
          .where(and(eq(examAttempts.userId, auth.userId), inArray(examAttempts.examId, rows.map((r) => r.id))))
          .orderBy(asc(examAttempts.attemptNumber));
  return rows.map((e) => {
    const attempts = mine.filter((x) => x.examId === e.id);
    const scores = attempts.flatMap((a) => (a.finalScore === null ? [] : [a.finalScore]));
    return {
      id: e.id,
      title: e.title as TText,
      questionCount: e.questionCount,
      timeLimitMinutes: e.timeLimitMinutes,
      passMark: e.passMark,
      maxAttempts: e.maxAttempts,
      attemptsUsed: attempts.length,
      bestScore: scores.length === 0 ? null : Math.max(...scores),
      isPassed: attempts.some((a) => a.isPassed === true),
      courseId: e.courseId,
      tags: e.tags,
      openAttemptId: attempts.find((a) => a.status === 'in_progress')?.id ?? null,
      lastAttemptId: attempts.at(-1)?.id ?? null,
      isPublished: e.isPublished,
    };
  });
}

async function presentAttempt(deps: TDeps, row: typeof examAttempts.$inferSelect) {
  const paper = row.paper as TPaper;
  const qs = await deps.db.select().from(questions).where(inArray(questions.id, paper.questionIds));
  const exam = (await deps.db.select().from(exams).where(eq(exams.id, row.examId)).limit(1))[0]!;
  const person = (await deps.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, row.userId)).limit(1))[0];
  const byId = new Map(qs.map((q) => [q.id, q]));
  const isOpen = row.status === 'in_progress';
  return {
    id: row.id,
    examId: row.examId,
    exam: { title: exam.title as TText, passMark: exam.passMark, timeLimitMinutes: exam.timeLimitMinutes, maxAttempts: exam.maxAttempts },
    user: { id: row.userId, displayName: person?.displayName ?? '' },
    serverNow: new Date().toISOString(),
    attemptNumber: row.attemptNumber,
    isMakeUp: row.attemptNumber > 1,
    status: row.status as 'in_progress' | 'submitted' | 'graded' | 'expired',
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    questions: paper.questionIds.flatMap((id) => {
      const q = byId.get(id);
      if (!q) return [];
      const options = q.options as { id: string; text: string }[];
      const order = paper.optionOrder[id] ?? options.map((o) => o.id);
      return [{ id, type: q.type as 'single' | 'multiple' | 'true_false' | 'short_answer', stem: q.stem, options: order.map((o) => options.find((x) => x.id === o)!).filter(Boolean) }];
    }),
    answers: row.answers as Record<string, (string | boolean)[]>,
    objectiveScore: row.objectiveScore,
    finalScore: row.finalScore,
    isPassed: row.isPassed,
    results: isOpen
      ? null
      : paper.questionIds.flatMap((id) => {
          const q = byId.get(id);
          if (!q) return [];
          return [{ questionId: id, isCorrect: gradeAnswer(q, (row.answers as Record<string, unknown[]>)[id]), correctAnswer: q.answer as (string | boolean)[], explanation: q.explanation, rubric: q.rubric }];
        }),
  };
}

async function findExam(deps: TDeps, organisationId: string, examId: string) {
  const rows = await deps.db.select().from(exams).where(and(eq(exams.organisationId, organisationId), eq(exams.id, examId))).limit(1);
  return rows[0];
}

/** Starts an attempt: questions drawn at random by tags and difficulty, options shuffled, deadline set by the server. */
export async function startExam(deps: TDeps, auth: TAuthContext, examId: string) {
  const exam = await findExam(deps, auth.organisationId, examId);
  if (!exam || !exam.isPublished) throw notFound('Exam');
  await closeOverdueAttempts(deps.db, auth.organisationId, auth.userId);
  const previous = await deps.db.select().from(examAttempts).where(and(eq(examAttempts.examId, examId), eq(examAttempts.userId, auth.userId)));
  if (previous.some((a) => a.status === 'in_progress')) throw new AppError('CONFLICT', 'An attempt of this exam is already in progress');
  if (previous.some((a) => a.isPassed)) throw new AppError('CONFLICT', 'You have passed this exam already');
  if (previous.length >= exam.maxAttempts) throw new AppError('CONFLICT', `No attempts left (${exam.maxAttempts} allowed, make-ups included)`);
  const pool = await deps.db
    .select({ id: questions.id, options: questions.options })
    .from(questions)
    .where(and(eq(questions.organisationId, auth.organisationId), eq(questions.isRetired, false), arrayOverlaps(questions.tags, exam.tags), gte(questions.difficulty, exam.minDifficulty), lte(questions.difficulty, exam.maxDifficulty)));
  const drawn = shuffle(pool).slice(0, exam.questionCount);
  const paper: TPaper = { questionIds: drawn.map((q) => q.id), optionOrder: Object.fromEntries(drawn.map((q) => [q.id, shuffle((q.options as { id: string }[]).map((o) => o.id))])) };
  try {
    const rows = await deps.db
      .insert(examAttempts)
      .values({ organisationId: auth.organisationId, examId, userId: auth.userId, attemptNumber: previous.length + 1, paper, deadlineAt: new Date(Date.now() + exam.timeLimitMinutes * 60_000) })
      .returning();
    return presentAttempt(deps, rows[0]!);
  } catch (error) {
    // The partial unique index: another request started one at the same moment.
    if ((error as { cause?: { code?: string }; code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw new AppError('CONFLICT', 'An attempt of this exam is already in progress');
    }
    throw error;
  }
}

async function lockedAttempt(deps: TDeps, tx: TDeps['db'], auth: TAuthContext, attemptId: string) {
  const rows = await tx.select().from(examAttempts).where(and(eq(examAttempts.organisationId, auth.organisationId), eq(examAttempts.id, attemptId))).for('update').limit(1);
  return rows[0];
}

/**
 * Hands in an attempt. After the deadline (plus a short grace) the answers are refused and
 * the attempt is closed as expired; objective questions are marked at once, short answers
 * wait for a trainer.
 */
export async function submitExam(deps: TDeps, auth: TAuthContext, attemptId: string, answers: Record<string, (string | boolean)[]>) {
  const row = await deps.db.transaction(async (tx) => {
    const attempt = await lockedAttempt(deps, tx, auth, attemptId);
    if (!attempt || attempt.userId !== auth.userId) throw notFound('Attempt');
    if (attempt.status !== 'in_progress') throw new AppError('CONFLICT', 'This attempt has been handed in already');
    if (Date.now() > attempt.deadlineAt.getTime() + GRACE_SECONDS * 1000) {
      // Closed as expired in this transaction, which must commit: the refusal is thrown after it.
      await tx.update(examAttempts).set({ status: 'expired', submittedAt: new Date(), objectiveScore: 0, finalScore: 0, isPassed: false }).where(eq(examAttempts.id, attempt.id));
      return 'expired' as const;
    }
    const exam = (await findExam(deps, auth.organisationId, attempt.examId))!;
    const paper = attempt.paper as TPaper;
    const qs = await tx.select().from(questions).where(inArray(questions.id, paper.questionIds));
    const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => paper.questionIds.includes(id)));
    const objective = qs.filter((q) => q.type !== 'short_answer');
    const correct = objective.filter((q) => gradeAnswer(q, kept[q.id]) === true).length;
    const objectiveScore = objective.length === 0 ? 0 : Math.round((100 * correct) / objective.length);
    const needsTrainer = qs.some((q) => q.type === 'short_answer');
    const finalScore = needsTrainer ? null : objectiveScore;
    const updated = await tx
      .update(examAttempts)
      .set({ answers: kept, submittedAt: new Date(), status: needsTrainer ? 'submitted' : 'graded', objectiveScore, finalScore, isPassed: finalScore === null ? null : finalScore >= exam.passMark })
      .where(eq(examAttempts.id, attempt.id))
      .returning();
    await issueCertificateForAttempt(tx, updated[0]!);
    return updated[0]!;
  });
  if (row === 'expired') throw new AppError('CONFLICT', 'The time limit has passed; answers are no longer accepted');
  return presentAttempt(deps, row);
}

/** The attempt, for its owner or a trainer. */
export async function getExamAttempt(deps: TDeps, auth: TAuthContext, attemptId: string) {
  await closeOverdueAttempts(deps.db, auth.organisationId);
  const rows = await deps.db.select().from(examAttempts).where(and(eq(examAttempts.organisationId, auth.organisationId), eq(examAttempts.id, attemptId))).limit(1);
  const row = rows[0];
  if (!row || (row.userId !== auth.userId && !hasAnyRole(auth.roles, EXAM_GRADER_ROLES))) throw notFound('Attempt');
  return presentAttempt(deps, row);
}

/** A trainer's marks for the short answers (0–100 each); the final score weighs every question equally. */
export async function gradeExamAttempt(deps: TDeps, auth: TAuthContext, attemptId: string, scores: Record<string, number>, ip: string) {
  const row = await deps.db.transaction(async (tx) => {
    const attempt = await lockedAttempt(deps, tx, auth, attemptId);
    if (!attempt) throw notFound('Attempt');
    if (attempt.status !== 'submitted') throw new AppError('CONFLICT', 'Only handed-in attempts with short answers are graded');
    const paper = attempt.paper as TPaper;
    const qs = await tx.select().from(questions).where(inArray(questions.id, paper.questionIds));
    const shortOnes = qs.filter((q) => q.type === 'short_answer');
    const missing = shortOnes.filter((q) => scores[q.id] === undefined);
    if (missing.length > 0) throw new AppError('VALIDATION_FAILED', 'Mark every short answer', missing.map((q) => ({ path: `scores.${q.id}`, message: 'missing' })));
    const answers = attempt.answers as Record<string, unknown[]>;
    const points = qs.reduce((sum, q) => sum + (q.type === 'short_answer' ? scores[q.id]! : gradeAnswer(q, answers[q.id]) ? 100 : 0), 0);
    const finalScore = qs.length === 0 ? 0 : Math.round(points / qs.length);
    const exam = (await findExam(deps, auth.organisationId, attempt.examId))!;
    const updated = await tx.update(examAttempts).set({ status: 'graded', finalScore, isPassed: finalScore >= exam.passMark }).where(eq(examAttempts.id, attempt.id)).returning();
    await issueCertificateForAttempt(tx, updated[0]!);
    return updated[0]!;
  });
  await recordAudit(deps, { organisationId: auth.organisationId, actorUserId: auth.userId, action: 'exam.graded', targetType: 'exam_attempt', targetId: attemptId, details: { finalScore: row.finalScore }, ip });
  return presentAttempt(deps, row);
}

/**
 * Item statistics of an exam's questions over its graded attempts. A question is flagged
 * when almost nobody (p < 0.2) or everybody (p > 0.95) gets it right, or when it does not
 * separate strong from weak attempts (D < 0.1).
 */
export async function examQuestionStatistics(deps: TDeps, auth: TAuthContext, examId: string) {
  if (!(await findExam(deps, auth.organisationId, examId))) throw notFound('Exam');
  const attempts = await deps.db.select().from(examAttempts).where(and(eq(examAttempts.examId, examId), eq(examAttempts.status, 'graded')));
  const questionIds = [...new Set(attempts.flatMap((a) => (a.paper as TPaper).questionIds))];
  const qs = questionIds.length === 0 ? [] : await deps.db.select().from(questions).where(inArray(questions.id, questionIds));
  const byId = new Map(qs.map((q) => [q.id, q]));
  const marked = attempts.map((a) => {
    const answers = a.answers as Record<string, unknown[]>;
    const correct = new Map<string, boolean>();
    for (const id of (a.paper as TPaper).questionIds) {
      const q = byId.get(id);
      const mark = q ? gradeAnswer(q, answers[id]) : null;
      if (mark !== null) correct.set(id, mark);
    }
    return { score: a.finalScore ?? 0, correct };
  });
  const stats = itemStatistics(marked);
  return {
    attempts: attempts.length,
    questions: [...stats.entries()].map(([id, s]) => {
      const q = byId.get(id)!;
      const isFlagged = s.answered >= 5 && (s.difficulty < 0.2 || s.difficulty > 0.95 || (s.discrimination !== null && s.discrimination < 0.1));
      return { id, key: q.key, stem: q.stem, type: q.type, ...s, isFlagged };
    }),
  };
}
