import { CheckCircleOutlined, LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Empty, Flex, Input, Row, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMySessions, useSignIn, type TMakeUpTask, type TMySession } from '../../../api/plans';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { AttendanceTag, KindTag, MakeUpStatusTag, timeRange, when } from './labels';
import { signInProblem } from './sign-in-error';
import './plans.css';

/** The message for a failed sign-in, in the reader's language. */
export function useSignInMessage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (err: unknown) => {
    const problem = signInProblem(err);
    if (problem.kind === 'notYet') return t('plans.signIn.notYet', { time: when(problem.opensAt) });
    if (problem.kind === 'closed') return t('plans.signIn.closed', { time: when(problem.closesAt) });
    if (problem.kind === 'other') return errorMessage(err);
    return t(`plans.signIn.${problem.kind}`);
  };
}

/** Type the code the instructor shows; the server finds which of my sessions it belongs to. */
function SignInBox({ sessions }: { sessions: TMySession[] }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const signInMessage = useSignInMessage();
  const now = Date.now();
  const openNow = sessions.filter((s) => s.status === 'scheduled' && s.attendance !== 'present' && s.attendance !== 'late' && now >= Date.parse(s.signInOpensAt) && now <= Date.parse(s.signInClosesAt));
  const [code, setCode] = useState('');
  const submit = () => code.trim() && signIn.mutate({ code: code.trim(), method: 'code' }, { onSuccess: () => setCode('') });
  return (
    <Card variant="borderless" title={t('plans.my.signInTitle')} data-testid="my-sign-in">
      <Flex vertical gap={12}>
        {openNow.length === 0 ? (
          <Typography.Text type="secondary" data-testid="my-sign-in-none">
            {t('plans.my.noSignInNow')}
          </Typography.Text>
        ) : (
          <Flex gap={6} wrap align="center" data-testid="my-sign-in-open">
            <Typography.Text>{t('plans.my.openNow')}</Typography.Text>
            {openNow.map((s) => (
              <Tag key={s.id} style={{ marginInlineEnd: 0 }}>
                {dayjs(s.startsAt).format('HH:mm')} {s.title}
              </Tag>
            ))}
          </Flex>
        )}
        <Flex gap={8}>
          <Input
            value={code}
            onChange={(event) => setCode(event.target.value.toUpperCase())}
            onPressEnter={submit}
            maxLength={12}
            placeholder={t('plans.my.codePlaceholder')}
            style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: code ? 4 : 0, maxWidth: 220 }}
            data-testid="my-sign-in-code"
          />
          <Button type="primary" icon={<LoginOutlined />} onClick={submit} loading={signIn.isPending} disabled={!code.trim()} data-testid="my-sign-in-submit">
            {t('plans.my.signIn')}
          </Button>
        </Flex>
      </Flex>
      {signIn.isSuccess && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t(signIn.data.attendance === 'late' ? 'plans.signIn.okLate' : 'plans.signIn.ok', { title: signIn.data.title, time: dayjs(signIn.data.signedInAt).format('HH:mm') })}
          data-testid="my-sign-in-ok"
        />
      )}
      {signIn.isError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={signInMessage(signIn.error)} data-testid="my-sign-in-error" />}
    </Card>
  );
}

