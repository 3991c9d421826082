import { ArrowLeftOutlined, CheckOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { planBudget, planItemMonths, type TPlanDetail, type TPlanItem, type TPlanItemsDiff } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePlan, usePlanDecision } from '../../../api/plans';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { KindTag, PlanStatusTag, when } from './labels';
import { PlanEditor } from './plan-editor';
import './plans.css';

const money = (value: number) => `¥${value.toLocaleString('zh-CN')}`;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Twelve small boxes, the months in which the item has sessions filled. */
function MonthStrip({ item, year }: { item: TPlanItem; year: number }) {
  const months = new Set(planItemMonths(item).filter((key) => key.startsWith(`${year}-`)).map((key) => Number(key.slice(5, 7))));
  return (
    <div className="cd-plans-months" aria-label={[...months].map((m) => `${m}月`).join(' ')}>
      {MONTHS.map((month) => (
        <span key={month} className={months.has(month) ? 'is-on' : undefined}>
          {month}
        </span>
      ))}
    </div>
  );
}

/** Added, removed and changed themes between two versions. */
function Changes({ diff, testId }: { diff: TPlanItemsDiff; testId: string }) {
  const { t } = useTranslation();
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return <Typography.Text type="secondary">{t('plans.versions.noChanges')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid={testId}>
      {diff.added.map((item) => (
        <span key={`a-${item.id}`}>
          <Tag color="green">{t('plans.versions.added')}</Tag>
          {item.theme}
        </span>
      ))}
      {diff.removed.map((item) => (
        <span key={`r-${item.id}`}>
          <Tag color="red">{t('plans.versions.removed')}</Tag>
          <Typography.Text delete>{item.theme}</Typography.Text>
        </span>
      ))}
      {diff.changed.map((item) => (
        <span key={`c-${item.id}`}>
          <Tag color="gold">{t('plans.versions.changed')}</Tag>
          {item.previousTheme !== item.theme ? `${item.previousTheme} → ${item.theme}` : item.theme}
          <Typography.Text type="secondary">（{item.fields.map((field) => t(`plans.diffField.${field as 'theme'}`, { defaultValue: field })).join('、')}）</Typography.Text>
        </span>
      ))}
    </Flex>
  );
}

