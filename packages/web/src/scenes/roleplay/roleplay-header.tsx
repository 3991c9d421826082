import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { ROLEPLAY_TAB_PATHS, roleplayTabs, type TRoleplayTab } from './access';

/**
 * The area's title and its tabs (catalogue, history, and for the roles that may use them
 * coaching and authoring): one menu item in the app's navigation, several pages inside.
 * @param props.tab the current tab
 * @param props.extra actions on the right of the title
 */
export function RoleplayHeader({ tab, extra }: { tab: TRoleplayTab; extra?: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const tabs = roleplayTabs(session.roles);
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.roleplay}</span>
            {t('nav.roleplay')}
          </Flex>
        }
        subtitle={t('roleplay.subtitle')}
        extra={extra}
      />
      <Tabs
        className="cd-roleplay-tabs"
        activeKey={tab}
        onChange={(key) => navigate(ROLEPLAY_TAB_PATHS[key as TRoleplayTab])}
        items={tabs.map((key) => ({ key, label: <span data-testid={`roleplay-tab-${key}`}>{t(`roleplay.tabs.${key}`)}</span> }))}
      />
    </>
  );
}
