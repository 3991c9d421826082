import { Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { BilingualFields } from './bilingual-fields';

/** Where the server's issues about a course can be shown. */
export const COURSE_FIELDS = ['title.zh', 'title.en', 'summary.zh', 'summary.en', 'audience.zh', 'audience.en', 'tags', 'isPublished'] as const;

/** Tags a course, lesson quiz or question may carry, as the server limits them. */
export const MAX_TAGS = 20;

/**
 * The course meta fields (title, summary, audience in both languages, tags, published) for
 * the 新建课程 drawer and the course editor.
 * @param props.tagOptions tags already in use, offered for picking
 */
export function CourseFields({ tagOptions = [] }: { tagOptions?: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <BilingualFields name="title" label={t('teach.courses.fieldTitle')} maxLength={200} testId="teach-course-title" />
      <BilingualFields name="summary" label={t('teach.courses.fieldSummary')} rows={2} maxLength={2000} testId="teach-course-summary" />
      <BilingualFields name="audience" label={t('teach.courses.fieldAudience')} maxLength={500} testId="teach-course-audience" />
      <Form.Item
        name="tags"
        label={t('teach.courses.fieldTags')}
        extra={t('teach.courses.tagsHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('teach.courses.tagsRequired') },
          { type: 'array', max: MAX_TAGS, message: t('teach.common.tooManyTags', { count: MAX_TAGS }) },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} options={tagOptions.map((tag) => ({ value: tag, label: tag }))} data-testid="teach-course-tags" />
      </Form.Item>
      <Form.Item name="isPublished" label={t('teach.courses.fieldPublished')} valuePropName="checked" extra={t('teach.courses.publishedHint')}>
        <Switch data-testid="teach-course-published" />
      </Form.Item>
    </>
  );
}
