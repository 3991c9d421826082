import { SESSION_KINDS, type TSurveyFinding } from '@calmdesk/shared';
import { Alert, App, Button, DatePicker, Flex, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../api/client';
import { useAddSurveyPlanItems, useSurveyPlanTargets, type TSurveyPlanItemsResult } from '../../../api/surveys';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useSurveyLabels } from './labels';
import { defaultPlanDate, findingGoal, findingTheme, type TFindingWords } from './plan-items';

type TKind = (typeof SESSION_KINDS)[number];
type TRow = { findingId: string; theme: string; goal: string; kind: TKind; date: string };
const NEW_PLAN = 'new';

/**
 * 转为计划项: the findings the trainer ticked become items of a draft or returned plan (or of a new
 * draft plan for the year): each with a theme from the finding (editable), the kind of session
 * and the date of its first session (next month by default). Submitted and approved plans are not
 * offered; the server refuses them too.
 */
export function PlanItemsModal({ surveyId, findings, open, onClose, onDone }: { surveyId: string; findings: readonly TSurveyFinding[]; open: boolean; onClose: () => void; onDone: (result: TSurveyPlanItemsResult) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const targetsQuery = useSurveyPlanTargets(open);
  const addItems = useAddSurveyPlanItems();
  const [target, setTarget] = useState<string>(NEW_PLAN);
  const [rows, setRows] = useState<TRow[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const today = dayjs().format('YYYY-MM-DD');
  const plans = useMemo(() => targetsQuery.data ?? [], [targetsQuery.data]);
  const planYear = plans.find((plan) => plan.id === target)?.year;

  const words = useMemo<TFindingWords>(
    () => ({
      theme: (topic, text) => {
        const key = topic === 'weak_point' || topic === 'stressor' || topic === 'complaint' || topic === 'satisfaction' ? topic : 'other';
        return t(`surveys.plan.themeFrom.${key}`, { text });
      },
      goalChoice: (values) => t('surveys.plan.goalChoice', values),
      goalLikert: (values) => t('surveys.plan.goalLikert', values),
    }),
    [t],
  );

  useEffect(() => {
    if (!open) return;
    setRowErrors({});
    setRows(findings.map((finding) => ({ findingId: finding.id, theme: findingTheme(finding, words), goal: findingGoal(finding, words), kind: finding.option === null ? 'roleplay_day' : 'classroom', date: defaultPlanDate(today) })));
  }, [open, findings, words, today]);

  useEffect(() => {
    // The newest editable plan of next month's year is the likely target; otherwise a new one.
    if (!open || !targetsQuery.data) return;
    const year = Number(defaultPlanDate(today).slice(0, 4));
    setTarget(targetsQuery.data.find((plan) => plan.year === year)?.id ?? targetsQuery.data[0]?.id ?? NEW_PLAN);
  }, [open, targetsQuery.data, today]);

  useEffect(() => {
    // Dates outside the chosen plan's year move into it.
    if (planYear === undefined) return;
    setRows((current) => current.map((row) => (row.date.startsWith(`${planYear}-`) ? row : { ...row, date: defaultPlanDate(today, planYear) })));
  }, [planYear, today]);

  const update = (index: number, patch: Partial<TRow>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = () => {
    const empty = rows.findIndex((row) => row.theme.trim() === '');
    if (empty >= 0) {
      setRowErrors({ [`${empty}.theme`]: t('surveys.plan.themeRequired') });
      return;
    }
    addItems.mutate(
      { id: surveyId, body: { planId: target === NEW_PLAN ? null : target, items: rows.map((row) => ({ theme: row.theme.trim(), goal: row.goal.trim(), kind: row.kind, date: row.date })) } },
      {
        onSuccess: (result) => {
          const text = result.isNewPlan ? t('surveys.plan.doneNew', { count: result.itemIds.length, title: result.plan.title }) : t('surveys.plan.done', { count: result.itemIds.length, title: result.plan.title });
          void message.success(text);
          onDone(result);
          onClose();
        },
        onError: (err) => {
          const issues = AppError.parseError(err).issues;
          const placed: Record<string, string> = {};
          for (const issue of issues) {
            const match = /items\.(\d+)\.(\w+)/.exec(issue.path);
            if (match) placed[`${match[1]}.${match[2]}`] = t('errors.fieldInvalid', { message: issue.message });
          }
          setRowErrors(placed);
          void message.error(`${errorMessage(err)}${issues.length === 0 ? `（${AppError.parseError(err).message}）` : ''}`);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('surveys.plan.title')}
      width={860}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={submit} loading={addItems.isPending} disabled={rows.length === 0} data-testid="plan-items-submit">
            {t('surveys.plan.submit', { count: rows.length })}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('surveys.plan.intro')}</Typography.Paragraph>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text strong>{t('surveys.plan.target')}</Typography.Text>
        <Select
          value={target}
          onChange={setTarget}
          loading={targetsQuery.isPending}
          options={[
            ...plans.map((plan) => ({ value: plan.id, label: t('surveys.plan.targetOption', { title: plan.title, status: t(`surveys.plan.planStatus.${plan.status}`), count: plan.itemCount }) })),
            { value: NEW_PLAN, label: t('surveys.plan.newPlan', { year: Number((rows[0]?.date ?? defaultPlanDate(today)).slice(0, 4)) }) },
          ]}
          data-testid="plan-items-target"
        />
        {plans.length === 0 && targetsQuery.isSuccess && <Alert type="info" showIcon title={t('surveys.plan.noPlans')} style={{ marginTop: 8 }} />}
      </Flex>
      <Flex vertical gap={12}>
        {rows.map((row, index) => (
          <div key={row.findingId} style={{ padding: 12, border: '1px solid #f0f0f0', borderRadius: 8 }} data-testid={`plan-item-${index}`}>
            <Flex gap={8} wrap>
              <div style={{ flex: '1 1 320px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('surveys.plan.theme')}
                </Typography.Text>
                <Input value={row.theme} onChange={(event) => update(index, { theme: event.target.value })} maxLength={200} status={rowErrors[`${index}.theme`] ? 'error' : undefined} data-testid={`plan-item-${index}-theme`} />
              </div>
              <div style={{ flex: '0 0 150px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('surveys.plan.kind')}
                </Typography.Text>
                <Select<TKind> value={row.kind} onChange={(kind) => update(index, { kind })} options={SESSION_KINDS.map((kind) => ({ value: kind, label: labels.sessionKind(kind) }))} style={{ width: '100%' }} data-testid={`plan-item-${index}-kind`} />
              </div>
              <div style={{ flex: '0 0 160px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('surveys.plan.date')}
                </Typography.Text>
                <DatePicker
                  value={dayjs(row.date)}
                  onChange={(date) => date && update(index, { date: date.format('YYYY-MM-DD') })}
                  allowClear={false}
                  status={rowErrors[`${index}.date`] ? 'error' : undefined}
                  style={{ width: '100%' }}
                  data-testid={`plan-item-${index}-date`}
                />
              </div>
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 6 }}>
              {t('surveys.plan.goal')}：{row.goal}
            </Typography.Text>
            {Object.entries(rowErrors)
              .filter(([key]) => key.startsWith(`${index}.`))
              .map(([key, text]) => (
                <Typography.Text key={key} type="danger" style={{ display: 'block', fontSize: 13 }}>
                  {text}
                </Typography.Text>
              ))}
          </div>
        ))}
      </Flex>
    </Modal>
  );
}
