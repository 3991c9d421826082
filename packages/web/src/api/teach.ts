import type {
  TCourseBundle,
  ZAssignCourseRequest,
  ZAssignCourseResponse,
  ZAuthoringCourse,
  ZAuthoringCourseList,
  ZCaseInput,
  ZCaseListResponse,
  ZCaseSource,
  ZCertificate,
  ZCourseFeedbackSummary,
  ZCourseInput,
  ZCourseListResponse,
  ZCreateExamRequest,
  ZExamAttempt,
  ZExamAttemptList,
  ZExamListResponse,
  ZExamResults,
  ZExamSummary,
  ZGradeExamRequest,
  ZImportCourseResponse,
  ZIssuedCertificateList,
  ZLearningFile,
  ZLearningOverview,
  ZLessonInput,
  ZLessonSource,
  ZQuestionBank,
  ZQuestionFull,
  ZQuestionInput,
  ZQuestionStatistics,
} from '@calmdesk/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AppError, apiFetch } from './client';
import { learningKeys } from './learning';

/**
 * Trainer and oversight calls of the learning area (SPEC §2.1, §2.8): progress overview and
 * assignments, course/lesson/question/case authoring, exams, marking and certificates.
 * Types come from the shared schemas; the server shapes every answer with them.
 */

export type TLearningOverview = z.infer<typeof ZLearningOverview>;
export type TOverviewRow = TLearningOverview['rows'][number];
export type TCourseFeedbackSummary = z.infer<typeof ZCourseFeedbackSummary>;
export type TAssignCourseRequest = z.input<typeof ZAssignCourseRequest>;
export type TAuthoringCourse = z.infer<typeof ZAuthoringCourse>;
export type TCourseInput = z.input<typeof ZCourseInput>;
export type TLessonInput = z.infer<typeof ZLessonInput>;
export type TLessonSource = z.infer<typeof ZLessonSource>;
export type TQuestionFull = z.infer<typeof ZQuestionFull>;
export type TQuestionInput = z.infer<typeof ZQuestionInput>;
export type TQuestionBank = z.infer<typeof ZQuestionBank>;
export type TCaseSummary = z.infer<typeof ZCaseListResponse>['cases'][number];
export type TCaseInput = z.infer<typeof ZCaseInput>;
export type TCaseSource = z.infer<typeof ZCaseSource>;
export type TImportCourseResponse = z.infer<typeof ZImportCourseResponse>;
export type TExamSummary = z.infer<typeof ZExamSummary>;
export type TCreateExamRequest = z.input<typeof ZCreateExamRequest>;
export type TExamResults = z.infer<typeof ZExamResults>;
export type TQuestionStatistics = z.infer<typeof ZQuestionStatistics>;
export type TExamAttempt = z.infer<typeof ZExamAttempt>;
export type TExamAttemptListItem = z.infer<typeof ZExamAttemptList>['attempts'][number];
export type TAttemptStatus = TExamAttempt['status'];
export type TGradeExamRequest = z.infer<typeof ZGradeExamRequest>;
export type TCertificate = z.infer<typeof ZCertificate>;
export type TIssuedCertificate = z.infer<typeof ZIssuedCertificateList>['certificates'][number];
export type { TCourseBundle };

export interface TQuestionBankParams {
  tag?: string | undefined;
  type?: TQuestionInput['type'] | undefined;
  q?: string | undefined;
  includeRetired: boolean;
}

/** Query keys of these pages, all under 'teach' so one invalidation can refresh them together. */
export const teachKeys = {
  all: ['teach'] as const,
  overview: ['teach', 'overview'] as const,
  feedback: (courseId: string) => ['teach', 'feedback', courseId] as const,
  catalogue: ['teach', 'catalogue'] as const,
  courses: ['teach', 'courses'] as const,
  lesson: (id: string) => ['teach', 'lessons', id] as const,
  questions: ['teach', 'questions'] as const,
  cases: ['teach', 'cases'] as const,
  caseSource: (id: string) => ['teach', 'cases', 'source', id] as const,
  exams: ['teach', 'exams'] as const,
  examResults: (id: string) => ['teach', 'exams', 'results', id] as const,
  examStats: (id: string) => ['teach', 'exams', 'stats', id] as const,
  attempts: ['teach', 'attempts'] as const,
  attempt: (id: string) => ['teach', 'attempts', 'one', id] as const,
  certificates: ['teach', 'certificates'] as const,
};

