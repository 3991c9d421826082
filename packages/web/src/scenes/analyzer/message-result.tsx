import { AlertOutlined } from '@ant-design/icons';
import type { TMessageAnalysisDto } from '@calmdesk/shared';
import { Alert, Flex, Progress, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSigned, intensityPercent } from './format';
import type { THighlightSpan } from './highlight';
import { HighlightedText } from './highlighted-text';
import { cueBackground, cueTagColor, EMOTION_COLOR, RISK_COLOR, useAnalyzerLabels } from './labels';

type TCue = TMessageAnalysisDto['cues'][number];

/** A heading inside a result card. */
export function SectionTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>
      {children}
    </Typography.Title>
  );
}

/** One labelled figure in the result's top row. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="cd-analyzer-figure">
      <Typography.Text type="secondary" className="cd-analyzer-figure__label">
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

/**
 * What the engine read in a customer message: emotion, intensity, polarity, risk with its
 * reasons, needs and threats, and the message with every cue marked and listed.
 * @param props.text the message exactly as analysed (the cue offsets point into it)
 * @param props.analysis the API's answer
 */
export function MessageResult({ text, analysis }: { text: string; analysis: TMessageAnalysisDto }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const percent = intensityPercent(analysis.intensity);

  const spans = useMemo<THighlightSpan<TCue>[]>(
    () => analysis.cues.filter((cue) => cue.text !== '').map((cue) => ({ start: cue.start, end: cue.end, data: cue })),
    [analysis.cues],
  );
  // In reading order; cues about the whole message (statistical model, earlier messages) last.
  const listed = useMemo(() => {
    const inText = analysis.cues.filter((cue) => cue.text !== '').sort((a, b) => a.start - b.start || a.end - b.end);
    return [...inText, ...analysis.cues.filter((cue) => cue.text === '')];
  }, [analysis.cues]);

  const describeCue = (cue: TCue) => (cue.signal ? `${labels.cueKind(cue.kind)} · ${labels.signal(cue.signal)}` : labels.cueKind(cue.kind));

  return (
    <div data-testid="analyzer-message-result">
      <Flex gap={16} wrap align="stretch">
        <Figure label={t('analyzer.message.emotion')}>
          <Tag
            color={EMOTION_COLOR[analysis.emotion]}
            className="cd-analyzer-emotion"
            data-testid="analyzer-emotion"
            data-emotion={analysis.emotion}
          >
            {labels.emotion(analysis.emotion)}
          </Tag>
        </Figure>
        <Figure label={t('analyzer.message.risk')}>
          <span
            className="cd-analyzer-badge"
            style={{ background: RISK_COLOR[analysis.risk] }}
            data-testid="analyzer-risk"
            data-risk={analysis.risk}
          >
            {t(`analyzer.riskLevels.${analysis.risk}`)}
          </span>
        </Figure>
        <Figure label={t('analyzer.message.polarity')}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="analyzer-polarity">
            {t(`analyzer.polarity.${analysis.polarity}`)}{' '}
            <Typography.Text type="secondary">{formatSigned(analysis.polarityScore)}</Typography.Text>
          </Typography.Text>
        </Figure>
      </Flex>

      <div style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('analyzer.message.intensity')}</Typography.Text>
        <Progress
          percent={percent}
          strokeColor={percent >= 70 ? RISK_COLOR.high : percent >= 40 ? RISK_COLOR.medium : RISK_COLOR.low}
          aria-label={t('analyzer.message.intensity')}
          data-testid="analyzer-intensity"
        />
      </div>

      <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="analyzer-risk-reasons">
        <Typography.Text type="secondary">{t('analyzer.message.riskReasons')}</Typography.Text>
        {analysis.riskReasons.length > 0 ? analysis.riskReasons.map(labels.riskReason).join(t('analyzer.listSeparator')) : t('common.none')}
      </Typography.Paragraph>
      {analysis.risk === 'high' ? (
        <Alert
          type="error"
          showIcon
          icon={<AlertOutlined />}
          title={t('analyzer.message.escalate')}
          description={t('analyzer.message.escalateHint')}
          style={{ marginTop: 12 }}
          data-testid="analyzer-escalate"
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t(`analyzer.message.advice.${analysis.risk}`)}
        </Typography.Paragraph>
      )}

      <Flex gap={24} wrap style={{ marginTop: 16 }}>
        <div data-testid="analyzer-needs">
          <Typography.Text type="secondary">{t('analyzer.message.needs')}</Typography.Text>
          <div className="cd-analyzer-tags">
            {analysis.needs.length > 0 ? (
              analysis.needs.map((need) => (
                <Tag key={need} color="green">
                  {labels.need(need)}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">{t('analyzer.message.noNeeds')}</Typography.Text>
            )}
          </div>
        </div>
        <div data-testid="analyzer-threats">
          <Typography.Text type="secondary">{t('analyzer.message.threats')}</Typography.Text>
          <div className="cd-analyzer-tags">
            {analysis.threats.length > 0 ? (
              analysis.threats.map((threat) => (
                <Tag key={threat} color="red">
                  {labels.threat(threat)}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">{t('analyzer.message.noThreats')}</Typography.Text>
            )}
          </div>
        </div>
      </Flex>

      <div data-testid="analyzer-cues">
        <SectionTitle>{t('analyzer.message.marked')}</SectionTitle>
        <HighlightedText
          text={text}
          spans={spans}
          testId="analyzer-highlight"
          background={(cues) => cueBackground(cues.map((cue) => cue.kind))}
          describe={(cues) => (
            <>
              {[...new Set(cues.map(describeCue))].map((line) => (
                <div key={line}>{line}</div>
              ))}
            </>
          )}
        />

        <SectionTitle>{t('analyzer.message.why')}</SectionTitle>
        {listed.length === 0 ? (
          <Typography.Text type="secondary">{t('analyzer.message.noCues')}</Typography.Text>
        ) : (
          <ol className="cd-analyzer-list" data-testid="analyzer-cue-list">
            {listed.map((cue, index) => (
              <li key={`${cue.kind}-${cue.start}-${cue.end}-${index}`} className="cd-analyzer-cue">
                <Tag color={cueTagColor(cue.kind)}>{labels.cueKind(cue.kind)}</Tag>
                {cue.text !== '' ? (
                  <Typography.Text strong>「{cue.text}」</Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('analyzer.message.overall')}</Typography.Text>
                )}
                {cue.signal && (
                  <Typography.Text>
                    <Typography.Text type="secondary">{t('analyzer.message.signal')}</Typography.Text>
                    {labels.signal(cue.signal)}
                  </Typography.Text>
                )}
                {cue.weight !== undefined && (
                  <Typography.Text type="secondary">{t('analyzer.message.weight', { weight: formatSigned(cue.weight) })}</Typography.Text>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
