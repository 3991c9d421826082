import { ArrowLeftOutlined, CheckCircleOutlined, PlayCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Flex, Form, Row, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AppError } from '../../api/client';
import { useStartQaImport, type TQaImport, type TQaPreview } from '../../api/qa';
import { useErrorMessage } from '../../hooks/use-error-message';
import {
  cellText,
  distinctValues,
  formToMapping,
  initialMappingForm,
  MAPPING_FIELDS,
  mappingIssues,
  readPreviewRow,
  REQUIRED_FIELDS,
  ROLE_GROUPS,
  suggestRoleValues,
  unplacedRoleValues,
  type TMappingField,
  type TMappingForm,
} from './mapping-form';

type TFormValues = TMappingForm & { sourceName: string };
type TPreviewTableRow = { key: number; rowNumber: number | null; cells: Record<string, unknown>; error: string | null };

/** Below this the server's suggestion is a guess worth checking field by field (qa/mapping.ts). */
const CONFIDENT = 0.6;
const SOURCE_NAME_MAX = 120;
const ROLE_TAG_COLOR = { customer: 'orange', agent: 'cyan', system: 'default' } as const;

/**
 * Step 2 of a new import: the file's first rows, a column per field (pre-filled from the
 * chosen source's remembered mapping or the server's suggestion), which role values mean
 * customer, agent and system, and the source's name; then start, and on to the progress page.
 * @param props.item the uploaded import
 * @param props.preview its preview
 * @param props.onBack back to choosing a file
 */
