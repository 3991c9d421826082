import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAssignMentor, useEndMentorship, useMentoringOverview, type TMentorOption, type TMentorshipSummary, type TNewHire } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useFormErrorHandler } from '../../../hooks/use-form-error-handler';
import { OpsHeader } from '../ops-header';
import { TaskProgress } from './labels';

type TAssignForm = { mentorUserId?: string; startedOn: Dayjs };

/** Picks a mentor for a new hire: people with the mentor role, those in the new hire's team first, then the least busy. */
function AssignMentorModal({ hire, mentors, onClose }: { hire: TNewHire | null; mentors: TMentorOption[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TAssignForm>();
  const onError = useFormErrorHandler(form);
  const assign = useAssignMentor();
  if (!hire) return null;
  const hireTeams = new Set(hire.teams.map((team) => team.id));
  const sameTeam = (mentor: TMentorOption) => mentor.teams.some((team) => hireTeams.has(team.id));
  const ordered = [...mentors].sort((a, b) => Number(sameTeam(b)) - Number(sameTeam(a)) || a.activeMentees - b.activeMentees);
  const submit = (values: TAssignForm) => {
    if (!values.mentorUserId) return;
    assign.mutate(
      { menteeUserId: hire.user.id, mentorUserId: values.mentorUserId, startedOn: values.startedOn.format('YYYY-MM-DD') },
      {
        onSuccess: (created) => {
          void message.success(t('people.mentoring.assigned', { mentor: created.mentor.displayName, mentee: created.mentee.displayName }));
          onClose();
        },
        onError: (err) => onError(err, { CONFLICT: { field: 'mentorUserId', message: t('people.mentoring.alreadyHasMentor') } }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('people.mentoring.assignTitle', { name: hire.user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('people.mentoring.assign')}
      okButtonProps={{ loading: assign.isPending, 'data-testid': 'mentoring-assign-submit' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('people.mentoring.assignHelp')}</Typography.Paragraph>
      <Form<TAssignForm> form={form} layout="vertical" onFinish={submit} initialValues={{ startedOn: dayjs() }} requiredMark="optional">
        <Form.Item name="mentorUserId" label={t('people.mentoring.mentor')} rules={[{ required: true, message: t('people.mentoring.mentorRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.mentoring.mentorPlaceholder')}
            notFoundContent={t('people.mentoring.noMentors')}
            options={ordered.map((mentor) => ({
              value: mentor.id,
              label: t('people.mentoring.mentorOption', { name: mentor.displayName, teams: mentor.teams.map((team) => team.name).join('、') || t('people.mentoring.noTeam'), count: mentor.activeMentees }),
            }))}
            data-testid="mentoring-assign-mentor"
          />
        </Form.Item>
        <Form.Item name="startedOn" label={t('people.mentoring.startedOn')} extra={t('people.mentoring.startedOnHelp')} rules={[{ required: true, message: t('people.mentoring.startedOnRequired') }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="mentoring-assign-start" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 导师带教 at /operations/mentoring (supervisors: their teams; training group: everyone): new
 * hires of the last 90 days with those still without a mentor first, assigning one with the
 * default first-weeks checklist, the active mentorships (open one, or end it) and who can mentor.
 */
export default function MentoringPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const overview = useMentoringOverview();
  const end = useEndMentorship();
  const [assigning, setAssigning] = useState<TNewHire | null>(null);
  const data = overview.data;
  const withoutMentor = data?.newHires.filter((hire) => hire.mentorship === null) ?? [];

  const endMentorship = (mentorship: TMentorshipSummary) =>
    end.mutate(mentorship.id, {
      onSuccess: () => void message.success(t('people.mentoring.ended', { name: mentorship.mentee.displayName })),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <div data-testid="mentoring-page">
      <OpsHeader tab="mentoring" subtitle={t('people.mentoring.subtitle', { days: data?.newHireDays ?? 90 })} />
      {overview.isError && <Alert type="error" showIcon title={errorMessage(overview.error)} style={{ marginBottom: 16 }} />}
      {data && withoutMentor.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('people.mentoring.withoutMentor', { count: withoutMentor.length, names: withoutMentor.map((hire) => hire.user.displayName).join('、') })}
          data-testid="mentoring-no-mentor-alert"
        />
      )}
      {data && data.newHires.length > 0 && withoutMentor.length === 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('people.mentoring.allHaveMentors')} data-testid="mentoring-all-assigned" />
      )}
      <Flex vertical gap={16}>
        <Card variant="borderless" title={t('people.mentoring.newHires')}>
          <Table<TNewHire>
            rowKey={(hire) => hire.user.id}
            loading={overview.isPending}
            dataSource={data?.newHires ?? []}
            pagination={false}
            size="middle"
            data-testid="mentoring-new-hires"
            locale={{ emptyText: t('people.mentoring.noNewHires', { days: data?.newHireDays ?? 90 }) }}
            onRow={(hire) => ({ 'data-testid': `mentoring-hire-row-${hire.user.id}`, 'data-name': hire.user.displayName }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('people.fields.person'),
                key: 'person',
                width: 130,
                render: (_, hire) => (
                  <Flex vertical gap={0}>
                    <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                      {hire.user.displayName}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {hire.user.login}
                    </Typography.Text>
                  </Flex>
                ),
              },
              { title: t('people.fields.teams'), key: 'teams', width: 170, render: (_, hire) => hire.teams.map((team) => team.name).join('、') || '—' },
              { title: t('people.mentoring.hireDate'), key: 'hireDate', width: 180, render: (_, hire) => <span style={{ whiteSpace: 'nowrap' }}>{t('people.mentoring.hiredDaysAgo', { date: hire.hireDate, count: hire.daysSinceHire })}</span> },
              {
                title: t('people.mentoring.mentor'),
                key: 'mentor',
                width: 120,
                render: (_, hire) =>
                  hire.mentorship ? (
                    <Tag icon={<TeamOutlined />} color="cyan" style={{ marginInlineEnd: 0 }}>
                      {hire.mentorship.mentor.displayName}
                    </Tag>
                  ) : (
                    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`mentoring-none-${hire.user.id}`}>
                      {t('people.mentoring.none')}
                    </Tag>
                  ),
              },
              { title: t('people.mentoring.progress'), key: 'progress', width: 160, render: (_, hire) => (hire.mentorship ? <TaskProgress done={hire.mentorship.tasksDone} total={hire.mentorship.tasksTotal} /> : '—') },
              {
                title: t('people.mentoring.nextTask'),
                key: 'next',
                ellipsis: true,
                render: (_, hire) =>
                  hire.mentorship?.nextTask ? (
                    <Typography.Text style={{ fontSize: 13 }} ellipsis={{ tooltip: hire.mentorship.nextTask.title }}>
                      {hire.mentorship.nextTask.dueOn && <Typography.Text type={hire.mentorship.nextTask.dueOn < dayjs().format('YYYY-MM-DD') ? 'danger' : 'secondary'}>{`${hire.mentorship.nextTask.dueOn} · `}</Typography.Text>}
                      {hire.mentorship.nextTask.title}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_, hire) =>
                  hire.mentorship ? (
                    <Link to={`/operations/mentoring/${hire.mentorship.id}`} data-testid={`mentoring-open-${hire.mentorship.id}`}>
                      {t('people.mentoring.open')}
                    </Link>
                  ) : (
                    <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={() => setAssigning(hire)} data-testid={`mentoring-assign-${hire.user.id}`}>
                      {t('people.mentoring.assign')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>

        <Card variant="borderless" title={t('people.mentoring.active')}>
          <Table<TMentorshipSummary>
            rowKey="id"
            loading={overview.isPending}
            dataSource={data?.mentorships ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            size="middle"
            data-testid="mentoring-active"
            locale={{ emptyText: t('people.mentoring.noActive') }}
            columns={[
              { title: t('people.mentoring.mentee'), key: 'mentee', render: (_, m) => <Link to={`/operations/mentoring/${m.id}`}>{m.mentee.displayName}</Link> },
              { title: t('people.mentoring.mentor'), key: 'mentor', render: (_, m) => m.mentor.displayName },
              { title: t('people.mentoring.startedOn'), dataIndex: 'startedOn', width: 120 },
              { title: t('people.mentoring.progress'), key: 'progress', width: 160, render: (_, m) => <TaskProgress done={m.tasksDone} total={m.tasksTotal} /> },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_, m) => (
                  <Popconfirm
                    title={t('people.mentoring.endConfirm', { name: m.mentee.displayName })}
                    description={t('people.mentoring.endHelp')}
                    onConfirm={() => endMentorship(m)}
                    okText={t('people.mentoring.end')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ 'data-testid': 'mentoring-end-confirm' } as never}
                  >
                    <Button size="small" data-testid={`mentoring-end-${m.id}`}>
                      {t('people.mentoring.end')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>

        <Card variant="borderless" title={t('people.mentoring.mentors')}>
          {data && data.mentors.length === 0 ? (
            <Typography.Text type="secondary">{t('people.mentoring.noMentors')}</Typography.Text>
          ) : (
            <Flex gap={8} wrap data-testid="mentoring-mentors">
              {data?.mentors.map((mentor) => (
                <Tag key={mentor.id} style={{ padding: '4px 10px', fontSize: 13 }}>
                  {t('people.mentoring.mentorOption', { name: mentor.displayName, teams: mentor.teams.map((team) => team.name).join('、') || t('people.mentoring.noTeam'), count: mentor.activeMentees })}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>
      </Flex>
      <AssignMentorModal hire={assigning} mentors={data?.mentors ?? []} onClose={() => setAssigning(null)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('people.mentoring.footnote')}
      </Typography.Paragraph>
    </div>
  );
}
