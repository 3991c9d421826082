import { ArrowLeftOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { LESSON_EXERCISES } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LEARNING_FILE_MAX_BYTES, useAuthoringCourses, useDeleteLesson, useLessonSource, useSaveLesson, useUploadLearningFile } from '../../api/teach';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { BilingualFields } from './bilingual-fields';
import { useTeachLabels } from './labels';
import { emptyLessonValues, isLessonDirty, lessonToValues, valuesToLessonInput, type TLessonFormValues } from './lesson-form';
import { MarkdownEditor } from './markdown-editor';
import { fileTitle } from './markdown-tools';
import { QuizPicker } from './quiz-picker';
import { useLeaveGuard } from './use-leave-guard';
import { useServerIssues } from './use-server-issues';
import './teach.css';

/** Where the server's issues about a lesson can be shown. */
const LESSON_FIELDS = ['title.zh', 'title.en', 'summary.zh', 'summary.en', 'minutes', 'exercise', 'video', 'downloads', 'downloads.*.title.zh', 'downloads.*.title.en', 'downloads.*.url', 'bodyMd', 'quizKeys'];
const MAX_DOWNLOADS = 20;

/**
 * The lesson editor (trainers) at /learning/authoring/lessons/:lessonId and, for a new lesson,
 * /learning/authoring/courses/:courseId/new-lesson: titles and summaries in both languages,
 * minutes, exercise, video link, downloads, the quiz from the bank, and the body in Markdown
 * with a live preview. Server issues show beside their fields; leaving with unsaved changes asks first.
 */
