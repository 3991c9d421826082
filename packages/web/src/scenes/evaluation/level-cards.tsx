import type { TLevelFigures } from '@calmdesk/shared';
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURES, formatFigure, hasLevelData, LEVEL_FIGURES, LEVELS, type TFigureKey, type TLevel } from './figures';
import { MethodHelp } from './method-help';

const LEVEL_COLOURS: Record<TLevel, string> = { reaction: '#2f7d8c', learning: '#4b7bb5', behaviour: '#6b5bb5', results: '#3c8d4f' };

/** A figure with its unit in the reader's language. */
export function useFigureText() {
  const { t } = useTranslation();
  return (key: TFigureKey, figures: TLevelFigures) => {
    const def = FIGURES[key];
    const value = def.pick(figures);
    const text = formatFigure(value, def.unit, t('evaluation.figures.noValue'));
    if (value === null) return text;
    if (def.unit === 'score5') return `${text} ${t('evaluation.units.outOf5')}`;
    if (def.unit === 'minutes') return `${text} ${t('evaluation.units.minutes')}`;
    return text;
  };
}

/**
 * The four levels side by side: each card its main figure large, the others below, every one
 * with its "how computed" link; a level without records says what to do instead.
 * @param props.figures the group's figures
 * @param props.testIdPrefix prefix of the cards' test ids (eval-level-reaction …)
 */
export function LevelCards({ figures, testIdPrefix = 'eval-level' }: { figures: TLevelFigures; testIdPrefix?: string }) {
  const { t } = useTranslation();
  const figureText = useFigureText();
  /** How many records a level's figures rest on, as one line. */
  const countLine = (level: TLevel): string => {
    if (level === 'reaction') return t('evaluation.figures.responsesLine', { responses: figures.reaction.responses, invited: figures.reaction.invited });
    if (level === 'learning') return `${t('evaluation.figures.examsLine', { count: figures.learning.examAttempts })} · ${t('evaluation.figures.roleplaysLine', { count: figures.learning.roleplayAttempts })}`;
    if (level === 'behaviour') return t('evaluation.figures.conversationsLine', { count: figures.behaviour.conversations });
    return t('evaluation.figures.recordsLine', { count: figures.results.records });
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {LEVELS.map((level) => {
        const [main, ...rest] = LEVEL_FIGURES[level];
        const hasData = hasLevelData(level, figures);
        return (
          <Col key={level} xs={24} sm={12} xl={6}>
            <Card
              variant="borderless"
              size="small"
              style={{ height: '100%', borderTop: `3px solid ${LEVEL_COLOURS[level]}` }}
              data-testid={`${testIdPrefix}-${level}`}
              data-has-data={hasData ? 'true' : 'false'}
              title={
                <Flex vertical gap={0} style={{ padding: '4px 0' }}>
                  <Typography.Text strong style={{ color: LEVEL_COLOURS[level] }}>
                    {t(`evaluation.levels.${level}`)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                    {t(`evaluation.levels.${level}Hint`)}
                  </Typography.Text>
                </Flex>
              }
            >
              {hasData ? (
                <Flex vertical gap={6}>
                  <div>
                    <Flex align="center" gap={2}>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {t(`evaluation.metrics.${main!}`)}
                      </Typography.Text>
                      <MethodHelp metric={FIGURES[main!].method} />
                    </Flex>
                    <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' }} data-testid={`eval-figure-${main!}`}>
                      {figureText(main!, figures)}
                    </div>
                  </div>
                  {rest.map((key) => (
                    <Flex key={key} justify="space-between" align="center" gap={8}>
                      <Flex align="center" gap={2}>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {t(`evaluation.metrics.${key}`)}
                        </Typography.Text>
                        <MethodHelp metric={FIGURES[key].method} />
                      </Flex>
                      <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`eval-figure-${key}`}>
                        {figureText(key, figures)}
                      </Typography.Text>
                    </Flex>
                  ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {countLine(level)}
                  </Typography.Text>
                </Flex>
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} data-testid={`${testIdPrefix}-${level}-empty`}>
                  {t(`evaluation.empty.${level}`)}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
