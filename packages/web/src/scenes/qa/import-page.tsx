import { ArrowLeftOutlined, CommentOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isImportActive, useCancelQaImport, useQaImport, useQaRejects, type TQaImport, type TQaReject } from '../../api/qa';
import { useErrorMessage } from '../../hooks/use-error-message';
import { ImportProgress } from './import-progress';
import { useQaLabels } from './labels';
import { formatBytes, IMPORT_STATUS_COLOR } from './progress';
import { QaHeader } from './qa-header';
import './qa.css';

const REJECTS_PAGE = 50;

/** The rows an ended import could not use: row number (and message number in nested JSON) and why. */
function RejectsTable({ item }: { item: TQaImport }) {
  const { t } = useTranslation();
  const labels = useQaLabels();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const rejectsQuery = useQaRejects(item.id, { offset: (page - 1) * REJECTS_PAGE, limit: REJECTS_PAGE }, item.rowsRejected > 0);
  const rejects = rejectsQuery.data;
  const hasMessageIndex = rejects?.rejects.some((reject) => reject.messageIndex !== null) ?? false;

  const columns: TableProps<TQaReject>['columns'] = [
    { key: 'row', title: t('qa.rejects.colRow'), width: 96, render: (_, reject) => <Typography.Text strong>{reject.rowNumber.toLocaleString()}</Typography.Text> },
    ...(hasMessageIndex ? [{ key: 'message', title: t('qa.rejects.colMessage'), width: 110, render: (_: unknown, reject: TQaReject) => reject.messageIndex ?? t('common.none') }] : []),
    {
      key: 'reason',
      title: t('qa.rejects.colReason'),
      render: (_, reject) => {
        const said = labels.rejectReason(reject.reason);
        return said === reject.reason ? (
          said
        ) : (
          <Tooltip title={reject.reason}>
            <span>{said}</span>
          </Tooltip>
        );
      },
    },
  ];

  return (
    <Card variant="borderless" title={t('qa.rejects.title', { count: item.rowsRejected.toLocaleString() })} data-testid="qa-import-rejects">
      {item.rowsRejected === 0 ? (
        <Typography.Text type="secondary">{item.status === 'done' ? t('qa.rejects.none') : t('qa.rejects.noneSoFar')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('qa.rejects.explain')}</Typography.Paragraph>
          {rejects && rejects.stored < rejects.total && <Alert type="info" showIcon title={t('qa.rejects.stored', { total: rejects.total.toLocaleString(), stored: rejects.stored.toLocaleString() })} style={{ marginBottom: 12 }} />}
          {rejectsQuery.isError && <Alert type="error" showIcon title={errorMessage(rejectsQuery.error)} style={{ marginBottom: 12 }} />}
          <Table<TQaReject>
            rowKey={(reject) => `${reject.rowNumber}-${reject.messageIndex ?? ''}`}
            size="small"
            columns={columns}
            dataSource={rejects?.rejects ?? []}
            loading={rejectsQuery.isFetching}
            pagination={{ current: page, pageSize: REJECTS_PAGE, total: rejects?.stored ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
            onRow={(reject) => ({ 'data-testid': `qa-reject-row-${reject.rowNumber}` }) as HTMLAttributes<HTMLElement>}
          />
        </>
      )}
    </Card>
  );
}

/**
 * One import at /qa/imports/:importId: the big bar with its stage and time left, live counts
 * (refreshed every 2 s while it runs), cancel; when it has ended, how it ended, the rows it
 * rejected and a link to the conversations of its source.
 */
export default function ImportPage() {
  const { importId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useQaLabels();
  const importQuery = useQaImport(importId);
  const cancel = useCancelQaImport();
  const item = importQuery.data;

  const header = (
    <QaHeader
      tab="imports"
      extra={
        <Link to="/qa/imports">
          <Button icon={<ArrowLeftOutlined />}>{t('qa.progress.back')}</Button>
        </Link>
      }
    />
  );
  if (importQuery.isPending) {
    return (
      <div>
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (!item) {
    return (
      <div>
        {header}
        <Result status="error" title={errorMessage(importQuery.error)} data-testid="qa-import-missing" />
      </div>
    );
  }

  const isActive = isImportActive(item.status);
  const hasEnded = item.status === 'done' || item.status === 'failed' || item.status === 'cancelled';
  const conversationsLink = `/qa?importId=${item.id}`;

  const confirmCancel = () =>
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

  return (
    <div data-testid="qa-import-page" data-status={item.status}>
      {header}
      <Card
        variant="borderless"
        style={{ marginBottom: 16 }}
        title={
          <Flex align="center" gap={10} wrap>
            <span>{item.fileName}</span>
            <Tag color={IMPORT_STATUS_COLOR[item.status]} style={{ marginInlineEnd: 0 }} data-testid="qa-import-status" data-status={item.status}>
              {labels.status(item.status)}
            </Tag>
          </Flex>
        }
        extra={
          (isActive || item.status === 'uploaded') && (
            <Button danger icon={<StopOutlined />} disabled={item.isCancelRequested} loading={cancel.isPending} onClick={confirmCancel} data-testid="qa-import-cancel">
              {item.isCancelRequested ? t('qa.stage.stopping') : t('qa.imports.cancel')}
            </Button>
          )
        }
      >
        {item.status === 'uploaded' ? (
          <Alert
            type="info"
            showIcon
            title={t('qa.progress.notStarted')}
            action={
              <Button type="primary" onClick={() => navigate(`/qa/imports/new?id=${item.id}`)}>
                {t('qa.imports.continue')}
              </Button>
            }
          />
        ) : (
          <div className="cd-qa-bigbar">
            <ImportProgress item={item} size="large" />
          </div>
        )}
        {item.status === 'queued' && !item.isCancelRequested && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('qa.progress.queuedHint')}</Typography.Paragraph>}

        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('qa.progress.rowsRead')} value={item.rowsRead} data-testid="qa-import-count-rows" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('qa.progress.rejected')} value={item.rowsRejected} styles={item.rowsRejected > 0 ? { content: { color: '#d46b08' } } : undefined} data-testid="qa-import-count-rejected" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('qa.progress.conversations')}
              value={item.conversationsDone}
              suffix={item.conversationsTotal > 0 ? `/ ${item.conversationsTotal.toLocaleString()}` : undefined}
              data-testid="qa-import-count-conversations"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={
                <Tooltip title={t('qa.progress.skippedHelp')}>
                  <span>{t('qa.progress.skipped')}</span>
                </Tooltip>
              }
              value={item.conversationsSkipped}
              data-testid="qa-import-count-skipped"
            />
          </Col>
        </Row>

        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('qa.imports.colSource')}>{item.source?.name ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('qa.progress.file')}>{[item.format?.toUpperCase(), formatBytes(item.sizeBytes)].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('qa.progress.startedAt')}>{item.startedAt ? dayjs(item.startedAt).format('YYYY-MM-DD HH:mm:ss') : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('qa.progress.finishedAt')}>{item.finishedAt ? dayjs(item.finishedAt).format('YYYY-MM-DD HH:mm:ss') : t('common.none')}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('qa.masking')}
        </Typography.Paragraph>
      </Card>

      {item.status === 'done' && (
        <Alert
          type="success"
          showIcon
          title={t('qa.progress.doneTitle')}
          description={t('qa.progress.doneBody', { done: item.conversationsDone.toLocaleString(), skipped: item.conversationsSkipped.toLocaleString(), rejected: item.rowsRejected.toLocaleString() })}
          action={
            <Link to={conversationsLink} data-testid="qa-import-conversations-link">
              <Button type="primary" icon={<CommentOutlined />}>
                {t('qa.progress.viewConversations')}
              </Button>
            </Link>
          }
          style={{ marginBottom: 16 }}
          data-testid="qa-import-done"
        />
      )}
      {item.status === 'failed' && <Alert type="error" showIcon title={t('qa.progress.failedTitle')} description={item.error ?? undefined} style={{ marginBottom: 16 }} data-testid="qa-import-failed" />}
      {item.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          title={t('qa.progress.cancelledTitle')}
          description={t('qa.progress.cancelledBody', { done: item.conversationsDone.toLocaleString() })}
          action={
            item.conversationsDone > 0 ? (
              <Link to={conversationsLink}>
                <Button>{t('qa.progress.viewConversations')}</Button>
              </Link>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="qa-import-cancelled"
        />
      )}
      {hasEnded && <RejectsTable item={item} />}
    </div>
  );
}
