import { createHash } from 'node:crypto';
import type { TCurriculum } from '@calmdesk/content/curriculum';
import { and, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.js';
import { cases, courses, lessons, questions } from '../db/schema.js';

export type TImportCounts = { inserted: number; updated: number; kept: number };

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/**
 * Copies the built-in curriculum into an organisation. New items are inserted; built-in
 * items the organisation has not edited follow content updates; edited or custom items are
 * never touched. Idempotent, and serialised per organisation so instances starting together
 * import once.
 * @returns how many items were inserted, updated and kept as they were
 */
export async function importCurriculum(db: TDb, organisationId: string, curriculum: TCurriculum): Promise<TImportCounts> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`curriculum:${organisationId}`}))`);
    const counts: TImportCounts = { inserted: 0, updated: 0, kept: 0 };

    /** Upserts one built-in item by key, respecting local edits. */
    const sync = async <T extends { key: string }>(
      table: typeof courses | typeof lessons | typeof questions | typeof cases,
      values: T,
    ): Promise<string> => {
      const contentHash = hashOf(values);
      const existing = await tx
        .select({ id: table.id, origin: table.origin, isEdited: table.isEdited, contentHash: table.contentHash })
        .from(table)
        .where(and(eq(table.organisationId, organisationId), eq(table.key, values.key)))
        .limit(1);
      const row = existing[0];
      if (!row) {
        const inserted = await tx
          .insert(table)
          .values({ ...values, organisationId, origin: 'builtin', contentHash } as never)
          .returning({ id: table.id });
        counts.inserted += 1;
        return inserted[0]!.id;
      }
      if (row.origin === 'builtin' && !row.isEdited && row.contentHash !== contentHash) {
        await tx.update(table).set({ ...values, contentHash, updatedAt: new Date() } as never).where(eq(table.id, row.id));
        counts.updated += 1;
      } else {
        counts.kept += 1;
      }
      return row.id;
    };

    for (const q of curriculum.questions) {
      await sync(questions, {
        key: q.id,
        type: q.type,
        difficulty: q.difficulty,
        tags: q.tags,
        stem: q.stem,
        options: q.options ?? [],
        answer: q.answer,
        explanation: q.explanation,
        rubric: q.rubric ?? null,
      });
    }
    for (const course of curriculum.courses) {
      const courseId = await sync(courses, {
        key: course.id,
        position: course.order,
        title: course.title,
        summary: course.summary,
        audience: course.audience,
        tags: course.tags,
      });
      for (const [position, lesson] of course.lessonsFull.entries()) {
        await sync(lessons, {
          key: lesson.id,
          courseId,
          position: position + 1,
          title: lesson.title,
          summary: lesson.summary,
          minutes: lesson.minutes,
          exercise: lesson.exercise,
          video: lesson.video,
          downloads: lesson.downloads,
          bodyMd: lesson.body,
          quizKeys: lesson.quiz,
        });
      }
    }
    for (const item of curriculum.cases) {
      await sync(cases, { key: item.id, title: item.title, kind: item.kind, tags: item.tags, goods: item.goods, bodyMd: item.body });
    }
    return counts;
  });
}
