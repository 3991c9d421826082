import { BulbOutlined, CheckCircleOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { ASSIST_LIMITS, type TAssistMessage, type TReplyCheckDto } from '@calmdesk/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAssistDraft } from '../../api/assist';
import type { THighlightSpan } from '../analyzer/highlight';
import { HighlightedText } from '../analyzer/highlighted-text';
import { ISSUE_BACKGROUND, STRENGTH_BACKGROUND, useAnalyzerLabels, VERDICT_COLOR } from '../analyzer/labels';
import { messagesToSend } from './use-assist-conversation';

/** How long typing must pause before the draft is checked: a check per keystroke would flicker and load the server. */
export const DRAFT_CHECK_DELAY_MS = 600;

type TMark = { tone: 'issue'; category: string; explanation: { zh: string; en: string } } | { tone: 'strength'; kind: string };

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The check's findings: the draft with issues and good moves marked, what to avoid and why, what is missing, better phrasings. */
function DraftFindings({ text, check, onUse }: { text: string; check: TReplyCheckDto; onUse: (line: string) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useAnalyzerLabels();
  const localised = (value: { zh: string; en: string }) => (i18n.language === 'en' ? value.en || value.zh : value.zh || value.en);
  const spans = useMemo<THighlightSpan<TMark>[]>(
    () => [
      ...check.issues.map((issue) => ({ start: issue.start, end: issue.end, data: { tone: 'issue', category: issue.category, explanation: issue.explanation } as const })),
      ...check.strengths.map((strength) => ({ start: strength.start, end: strength.end, data: { tone: 'strength', kind: strength.kind } as const })),
    ],
    [check],
  );
  return (
    <div className="cd-assist-findings">
      {spans.length > 0 && (
        <div className="cd-assist-latest">
          <HighlightedText
            text={text}
            spans={spans}
            background={(marks) => (marks.some((mark) => mark.tone === 'issue') ? ISSUE_BACKGROUND : STRENGTH_BACKGROUND)}
            describe={(marks) => (
              <>
                {marks.map((mark, index) => (
                  <div key={index}>{mark.tone === 'issue' ? t('analyzer.reply.markIssue', { label: labels.issue(mark.category) }) : t('analyzer.reply.markStrength', { label: labels.strength(mark.kind) })}</div>
                ))}
              </>
            )}
          />
        </div>
      )}
      {check.issues.length > 0 && (
        <div data-testid="assist-draft-issues">
          {check.issues.map((issue, index) => (
            <div key={index} className="cd-assist-finding" data-testid="assist-draft-issue" data-category={issue.category}>
              <Tag color="red">{labels.issue(issue.category)}</Tag>
              <Typography.Text strong>「{issue.text}」</Typography.Text>
              <div>
                <Typography.Text type="secondary">{localised(issue.explanation)}</Typography.Text>
              </div>
            </div>
          ))}
        </div>
      )}
      {check.missing.length > 0 && (
        <div data-testid="assist-draft-missing">
          {check.missing.map((gap) => (
            <div key={gap.kind} className="cd-assist-finding">
              <ExclamationCircleOutlined style={{ color: VERDICT_COLOR.revise, marginInlineEnd: 6 }} />
              <Typography.Text strong>{labels.missing(gap.kind)}</Typography.Text>
              <Typography.Text type="secondary"> · {localised(gap.explanation)}</Typography.Text>
            </div>
          ))}
        </div>
      )}
      {check.suggestions.length > 0 && check.verdict !== 'ok' && (
        <div data-testid="assist-draft-suggestions">
          <Typography.Text strong>
            <BulbOutlined style={{ color: '#2f7d8c', marginInlineEnd: 6 }} />
            {t('assist.draft.better')}
          </Typography.Text>
          <Flex vertical gap={6} style={{ marginTop: 6 }}>
            {check.suggestions.slice(0, 3).map((suggestion, index) => (
              <Flex key={suggestion.id} gap={8} align="flex-start" className="cd-assist-suggestion">
                <div style={{ flex: 1 }}>
                  <div>{suggestion.zh}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i18n.language === 'en' ? `${suggestion.en} · ` : ''}
                    {labels.because(suggestion.because)}
                  </Typography.Text>
                </div>
                <Button size="small" onClick={() => onUse(suggestion.zh)} data-testid={`assist-draft-use-${index}`}>
                  {t('assist.draft.use')}
                </Button>
              </Flex>
            ))}
          </Flex>
        </div>
      )}
    </div>
  );
}

/**
 * The reply being written, checked against the latest customer message a moment after typing
 * stops (nothing is stored); the issues and better phrasings show under it. "Add as my reply"
 * puts it into the conversation once the agent has sent it in the chat tool.
 * @param props.conversationId the page conversation; the check waits until there is one
 * @param props.messages the conversation so far (the server finds the customer message it answers)
 * @param props.draft the draft text, owned by the page so suggestions can be put into it
 */
export function DraftBox({
  conversationId,
  messages,
  draft,
  onDraftChange,
  onAddAsReply,
  isAdding,
  isDisabled,
}: {
  conversationId: string | null;
  messages: readonly TAssistMessage[];
  draft: string;
  onDraftChange: (value: string) => void;
  onAddAsReply: () => void;
  isAdding: boolean;
  isDisabled: boolean;
}) {
  const { t } = useTranslation();
  const settled = useDebounced(draft.trim(), DRAFT_CHECK_DELAY_MS);
  const hasCustomer = messages.some((message) => message.role === 'customer');
  const sent = useMemo(() => messagesToSend(messages).sent, [messages]);
  const check = useQuery({
    queryKey: ['assist', 'draft', conversationId, settled, sent.length, sent.at(-1)?.text ?? ''],
    queryFn: async ({ signal }) => ({ text: settled, check: await checkAssistDraft(conversationId ?? '', { draft: settled, messages: sent }, signal) }),
    enabled: conversationId !== null && settled !== '' && settled.length <= ASSIST_LIMITS.textMax,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  const isCurrent = settled === draft.trim() && !check.isPlaceholderData;
  const result = draft.trim() !== '' && check.data ? check.data.check : null;

  return (
    <div data-testid="assist-draft">
      <Input.TextArea
        value={draft}
        onChange={(event) => onDraftChange(event.target.value)}
        maxLength={ASSIST_LIMITS.textMax}
        autoSize={{ minRows: 3, maxRows: 8 }}
        placeholder={hasCustomer ? t('assist.draft.placeholder') : t('assist.draft.placeholderEmpty')}
        disabled={isDisabled}
        data-testid="assist-draft-input"
      />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ margin: '8px 0' }}>
        <Flex align="center" gap={8} data-testid="assist-draft-status" data-state={result ? (isCurrent ? 'checked' : 'checking') : 'idle'}>
          {result ? (
            <>
              <span className="cd-assist-badge" style={{ background: VERDICT_COLOR[result.verdict] }} data-testid="assist-draft-verdict" data-verdict={result.verdict}>
                {result.verdict === 'ok' && <CheckCircleOutlined style={{ marginInlineEnd: 4 }} />}
                {t(`analyzer.verdicts.${result.verdict}`)}
              </span>
              {!isCurrent && <Spin size="small" />}
            </>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {conversationId === null ? t('assist.draft.waitForCustomer') : check.isFetching ? t('assist.draft.checking') : t('assist.draft.hint')}
            </Typography.Text>
          )}
        </Flex>
        <Button icon={<SendOutlined />} onClick={onAddAsReply} disabled={draft.trim() === '' || isDisabled} loading={isAdding} data-testid="assist-draft-add">
          {t('assist.draft.addAsReply')}
        </Button>
      </Flex>
      {check.isError && draft.trim() !== '' && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('assist.draft.failed')}
        </Typography.Text>
      )}
      {result && check.data && <DraftFindings text={check.data.text} check={result} onUse={onDraftChange} />}
    </div>
  );
}
