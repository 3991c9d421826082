import { InfoCircleOutlined } from '@ant-design/icons';
import type { TEvalMetric } from '@calmdesk/shared';
import { Button, Descriptions, Drawer, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FIGURES, type TFigureKey } from './figures';

/**
 * How a figure is computed: its formula, the tables it reads and the filters, from the
 * texts of /evaluation/methods (one source for the drawer and the page).
 * @param props.metric the figure's method anchor
 */
export function MethodBody({ metric }: { metric: TEvalMetric }) {
  const { t } = useTranslation();
  const base = `evaluation.methods.items.${metric}` as const;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'formula', label: t('evaluation.help.formula'), children: <span style={{ whiteSpace: 'pre-line' }}>{t(`${base}.formula`)}</span> },
        { key: 'tables', label: t('evaluation.help.tables'), children: <span style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12.5 }}>{t(`${base}.tables`)}</span> },
        { key: 'filters', label: t('evaluation.help.filters'), children: t(`${base}.filters`) },
      ]}
    />
  );
}

/**
 * The small ⓘ next to a figure: opens a drawer that says how it is computed, with a link to
 * the methods page at the figure's anchor.
 * @param props.metric the figure's method anchor
 */
export function MethodHelp({ metric }: { metric: TEvalMetric }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Tooltip title={t('evaluation.help.open')}>
        <Button
          type="text"
          size="small"
          icon={<InfoCircleOutlined style={{ fontSize: 13, color: '#8c8c8c' }} />}
          onClick={(event) => {
            event.stopPropagation();
            setIsOpen(true);
          }}
          aria-label={`${t('evaluation.help.open')} ${t(`evaluation.methods.items.${metric}.title`)}`}
          data-testid={`eval-help-${metric}`}
          style={{ width: 22, height: 22, minWidth: 22 }}
        />
      </Tooltip>
      <Drawer
        open={isOpen}
        onClose={() => setIsOpen(false)}
        title={`${t('evaluation.help.drawerTitle')} · ${t(`evaluation.methods.items.${metric}.title`)}`}
        size={520}
        destroyOnHidden
        footer={
          <Link to={`/evaluation/methods#${metric}`} data-testid="eval-help-page-link">
            {t('evaluation.help.openPage')}
          </Link>
        }
      >
        <div data-testid="eval-help-drawer">
          <MethodBody metric={metric} />
        </div>
      </Drawer>
    </>
  );
}

/**
 * A table column's heading for one figure: its name and the "how it is computed" icon,
 * right-aligned above the numbers (the dashboard's and a team's tables).
 * @param props.figure the figure
 */
export function FigureHeading({ figure }: { figure: TFigureKey }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="flex-end" gap={0} wrap={false}>
      <span style={{ lineHeight: 1.3 }}>{t(`evaluation.metrics.${figure}`)}</span>
      <MethodHelp metric={FIGURES[figure].method} />
    </Flex>
  );
}
