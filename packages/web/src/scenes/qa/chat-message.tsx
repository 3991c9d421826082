import { AlertOutlined, BulbOutlined, DownOutlined, ExclamationCircleOutlined, UpOutlined } from '@ant-design/icons';
import type { TMessageAnalysisDto, TReplyCheckDto } from '@calmdesk/shared';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TQaMessage } from '../../api/qa';
import type { THighlightSpan } from '../analyzer/highlight';
import { HighlightedText } from '../analyzer/highlighted-text';
import { cueBackground, EMOTION_COLOR, ISSUE_BACKGROUND, RISK_COLOR, STRENGTH_BACKGROUND, useAnalyzerLabels, VERDICT_COLOR } from '../analyzer/labels';
import { readMessageReading } from './analysis';

type TCue = TMessageAnalysisDto['cues'][number];
type TMark = { tone: 'issue'; category: string; explanation: { zh: string; en: string } } | { tone: 'strength'; kind: string };
/** Suggestions shown under a reply: the phrase library offers more, the first few are the fitting ones. */
const SUGGESTIONS_SHOWN = 3;

/** Why a message is marked: the escalation status of the conversation points at it. */
export type TMessageFocus = 'missed' | 'firstHighRisk' | null;

function Time({ at }: { at: string | null }) {
  return at ? <Typography.Text type="secondary">{dayjs(at).format('HH:mm:ss')}</Typography.Text> : null;
}

/** A customer message: emotion, risk and temperature above it, its cues marked in it. */
function CustomerBubble({ message, analysis, temperature }: { message: TQaMessage; analysis: TMessageAnalysisDto | null; temperature: number | null }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const spans = useMemo<THighlightSpan<TCue>[]>(() => (analysis?.cues ?? []).filter((cue) => cue.text !== '').map((cue) => ({ start: cue.start, end: cue.end, data: cue })), [analysis]);
  const describeCue = (cue: TCue) => (cue.signal ? `${labels.cueKind(cue.kind)} · ${labels.signal(cue.signal)}` : labels.cueKind(cue.kind));
  return (
    <>
      <Flex gap={6} align="center" wrap className="cd-qa-msg__meta">
        <Typography.Text strong>{t('qa.roles.customer')}</Typography.Text>
        <Time at={message.at} />
        {analysis && (
          <>
            <Tag color={EMOTION_COLOR[analysis.emotion]} style={{ marginInlineEnd: 0 }} data-testid="qa-msg-emotion" data-emotion={analysis.emotion}>
              {labels.emotion(analysis.emotion)}
            </Tag>
            <span className="cd-qa-risk" style={{ background: RISK_COLOR[analysis.risk] }} data-risk={analysis.risk}>
              {t(`analyzer.riskLevels.${analysis.risk}`)}
            </span>
          </>
        )}
        {temperature !== null && <Typography.Text type="secondary">{t('qa.conversation.temperatureValue', { value: temperature })}</Typography.Text>}
      </Flex>
      <div className="cd-qa-bubble cd-qa-bubble--customer" data-testid="qa-bubble-text">
        <HighlightedText
          text={message.text}
          spans={spans}
          background={(cues) => cueBackground(cues.map((cue) => cue.kind))}
          describe={(cues) => (
            <>
              {[...new Set(cues.map(describeCue))].map((line) => (
                <div key={line}>{line}</div>
              ))}
            </>
          )}
        />
      </div>
      {analysis && analysis.threats.length > 0 && (
        <Flex gap={4} wrap className="cd-qa-msg__after">
          <Typography.Text type="secondary">{t('qa.conversation.threatsSaid')}</Typography.Text>
          {analysis.threats.map((threat) => (
            <Tag key={threat} color="red" style={{ marginInlineEnd: 0 }}>
              {labels.threat(threat)}
            </Tag>
          ))}
        </Flex>
      )}
    </>
  );
}

