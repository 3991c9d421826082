import { STRESS_QUESTIONNAIRE } from '@calmdesk/shared';
import { Card, Col, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSelfcareSummary } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { formatWhen, useLocalText } from './labels';
import { PrivacyNote } from './privacy-note';
import { QuickDiary } from './quick-diary';
import { SelfcareTiles } from './selfcare-tiles';
import { SuggestionCard } from './suggestion-card';

const BAND_COLOURS = { low: 'green', moderate: 'gold', high: 'volcano' } as const;

/**
 * 自我关怀 at /selfcare: the quick diary entry on top (seconds on a phone), then my diary streak,
 * my last stress check and the gentle suggestion when the server gives one, then the tools.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  const local = useLocalText();
  const summary = useSelfcareSummary();
  const data = summary.data;
  const lastBand = data?.lastCheck ? STRESS_QUESTIONNAIRE.bands.find((band) => band.band === data.lastCheck?.band) : undefined;

  return (
    <div data-testid="selfcare-overview-page">
      <PageHeader title={t('selfcare.overview.title')} subtitle={t('selfcare.overview.subtitle')} />
      <Flex vertical gap={12}>
        <QuickDiary />
        {data?.suggestion && <SuggestionCard suggestion={data.suggestion} />}
        <Row gutter={[12, 12]}>
          <Col xs={12} md={8}>
            <Card variant="borderless" size="small" style={{ height: '100%' }} data-testid="selfcare-streak">
              {data ? (
                <Statistic title={t('selfcare.overview.streak')} value={data.diaryStreak} suffix={t('selfcare.overview.days')} />
              ) : (
                <Skeleton active paragraph={false} />
              )}
              {data && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {data.hasDiaryToday ? t('selfcare.overview.writtenToday') : data.lastDiaryAt ? t('selfcare.overview.lastDiary', { when: formatWhen(data.lastDiaryAt) }) : t('selfcare.overview.noDiary')}
                </Typography.Text>
              )}
            </Card>
          </Col>
          <Col xs={12} md={8}>
            <Card variant="borderless" size="small" style={{ height: '100%' }} data-testid="selfcare-last-check">
              {data ? (
                data.lastCheck && lastBand ? (
                  <>
                    <Statistic title={t('selfcare.overview.lastCheck')} value={data.lastCheck.score} suffix="/ 100" />
                    <Flex gap={4} align="center" wrap>
                      <Tag color={BAND_COLOURS[data.lastCheck.band]} style={{ marginInlineEnd: 0 }}>
                        {local(lastBand.label)}
                      </Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatWhen(data.lastCheck.takenAt)}
                      </Typography.Text>
                    </Flex>
                  </>
                ) : (
                  <Flex vertical gap={4}>
                    <Typography.Text type="secondary">{t('selfcare.overview.lastCheck')}</Typography.Text>
                    <Link to="/selfcare/check">{t('selfcare.overview.takeCheck')}</Link>
                  </Flex>
                )
              ) : (
                <Skeleton active paragraph={false} />
              )}
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card variant="borderless" size="small" style={{ height: '100%' }} data-testid="selfcare-counts">
              <Typography.Text type="secondary">{t('selfcare.overview.mine')}</Typography.Text>
              {data ? (
                <Flex gap={12} wrap style={{ marginTop: 6 }}>
                  <Link to="/selfcare/diary">{t('selfcare.overview.countDiary', { count: data.counts.diary })}</Link>
                  <Link to="/selfcare/abc">{t('selfcare.overview.countAbc', { count: data.counts.abc })}</Link>
                  <Link to="/selfcare/notes">{t('selfcare.overview.countNotes', { count: data.counts.gratitude + data.counts.success })}</Link>
                </Flex>
              ) : (
                <Skeleton active paragraph={false} />
              )}
              {data && data.abcUnfinished > 0 && (
                <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 12 }}>
                  <Link to="/selfcare/abc">{t('selfcare.overview.abcUnfinished', { count: data.abcUnfinished })}</Link>
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        </Row>
      </Flex>
      <SelfcareTiles />
      <PrivacyNote />
    </div>
  );
}
