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

export const ZLessonSummary = z.object({ id: z.uuid(), key: z.string(), position: z.number().int(), title: ZText, summary: ZText, minutes: z.number().int(), exercise: z.string(), origin: z.enum(['builtin', 'custom']) });
/** The caller's own standing in a course: enrolled or not, which lessons are done, where to resume. */
export const ZMyCourseProgress = z.object({
  isEnrolled: z.boolean(),
  dueDate: z.string().nullable(),
  lastLessonId: z.uuid().nullable(),
  doneLessonIds: z.array(z.uuid()),
  completedAt: z.string().nullable(),
  hasGivenFeedback: z.boolean(),
});
export const ZCourseDetail = ZCourseSummary.extend({ lessons: z.array(ZLessonSummary), myProgress: ZMyCourseProgress });

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
  /** The caller's last hand-in of this lesson, if any: when, the score and the answers given. */
  myProgress: z.object({ completedAt: z.string(), quizScore: z.number().nullable(), answers: z.record(z.string(), z.array(z.union([z.string(), z.boolean()]))) }).nullable(),
});

export const ZCaseSummary = z.object({ id: z.uuid(), key: z.string(), title: ZText, kind: z.enum(['good', 'bad', 'turnaround']), tags: z.array(z.string()), goods: z.string(), origin: z.enum(['builtin', 'custom']) });
export const ZCaseListResponse = z.object({ cases: z.array(ZCaseSummary) });
export const ZCaseDetail = ZCaseSummary.extend({ bodyMd: z.string() });

