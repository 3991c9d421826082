import type { TRole } from '@calmdesk/shared';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Colours and tags shared by the plans, calendar, session and attendance pages. */

export type TSessionKind = 'classroom' | 'online' | 'drill' | 'roleplay_day';
export type TAttendance = 'enrolled' | 'present' | 'late' | 'excused' | 'absent';
export type TPlanStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** One colour per kind of session, used in the calendar and its legend. */
export const KIND_COLOURS: Record<TSessionKind, string> = { classroom: '#2f7d8c', online: '#1677ff', drill: '#d46b08', roleplay_day: '#722ed1' };
export const SESSION_KINDS: readonly TSessionKind[] = ['classroom', 'online', 'drill', 'roleplay_day'];
const ATTENDANCE_COLOURS: Record<TAttendance, string> = { enrolled: 'default', present: 'green', late: 'gold', excused: 'blue', absent: 'red' };
const PLAN_STATUS_COLOURS: Record<TPlanStatus, string> = { draft: 'default', submitted: 'processing', approved: 'success', returned: 'warning' };

/** Who reads the calendar, plans and attendance: as the server's SESSION_READER_ROLES. */
export const READER_ROLES: readonly TRole[] = ['supervisor', 'trainer', 'deputy', 'leader'];

export const when = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');
export const timeRange = (startsAt: string, endsAt: string) => `${dayjs(startsAt).format('YYYY-MM-DD HH:mm')}–${dayjs(endsAt).format('HH:mm')}`;
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export function KindTag({ kind }: { kind: TSessionKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`plans.kind.${kind}`)}
    </Tag>
  );
}

export function AttendanceTag({ attendance, testId }: { attendance: TAttendance; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={ATTENDANCE_COLOURS[attendance]} style={{ marginInlineEnd: 0 }} data-testid={testId} data-attendance={attendance}>
      {t(`plans.attendance.${attendance}`)}
    </Tag>
  );
}

export function PlanStatusTag({ status }: { status: TPlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLAN_STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="plan-status" data-status={status}>
      {t(`plans.status.${status}`)}
    </Tag>
  );
}

export function SessionStatusTag({ status, closedAt }: { status: 'scheduled' | 'held' | 'cancelled'; closedAt: string | null }) {
  const { t } = useTranslation();
  if (status === 'cancelled') return <Tag color="default">{t('plans.sessionStatus.cancelled')}</Tag>;
  if (closedAt) return <Tag color="success" data-testid="session-closed-tag">{t('plans.sessionStatus.held')}</Tag>;
  return <Tag color="processing">{t('plans.sessionStatus.scheduled')}</Tag>;
}

export function MakeUpStatusTag({ status }: { status: 'open' | 'done' | 'waived' }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'open' ? 'orange' : status === 'done' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-status={status}>
      {t(`plans.makeUp.status.${status}`)}
    </Tag>
  );
}
