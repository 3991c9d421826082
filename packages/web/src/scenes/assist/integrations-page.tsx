import { ApiOutlined, KeyOutlined, PlusOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { ASSIST_LIMITS, ASSIST_STREAM_PATH } from '@calmdesk/shared';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type TApiToken, type TCreatedApiToken } from '../../api/assist';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';
import './assist.css';

/**
 * The stream's address as a chat tool on another machine would reach this server: the same
 * host the admin is using, ws:// or wss:// to match http or https.
 * @param location the page's location
 * @returns the WebSocket URL of ASSIST_STREAM_PATH
 */
export function assistStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ASSIST_STREAM_PATH}`;
}

/** The secret of a new token, shown this once with copy and a clear warning. */
function CreatedTokenModal({ created, onClose }: { created: TCreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('assist.tokens.createdTitle', { name: created?.token.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="assist-token-secret-close">
          {t('assist.tokens.savedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('assist.tokens.onceWarning')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph className="cd-assist-secret" copyable={{ text: created?.secret ?? '', tooltips: [t('assist.tokens.copy'), t('assist.tokens.copied')] }} data-testid="assist-token-secret">
        {created?.secret}
      </Typography.Paragraph>
    </Modal>
  );
}

/**
 * /admin/integrations (admins): the organisation's API tokens for chat tools — list, create
 * (the secret shown once), revoke with a confirmation — and a short how-to for connecting a chat
 * tool to the live-assist stream, with the WebSocket address and the example client command.
 */
export default function IntegrationsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [form] = Form.useForm<{ name: string }>();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const streamUrl = assistStreamUrl(window.location);
  const command = `CALMDESK_TOKEN=<${t('assist.howto.tokenPlaceholder')}> node scripts/assist-stream-client.mjs --url ${streamUrl} --agent agent01 chat.txt`;

  const submitCreate = async () => {
    const { name } = await form.validateFields();
    create.mutate(name.trim(), {
      onSuccess: (result) => {
        setCreateOpen(false);
        form.resetFields();
        setCreated(result);
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  };

  const confirmRevoke = (token: TApiToken) =>
    modal.confirm({
      title: t('assist.tokens.revokeTitle', { name: token.name }),
      content: t('assist.tokens.revokeBody'),
      okText: t('assist.tokens.revoke'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'assist-token-revoke-confirm' } as never,
      onOk: () =>
        revoke.mutateAsync(token.id).then(
          () => void message.success(t('assist.tokens.revoked')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  return (
    <div className="cd-assist" data-testid="assist-integrations-page">
      <PageHeader
        title={t('assist.tokens.pageTitle')}
        subtitle={t('assist.tokens.pageSubtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)} data-testid="assist-token-create">
            {t('assist.tokens.create')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" className="cd-assist-card" title={<><KeyOutlined style={{ marginInlineEnd: 8 }} />{t('assist.tokens.title')}</>}>
          <Table<TApiToken>
            rowKey="id"
            size="small"
            loading={tokens.isPending}
            dataSource={tokens.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
            data-testid="assist-tokens"
            onRow={(row) => ({ 'data-testid': `assist-token-row-${row.name}`, 'data-state': row.revokedAt ? 'revoked' : 'active' }) as never}
            locale={{ emptyText: t('assist.tokens.empty') }}
            columns={[
              { title: t('assist.tokens.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
              { title: t('assist.tokens.prefix'), dataIndex: 'prefix', width: 150, render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
              { title: t('assist.tokens.createdAt'), key: 'created', width: 170, render: (_, row) => `${dayjs(row.createdAt).format('YYYY-MM-DD HH:mm')}${row.createdBy ? ` · ${row.createdBy.displayName}` : ''}` },
              { title: t('assist.tokens.lastUsed'), key: 'used', width: 140, render: (_, row) => (row.lastUsedAt ? dayjs(row.lastUsedAt).format('MM-DD HH:mm') : t('assist.tokens.never')) },
              {
                title: t('assist.tokens.state'),
                key: 'state',
                width: 150,
                render: (_, row) =>
                  row.revokedAt ? (
                    <Tag data-testid="assist-token-revoked">{t('assist.tokens.revokedAt', { time: dayjs(row.revokedAt).format('MM-DD HH:mm') })}</Tag>
                  ) : (
                    <Button size="small" danger icon={<StopOutlined />} onClick={() => confirmRevoke(row)} data-testid="assist-token-revoke">
                      {t('assist.tokens.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" className="cd-assist-card" title={<><ApiOutlined style={{ marginInlineEnd: 8 }} />{t('assist.howto.title')}</>} data-testid="assist-howto">
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            <li>{t('assist.howto.step1')}</li>
            <li>
              {t('assist.howto.step2')}
              <Typography.Paragraph copyable={{ text: streamUrl }} style={{ margin: '4px 0 0' }}>
                <Typography.Text code data-testid="assist-howto-url">
                  {streamUrl}
                </Typography.Text>
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assist.howto.auth')}
              </Typography.Text>
            </li>
            <li>
              {t('assist.howto.step3')}
              <pre className="cd-assist-code">{`{"type":"message","conversation":"order-10086","role":"customer","text":"${t('assist.howto.sampleText')}","agent":"agent01"}`}</pre>
            </li>
            <li>
              {t('assist.howto.step4')}
              <pre className="cd-assist-code" data-testid="assist-howto-command">
                {command}
              </pre>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('assist.howto.chatFile')}
              </Typography.Text>
            </li>
          </ol>
          <Typography.Paragraph type="secondary" style={{ margin: '10px 0 0', fontSize: 12 }}>
            {t('assist.howto.privacy')}
          </Typography.Paragraph>
        </Card>
      </Flex>
      <Modal
        open={isCreateOpen}
        title={t('assist.tokens.createTitle')}
        onCancel={() => setCreateOpen(false)}
        onOk={() => void submitCreate()}
        okText={t('assist.tokens.createSubmit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: create.isPending, 'data-testid': 'assist-token-create-submit' } as never}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={t('assist.tokens.name')}
            extra={t('assist.tokens.nameHelp')}
            rules={[
              { required: true, whitespace: true, message: t('assist.tokens.nameRequired') },
              { max: ASSIST_LIMITS.tokenNameMax, message: t('assist.tokens.nameTooLong', { max: ASSIST_LIMITS.tokenNameMax }) },
            ]}
          >
            <Input autoFocus placeholder={t('assist.tokens.namePlaceholder')} data-testid="assist-token-name" />
          </Form.Item>
        </Form>
      </Modal>
      <CreatedTokenModal created={created} onClose={() => setCreated(null)} />
    </div>
  );
}
