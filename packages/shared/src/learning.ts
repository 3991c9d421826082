import { z } from 'zod';

/** Learning API schemas (/api/learning/*): the catalogue, lessons, cases. */
const ZText = z.object({ zh: z.string(), en: z.string() });

export const ZCourseSummary = z.object({
  id: z.uuid(),
  key: z.string(),
  title: ZText,
  summary: ZText,
  audience: ZText,
  tags: z.array(z.string()),
  lessonCount: z.number().int(),
  minutes: z.number().int(),
  origin: z.enum(['builtin', 'custom']),
});
export const ZCourseListResponse = z.object({ courses: z.array(ZCourseSummary) });

export const ZLessonSummary = z.object({ id: z.uuid(), key: z.string(), position: z.number().int(), title: ZText, summary: ZText, minutes: z.number().int(), exercise: z.string() });
export const ZCourseDetail = ZCourseSummary.extend({ lessons: z.array(ZLessonSummary) });

/** A quiz question as a learner sees it: no answer, no explanation until answered. */
export const ZQuizQuestion = z.object({
  id: z.uuid(),
  type: z.enum(['single', 'multiple', 'true_false', 'short_answer']),
  stem: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
});

export const ZLessonDetail = ZLessonSummary.extend({
  courseId: z.uuid(),
  bodyMd: z.string(),
  video: z.string().nullable(),
  downloads: z.array(z.object({ title: ZText, url: z.string() })),
  quiz: z.array(ZQuizQuestion),
});

export const ZCaseSummary = z.object({ id: z.uuid(), key: z.string(), title: ZText, kind: z.enum(['good', 'bad', 'turnaround']), tags: z.array(z.string()), goods: z.string() });
export const ZCaseListResponse = z.object({ cases: z.array(ZCaseSummary) });
export const ZCaseDetail = ZCaseSummary.extend({ bodyMd: z.string() });

export const ZProgressResponse = z.object({
  enrolments: z.array(
    z.object({
      courseId: z.uuid(),
      title: ZText,
      dueDate: z.string().nullable(),
      lastLessonId: z.uuid().nullable(),
      lessonsDone: z.number().int(),
      lessonCount: z.number().int(),
      startedAt: z.string(),
      completedAt: z.string().nullable(),
    }),
  ),
});

/** Answers by question id: option ids, or [true]/[false], or [text] for a short answer. */
export const ZCompleteLessonRequest = z.object({
  answers: z.record(z.uuid(), z.array(z.union([z.string().max(4000), z.boolean()])).max(5)).default({}),
});
export const ZCompleteLessonResponse = z.object({
  score: z.number().nullable(),
  results: z.array(z.object({ questionId: z.uuid(), isCorrect: z.boolean().nullable(), correctAnswer: z.array(z.union([z.string(), z.boolean()])), explanation: z.string() })),
  isCourseComplete: z.boolean(),
});

export const ZCreateExamRequest = z.object({
  title: ZText,
  courseId: z.uuid().nullable().optional(),
  tags: z.array(z.string().min(1).max(60)).min(1).max(20),
  minDifficulty: z.number().int().min(1).max(3).default(1),
  maxDifficulty: z.number().int().min(1).max(3).default(3),
  questionCount: z.number().int().min(1).max(200),
  timeLimitMinutes: z.number().int().min(1).max(600),
  passMark: z.number().int().min(0).max(100),
  maxAttempts: z.number().int().min(1).max(10),
});

export const ZExamSummary = z.object({
  id: z.uuid(),
  title: ZText,
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int(),
  passMark: z.number().int(),
  maxAttempts: z.number().int(),
  attemptsUsed: z.number().int(),
  bestScore: z.number().nullable(),
  isPassed: z.boolean(),
});
export const ZExamListResponse = z.object({ exams: z.array(ZExamSummary) });