export const ZProgressResponse = z.object({
  enrolments: z.array(
    z.object({
      courseId: z.uuid(),
      title: ZText,
      dueDate: z.string().nullable(),
      lastLessonId: z.uuid().nullable(),
      /** Where "continue" goes: the first lesson not done after the last one finished, else the first not done (null when all are done). */
      nextLessonId: z.uuid().nullable(),
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
  courseId: z.uuid().nullable(),
  tags: z.array(z.string()),
  /** The caller's attempt still running (resume it), and their latest attempt (see its result). */
  openAttemptId: z.uuid().nullable(),
  lastAttemptId: z.uuid().nullable(),
  /** Closed exams take no new attempts; their results and certificates stay. */
  isPublished: z.boolean(),
});
export const ZExamListResponse = z.object({ exams: z.array(ZExamSummary) });
/** Trainers, deputies and leaders may list closed exams too. */
export const ZExamListQuery = z.object({ includeClosed: z.enum(['true', 'false']).default('false') });
export const ZExamPublishRequest = z.object({ isPublished: z.boolean() });

/** An exam attempt; `results` only once handed in (the explanation comes after, not during). */
export const ZExamAttempt = z.object({
  id: z.uuid(),
  examId: z.uuid(),
  exam: z.object({ title: ZText, passMark: z.number().int(), timeLimitMinutes: z.number().int(), maxAttempts: z.number().int() }),
  /** Whose attempt it is (graders see other people's). */
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  /** The server's clock when this was sent, so a countdown does not trust the browser's clock. */
  serverNow: z.string(),
  attemptNumber: z.number().int(),
  isMakeUp: z.boolean(),
  status: z.enum(['in_progress', 'submitted', 'graded', 'expired']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  submittedAt: z.string().nullable(),
  questions: z.array(z.object({ id: z.uuid(), type: z.enum(['single', 'multiple', 'true_false', 'short_answer']), stem: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) })),
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
      teamNames: z.array(z.string()),
      courseId: z.uuid(),
      courseTitle: ZText,
      /** Mean of the person's lesson-quiz scores in this course. */
      quizAverage: z.number().nullable(),
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

// ---------------------------------------------------------------------------
// Authoring (trainers): courses, lessons, questions and cases edited in the app.

const ZKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens, like "my-course-1"').max(60);
const ZExercise = z.enum(['none', 'abc-worksheet', 'breathing-pacer', 'spot-the-language', 'grounding', 'muscle-relaxation']);
export const LESSON_EXERCISES = ZExercise.options;
const ZDownload = z.object({ title: ZBundleText, url: z.string().trim().max(2000).regex(/^(https?:\/\/|\/)/, 'a link starting with https://, http:// or /') });

export const ZCourseInput = z.object({
  key: ZKey.optional(),
  title: ZBundleText,
  summary: ZBundleText,
  audience: ZBundleText,
  tags: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  isPublished: z.boolean().default(true),
});
/** A course as its editors see it: published or not, edited since it came with CalmDesk or not. */
export const ZAuthoringCourse = ZCourseSummary.extend({ isPublished: z.boolean(), isEdited: z.boolean(), lessons: z.array(ZLessonSummary) });
export const ZAuthoringCourseList = z.object({ courses: z.array(ZAuthoringCourse) });
export const ZLessonOrderRequest = z.object({ lessonIds: z.array(z.uuid()).min(1).max(100) });

export const ZLessonInput = z.object({
  key: ZKey.optional(),
  title: ZBundleText,
  summary: ZBundleText,
  minutes: z.number().int().min(1).max(180),
  exercise: ZExercise,
  video: z.string().trim().max(2000).regex(/^https?:\/\//, 'a link starting with https:// or http://').nullable(),
  downloads: z.array(ZDownload).max(20),
  bodyMd: z.string().min(1).max(100_000),
  /** Question keys from the bank, in quiz order. */
  quizKeys: z.array(z.string().min(1).max(40)).max(10),
});
export const ZLessonSource = ZLessonInput.extend({ id: z.uuid(), courseId: z.uuid(), key: z.string(), position: z.number().int(), origin: z.enum(['builtin', 'custom']), isEdited: z.boolean() });

const ZQuestionType = z.enum(['single', 'multiple', 'true_false', 'short_answer']);
const ZQuestionFields = z.object({
  key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(40).optional(),
  type: ZQuestionType,
  difficulty: z.number().int().min(1).max(3),
  tags: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  stem: z.string().trim().min(1).max(4000),
  options: z.array(z.object({ id: z.string().regex(/^[a-z]$/, 'one lower-case letter'), text: z.string().trim().min(1).max(1000) })).max(8),
  /** Option ids (choice), [true] or [false] (true/false), or key points (short answer, for the grader). */
  answer: z.array(z.union([z.string().min(1).max(1000), z.boolean()])).max(8),
  explanation: z.string().trim().min(1).max(4000),
  rubric: z.string().trim().max(4000).nullable(),
});

/**
 * Whether a question can be answered and marked: choices have 2–8 distinct options and answers
 * among them (one for single choice), true/false has one boolean, a short answer has a rubric.
 */
export function questionProblems(q: z.infer<typeof ZQuestionFields>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const ids = q.options.map((o) => o.id);
  if (q.type === 'single' || q.type === 'multiple') {
    if (q.options.length < 2) problems.push({ path: 'options', message: 'a choice question needs at least two options' });
    if (new Set(ids).size !== ids.length) problems.push({ path: 'options', message: 'option ids must differ' });
    const bad = q.answer.filter((a) => typeof a !== 'string' || !ids.includes(a));
    if (bad.length > 0) problems.push({ path: 'answer', message: `answers must be option ids (${ids.join(', ')})` });
    if (q.answer.length === 0) problems.push({ path: 'answer', message: 'mark the right option' });
    if (q.type === 'single' && q.answer.length > 1) problems.push({ path: 'answer', message: 'single choice has exactly one right option' });
  } else if (q.type === 'true_false') {
    if (q.answer.length !== 1 || typeof q.answer[0] !== 'boolean') problems.push({ path: 'answer', message: 'true/false needs [true] or [false]' });
    if (q.options.length > 0) problems.push({ path: 'options', message: 'true/false has no options' });
  } else {
    if (!q.rubric) problems.push({ path: 'rubric', message: 'a short answer needs a rubric for the grader' });
    if (q.options.length > 0) problems.push({ path: 'options', message: 'a short answer has no options' });
  }
  return problems;
}

export const ZQuestionInput = ZQuestionFields.superRefine((q, ctx) => {
  for (const p of questionProblems(q)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});
export const ZQuestionFull = ZQuestionFields.extend({ id: z.uuid(), key: z.string(), isRetired: z.boolean(), origin: z.enum(['builtin', 'custom']), isEdited: z.boolean(), usedInLessons: z.number().int() });
export const ZQuestionBank = z.object({ questions: z.array(ZQuestionFull), tags: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
export const ZQuestionBankQuery = z.object({
  tag: z.string().max(60).optional(),
  type: ZQuestionType.optional(),
  q: z.string().max(200).optional(),
  includeRetired: z.enum(['true', 'false']).default('false'),
});

export const ZCaseInput = z.object({
  key: ZKey.optional(),
  title: ZBundleText,
  kind: z.enum(['good', 'bad', 'turnaround']),
  tags: z.array(z.string().trim().min(1).max(60)).max(20),
  goods: z.string().trim().min(1).max(100),
  bodyMd: z.string().min(1).max(100_000),
});
export const ZCaseSource = ZCaseDetail.extend({ origin: z.enum(['builtin', 'custom']), isEdited: z.boolean() });

// ---------------------------------------------------------------------------
// Exam oversight: attempts to mark, results per person, exports.

export const ZExamAttemptsQuery = z.object({ examId: z.uuid().optional(), status: z.enum(['in_progress', 'submitted', 'graded', 'expired']).optional() });
export const ZExamAttemptList = z.object({
  attempts: z.array(
    z.object({
      id: z.uuid(),
      examId: z.uuid(),
      examTitle: ZText,
      user: z.object({ id: z.uuid(), displayName: z.string() }),
      attemptNumber: z.number().int(),
      status: z.enum(['in_progress', 'submitted', 'graded', 'expired']),
      startedAt: z.string(),
      submittedAt: z.string().nullable(),
      objectiveScore: z.number().nullable(),
      finalScore: z.number().nullable(),
      isPassed: z.boolean().nullable(),
    }),
  ),
});
/** Each person's standing in one exam: for trainers org-wide, for supervisors their teams. */
export const ZExamResults = z.object({
  exam: z.object({ id: z.uuid(), title: ZText, passMark: z.number().int(), maxAttempts: z.number().int() }),
  rows: z.array(
    z.object({
      user: z.object({ id: z.uuid(), displayName: z.string() }),
      teamNames: z.array(z.string()),
      attempts: z.number().int(),
      bestScore: z.number().nullable(),
      isPassed: z.boolean(),
      lastStatus: z.enum(['in_progress', 'submitted', 'graded', 'expired']),
      lastAt: z.string(),
    }),
  ),
});

// ---------------------------------------------------------------------------
// Certificates: issued when an exam is passed; anyone holding the code can check it.

export const ZCertificate = z.object({
  id: z.uuid(),
  code: z.string(),
  recipientName: z.string(),
  title: ZText,
  examId: z.uuid().nullable(),
  courseId: z.uuid().nullable(),
  score: z.number().int().nullable(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export const ZCertificateList = z.object({ certificates: z.array(ZCertificate) });
export const ZIssuedCertificateList = z.object({ certificates: z.array(ZCertificate.extend({ user: z.object({ id: z.uuid(), displayName: z.string() }) })) });
export const ZCertificateCodeParams = z.object({ code: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'a code like 7KQ2-M9XD-4FHT') });
/** A trainer issues a course certificate by hand (for example after a classroom course): the person must have completed the course. */
export const ZIssueCertificateRequest = z.object({ userId: z.uuid(), courseId: z.uuid() });
export const ZRevokeCertificateRequest = z.object({ reason: z.string().trim().min(1).max(500) });
/** What the public verification page shows: enough to match the paper, nothing more. */
export const ZCertificateVerification = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked']),
  recipientName: z.string(),
  title: ZText,
  organisationName: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
});

// ---------------------------------------------------------------------------
// Lesson files

export const ZLearningFile = z.object({ id: z.uuid(), name: z.string(), contentType: z.string(), size: z.number().int(), url: z.string(), markdown: z.string(), createdAt: z.string() });
export const ZLearningFileList = z.object({ files: z.array(ZLearningFile) });
