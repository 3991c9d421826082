import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { PrivacyNote } from './privacy-note';
import { SelfcareTiles } from './selfcare-tiles';

/**
 * 自我关怀 at /selfcare: the tools, one tap away.
 */
export default function OverviewPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="selfcare-overview-page">
      <PageHeader title={t('selfcare.overview.title')} subtitle={t('selfcare.overview.subtitle')} />
      <Row gutter={[12, 12]}>
        <Col span={24}>
          <Card variant="borderless" size="small">
            <Typography.Text type="secondary">{t('selfcare.overview.toolsIntro')}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <SelfcareTiles />
      <PrivacyNote />
    </div>
  );
}
