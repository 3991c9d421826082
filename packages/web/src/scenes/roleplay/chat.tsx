import { CoffeeOutlined, SendOutlined } from '@ant-design/icons';
import { Avatar, Button, Collapse, Flex, Input, Typography } from 'antd';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttempt } from '../../api/roleplay';
import { useRoleplayLabels } from './labels';
import { formatDelta, METERS } from './meter';
import { TurnFeedback } from './turn-feedback';

/** The reply box's limit (ZReplyRequest.text.max). */
export const REPLY_MAX = 2000;

function Bubble({ side, name, children, testId, pending }: { side: 'customer' | 'agent'; name: string; children: ReactNode; testId?: string; pending?: boolean }) {
  const initial = Array.from(name.trim())[0] ?? '?';
  return (
    <div className={`cd-chat-row cd-chat-row--${side}`}>
      <Avatar size={32} className={`cd-chat-avatar cd-chat-avatar--${side}`}>
        {initial}
      </Avatar>
      <div className="cd-chat-col">
        <Typography.Text type="secondary" className="cd-chat-name">
          {name}
        </Typography.Text>
        <div className={`cd-chat-bubble cd-chat-bubble--${side}${pending ? ' cd-chat-bubble--pending' : ''}`} data-testid={testId}>
          {children}
        </div>
      </div>
    </div>
  );
}

/**
 * The conversation: the customer on the left, the trainee on the right, the engine's
 * feedback folded under each reply (the newest one open), the customer "typing…" while the
 * answer is on its way, and the reply box with send (Enter) and the polite-pause template.
 * @param props.attempt the attempt as last shown
 * @param props.pendingText a reply sent and not answered yet
 * @param props.draft the reply box's text
 * @param props.canReply false for a finished attempt or someone else's: transcript only
 */
export function Chat({
  attempt,
  pendingText,
  draft,
  onDraftChange,
  onSend,
  onPause,
  canReply,
  isLive,
  footer,
}: {
  attempt: TAttempt;
  pendingText: string | null;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: () => void;
  onPause: () => void;
  canReply: boolean;
  isLive: boolean;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const customer = attempt.scenario.persona.name;
  const me = attempt.user.displayName;

  useEffect(() => {
    const box = scrollRef.current;
    if (box) box.scrollTo({ top: box.scrollHeight, behavior: 'smooth' });
  }, [attempt.turns.length, pendingText]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onSend();
  };

  const putSuggestion = (text: string) => {
    onDraftChange(text);
    inputRef.current?.focus();
  };

  const lastIndex = attempt.turns.length - 1;
  return (
    <div className="cd-chat" data-testid="roleplay-chat">
      <div className="cd-chat-scroll" ref={scrollRef} role="log" aria-live="polite" aria-label={t('roleplay.chat.logLabel', { name: customer })}>
        <Bubble side="customer" name={customer} testId="roleplay-customer-line">
          {attempt.opening}
        </Bubble>
        {attempt.turns.map((turn, index) => (
          <div key={index}>
            <Bubble side="agent" name={me} testId="roleplay-agent-line">
              {turn.agent}
            </Bubble>
            <div className="cd-chat-feedback">
              <Collapse
                size="small"
                ghost
                defaultActiveKey={isLive && index === lastIndex ? ['feedback'] : []}
                items={[
                  {
                    key: 'feedback',
                    label: (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('roleplay.chat.feedbackTitle', { n: index + 1 })}
                        {' · '}
                        {METERS.map((meter) => `${t(`roleplay.meters.${meter}`)} ${formatDelta(turn.feedback.delta[meter])}`).join(' · ')}
                      </Typography.Text>
                    ),
                    children: <TurnFeedback feedback={turn.feedback} {...(canReply ? { onUse: putSuggestion } : {})} />,
                  },
                ]}
              />
            </div>
            <Bubble side="customer" name={customer} testId="roleplay-customer-line">
              {turn.customer}
            </Bubble>
          </div>
        ))}
        {pendingText !== null && (
          <>
            <Bubble side="agent" name={me} pending>
              {pendingText}
            </Bubble>
            <Bubble side="customer" name={customer} testId="roleplay-typing">
              <span className="cd-typing" aria-label={t('roleplay.chat.typing', { name: customer })}>
                <span />
                <span />
                <span />
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                {t('roleplay.chat.typing', { name: customer })}
              </Typography.Text>
            </Bubble>
          </>
        )}
        {attempt.outcome !== null && (
          <div className="cd-chat-ended" data-testid="roleplay-chat-ended">
            {t('roleplay.chat.ended', { outcome: labels.outcome(attempt.outcome) })}
          </div>
        )}
      </div>
      {canReply ? (
        <div className="cd-chat-input">
          <Input.TextArea
            ref={(instance) => {
              inputRef.current = instance?.resizableTextArea?.textArea ?? null;
            }}
            value={draft}
            onChange={(event) => onDraftChange(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t('roleplay.chat.placeholder')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={REPLY_MAX}
            aria-label={t('roleplay.chat.placeholder')}
            data-testid="roleplay-input"
          />
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('roleplay.chat.shortcut', { turn: attempt.turns.length + 1, max: attempt.scenario.maxTurns })}
            </Typography.Text>
            <Flex gap={8}>
              <Button
                icon={<CoffeeOutlined />}
                onClick={() => {
                  onPause();
                  inputRef.current?.focus();
                }}
                title={t('roleplay.chat.pauseHint')} data-testid="roleplay-pause">
                {t('roleplay.chat.pause')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={onSend} disabled={draft.trim() === '' || pendingText !== null} data-testid="roleplay-send">
                {t('roleplay.chat.send')}
              </Button>
            </Flex>
          </Flex>
        </div>
      ) : (
        footer
      )}
    </div>
  );
}
