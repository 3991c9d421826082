import { PlusOutlined, SnippetsOutlined, UndoOutlined } from '@ant-design/icons';
import type { TAssistMessage } from '@calmdesk/shared';
import { ASSIST_LIMITS } from '@calmdesk/shared';
import { App, Button, Empty, Flex, Input, Modal, Segmented, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../hooks/use-error-message';
import { EMOTION_COLOR, RISK_COLOR, useAnalyzerLabels } from '../analyzer/labels';
import { parseTranscript, type TTranscriptRole } from './transcript';
import type { TAssistConversationApi } from './use-assist-conversation';

/** The chat so far: the customer on the left with how each message was read, the agent on the right. */
function MessageList({ assist, offset }: { assist: TAssistConversationApi; offset: number }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const endRef = useRef<HTMLDivElement>(null);
  const readings = useMemo(() => new Map((assist.analysis?.messages ?? []).map((entry) => [entry.index + offset, entry])), [assist.analysis, offset]);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'nearest' });
  }, [assist.messages.length]);

  if (assist.messages.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assist.chat.empty')} style={{ margin: '24px 0' }} />;
  }
  return (
    <div className="cd-assist-chat" data-testid="assist-chat">
      {assist.messages.map((message, index) => {
        const entry = readings.get(index);
        return (
          <div key={index} className={`cd-assist-msg cd-assist-msg--${message.role}`} data-testid={`assist-msg-${index}`} data-role={message.role}>
            <Flex gap={6} align="center" wrap className="cd-assist-msg__meta" justify={message.role === 'agent' ? 'flex-end' : 'flex-start'}>
              <Typography.Text type="secondary">{t(`assist.roles.${message.role}`)}</Typography.Text>
              {entry?.reading && (
                <>
                  <Tag color={EMOTION_COLOR[entry.reading.emotion]} style={{ marginInlineEnd: 0 }}>
                    {labels.emotion(entry.reading.emotion)}
                  </Tag>
                  <span className="cd-assist-risk-dot" style={{ background: RISK_COLOR[entry.reading.risk] }} title={t(`analyzer.riskLevels.${entry.reading.risk}`)} data-risk={entry.reading.risk} />
                </>
              )}
            </Flex>
            <div className="cd-assist-bubble">{message.text}</div>
          </div>
        );
      })}
      <div ref={endRef} />
    </div>
  );
}

/** "Paste a whole chat": the pasted text split by speaker, previewed, then added in one go. */
function PasteChatModal({ open, onClose, onAdd, isBusy }: { open: boolean; onClose: () => void; onAdd: (lines: TAssistMessage[]) => void; isBusy: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const lines = useMemo(() => parseTranscript(text).filter((line) => line.text.length <= ASSIST_LIMITS.textMax), [text]);
  useEffect(() => {
    if (!open) setText('');
  }, [open]);
  return (
    <Modal
      open={open}
      title={t('assist.paste.title')}
      onCancel={onClose}
      onOk={() => onAdd(lines)}
      okText={t('assist.paste.add', { count: lines.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: lines.length === 0, loading: isBusy, 'data-testid': 'assist-paste-submit' } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('assist.paste.help')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoSize={{ minRows: 6, maxRows: 12 }}
        placeholder={t('assist.paste.placeholder')}
        data-testid="assist-paste-input"
      />
      {text.trim() !== '' && (
        <div className="cd-assist-paste-preview" data-testid="assist-paste-preview">
          {lines.length === 0 ? (
            <Typography.Text type="warning">{t('assist.paste.none')}</Typography.Text>
          ) : (
            lines.map((line, index) => (
              <div key={index} className="cd-assist-paste-line">
                <Tag color={line.role === 'customer' ? 'orange' : 'cyan'}>{t(`assist.roles.${line.role}`)}</Tag>
                <span>{line.text}</span>
              </div>
            ))
          )}
        </div>
      )}
    </Modal>
  );
}

/**
 * The conversation as the agent serves it: the messages so far, a box to add the customer's
 * message (or the agent's own reply) as the chat goes, "paste a whole chat" and undo of the last line.
 * @param props.assist the page's conversation state and actions
 * @param props.offset messages before the first one the server read (very long chats)
 */
export function ConversationPanel({ assist, offset }: { assist: TAssistConversationApi; offset: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [role, setRole] = useState<TTranscriptRole>('customer');
  const [text, setText] = useState('');
  const [isPasteOpen, setPasteOpen] = useState(false);
  const isClosed = Boolean(assist.conversation?.closedAt);

  const add = async (lines: TAssistMessage[]) => {
    try {
      await assist.addMessages(lines);
      return true;
    } catch (err) {
      void message.error(errorMessage(err));
      return false;
    }
  };
  const submit = async () => {
    const value = text.trim();
    if (value === '' || assist.isAnalysing) return;
    setText('');
    if (!(await add([{ role, text: value }]))) setText(value);
  };

  return (
    <>
      <MessageList assist={assist} offset={offset} />
      {isClosed ? (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="assist-closed">
          {t('assist.chat.closed')}
        </Typography.Paragraph>
      ) : (
      <div className="cd-assist-composer">
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Segmented<TTranscriptRole>
            value={role}
            onChange={setRole}
            options={[
              { value: 'customer', label: <span data-testid="assist-role-customer">{t('assist.chat.asCustomer')}</span> },
              { value: 'agent', label: <span data-testid="assist-role-agent">{t('assist.chat.asAgent')}</span> },
            ]}
          />
          <Flex gap={4}>
            <Button icon={<SnippetsOutlined />} onClick={() => setPasteOpen(true)} data-testid="assist-paste-open">
              {t('assist.paste.open')}
            </Button>
            <Button
              icon={<UndoOutlined />}
              disabled={assist.messages.length === 0 || isClosed || assist.isAnalysing}
              onClick={() => void assist.removeLastMessage().catch((err: unknown) => void message.error(errorMessage(err)))}
              aria-label={t('assist.chat.undo')}
              title={t('assist.chat.undo')}
              data-testid="assist-undo"
            />
          </Flex>
        </Flex>
        <Input.TextArea
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={(event) => {
            if (event.shiftKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            void submit();
          }}
          maxLength={ASSIST_LIMITS.textMax}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={role === 'customer' ? t('assist.chat.customerPlaceholder') : t('assist.chat.agentPlaceholder')}
          data-testid="assist-message-input"
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }} gap={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assist.chat.enterHint')}
          </Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void submit()} loading={assist.isAnalysing} disabled={text.trim() === ''} data-testid="assist-message-add">
            {t('assist.chat.add')}
          </Button>
        </Flex>
      </div>
      )}
      <PasteChatModal
        open={isPasteOpen}
        onClose={() => setPasteOpen(false)}
        isBusy={assist.isAnalysing}
        onAdd={(lines) => void add(lines).then((isDone) => isDone && setPasteOpen(false))}
      />
    </>
  );
}
