import { CheckCircleFilled, CloseCircleFilled, ClockCircleFilled, LogoutOutlined, RedoOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAttempt } from '../../api/roleplay';
import { EChart, type TEChartOption } from '../../components/echart';
import { BRAND_COLOR } from '../../theme';
import { AttemptComments } from './attempt-comments';
import { formatScore, isOutcome, OUTCOME_STYLE, SCORE_BAND_COLOR, scoreBand, type TOutcome } from './format';
import { DIMENSIONS, useRoleplayLabels } from './labels';
import { DeltaTags, TurnFeedback } from './turn-feedback';

const OUTCOME_ICON: Record<TOutcome, ReactNode> = {
  resolved: <CheckCircleFilled />,
  escalated: <CloseCircleFilled />,
  leaves: <LogoutOutlined />,
  out_of_turns: <ClockCircleFilled />,
};

type TScorecard = NonNullable<TAttempt['scorecard']>;

/** The scorecard's dimensions: the five known ones in rubric order, then any new ones. */
function dimensionsOf(card: TScorecard): string[] {
  const known = DIMENSIONS.filter((dimension) => dimension in card.scores);
  const extra = Object.keys(card.scores).filter((dimension) => !(DIMENSIONS as readonly string[]).includes(dimension));
  return [...known, ...extra];
}

function SectionCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card title={title} variant="borderless" data-testid={testId}>
      {children}
    </Card>
  );
}

/**
 * The end of an attempt: how it ended, the total, the five dimensions (radar and rubric),
 * the customer's real need and what would have counted as solved, every turn with what it
 * did to the mood and better phrasings, coaches' comments, and "try again".
 * @param props.attempt a finished attempt
 * @param props.onTryAgain starts a new attempt on the same scenario (the trainee's own attempts only)
 */
