import { STRESS_QUESTIONNAIRE, type TStressCheckResult } from '@calmdesk/shared';
import { App, Button, Card, Col, Empty, Flex, Radio, Result, Row, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStressChecks, useTakeStressCheck } from '../../api/selfcare';
import { EChart, type TEChartOption } from '../../components/echart';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import { formatWhen, useLocalText } from './labels';
import { PrivacyNote } from './privacy-note';
import { SuggestionCard } from './suggestion-card';

const BAND_COLOURS = { low: 'green', moderate: 'gold', high: 'volcano' } as const;
const MODERATE = STRESS_QUESTIONNAIRE.bands.find((band) => band.band === 'moderate')?.minScore ?? 35;
const HIGH = STRESS_QUESTIONNAIRE.bands.find((band) => band.band === 'high')?.minScore ?? 60;

/**
 * 压力自测 at /selfcare/check: the team's ten-question stress and mood self-check (not a
 * diagnosis), the result with its band and advice, the gentle suggestion when results stay high,
 * and the trend of my checks over time.
 */
export default function CheckPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const checks = useStressChecks();
  const take = useTakeStressCheck();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [result, setResult] = useState<TStressCheckResult | null>(null);
  const items = STRESS_QUESTIONNAIRE.items;
  const answered = items.filter((item) => answers[item.id] !== undefined).length;

  const history = checks.data?.checks ?? [];
  const option = useMemo<TEChartOption>(
    () => ({
      grid: { left: 36, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: history.map((check) => dayjs(check.takenAt).format('MM-DD')), boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100, interval: 25 },
      series: [
        {
          type: 'line',
          name: t('selfcare.check.score'),
          data: history.map((check) => check.score),
          smooth: true,
          symbolSize: 8,
          lineStyle: { color: '#2f7d8c', width: 2 },
          itemStyle: { color: '#2f7d8c' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed' },
            data: [
              { yAxis: MODERATE, label: { formatter: t('selfcare.check.lineModerate'), position: 'insideEndTop' }, lineStyle: { color: '#d4a017' } },
              { yAxis: HIGH, label: { formatter: t('selfcare.check.lineHigh'), position: 'insideEndTop' }, lineStyle: { color: '#d4622a' } },
            ],
          },
        },
      ],
    }),
    [history, t],
  );

  const onSubmit = () =>
    take.mutate(answers, {
      onSuccess: (next) => {
        setResult(next);
        setAnswers({});
        window.scrollTo({ top: 0, behavior: 'smooth' });
      },
      onError: (err) => void message.error(errorMessage(err)),
    });

  const resultBand = result ? STRESS_QUESTIONNAIRE.bands.find((band) => band.band === result.check.band) : undefined;

  return (
    <div data-testid="selfcare-check-page">
      <PageHeader title={local(STRESS_QUESTIONNAIRE.title)} subtitle={t('selfcare.check.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {result && resultBand ? (
            <Card variant="borderless" data-testid="check-result">
              <Result
                status="info"
                icon={<span style={{ fontSize: 48, color: '#2f7d8c', fontWeight: 300 }}>{result.check.score}</span>}
                title={<Tag color={BAND_COLOURS[result.check.band]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="check-result-band">{local(resultBand.label)}</Tag>}
                subTitle={local(resultBand.advice)}
                extra={<Button onClick={() => setResult(null)}>{t('selfcare.check.again')}</Button>}
              />
              {result.suggestion && <SuggestionCard suggestion={result.suggestion} />}
            </Card>
          ) : (
            <Card variant="borderless" data-testid="check-form">
              <Typography.Paragraph type="secondary">{local(STRESS_QUESTIONNAIRE.intro)}</Typography.Paragraph>
              <Flex vertical gap={20}>
                {items.map((item, index) => (
                  <div key={item.id} data-testid={`check-item-${item.id}`}>
                    <Typography.Paragraph style={{ marginBottom: 8 }}>
                      {index + 1}. {local(item.text)}
                    </Typography.Paragraph>
                    <Radio.Group
                      value={answers[item.id]}
                      onChange={(e) => setAnswers({ ...answers, [item.id]: e.target.value as number })}
                      optionType="button"
                      buttonStyle="solid"
                      size="middle"
                      style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
                      options={STRESS_QUESTIONNAIRE.scale.map((point) => ({ value: point.value, label: <span data-testid={`check-${item.id}-${point.value}`}>{local(point.label)}</span> }))}
                    />
                  </div>
                ))}
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <Typography.Text type="secondary">{t('selfcare.check.progress', { answered, total: items.length })}</Typography.Text>
                  <Button type="primary" disabled={answered < items.length} loading={take.isPending} onClick={onSubmit} data-testid="check-submit">
                    {t('selfcare.check.submit')}
                  </Button>
                </Flex>
              </Flex>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('selfcare.check.trend')} data-testid="check-trend">
            {checks.isLoading ? (
              <Skeleton active />
            ) : history.length === 0 ? (
              <Empty description={t('selfcare.check.noHistory')} />
            ) : (
              <>
                <EChart option={option} height={220} ariaLabel={t('selfcare.check.trendAria')} testId="check-trend-chart" />
                <Flex vertical gap={4} style={{ marginTop: 8 }}>
                  {[...history]
                    .reverse()
                    .slice(0, 6)
                    .map((check) => {
                      const band = STRESS_QUESTIONNAIRE.bands.find((item) => item.band === check.band);
                      return (
                        <Flex key={check.id} justify="space-between" gap={8}>
                          <Typography.Text type="secondary">{formatWhen(check.takenAt)}</Typography.Text>
                          <span>
                            <Typography.Text strong>{check.score}</Typography.Text> <Tag color={BAND_COLOURS[check.band]}>{band ? local(band.label) : check.band}</Tag>
                          </span>
                        </Flex>
                      );
                    })}
                </Flex>
              </>
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
              {t('selfcare.check.notDiagnosis')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <PrivacyNote />
    </div>
  );
}