/** The plan's figures, goals and methods, as the leader reads them first. */
function PlanOverview({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const { itemsTotal, budget } = planBudget(plan.content);
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.view.items')} value={plan.itemCount} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.view.sessions')} value={plan.plannedSessionCount} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" data-testid="plan-budget-total">
            <Statistic title={t('plans.view.itemsBudget')} value={itemsTotal} prefix="¥" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.view.overallBudget')} value={budget ?? '—'} prefix={budget === null ? undefined : '¥'} />
            {budget !== null && itemsTotal > budget && <Typography.Text type="danger">{t('plans.view.overBudget')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('plans.fields.goals')} style={{ height: '100%' }}>
            {plan.content.goals.length === 0 ? (
              <Typography.Text type="secondary">{t('plans.view.noGoals')}</Typography.Text>
            ) : (
              <ol className="cd-plans-goals" data-testid="plan-goals">
                {plan.content.goals.map((goal) => (
                  <li key={goal}>{goal}</li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('plans.fields.methods')} style={{ height: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{plan.content.methods || t('common.none')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** The items with their schedule, months, instructor, content, who takes part and budget, and the total. */
function PlanItems({ plan }: { plan: TPlanDetail }) {
  const { t, i18n } = useTranslation();
  const { itemsTotal } = planBudget(plan.content);
  const who = (item: TPlanItem) => [...item.teamIds.map((id) => plan.names.teams[id] ?? '?'), ...item.userIds.map((id) => plan.names.people[id] ?? '?')];
  return (
      <Card variant="borderless" title={t('plans.view.itemsTitle')} style={{ marginTop: 16 }}>
        <Table<TPlanItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={plan.content.items}
          data-testid="plan-items"
          onRow={(item) => ({ 'data-testid': `plan-item-row-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('plans.fields.theme'),
              key: 'theme',
              width: 240,
              render: (_, item) => (
                <Flex vertical>
                  <Typography.Text strong>{item.theme}</Typography.Text>
                  {item.goal && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.goal}</Typography.Text>}
                </Flex>
              ),
            },
            { title: t('plans.fields.kind'), key: 'kind', width: 90, render: (_, item) => <KindTag kind={item.kind} /> },
            {
              title: t('plans.view.schedule'),
              key: 'schedule',
              width: 170,
              render: (_, item) => (
                <Flex vertical>
                  <span>
                    {item.date} {item.startTime} · {t('plans.view.minutes', { count: item.durationMinutes })}
                  </span>
                  {item.repeat > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plans.view.repeats', { count: item.repeat, days: item.everyDays })}</Typography.Text>}
                </Flex>
              ),
            },
            { title: t('plans.view.months'), key: 'months', width: 215, render: (_, item) => <MonthStrip item={item} year={plan.year} /> },
            {
              title: t('plans.fields.instructor'),
              key: 'instructor',
              width: 100,
              render: (_, item) => (item.instructorUserId ? plan.names.people[item.instructorUserId] : item.instructorName ? t('plans.view.invited', { name: item.instructorName }) : '—'),
            },
            {
              title: t('plans.view.content'),
              key: 'content',
              width: 120,
              render: (_, item) => (
                <Flex vertical>
                  {item.courseId && plan.names.courses[item.courseId] && <span>{i18n.language === 'en' ? plan.names.courses[item.courseId]!.en : plan.names.courses[item.courseId]!.zh}</span>}
                  {item.scenarioIds.length > 0 && <Typography.Text type="secondary">{t('plans.view.scenarios', { count: item.scenarioIds.length })}</Typography.Text>}
                  {!item.courseId && item.scenarioIds.length === 0 && '—'}
                </Flex>
              ),
            },
            { title: t('plans.view.who'), key: 'who', width: 150, render: (_, item) => (who(item).length > 4 ? t('plans.view.whoMany', { names: who(item).slice(0, 3).join('、'), count: who(item).length }) : who(item).join('、') || '—') },
            { title: t('plans.fields.itemBudget'), key: 'budget', width: 100, align: 'right', render: (_, item) => (item.budget === null ? '—' : money(item.budget)) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={7}>
                <Typography.Text strong>{t('plans.view.budgetTotal')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong data-testid="plan-items-budget">
                  {money(itemsTotal)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
  );
}

/** Every submitted version, newest first, with the leader's decision and comment and what changed. */
function VersionHistory({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('plans.versions.title')} data-testid="plan-versions">
      {plan.pendingChanges && plan.pendingChanges.added.length + plan.pendingChanges.removed.length + plan.pendingChanges.changed.length > 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('plans.versions.pending', { version: plan.version })} description={<Changes diff={plan.pendingChanges} testId="plan-pending-changes" />} />
      )}
      {plan.versions.length === 0 ? (
        <Empty description={t('plans.versions.none')} />
      ) : (
        <Timeline
          items={plan.versions.map((version) => ({
            color: version.decision === 'approved' ? 'green' : version.decision === 'returned' ? 'orange' : 'blue',
            content: (
              <Flex vertical gap={6} data-testid={`plan-version-${version.version}`}>
                <Typography.Text strong>
                  {t('plans.versions.submitted', { version: version.version, name: version.submittedBy?.displayName ?? '—', time: when(version.submittedAt) })}
                </Typography.Text>
                {version.decision ? (
                  <Typography.Text type={version.decision === 'approved' ? 'success' : 'warning'} data-testid={`plan-version-${version.version}-decision`}>
                    {t(`plans.versions.${version.decision}`, { name: version.decidedBy?.displayName ?? '—', time: when(version.decidedAt) })}
                    {version.decisionComment ? `：${version.decisionComment}` : ''}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('plans.versions.waiting')}</Typography.Text>
                )}
                {version.changes && <Changes diff={version.changes} testId={`plan-version-${version.version}-changes`} />}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** The leader's approve / return box on a submitted plan. */
function DecisionBox({ plan }: { plan: TPlanDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const decide = usePlanDecision();
  const [comment, setComment] = useState('');
  const run = (action: 'approve' | 'return') =>
    decide.mutate(
      { id: plan.id, action, comment },
      {
        onSuccess: (updated) => {
          setComment('');
          void message.success(action === 'approve' ? t('plans.decide.approvedToast', { count: updated.generatedSessionCount }) : t('plans.decide.returnedToast'));
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Card variant="borderless" title={t('plans.decide.title', { version: plan.version })} style={{ borderLeft: '4px solid #1677ff' }} data-testid="plan-decision">
      <Typography.Paragraph type="secondary">{t('plans.decide.hint')}</Typography.Paragraph>
      <Input.TextArea value={comment} onChange={(event) => setComment(event.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('plans.decide.commentPlaceholder')} data-testid="plan-decision-comment" />
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Button icon={<RollbackOutlined />} onClick={() => run('return')} disabled={!comment.trim()} loading={decide.isPending && decide.variables?.action === 'return'} data-testid="plan-return">
          {t('plans.decide.return')}
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => run('approve')} loading={decide.isPending && decide.variables?.action === 'approve'} data-testid="plan-approve">
          {t('plans.decide.approve')}
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * A plan at /operations/plans/:planId (and a new one at /operations/plans/new): the overview a
 * leader reads at a glance, the trainer's editor, submit, the leader's decision, and the versions
 * with their comments and changes.
 */
export default function PlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams();
  const isNew = planId === 'new';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const access = opsAccess(useCurrentSession().roles);
  const query = usePlan(isNew ? undefined : planId);
  const decide = usePlanDecision();
  const [isEditing, setIsEditing] = useState(false);
  const plan = query.data;
  const canEdit = access.isTrainer && (isNew || plan?.status === 'draft' || plan?.status === 'returned');
  const back = (
    <Link to="/operations/plans">
      <Button icon={<ArrowLeftOutlined />}>{t('plans.view.back')}</Button>
    </Link>
  );

  if (isNew) {
    if (!access.isTrainer) return <OpsHeader tab="plans" />;
    return (
      <div data-testid="plan-page">
        <OpsHeader tab="plans" extra={back} />
        <Typography.Title level={4}>{t('plans.editor.newTitle')}</Typography.Title>
        <PlanEditor onSaved={(saved) => navigate(`/operations/plans/${saved.id}`, { replace: true })} onCancel={() => navigate('/operations/plans')} />
      </div>
    );
  }
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError || !plan) return <Alert type="error" showIcon title={errorMessage(query.error)} />;

  const submit = () =>
    decide.mutate({ id: plan.id, action: 'submit' }, { onSuccess: () => void message.success(t('plans.decide.submittedToast')), onError: (error) => void message.error(errorMessage(error)) });
  // The leader's comment on a returned plan, for the trainer who must act on it (the leader reads it in the versions).
  const returned = access.isTrainer && plan.lastDecision?.decision === 'returned' && plan.status !== 'submitted' && plan.status !== 'approved' ? plan.lastDecision : null;

  return (
    <div data-testid="plan-page" data-plan-id={plan.id}>
      <OpsHeader tab="plans" extra={back} />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-title-view">
            {plan.title}
          </Typography.Title>
          <PlanStatusTag status={plan.status} />
          {plan.version > 0 && <Tag data-testid="plan-version">v{plan.version}</Tag>}
        </Space>
        {canEdit && !isEditing && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="plan-edit">
              {t('common.edit')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={submit} loading={decide.isPending} data-testid="plan-submit">
              {plan.version > 0 ? t('plans.decide.resubmit') : t('plans.decide.submit')}
            </Button>
          </Space>
        )}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('plans.fields.year')}>{plan.year}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.author')}>{plan.createdBy?.displayName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.view.submittedAt')}>{when(plan.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.updatedAt')}>{dayjs(plan.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.view.returnedBy', { name: returned.decidedBy?.displayName ?? '—', version: returned.version })}
          description={returned.comment}
          data-testid="plan-returned-comment"
        />
      )}
      {plan.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('plans.view.approvedSessions', { count: plan.generatedSessionCount })}
          action={
            <Link to={`/operations/calendar?month=${plan.year}-${String(new Date().getFullYear() === plan.year ? new Date().getMonth() + 1 : 1).padStart(2, '0')}`}>
              <Button size="small">{t('plans.view.openCalendar')}</Button>
            </Link>
          }
          data-testid="plan-approved"
        />
      )}
      {isEditing ? (
        <PlanEditor plan={plan} onSaved={() => setIsEditing(false)} onCancel={() => setIsEditing(false)} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <PlanOverview plan={plan} />
            </Col>
            <Col xs={24} xl={9}>
              <Flex vertical gap={16}>
                {access.isLeader && plan.status === 'submitted' && <DecisionBox plan={plan} />}
                <VersionHistory plan={plan} />
              </Flex>
            </Col>
          </Row>
          <PlanItems plan={plan} />
        </>
      )}
    </div>
  );
}
