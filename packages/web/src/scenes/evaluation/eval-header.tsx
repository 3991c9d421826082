import { Flex, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { NAV_ICONS } from '../../components/nav-icons';
import { PageHeader } from '../../components/page-header';

/** The tabs of 效果评估, in order. */
export type TEvalTab = 'dashboard' | 'kpis' | 'methods';

export const EVAL_TAB_PATHS: Record<TEvalTab, string> = { dashboard: '/evaluation', kpis: '/evaluation/kpis', methods: '/evaluation/methods' };

/**
 * 效果评估's title and tabs (every tab is open to every role that may open the area: the
 * server narrows a supervisor's figures and imports to their teams).
 * @param props.tab the current tab, or none on the drill-down pages
 * @param props.extra actions on the right of the title
 */
export function EvalHeader({ tab, extra, title, subtitle }: { tab?: TEvalTab; extra?: ReactNode; title?: ReactNode; subtitle?: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={10}>
            <span style={{ color: '#2f7d8c' }}>{NAV_ICONS.evaluation}</span>
            {title ?? t('nav.evaluation')}
          </Flex>
        }
        subtitle={subtitle ?? t('evaluation.subtitle')}
        extra={extra}
      />
      {tab && (
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(EVAL_TAB_PATHS[key as TEvalTab])}
          items={(Object.keys(EVAL_TAB_PATHS) as TEvalTab[]).map((key) => ({ key, label: <span data-testid={`eval-tab-${key}`}>{t(`evaluation.tabs.${key}`)}</span> }))}
        />
      )}
    </>
  );
}
