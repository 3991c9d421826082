import { EditOutlined } from '@ant-design/icons';
import { POINT_RULE_KEYS } from '@calmdesk/shared';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Segmented, Select, Skeleton, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople, useTeams } from '../../../api/admin';
import { useAddManualPoints, usePointLedger, usePointRanking, usePointRules, useUpdatePointRules, type TLedgerQuery, type TPointEntry, type TPointRanking, type TPointRule, type TPointRuleKey } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useFormErrorHandler } from '../../../hooks/use-form-error-handler';
import { EntrySource, PointsValue, when } from './labels';
import { currentPeriods, todayInChina } from './periods';

type TManualForm = { userId?: string; points?: number | null; reason?: string };

/** A manual entry (+ or −) with a reason, by the training group. */
export function ManualPointsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TManualForm>();
  const onError = useFormErrorHandler(form);
  const people = usePeople(open);
  const add = useAddManualPoints();
  const submit = (values: TManualForm) => {
    if (!values.userId || !values.points || !values.reason) return;
    add.mutate(
      { userId: values.userId, points: values.points, reason: values.reason.trim() },
      {
        onSuccess: (entry) => {
          void message.success(t('people.points.manualSaved', { name: entry.user.displayName, points: entry.points > 0 ? `+${entry.points}` : entry.points }));
          form.resetFields();
          onClose();
        },
        onError: (err) => onError(err),
      },
    );
  };
  return (
    <Modal open={open} title={t('people.points.manualTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} okButtonProps={{ loading: add.isPending, 'data-testid': 'points-manual-submit' } as never} destroyOnHidden>
      <Form<TManualForm> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        <Form.Item name="userId" label={t('people.fields.person')} rules={[{ required: true, message: t('people.records.form.personRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.isPending}
            options={(people.data ?? []).map((person) => ({ value: person.id, label: person.teams.length > 0 ? `${person.displayName}（${person.teams.map((team) => team.name).join('、')}）` : person.displayName }))}
            data-testid="points-manual-person"
          />
        </Form.Item>
        <Form.Item
          name="points"
          label={t('people.points.points')}
          extra={t('people.points.pointsHelp')}
          rules={[
            { required: true, message: t('people.points.pointsRequired') },
            { validator: (_, value: number | null | undefined) => (value === 0 ? Promise.reject(new Error(t('people.points.pointsRequired'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber min={-1000} max={1000} precision={0} style={{ width: 160 }} data-testid="points-manual-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('people.points.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('people.points.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('people.points.reasonPlaceholder')} data-testid="points-manual-reason" />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('people.points.auditNote')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}

/** Ranking by points in a period (this month … all time), optionally one team. */
export function RankingPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const choices = currentPeriods(todayInChina());
  const [period, setPeriod] = useState(choices[2]!.period);
  const [teamId, setTeamId] = useState<string | undefined>();
  const teams = useTeams();
  const ranking = usePointRanking(period, teamId);
  return (
    <Card variant="borderless" data-testid="points-ranking">
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented value={period} onChange={(value) => setPeriod(String(value))} options={choices.map((choice) => ({ value: choice.period, label: t(`people.points.period.${choice.key}`, { period: choice.period }) }))} data-testid="points-ranking-period" />
        <Select allowClear placeholder={t('people.fields.teams')} style={{ width: 200 }} value={teamId} onChange={setTeamId} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
      </Flex>
      {ranking.isError && <Alert type="error" showIcon title={errorMessage(ranking.error)} />}
      <Table<TPointRanking['rows'][number]>
        rowKey={(row) => row.user.id}
        loading={ranking.isPending || ranking.isFetching}
        dataSource={ranking.data?.rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
        locale={{ emptyText: t('people.points.noRanking') }}
        onRow={(row) => ({ 'data-testid': `ranking-row-${row.user.id}`, 'data-name': row.user.displayName, 'data-points': row.points }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('people.points.rank'), dataIndex: 'rank', width: 70, render: (rank: number) => <Typography.Text strong style={{ color: rank <= 3 ? '#2f7d8c' : undefined }}>{rank}</Typography.Text> },
          { title: t('people.fields.person'), key: 'person', render: (_, row) => row.user.displayName },
          { title: t('people.fields.teams'), key: 'teams', render: (_, row) => row.teams.map((team) => team.name).join('、') || '—' },
          { title: t('people.points.points'), key: 'points', width: 100, align: 'right', render: (_, row) => <PointsValue points={row.points} /> },
          { title: t('people.points.entries'), dataIndex: 'entries', width: 90, align: 'right' },
        ]}
      />
    </Card>
  );
}

const SOURCES = ['manual', 'rule', ...POINT_RULE_KEYS] as const;

/** The ledger: every entry, filtered by person, team, source and dates, with the filtered total. */
export function LedgerPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState<TLedgerQuery>({});
  const teams = useTeams();
  const people = usePeople();
  const ledger = usePointLedger(query);
  const set = (patch: TLedgerQuery) => setQuery((current) => ({ ...current, ...patch }));
  return (
    <Card variant="borderless" data-testid="points-ledger">
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('people.fields.person')}
          style={{ width: 180 }}
          value={query.userId}
          onChange={(userId) => set({ userId })}
          options={(people.data ?? []).map((person) => ({ value: person.id, label: person.displayName }))}
          data-testid="points-ledger-person"
        />
        <Select allowClear placeholder={t('people.fields.teams')} style={{ width: 200 }} value={query.teamId} onChange={(teamId) => set({ teamId })} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        <Select
          allowClear
          placeholder={t('people.points.source')}
          style={{ width: 180 }}
          value={query.source}
          onChange={(source) => set({ source })}
          options={SOURCES.map((source) => ({ value: source, label: source === 'manual' ? t('people.points.manual') : source === 'rule' ? t('people.points.anyRule') : t(`people.points.rule.${source}`) }))}
          data-testid="points-ledger-source"
        />
        <DatePicker.RangePicker value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null} onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })} />
      </Flex>
      {ledger.isError && <Alert type="error" showIcon title={errorMessage(ledger.error)} />}
      <Table<TPointEntry>
        rowKey="id"
        loading={ledger.isPending || ledger.isFetching}
        dataSource={ledger.data?.entries ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        size="middle"
        locale={{ emptyText: t('people.points.noEntries') }}
        onRow={(entry) => ({ 'data-testid': `ledger-row-${entry.id}`, 'data-person': entry.user.displayName }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('people.points.date'), key: 'date', width: 150, render: (_, entry) => when(entry.createdAt) },
          { title: t('people.fields.person'), key: 'person', width: 110, render: (_, entry) => entry.user.displayName },
          { title: t('people.points.source'), key: 'source', width: 170, render: (_, entry) => <EntrySource entry={entry} /> },
          { title: t('people.points.reason'), dataIndex: 'reason' },
          { title: t('people.points.points'), key: 'points', width: 90, align: 'right', render: (_, entry) => <PointsValue points={entry.points} /> },
        ]}
        summary={() =>
          ledger.data && ledger.data.entries.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('people.points.total', { count: ledger.data.entries.length })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span data-testid="points-ledger-total">
                  <PointsValue points={ledger.data.total} />
                </span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

/** Rules with a threshold: what it means for each. */
const HAS_THRESHOLD: readonly TPointRuleKey[] = ['roleplay_score', 'clean_month'];

/** The rules: points per rule, the threshold where one applies, on or off; saved together and audited. */
export function RulesPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const rules = usePointRules();
  const update = useUpdatePointRules();
  const [draft, setDraft] = useState<TPointRule[]>([]);
  useEffect(() => {
    if (rules.data) setDraft(rules.data);
  }, [rules.data]);
  if (rules.isPending) return <Skeleton active />;
  if (rules.isError) return <Alert type="error" showIcon title={errorMessage(rules.error)} />;
  const change = (key: TPointRuleKey, patch: Partial<TPointRule>) => setDraft((current) => current.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)));
  const isDirty = JSON.stringify(draft) !== JSON.stringify(rules.data);
  const save = () =>
    update.mutate(
      draft.map((rule) => ({ key: rule.key, points: rule.points, threshold: HAS_THRESHOLD.includes(rule.key) ? rule.threshold : null, isEnabled: rule.isEnabled })),
      { onSuccess: () => void message.success(t('people.points.rulesSaved')), onError: (err) => void message.error(errorMessage(err)) },
    );
  return (
    <Card
      variant="borderless"
      data-testid="points-rules"
      extra={
        canEdit && (
          <Button type="primary" icon={<EditOutlined />} disabled={!isDirty} loading={update.isPending} onClick={save} data-testid="points-rules-save">
            {t('people.points.saveRules')}
          </Button>
        )
      }
      title={t('people.points.rulesTitle')}
    >
      <Typography.Paragraph type="secondary">{t('people.points.rulesIntro')}</Typography.Paragraph>
      <Table<TPointRule>
        rowKey="key"
        dataSource={draft}
        pagination={false}
        size="middle"
        onRow={(rule) => ({ 'data-testid': `points-rule-${rule.key}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('people.points.rule.title'),
            key: 'rule',
            render: (_, rule) => (
              <Flex vertical gap={2}>
                <Typography.Text strong>{t(`people.points.rule.${rule.key}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`people.points.ruleHelp.${rule.key}`)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('people.points.threshold'),
            key: 'threshold',
            width: 170,
            render: (_, rule) =>
              HAS_THRESHOLD.includes(rule.key) ? (
                <InputNumber
                  min={rule.key === 'roleplay_score' ? 1 : 1}
                  max={rule.key === 'roleplay_score' ? 100 : 1000}
                  precision={0}
                  disabled={!canEdit}
                  value={rule.threshold}
                  onChange={(value) => change(rule.key, { threshold: value ?? null })}
                  suffix={t(rule.key === 'roleplay_score' ? 'people.points.scoreUnit' : 'people.points.conversationsUnit')}
                  style={{ width: 140 }}
                  data-testid={`points-rule-threshold-${rule.key}`}
                />
              ) : (
                '—'
              ),
          },
          {
            title: t('people.points.points'),
            key: 'points',
            width: 130,
            render: (_, rule) => (
              <InputNumber min={0} max={1000} precision={0} disabled={!canEdit} value={rule.points} onChange={(value) => change(rule.key, { points: value ?? 0 })} style={{ width: 100 }} data-testid={`points-rule-points-${rule.key}`} />
            ),
          },
          {
            title: t('people.points.enabled'),
            key: 'enabled',
            width: 90,
            render: (_, rule) => <Switch checked={rule.isEnabled} disabled={!canEdit} onChange={(isEnabled) => change(rule.key, { isEnabled })} data-testid={`points-rule-enabled-${rule.key}`} />,
          },
        ]}
      />
    </Card>
  );
}
