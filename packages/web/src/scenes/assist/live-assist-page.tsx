import { AlertOutlined, CloseCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Popconfirm, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAssistLoad } from '../../api/assist';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { AssistHeader } from './assist-header';
import { ConversationPanel } from './conversation-panel';
import { CustomerStatus, CustomerTrajectory, LatestCues, PhraseList } from './customer-panel';
import { DraftBox } from './draft-box';
import { EscalateModal, EscalationPrompt } from './escalation-prompt';
import { PauseCard } from './pause-card';
import { insertIntoDraft } from './reading';
import { messagesToSend, useAssistConversation } from './use-assist-conversation';
import './assist.css';

/**
 * 实时辅助 at /live-assist (SPEC §2.5): while serving a real customer, the agent adds the
 * customer's messages (typed, pasted, or a whole chat at once) and their own replies; the page
 * shows the customer's emotion and risk over the conversation, the latest message's cues with
 * the reasons, openers and empathy lines to put into the draft, the draft's check as it is
 * typed, the "bring in your supervisor" prompt at high risk with a one-click escalation, and,
 * after a run of high-risk conversations, a one-minute breathing pause. Works on a phone: the
 * columns stack, the customer's state first.
 */
export default function LiveAssistPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const assist = useAssistConversation(`${session.user.id}.${session.organisation.id}`);
  const myLoad = useMyAssistLoad();
  const [draft, setDraft] = useState('');
  const [isEscalateOpen, setEscalateOpen] = useState(false);
  const [isAddingReply, setAddingReply] = useState(false);

  const { offset } = messagesToSend(assist.messages);
  const analysis = assist.analysis;
  const conversation = assist.conversation;
  const isClosed = Boolean(conversation?.closedAt);
  const load = myLoad.data ?? analysis?.load ?? null;
  const pick = (line: string) => setDraft((previous) => insertIntoDraft(previous, line));

  const addReply = async () => {
    const text = draft.trim();
    if (text === '') return;
    setAddingReply(true);
    try {
      await assist.addMessages([{ role: 'agent', text }]);
      setDraft('');
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setAddingReply(false);
    }
  };
  const closeConversation = () => void assist.closeConversation().catch((err: unknown) => void message.error(errorMessage(err)));
  const startNew = () =>
    void assist
      .startNew()
      .then(() => setDraft(''))
      .catch((err: unknown) => void message.error(errorMessage(err)));

  const actions = (
    <Flex gap={8} wrap>
      {conversation && !isClosed && (
        <Popconfirm
          title={t('assist.actions.closeConfirm')}
          onConfirm={closeConversation}
          okText={t('assist.actions.close')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'assist-close-confirm' } as never}
        >
          <Button icon={<CloseCircleOutlined />} loading={assist.isClosing} data-testid="assist-close">
            {t('assist.actions.close')}
          </Button>
        </Popconfirm>
      )}
      <Button type={isClosed ? 'primary' : 'default'} icon={<PlusCircleOutlined />} onClick={startNew} disabled={!conversation} loading={assist.isClosing} data-testid="assist-new">
        {t('assist.actions.new')}
      </Button>
    </Flex>
  );

  return (
    <div className="cd-assist" data-testid="assist-page" data-conversation={conversation?.id ?? ''}>
      <AssistHeader tab="assist" subtitle={t('assist.subtitle')} extra={actions} />
      <Flex vertical gap={12} style={{ marginBottom: 12 }}>
        {load && <PauseCard load={load} />}
        <EscalationPrompt assist={assist} onPick={pick} onEscalate={() => setEscalateOpen(true)} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card
              size="small"
              className="cd-assist-card"
              title={t('assist.chat.title')}
              extra={
                conversation && !isClosed && !conversation.escalatedAt && !analysis?.escalate.shouldEscalate ? (
                  <Button type="link" size="small" icon={<AlertOutlined />} onClick={() => setEscalateOpen(true)} data-testid="assist-escalate-any">
                    {t('assist.escalate.anyTime')}
                  </Button>
                ) : null
              }
            >
              <div className="cd-assist-status-strip">
                <CustomerStatus analysis={analysis} />
              </div>
              <ConversationPanel assist={assist} offset={offset} />
            </Card>
            {!isClosed && (
              <Card size="small" className="cd-assist-card" title={t('assist.draft.title')}>
                <DraftBox
                  conversationId={conversation?.id ?? null}
                  messages={assist.messages}
                  draft={draft}
                  onDraftChange={setDraft}
                  onAddAsReply={() => void addReply()}
                  isAdding={isAddingReply}
                  isDisabled={false}
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" className="cd-assist-card" title={t('assist.customer.title')}>
              <CustomerTrajectory analysis={analysis} messages={assist.messages} offset={offset} />
            </Card>
            <Card size="small" className="cd-assist-card" title={t('assist.cues.title')}>
              <LatestCues analysis={analysis} messages={assist.messages} offset={offset} />
            </Card>
            <Card size="small" className="cd-assist-card" title={t('assist.suggest.title')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assist.suggest.help')}
              </Typography.Text>
              <Typography.Title level={5} className="cd-assist-subtitle">
                {t('assist.suggest.openers')}
              </Typography.Title>
              <PhraseList phrases={analysis?.openers ?? []} onPick={pick} testId="assist-opener" />
              <Typography.Title level={5} className="cd-assist-subtitle">
                {t('assist.suggest.empathy')}
              </Typography.Title>
              <PhraseList phrases={analysis?.empathy ?? []} onPick={pick} testId="assist-empathy" />
            </Card>
          </Flex>
        </Col>
      </Row>
      <EscalateModal assist={assist} open={isEscalateOpen} onClose={() => setEscalateOpen(false)} />
    </div>
  );
}
