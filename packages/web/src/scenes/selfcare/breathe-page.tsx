import { Card, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { BreathingPacer } from './breathing-pacer';
import { BREATHING_PATTERN_IDS, isBreathingPatternId, type TBreathingPatternId } from './breathing-patterns';
import { PatternPicker } from './pattern-picker';
import { PrivacyNote } from './privacy-note';

/** Session lengths offered; 0 means "until I stop". */
const DURATIONS = [0, 60, 180, 300] as const;

/**
 * 呼吸练习 at /selfcare/breathe: the animated pacer with the four rhythms, an optional session
 * length, and a short word on when each rhythm helps. The rhythm and length live in the address
 * (?pattern=box&minutes=3), so a bookmark opens the same exercise.
 */
export default function BreathePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('pattern');
  const pattern: TBreathingPatternId = isBreathingPatternId(requested) ? requested : 'desk';
  const durationParam = Number(params.get('seconds') ?? 0);
  const duration = (DURATIONS as readonly number[]).includes(durationParam) ? durationParam : 0;

  const update = (next: { pattern?: TBreathingPatternId; seconds?: number }) => {
    const merged = { pattern, seconds: duration, ...next };
    const search: Record<string, string> = { pattern: merged.pattern };
    if (merged.seconds > 0) search.seconds = String(merged.seconds);
    setParams(search, { replace: true });
  };

  return (
    <div data-testid="selfcare-breathe-page">
      <PageHeader title={t('selfcare.breathe.title')} subtitle={t('selfcare.breathe.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card variant="borderless">
            <Flex vertical gap={16}>
              <PatternPicker value={pattern} onChange={(value) => update({ pattern: value })} />
              <Flex align="center" gap={8} wrap>
                <Typography.Text type="secondary">{t('selfcare.breathe.length')}</Typography.Text>
                <Segmented<number>
                  size="small"
                  value={duration}
                  onChange={(value) => update({ seconds: value })}
                  data-testid="pacer-duration"
                  options={DURATIONS.map((seconds) => ({ value: seconds, label: seconds === 0 ? t('selfcare.breathe.untilStop') : t('selfcare.breathe.minutes', { count: seconds / 60 }) }))}
                />
              </Flex>
              <BreathingPacer key={`${pattern}-${duration}`} pattern={pattern} durationSeconds={duration > 0 ? duration : undefined} />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('selfcare.breathe.aboutTitle')}>
            <Flex vertical gap={12}>
              {BREATHING_PATTERN_IDS.map((id) => (
                <div key={id} data-testid={`pattern-about-${id}`}>
                  <Typography.Text strong>{t(`selfcare.patterns.${id}.name`)}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }}>
                    {t(`selfcare.patterns.${id}.about`)}
                  </Typography.Paragraph>
                </div>
              ))}
              <Typography.Paragraph style={{ margin: 0 }}>
                {t('selfcare.breathe.offlineHint')} <Link to="/breathe" data-testid="breathe-public-link">{t('selfcare.breathe.offlineLink')}</Link>
              </Typography.Paragraph>
              <Typography.Paragraph style={{ margin: 0 }}>
                <Link to="/selfcare/relax">{t('selfcare.breathe.relaxLink')}</Link>
              </Typography.Paragraph>
            </Flex>
          </Card>
        </Col>
      </Row>
      <PrivacyNote variant="practice" />
    </div>
  );
}
