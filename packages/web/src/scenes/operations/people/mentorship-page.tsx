import { ArrowLeftOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { TMentorshipTask } from '@calmdesk/shared';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Popconfirm, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAddMentorshipNote, useAddMentorshipTask, useEndMentorship, useMentorship, useSetMentorshipTaskDone, type TMentorshipDetail } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader, OpsHeader } from '../ops-header';
import { day, TaskProgress, when } from './labels';
import { MenteeResults } from './mentee-results';

const NOTE_MAX = 4000;

/** One checklist item or milestone: a tick box for whoever may write, the due date (red when overdue) and who ticked it. */
function TaskRow({ task, detail }: { task: TMentorshipTask; detail: TMentorshipDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const setDone = useSetMentorshipTaskDone();
  const isOverdue = task.doneAt === null && task.dueOn !== null && task.dueOn < dayjs().format('YYYY-MM-DD');
  return (
    <Flex gap={10} align="flex-start" style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={`mentorship-task-${task.id}`} data-done={task.doneAt ? 'true' : 'false'}>
      <Checkbox
        checked={task.doneAt !== null}
        disabled={!detail.canWrite || setDone.isPending}
        onChange={(event) => setDone.mutate({ taskId: task.id, isDone: event.target.checked }, { onError: (err) => void message.error(errorMessage(err)) })}
        aria-label={task.title}
        data-testid={`mentorship-task-check-${task.id}`}
      />
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text delete={task.doneAt !== null} type={task.doneAt !== null ? 'secondary' : undefined}>
          {task.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.dueOn && <Typography.Text type={isOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{t(isOverdue ? 'people.mentorship.overdue' : 'people.mentorship.due', { date: task.dueOn })}</Typography.Text>}
          {task.doneAt && ` · ${t('people.mentorship.doneBy', { name: task.doneBy?.displayName ?? '—', date: day(task.doneAt) })}`}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

type TTaskForm = { kind: 'checklist' | 'milestone'; title: string; dueOn?: Dayjs | null };

/** The first weeks' checklist and the milestones, with a small form to add one. */
function TasksCard({ detail }: { detail: TMentorshipDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const addTask = useAddMentorshipTask();
  const [form] = Form.useForm<TTaskForm>();
  const [isAdding, setIsAdding] = useState(false);
  const groups = (['checklist', 'milestone'] as const).map((kind) => ({ kind, tasks: detail.tasks.filter((task) => task.kind === kind) }));
  const submit = (values: TTaskForm) =>
    addTask.mutate(
      { id: detail.id, kind: values.kind, title: values.title.trim(), dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null },
      {
        onSuccess: () => {
          form.resetFields();
          setIsAdding(false);
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  return (
    <Card
      variant="borderless"
      title={t('people.mentorship.tasks')}
      extra={<TaskProgress done={detail.tasksDone} total={detail.tasksTotal} />}
      data-testid="mentorship-tasks"
    >
      {groups.map((group) => (
        <div key={group.kind} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(`people.mentorship.kind.${group.kind}`)}
          </Typography.Title>
          {group.tasks.length === 0 ? <Typography.Text type="secondary">{t('people.mentorship.noTasks')}</Typography.Text> : group.tasks.map((task) => <TaskRow key={task.id} task={task} detail={detail} />)}
        </div>
      ))}
      {detail.canWrite &&
        (isAdding ? (
          <Form<TTaskForm> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'checklist' }} data-testid="mentorship-task-form">
            <Form.Item name="kind" style={{ marginBottom: 8 }}>
              <Segmented options={[{ value: 'checklist', label: t('people.mentorship.kind.checklist') }, { value: 'milestone', label: t('people.mentorship.kind.milestone') }]} />
            </Form.Item>
            <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('people.mentorship.taskRequired') }]} style={{ marginBottom: 8 }}>
              <Input maxLength={200} placeholder={t('people.mentorship.taskPlaceholder')} data-testid="mentorship-task-title" />
            </Form.Item>
            <Form.Item name="dueOn" style={{ marginBottom: 8 }}>
              <DatePicker placeholder={t('people.mentorship.taskDue')} style={{ width: '100%' }} />
            </Form.Item>
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => setIsAdding(false)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={addTask.isPending} data-testid="mentorship-task-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Form>
        ) : (
          <Button icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="mentorship-task-add">
            {t('people.mentorship.addTask')}
          </Button>
        ))}
    </Card>
  );
}

/** Coaching notes: private to the mentor and the training group, which the card says. */
function NotesCard({ detail }: { detail: TMentorshipDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const addNote = useAddMentorshipNote();
  const [draft, setDraft] = useState('');
  const save = () => {
    if (!draft.trim() || addNote.isPending) return;
    addNote.mutate(
      { id: detail.id, body: draft.trim() },
      {
        onSuccess: () => {
          setDraft('');
          void message.success(t('people.mentorship.noteSaved'));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Card variant="borderless" title={t('people.mentorship.notes')} data-testid="mentorship-notes" style={{ height: '100%' }}>
      <Alert type="info" showIcon icon={<LockOutlined />} title={t('people.mentorship.notesPrivate')} style={{ marginBottom: 12 }} />
      {detail.notes === null ? (
        <Typography.Text type="secondary" data-testid="mentorship-notes-hidden">
          {t('people.mentorship.notesHidden')}
        </Typography.Text>
      ) : (
        <>
          {detail.canWrite && (
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Input.TextArea
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
                }}
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={NOTE_MAX}
                placeholder={t('people.mentorship.notePlaceholder')}
                aria-label={t('people.mentorship.note')}
                data-testid="mentorship-note-input"
              />
              <Button type="primary" onClick={save} disabled={!draft.trim()} loading={addNote.isPending} style={{ alignSelf: 'flex-end' }} data-testid="mentorship-note-save">
                {t('people.mentorship.saveNote')}
              </Button>
            </Flex>
          )}
          {detail.notes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.mentorship.noNotes')} />
          ) : (
            <Flex vertical gap={12}>
              {detail.notes.map((note) => (
                <div key={note.id} data-testid="mentorship-note" style={{ borderInlineStart: '3px solid #2f7d8c', paddingInlineStart: 10 }}>
                  <Flex gap={8} align="baseline">
                    <Typography.Text strong>{note.author?.displayName ?? '—'}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(note.createdAt)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{note.body}</Typography.Paragraph>
                </div>
              ))}
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}

/**
 * One mentorship, at /operations/mentoring/:id (supervisors and the training group) and
 * /my/mentoring/:id (the mentor): who, since when, the checklist and milestones, coaching notes
 * (mentor and training group only) and the mentee's learning, exams, role-play and QA.
 */
export default function MentorshipPage({ area }: { area: 'ops' | 'my' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { mentorshipId } = useParams();
  const mentorship = useMentorship(mentorshipId);
  const end = useEndMentorship();
  const header = area === 'ops' ? <OpsHeader tab="mentoring" /> : <MyHeader tab="mentoring" />;
  const back = area === 'ops' ? '/operations/mentoring' : '/my/mentoring';
  if (mentorship.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (mentorship.isError) {
    return (
      <div>
        {header}
        <Alert type="error" showIcon title={errorMessage(mentorship.error)} action={<Link to={back}>{t('people.mentorship.back')}</Link>} />
      </div>
    );
  }
  const detail = mentorship.data;
  return (
    <div data-testid="mentorship-page" data-mentee={detail.mentee.displayName}>
      {header}
      <Link to={back} style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('people.mentorship.back')}
      </Link>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="mentorship-title">
              {t('people.mentorship.title', { mentee: detail.mentee.displayName, mentor: detail.mentor.displayName })}
              {detail.endedOn && (
                <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }} data-testid="mentorship-ended">
                  {t('people.mentorship.endedOn', { date: detail.endedOn })}
                </Tag>
              )}
            </Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 4 }}
              style={{ marginTop: 8 }}
              items={[
                { key: 'teams', label: t('people.fields.teams'), children: detail.menteeTeams.map((team) => team.name).join('、') || '—' },
                { key: 'hire', label: t('people.mentoring.hireDate'), children: detail.menteeHireDate ?? '—' },
                { key: 'start', label: t('people.mentoring.startedOn'), children: detail.startedOn },
                { key: 'mentor', label: t('people.mentoring.mentor'), children: detail.mentor.displayName },
              ]}
            />
          </div>
          {detail.canEnd && (
            <Popconfirm
              title={t('people.mentoring.endConfirm', { name: detail.mentee.displayName })}
              description={t('people.mentoring.endHelp')}
              okText={t('people.mentoring.end')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'mentorship-end-confirm' } as never}
              onConfirm={() =>
                end.mutate(detail.id, {
                  onSuccess: () => {
                    void message.success(t('people.mentoring.ended', { name: detail.mentee.displayName }));
                    navigate(back);
                  },
                  onError: (err) => void message.error(errorMessage(err)),
                })
              }
            >
              <Button data-testid="mentorship-end">{t('people.mentoring.end')}</Button>
            </Popconfirm>
          )}
        </Flex>
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <TasksCard detail={detail} />
        </Col>
        <Col xs={24} lg={12}>
          <NotesCard detail={detail} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('people.results.title', { name: detail.mentee.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('people.results.subtitle')}
      </Typography.Paragraph>
      <MenteeResults detail={detail} />
    </div>
  );
}