export function Scorecard({ attempt, onTryAgain, isStarting }: { attempt: TAttempt; onTryAgain?: () => void; isStarting?: boolean }) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const card = attempt.scorecard;
  const outcome = isOutcome(attempt.outcome) ? attempt.outcome : null;
  const dimensions = useMemo(() => (card ? dimensionsOf(card) : []), [card]);

  const radar = useMemo<TEChartOption | null>(() => {
    if (!card) return null;
    return {
      tooltip: { trigger: 'item' },
      radar: {
        indicator: dimensions.map((dimension) => ({ name: labels.dimension(dimension), max: 100 })),
        radius: '66%',
        axisName: { color: '#3f5359', fontSize: 13 },
        splitArea: { areaStyle: { color: ['#fafcfc', '#f1f6f7'] } },
      },
      series: [
        {
          type: 'radar',
          name: t('roleplay.score.chartName'),
          data: [{ value: dimensions.map((dimension) => card.scores[dimension] ?? 0), name: t('roleplay.score.chartName') }],
          areaStyle: { color: 'rgba(47, 125, 140, 0.25)' },
          lineStyle: { color: BRAND_COLOR, width: 2 },
          itemStyle: { color: BRAND_COLOR },
          label: { show: true, color: '#23606c', fontSize: 12 },
        },
      ],
    };
  }, [card, dimensions, labels, t]);

  const style = outcome ? OUTCOME_STYLE[outcome] : OUTCOME_STYLE.out_of_turns;
  const band = card ? scoreBand(card.total) : null;
  return (
    <Flex vertical gap={16} data-testid="roleplay-scorecard">
      <div className="cd-roleplay-outcome" style={{ background: style.background, borderColor: style.color }}>
        <Flex align="center" gap={16} wrap>
          <span style={{ fontSize: 36, color: style.color, lineHeight: 1 }}>{outcome ? OUTCOME_ICON[outcome] : null}</span>
          <div style={{ flex: 1, minWidth: 220 }}>
            <div className="cd-roleplay-outcome__title" style={{ color: style.color }} data-testid="roleplay-outcome" data-outcome={attempt.outcome ?? ''}>
              {outcome ? t(`roleplay.outcomes.${outcome}`) : labels.outcome(attempt.outcome ?? '')}
            </div>
            <Typography.Text type="secondary">{outcome ? t(`roleplay.outcomeNotes.${outcome}`) : null}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('roleplay.score.turnsUsed', { count: attempt.turns.length, max: attempt.scenario.maxTurns })}
              </Typography.Text>
            </div>
          </div>
          {card && band && (
            <div className="cd-roleplay-total">
              <div className="cd-roleplay-total__label">{t('roleplay.score.total')}</div>
              <div className="cd-roleplay-total__value" style={{ color: SCORE_BAND_COLOR[band] }} data-testid="roleplay-total">
                {formatScore(card.total)}
              </div>
              <Tag color={SCORE_BAND_COLOR[band]} style={{ marginInlineEnd: 0 }}>
                {t(`roleplay.score.bands.${band}`)}
              </Tag>
            </div>
          )}
          {onTryAgain && (
            <Button type="primary" size="large" icon={<RedoOutlined />} onClick={onTryAgain} loading={isStarting} data-testid="roleplay-try-again">
              {t('roleplay.score.tryAgain')}
            </Button>
          )}
        </Flex>
      </div>

      {card && radar && (
        <SectionCard title={t('roleplay.score.dimensionsTitle')} testId="roleplay-dimensions">
          <Row gutter={[24, 16]} align="middle">
            <Col xs={24} lg={10}>
              <EChart option={radar} height={320} ariaLabel={t('roleplay.score.chartLabel')} testId="roleplay-radar" />
            </Col>
            <Col xs={24} lg={14}>
              <Flex vertical gap={14}>
                {dimensions.map((dimension) => {
                  const score = card.scores[dimension] ?? 0;
                  const rubric = card.rubric[dimension];
                  return (
                    <div key={dimension} data-testid={`roleplay-dimension-${dimension}`}>
                      <Flex justify="space-between" align="baseline" gap={8}>
                        <Typography.Text strong>{labels.dimension(dimension)}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {rubric ? t('roleplay.score.weight', { percent: Math.round(rubric.weight * 100) }) : null}
                        </Typography.Text>
                      </Flex>
                      <Progress percent={Math.round(score)} strokeColor={SCORE_BAND_COLOR[scoreBand(score)]} format={(value) => formatScore(value ?? 0)} />
                      {rubric && (
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {labels.text(rubric.description)}
                        </Typography.Text>
                      )}
                    </div>
                  );
                })}
              </Flex>
            </Col>
          </Row>
        </SectionCard>
      )}

      <SectionCard title={t('roleplay.score.needTitle')} testId="roleplay-need">
        <Typography.Paragraph className="cd-prose" style={{ marginBottom: 8 }}>
          {labels.text(attempt.scenario.need)}
        </Typography.Paragraph>
        <Typography.Text strong>{t('roleplay.score.acceptable')}</Typography.Text>
        <ul className="cd-roleplay-notes" style={{ marginTop: 6 }}>
          {attempt.scenario.acceptableOutcomes.map((item, index) => (
            <li key={index}>{labels.text(item)}</li>
          ))}
        </ul>
      </SectionCard>

      <SectionCard title={t('roleplay.score.turnsTitle')} testId="roleplay-turns">
        <ol className="cd-roleplay-turns">
          {attempt.turns.map((turn, index) => {
            const before = index === 0 ? attempt.opening : (attempt.turns[index - 1]?.customer ?? '');
            return (
              <li key={index} className="cd-roleplay-turn" data-testid={`roleplay-turn-${index + 1}`}>
                <Flex align="baseline" gap={8} wrap>
                  <Typography.Text strong>{t('roleplay.score.turn', { n: index + 1 })}</Typography.Text>
                  <DeltaTags delta={turn.feedback.delta} />
                </Flex>
                <div className="cd-roleplay-turn__said">
                  <Typography.Text type="secondary">{t('roleplay.score.customerSaid', { name: attempt.scenario.persona.name })}</Typography.Text>
                  <span>{before}</span>
                </div>
                <div className="cd-roleplay-turn__said cd-roleplay-turn__said--agent">
                  <Typography.Text type="secondary">{t('roleplay.score.youSaid')}</Typography.Text>
                  <span>{turn.agent}</span>
                </div>
                <TurnFeedback feedback={turn.feedback} />
                <div className="cd-roleplay-turn__said">
                  <Typography.Text type="secondary">{t('roleplay.score.customerReplied')}</Typography.Text>
                  <span>{turn.customer}</span>
                </div>
              </li>
            );
          })}
        </ol>
      </SectionCard>

      <SectionCard title={t('roleplay.comments.title')} testId="roleplay-comments">
        <AttemptComments attempt={attempt} />
      </SectionCard>
    </Flex>
  );
}
