import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPersonRecord } from '../../../api/people';
import { RecordKindTag, useText, when } from './labels';

/**
 * Person records as a table: when, (whose), what kind, why and from what, points deducted,
 * what re-training was assigned, and who recorded it.
 * @param props.showPerson the manager's list names the person; the person's own list does not
 */
export function RecordsTable({ records, isLoading, showPerson, emptyText }: { records: TPersonRecord[]; isLoading: boolean; showPerson: boolean; emptyText: string }) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <Table<TPersonRecord>
      rowKey="id"
      loading={isLoading}
      dataSource={records}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      size="middle"
      data-testid="records-table"
      locale={{ emptyText }}
      onRow={(record) => ({ 'data-testid': `record-row-${record.id}`, 'data-kind': record.kind, 'data-person': record.user.displayName }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('people.records.date'), key: 'date', width: 150, render: (_, record) => when(record.createdAt) },
        ...(showPerson ? [{ title: t('people.fields.person'), key: 'person', width: 110, render: (_: unknown, record: TPersonRecord) => <Typography.Text strong>{record.user.displayName}</Typography.Text> }] : []),
        { title: t('people.records.kindLabel'), key: 'kind', width: 110, render: (_, record) => <RecordKindTag kind={record.kind} /> },
        {
          title: t('people.records.reason'),
          key: 'reason',
          render: (_, record) => (
            <Flex vertical gap={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{record.reason}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`people.records.source.${record.sourceType}`)}
                {record.sourceId && record.sourceType === 'complaint' ? ` · ${t('people.records.ref', { ref: record.sourceId })}` : ''}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('people.records.points'), key: 'points', width: 90, render: (_, record) => (record.points === null ? '—' : <Typography.Text type="danger">{`−${record.points}`}</Typography.Text>) },
        {
          title: t('people.records.retraining'),
          key: 'retraining',
          width: 220,
          render: (_, record) =>
            record.retraining ? (
              <Flex vertical gap={2}>
                {record.retraining.courseTitle && <Tag color="blue">{t('people.records.course', { title: text(record.retraining.courseTitle) })}</Tag>}
                {record.retraining.scenarioTitle && <Tag color="geekblue">{t('people.records.scenario', { title: text(record.retraining.scenarioTitle) })}</Tag>}
                {record.retraining.dueDate && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('people.records.dueDate', { date: record.retraining.dueDate })}
                  </Typography.Text>
                )}
              </Flex>
            ) : (
              '—'
            ),
        },
        { title: t('people.records.createdBy'), key: 'by', width: 100, render: (_, record) => record.createdBy?.displayName ?? t('people.records.system') },
      ]}
    />
  );
}
