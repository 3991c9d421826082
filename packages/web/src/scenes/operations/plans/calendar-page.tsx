import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Calendar, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSessions, type TSessionSummary } from '../../../api/plans';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { OpsHeader } from '../ops-header';
import { KIND_COLOURS, KindTag, SESSION_KINDS, SessionStatusTag, timeRange } from './labels';
import { SessionFormModal } from './session-form';
import './plans.css';

/**
 * 培训日历 at /operations/calendar: the month's sessions in a calendar, one colour per kind, and
 * the same sessions as a list (attendance counts once held). Trainers schedule one-off sessions
 * here; supervisors drills for their own teams. The month is in the address (?month=2026-03).
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const roles = useCurrentSession().roles;
  const canSchedule = roles.includes('trainer') || roles.includes('supervisor');
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month');
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const [isCreating, setIsCreating] = useState(false);
  const [createOn, setCreateOn] = useState<Dayjs | undefined>();
  // The calendar shows parts of the months around; fetch a little either side.
  const sessions = useSessions(month.subtract(7, 'day').format('YYYY-MM-DD'), month.endOf('month').add(14, 'day').format('YYYY-MM-DD'));
  const byDay = new Map<string, TSessionSummary[]>();
  for (const session of sessions.data ?? []) {
    const key = dayjs(session.startsAt).format('YYYY-MM-DD');
    byDay.set(key, [...(byDay.get(key) ?? []), session]);
  }
  const inMonth = (sessions.data ?? []).filter((session) => dayjs(session.startsAt).isSame(month, 'month'));

  return (
    <div data-testid="calendar-page">
      <OpsHeader
        tab="calendar"
        extra={
          canSchedule && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreateOn(undefined);
                setIsCreating(true);
              }}
              data-testid="session-new"
            >
              {t('plans.calendar.new')}
            </Button>
          )
        }
      />
      {sessions.isError && <Alert type="error" showIcon title={errorMessage(sessions.error)} />}
      <Flex gap={12} wrap style={{ marginBottom: 8 }} data-testid="calendar-legend">
        {SESSION_KINDS.map((kind) => (
          <Flex key={kind} gap={6} align="center">
            <span style={{ width: 12, height: 12, borderRadius: 3, background: KIND_COLOURS[kind], display: 'inline-block' }} />
            <Typography.Text type="secondary">{t(`plans.kind.${kind}`)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Calendar
          value={month.isSame(dayjs(), 'month') ? dayjs() : month}
          onPanelChange={(value) => setParams({ month: value.format('YYYY-MM') })}
          onSelect={(value, info) => {
            if (info.source !== 'date') {
              setParams({ month: value.format('YYYY-MM') });
              return;
            }
            if (!value.isSame(month, 'month')) setParams({ month: value.format('YYYY-MM') });
          }}
          cellRender={(date, info) => {
            if (info.type !== 'date') return info.originNode;
            const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
            return (
              <div data-testid={`calendar-day-${date.format('YYYY-MM-DD')}`}>
                {list.map((session) => (
                  <Link
                    key={session.id}
                    to={`/operations/sessions/${session.id}`}
                    className={`cd-plans-cal-item${session.status === 'cancelled' ? ' is-cancelled' : ''}`}
                    style={{ borderLeftColor: KIND_COLOURS[session.kind] }}
                    title={`${dayjs(session.startsAt).format('HH:mm')} ${session.title}`}
                    data-testid={`calendar-session-${session.id}`}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {dayjs(session.startsAt).format('HH:mm')} {session.title}
                  </Link>
                ))}
              </div>
            );
          }}
          data-testid="calendar"
        />
      </Card>
      <Card variant="borderless" title={t('plans.calendar.monthList', { month: month.format('YYYY-MM') })}>
        <Table<TSessionSummary>
          rowKey="id"
          size="small"
          loading={sessions.isPending}
          dataSource={inMonth}
          pagination={false}
          locale={{ emptyText: t('plans.calendar.empty') }}
          data-testid="calendar-list"
          onRow={(session) => ({ 'data-testid': `calendar-row-${session.id}`, 'data-title': session.title }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('plans.fields.time'), key: 'time', width: 190, render: (_, s) => timeRange(s.startsAt, s.endsAt) },
            {
              title: t('plans.fields.sessionTitle'),
              key: 'title',
              render: (_, s) => (
                <Flex gap={6} align="center" wrap>
                  <Link to={`/operations/sessions/${s.id}`}>{s.title}</Link>
                  {s.makeUpFor && <Tag color="orange">{t('plans.calendar.makeUp')}</Tag>}
                </Flex>
              ),
            },
            { title: t('plans.fields.kind'), key: 'kind', width: 100, render: (_, s) => <KindTag kind={s.kind} /> },
            { title: t('plans.fields.location'), dataIndex: 'location', width: 140, render: (value: string) => value || '—' },
            { title: t('plans.fields.instructor'), key: 'instructor', width: 110, render: (_, s) => s.instructor?.name ?? '—' },
            { title: t('plans.calendar.enrolled'), dataIndex: 'enrolledCount', width: 80, align: 'right' },
            {
              title: t('plans.calendar.attendance'),
              key: 'attendance',
              width: 150,
              render: (_, s) => (s.closedAt ? t('plans.calendar.attendanceCounts', { attended: s.attendedCount, absent: s.absentCount, excused: s.excusedCount }) : '—'),
            },
            { title: t('plans.fields.status'), key: 'status', width: 90, render: (_, s) => <SessionStatusTag status={s.status} closedAt={s.closedAt} /> },
          ]}
        />
      </Card>
      <SessionFormModal
        isOpen={isCreating}
        defaultDate={createOn}
        onClose={() => setIsCreating(false)}
        onCreated={(session) => {
          setIsCreating(false);
          navigate(`/operations/sessions/${session.id}`);
        }}
      />
    </div>
  );
}