const enc = encodeURIComponent;

/** Excel downloads: plain links, the browser sends the session cookie and saves the file. */
export const OVERVIEW_XLSX_URL = '/api/learning/overview.xlsx';
export const examResultsXlsxUrl = (examId: string) => `/api/exams/${enc(examId)}/results.xlsx`;

// ---------------------------------------------------------------------------
// Overview, assignments, reactions

export function useLearningOverview(isEnabled = true) {
  return useQuery({
    queryKey: teachKeys.overview,
    queryFn: ({ signal }) => apiFetch<TLearningOverview>('/api/learning/overview', { signal }),
    select: (data) => data.rows,
    enabled: isEnabled,
  });
}

export function useCourseFeedback(courseId: string | undefined) {
  return useQuery({
    queryKey: teachKeys.feedback(courseId ?? ''),
    queryFn: ({ signal }) => apiFetch<TCourseFeedbackSummary>(`/api/learning/courses/${enc(courseId ?? '')}/feedback`, { signal }),
    enabled: courseId !== undefined && courseId !== '',
  });
}

export function useAssignCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, body }: { courseId: string; body: TAssignCourseRequest }) =>
      apiFetch<z.infer<typeof ZAssignCourseResponse>>(`/api/learning/courses/${enc(courseId)}/assign`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.overview }),
  });
}

// ---------------------------------------------------------------------------
// Courses and lessons

/** The published courses (what can be assigned and rated), for every overseeing role. */
export function useCourseCatalogue() {
  return useQuery({
    queryKey: teachKeys.catalogue,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZCourseListResponse>>('/api/learning/courses', { signal }),
    select: (data) => data.courses,
  });
}

export function useAuthoringCourses(isEnabled = true) {
  return useQuery({
    queryKey: teachKeys.courses,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZAuthoringCourseList>>('/api/learning/authoring/courses', { signal }),
    select: (data) => data.courses,
    enabled: isEnabled,
  });
}

/** A course change shows in the course list, the overview (titles) and the learner pages. */
function useInvalidateContent() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: teachKeys.courses }),
      queryClient.invalidateQueries({ queryKey: teachKeys.catalogue }),
      queryClient.invalidateQueries({ queryKey: teachKeys.overview }),
      queryClient.invalidateQueries({ queryKey: ['learning'] }),
    ]);
}

/** Creates a course when `id` is null, else replaces the course's fields. */
export function useSaveCourse() {
  const invalidate = useInvalidateContent();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TCourseInput }) =>
      id === null
        ? apiFetch<TAuthoringCourse>('/api/learning/courses', { method: 'POST', body })
        : apiFetch<TAuthoringCourse>(`/api/learning/courses/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCourse() {
  const invalidate = useInvalidateContent();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/learning/courses/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useLessonOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ courseId, lessonIds }: { courseId: string; lessonIds: string[] }) =>
      apiFetch<TAuthoringCourse>(`/api/learning/courses/${enc(courseId)}/lesson-order`, { method: 'PUT', body: { lessonIds } }),
    onSuccess: (course) => {
      queryClient.setQueryData<z.infer<typeof ZAuthoringCourseList>>(teachKeys.courses, (old) =>
        old ? { courses: old.courses.map((item) => (item.id === course.id ? course : item)) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['learning'] });
    },
  });
}

/**
 * The course as one JSON file (lessons and quiz questions included).
 * @param id the course's id
 * @returns the bundle, ready to save
 */
export function fetchCourseBundle(id: string): Promise<TCourseBundle> {
  return apiFetch<TCourseBundle>(`/api/learning/courses/${enc(id)}/export`);
}

export function useImportCourse() {
  const invalidate = useInvalidateContent();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bundle: unknown) => apiFetch<TImportCourseResponse>('/api/learning/courses/import', { method: 'POST', body: bundle }),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: teachKeys.questions })]),
  });
}

export function useLessonSource(id: string | undefined) {
  return useQuery({
    queryKey: teachKeys.lesson(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TLessonSource>(`/api/learning/lessons/${enc(id ?? '')}/source`, { signal }),
    enabled: id !== undefined && id !== '',
    // The editor starts from what is stored now, not from a copy read minutes ago.
    staleTime: 0,
  });
}

/** Adds a lesson to `courseId` when `id` is null, else replaces lesson `id`. */
export function useSaveLesson() {
  const invalidate = useInvalidateContent();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, courseId, body }: { id: string | null; courseId: string; body: TLessonInput }) =>
      id === null
        ? apiFetch<TLessonSource>(`/api/learning/courses/${enc(courseId)}/lessons`, { method: 'POST', body })
        : apiFetch<TLessonSource>(`/api/learning/lessons/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: (lesson) => {
      queryClient.setQueryData(teachKeys.lesson(lesson.id), lesson);
      return Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: teachKeys.questions })]);
    },
  });
}

