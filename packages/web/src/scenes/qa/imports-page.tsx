import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isImportActive, useCancelQaImport, useQaImports, type TQaImport } from '../../api/qa';
import { useErrorMessage } from '../../hooks/use-error-message';
import { ImportProgress } from './import-progress';
import { useQaLabels } from './labels';
import { formatBytes, IMPORT_STATUS_COLOR } from './progress';
import { QaHeader } from './qa-header';
import './qa.css';

/** Where an import opens: the mapping step until it is started, its progress page after. */
export function importPath(item: Pick<TQaImport, 'id' | 'status'>): string {
  return item.status === 'uploaded' ? `/qa/imports/new?id=${item.id}` : `/qa/imports/${item.id}`;
}

/**
 * 导入 at /qa/imports: every chat-log import of the organisation, newest first, with its
 * status, bar, stage, time left and counts; refreshed every 2 s while one is queued or
 * running. Opens an import, continues one not started yet, cancels one in progress.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useQaLabels();
  const importsQuery = useQaImports();
  const cancel = useCancelQaImport();

  const confirmCancel = (item: TQaImport) =>
    void modal.confirm({
      title: t('qa.imports.cancelTitle', { name: item.fileName }),
      content: t('qa.imports.cancelBody'),
      okText: t('qa.imports.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'qa-import-cancel-confirm' } as never,
      cancelText: t('qa.imports.keep'),
      onOk: () =>
        cancel.mutateAsync(item.id).then(
          () => void message.success(t('qa.imports.cancelRequested')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const columns: TableProps<TQaImport>['columns'] = [
    {
      key: 'file',
      title: t('qa.imports.colFile'),
      render: (_, item) => (
        <Flex vertical gap={2}>
          <Link to={importPath(item)} data-testid={`qa-import-open-${item.id}`} style={{ fontWeight: 500 }}>
            {item.fileName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[item.format?.toUpperCase(), formatBytes(item.sizeBytes)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'source', title: t('qa.imports.colSource'), render: (_, item) => item.source?.name ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
    {
      key: 'status',
      title: t('qa.imports.colStatus'),
      render: (_, item) => (
        <Tag color={IMPORT_STATUS_COLOR[item.status]} style={{ marginInlineEnd: 0 }} data-testid={`qa-import-status-${item.id}`}>
          {labels.status(item.status)}
        </Tag>
      ),
    },
    {
      key: 'progress',
      title: t('qa.imports.colProgress'),
      width: 240,
      render: (_, item) =>
        item.status === 'uploaded' || item.status === 'uploading' ? (
          <Typography.Text type="secondary">{labels.stage(item.status)}</Typography.Text>
        ) : (
          <ImportProgress item={item} size="small" />
        ),
    },
    {
      key: 'counts',
      title: t('qa.imports.colCounts'),
      render: (_, item) => (
        <Flex vertical gap={0} style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
          <span>{t('qa.imports.countsRows', { rows: item.rowsRead.toLocaleString(), rejected: item.rowsRejected.toLocaleString() })}</span>
          <span>{t('qa.imports.countsConversations', { done: item.conversationsDone.toLocaleString(), total: item.conversationsTotal.toLocaleString(), skipped: item.conversationsSkipped.toLocaleString() })}</span>
        </Flex>
      ),
    },
    { key: 'created', title: t('qa.imports.colCreated'), render: (_, item) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}</span> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, item) => (
        <Flex gap={8}>
          {item.status === 'uploaded' && (
            <Button size="small" type="primary" ghost onClick={() => navigate(importPath(item))} data-testid={`qa-import-continue-${item.id}`}>
              {t('qa.imports.continue')}
            </Button>
          )}
          {(isImportActive(item.status) || item.status === 'uploaded') && (
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              disabled={item.isCancelRequested}
              loading={cancel.isPending && cancel.variables === item.id}
              onClick={() => confirmCancel(item)}
              data-testid={`qa-import-cancel-${item.id}`}
            >
              {item.isCancelRequested ? t('qa.stage.stopping') : t('qa.imports.cancel')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="qa-imports">
      <QaHeader
        tab="imports"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/qa/imports/new')} data-testid="qa-import-new">
            {t('qa.imports.newImport')}
          </Button>
        }
      />
      <Card variant="borderless" title={t('qa.imports.title')}>
        <Typography.Paragraph type="secondary">{t('qa.masking')}</Typography.Paragraph>
        {importsQuery.isError && <Alert type="error" showIcon title={errorMessage(importsQuery.error)} style={{ marginBottom: 12 }} />}
        <Table<TQaImport>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={importsQuery.data ?? []}
          loading={importsQuery.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('qa.imports.empty') }}
          onRow={(item) => ({ 'data-testid': `qa-import-row-${item.id}`, 'data-status': item.status }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
    </div>
  );
}
