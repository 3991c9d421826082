import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { TReplyCheckDto } from '@calmdesk/shared';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { highlightSegments, type THighlightSpan } from './highlight';
import { HighlightedText } from './highlighted-text';
import { EMOTION_COLOR, ISSUE_BACKGROUND, RISK_COLOR, STRENGTH_BACKGROUND, useAnalyzerLabels, VERDICT_COLOR } from './labels';
import { SectionTitle } from './message-result';

/** Blanks in phrase-library texts ({time}, {amount}, {order}, {product}) that the agent fills in before sending. */
const SLOT = /\{([a-z_]+)\}/g;

function findSlots(text: string): THighlightSpan<string>[] {
  return [...text.matchAll(SLOT)].map((match) => ({ start: match.index, end: match.index + match[0].length, data: match[1] ?? '' }));
}

/** A phrase with its blanks marked, each naming what goes there. */
function WithSlots({ text }: { text: string }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  return (
    <>
      {highlightSegments(text, findSlots(text)).map((segment) =>
        segment.spans.length === 0 ? (
          <Fragment key={segment.start}>{segment.text}</Fragment>
        ) : (
          <Tooltip key={segment.start} title={t('analyzer.reply.slotFill', { label: labels.slot(segment.spans[0] ?? '') })}>
            <span className="cd-analyzer-slot">{segment.text}</span>
          </Tooltip>
        ),
      )}
    </>
  );
}

type TMark = { tone: 'issue'; category: string } | { tone: 'strength'; kind: string };

/**
 * The check of a draft reply: verdict, language to avoid (marked in the reply and listed
 * with why), good moves, what is missing, and better phrasings from the phrase library.
 * @param props.text the reply exactly as checked (the offsets point into it)
 * @param props.check the API's answer
 */
