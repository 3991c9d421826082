import { WarningOutlined } from '@ant-design/icons';
import type { TAttendanceCounts } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useTeams } from '../../../api/admin';
import { useExams } from '../../../api/learning';
import { useAttendance, useSessions, useUpdateMakeUp, useWaiveMakeUp, type TAttendanceOverview, type TMakeUpTask } from '../../../api/plans';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { OpsHeader } from '../ops-header';
import { MakeUpStatusTag, percent } from './labels';
import { SessionFormModal } from './session-form';
import './plans.css';

type TCountKey = 'rate' | 'present' | 'late' | 'excused' | 'absent';
const COUNT_KEYS: readonly TCountKey[] = ['rate', 'present', 'late', 'excused', 'absent'];

/** The rate and count columns shared by the team and person tables; `labels` are translated by the caller. */
function countColumns<T extends TAttendanceCounts>(labels: Record<TCountKey, string>) {
  return COUNT_KEYS.map((key) => ({
    title: labels[key],
    key,
    width: key === 'rate' ? 100 : 70,
    align: 'right' as const,
    render: (_: unknown, row: T) => (key === 'rate' ? <Typography.Text type={row.rate !== null && row.rate < 0.8 ? 'danger' : undefined}>{percent(row.rate)}</Typography.Text> : row[key]),
  }));
}

/** One open make-up task's actions for a trainer: choose its session or exam, or waive it with a reason. */
function MakeUpActions({ task }: { task: TMakeUpTask }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const waive = useWaiveMakeUp();
  const update = useUpdateMakeUp();
  const exams = useExams();
  const upcoming = useSessions(dayjs().format('YYYY-MM-DD'), dayjs().add(180, 'day').format('YYYY-MM-DD'));
  const [isWaiving, setIsWaiving] = useState(false);
  const [isAssigning, setIsAssigning] = useState(false);
  const [isScheduling, setIsScheduling] = useState(false);
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const options = [
    { label: t('plans.makeUp.kind.session'), options: (upcoming.data ?? []).filter((s) => s.status === 'scheduled' && !s.closedAt && s.id !== task.missedSession.id).map((s) => ({ value: `session:${s.id}`, label: `${dayjs(s.startsAt).format('MM-DD HH:mm')} ${s.title}` })) },
    { label: t('plans.makeUp.kind.exam'), options: (exams.data ?? []).map((exam) => ({ value: `exam:${exam.id}`, label: i18n.language === 'en' ? exam.title.en : exam.title.zh })) },
  ];
  return (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setIsScheduling(true)} data-testid={`makeup-schedule-${task.id}`}>
        {t('plans.makeUp.schedule')}
      </Button>
      <Button size="small" onClick={() => setIsAssigning(true)} data-testid={`makeup-assign-${task.id}`}>
        {t('plans.makeUp.assign')}
      </Button>
      <Button size="small" type="text" onClick={() => setIsWaiving(true)} data-testid={`makeup-waive-${task.id}`}>
        {t('plans.makeUp.waive')}
      </Button>
      <Modal
        open={isWaiving}
        title={t('plans.makeUp.waiveTitle', { name: task.user.displayName })}
        onCancel={() => setIsWaiving(false)}
        okButtonProps={{ disabled: !reason.trim(), loading: waive.isPending, 'data-testid': 'makeup-waive-confirm' } as never}
        onOk={() =>
          waive.mutate({ id: task.id, reason: reason.trim() }, { onSuccess: () => setIsWaiving(false), onError: (error) => void message.error(errorMessage(error)) })
        }
        destroyOnHidden
      >
        <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} placeholder={t('plans.makeUp.waivePlaceholder')} data-testid="makeup-waive-reason" />
      </Modal>
      <Modal
        open={isAssigning}
        title={t('plans.makeUp.assignTitle', { name: task.user.displayName })}
        onCancel={() => setIsAssigning(false)}
        okButtonProps={{ disabled: !choice, loading: update.isPending } as never}
        onOk={() => {
          const [kind, id] = (choice ?? '').split(':') as ['session' | 'exam', string];
          update.mutate(
            { id: task.id, kind, ...(kind === 'session' ? { makeUpSessionId: id } : { examId: id }) },
            { onSuccess: () => setIsAssigning(false), onError: (error) => void message.error(errorMessage(error)) },
          );
        }}
        destroyOnHidden
      >
        <Select style={{ width: '100%' }} value={choice} onChange={setChoice} options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Modal>
      <SessionFormModal isOpen={isScheduling} makeUpFor={task.missedSession} onClose={() => setIsScheduling(false)} onCreated={() => setIsScheduling(false)} />
    </Space>
  );
}

