import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Result, Row, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuthoringCourses, useDeleteLesson, useLessonOrder, useSaveCourse, type TAuthoringCourse } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { COURSE_FIELDS, CourseFields } from './course-fields';
import { courseToValues, valuesToCourseInput, type TCourseFormValues } from './course-form';
import { useTeachLabels } from './labels';
import { moveItem } from './lesson-form';
import { useLeaveGuard } from './use-leave-guard';
import { useServerIssues } from './use-server-issues';
import './teach.css';

type TLesson = TAuthoringCourse['lessons'][number];

/**
 * A course in the editor at /learning/authoring/courses/:courseId (trainers): its title,
 * summary, audience, tags and publication, and its lessons in order (move up/down, add,
 * open, delete the organisation's own lessons, in a built-in course too).
 */
export default function CourseEditorPage() {
  const { courseId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const coursesQuery = useAuthoringCourses();
  const save = useSaveCourse();
  const order = useLessonOrder();
  const removeLesson = useDeleteLesson();
  const [form] = Form.useForm<TCourseFormValues>();
  const onSaveError = useServerIssues(form, COURSE_FIELDS);
  const course = coursesQuery.data?.find((item) => item.id === courseId);
  const values = Form.useWatch((all: TCourseFormValues) => all, { form, preserve: true }) as TCourseFormValues | undefined;
  const saved = useMemo(() => (course ? courseToValues(course) : undefined), [course]);
  const isDirty = values !== undefined && saved !== undefined && JSON.stringify(valuesToCourseInput({ ...saved, ...values })) !== JSON.stringify(valuesToCourseInput(saved));
  useLeaveGuard(isDirty);
  const tagOptions = useMemo(() => [...new Set((coursesQuery.data ?? []).flatMap((item) => item.tags))].sort(), [coursesQuery.data]);

  useEffect(() => {
    if (saved) form.setFieldsValue(saved);
    // Reload the form only when another course is opened, not after every refetch of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [courseId, saved === undefined]);

  if (coursesQuery.isPending) {
    return (
      <div>
        <LearningHeader tab="authoring" />
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (coursesQuery.isError || !course) {
    return (
      <div>
        <LearningHeader tab="authoring" />
        <Result
          status={coursesQuery.isError ? 'error' : '404'}
          title={coursesQuery.isError ? errorMessage(coursesQuery.error) : t('teach.courseEditor.notFound')}
          extra={
            <Link to="/learning/authoring">
              <Button>{t('teach.common.backToAuthoring')}</Button>
            </Link>
          }
          data-testid="teach-course-missing"
        />
      </div>
    );
  }

  const submit = (next: TCourseFormValues) =>
    save.mutate(
      { id: course.id, body: valuesToCourseInput(next) },
      {
        onSuccess: (updated) => {
          form.setFieldsValue(courseToValues(updated));
          void message.success(t('common.saved'));
        },
        onError: onSaveError,
      },
    );

  const move = (index: number, delta: -1 | 1) =>
    order.mutate(
      { courseId: course.id, lessonIds: moveItem(course.lessons, index, delta).map((lesson) => lesson.id) },
      { onError: (err) => void message.error(errorMessage(err)) },
    );

  const confirmDelete = (lesson: TLesson) =>
    void modal.confirm({
      title: t('teach.courseEditor.deleteLessonTitle', { title: labels.text(lesson.title) }),
      content: t('teach.courseEditor.deleteLessonBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        removeLesson.mutateAsync(lesson.id).then(
          () => void message.success(t('teach.courseEditor.lessonDeleted')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  return (
    <div data-testid="teach-course-editor">
      <LearningHeader tab="authoring" />
      <Flex align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Link to="/learning/authoring">
          <Button icon={<ArrowLeftOutlined />}>{t('teach.common.backToAuthoring')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {labels.text(course.title)}
        </Typography.Title>
        <Tag color={course.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${course.origin}`)}</Tag>
        {course.isEdited && <Tag color="gold">{t('teach.common.edited')}</Tag>}
        <Tag color={course.isPublished ? 'success' : 'default'}>{course.isPublished ? t('teach.courses.published') : t('teach.courses.unpublished')}</Tag>
      </Flex>
      {course.origin === 'builtin' && <Alert type="info" showIcon title={t('teach.courseEditor.builtinNote')} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card title={t('teach.courseEditor.metaTitle')} variant="borderless">
            <Form<TCourseFormValues> form={form} layout="vertical" onFinish={submit} initialValues={saved}>
              <CourseFields tagOptions={tagOptions} />
              <Flex justify="flex-end" gap={8}>
                {isDirty && <Typography.Text type="warning" style={{ alignSelf: 'center' }}>{t('teach.common.unsaved')}</Typography.Text>}
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="teach-course-save">
                  {t('common.save')}
                </Button>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            title={t('teach.courseEditor.lessonsTitle', { count: course.lessons.length })}
            variant="borderless"
            extra={
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/learning/authoring/courses/${course.id}/new-lesson`)} data-testid="teach-lesson-add">
                {t('teach.courseEditor.addLesson')}
              </Button>
            }
          >
            {course.lessons.length === 0 ? (
              <Empty description={t('teach.courseEditor.noLessons')} />
            ) : (
              <ol className="cd-teach-lessons" data-testid="teach-lessons">
                {course.lessons.map((lesson, index) => (
                  <li key={lesson.id} className="cd-teach-lessons__item" data-testid={`teach-lesson-${lesson.id}`}>
                    <span className="cd-teach-lessons__pos">{index + 1}</span>
                    <div className="cd-teach-lessons__main">
                      <Link to={`/learning/authoring/lessons/${lesson.id}`} data-testid={`teach-lesson-open-${lesson.id}`}>
                        {labels.text(lesson.title)}
                      </Link>
                      {course.origin === 'builtin' && lesson.origin === 'custom' && (
                        <Tag color="purple" style={{ marginInlineStart: 8 }}>
                          {t('teach.common.origin.custom')}
                        </Tag>
                      )}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('teach.common.minutes', { count: lesson.minutes })}
                          {lesson.exercise !== 'none' && ` · ${labels.exercise(lesson.exercise)}`}
                        </Typography.Text>
                      </div>
                    </div>
                    <Flex gap={2} style={{ flex: 'none' }}>
                      <Tooltip title={t('teach.common.moveUp')}>
                        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0 || order.isPending} onClick={() => move(index, -1)} aria-label={t('teach.common.moveUp')} data-testid={`teach-lesson-up-${lesson.id}`} />
                      </Tooltip>
                      <Tooltip title={t('teach.common.moveDown')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          disabled={index === course.lessons.length - 1 || order.isPending}
                          onClick={() => move(index, 1)}
                          aria-label={t('teach.common.moveDown')}
                          data-testid={`teach-lesson-down-${lesson.id}`}
                        />
                      </Tooltip>
                      <Tooltip title={t('common.edit')}>
                        <Button type="text" size="small" icon={<EditOutlined />} onClick={() => navigate(`/learning/authoring/lessons/${lesson.id}`)} aria-label={t('common.edit')} data-testid={`teach-lesson-edit-${lesson.id}`} />
                      </Tooltip>
                      {lesson.origin === 'custom' ? (
                        <Tooltip title={t('common.delete')}>
                          <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(lesson)} aria-label={t('common.delete')} data-testid={`teach-lesson-delete-${lesson.id}`} />
                        </Tooltip>
                      ) : (
                        <Tooltip title={t('teach.courseEditor.builtinLessonNoDelete')}>
                          <Button type="text" size="small" icon={<DeleteOutlined />} disabled aria-label={t('teach.courseEditor.builtinLessonNoDelete')} />
                        </Tooltip>
                      )}
                    </Flex>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
