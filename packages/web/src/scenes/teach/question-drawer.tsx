import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { useSaveQuestion, type TQuestionFull } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { MAX_TAGS } from './course-fields';
import { DIFFICULTIES, useTeachLabels } from './labels';
import { OptionRowsInput } from './option-rows-input';
import { emptyQuestionValues, questionIssueField, questionToValues, QUESTION_TYPES, valuesToQuestionInput, type TOptionRow, type TQuestionFormValues } from './question-form';

/**
 * Creates or edits a bank question. The fields follow the type: options a–h with the right
 * one(s) marked for choices, the right answer for true/false, reference points and a rubric
 * (required) for short answers. The server's issues show on the field they concern.
 * @param props.question the question to edit, or null for a new one
 * @param props.open whether the drawer shows
 * @param props.tagOptions tags already in the bank, offered for picking
 * @param props.initialTag the tag a new question starts with
 */
export function QuestionDrawer({ question, open, onClose, tagOptions, initialTag }: { question: TQuestionFull | null; open: boolean; onClose: () => void; tagOptions: string[]; initialTag?: string | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const [form] = Form.useForm<TQuestionFormValues>();
  const save = useSaveQuestion();
  const type = Form.useWatch('type', form) ?? 'single';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(question ? questionToValues(question) : emptyQuestionValues(initialTag));
  }, [open, question, initialTag, form]);

  // onFinish hands over the mounted fields only; the other type's fields are kept in the store.
  const submit = () => {
    const values = { ...emptyQuestionValues(), ...(form.getFieldsValue(true) as Partial<TQuestionFormValues>) };
    save.mutate(
      { id: question?.id ?? null, body: valuesToQuestionInput(values, question?.key) },
      {
        onSuccess: (saved) => {
          void message.success(question ? t('common.saved') : t('teach.questionDrawer.created', { key: saved.key }));
          onClose();
        },
        onError: (err) => {
          const appError = AppError.parseError(err);
          if (appError.issues.length === 0) {
            void message.error(appError.code === 'CONFLICT' || appError.code === 'VALIDATION_FAILED' ? `${errorMessage(appError)}（${appError.message}）` : errorMessage(appError));
            return;
          }
          const byField = new Map<keyof TQuestionFormValues, string[]>();
          for (const issue of appError.issues) {
            const field = questionIssueField(issue.path, values.type);
            byField.set(field, [...(byField.get(field) ?? []), t('errors.fieldInvalid', { message: issue.message })]);
          }
          form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        },
      },
    );
  };

  const optionRules = [
    {
      validator: (_: unknown, rows: TOptionRow[] | undefined) => {
        const filled = (rows ?? []).filter((row) => row.text.trim() !== '');
        if (filled.length < 2) return Promise.reject(new Error(t('teach.questionDrawer.needTwoOptions')));
        const right = filled.filter((row) => row.isCorrect).length;
        if (right === 0) return Promise.reject(new Error(t('teach.questionDrawer.markRight')));
        if (type === 'single' && right > 1) return Promise.reject(new Error(t('teach.questionDrawer.oneRight')));
        return Promise.resolve();
      },
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      forceRender
      title={question ? t('teach.questionDrawer.editTitle', { key: question.key }) : t('teach.questionDrawer.createTitle')}
      size={640}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="teach-question-save">
            {question ? t('common.save') : t('teach.questionDrawer.createSubmit')}
          </Button>
        </Flex>
      }
    >
      {question && question.usedInLessons > 0 && (
        <Typography.Paragraph type="secondary">{t('teach.questionDrawer.usedNote', { count: question.usedInLessons })}</Typography.Paragraph>
      )}
      <Form<TQuestionFormValues> form={form} layout="vertical" onFinish={submit} initialValues={emptyQuestionValues(initialTag)}>
        <Form.Item name="type" label={t('teach.questionDrawer.type')}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {QUESTION_TYPES.map((code) => (
              <Radio.Button key={code} value={code}>
                <span data-testid={`teach-question-type-${code}`}>{labels.questionType(code)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="difficulty" label={t('teach.questionDrawer.difficulty')}>
            <Radio.Group optionType="button">
              {DIFFICULTIES.map((level) => (
                <Radio.Button key={level} value={level}>
                  <span data-testid={`teach-question-difficulty-${level}`}>{labels.difficulty(level)}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="tags"
            label={t('teach.questionDrawer.tags')}
            style={{ flex: 1, minWidth: 240 }}
            rules={[
              { required: true, type: 'array', min: 1, message: t('teach.questionDrawer.tagsRequired') },
              { type: 'array', max: MAX_TAGS, message: t('teach.common.tooManyTags', { count: MAX_TAGS }) },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} options={tagOptions.map((tag) => ({ value: tag, label: tag }))} placeholder={t('teach.questionDrawer.tagsPlaceholder')} data-testid="teach-question-tags" />
          </Form.Item>
        </Flex>
        <Form.Item name="stem" label={t('teach.questionDrawer.stem')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="teach-question-stem" />
        </Form.Item>
        {(type === 'single' || type === 'multiple') && (
          <Form.Item name="options" label={type === 'single' ? t('teach.questionDrawer.optionsSingle') : t('teach.questionDrawer.optionsMultiple')} rules={optionRules}>
            <OptionRowsInput type={type} />
          </Form.Item>
        )}
        {type === 'true_false' && (
          <Form.Item name="truth" label={t('teach.questionDrawer.truth')}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="true">
                <span data-testid="teach-question-truth-true">{t('teach.questionDrawer.true')}</span>
              </Radio.Button>
              <Radio.Button value="false">
                <span data-testid="teach-question-truth-false">{t('teach.questionDrawer.false')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        )}
        {type === 'short_answer' && (
          <>
            <Form.Item label={t('teach.questionDrawer.keyPoints')} extra={t('teach.questionDrawer.keyPointsHint')} required>
              <Form.List
                name="keyPoints"
                rules={[
                  {
                    validator: (_, points: string[] | undefined) =>
                      (points ?? []).some((point) => (point ?? '').trim() !== '') ? Promise.resolve() : Promise.reject(new Error(t('teach.questionDrawer.keyPointsRequired'))),
                  },
                ]}
              >
                {(rows, { add, remove }, { errors }) => (
                  <Flex vertical gap={8}>
                    {rows.map((row, index) => (
                      <Flex key={row.key} gap={8} align="center">
                        <Typography.Text type="secondary" style={{ width: 16, flex: 'none' }}>
                          {index + 1}
                        </Typography.Text>
                        <Form.Item name={row.name} noStyle>
                          <Input maxLength={1000} placeholder={t('teach.questionDrawer.keyPointPlaceholder')} aria-label={t('teach.questionDrawer.keyPointPlaceholder')} data-testid={`teach-question-point-${index}`} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} disabled={rows.length <= 1} onClick={() => remove(row.name)} aria-label={t('teach.questionDrawer.keyPointRemove')} />
                      </Flex>
                    ))}
                    <Form.ErrorList errors={errors} />
                    <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={rows.length >= 8} style={{ alignSelf: 'flex-start' }} data-testid="teach-question-point-add">
                      {t('teach.questionDrawer.keyPointAdd')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="rubric" label={t('teach.questionDrawer.rubric')} extra={t('teach.questionDrawer.rubricHint')} rules={[{ required: true, whitespace: true, message: t('teach.questionDrawer.rubricRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="teach-question-rubric" />
            </Form.Item>
          </>
        )}
        <Form.Item name="explanation" label={t('teach.questionDrawer.explanation')} extra={t('teach.questionDrawer.explanationHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="teach-question-explanation" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
