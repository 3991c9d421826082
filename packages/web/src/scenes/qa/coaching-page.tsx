import { CheckOutlined, RobotOutlined, SendOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Input, Pagination, Skeleton, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCommentOnQaFlag, useMarkQaFlagDone, useQaCoaching, type TQaCoachingItem, type TQaCoachingStatus } from '../../api/qa';
import { useErrorMessage } from '../../hooks/use-error-message';
import { COMMENT_MAX, coachingReason, isSendable } from './coaching';
import { RiskTags, ScoreTag } from './conversation-tags';
import { useQaLabels } from './labels';
import { QaHeader } from './qa-header';
import './qa.css';
import './coaching.css';

const PAGE_SIZE = 10;
const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : null);

/** Why the conversation is in the queue: the rules' flags as tags, or the person's words. */
function Reason({ item }: { item: TQaCoachingItem }) {
  const { t } = useTranslation();
  const labels = useQaLabels();
  const reason = coachingReason(item);
  return (
    <Flex gap={8} align="flex-start" wrap className="cd-qa-coaching__reason" data-testid={`qa-coaching-reason-${item.id}`}>
      {reason.origin === 'rule' ? (
        <>
          <Tag icon={<RobotOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('qa.coaching.byRules')}
          </Tag>
          {reason.codes.map((code) => (
            <Tag key={code} color={code === 'missed_escalation' ? 'red' : code === 'avoid_language' ? 'volcano' : 'gold'} style={{ marginInlineEnd: 0 }}>
              {labels.flag(code)}
            </Tag>
          ))}
        </>
      ) : (
        <>
          <Tag icon={<UserOutlined />} color="blue" style={{ marginInlineEnd: 0 }}>
            {t('qa.coaching.byPerson', { name: item.createdBy?.displayName ?? t('qa.coaching.someone') })}
          </Tag>
          <Typography.Text className="cd-qa-coaching__quote">{reason.text}</Typography.Text>
        </>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
        {t('qa.coaching.flaggedAt', { time: when(item.createdAt) })}
      </Typography.Text>
    </Flex>
  );
}

/** The comments, oldest first, and the box to add one. */
function Thread({ item }: { item: TQaCoachingItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const comment = useCommentOnQaFlag();
  const [draft, setDraft] = useState('');
  const send = () => {
    if (!isSendable(draft, COMMENT_MAX) || comment.isPending) return;
    comment.mutate(
      { flagId: item.id, body: draft.trim() },
      { onSuccess: () => setDraft(''), onError: (error) => void message.error(errorMessage(error)) },
    );
  };
  return (
    <div className="cd-qa-coaching__thread" data-testid={`qa-coaching-thread-${item.id}`}>
      {item.comments.map((entry) => (
        <div key={entry.id} className="cd-qa-coaching__comment" data-testid="qa-coaching-comment">
          <Flex gap={8} align="baseline">
            <Typography.Text strong>{entry.author?.displayName ?? t('qa.coaching.someone')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {when(entry.createdAt)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.body}</Typography.Paragraph>
        </div>
      ))}
      <Flex gap={8} align="flex-end" style={{ marginTop: item.comments.length > 0 ? 4 : 0 }}>
        <Input.TextArea
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={COMMENT_MAX}
          placeholder={item.status === 'open' ? t('qa.coaching.commentPlaceholder') : t('qa.coaching.commentPlaceholderDone')}
          aria-label={t('qa.coaching.comment')}
          data-testid={`qa-coaching-comment-input-${item.id}`}
        />
        <Button icon={<SendOutlined />} onClick={send} disabled={!isSendable(draft, COMMENT_MAX)} loading={comment.isPending} data-testid={`qa-coaching-comment-send-${item.id}`}>
          {t('qa.coaching.send')}
        </Button>
      </Flex>
    </div>
  );
}

/** One flagged conversation: who, when, its score and risk, why it was flagged, the thread, and "mark as coached". */
function CoachingCard({ item }: { item: TQaCoachingItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const markDone = useMarkQaFlagDone();
  const { conversation } = item;
  const done = () =>
    markDone.mutate(item.id, {
      onSuccess: () => void message.success(t('qa.coaching.doneToast', { name: conversation.agent.name ?? t('qa.roles.agent') })),
      onError: (error) => void message.error(errorMessage(error)),
    });
  return (
    <Card variant="borderless" size="small" className="cd-qa-coaching" data-testid={`qa-coaching-item-${item.id}`} data-conversation-id={conversation.id}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {conversation.agent.name ?? t('common.none')}
            </Typography.Text>
            <ScoreTag score={conversation.score} />
            {conversation.hadHighRisk && <RiskTags hadHighRisk isEscalationMissed={conversation.isEscalationMissed} />}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[when(conversation.startedAt) ?? t('qa.conversations.noTime'), conversation.shop, conversation.channel, conversation.externalId].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          <Link to={`/qa/conversations/${conversation.id}`} data-testid={`qa-coaching-open-${item.id}`}>
            <Button>{t('qa.coaching.open')}</Button>
          </Link>
          {item.status === 'open' && (
            <Button type="primary" icon={<CheckOutlined />} onClick={done} loading={markDone.isPending} data-testid={`qa-coaching-done-${item.id}`}>
              {t('qa.coaching.markDone')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Reason item={item} />
      {item.status === 'done' && (
        <Typography.Text type="success" style={{ display: 'block', fontSize: 13, marginTop: 4 }} data-testid={`qa-coaching-done-by-${item.id}`}>
          <CheckOutlined /> {t('qa.coaching.doneBy', { name: item.doneBy?.displayName ?? t('qa.coaching.someone'), time: when(item.doneAt) })}
        </Typography.Text>
      )}
      <Thread item={item} />
    </Card>
  );
}

/** One tab of the queue, a page of ten at a time. */
function Queue({ status }: { status: TQaCoachingStatus }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queue = useQaCoaching(status);
  const [page, setPage] = useState(1);
  if (queue.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (queue.isError) return <Alert type="error" showIcon title={errorMessage(queue.error)} />;
  const items = queue.data;
  if (items.length === 0) return <Empty description={status === 'open' ? t('qa.coaching.emptyOpen') : t('qa.coaching.emptyDone')} data-testid={`qa-coaching-empty-${status}`} />;
  const current = Math.min(page, Math.ceil(items.length / PAGE_SIZE));
  return (
    <Flex vertical gap={12} data-testid={`qa-coaching-list-${status}`}>
      {items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((item) => (
        <CoachingCard key={item.id} item={item} />
      ))}
      {items.length > PAGE_SIZE && (
        <Pagination
          current={current}
          pageSize={PAGE_SIZE}
          total={items.length}
          onChange={(next) => {
            setPage(next);
            window.scrollTo({ top: 0 });
          }}
          showSizeChanger={false}
          style={{ alignSelf: 'flex-end' }}
        />
      )}
    </Flex>
  );
}

/**
 * 辅导队列 at /qa/coaching: conversations flagged for coaching by the import rules (low score,
 * missed escalation, language to avoid) or by a supervisor, for the people who coach those
 * agents (mentors and supervisors: their teams). Each opens its conversation, carries a
 * thread of comments and is marked as coached when the talk has happened.
 */
export default function CoachingPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TQaCoachingStatus>('open');
  const open = useQaCoaching('open');
  const label = (key: TQaCoachingStatus, count: number | undefined) => (
    <span data-testid={`qa-coaching-tab-${key}`}>
      {t(`qa.coaching.tab.${key}`)}
      {count !== undefined && key === 'open' && (
        <Tag color={count > 0 ? 'gold' : 'default'} style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {count}
        </Tag>
      )}
    </span>
  );
  return (
    <div data-testid="qa-coaching">
      <QaHeader tab="coaching" />
      <Typography.Paragraph type="secondary" style={{ marginTop: -4, maxWidth: 960 }}>
        {t('qa.coaching.intro')}
      </Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(key) => setStatus(key as TQaCoachingStatus)}
        items={[
          { key: 'open', label: label('open', open.data?.length), children: <Queue status="open" /> },
          { key: 'done', label: label('done', undefined), children: <Queue status="done" /> },
        ]}
        destroyOnHidden
      />
    </div>
  );
}
