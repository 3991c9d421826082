import { DeleteOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, Modal, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selfcareExportUrls, useDeleteAllSelfcare, useSelfcareSummary } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import { PrivacyNote } from './privacy-note';

/**
 * 我的数据 at /selfcare/data: what I have stored, export as JSON or PDF, and delete everything —
 * behind a dialog where the person types the confirmation word, since there is no undo.
 */
export default function DataPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const summary = useSelfcareSummary();
  const deleteAll = useDeleteAllSelfcare();
  const [isConfirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const word = t('selfcare.data.confirmWord');
  const counts = summary.data?.counts;

  const onDelete = () =>
    deleteAll.mutate(undefined, {
      onSuccess: (result) => {
        setConfirming(false);
        setTyped('');
        void message.success(t('selfcare.data.deleted', { entries: result.deletedEntries, checks: result.deletedChecks }));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <div data-testid="selfcare-data-page">
      <PageHeader title={t('selfcare.data.title')} subtitle={t('selfcare.data.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('selfcare.data.stored')} style={{ height: '100%' }}>
            {counts && summary.data ? (
              <Descriptions column={1} size="small" data-testid="data-counts">
                <Descriptions.Item label={t('selfcare.tiles.diary.title')}>{counts.diary}</Descriptions.Item>
                <Descriptions.Item label={t('selfcare.tiles.abc.title')}>{counts.abc}</Descriptions.Item>
                <Descriptions.Item label={t('selfcare.notes.gratitude')}>{counts.gratitude}</Descriptions.Item>
                <Descriptions.Item label={t('selfcare.notes.success')}>{counts.success}</Descriptions.Item>
                <Descriptions.Item label={t('selfcare.tiles.check.title')}>{summary.data.checkCount}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Skeleton active />
            )}
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
              {t('selfcare.data.whoSees')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('selfcare.data.exportTitle')}>
              <Typography.Paragraph type="secondary">{t('selfcare.data.exportText')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Button icon={<FileTextOutlined />} href={selfcareExportUrls.json} download data-testid="data-export-json">
                  {t('selfcare.data.exportJson')}
                </Button>
                <Button icon={<FilePdfOutlined />} href={selfcareExportUrls.pdf} download data-testid="data-export-pdf">
                  {t('selfcare.data.exportPdf')}
                </Button>
              </Flex>
            </Card>
            <Card variant="borderless" title={t('selfcare.data.deleteTitle')}>
              <Typography.Paragraph type="secondary">{t('selfcare.data.deleteText')}</Typography.Paragraph>
              <Button danger icon={<DeleteOutlined />} onClick={() => setConfirming(true)} data-testid="data-delete-all">
                {t('selfcare.data.deleteButton')}
              </Button>
            </Card>
          </Flex>
        </Col>
      </Row>
      <Modal
        open={isConfirming}
        title={t('selfcare.data.confirmTitle')}
        onCancel={() => {
          setConfirming(false);
          setTyped('');
        }}
        okText={t('selfcare.data.confirmOk')}
        okButtonProps={{ danger: true, disabled: typed.trim() !== word, loading: deleteAll.isPending, 'data-testid': 'data-delete-confirm' } as never}
        onOk={onDelete}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Alert type="error" showIcon title={t('selfcare.data.confirmWarning')} />
          <Typography.Text>{t('selfcare.data.confirmPrompt', { word })}</Typography.Text>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={word} data-testid="data-delete-confirm-input" aria-label={t('selfcare.data.confirmPrompt', { word })} />
        </Flex>
      </Modal>
      <PrivacyNote />
    </div>
  );
}
