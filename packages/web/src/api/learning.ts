import type {
  ZCaseDetail,
  ZCaseSummary,
  ZCertificate,
  ZCertificateVerification,
  ZCompleteLessonResponse,
  ZCourseDetail,
  ZCourseFeedbackRequest,
  ZCourseFeedbackSummary,
  ZCourseSummary,
  ZExamAttempt,
  ZExamSummary,
  ZLessonDetail,
  ZLessonSummary,
  ZProgressResponse,
  ZQuizQuestion,
} from '@calmdesk/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from './client';

/**
 * Learner calls of the learning area (SPEC §2.1, §2.8): the catalogue and my progress,
 * lessons and their quizzes, the reaction questionnaire, the case library, exams and their
 * attempts, my certificates and the public certificate check.
 */

export type TText = { zh: string; en: string };
export type TCourseSummary = z.infer<typeof ZCourseSummary>;
export type TCourseDetail = z.infer<typeof ZCourseDetail>;
export type TLessonSummary = z.infer<typeof ZLessonSummary>;
export type TLessonDetail = z.infer<typeof ZLessonDetail>;
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;
export type TEnrolment = z.infer<typeof ZProgressResponse>['enrolments'][number];
export type TCompleteLessonResponse = z.infer<typeof ZCompleteLessonResponse>;
export type TCourseFeedbackRequest = z.input<typeof ZCourseFeedbackRequest>;
export type TCourseFeedbackSummary = z.infer<typeof ZCourseFeedbackSummary>;
export type TCaseSummary = z.infer<typeof ZCaseSummary>;
export type TCaseDetail = z.infer<typeof ZCaseDetail>;
export type TExamSummary = z.infer<typeof ZExamSummary>;
export type TExamAttempt = z.infer<typeof ZExamAttempt>;
export type TCertificate = z.infer<typeof ZCertificate>;
export type TCertificateVerification = z.infer<typeof ZCertificateVerification>;
/** Answers by question id: option ids, [true]/[false], or [text]. */
export type TAnswers = Record<string, (string | boolean)[]>;

/** Query keys of the learner pages (exported so the trainer pages can refresh them too). */
export const learningKeys = {
  all: ['learning'] as const,
  courses: ['learning', 'courses'] as const,
  course: (id: string) => ['learning', 'courses', 'one', id] as const,
  lesson: (id: string) => ['learning', 'lessons', id] as const,
  progress: ['learning', 'progress'] as const,
  cases: ['learning', 'cases'] as const,
  case: (id: string) => ['learning', 'cases', 'one', id] as const,
  exams: ['exams'] as const,
  attempt: (id: string) => ['exams', 'attempts', id] as const,
  certificates: ['certificates'] as const,
  verification: (code: string) => ['certificates', 'verify', code] as const,
};

const path = (template: string, id: string) => template.replace(':id', encodeURIComponent(id));

export function useCourses() {
  return useQuery({
    queryKey: learningKeys.courses,
    queryFn: ({ signal }) => apiFetch<{ courses: TCourseSummary[] }>('/api/learning/courses', { signal }),
    select: (data) => data.courses,
  });
}

/** The course with its lessons and my standing in it. */
export function useCourse(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.course(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TCourseDetail>(path('/api/learning/courses/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** My enrolments: courses I joined or was assigned, how far I am, due dates, the lesson to continue with. */
export function useProgress() {
  return useQuery({
    queryKey: learningKeys.progress,
    queryFn: ({ signal }) => apiFetch<{ enrolments: TEnrolment[] }>('/api/learning/progress', { signal }),
    select: (data) => data.enrolments,
  });
}

export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (courseId: string) => apiFetch<{ enrolments: TEnrolment[] }>(path('/api/learning/courses/:id/enrol', courseId), { method: 'POST' }),
    onSuccess: (progress, courseId) => {
      queryClient.setQueryData(learningKeys.progress, progress);
      return queryClient.invalidateQueries({ queryKey: learningKeys.course(courseId) });
    },
  });
}

export function useLesson(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.lesson(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TLessonDetail>(path('/api/learning/lessons/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** Finishes a lesson with its quiz answers; the course, my progress and the lesson refresh. */
export function useCompleteLesson(lessonId: string, courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: TAnswers) => apiFetch<TCompleteLessonResponse>(path('/api/learning/lessons/:id/complete', lessonId), { method: 'POST', body: { answers } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: learningKeys.course(courseId) }),
        queryClient.invalidateQueries({ queryKey: learningKeys.progress }),
        queryClient.invalidateQueries({ queryKey: learningKeys.lesson(lessonId) }),
      ]),
  });
}