export function MappingStep({ item, preview, onBack }: { item: TQaImport; preview: TQaPreview; onBack: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const start = useStartQaImport();
  const [form] = Form.useForm<TFormValues>();
  const initialValues = useMemo<TFormValues>(() => ({ ...initialMappingForm(preview), sourceName: '' }), [preview]);

  const roleColumn = Form.useWatch('role', form) as string | undefined;
  const roleValues = (Form.useWatch('roleValues', form) as TMappingForm['roleValues'] | undefined) ?? initialValues.roleValues;
  const watched = Form.useWatch([], form) as Partial<TFormValues> | undefined;
  const seen = useMemo(() => distinctValues(preview.rows, roleColumn), [preview.rows, roleColumn]);
  const unplaced = unplacedRoleValues(roleValues, seen.map((entry) => entry.value));
  const isConfident = preview.suggested.confidence >= CONFIDENT;

  const headerOptions = preview.headers.map((header) => ({ value: header, label: header }));
  const roleOptions = seen.map((entry) => ({ value: entry.value, label: entry.value }));
  const fieldsByColumn = useMemo(() => {
    const map = new Map<string, TMappingField[]>();
    for (const field of MAPPING_FIELDS) {
      const column = watched?.[field];
      if (column) map.set(column, [...(map.get(column) ?? []), field]);
    }
    return map;
  }, [watched]);

  /** Choosing a known source applies the mapping remembered for it. */
  const applySource = (name: string) => {
    const remembered = preview.sources.find((source) => source.name === name);
    form.setFieldsValue(initialMappingForm(preview, name));
    if (remembered?.mapping) void message.info(t('qa.wizard.rememberedApplied', { name }));
  };

  /** A new role column: its values placed again, from the suggestion when it chose this column. */
  const onValuesChange = (changed: Partial<TFormValues>) => {
    if (!('role' in changed)) return;
    const values = distinctValues(preview.rows, changed.role).map((entry) => entry.value);
    const known = preview.suggested.mapping.role === changed.role ? preview.suggested.mapping.roleValues : undefined;
    form.setFieldValue('roleValues', suggestRoleValues(values, known));
  };

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const started = await start.mutateAsync({ id: item.id, body: { sourceName: values.sourceName.trim(), mapping: formToMapping(values) } });
      // Replace the wizard's address: back from the progress page goes to the list, not to a mapping already used.
      navigate(`/qa/imports/${started.id}`, { replace: true });
    } catch (err) {
      const appError = AppError.parseError(err);
      if (appError.code === 'CONFLICT') {
        navigate(`/qa/imports/${item.id}`, { replace: true });
        return;
      }
      const issues = mappingIssues(appError.issues);
      const fields = Object.entries(issues) as [TMappingField, string][];
      if (fields.length > 0) form.setFields(fields.map(([name, issue]) => ({ name, errors: [t('qa.wizard.noSuchColumn', { message: issue })] })));
      else void message.error(`${errorMessage(appError)} ${appError.message}`);
    }
  };

  const tableRows: TPreviewTableRow[] = preview.rows.map((row, index) => ({ key: index, ...readPreviewRow(row) }));
  const columns: TableProps<TPreviewTableRow>['columns'] = [
    { key: '#', title: t('qa.wizard.colRow'), width: 64, fixed: 'left', render: (_, row) => <Typography.Text type="secondary">{row.rowNumber ?? row.key + 1}</Typography.Text> },
    ...preview.headers.map((header) => ({
      key: header,
      title: (
        <Flex vertical gap={2}>
          <span>{header}</span>
          <Flex gap={2} wrap>
            {(fieldsByColumn.get(header) ?? []).map((field) => (
              <Tag key={field} color="cyan" style={{ marginInlineEnd: 0, fontWeight: 400 }}>
                {t(`qa.fields.${field}`)}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ),
      width: 160,
      ellipsis: { showTitle: false },
      render: (_: unknown, row: TPreviewTableRow) => {
        if (row.error !== null) return header === preview.headers[0] ? <Typography.Text type="danger">{row.error}</Typography.Text> : null;
        const text = cellText(row.cells[header]);
        return (
          <Tooltip title={text.length > 12 ? text : undefined} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        );
      },
    })),
  ];

  return (
    <Form<TFormValues> form={form} layout="vertical" initialValues={initialValues} onValuesChange={onValuesChange} requiredMark data-testid="qa-mapping">
      <Alert
        type={isConfident ? 'success' : 'warning'}
        showIcon
        icon={isConfident ? <CheckCircleOutlined /> : <WarningOutlined />}
        title={isConfident ? t('qa.wizard.suggested') : t('qa.wizard.suggestedLow')}
        description={t('qa.wizard.fileRead', { name: item.fileName, format: preview.format.toUpperCase(), columns: preview.headers.length })}
        style={{ marginBottom: 16 }}
        data-testid="qa-mapping-suggested"
        data-confidence={preview.suggested.confidence}
      />

      <Card variant="borderless" title={t('qa.wizard.sourceTitle')} style={{ marginBottom: 16 }}>
        <Form.Item
          name="sourceName"
          label={t('qa.wizard.source')}
          extra={t('qa.wizard.sourceHelp')}
          rules={[
            { required: true, whitespace: true, message: t('qa.wizard.sourceRequired') },
            { max: SOURCE_NAME_MAX, message: t('qa.wizard.sourceTooLong', { max: SOURCE_NAME_MAX }) },
          ]}
          style={{ maxWidth: 480, marginBottom: 0 }}
        >
          <AutoComplete
            options={preview.sources.map((source) => ({ value: source.name, label: source.mapping ? t('qa.wizard.sourceRemembered', { name: source.name }) : source.name }))}
            onSelect={(name: string) => applySource(name)}
            placeholder={t('qa.wizard.sourcePlaceholder')}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase()) }}
            data-testid="qa-mapping-source"
          />
        </Form.Item>
      </Card>

      <Card variant="borderless" title={t('qa.wizard.columnsTitle')} style={{ marginBottom: 16 }}>
        <Row gutter={[16, 0]}>
          {MAPPING_FIELDS.map((field) => {
            const isRequired = REQUIRED_FIELDS.includes(field);
            return (
              <Col key={field} xs={24} sm={12} lg={6}>
                <Form.Item
                  name={field}
                  label={t(`qa.fields.${field}`)}
                  tooltip={t(`qa.fieldHelp.${field}`)}
                  rules={isRequired ? [{ required: true, message: t('qa.wizard.fieldRequired', { field: t(`qa.fields.${field}`) }) }] : []}
                >
                  <Select
                    options={headerOptions}
                    allowClear={!isRequired}
                    placeholder={isRequired ? t('qa.wizard.pickColumn') : t('qa.wizard.noColumn')}
                    showSearch={{ optionFilterProp: 'label' }}
                    data-testid={`qa-mapping-field-${field}`}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>

        <Typography.Title level={5} style={{ margin: '4px 0 4px' }}>
          {t('qa.wizard.roleValues')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('qa.wizard.roleValuesHelp', { column: roleColumn ?? t('common.none') })}
        </Typography.Paragraph>
        <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }} data-testid="qa-mapping-seen">
          <Typography.Text type="secondary">{t('qa.wizard.seenValues')}</Typography.Text>
          {seen.length === 0 && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
          {seen.map((entry) => {
            const group = ROLE_GROUPS.find((key) => roleValues[key].includes(entry.value));
            return (
              <Tag key={entry.value} color={group ? ROLE_TAG_COLOR[group] : 'red'} style={{ marginInlineEnd: 0 }}>
                {t('qa.wizard.seenValue', { value: entry.value, count: entry.count })}
              </Tag>
            );
          })}
        </Flex>
        <Row gutter={[16, 0]}>
          {ROLE_GROUPS.map((group) => (
            <Col key={group} xs={24} md={8}>
              <Form.Item
                name={['roleValues', group]}
                label={t(`qa.roles.${group}`)}
                rules={group === 'system' ? [] : [{ type: 'array', min: 1, message: t('qa.wizard.roleRequired', { role: t(`qa.roles.${group}`) }) }]}
              >
                <Select mode="tags" options={roleOptions} tokenSeparators={[',', '，']} placeholder={t('qa.wizard.rolePlaceholder')} data-testid={`qa-mapping-role-${group}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {unplaced.length > 0 && (
          <Alert type="warning" showIcon title={t('qa.wizard.unplaced', { values: unplaced.join(t('qa.listSeparator')) })} data-testid="qa-mapping-unplaced" />
        )}
      </Card>

      <Card variant="borderless" title={t('qa.wizard.previewTitle', { count: tableRows.length })} style={{ marginBottom: 16 }}>
        <Table<TPreviewTableRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={tableRows}
          pagination={false}
          scroll={{ x: 'max-content', y: 360 }}
          data-testid="qa-mapping-preview"
        />
      </Card>

      <Flex justify="space-between" align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('qa.wizard.otherFile')}
        </Button>
        <Flex align="center" gap={12} wrap>
          <Typography.Text type="secondary">{t('qa.masking')}</Typography.Text>
          <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={() => void submit().catch(() => undefined)} data-testid="qa-mapping-start">
            {t('qa.wizard.start')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
