import { FlagOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFlagQaConversation, useQaCoaching } from '../../api/qa';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { qaAccess } from './access';
import { isSendable, openFlagOf, REASON_MAX } from './coaching';

/**
 * 标记辅导 on a conversation's page: a supervisor (or anyone who may flag) writes why the agent
 * should go over this conversation with their mentor, and it joins the coaching queue. When it
 * is in the queue already, says so and links there; flagging again replaces the reason.
 * Renders nothing for the roles that may not flag (mentors coach, they do not flag).
 * @param props.conversationId the conversation
 * @param props.style placement in the page's row
 */
export function FlagButton({ conversationId, style }: { conversationId: string; style?: CSSProperties }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const canFlag = qaAccess(session.roles).canFlag;
  const openQueue = useQaCoaching('open', canFlag);
  const flag = useFlagQaConversation();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!canFlag) return null;
  const existing = openFlagOf(openQueue.data, conversationId);

  const submit = () => {
    if (!isSendable(reason, REASON_MAX)) return;
    flag.mutate(
      { conversationId, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          setReason('');
          void message.success(t('qa.coaching.flagged'));
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };

  return (
    <Flex gap={8} align="center" style={style} data-testid="qa-flag">
      {existing && (
        <Link to="/qa/coaching" data-testid="qa-flag-in-queue">
          <Tag color="gold" icon={<FlagOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('qa.coaching.inQueue')}
          </Tag>
        </Link>
      )}
      <Button icon={<FlagOutlined />} onClick={() => setOpen(true)} data-testid="qa-flag-open">
        {t('qa.coaching.flag')}
      </Button>
      <Modal
        open={isOpen}
        title={t('qa.coaching.flagTitle')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('qa.coaching.flagSubmit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !isSendable(reason, REASON_MAX), loading: flag.isPending, 'data-testid': 'qa-flag-submit' } as never}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{existing ? t('qa.coaching.flagAgainHelp') : t('qa.coaching.flagHelp')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={REASON_MAX}
          showCount
          placeholder={t('qa.coaching.reasonPlaceholder')}
          aria-label={t('qa.coaching.reason')}
          autoFocus
          style={{ marginBottom: 16 }}
          data-testid="qa-flag-reason"
        />
      </Modal>
    </Flex>
  );
}
