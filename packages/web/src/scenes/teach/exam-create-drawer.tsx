import { App, Button, Col, Drawer, Flex, Form, InputNumber, Row, Select, Slider, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { useCourseCatalogue, useCreateExam, useQuestionBank } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { BilingualFields } from './bilingual-fields';
import { availableFromIssue, countMatchingQuestions } from './exam-form';
import { useTeachLabels } from './labels';

interface TExamFormValues {
  title: { zh: string; en: string };
  courseId?: string | null;
  tags: string[];
  difficulty: [number, number];
  questionCount: number;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
}

const INITIAL: TExamFormValues = { title: { zh: '', en: '' }, courseId: null, tags: [], difficulty: [1, 3], questionCount: 10, timeLimitMinutes: 30, passMark: 60, maxAttempts: 2 };
const FIELD_BY_ISSUE: Record<string, keyof TExamFormValues> = { minDifficulty: 'difficulty', maxDifficulty: 'difficulty' };

/**
 * 新建考试 (trainers): an exam drawn from the question bank by tags and a difficulty range,
 * with its number of questions, time limit, pass mark and attempts (make-ups included). Shows
 * as it is filled in how many bank questions match; the server's "only N match" goes on the field.
 * @param props.open whether the drawer shows
 * @param props.onCreated called with the new exam's id
 */
export function ExamCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (examId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const [form] = Form.useForm<TExamFormValues>();
  const create = useCreateExam();
  const bankQuery = useQuestionBank({ includeRetired: false }, open);
  const coursesQuery = useCourseCatalogue();
  const tags = Form.useWatch('tags', form) ?? [];
  const difficulty = Form.useWatch('difficulty', form) ?? INITIAL.difficulty;
  const available = useMemo(() => countMatchingQuestions(bankQuery.data?.questions ?? [], tags, difficulty[0], difficulty[1]), [bankQuery.data, tags, difficulty]);

  useEffect(() => {
    if (open) form.setFieldsValue(INITIAL);
  }, [open, form]);

  const submit = (values: TExamFormValues) =>
    create.mutate(
      {
        title: { zh: values.title.zh.trim(), en: values.title.en.trim() },
        courseId: values.courseId ?? null,
        tags: values.tags,
        minDifficulty: values.difficulty[0],
        maxDifficulty: values.difficulty[1],
        questionCount: values.questionCount,
        timeLimitMinutes: values.timeLimitMinutes,
        passMark: values.passMark,
        maxAttempts: values.maxAttempts,
      },
      {
        onSuccess: (exam) => {
          void message.success(t('teach.examForm.created'));
          onClose();
          onCreated(exam.id);
        },
        onError: (err) => {
          const appError = AppError.parseError(err);
          if (appError.issues.length === 0) {
            void message.error(errorMessage(appError));
            return;
          }
          const fields = new Map<string, string[]>();
          for (const issue of appError.issues) {
            const head = issue.path.split(/[./]/).filter((part) => part !== '' && part !== 'body')[0] ?? '';
            const field = FIELD_BY_ISSUE[head] ?? (head in INITIAL ? head : 'questionCount');
            const max = head === 'questionCount' ? availableFromIssue(issue.message) : null;
            const text = max !== null ? t('teach.examForm.onlyN', { count: max }) : t('errors.fieldInvalid', { message: issue.message });
            fields.set(field, [...(fields.get(field) ?? []), text]);
          }
          form.setFields([...fields].map(([name, errors]) => ({ name: name as keyof TExamFormValues, errors })));
        },
      },
    );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      forceRender
      title={t('teach.examForm.title')}
      size={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="teach-exam-save">
            {t('teach.examForm.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<TExamFormValues> form={form} layout="vertical" onFinish={submit} initialValues={INITIAL}>
        <BilingualFields name="title" label={t('teach.examForm.fieldTitle')} maxLength={200} testId="teach-exam-title" />
        <Form.Item name="courseId" label={t('teach.examForm.fieldCourse')} extra={t('teach.examForm.courseHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('teach.examForm.noCourse')}
            loading={coursesQuery.isPending}
            options={(coursesQuery.data ?? []).map((course) => ({ value: course.id, label: labels.text(course.title) }))}
            data-testid="teach-exam-course"
          />
        </Form.Item>
        <Form.Item name="tags" label={t('teach.examForm.fieldTags')} extra={t('teach.examForm.tagsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('teach.examForm.tagsRequired') }]}>
          <Select
            mode="multiple"
            loading={bankQuery.isPending}
            placeholder={t('teach.examForm.tagsPlaceholder')}
            options={(bankQuery.data?.tags ?? []).map((entry) => ({ value: entry.tag, label: `${entry.tag} (${entry.count})` }))}
            optionFilterProp="value"
            data-testid="teach-exam-tags"
          />
        </Form.Item>
        <Form.Item name="difficulty" label={t('teach.examForm.fieldDifficulty')}>
          <Slider range min={1} max={3} step={1} marks={{ 1: labels.difficulty(1), 2: labels.difficulty(2), 3: labels.difficulty(3) }} tooltip={{ formatter: (value) => labels.difficulty(value ?? 1) }} style={{ marginInline: 16 }} data-testid="teach-exam-difficulty" />
        </Form.Item>
        <Typography.Paragraph type={tags.length > 0 && available === 0 ? 'danger' : 'secondary'} data-testid="teach-exam-available">
          {tags.length === 0 ? t('teach.examForm.pickTags') : t('teach.examForm.available', { count: available })}
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="questionCount" label={t('teach.examForm.fieldCount')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} data-testid="teach-exam-count" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="timeLimitMinutes" label={t('teach.examForm.fieldTime')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} suffix={t('teach.lessonEditor.minutesUnit')} data-testid="teach-exam-time" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="passMark" label={t('teach.examForm.fieldPass')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} suffix={t('teach.examForm.points')} data-testid="teach-exam-pass" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="maxAttempts" label={t('teach.examForm.fieldAttempts')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} data-testid="teach-exam-attempts" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('teach.examForm.attemptsHint')}</Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
