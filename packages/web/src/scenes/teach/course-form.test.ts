import { ZCourseInput } from '@calmdesk/shared';
import { describe, expect, it } from 'vitest';
import type { TAuthoringCourse } from '../../api/teach';
import { courseToValues, emptyCourseValues, valuesToCourseInput } from './course-form';

describe('course form values', () => {
  it('starts a new course unpublished', () => {
    expect(emptyCourseValues().isPublished).toBe(false);
  });

  it('trims texts and drops empty and repeated tags, giving a body the server accepts', () => {
    const input = valuesToCourseInput({
      title: { zh: ' 情绪急救 ', en: 'Emotional first aid' },
      summary: { zh: '三分钟自我调节', en: 'Three-minute self-regulation' },
      audience: { zh: '一线客服', en: 'Front-line agents' },
      tags: [' breathing ', 'breathing', ''],
      isPublished: true,
    });
    expect(input.title.zh).toBe('情绪急救');
    expect(input.tags).toEqual(['breathing']);
    expect(ZCourseInput.safeParse(input).success).toBe(true);
  });

  it('keeps a stored course’s fields and publication', () => {
    const course = {
      id: '00000000-0000-4000-8000-000000000001',
      key: 'c',
      title: { zh: '标题', en: 'Title' },
      summary: { zh: '摘要', en: 'Summary' },
      audience: { zh: '对象', en: 'Audience' },
      tags: ['a'],
      lessonCount: 0,
      minutes: 0,
      origin: 'builtin',
      isPublished: false,
      isEdited: true,
      lessons: [],
    } satisfies TAuthoringCourse;
    expect(valuesToCourseInput(courseToValues(course))).toEqual({ title: course.title, summary: course.summary, audience: course.audience, tags: ['a'], isPublished: false });
  });
});
