import { ArrowLeftOutlined, CloseCircleOutlined, QrcodeOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import type { TEnrolment } from '@calmdesk/shared';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Modal, Radio, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { usePeople, useTeams } from '../../../api/admin';
import { useExams } from '../../../api/learning';
import { useCancelSession, useCloseSession, useEnrol, useMarkAttendance, useSession, useSessions, useStartSignIn, type TSessionDetail, type TSignInCode } from '../../../api/plans';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { OpsHeader } from '../ops-header';
import { AttendanceTag, KindTag, SessionStatusTag, timeRange, when, type TAttendance } from './labels';
import './plans.css';

/** The code in large letters and its QR code (the sign-in page with session and code), with the window. */
function SignInPanel({ code }: { code: TSignInCode }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  const url = `${window.location.origin}${code.path}`;
  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(url, { width: 220, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => isCurrent && setQr(data))
      .catch(() => isCurrent && setQr(null));
    return () => {
      isCurrent = false;
    };
  }, [url]);
  const now = Date.now();
  const state = code.isOpen ? 'open' : now < Date.parse(code.opensAt) ? 'notYet' : 'closed';
  return (
    <Card variant="borderless" style={{ marginBottom: 16, borderLeft: `4px solid ${code.isOpen ? '#52c41a' : '#faad14'}` }} data-testid="session-sign-in">
      <Flex gap={32} align="center" wrap>
        <div>
          <Typography.Text type="secondary">{t('plans.session.codeLabel')}</Typography.Text>
          <div className="cd-plans-code" data-testid="session-code">
            {code.code}
          </div>
          <Typography.Text type={code.isOpen ? 'success' : 'warning'} data-testid="session-code-state">
            {t(`plans.session.window.${state}`, { opens: when(code.opensAt), closes: when(code.closesAt) })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', maxWidth: 420 }}>
            {t('plans.session.codeHint')}
          </Typography.Paragraph>
        </div>
        {qr && <img src={qr} width={220} height={220} alt={t('plans.session.qrAlt')} data-testid="session-qr" data-url={url} />}
      </Flex>
    </Card>
  );
}

/** Closing: what the absent must do (a later session, chosen now or later, or an exam) and by when. */
function CloseModal({ session, isOpen, onClose }: { session: TSessionDetail; isOpen: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const close = useCloseSession();
  const exams = useExams();
  const today = dayjs();
  const later = useSessions(today.format('YYYY-MM-DD'), today.add(180, 'day').format('YYYY-MM-DD'));
  const [kind, setKind] = useState<'session' | 'exam'>('session');
  const [makeUpSessionId, setMakeUpSessionId] = useState<string | null>(null);
  const [examId, setExamId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<Dayjs | null>(null);
  const stillEnrolled = session.enrolments.filter((e) => e.attendance === 'enrolled').length;
  const submit = () =>
    close.mutate(
      {
        id: session.id,
        request: { makeUp: kind === 'exam' && examId ? { kind: 'exam', examId } : { kind: 'session', makeUpSessionId }, dueDate: dueDate ? dueDate.format('YYYY-MM-DD') : null },
      },
      {
        onSuccess: (result) => {
          void message.success(t('plans.session.closedToast', { absent: result.makeUpTasks, survey: result.reactionSurveyId ? t('plans.session.surveySent') : '' }));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Modal
      open={isOpen}
      title={t('plans.session.closeTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('plans.session.closeConfirm')}
      okButtonProps={{ danger: true, loading: close.isPending, disabled: kind === 'exam' && !examId, 'data-testid': 'session-close-confirm' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('plans.session.closeHint', { count: stillEnrolled })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('plans.session.makeUpKind')}>
          <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as 'session' | 'exam')} data-testid="session-close-kind">
            <Radio value="session">{t('plans.makeUp.kind.session')}</Radio>
            <Radio value="exam">{t('plans.makeUp.kind.exam')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'session' ? (
          <Form.Item label={t('plans.session.makeUpSession')} extra={t('plans.session.makeUpSessionHint')}>
            <Select
              allowClear
              value={makeUpSessionId}
              onChange={(value) => setMakeUpSessionId(value ?? null)}
              options={(later.data ?? []).filter((s) => s.id !== session.id && s.status === 'scheduled' && !s.closedAt).map((s) => ({ value: s.id, label: `${dayjs(s.startsAt).format('MM-DD HH:mm')} ${s.title}` }))}
              placeholder={t('plans.session.makeUpLater')}
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('plans.session.makeUpExam')} required>
            <Select value={examId} onChange={setExamId} options={(exams.data ?? []).map((exam) => ({ value: exam.id, label: i18n.language === 'en' ? exam.title.en : exam.title.zh }))} data-testid="session-close-exam" />
          </Form.Item>
        )}
        <Form.Item label={t('plans.session.dueDate')}>
          <DatePicker value={dueDate} onChange={setDueDate} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds people or teams to the session. */
function EnrolModal({ session, isOpen, onClose }: { session: TSessionDetail; isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const enrol = useEnrol();
  const people = usePeople(isOpen);
  const teams = useTeams();
  const [userIds, setUserIds] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  return (
    <Modal
      open={isOpen}
      title={t('plans.session.enrolTitle')}
      onCancel={onClose}
      okButtonProps={{ disabled: userIds.length + teamIds.length === 0, loading: enrol.isPending, 'data-testid': 'session-enrol-confirm' } as never}
      onOk={() =>
        enrol.mutate(
          { id: session.id, userIds, teamIds },
          {
            onSuccess: () => {
              void message.success(t('plans.session.enrolledToast'));
              setUserIds([]);
              setTeamIds([]);
              onClose();
            },
            onError: (error) => void message.error(errorMessage(error)),
          },
        )
      }
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('plans.fields.teams')}>
          <Select mode="multiple" value={teamIds} onChange={setTeamIds} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item label={t('plans.fields.people')}>
          <Select mode="multiple" value={userIds} onChange={setUserIds} showSearch={{ optionFilterProp: 'label' }} options={(people.data ?? []).map((person) => ({ value: person.id, label: `${person.displayName}（${person.login}）` }))} data-testid="session-enrol-people" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const MARKABLE: TAttendance[] = ['present', 'late', 'excused', 'absent'];

/** The attendance cell: a select for those who run the session; excused asks for the reason. */
function AttendanceCell({ session, enrolment }: { session: TSessionDetail; enrolment: TEnrolment }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const mark = useMarkAttendance();
  const testId = `attendance-${enrolment.user.id}`;
  if (!session.canManage || session.status === 'cancelled') return <AttendanceTag attendance={enrolment.attendance} testId={testId} />;
  const save = (attendance: TAttendance, reason: string | null) =>
    mark.mutate({ id: session.id, marks: [{ userId: enrolment.user.id, attendance, reason }] }, { onError: (error) => void message.error(errorMessage(error)) });
  const choose = (attendance: TAttendance) => {
    if (attendance !== 'excused') return save(attendance, null);
    let reason = '';
    void modal.confirm({
      title: t('plans.session.excuseTitle', { name: enrolment.user.displayName }),
      content: <Input.TextArea autoFocus maxLength={500} onChange={(event) => (reason = event.target.value)} placeholder={t('plans.session.excusePlaceholder')} data-testid="excuse-reason" />,
      okButtonProps: { 'data-testid': 'excuse-confirm' } as never,
      onOk: () => {
        if (!reason.trim()) {
          void message.warning(t('plans.session.excuseRequired'));
          return Promise.reject(new Error('reason required'));
        }
        save('excused', reason.trim());
        return Promise.resolve();
      },
    });
  };
  return (
    <Select<TAttendance>
      size="small"
      value={enrolment.attendance}
      style={{ width: 110 }}
      onChange={choose}
      loading={mark.isPending}
      options={[...(session.closedAt ? [] : (['enrolled'] as TAttendance[])), ...MARKABLE].map((value) => ({ value, label: <AttendanceTag attendance={value} /> }))}
      data-testid={testId}
      data-attendance={enrolment.attendance}
    />
  );
}

/**
 * A session at /operations/sessions/:sessionId: details; for whoever runs it, start sign-in (the
 * code and its QR code), enrol, correct attendance and close; the enrolled people the caller may
 * see with their attendance; the reaction questionnaire once sent.
 */
export default function SessionPage() {
  const { t, i18n } = useTranslation();
  const { sessionId } = useParams();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const query = useSession(sessionId);
  const startSignIn = useStartSignIn();
  const cancel = useCancelSession();
  const [isClosing, setIsClosing] = useState(false);
  const [isEnrolling, setIsEnrolling] = useState(false);
  const back = (
    <Link to={query.data ? `/operations/calendar?month=${dayjs(query.data.startsAt).format('YYYY-MM')}` : '/operations/calendar'}>
      <Button icon={<ArrowLeftOutlined />}>{t('plans.session.back')}</Button>
    </Link>
  );
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  const session = query.data;
  const isOpen = session.status === 'scheduled' && !session.closedAt;
  const hasEnded = Date.now() > Date.parse(session.endsAt);
  const hasStarted = Date.now() >= Date.parse(session.startsAt);

  return (
    <div data-testid="session-page" data-session-id={session.id}>
      <OpsHeader tab="calendar" extra={back} />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Space size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="session-title">
            {session.title}
          </Typography.Title>
          <KindTag kind={session.kind} />
          <SessionStatusTag status={session.status} closedAt={session.closedAt} />
        </Space>
        {session.canManage && isOpen && (
          <Space wrap>
            <Button icon={<UserAddOutlined />} onClick={() => setIsEnrolling(true)} data-testid="session-enrol">
              {t('plans.session.enrol')}
            </Button>
            {!hasEnded && (
              <Button
                icon={<QrcodeOutlined />}
                onClick={() => startSignIn.mutate(session.id, { onError: (error) => void message.error(errorMessage(error)) })}
                loading={startSignIn.isPending}
                data-testid="session-start-sign-in"
              >
                {session.signIn ? t('plans.session.showCode') : t('plans.session.startSignIn')}
              </Button>
            )}
            <Button
              icon={<StopOutlined />}
              onClick={() =>
                void modal.confirm({
                  title: t('plans.session.cancelTitle'),
                  content: t('plans.session.cancelHint'),
                  okButtonProps: { danger: true, 'data-testid': 'session-cancel-confirm' } as never,
                  onOk: () => cancel.mutateAsync(session.id).catch((error: unknown) => void message.error(errorMessage(error))),
                })
              }
              data-testid="session-cancel"
            >
              {t('plans.session.cancel')}
            </Button>
            <Button type="primary" danger icon={<CloseCircleOutlined />} disabled={!hasStarted} onClick={() => setIsClosing(true)} data-testid="session-close">
              {t('plans.session.close')}
            </Button>
          </Space>
        )}
      </Flex>
      {session.signIn && isOpen && <SignInPanel code={session.signIn} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={16}>
          <Card variant="borderless" style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('plans.fields.time')}>{timeRange(session.startsAt, session.endsAt)}</Descriptions.Item>
              <Descriptions.Item label={t('plans.fields.location')}>{session.location || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('plans.fields.instructor')}>{session.instructor?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('plans.session.plan')}>{session.plan ? <Link to={`/operations/plans/${session.plan.id}`}>{session.plan.title}</Link> : t('plans.session.oneOff')}</Descriptions.Item>
              {session.course && <Descriptions.Item label={t('plans.fields.course')}>{i18n.language === 'en' ? session.course.title.en : session.course.title.zh}</Descriptions.Item>}
              {session.makeUpFor && (
                <Descriptions.Item label={t('plans.session.makeUpFor')}>
                  <Link to={`/operations/sessions/${session.makeUpFor.id}`}>{session.makeUpFor.title}</Link>
                </Descriptions.Item>
              )}
              {session.closedAt && <Descriptions.Item label={t('plans.session.closedAt')}>{when(session.closedAt)}</Descriptions.Item>}
              {session.reactionSurveyId && (
                <Descriptions.Item label={t('plans.session.reaction')}>
                  <Link to={`/operations/surveys/${session.reactionSurveyId}`} data-testid="session-reaction-survey">
                    {t('plans.session.reactionLink')}
                  </Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            {session.description && <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{session.description}</Typography.Paragraph>}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card variant="borderless" style={{ height: '100%' }}>
            <Row gutter={8}>
              <Col span={8}>
                <Statistic title={t('plans.calendar.enrolled')} value={session.enrolledCount} />
              </Col>
              <Col span={8}>
                <Statistic title={t('plans.session.attended')} value={session.attendedCount} styles={{ content: { color: '#389e0d' } }} />
              </Col>
              <Col span={8}>
                <Statistic title={t('plans.session.absent')} value={session.absentCount} styles={{ content: { color: session.absentCount ? '#cf1322' : undefined } }} data-testid="session-absent-count" />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" title={t('plans.session.enrolments')}>
        {session.hiddenEnrolmentCount > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plans.session.hidden', { count: session.hiddenEnrolmentCount })} />}
        <Table<TEnrolment>
          rowKey={(row) => row.user.id}
          size="small"
          dataSource={session.enrolments}
          pagination={session.enrolments.length > 50 ? { pageSize: 50 } : false}
          data-testid="session-enrolments"
          onRow={(row) => ({ 'data-testid': `enrolment-${row.user.id}`, 'data-name': row.user.displayName }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('plans.session.person'), key: 'name', render: (_, row) => row.user.displayName },
            { title: t('plans.fields.teams'), key: 'teams', render: (_, row) => row.teams.join('、') || '—' },
            { title: t('plans.session.attendance'), key: 'attendance', width: 140, render: (_, row) => <AttendanceCell session={session} enrolment={row} /> },
            { title: t('plans.session.signedInAt'), key: 'signedInAt', width: 150, render: (_, row) => (row.signedInAt ? `${dayjs(row.signedInAt).format('HH:mm:ss')} · ${t(`plans.session.method.${row.signInMethod ?? 'manual'}`)}` : '—') },
            { title: t('plans.session.reason'), key: 'reason', render: (_, row) => row.excuseReason ?? '—' },
            { title: t('plans.session.markedBy'), key: 'markedBy', width: 120, render: (_, row) => (row.markedBy ? `${row.markedBy}` : '—') },
          ]}
        />
      </Card>
      <CloseModal session={session} isOpen={isClosing} onClose={() => setIsClosing(false)} />
      <EnrolModal session={session} isOpen={isEnrolling} onClose={() => setIsEnrolling(false)} />
    </div>
  );
}