/** An agent reply: its verdict, issues and good moves marked in it, what is missing, and on demand why and what to say instead. */
function AgentBubble({ message, check, agentName }: { message: TQaMessage; check: TReplyCheckDto | null; agentName: string }) {
  const { t, i18n } = useTranslation();
  const labels = useAnalyzerLabels();
  const [isOpen, setOpen] = useState(false);
  const localised = (value: { zh: string; en: string }) => (i18n.language === 'en' ? value.en || value.zh : value.zh || value.en);
  const spans = useMemo<THighlightSpan<TMark>[]>(
    () => [
      ...(check?.issues ?? []).map((issue) => ({ start: issue.start, end: issue.end, data: { tone: 'issue', category: issue.category, explanation: issue.explanation } as const })),
      ...(check?.strengths ?? []).map((strength) => ({ start: strength.start, end: strength.end, data: { tone: 'strength', kind: strength.kind } as const })),
    ],
    [check],
  );
  const hasReview = check !== null && (check.issues.length > 0 || check.missing.length > 0 || check.suggestions.length > 0);

  return (
    <>
      <Flex gap={6} align="center" wrap justify="flex-end" className="cd-qa-msg__meta">
        {check && (
          <span className="cd-qa-risk" style={{ background: VERDICT_COLOR[check.verdict] }} data-testid="qa-msg-verdict" data-verdict={check.verdict}>
            {t(`analyzer.verdicts.${check.verdict}`)}
          </span>
        )}
        <Time at={message.at} />
        <Typography.Text strong>{agentName}</Typography.Text>
      </Flex>
      <div className="cd-qa-bubble cd-qa-bubble--agent" data-testid="qa-bubble-text">
        <HighlightedText
          text={message.text}
          spans={spans}
          background={(marks) => (marks.some((mark) => mark.tone === 'issue') ? ISSUE_BACKGROUND : STRENGTH_BACKGROUND)}
          describe={(marks) => (
            <>
              {marks.map((mark, index) =>
                mark.tone === 'issue' ? (
                  <div key={index} style={{ marginBottom: 4 }}>
                    <b>{t('analyzer.reply.markIssue', { label: labels.issue(mark.category) })}</b>
                    <div>{localised(mark.explanation)}</div>
                  </div>
                ) : (
                  <div key={index}>{t('analyzer.reply.markStrength', { label: labels.strength(mark.kind) })}</div>
                ),
              )}
            </>
          )}
        />
      </div>
      {check && (check.missing.length > 0 || hasReview) && (
        <Flex gap={4} wrap justify="flex-end" align="center" className="cd-qa-msg__after">
          {check.missing.length > 0 && <Typography.Text type="secondary">{t('qa.conversation.missing')}</Typography.Text>}
          {check.missing.map((gap) => (
            <Tag key={gap.kind} color="warning" style={{ marginInlineEnd: 0 }} data-testid={`qa-msg-missing-${gap.kind}`}>
              {labels.missing(gap.kind)}
            </Tag>
          ))}
          {hasReview && (
            <Button type="link" size="small" icon={isOpen ? <UpOutlined /> : <DownOutlined />} onClick={() => setOpen(!isOpen)} data-testid="qa-msg-review-toggle">
              {isOpen ? t('qa.conversation.hideReview') : t('qa.conversation.showReview')}
            </Button>
          )}
        </Flex>
      )}
      {check && isOpen && (
        <div className="cd-qa-review" data-testid="qa-msg-review">
          {check.issues.map((issue, index) => (
            <div key={`issue-${index}`} className="cd-qa-review__item">
              <Tag color="red">{labels.issue(issue.category)}</Tag>
              <Typography.Text strong>「{issue.text}」</Typography.Text>
              <div>
                <Typography.Text type="secondary">{localised(issue.explanation)}</Typography.Text>
              </div>
            </div>
          ))}
          {check.missing.map((gap) => (
            <div key={`missing-${gap.kind}`} className="cd-qa-review__item">
              <ExclamationCircleOutlined style={{ color: VERDICT_COLOR.revise, marginInlineEnd: 6 }} />
              <Typography.Text strong>{labels.missing(gap.kind)}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{localised(gap.explanation)}</Typography.Text>
              </div>
            </div>
          ))}
          {check.suggestions.length > 0 && (
            <div className="cd-qa-review__item">
              <Typography.Text strong>
                <BulbOutlined style={{ color: '#2f7d8c', marginInlineEnd: 6 }} />
                {t('qa.conversation.suggestions')}
              </Typography.Text>
              <ol className="cd-qa-review__suggestions">
                {check.suggestions.slice(0, SUGGESTIONS_SHOWN).map((suggestion) => (
                  <li key={suggestion.id}>
                    <div>{suggestion.zh}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {suggestion.en} · {labels.because(suggestion.because)}
                    </Typography.Text>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>
      )}
    </>
  );
}

/**
 * One line of the chat: the customer on the left, the agent on the right, system notes in
 * the middle; the message the escalation status is about is outlined and says why.
 * @param props.message the message with its engine reading
 * @param props.index its place in the conversation (the analysis's index)
 * @param props.temperature the customer's temperature at this message, from the stored analysis
 * @param props.focus whether the escalation status points here
 */
export function ChatMessage({ message, index, temperature, focus, agentName }: { message: TQaMessage; index: number; temperature: number | null; focus: TMessageFocus; agentName: string }) {
  const { t } = useTranslation();
  const reading = readMessageReading(message);
  if (message.role === 'system') {
    return (
      <div className="cd-qa-msg cd-qa-msg--system" id={`qa-msg-${index}`} data-testid={`qa-msg-${index}`} data-role="system">
        <span className="cd-qa-bubble--system">
          {message.text}
          {message.at && <span className="cd-qa-bubble__time">{dayjs(message.at).format('HH:mm:ss')}</span>}
        </span>
      </div>
    );
  }
  return (
    <div
      className={`cd-qa-msg cd-qa-msg--${message.role}${focus ? ` cd-qa-msg--focus cd-qa-msg--focus-${focus}` : ''}`}
      id={`qa-msg-${index}`}
      data-testid={`qa-msg-${index}`}
      data-role={message.role}
      data-focus={focus ?? undefined}
    >
      {focus && (
        <div className="cd-qa-msg__focus" data-testid="qa-msg-focus">
          <AlertOutlined style={{ marginInlineEnd: 6 }} />
          {focus === 'missed' ? t('qa.conversation.focusMissed') : t('qa.conversation.focusHandled')}
        </div>
      )}
      {message.role === 'customer' ? (
        <CustomerBubble message={message} analysis={reading.kind === 'customer' ? reading.analysis : null} temperature={temperature} />
      ) : (
        <AgentBubble message={message} check={reading.kind === 'agent' ? reading.check : null} agentName={agentName} />
      )}
    </div>
  );
}