export function useDeleteLesson() {
  const invalidate = useInvalidateContent();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/learning/lessons/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** A file uploaded for lessons; `markdown` is ready to paste: `![name](url)` for images, `[name](url)` for other files. */
export type TLearningFile = z.infer<typeof ZLearningFile>;

/** Files over this size are refused by the server (learning-file.service.ts). */
export const LEARNING_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Uploads an image or worksheet for lessons: the raw bytes, the name in the query. apiFetch
 * sends JSON only, so this one call builds its request itself (same cookie, same CSRF header).
 */
export function useUploadLearningFile() {
  return useMutation({
    mutationFn: async ({ file, csrfToken }: { file: File; csrfToken: string }): Promise<TLearningFile> => {
      let response: Response;
      try {
        response = await fetch(`/api/learning/files?name=${enc(file.name)}`, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/octet-stream', 'x-csrf-token': csrfToken },
          credentials: 'same-origin',
          body: file,
        });
      } catch (err) {
        throw new AppError('NETWORK', err instanceof Error ? err.message : String(err));
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw AppError.fromResponse(response.status, body, response.headers.get('retry-after'));
      return body as TLearningFile;
    },
  });
}

// ---------------------------------------------------------------------------
// Question bank

export function useQuestionBank(params: TQuestionBankParams, isEnabled = true) {
  return useQuery({
    queryKey: [...teachKeys.questions, params],
    queryFn: ({ signal }) =>
      apiFetch<TQuestionBank>('/api/learning/questions', {
        query: { tag: params.tag, type: params.type, q: params.q, includeRetired: params.includeRetired ? 'true' : 'false' },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** Creates a question when `id` is null, else replaces question `id`. */
export function useSaveQuestion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TQuestionInput }) =>
      id === null
        ? apiFetch<TQuestionFull>('/api/learning/questions', { method: 'POST', body })
        : apiFetch<TQuestionFull>(`/api/learning/questions/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.questions }),
  });
}

/** Retires a question (`isRetired: true`: it leaves quizzes and exam draws) or restores it. */
export function useSetQuestionRetired() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, isRetired }: { id: string; isRetired: boolean }): Promise<void> => {
      if (isRetired) await apiFetch<void>(`/api/learning/questions/${enc(id)}`, { method: 'DELETE' });
      else await apiFetch<TQuestionFull>(`/api/learning/questions/${enc(id)}/restore`, { method: 'POST' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.questions }),
  });
}

// ---------------------------------------------------------------------------
// Cases

export function useCaseList() {
  return useQuery({
    queryKey: teachKeys.cases,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZCaseListResponse>>('/api/learning/cases', { signal }),
    select: (data) => data.cases,
  });
}

export function useCaseSource(id: string | undefined) {
  return useQuery({
    queryKey: teachKeys.caseSource(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TCaseSource>(`/api/learning/cases/${enc(id ?? '')}/source`, { signal }),
    enabled: id !== undefined && id !== '',
    staleTime: 0,
  });
}

/** Creates a case when `id` is null, else replaces case `id`. */
export function useSaveCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TCaseInput }) =>
      id === null
        ? apiFetch<TCaseSource>('/api/learning/cases', { method: 'POST', body })
        : apiFetch<TCaseSource>(`/api/learning/cases/${enc(id)}`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(teachKeys.caseSource(saved.id), saved);
      return Promise.all([queryClient.invalidateQueries({ queryKey: teachKeys.cases, exact: true }), queryClient.invalidateQueries({ queryKey: ['learning'] })]);
    },
  });
}

export function useDeleteCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/learning/cases/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: teachKeys.cases, exact: true }), queryClient.invalidateQueries({ queryKey: ['learning'] })]),
  });
}

// ---------------------------------------------------------------------------
// Exams, marking, certificates

/** Every exam of the organisation, closed ones too (the server lists those for trainers, deputies and leaders only). */
export function useExamList() {
  return useQuery({
    queryKey: teachKeys.exams,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZExamListResponse>>('/api/exams', { query: { includeClosed: 'true' }, signal }),
    select: (data) => data.exams,
  });
}

/**
 * Closes an exam to new attempts (`isPublished: false`) or opens it again. Attempts already
 * running may still be handed in; results and certificates stay.
 */
export function useSetExamPublished() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isPublished }: { id: string; isPublished: boolean }) => apiFetch<TExamSummary>(`/api/exams/${enc(id)}/published`, { method: 'PUT', body: { isPublished } }),
    onSuccess: (exam) => {
      queryClient.setQueryData<z.infer<typeof ZExamListResponse>>(teachKeys.exams, (old) => (old ? { exams: old.exams.map((item) => (item.id === exam.id ? exam : item)) } : old));
      return Promise.all([queryClient.invalidateQueries({ queryKey: teachKeys.exams, exact: true }), queryClient.invalidateQueries({ queryKey: learningKeys.exams, exact: true })]);
    },
  });
}

export function useCreateExam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateExamRequest) => apiFetch<TExamSummary>('/api/exams', { method: 'POST', body }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: teachKeys.exams, exact: true }), queryClient.invalidateQueries({ queryKey: ['learning'] })]),
  });
}

export function useExamResults(examId: string | undefined) {
  return useQuery({
    queryKey: teachKeys.examResults(examId ?? ''),
    queryFn: ({ signal }) => apiFetch<TExamResults>(`/api/exams/${enc(examId ?? '')}/results`, { signal }),
    enabled: examId !== undefined && examId !== '',
  });
}

export function useQuestionStatistics(examId: string | undefined, isEnabled: boolean) {
  return useQuery({
    queryKey: teachKeys.examStats(examId ?? ''),
    queryFn: ({ signal }) => apiFetch<TQuestionStatistics>(`/api/exams/${enc(examId ?? '')}/question-stats`, { signal }),
    enabled: isEnabled && examId !== undefined && examId !== '',
  });
}

export function useExamAttempts(params: { examId?: string | undefined; status?: TAttemptStatus | undefined }, isEnabled = true) {
  return useQuery({
    queryKey: [...teachKeys.attempts, 'list', params],
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZExamAttemptList>>('/api/exam-attempts', { query: { ...params }, signal }),
    select: (data) => data.attempts,
    enabled: isEnabled,
    staleTime: 0,
  });
}

export function useExamAttempt(id: string | undefined) {
  return useQuery({
    queryKey: teachKeys.attempt(id ?? ''),
    queryFn: ({ signal }) => apiFetch<TExamAttempt>(`/api/exam-attempts/${enc(id ?? '')}`, { signal }),
    enabled: id !== undefined && id !== '',
    staleTime: 0,
  });
}

export function useGradeAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TGradeExamRequest }) => apiFetch<TExamAttempt>(`/api/exam-attempts/${enc(id)}/grade`, { method: 'POST', body }),
    onSuccess: (attempt) => {
      queryClient.setQueryData(teachKeys.attempt(attempt.id), attempt);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: teachKeys.attempts }),
        queryClient.invalidateQueries({ queryKey: teachKeys.examResults(attempt.examId) }),
        queryClient.invalidateQueries({ queryKey: teachKeys.examStats(attempt.examId) }),
        queryClient.invalidateQueries({ queryKey: teachKeys.certificates }),
      ]);
    },
  });
}

export function useIssuedCertificates(isEnabled = true) {
  return useQuery({
    queryKey: teachKeys.certificates,
    queryFn: ({ signal }) => apiFetch<z.infer<typeof ZIssuedCertificateList>>('/api/certificates/issued', { signal }),
    select: (data) => data.certificates,
    enabled: isEnabled,
  });
}

/** A course certificate given by hand (say after a classroom course) to someone who completed the course. */
export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { userId: string; courseId: string }) => apiFetch<TCertificate>('/api/certificates', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.certificates }),
  });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<TCertificate>(`/api/certificates/${enc(id)}/revoke`, { method: 'POST', body: { reason } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teachKeys.certificates }),
  });
}
