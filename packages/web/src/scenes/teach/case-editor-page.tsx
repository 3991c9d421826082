import { ArrowLeftOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Radio, Result, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCaseSource, useDeleteCase, useSaveCase, type TCaseInput, type TCaseSource } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { LearningHeader } from '../learning/learning-header';
import { GOODS, useRoleplayLabels } from '../roleplay/labels';
import { BilingualFields } from './bilingual-fields';
import { MAX_TAGS } from './course-fields';
import { CASE_KINDS, useTeachLabels } from './labels';
import { MarkdownEditor } from './markdown-editor';
import { useLeaveGuard } from './use-leave-guard';
import { useServerIssues } from './use-server-issues';
import './teach.css';

type TCaseFormValues = Omit<TCaseInput, 'key'>;
const CASE_FIELDS = ['title.zh', 'title.en', 'kind', 'tags', 'goods', 'bodyMd'];

function caseToValues(source: TCaseSource): TCaseFormValues {
  return { title: { ...source.title }, kind: source.kind, tags: [...source.tags], goods: source.goods, bodyMd: source.bodyMd };
}

function valuesToCaseInput(values: TCaseFormValues, key?: string): TCaseInput {
  return {
    ...(key ? { key } : {}),
    title: { zh: values.title.zh.trim(), en: values.title.en.trim() },
    kind: values.kind,
    tags: [...new Set(values.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    goods: values.goods.trim(),
    bodyMd: values.bodyMd,
  };
}

/**
 * A case in the editor (trainers) at /learning/authoring/cases/:caseId, or a new one at
 * /learning/authoring/cases/new: titles, kind, goods, tags and the Markdown text (background,
 * dialogue, analysis, key points) with a live preview; own cases can be deleted.
 */
export default function CaseEditorPage() {
  const { caseId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const roleplayLabels = useRoleplayLabels();
  const isNew = caseId === undefined;
  const sourceQuery = useCaseSource(caseId);
  const save = useSaveCase();
  const remove = useDeleteCase();
  const [form] = Form.useForm<TCaseFormValues>();
  const onSaveError = useServerIssues(form, CASE_FIELDS);
  const source = sourceQuery.data;
  const blank = useMemo<TCaseFormValues>(() => ({ title: { zh: '', en: '' }, kind: 'good', tags: [], goods: 'other', bodyMd: t('teach.caseEditor.template') }), [t]);
  const [saved, setSaved] = useState<TCaseFormValues | null>(isNew ? blank : null);
  const values = Form.useWatch((all: TCaseFormValues) => all, { form, preserve: true }) as TCaseFormValues | undefined;
  const isDirty = saved !== null && values?.title !== undefined && JSON.stringify(valuesToCaseInput({ ...saved, ...values })) !== JSON.stringify(valuesToCaseInput(saved));
  const allowNavigation = useLeaveGuard(isDirty);

  useEffect(() => {
    if (!source) return;
    const loaded = caseToValues(source);
    setSaved(loaded);
    form.setFieldsValue(loaded);
    // Load once per case: a refetch must not wipe what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source?.id]);

  const header = <LearningHeader tab="authoring" />;
  const back = (
    <Link to="/learning/authoring?section=cases">
      <Button icon={<ArrowLeftOutlined />}>{t('teach.caseEditor.back')}</Button>
    </Link>
  );
  if (!isNew && sourceQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (!isNew && (sourceQuery.isError || !source)) {
    return (
      <div>
        {header}
        <Result status="error" title={sourceQuery.isError ? errorMessage(sourceQuery.error) : t('teach.caseEditor.notFound')} extra={back} data-testid="teach-case-missing" />
      </div>
    );
  }

  const submit = (next: TCaseFormValues) =>
    save.mutate(
      { id: source?.id ?? null, body: valuesToCaseInput({ ...saved!, ...next }, source?.key) },
      {
        onSuccess: (stored) => {
          const loaded = caseToValues(stored);
          setSaved(loaded);
          form.setFieldsValue(loaded);
          void message.success(t('common.saved'));
          if (isNew) {
            allowNavigation();
            navigate(`/learning/authoring/cases/${stored.id}`, { replace: true });
          }
        },
        onError: onSaveError,
      },
    );

  const confirmDelete = () => {
    if (!source) return;
    void modal.confirm({
      title: t('teach.caseEditor.deleteTitle', { title: labels.text(source.title) }),
      content: t('teach.caseEditor.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(source.id).then(
          () => {
            void message.success(t('teach.caseEditor.deleted'));
            allowNavigation();
            navigate('/learning/authoring?section=cases');
          },
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });
  };

  const goodsOptions = [...new Set<string>([...GOODS, ...(saved?.goods ? [saved.goods] : [])])].map((code) => ({ value: code, label: roleplayLabels.goods(code) }));

  return (
    <div data-testid="teach-case-editor">
      {header}
      <Flex className="cd-teach-editor-bar" align="center" gap={12} wrap>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {isNew ? t('teach.caseEditor.newTitle') : labels.text(source?.title ?? { zh: '', en: '' })}
        </Typography.Title>
        {source && <Tag color={source.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${source.origin}`)}</Tag>}
        {source?.isEdited && <Tag color="gold">{t('teach.common.edited')}</Tag>}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }} align="center">
          {isDirty && <Typography.Text type="warning">{t('teach.common.unsaved')}</Typography.Text>}
          {source?.origin === 'custom' && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="teach-case-delete">
              {t('common.delete')}
            </Button>
          )}
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} data-testid="teach-case-save">
            {isNew ? t('teach.caseEditor.create') : t('common.save')}
          </Button>
        </Flex>
      </Flex>
      {source?.origin === 'builtin' && <Alert type="info" showIcon title={t('teach.caseEditor.builtinNote')} style={{ marginBottom: 16 }} />}
      <Form<TCaseFormValues> form={form} layout="vertical" onFinish={submit} initialValues={saved ?? blank} scrollToFirstError={{ block: 'center' }}>
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <BilingualFields name="title" label={t('teach.caseEditor.fieldTitle')} maxLength={200} testId="teach-case-title" />
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('teach.caseEditor.fieldKind')}>
                <Radio.Group optionType="button" buttonStyle="solid" options={CASE_KINDS.map((code) => ({ value: code, label: <span data-testid={`teach-case-kind-${code}`}>{labels.caseKind(code)}</span> }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="goods" label={t('teach.caseEditor.fieldGoods')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={goodsOptions} data-testid="teach-case-goods" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="tags" label={t('teach.caseEditor.fieldTags')} rules={[{ type: 'array', max: MAX_TAGS, message: t('teach.common.tooManyTags', { count: MAX_TAGS }) }]}>
                <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} placeholder={t('teach.caseEditor.tagsPlaceholder')} data-testid="teach-case-tags" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('teach.caseEditor.body')} variant="borderless" extra={<Typography.Text type="secondary">{t('teach.caseEditor.bodyHint')}</Typography.Text>}>
          <Form.Item name="bodyMd" rules={[{ required: true, whitespace: true, message: t('teach.caseEditor.bodyRequired') }]} style={{ marginBottom: 0 }}>
            <MarkdownEditor testId="teach-case-body" />
          </Form.Item>
        </Card>
      </Form>
    </div>
  );
}
