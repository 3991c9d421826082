import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { assistAccess } from './access';

export type TAssistTab = 'assist' | 'team';
const TAB_PATHS: Record<TAssistTab, string> = { assist: '/live-assist', team: '/live-assist/team' };

/**
 * 实时辅助's title and, for those who both serve and oversee (supervisors), tabs between the
 * assist page and the team's load and escalations.
 * @param props.tab the current tab
 * @param props.extra actions on the right of the title
 */
export function AssistHeader({ tab, subtitle, extra }: { tab: TAssistTab; subtitle?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const access = assistAccess(session.roles);
  const tabs = (['assist', 'team'] as const).filter((key) => (key === 'assist' ? access.canServe : access.canOversee));
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS['live-assist']}</span>
            {t('nav.live-assist')}
          </Flex>
        }
        subtitle={subtitle}
        extra={extra}
      />
      {tabs.length > 1 && (
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(TAB_PATHS[key as TAssistTab])}
          items={tabs.map((key) => ({ key, label: <span data-testid={`assist-tab-${key}`}>{t(`assist.tabs.${key}`)}</span> }))}
        />
      )}
    </>
  );
}
