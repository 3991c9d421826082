import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMarkNotificationsRead, useNotifications, type TNotification } from '../api/notifications';

/** A notice's time: "14:05" today, "12-03 14:05" this year, the full date before. */
function noticeTime(iso: string): string {
  const at = dayjs(iso);
  if (at.isSame(dayjs(), 'day')) return at.format('HH:mm');
  return at.isSame(dayjs(), 'year') ? at.format('MM-DD HH:mm') : at.format('YYYY-MM-DD');
}

/**
 * The bell in the header: the unread count as a badge (asked for every minute), a list of my
 * latest notices (survey invitations and reminders, absence warnings, plan decisions…); a click
 * marks the notice read and opens its page; "mark all read" clears the badge.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const notices = query.data?.notifications ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  const openNotice = (notice: TNotification) => {
    setOpen(false);
    if (!notice.readAt) markRead.mutate([notice.id]);
    if (notice.link) navigate(notice.link);
  };

  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ paddingBottom: 8, borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('surveys.bell.title')}</Typography.Text>
        <Button type="link" size="small" icon={<CheckOutlined />} disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)} data-testid="notification-mark-all">
          {t('surveys.bell.markAll')}
        </Button>
      </Flex>
      {query.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.bell.empty')} style={{ margin: '16px 0' }} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto' }}>
          {notices.map((notice) => (
            <button
              key={notice.id}
              type="button"
              onClick={() => openNotice(notice)}
              data-testid={`notification-${notice.kind}`}
              data-unread={notice.readAt ? 'false' : 'true'}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'start',
                border: 0,
                borderBottom: '1px solid #f5f5f5',
                background: notice.readAt ? 'transparent' : '#f0f8fa',
                padding: '10px 8px',
                cursor: notice.link ? 'pointer' : 'default',
                font: 'inherit',
              }}
            >
              <Flex justify="space-between" gap={8} align="baseline">
                <Typography.Text strong={!notice.readAt} style={{ flex: 1 }}>
                  {!notice.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
                  {notice.title[lang] || notice.title.zh}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {noticeTime(notice.createdAt)}
                </Typography.Text>
              </Flex>
              {(notice.body[lang] ?? notice.body.zh) && (
                <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }} ellipsis={{ rows: 2 }}>
                  {notice.body[lang] ?? notice.body.zh}
                </Typography.Paragraph>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      <Button type="text" aria-label={unread > 0 ? t('surveys.bell.ariaUnread', { count: unread }) : t('surveys.bell.title')} data-testid="notification-bell" style={{ paddingInline: 8 }}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
