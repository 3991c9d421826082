import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { MY_TABS, OPS_TABS, opsTabs, type TMyTab, type TOpsTab } from './access';

/**
 * 培训运营's title and tabs (calendar, attendance, plans, surveys, mentoring, incentives, records), as the role allows.
 * @param props.tab the current tab
 * @param props.extra actions on the right of the title
 */
export function OpsHeader({ tab, extra, subtitle }: { tab: TOpsTab; extra?: ReactNode; subtitle?: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const tabs = opsTabs(session.roles);
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.operations}</span>
            {t('nav.operations')}
          </Flex>
        }
        subtitle={subtitle ?? t('ops.subtitle')}
        extra={extra}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(OPS_TABS.find((item) => item.key === key)!.path)}
        items={tabs.map((key) => ({ key, label: <span data-testid={`ops-tab-${key}`}>{t(`ops.tabs.${key}`)}</span> }))}
      />
    </>
  );
}

/**
 * 我的培训's title and tabs: the same for everyone.
 * @param props.tab the current tab
 */
export function MyHeader({ tab, extra }: { tab: TMyTab; extra?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.mytraining}</span>
            {t('nav.mytraining')}
          </Flex>
        }
        subtitle={t('ops.mySubtitle')}
        extra={extra}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(MY_TABS.find((item) => item.key === key)!.path)}
        items={MY_TABS.map(({ key }) => ({ key, label: <span data-testid={`my-tab-${key}`}>{t(`ops.myTabs.${key}`)}</span> }))}
      />
    </>
  );
}
