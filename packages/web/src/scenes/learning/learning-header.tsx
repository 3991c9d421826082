import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { LEARNING_TAB_PATHS, learningTabs, type TLearningTab } from './access';

/**
 * The learning area's title and tabs: one menu item, several pages inside.
 * Tab labels live in learn.*.json under `learn.tabs`.
 * @param props.tab the current tab
 * @param props.extra actions on the right of the title
 */
export function LearningHeader({ tab, extra }: { tab: TLearningTab; extra?: ReactNode }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.learning}</span>
            {t('nav.learning')}
          </Flex>
        }
        subtitle={t('learn.subtitle')}
        extra={extra}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(LEARNING_TAB_PATHS[key as TLearningTab])}
        items={learningTabs(session.roles).map((key) => ({ key, label: <span data-testid={`learning-tab-${key}`}>{t(`learn.tabs.${key}`)}</span> }))}
      />
    </>
  );
}