export default function LessonEditorPage() {
  const { lessonId, courseId: newInCourseId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const sourceQuery = useLessonSource(lessonId);
  const coursesQuery = useAuthoringCourses();
  const save = useSaveLesson();
  const remove = useDeleteLesson();
  const upload = useUploadLearningFile();
  const session = useCurrentSession();
  const downloadFileRef = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm<TLessonFormValues>();
  const onSaveError = useServerIssues(form, LESSON_FIELDS);
  const isNew = lessonId === undefined;
  const source = sourceQuery.data;
  const courseId = isNew ? (newInCourseId ?? '') : (source?.courseId ?? '');
  const course = coursesQuery.data?.find((item) => item.id === courseId);

  const blank = useMemo(() => emptyLessonValues(t('teach.markdown.words.heading')), [t]);
  const [saved, setSaved] = useState<TLessonFormValues | null>(isNew ? blank : null);
  const values = Form.useWatch((all: TLessonFormValues) => all, { form, preserve: true }) as TLessonFormValues | undefined;
  const isDirty = saved !== null && values !== undefined && values.title !== undefined && isLessonDirty({ ...saved, ...values }, saved);
  const allowNavigation = useLeaveGuard(isDirty);

  useEffect(() => {
    if (!source) return;
    const loaded = lessonToValues(source);
    setSaved(loaded);
    form.setFieldsValue(loaded);
    // Load the stored lesson once per lesson; a refetch must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source?.id]);

  const header = <LearningHeader tab="authoring" />;
  if (!isNew && sourceQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  if (!isNew && (sourceQuery.isError || !source)) {
    return (
      <div>
        {header}
        <Result
          status="error"
          title={sourceQuery.isError ? errorMessage(sourceQuery.error) : t('teach.lessonEditor.notFound')}
          extra={
            <Link to="/learning/authoring">
              <Button>{t('teach.common.backToAuthoring')}</Button>
            </Link>
          }
          data-testid="teach-lesson-missing"
        />
      </div>
    );
  }

  const submit = () => {
    const body = valuesToLessonInput(form.getFieldsValue(true) as TLessonFormValues, source?.key);
    save.mutate(
      { id: source?.id ?? null, courseId, body },
      {
        onSuccess: (lesson) => {
          const loaded = lessonToValues(lesson);
          setSaved(loaded);
          form.setFieldsValue(loaded);
          void message.success(t('common.saved'));
          if (isNew) {
            allowNavigation();
            navigate(`/learning/authoring/lessons/${lesson.id}`, { replace: true });
          }
        },
        onError: onSaveError,
      },
    );
  };

  const confirmDelete = () => {
    if (!source) return;
    void modal.confirm({
      title: t('teach.courseEditor.deleteLessonTitle', { title: labels.text(source.title) }),
      content: t('teach.courseEditor.deleteLessonBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(source.id).then(
          () => {
            void message.success(t('teach.courseEditor.lessonDeleted'));
            allowNavigation();
            navigate(`/learning/authoring/courses/${source.courseId}`);
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });
  };

  /** Uploads a worksheet and adds it as a download row named after the file. */
  const uploadDownload = (file: File) => {
    if (file.size > LEARNING_FILE_MAX_BYTES) {
      void message.error(t('teach.markdown.tooBig', { name: file.name }));
      return;
    }
    upload.mutate(
      { file, csrfToken: session.csrfToken },
      {
        onSuccess: (stored) => {
          const title = fileTitle(stored.name);
          const rows = (form.getFieldValue('downloads') as TLessonFormValues['downloads'] | undefined) ?? [];
          form.setFieldValue('downloads', [...rows, { title: { zh: title, en: title }, url: stored.url }]);
          void message.success(t('teach.markdown.uploaded', { name: stored.name }));
        },
        onError: (err) => void message.error(`${errorMessage(err)} ${err instanceof Error ? err.message : ''}`.trim()),
      },
    );
  };

  const courseLink = courseId ? `/learning/authoring/courses/${courseId}` : '/learning/authoring';
  const saveButton = (
    <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} data-testid="teach-lesson-save">
      {isNew ? t('teach.lessonEditor.create') : t('common.save')}
    </Button>
  );

  return (
    <div data-testid="teach-lesson-editor">
      {header}
      <Flex className="cd-teach-editor-bar" align="center" gap={12} wrap>
        <Link to={courseLink}>
          <Button icon={<ArrowLeftOutlined />}>{course ? labels.text(course.title) : t('teach.lessonEditor.backToCourse')}</Button>
        </Link>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {isNew ? t('teach.lessonEditor.newTitle') : labels.text(source?.title ?? { zh: '', en: '' })}
        </Typography.Title>
        {source && <Tag color={source.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${source.origin}`)}</Tag>}
        {source?.isEdited && <Tag color="gold">{t('teach.common.edited')}</Tag>}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }} align="center">
          {isDirty && (
            <Typography.Text type="warning" data-testid="teach-lesson-unsaved">
              {t('teach.common.unsaved')}
            </Typography.Text>
          )}
          {source?.origin === 'custom' && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="teach-lesson-delete">
              {t('common.delete')}
            </Button>
          )}
          {saveButton}
        </Flex>
      </Flex>
      {source?.origin === 'builtin' && <Alert type="info" showIcon title={t('teach.lessonEditor.builtinNote')} style={{ marginBottom: 16 }} />}
      <Form<TLessonFormValues> form={form} layout="vertical" onFinish={submit} initialValues={saved ?? blank} scrollToFirstError={{ block: 'center' }}>
        <Card title={t('teach.lessonEditor.basics')} variant="borderless" style={{ marginBottom: 16 }}>
          <BilingualFields name="title" label={t('teach.lessonEditor.fieldTitle')} maxLength={200} testId="teach-lesson-title" />
          <BilingualFields name="summary" label={t('teach.lessonEditor.fieldSummary')} rows={2} maxLength={2000} testId="teach-lesson-summary" />
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="minutes" label={t('teach.lessonEditor.fieldMinutes')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={1} max={180} precision={0} style={{ width: '100%' }} suffix={t('teach.lessonEditor.minutesUnit')} data-testid="teach-lesson-minutes" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="exercise" label={t('teach.lessonEditor.fieldExercise')} extra={t('teach.lessonEditor.exerciseHint')}>
                <Select options={LESSON_EXERCISES.map((code) => ({ value: code, label: labels.exercise(code) }))} data-testid="teach-lesson-exercise" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="video" label={t('teach.lessonEditor.fieldVideo')} extra={t('teach.lessonEditor.videoHint')} rules={[{ pattern: /^(https?:\/\/\S+)?$/, message: t('teach.lessonEditor.videoInvalid') }]}>
                <Input placeholder="https://" allowClear data-testid="teach-lesson-video" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('teach.lessonEditor.body')} variant="borderless" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{t('teach.lessonEditor.bodyHint')}</Typography.Text>}>
          <Form.Item name="bodyMd" rules={[{ required: true, whitespace: true, message: t('teach.lessonEditor.bodyRequired') }]} style={{ marginBottom: 0 }}>
            <MarkdownEditor testId="teach-lesson-body" />
          </Form.Item>
        </Card>
        <Card title={t('teach.lessonEditor.downloads')} variant="borderless" style={{ marginBottom: 16 }}>
          <Form.List name="downloads">
            {(rows, { add, remove: removeRow }, { errors }) => (
              <>
                {rows.length === 0 && <Typography.Paragraph type="secondary">{t('teach.lessonEditor.noDownloads')}</Typography.Paragraph>}
                {rows.map((row) => (
                  <Row key={row.key} gutter={8} align="top" data-testid={`teach-download-${row.name}`}>
                    <Col xs={24} md={6}>
                      <Form.Item name={[row.name, 'title', 'zh']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                        <Input placeholder={t('teach.common.inLanguage', { label: t('teach.lessonEditor.downloadTitle'), language: t('teach.common.zh') })} aria-label={t('teach.common.inLanguage', { label: t('teach.lessonEditor.downloadTitle'), language: t('teach.common.zh') })} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[row.name, 'title', 'en']} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                        <Input placeholder={t('teach.common.inLanguage', { label: t('teach.lessonEditor.downloadTitle'), language: t('teach.common.en') })} aria-label={t('teach.common.inLanguage', { label: t('teach.lessonEditor.downloadTitle'), language: t('teach.common.en') })} />
                      </Form.Item>
                    </Col>
                    <Col xs={22} md={11}>
                      <Form.Item
                        name={[row.name, 'url']}
                        rules={[
                          { required: true, whitespace: true, message: t('validation.required') },
                          { pattern: /^\s*(https?:\/\/|\/)/, message: t('teach.lessonEditor.downloadUrlInvalid') },
                        ]}
                      >
                        <Input placeholder={t('teach.lessonEditor.downloadUrlPlaceholder')} aria-label={t('teach.lessonEditor.downloadUrl')} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => removeRow(row.name)} aria-label={t('teach.lessonEditor.downloadRemove')} />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Flex gap={8} wrap>
                  <Button icon={<PlusOutlined />} onClick={() => add({ title: { zh: '', en: '' }, url: '' })} disabled={rows.length >= MAX_DOWNLOADS} data-testid="teach-download-add">
                    {t('teach.lessonEditor.downloadAdd')}
                  </Button>
                  <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => downloadFileRef.current?.click()} disabled={rows.length >= MAX_DOWNLOADS} data-testid="teach-download-upload">
                    {t('teach.lessonEditor.downloadUpload')}
                  </Button>
                  <input
                    ref={downloadFileRef}
                    type="file"
                    style={{ display: 'none' }}
                    accept=".pdf,.docx,.xlsx,.pptx,.txt,.csv,.md,.png,.jpg,.jpeg,.gif,.webp,.mp3"
                    onChange={(event) => {
                      const file = event.target.files?.[0];
                      event.target.value = '';
                      if (file) uploadDownload(file);
                    }}
                    data-testid="teach-download-file"
                  />
                  <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                    {t('teach.lessonEditor.downloadUploadHint')}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t('teach.lessonEditor.quiz')} variant="borderless" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{t('teach.lessonEditor.quizHint')}</Typography.Text>}>
          <Form.Item name="quizKeys" style={{ marginBottom: 0 }}>
            <QuizPicker />
          </Form.Item>
        </Card>
      </Form>
    </div>
  );
}
