import { DeleteOutlined, DownloadOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Flex, Form, Switch, Table, Tag, Tooltip, Typography, Upload, type TableProps } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { AppError, type TFieldIssue } from '../../api/client';
import { fetchCourseBundle, useAuthoringCourses, useDeleteCourse, useImportCourse, useSaveCourse, type TAuthoringCourse, type TImportCourseResponse } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { bundleFileName, readBundleText } from './bundle';
import { COURSE_FIELDS, CourseFields } from './course-fields';
import { courseToValues, emptyCourseValues, valuesToCourseInput, type TCourseFormValues } from './course-form';
import { useTeachLabels } from './labels';
import { useServerIssues } from './use-server-issues';

type TImportState =
  | { state: 'none' }
  | { state: 'done'; fileName: string; result: TImportCourseResponse }
  | { state: 'failed'; fileName: string; message: string; issues: readonly TFieldIssue[] };

/** Saves a value as a JSON file through a temporary link (the API answer is already in memory). */
function saveJsonFile(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 课程 under 内容编辑: every course (built-in and the organisation's own, published or not),
 * with create, publish switch, export to a file, import from one (the server's problems shown
 * one by one), and delete for own courses.
 */
export function CoursesSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const coursesQuery = useAuthoringCourses();
  const save = useSaveCourse();
  const remove = useDeleteCourse();
  const importCourse = useImportCourse();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [imported, setImported] = useState<TImportState>({ state: 'none' });
  const [togglingId, setTogglingId] = useState<string | null>(null);
  const [form] = Form.useForm<TCourseFormValues>();
  const onSaveError = useServerIssues(form, COURSE_FIELDS);

  const courses = useMemo(() => coursesQuery.data ?? [], [coursesQuery.data]);
  const tagOptions = useMemo(() => [...new Set(courses.flatMap((course) => course.tags))].sort(), [courses]);

  const openCreate = () => {
    form.setFieldsValue(emptyCourseValues());
    setCreateOpen(true);
  };

  const create = (values: TCourseFormValues) =>
    save.mutate(
      { id: null, body: valuesToCourseInput(values) },
      {
        onSuccess: (course) => {
          void message.success(t('teach.courses.created'));
          setCreateOpen(false);
          navigate(`/learning/authoring/courses/${course.id}`);
        },
        onError: onSaveError,
      },
    );

  const togglePublished = (course: TAuthoringCourse, isPublished: boolean) => {
    setTogglingId(course.id);
    save.mutate(
      { id: course.id, body: valuesToCourseInput({ ...courseToValues(course), isPublished }) },
      {
        onSuccess: () => void message.success(isPublished ? t('teach.courses.publishedNow') : t('teach.courses.unpublishedNow')),
        onError: (err) => void message.error(errorMessage(err)),
        onSettled: () => setTogglingId(null),
      },
    );
  };

  const exportCourse = (course: TAuthoringCourse) =>
    fetchCourseBundle(course.id).then(
      (bundle) => {
        saveJsonFile(bundle, bundleFileName(bundle.course.key));
        void message.success(t('teach.courses.exported', { file: bundleFileName(bundle.course.key) }));
      },
      (err: unknown) => void message.error(errorMessage(err)),
    );

  const importFile = async (file: File) => {
    const text = await file.text();
    const read = readBundleText(text);
    if (!read.isOk) {
      setImported({ state: 'failed', fileName: file.name, message: read.problem === 'notJson' ? t('teach.courses.importNotJson', { detail: read.detail ?? '' }) : t('teach.courses.importNotBundle'), issues: [] });
      return;
    }
    importCourse.mutate(read.bundle, {
      onSuccess: (result) => setImported({ state: 'done', fileName: file.name, result }),
      onError: (err) => {
        const appError = AppError.parseError(err);
        // The issue list says it all for a file that fails the format; a conflict's reason is in the message.
        const detail = appError.issues.length === 0 || appError.code === 'CONFLICT' ? ` ${appError.message}` : '';
        setImported({ state: 'failed', fileName: file.name, message: `${errorMessage(appError)}${detail}`, issues: appError.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^body[./]/, '') })) });
      },
    });
  };

  const confirmDelete = (course: TAuthoringCourse) =>
    void modal.confirm({
      title: t('teach.courses.deleteTitle', { title: labels.text(course.title) }),
      content: t('teach.courses.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(course.id).then(
          () => void message.success(t('teach.courses.deleted')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const columns: TableProps<TAuthoringCourse>['columns'] = [
    {
      key: 'title',
      title: t('teach.courses.colTitle'),
      render: (_, course) => (
        <Flex vertical gap={2}>
          <Link to={`/learning/authoring/courses/${course.id}`} data-testid={`teach-course-open-${course.id}`}>
            {labels.text(course.title)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {course.key}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'origin',
      title: t('teach.courses.colOrigin'),
      render: (_, course) => (
        <Flex gap={4} wrap>
          <Tag color={course.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${course.origin}`)}</Tag>
          {course.isEdited && <Tag color="gold">{t('teach.common.edited')}</Tag>}
        </Flex>
      ),
    },
    { key: 'lessons', title: t('teach.courses.colLessons'), align: 'right', render: (_, course) => t('teach.courses.lessonCount', { count: course.lessonCount }) },
    { key: 'minutes', title: t('teach.courses.colMinutes'), align: 'right', responsive: ['lg'], render: (_, course) => t('teach.common.minutes', { count: course.minutes }) },
    {
      key: 'tags',
      title: t('teach.courses.colTags'),
      responsive: ['lg'],
      render: (_, course) => (
        <Flex gap={4} wrap>
          {course.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'published',
      title: t('teach.courses.colPublished'),
      render: (_, course) => (
        <Switch
          size="small"
          checked={course.isPublished}
          loading={togglingId === course.id}
          onChange={(checked) => togglePublished(course, checked)}
          aria-label={t('teach.courses.colPublished')}
          data-testid={`teach-course-published-${course.id}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, course) => (
        <Flex gap={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => navigate(`/learning/authoring/courses/${course.id}`)} aria-label={t('common.edit')} data-testid={`teach-course-edit-${course.id}`} />
          </Tooltip>
          <Tooltip title={t('teach.courses.export')}>
            <Button type="text" size="small" icon={<DownloadOutlined />} onClick={() => void exportCourse(course)} aria-label={t('teach.courses.export')} data-testid={`teach-course-export-${course.id}`} />
          </Tooltip>
          {course.origin === 'custom' ? (
            <Tooltip title={t('common.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(course)} aria-label={t('common.delete')} data-testid={`teach-course-delete-${course.id}`} />
            </Tooltip>
          ) : (
            <Tooltip title={t('teach.courses.builtinNoDelete')}>
              <Button type="text" size="small" icon={<DeleteOutlined />} disabled aria-label={t('teach.courses.builtinNoDelete')} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('teach.courses.title', { count: courses.length })}
      data-testid="teach-courses"
      extra={
        <Flex gap={8} wrap>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<ImportOutlined />} loading={importCourse.isPending} data-testid="teach-course-import">
              {t('teach.courses.import')}
            </Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={openCreate} data-testid="teach-course-create">
            {t('teach.courses.create')}
          </Button>
        </Flex>
      }
    >
      {imported.state === 'done' && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setImported({ state: 'none' }) }}
          title={t('teach.courses.importDone', { file: imported.fileName })}
          description={
            <Flex gap={12} wrap align="center">
              <span>{t('teach.courses.importCounts', { lessons: imported.result.lessons, added: imported.result.questionsAdded, reused: imported.result.questionsReused })}</span>
              <Link to={`/learning/authoring/courses/${imported.result.courseId}`}>{t('teach.courses.importOpen')}</Link>
            </Flex>
          }
          style={{ marginBottom: 12 }}
          data-testid="teach-import-result"
        />
      )}
      {imported.state === 'failed' && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setImported({ state: 'none' }) }}
          title={t('teach.courses.importFailed', { file: imported.fileName })}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: imported.issues.length > 0 ? 8 : 0 }}>{imported.message}</Typography.Paragraph>
              {imported.issues.length > 0 && (
                <ul className="cd-teach-issues" data-testid="teach-import-issues">
                  {imported.issues.slice(0, 50).map((issue, index) => (
                    <li key={`${issue.path}-${index}`}>
                      {issue.path && <code>{issue.path}</code>} {issue.message}
                    </li>
                  ))}
                  {imported.issues.length > 50 && <li>{t('teach.courses.importMore', { count: imported.issues.length - 50 })}</li>}
                </ul>
              )}
            </>
          }
          style={{ marginBottom: 12 }}
          data-testid="teach-import-error"
        />
      )}
      {coursesQuery.isError && <Alert type="error" showIcon title={errorMessage(coursesQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TAuthoringCourse>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={courses}
        loading={coursesQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('teach.courses.empty') }}
        onRow={(course) => ({ 'data-testid': `teach-course-row-${course.id}` }) as HTMLAttributes<HTMLElement>}
      />
      <Drawer
        open={isCreateOpen}
        onClose={() => setCreateOpen(false)}
        title={t('teach.courses.createTitle')}
        size={640}
        forceRender
        footer={
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setCreateOpen(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="teach-course-save">
              {t('teach.courses.createSubmit')}
            </Button>
          </Flex>
        }
      >
        <Form<TCourseFormValues> form={form} layout="vertical" onFinish={create} initialValues={emptyCourseValues()}>
          <CourseFields tagOptions={tagOptions} />
        </Form>
      </Drawer>
    </Card>
  );
}
