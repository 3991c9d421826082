import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { QA_TAB_PATHS, qaTabs, type TQaTab } from './access';

/**
 * 对话质检's title and tabs: 对话 for every reader, 导入 for the roles that import.
 * @param props.tab the current tab
 * @param props.extra actions on the right of the title
 */
export function QaHeader({ tab, extra }: { tab: TQaTab; extra?: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const tabs = qaTabs(session.roles);
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.qa}</span>
            {t('nav.qa')}
          </Flex>
        }
        subtitle={t('qa.subtitle')}
        extra={extra}
      />
      {tabs.length > 1 && (
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(QA_TAB_PATHS[key as TQaTab])}
          items={tabs.map((key) => ({ key, label: <span data-testid={`qa-tab-${key}`}>{t(`qa.tabs.${key}`)}</span> }))}
        />
      )}
    </>
  );
}
