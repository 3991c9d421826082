import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NAV_ICONS } from '../components/nav-icons';
import { PageHeader } from '../components/page-header';
import type { TNavKey } from '../navigation';

/** Areas that have real pages; the others show what they will do and nothing else. */
export const BUILT_AREAS: ReadonlySet<TNavKey> = new Set<TNavKey>(['analyzer', 'roleplay', 'learning', 'mytraining', 'qa', 'operations', 'evaluation', 'selfcare', 'live-assist', 'admin']);

/** Areas described by a placeholder until their release. */
export type TPlannedArea = 'learning' | 'selfcare' | 'live-assist' | 'operations' | 'evaluation';

/**
 * An honest placeholder for an area not built yet: its name, what it will do, and a
 * "coming in a later release" mark. No sample data, no charts.
 * @param props.area the area
 */
export function PlannedAreaPage({ area }: { area: TPlannedArea }) {
  const { t } = useTranslation();
  return (
    <div data-testid={`area-${area}`}>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS[area]}</span>
            {t(`nav.${area}`)}
            <Tag icon={<ClockCircleOutlined />} color="processing" data-testid="coming-soon" style={{ marginInlineEnd: 0 }}>
              {t('app.comingSoon')}
            </Tag>
          </Flex>
        }
        subtitle={t(`areas.${area}.short`)}
      />
      <Card variant="borderless">
        <Typography.Paragraph className="cd-prose">{t(`areas.${area}.description`)}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('app.comingSoonNote')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}

