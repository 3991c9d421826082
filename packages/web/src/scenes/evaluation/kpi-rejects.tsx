import type { TKpiReject } from '@calmdesk/shared';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** A reject's reason in the reader's language, from its code. */
export function useRejectReason() {
  const { t, i18n } = useTranslation();
  return (reject: TKpiReject) => {
    const fieldKey = `evaluation.fields.${reject.field ?? ''}`;
    const field = reject.field && i18n.exists(fieldKey) ? t(fieldKey as 'evaluation.fields.csat') : (reject.field ?? '');
    return t(`evaluation.rejects.${reject.code}`, { field, value: reject.value ?? '', row: reject.otherRow ?? '' });
  };
}

/**
 * Rows that were (or would be) left out, by row number and reason.
 * @param props.rejects the rejects
 * @param props.testId the table's test id
 */
export function RejectsTable({ rejects, testId }: { rejects: readonly TKpiReject[]; testId: string }) {
  const { t } = useTranslation();
  const reason = useRejectReason();
  return (
    <Table<TKpiReject>
      size="small"
      rowKey={(r) => `${r.rowNumber}-${r.code}`}
      dataSource={[...rejects]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': `eval-kpi-reject-row-${r.rowNumber}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'row', title: t('evaluation.kpi.colRow'), width: 80, align: 'right', render: (_, r) => r.rowNumber },
        { key: 'reason', title: t('evaluation.kpi.colReason'), render: (_, r) => reason(r) },
      ]}
    />
  );
}
