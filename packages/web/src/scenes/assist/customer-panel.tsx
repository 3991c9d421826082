import { EChart } from '../../components/echart';
import type { TAssistMessage, TMessageAnalysisDto, TAssistPhrase } from '@calmdesk/shared';
import { Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAssistAnalysis } from '../../api/assist';
import type { THighlightSpan } from '../analyzer/highlight';
import { HighlightedText } from '../analyzer/highlighted-text';
import { cueBackground, cueTagColor, EMOTION_COLOR, RISK_COLOR, useAnalyzerLabels } from '../analyzer/labels';
import { trajectoryOption } from '../qa/trajectory';
import { assistTrajectory, latestCustomerReading } from './reading';

type TCue = TMessageAnalysisDto['cues'][number];

/** Where the customer is now: emotion, risk, temperature, and the conversation's peak risk. */
export function CustomerStatus({ analysis }: { analysis: TAssistAnalysis | null }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const current = analysis?.current ?? null;
  if (!current) {
    return (
      <Typography.Text type="secondary" data-testid="assist-status-empty">
        {t('assist.customer.waiting')}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={12} wrap align="center" data-testid="assist-status">
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" className="cd-assist-figure-label">
          {t('assist.customer.emotion')}
        </Typography.Text>
        <Tag color={EMOTION_COLOR[current.emotion]} className="cd-assist-emotion" data-testid="assist-emotion" data-emotion={current.emotion}>
          {labels.emotion(current.emotion)}
        </Tag>
      </Flex>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" className="cd-assist-figure-label">
          {t('assist.customer.risk')}
        </Typography.Text>
        <span className="cd-assist-badge" style={{ background: RISK_COLOR[current.risk] }} data-testid="assist-risk" data-risk={current.risk}>
          {t(`analyzer.riskLevels.${current.risk}`)}
        </span>
      </Flex>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" className="cd-assist-figure-label">
          {t('assist.customer.temperature')}
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="assist-temperature">
          {current.temperature}
        </Typography.Text>
      </Flex>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" className="cd-assist-figure-label">
          {t('assist.customer.peak')}
        </Typography.Text>
        <Typography.Text strong style={{ color: RISK_COLOR[analysis?.peakRisk ?? 'low'] }} data-testid="assist-peak-risk" data-risk={analysis?.peakRisk}>
          {t(`analyzer.riskLevels.${analysis?.peakRisk ?? 'low'}`)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/** The customer's temperature over the conversation, each point coloured by its risk. */
export function CustomerTrajectory({ analysis, messages, offset }: { analysis: TAssistAnalysis | null; messages: readonly TAssistMessage[]; offset: number }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const points = useMemo(() => (analysis ? assistTrajectory(analysis, messages, offset) : []), [analysis, messages, offset]);
  const option = useMemo(
    () =>
      trajectoryOption(points, null, {
        axisName: t('assist.customer.temperature'),
        calmLine: t('assist.customer.calmLine'),
        messageLabel: (ordinal) => t('assist.customer.messageLabel', { n: ordinal }),
        emotion: labels.emotion,
        risk: (level) => t(`analyzer.riskLevels.${level}`),
        temperature: (value) => t('assist.customer.temperatureValue', { value }),
        time: () => '',
      }),
    [points, t, labels],
  );
  if (points.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assist.customer.noTrajectory')} style={{ margin: '8px 0' }} />;
  return (
    <div data-testid="assist-trajectory" data-points={points.length} data-last-risk={points.at(-1)?.risk}>
      <EChart option={option} height={180} ariaLabel={t('assist.customer.trajectoryAria')} />
      <Flex gap={12} justify="center" className="cd-assist-legend">
        {(['low', 'medium', 'high'] as const).map((level) => (
          <span key={level}>
            <span className="cd-assist-risk-dot" style={{ background: RISK_COLOR[level] }} /> {t(`analyzer.riskLevels.${level}`)}
          </span>
        ))}
      </Flex>
    </div>
  );
}

/** The latest customer message with its cues marked, the reasons for the risk, needs and threats. */
export function LatestCues({ analysis, messages, offset }: { analysis: TAssistAnalysis | null; messages: readonly TAssistMessage[]; offset: number }) {
  const { t } = useTranslation();
  const labels = useAnalyzerLabels();
  const latest = useMemo(() => (analysis ? latestCustomerReading(analysis, messages, offset) : null), [analysis, messages, offset]);
  const spans = useMemo<THighlightSpan<TCue>[]>(() => (latest?.reading.cues ?? []).filter((cue) => cue.text !== '').map((cue) => ({ start: cue.start, end: cue.end, data: cue })), [latest]);
  if (!latest) return <Typography.Text type="secondary">{t('assist.cues.none')}</Typography.Text>;
  const { reading } = latest;
  const describeCue = (cue: TCue) => (cue.signal ? `${labels.cueKind(cue.kind)} · ${labels.signal(cue.signal)}` : labels.cueKind(cue.kind));
  const listed = reading.cues.filter((cue) => cue.text !== '').sort((a, b) => a.start - b.start);
  return (
    <div data-testid="assist-cues">
      <div className="cd-assist-latest" data-testid="assist-latest-text">
        <HighlightedText
          text={latest.text}
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
      <Typography.Paragraph style={{ margin: '8px 0 4px' }} data-testid="assist-risk-reasons">
        <Typography.Text type="secondary">{t('assist.cues.reasons')}</Typography.Text>
        {reading.riskReasons.length > 0 ? reading.riskReasons.map(labels.riskReason).join(t('analyzer.listSeparator')) : t('common.none')}
      </Typography.Paragraph>
      {(reading.threats.length > 0 || reading.needs.length > 0) && (
        <Flex gap={4} wrap style={{ marginBottom: 4 }}>
          {reading.threats.map((threat) => (
            <Tag key={`t-${threat}`} color="red" data-testid="assist-threat">
              {labels.threat(threat)}
            </Tag>
          ))}
          {reading.needs.map((need) => (
            <Tag key={`n-${need}`} color="green">
              {t('assist.cues.need', { need: labels.need(need) })}
            </Tag>
          ))}
        </Flex>
      )}
      {listed.length > 0 && (
        <ul className="cd-assist-cue-list" data-testid="assist-cue-list">
          {listed.map((cue, index) => (
            <li key={`${cue.kind}-${cue.start}-${index}`}>
              <Tag color={cueTagColor(cue.kind)} style={{ marginInlineEnd: 4 }}>
                {labels.cueKind(cue.kind)}
              </Tag>
              <Typography.Text strong>「{cue.text}」</Typography.Text>
              {cue.signal && <Typography.Text type="secondary"> · {labels.signal(cue.signal)}</Typography.Text>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Phrase-library lines to offer; a click puts the line into the draft.
 * @param props.testId prefix of each line's test id
 */
export function PhraseList({ phrases, onPick, testId }: { phrases: readonly TAssistPhrase[]; onPick: (line: string) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  if (phrases.length === 0) return <Typography.Text type="secondary">{t('assist.suggest.none')}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {phrases.map((phrase, index) => (
        <Tooltip key={phrase.id} title={i18n.language === 'en' ? phrase.en : t('assist.suggest.pickHint')} placement="topLeft">
          <Button className="cd-assist-phrase" onClick={() => onPick(phrase.zh)} data-testid={`${testId}-${index}`} block>
            {phrase.zh}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