export function ReplyResult({ text, check }: { text: string; check: TReplyCheckDto }) {
  const { t, i18n } = useTranslation();
  const labels = useAnalyzerLabels();
  const isEnglish = i18n.language === 'en';
  const localised = (value: { zh: string; en: string }) => (isEnglish ? value.en : value.zh);

  const spans = useMemo<THighlightSpan<TMark>[]>(
    () => [
      ...check.issues.map((issue) => ({ start: issue.start, end: issue.end, data: { tone: 'issue', category: issue.category } as const })),
      ...check.strengths.map((strength) => ({ start: strength.start, end: strength.end, data: { tone: 'strength', kind: strength.kind } as const })),
    ],
    [check.issues, check.strengths],
  );
  const strengthKinds = [...new Set(check.strengths.map((strength) => strength.kind))];
  const describeMark = (mark: TMark) =>
    mark.tone === 'issue' ? t('analyzer.reply.markIssue', { label: labels.issue(mark.category) }) : t('analyzer.reply.markStrength', { label: labels.strength(mark.kind) });

  return (
    <div data-testid="analyzer-reply-result">
      <Flex gap={16} wrap align="center">
        <span className="cd-analyzer-badge" style={{ background: VERDICT_COLOR[check.verdict] }} data-testid="analyzer-verdict" data-verdict={check.verdict}>
          {t(`analyzer.verdicts.${check.verdict}`)}
        </span>
        {check.customer && (
          <Typography.Text type="secondary" data-testid="analyzer-reply-customer">
            {t('analyzer.reply.customerRead')}
            <Tag color={EMOTION_COLOR[check.customer.emotion]} style={{ marginInlineStart: 4 }}>
              {labels.emotion(check.customer.emotion)}
            </Tag>
            <Tag color={RISK_COLOR[check.customer.risk]}>{t(`analyzer.riskLevels.${check.customer.risk}`)}</Tag>
          </Typography.Text>
        )}
      </Flex>

      <SectionTitle>{t('analyzer.reply.marked')}</SectionTitle>
      <HighlightedText
        text={text}
        spans={spans}
        testId="analyzer-reply-highlight"
        background={(marks) => (marks.some((mark) => mark.tone === 'issue') ? ISSUE_BACKGROUND : STRENGTH_BACKGROUND)}
        describe={(marks) => (
          <>
            {[...new Set(marks.map(describeMark))].map((line) => (
              <div key={line}>{line}</div>
            ))}
          </>
        )}
      />
      {spans.length > 0 && (
        <Flex gap={12} wrap style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span className="cd-analyzer-swatch" style={{ background: ISSUE_BACKGROUND }} />
            {t('analyzer.reply.legendIssue')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <span className="cd-analyzer-swatch" style={{ background: STRENGTH_BACKGROUND }} />
            {t('analyzer.reply.legendStrength')}
          </Typography.Text>
        </Flex>
      )}

      <div data-testid="analyzer-issues">
        <SectionTitle>{t('analyzer.reply.issuesTitle')}</SectionTitle>
        {check.issues.length === 0 ? (
          <Typography.Text type="secondary">
            <CheckCircleOutlined style={{ color: VERDICT_COLOR.ok, marginInlineEnd: 6 }} />
            {t('analyzer.reply.noIssues')}
          </Typography.Text>
        ) : (
          <ol className="cd-analyzer-list">
            {check.issues.map((issue, index) => (
              <li key={`${issue.category}-${issue.start}-${index}`} className="cd-analyzer-issue">
                <div>
                  <Tag color="red">{labels.issue(issue.category)}</Tag>
                  <Typography.Text strong>「{issue.text}」</Typography.Text>
                </div>
                <Typography.Text type="secondary">{localised(issue.explanation)}</Typography.Text>
              </li>
            ))}
          </ol>
        )}
      </div>

      {strengthKinds.length > 0 && (
        <div data-testid="analyzer-strengths">
          <SectionTitle>{t('analyzer.reply.strengthsTitle')}</SectionTitle>
          <div className="cd-analyzer-tags">
            {strengthKinds.map((kind) => (
              <Tag key={kind} color="green">
                {labels.strength(kind)}
              </Tag>
            ))}
          </div>
        </div>
      )}

      {check.missing.length > 0 && (
        <div data-testid="analyzer-missing">
          <SectionTitle>{t('analyzer.reply.missingTitle')}</SectionTitle>
          <ol className="cd-analyzer-list">
            {check.missing.map((gap) => (
              <li key={gap.kind} className="cd-analyzer-issue">
                <div>
                  <ExclamationCircleOutlined style={{ color: VERDICT_COLOR.revise, marginInlineEnd: 6 }} />
                  <Typography.Text strong>{labels.missing(gap.kind)}</Typography.Text>
                </div>
                <Typography.Text type="secondary">{localised(gap.explanation)}</Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      )}

      {check.suggestions.length > 0 && (
        <div data-testid="analyzer-suggestions">
          <SectionTitle>{t('analyzer.reply.suggestionsTitle')}</SectionTitle>
          {check.suggestions.some((suggestion) => findSlots(suggestion.zh).length > 0) && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
              {t('analyzer.reply.slotHint')}
            </Typography.Paragraph>
          )}
          <ol className="cd-analyzer-list">
            {check.suggestions.map((suggestion) => (
              <li key={suggestion.id} className="cd-analyzer-suggestion" data-testid={`analyzer-suggestion-${suggestion.id}`}>
                <Typography.Paragraph
                  style={{ margin: 0, fontSize: 15 }}
                  copyable={{ text: suggestion.zh, tooltips: [t('analyzer.reply.copy'), t('analyzer.reply.copied')] }}
                >
                  <WithSlots text={suggestion.zh} />
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
                  <WithSlots text={suggestion.en} />
                </Typography.Paragraph>
                <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
                  <Tag>{labels.purpose(suggestion.purpose)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {labels.because(suggestion.because)}
                  </Typography.Text>
                </Flex>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
