import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { PERSON_RECORD_KINDS, type TCreateRecordRequest } from '@calmdesk/shared';
import { Alert, App, Button, Card, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams } from '../../../api/admin';
import { useCourses } from '../../../api/learning';
import { useCreateRecord, useRecords, type TRecordList, type TRecordQuery } from '../../../api/people';
import { useScenarios } from '../../../api/roleplay';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useFormErrorHandler } from '../../../hooks/use-form-error-handler';
import { OpsHeader } from '../ops-header';
import { useText } from './labels';
import { RecordsTable } from './records-table';

type TKind = (typeof PERSON_RECORD_KINDS)[number];
type TRecordForm = { userId?: string; kind: TKind; sourceType: 'complaint' | 'manual'; sourceRef?: string; reason?: string; points?: number | null; courseId?: string | null; scenarioId?: string | null; dueDate?: Dayjs | null };

/**
 * Adds a record: the person, what kind, why (and the complaint's reference), points for a
 * deduction, and for re-training a course and/or a role-play scenario that are assigned at once.
 */
function RecordDrawer({ open, people, onClose }: { open: boolean; people: TRecordList['people']; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useText();
  const [form] = Form.useForm<TRecordForm>();
  const onError = useFormErrorHandler(form);
  const create = useCreateRecord();
  const courses = useCourses();
  const scenarios = useScenarios();
  const kind = Form.useWatch('kind', form);
  const sourceType = Form.useWatch('sourceType', form);
  const submit = (values: TRecordForm) => {
    if (!values.userId || !values.reason) return;
    if (values.kind === 'retraining' && !values.courseId && !values.scenarioId) {
      form.setFields([{ name: 'courseId', errors: [t('people.records.form.retrainingNeedsOne')] }]);
      return;
    }
    const body: TCreateRecordRequest = {
      userId: values.userId,
      kind: values.kind,
      reason: values.reason.trim(),
      sourceType: values.sourceType,
      sourceRef: values.sourceType === 'complaint' && values.sourceRef?.trim() ? values.sourceRef.trim() : null,
      points: values.kind === 'deduction' ? (values.points ?? null) : null,
      courseId: values.kind === 'retraining' ? (values.courseId ?? null) : null,
      scenarioId: values.kind === 'retraining' ? (values.scenarioId ?? null) : null,
      dueDate: values.kind === 'retraining' && values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
    };
    create.mutate(body, {
      onSuccess: (record) => {
        void message.success(t('people.records.form.saved', { name: record.user.displayName }));
        form.resetFields();
        onClose();
      },
      onError: (err) => onError(err, { CONFLICT: { field: 'sourceRef', message: t('people.records.form.duplicate') } }),
    });
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('people.records.form.title')}
      size={520}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending} data-testid="record-form-submit">
            {t('people.records.form.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<TRecordForm> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'warning', sourceType: 'complaint' }} requiredMark="optional">
        <Form.Item name="userId" label={t('people.fields.person')} rules={[{ required: true, message: t('people.records.form.personRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.records.form.personPlaceholder')}
            options={people.map((person) => ({ value: person.id, label: person.teams.length > 0 ? `${person.displayName}（${person.teams.map((team) => team.name).join('、')}）` : person.displayName }))}
            data-testid="record-form-person"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('people.records.kindLabel')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={PERSON_RECORD_KINDS.map((value) => ({ value, label: t(`people.records.kind.${value}`) }))} data-testid="record-form-kind" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 13 }}>
          {t(`people.records.kindHelp.${kind ?? 'warning'}`)}
        </Typography.Paragraph>
        <Form.Item name="sourceType" label={t('people.records.form.source')} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'complaint', label: t('people.records.source.complaint') }, { value: 'manual', label: t('people.records.source.manual') }]} />
        </Form.Item>
        {sourceType === 'complaint' && (
          <Form.Item name="sourceRef" label={t('people.records.form.ref')} extra={t('people.records.form.refHelp')}>
            <Input maxLength={100} placeholder="TB2026110388" data-testid="record-form-ref" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('people.records.reason')} rules={[{ required: true, whitespace: true, message: t('people.records.form.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('people.records.form.reasonPlaceholder')} data-testid="record-form-reason" />
        </Form.Item>
        {kind === 'deduction' && (
          <Form.Item name="points" label={t('people.records.form.points')} extra={t('people.records.form.pointsHelp')} rules={[{ required: true, message: t('people.records.form.pointsRequired') }]}>
            <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} data-testid="record-form-points" />
          </Form.Item>
        )}
        {kind === 'retraining' && (
          <>
            <Form.Item name="courseId" label={t('people.records.form.course')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('people.records.form.coursePlaceholder')}
                loading={courses.isPending}
                options={(courses.data ?? []).map((course) => ({ value: course.id, label: text(course.title) }))}
                data-testid="record-form-course"
              />
            </Form.Item>
            <Form.Item name="scenarioId" label={t('people.records.form.scenario')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('people.records.form.scenarioPlaceholder')}
                loading={scenarios.isPending}
                options={(scenarios.data ?? []).filter((scenario) => scenario.status !== 'draft').map((scenario) => ({ value: scenario.id, label: text(scenario.title) }))}
                data-testid="record-form-scenario"
              />
            </Form.Item>
            <Form.Item name="dueDate" label={t('people.records.form.dueDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isBefore(dayjs(), 'day')} data-testid="record-form-due" />
            </Form.Item>
          </>
        )}
        <Alert type="info" showIcon title={t('people.records.form.notice')} />
      </Form>
    </Drawer>
  );
}

/**
 * 人员记录 at /operations/records: warnings, performance deductions, mandatory re-training and
 * discipline of the supervisor's teams (training group: everyone), filtered by person, team,
 * kind, source and dates; adding one notifies the person.
 */
export default function RecordsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const teams = useTeams();
  const [query, setQuery] = useState<TRecordQuery>({});
  const [isAdding, setIsAdding] = useState(false);
  const records = useRecords(query);
  const set = (patch: TRecordQuery) => setQuery((current) => ({ ...current, ...patch }));
  return (
    <div data-testid="records-page">
      <OpsHeader
        tab="records"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="records-add">
            {t('people.records.add')}
          </Button>
        }
      />
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('people.records.privacy')} style={{ marginBottom: 16 }} data-testid="records-privacy" />
      {records.isError && <Alert type="error" showIcon title={errorMessage(records.error)} style={{ marginBottom: 16 }} />}
      <Card variant="borderless">
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.fields.person')}
            style={{ width: 180 }}
            value={query.userId}
            onChange={(userId) => set({ userId })}
            options={(records.data?.people ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
            data-testid="records-filter-person"
          />
          <Select allowClear placeholder={t('people.fields.teams')} style={{ width: 200 }} value={query.teamId} onChange={(teamId) => set({ teamId })} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
          <Select
            allowClear
            placeholder={t('people.records.kindLabel')}
            style={{ width: 140 }}
            value={query.kind}
            onChange={(kind) => set({ kind })}
            options={PERSON_RECORD_KINDS.map((kind) => ({ value: kind, label: t(`people.records.kind.${kind}`) }))}
            data-testid="records-filter-kind"
          />
          <Select
            allowClear
            placeholder={t('people.records.form.source')}
            style={{ width: 140 }}
            value={query.sourceType}
            onChange={(sourceType) => set({ sourceType })}
            options={(['complaint', 'absence', 'manual'] as const).map((value) => ({ value, label: t(`people.records.source.${value}`) }))}
          />
          <DatePicker.RangePicker
            value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </Flex>
        <RecordsTable records={records.data?.records ?? []} isLoading={records.isPending || records.isFetching} showPerson emptyText={t('people.records.empty')} />
      </Card>
      <RecordDrawer open={isAdding} people={records.data?.people ?? []} onClose={() => setIsAdding(false)} />
    </div>
  );
}