/** An exam attempt; `results` only once handed in (the explanation comes after, not during). */
export const ZExamAttempt = z.object({
  id: z.uuid(),
  examId: z.uuid(),
  attemptNumber: z.number().int(),
  isMakeUp: z.boolean(),
  status: z.enum(['in_progress', 'submitted', 'graded', 'expired']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  submittedAt: z.string().nullable(),
  questions: z.array(z.object({ id: z.uuid(), type: z.string(), stem: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) })),
  answers: z.record(z.string(), z.array(z.union([z.string(), z.boolean()]))),
  objectiveScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  isPassed: z.boolean().nullable(),
  results: z
    .array(z.object({ questionId: z.uuid(), isCorrect: z.boolean().nullable(), correctAnswer: z.array(z.union([z.string(), z.boolean()])), explanation: z.string(), rubric: z.string().nullable() }))
    .nullable(),
});
export const ZSubmitExamRequest = z.object({ answers: z.record(z.uuid(), z.array(z.union([z.string().max(4000), z.boolean()])).max(5)) });
export const ZGradeExamRequest = z.object({ scores: z.record(z.uuid(), z.number().int().min(0).max(100)) });

export const ZAssignCourseRequest = z
  .object({
    userIds: z.array(z.uuid()).max(5000).default([]),
    teamIds: z.array(z.uuid()).max(100).default([]),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-12-31').nullable().optional(),
  })
  .refine((v) => v.userIds.length + v.teamIds.length > 0, { message: 'assign to at least one person or team', path: ['userIds'] });
export const ZAssignCourseResponse = z.object({ assigned: z.number().int() });

/** Who has which course, how far, and who is late: for trainers and the people who lead teams. */
export const ZLearningOverview = z.object({
  rows: z.array(
    z.object({
      user: z.object({ id: z.uuid(), displayName: z.string() }),
      courseId: z.uuid(),
      courseTitle: ZText,
      lessonsDone: z.number().int(),
      lessonCount: z.number().int(),
      dueDate: z.string().nullable(),
      completedAt: z.string().nullable(),
      isOverdue: z.boolean(),
    }),
  ),
});

const ZRating = z.number().int().min(1).max(5);
export const ZCourseFeedbackRequest = z.object({ content: ZRating, method: ZRating, instructor: ZRating, comment: z.string().trim().max(2000).default('') });
export const ZCourseFeedbackSummary = z.object({
  responses: z.number().int(),
  content: z.number().nullable(),
  method: z.number().nullable(),
  instructor: z.number().nullable(),
  comments: z.array(z.object({ comment: z.string(), createdAt: z.string() })),
});

export const ZQuestionStatistics = z.object({
  attempts: z.number().int(),
  questions: z.array(z.object({ id: z.uuid(), key: z.string(), stem: z.string(), type: z.string(), answered: z.number().int(), difficulty: z.number(), discrimination: z.number().nullable(), isFlagged: z.boolean() })),
});

const ZBundleText = z.object({ zh: z.string().min(1), en: z.string().min(1) });
/** A course as one file, to move it between installs or keep a copy (export, then import). */
export const ZCourseBundle = z.object({
  format: z.literal('calmdesk-course-v1'),
  course: z.object({ key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), title: ZBundleText, summary: ZBundleText, audience: ZBundleText, tags: z.array(z.string().min(1)).min(1) }),
  lessons: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        title: ZBundleText,
        summary: ZBundleText,
        minutes: z.number().int().min(1).max(180),
        exercise: z.enum(['none', 'abc-worksheet', 'breathing-pacer', 'spot-the-language', 'grounding', 'muscle-relaxation']),
        video: z.string().nullable(),
        downloads: z.array(z.object({ title: ZBundleText, url: z.string() })),
        bodyMd: z.string().min(1).max(100_000),
        quiz: z.array(z.string()).max(10),
      }),
    )
    .min(1)
    .max(100),
  questions: z
    .array(
      z.object({
        key: z.string().min(1).max(40),
        type: z.enum(['single', 'multiple', 'true_false', 'short_answer']),
        difficulty: z.number().int().min(1).max(3),
        tags: z.array(z.string().min(1)).min(1),
        stem: z.string().min(1),
        options: z.array(z.object({ id: z.string(), text: z.string() })),
        answer: z.array(z.union([z.string(), z.boolean()])),
        explanation: z.string(),
        rubric: z.string().nullable(),
      }),
    )
    .max(1000),
});
export type TCourseBundle = z.infer<typeof ZCourseBundle>;
export const ZImportCourseResponse = z.object({ courseId: z.uuid(), lessons: z.number().int(), questionsAdded: z.number().int(), questionsReused: z.number().int() });
