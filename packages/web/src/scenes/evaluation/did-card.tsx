import { DID_MIN_GROUP, type TDidRow } from '@calmdesk/shared';
import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChange, formatFigure, KPI_METHOD, kpiUnit } from './figures';
import { MethodHelp } from './method-help';

/**
 * Level 4's before/after comparison: for each KPI, the trained people's change, the
 * not-yet-trained colleagues' change over the same periods, and the difference, with the
 * group sizes and the caveats (small groups; association, not proof).
 * @param props.rows the comparison of every KPI
 */
export function DidCard({ rows, extra }: { rows: readonly TDidRow[]; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const hasAny = rows.some((r) => r.trainedPeople > 0);
  const isSmall = rows.some((r) => r.trainedPeople > 0 && r.isSmall);
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="eval-did"
      title={
        <Flex align="center" gap={4}>
          {t('evaluation.did.title')}
          <MethodHelp metric="kpi-did" />
        </Flex>
      }
      extra={extra}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('evaluation.did.subtitle')}
      </Typography.Paragraph>
      {!hasAny ? (
        <Alert type="info" showIcon title={t('evaluation.did.none')} data-testid="eval-did-none" />
      ) : (
        <>
          <Table<TDidRow>
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={[...rows]}
            scroll={{ x: 860 }}
            columns={[
              {
                key: 'kpi',
                title: t('evaluation.did.colKpi'),
                render: (_, r) => (
                  <Flex align="center" gap={2} wrap={false}>
                    <span style={{ whiteSpace: 'nowrap' }}>{t(`evaluation.metrics.${r.field}`)}</span>
                    <MethodHelp metric={KPI_METHOD[r.field]} />
                  </Flex>
                ),
              },
              { key: 'trained', title: t('evaluation.did.colTrained'), align: 'right', render: (_, r) => r.trainedPeople },
              { key: 'before', title: t('evaluation.did.colBefore'), align: 'right', render: (_, r) => formatFigure(r.trainedBefore, kpiUnit(r.field)) },
              { key: 'after', title: t('evaluation.did.colAfter'), align: 'right', render: (_, r) => formatFigure(r.trainedAfter, kpiUnit(r.field)) },
              { key: 'change', title: t('evaluation.did.colChange'), align: 'right', render: (_, r) => formatChange(r.trainedChange, kpiUnit(r.field)) },
              { key: 'control', title: t('evaluation.did.colControl'), align: 'right', render: (_, r) => r.controlPeople },
              { key: 'controlChange', title: t('evaluation.did.colControlChange'), align: 'right', render: (_, r) => formatChange(r.controlChange, kpiUnit(r.field)) },
              {
                key: 'difference',
                title: t('evaluation.did.colDifference'),
                align: 'right',
                render: (_, r) => (
                  <Flex justify="flex-end" align="center" gap={6} wrap={false} data-testid={`eval-did-${r.field}`}>
                    <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatChange(r.difference, kpiUnit(r.field))}
                    </Typography.Text>
                    {r.isImprovement !== null && <Tag color={r.isImprovement ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>{r.isImprovement ? t('evaluation.did.better') : t('evaluation.did.worse')}</Tag>}
                    {r.difference === 0 && <Tag style={{ marginInlineEnd: 0 }}>{t('evaluation.did.flat')}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
          <Flex vertical gap={8} style={{ marginTop: 12 }}>
            {isSmall && <Alert type="warning" showIcon title={t('evaluation.did.small', { min: DID_MIN_GROUP })} data-testid="eval-did-small" />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('evaluation.did.association')}
            </Typography.Text>
          </Flex>
        </>
      )}
    </Card>
  );
}
