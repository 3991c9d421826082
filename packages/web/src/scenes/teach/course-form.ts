import type { TAuthoringCourse, TCourseInput } from '../../api/teach';

/** The course form's values (meta only; lessons are edited one by one) and the API's shape. */

export interface TCourseFormValues {
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
  audience: { zh: string; en: string };
  tags: string[];
  isPublished: boolean;
}

/** Values for a course not created yet: unpublished, so learners do not see it half-written. */
export function emptyCourseValues(): TCourseFormValues {
  return { title: { zh: '', en: '' }, summary: { zh: '', en: '' }, audience: { zh: '', en: '' }, tags: [], isPublished: false };
}

/**
 * The form's values for a stored course.
 * @param course the course as its editors see it
 * @returns values
 */
export function courseToValues(course: TAuthoringCourse): TCourseFormValues {
  return { title: { ...course.title }, summary: { ...course.summary }, audience: { ...course.audience }, tags: [...course.tags], isPublished: course.isPublished };
}

const trimText = (text: { zh: string; en: string }) => ({ zh: text.zh.trim(), en: text.en.trim() });

/**
 * The request body for the form's values: texts trimmed, empty and repeated tags dropped.
 * @param values the form's values
 * @returns the body for POST /api/learning/courses or PUT /api/learning/courses/:id
 */
export function valuesToCourseInput(values: TCourseFormValues): TCourseInput {
  return {
    title: trimText(values.title),
    summary: trimText(values.summary),
    audience: trimText(values.audience),
    tags: [...new Set(values.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    isPublished: values.isPublished,
  };
}
