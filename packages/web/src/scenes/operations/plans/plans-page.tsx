import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { usePlans, type TPlanSummary } from '../../../api/plans';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { PlanStatusTag } from './labels';
import './plans.css';

const money = (value: number | null) => (value === null ? '—' : `¥${value.toLocaleString('zh-CN')}`);

/**
 * 培训计划 at /operations/plans: the organisation's yearly plans with their status and version;
 * a submitted one is marked for the leader. Trainers start a new one here.
 */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = opsAccess(useCurrentSession().roles);
  const errorMessage = useErrorMessage();
  const plans = usePlans();
  const waiting = plans.data?.filter((plan) => plan.status === 'submitted') ?? [];
  return (
    <div data-testid="plans-page">
      <OpsHeader
        tab="plans"
        extra={
          access.isTrainer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/operations/plans/new')} data-testid="plans-new">
              {t('plans.list.new')}
            </Button>
          )
        }
      />
      {access.isLeader && waiting.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('plans.list.waiting', { count: waiting.length })} data-testid="plans-waiting" />
      )}
      {plans.isError && <Alert type="error" showIcon title={errorMessage(plans.error)} />}
      <Card variant="borderless">
        <Table<TPlanSummary>
          rowKey="id"
          loading={plans.isPending}
          dataSource={plans.data ?? []}
          pagination={false}
          data-testid="plans-table"
          locale={{ emptyText: t('plans.list.empty') }}
          onRow={(plan) => ({ 'data-testid': `plan-row-${plan.id}`, 'data-title': plan.title }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('plans.fields.year'), dataIndex: 'year', width: 80 },
            {
              title: t('plans.fields.title'),
              key: 'title',
              width: 300,
              render: (_, plan) => (
                <Link to={`/operations/plans/${plan.id}`} data-testid={`plan-link-${plan.id}`}>
                  {plan.title}
                </Link>
              ),
            },
            { title: t('plans.fields.status'), key: 'status', width: 110, render: (_, plan) => <PlanStatusTag status={plan.status} /> },
            { title: t('plans.fields.version'), key: 'version', width: 80, render: (_, plan) => (plan.version > 0 ? `v${plan.version}` : '—') },
            { title: t('plans.fields.items'), key: 'items', width: 130, render: (_, plan) => t('plans.list.itemsAndSessions', { items: plan.itemCount, sessions: plan.plannedSessionCount }) },
            { title: t('plans.fields.budget'), key: 'budget', width: 120, align: 'right', render: (_, plan) => money(plan.budget ?? plan.itemsBudget) },
            { title: t('plans.fields.author'), key: 'author', width: 100, render: (_, plan) => plan.createdBy?.displayName ?? '—' },
            {
              title: t('plans.fields.lastDecision'),
              key: 'decision',
              ellipsis: true,
              render: (_, plan) =>
                plan.lastDecision ? (
                  <Typography.Text type={plan.lastDecision.decision === 'returned' ? 'warning' : 'success'}>
                    {t(`plans.decision.${plan.lastDecision.decision}`)}
                    {plan.lastDecision.comment ? `：${plan.lastDecision.comment}` : ''}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('plans.fields.updatedAt'), key: 'updatedAt', width: 150, render: (_, plan) => dayjs(plan.updatedAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
    </div>
  );
}