/** One make-up task as its person sees it: what was missed and what to do. */
function MakeUpItem({ task }: { task: TMakeUpTask }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={`my-makeup-${task.id}`} data-status={task.status}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong>{t('plans.my.missed', { title: task.missedSession.title, date: dayjs(task.missedSession.startsAt).format('YYYY-MM-DD') })}</Typography.Text>
          <MakeUpStatusTag status={task.status} />
        </Flex>
        {task.status === 'open' && (
          <Typography.Text data-testid={`my-makeup-todo-${task.id}`}>
            {task.kind === 'exam'
              ? task.exam && (
                  <>
                    {t('plans.my.passExam', { title: i18n.language === 'en' ? task.exam.title.en : task.exam.title.zh })} <Link to="/learning/exams">{t('plans.my.toExams')}</Link>
                  </>
                )
              : task.makeUpSession
                ? t('plans.my.attendMakeUp', { title: task.makeUpSession.title, time: timeRange(task.makeUpSession.startsAt, task.makeUpSession.endsAt), location: task.makeUpSession.location || '—' })
                : t('plans.my.makeUpToBeSet')}
            {task.dueDate && <Tag style={{ marginInlineStart: 8 }}>{t('plans.my.due', { date: task.dueDate })}</Tag>}
          </Typography.Text>
        )}
        {task.status === 'waived' && task.waiveReason && <Typography.Text type="secondary">{t('plans.my.waived', { reason: task.waiveReason })}</Typography.Text>}
        {task.status === 'done' && task.doneAt && (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t('plans.my.done', { time: when(task.doneAt) })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}

/**
 * 我的课次 at /my/sessions, for everyone: the sign-in box for the code the instructor shows, my
 * make-up tasks, and my upcoming and past sessions with my attendance.
 */
export default function MySessionsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mine = useMySessions();
  const columns = [
    { title: t('plans.fields.time'), key: 'time', width: 190, render: (_: unknown, s: TMySession) => timeRange(s.startsAt, s.endsAt) },
    {
      title: t('plans.fields.sessionTitle'),
      key: 'title',
      render: (_: unknown, s: TMySession) => (
        <Flex gap={6} wrap align="center">
          <span>{s.title}</span>
          {s.makeUpFor && <Tag color="orange">{t('plans.calendar.makeUp')}</Tag>}
          {s.status === 'cancelled' && <Tag>{t('plans.sessionStatus.cancelled')}</Tag>}
        </Flex>
      ),
    },
    { title: t('plans.fields.kind'), key: 'kind', width: 100, render: (_: unknown, s: TMySession) => <KindTag kind={s.kind} /> },
    { title: t('plans.fields.location'), dataIndex: 'location', width: 140, render: (value: string) => value || '—' },
    { title: t('plans.fields.instructor'), key: 'instructor', width: 110, render: (_: unknown, s: TMySession) => s.instructor?.name ?? '—' },
    {
      title: t('plans.my.myAttendance'),
      key: 'attendance',
      width: 180,
      render: (_: unknown, s: TMySession) => (
        <Flex vertical align="flex-start">
          <AttendanceTag attendance={s.attendance} testId={`my-attendance-${s.id}`} />
          {s.excuseReason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.excuseReason}</Typography.Text>}
        </Flex>
      ),
    },
  ];
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div data-testid="my-sessions-page">
      <MyHeader tab="sessions" />
      {mine.isError && <Alert type="error" showIcon title={errorMessage(mine.error)} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <SignInBox sessions={mine.data?.upcoming ?? []} />
        </Col>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('plans.my.makeUpsTitle')} data-testid="my-makeups">
            {(mine.data?.makeUps.length ?? 0) === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.my.noMakeUps')} /> : (
              <Flex vertical>
                {(mine.data?.makeUps ?? []).map((task, index) => (
                  <div key={task.id}>
                    {index > 0 && <Divider style={{ margin: '12px 0' }} />}
                    <MakeUpItem task={task} />
                  </div>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('plans.my.upcoming')} style={{ marginBottom: 16 }}>
        <Table<TMySession> rowKey="id" size="small" dataSource={mine.data?.upcoming ?? []} columns={columns} pagination={false} locale={{ emptyText: t('plans.my.noUpcoming') }} data-testid="my-upcoming" onRow={(s) => ({ 'data-testid': `my-session-${s.id}` }) as React.HTMLAttributes<HTMLElement>} />
      </Card>
      <Card variant="borderless" title={t('plans.my.past')}>
        <Table<TMySession> rowKey="id" size="small" dataSource={mine.data?.past ?? []} columns={columns} pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: t('plans.my.noPast') }} data-testid="my-past" onRow={(s) => ({ 'data-testid': `my-session-${s.id}` }) as React.HTMLAttributes<HTMLElement>} />
      </Card>
    </div>
  );
}
