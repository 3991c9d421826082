import { AlertOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { ASSIST_LIMITS } from '@calmdesk/shared';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useEscalateAssistConversation } from '../../api/assist';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useAnalyzerLabels } from '../analyzer/labels';
import { PhraseList } from './customer-panel';
import { messagesToSend, type TAssistConversationApi } from './use-assist-conversation';

/**
 * "Notify my supervisor" with an optional note: the last messages go to the supervisor with
 * personal data masked, and the supervisor gets a notice in the app.
 */
export function EscalateModal({ assist, open, onClose }: { assist: TAssistConversationApi; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const escalate = useEscalateAssistConversation();
  const [note, setNote] = useState('');
  const submit = () => {
    const conversation = assist.conversation;
    if (!conversation) return;
    const trimmed = note.trim();
    escalate.mutate(
      { conversationId: conversation.id, body: { messages: messagesToSend(assist.messages).sent, ...(trimmed ? { note: trimmed } : {}) } },
      {
        onSuccess: (escalation) => {
          assist.markEscalated(escalation.id, escalation.createdAt);
          setNote('');
          onClose();
          void message.success(t('assist.escalate.done'));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('assist.escalate.title')}
      onCancel={onClose}
      onOk={submit}
      okText={t('assist.escalate.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: escalate.isPending, 'data-testid': 'assist-escalate-submit' } as never}
    >
      <Typography.Paragraph type="secondary">{t('assist.escalate.help')}</Typography.Paragraph>
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={ASSIST_LIMITS.noteMax}
        showCount
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={t('assist.escalate.notePlaceholder')}
        data-testid="assist-escalate-note"
      />
    </Modal>
  );
}

/**
 * The "bring in your supervisor" banner: at high risk, the reasons, lines to hand over, and
 * the one-click escalation; once sent, "已通知主管" with a link to the escalation.
 * @param props.onPick puts a hand-over line into the draft
 * @param props.onEscalate opens the escalation dialog
 */
export function EscalationPrompt({ assist, onPick, onEscalate }: { assist: TAssistConversationApi; onPick: (line: string) => void; onEscalate: () => void }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const conversation = assist.conversation;
  if (conversation?.escalatedAt) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={<span data-testid="assist-escalated">{t('assist.escalate.notified')}</span>}
        description={t('assist.escalate.notifiedHint')}
        action={
          conversation.escalationId ? (
            <Link to={`/live-assist/escalations/${conversation.escalationId}`} data-testid="assist-escalation-link">
              {t('assist.escalate.view')}
            </Link>
          ) : undefined
        }
        className="cd-assist-banner"
      />
    );
  }
  const prompt = assist.analysis?.escalate;
  if (!prompt?.shouldEscalate || conversation?.closedAt) return null;
  return (
    <Alert
      type="error"
      showIcon
      icon={<AlertOutlined />}
      className="cd-assist-banner"
      data-testid="assist-escalate-banner"
      title={<Typography.Text strong style={{ fontSize: 16 }}>{t('assist.escalate.banner')}</Typography.Text>}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('assist.escalate.because')}
            {prompt.reasons.length > 0 ? prompt.reasons.map((reason) => labels.riskReason(reason.split(':')[0] ?? reason)).join(t('analyzer.listSeparator')) : t('analyzer.riskLevels.high')}
          </Typography.Text>
          {prompt.phrases.length > 0 && (
            <>
              <Typography.Text type="secondary">{t('assist.escalate.phrases')}</Typography.Text>
              <PhraseList phrases={prompt.phrases.slice(0, 2)} onPick={onPick} testId="assist-escalate-phrase" />
            </>
          )}
          <div>
            <Button type="primary" danger icon={<AlertOutlined />} onClick={onEscalate} data-testid="assist-escalate">
              {t('assist.escalate.button')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