/** The make-up tasks table, with a trainer's actions on open ones. */
export function MakeUpTable({ tasks, canAct, testId }: { tasks: TMakeUpTask[]; canAct: boolean; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<TMakeUpTask>
      rowKey="id"
      size="small"
      dataSource={tasks}
      pagination={tasks.length > 20 ? { pageSize: 20 } : false}
      data-testid={testId}
      locale={{ emptyText: t('plans.makeUp.empty') }}
      onRow={(task) => ({ 'data-testid': `makeup-${task.id}`, 'data-user': task.user.displayName }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('plans.session.person'), key: 'person', width: 90, render: (_, task) => <span style={{ whiteSpace: 'nowrap' }}>{task.user.displayName}</span> },
        { title: t('plans.fields.teams'), key: 'teams', render: (_, task) => task.teams.join('、') || '—' },
        {
          title: t('plans.makeUp.missed'),
          key: 'missed',
          render: (_, task) => (
            <Link to={`/operations/sessions/${task.missedSession.id}`}>
              {dayjs(task.missedSession.startsAt).format('MM-DD')} {task.missedSession.title}
            </Link>
          ),
        },
        {
          title: t('plans.makeUp.what'),
          key: 'what',
          render: (_, task) =>
            task.kind === 'exam' ? (
              task.exam ? `${t('plans.makeUp.kind.exam')}：${i18n.language === 'en' ? task.exam.title.en : task.exam.title.zh}` : t('plans.makeUp.kind.exam')
            ) : task.makeUpSession ? (
              <Link to={`/operations/sessions/${task.makeUpSession.id}`}>
                {dayjs(task.makeUpSession.startsAt).format('MM-DD HH:mm')} {task.makeUpSession.title}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('plans.makeUp.sessionToBeSet')}</Typography.Text>
            ),
        },
        { title: t('plans.session.dueDate'), dataIndex: 'dueDate', width: 110, render: (value: string | null) => value ?? '—' },
        { title: t('plans.fields.status'), key: 'status', width: 90, render: (_, task) => <MakeUpStatusTag status={task.status} /> },
        ...(canAct ? [{ title: t('common.actions'), key: 'actions', width: 250, render: (_: unknown, task: TMakeUpTask) => (task.status === 'open' ? <MakeUpActions task={task} /> : (task.waiveReason ?? '')) }] : []),
      ]}
    />
  );
}

/**
 * 考勤 at /operations/attendance: attendance rates by team and person over a period, repeated
 * absences (2+ unexcused in 90 days) and open make-up tasks. Supervisors see their own teams, the
 * training group everyone; trainers act on make-up tasks here.
 */
export default function AttendancePage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const roles = useCurrentSession().roles;
  const teams = useTeams();
  const [params, setParams] = useSearchParams();
  const query = { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined, teamId: params.get('teamId') ?? undefined };
  const overview = useAttendance(query);
  const data: TAttendanceOverview | undefined = overview.data;
  const countLabels: Record<TCountKey, string> = {
    rate: t('plans.attendancePage.rate'),
    present: t('plans.attendance.present'),
    late: t('plans.attendance.late'),
    excused: t('plans.attendance.excused'),
    absent: t('plans.attendance.absent'),
  };
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <div data-testid="attendance-page">
      <OpsHeader tab="attendance" />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={data ? [dayjs(data.from), dayjs(data.to)] : null}
          onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          allowClear={false}
        />
        <Select allowClear placeholder={t('plans.attendancePage.allTeams')} style={{ minWidth: 200 }} value={query.teamId} onChange={(value) => set({ teamId: value })} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        {data && <Tag>{t(`plans.attendancePage.scope.${data.scope}`)}</Tag>}
      </Flex>
      {overview.isError && <Alert type="error" showIcon title={errorMessage(overview.error)} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.attendancePage.rate')} value={data ? percent(data.totals.rate) : '—'} loading={overview.isPending} data-testid="attendance-rate" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.attendancePage.sessions')} value={data?.sessionCount ?? 0} loading={overview.isPending} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.attendancePage.absences')} value={data?.totals.absent ?? 0} loading={overview.isPending} styles={{ content: { color: data?.totals.absent ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless">
            <Statistic title={t('plans.attendancePage.openMakeUps')} value={data?.openMakeUps.length ?? 0} loading={overview.isPending} />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('plans.attendancePage.rateHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card variant="borderless" title={t('plans.attendancePage.byTeam')} style={{ marginBottom: 16 }}>
            <Table rowKey="teamId" size="small" pagination={false} dataSource={data?.teams ?? []} loading={overview.isPending} data-testid="attendance-teams" columns={[{ title: t('plans.attendancePage.team'), dataIndex: 'name' }, ...countColumns<TAttendanceOverview['teams'][number]>(countLabels)]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            variant="borderless"
            title={
              <Space>
                <WarningOutlined style={{ color: '#d4380d' }} />
                {t('plans.attendancePage.repeated')}
              </Space>
            }
            style={{ marginBottom: 16 }}
          >
            <Typography.Paragraph type="secondary">{t('plans.attendancePage.repeatedHint')}</Typography.Paragraph>
            <Table
              rowKey={(row) => row.user.id}
              size="small"
              pagination={false}
              dataSource={data?.repeatedAbsences ?? []}
              locale={{ emptyText: t('plans.attendancePage.noRepeated') }}
              data-testid="attendance-repeated"
              columns={[
                { title: t('plans.session.person'), key: 'name', width: 90, render: (_, row) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{row.user.displayName}</Typography.Text> },
                { title: t('plans.fields.teams'), key: 'teams', width: 150, render: (_, row) => row.teams.join('、') },
                { title: t('plans.attendancePage.times'), dataIndex: 'count', width: 60, align: 'right', render: (count: number) => <Tag color="red">{count}</Tag> },
                {
                  title: t('plans.attendancePage.missedSessions'),
                  key: 'sessions',
                  render: (_, row) => row.sessions.map((s) => `${dayjs(s.startsAt).format('MM-DD')} ${s.title}`).join('；'),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24}>
          <Card variant="borderless" title={t('plans.attendancePage.byPerson')} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(row) => row.user.id}
              size="small"
              dataSource={data?.people ?? []}
              loading={overview.isPending}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              data-testid="attendance-people"
              columns={[
                { title: t('plans.session.person'), key: 'name', width: 120, render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{row.user.displayName}</span> },
                { title: t('plans.fields.teams'), key: 'teams', render: (_, row) => row.teams.join('、') },
                ...countColumns<TAttendanceOverview['people'][number]>(countLabels),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('plans.attendancePage.openMakeUpsTitle')}>
        <MakeUpTable tasks={data?.openMakeUps ?? []} canAct={roles.includes('trainer')} testId="attendance-makeups" />
      </Card>
    </div>
  );
}