/** The reaction questionnaire after a course (content, method, instructor, comment). */
export function useGiveFeedback(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCourseFeedbackRequest) => apiFetch<TCourseFeedbackSummary>(path('/api/learning/courses/:id/feedback', courseId), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.course(courseId) }),
  });
}

export function useCases() {
  return useQuery({
    queryKey: learningKeys.cases,
    queryFn: ({ signal }) => apiFetch<{ cases: TCaseSummary[] }>('/api/learning/cases', { signal }),
    select: (data) => data.cases,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.case(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TCaseDetail>(path('/api/learning/cases/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
  });
}

/** Exams open to me, with my attempts used, best score, open and last attempt. */
export function useExams() {
  return useQuery({
    queryKey: learningKeys.exams,
    queryFn: ({ signal }) => apiFetch<{ exams: TExamSummary[] }>('/api/exams', { signal }),
    select: (data) => data.exams,
    staleTime: 0,
  });
}

export function useStartExam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (examId: string) => apiFetch<TExamAttempt>(path('/api/exams/:id/attempts', examId), { method: 'POST' }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(learningKeys.attempt(attempt.id), attempt);
      return queryClient.invalidateQueries({ queryKey: learningKeys.exams, exact: true });
    },
  });
}

/**
 * An attempt with its exam's title and rules and the server's time (`serverNow`). The query's
 * `dataUpdatedAt` is when the answer arrived (or was stored from a start or hand-in): the pair
 * sets the countdown's clock offset.
 */
export function useExamAttempt(id: string | undefined) {
  return useQuery({
    queryKey: learningKeys.attempt(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TExamAttempt>(path('/api/exam-attempts/:id', id ?? ''), { signal }),
    enabled: Boolean(id),
    // The deadline and status are the server's: read afresh on every visit.
    staleTime: 0,
  });
}

/** Hands in an attempt; a 409 means the time is up (or it was handed in elsewhere). */
export function useSubmitExam(attemptId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: TAnswers) => apiFetch<TExamAttempt>(path('/api/exam-attempts/:id/submit', attemptId), { method: 'POST', body: { answers } }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(learningKeys.attempt(attempt.id), attempt);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: learningKeys.exams, exact: true }),
        queryClient.invalidateQueries({ queryKey: learningKeys.certificates, exact: true }),
      ]);
    },
  });
}

export function useCertificates() {
  return useQuery({
    queryKey: learningKeys.certificates,
    queryFn: ({ signal }) => apiFetch<{ certificates: TCertificate[] }>('/api/certificates', { signal }),
    select: (data) => data.certificates,
  });
}

/** The address of a certificate's PDF (a plain download link). */
export function certificatePdfUrl(id: string): string {
  return path('/api/certificates/:id/pdf', id);
}

/** The public check of a certificate code (no sign-in). A 404 means no such certificate. */
export function useCertificateVerification(code: string | undefined) {
  return useQuery({
    queryKey: learningKeys.verification(code ?? ''),
    queryFn: ({ signal }) => apiFetch<TCertificateVerification>(path('/api/public/certificates/:id', code ?? ''), { signal }),
    enabled: Boolean(code),
    retry: false,
  });
}
