import { LockOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Result, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQaSettings, useUpdateQaSettings } from '../../api/qa';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { qaAccess } from './access';
import { QaHeader } from './qa-header';
import { formToSettings, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, settingsToForm, settingsWarnings, type TSettingsForm } from './settings-form';
import './qa.css';

/**
 * 质检设置 at /qa/settings: masking of personal data on import (off keeps the original text, so
 * the page says so plainly), how long conversations are kept before the scheduled job deletes
 * them, and the score under which the rules flag a conversation for coaching. Admins change
 * them (the server lets only admins); the other QA readers see them read-only.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const access = qaAccess(session.roles);
  const settingsQuery = useQaSettings();
  const update = useUpdateQaSettings();
  const [form] = Form.useForm<TSettingsForm>();
  const isMaskingEnabled = Form.useWatch('isMaskingEnabled', form);
  const isRetentionEnabled = Form.useWatch('isRetentionEnabled', form);
  const isReadOnly = !access.canEditSettings;

  useEffect(() => {
    if (settingsQuery.data) form.setFieldsValue(settingsToForm(settingsQuery.data));
  }, [settingsQuery.data, form]);

  const save = (values: TSettingsForm) => {
    const saved = settingsQuery.data;
    if (!saved) return;
    const next = formToSettings(values);
    const submit = () =>
      update.mutateAsync(next).then(
        () => void message.success(t('qa.settings.saved')),
        (error: unknown) => void message.error(errorMessage(error)),
      );
    const warnings = settingsWarnings(saved, next);
    if (warnings.length === 0) return void submit();
    void modal.confirm({
      title: t('qa.settings.confirmTitle'),
      icon: <WarningOutlined style={{ color: '#d46b08' }} />,
      content: (
        <Flex vertical gap={8}>
          {warnings.map((warning) => (
            <Typography.Paragraph key={warning} style={{ margin: 0 }}>
              {warning === 'maskingOff' ? t('qa.settings.confirmMaskingOff') : t('qa.settings.confirmRetention', { days: next.retentionDays })}
            </Typography.Paragraph>
          ))}
        </Flex>
      ),
      okText: t('qa.settings.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'qa-settings-confirm' } as never,
      cancelText: t('common.cancel'),
      onOk: submit,
    });
  };

  if (settingsQuery.isPending) {
    return (
      <div>
        <QaHeader tab="settings" />
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (settingsQuery.isError) {
    return (
      <div>
        <QaHeader tab="settings" />
        <Result status="error" title={errorMessage(settingsQuery.error)} />
      </div>
    );
  }

  return (
    <div data-testid="qa-settings">
      <QaHeader tab="settings" />
      {isReadOnly && <Alert type="info" showIcon icon={<LockOutlined />} title={t('qa.settings.readOnly')} style={{ marginBottom: 16, maxWidth: 760 }} data-testid="qa-settings-read-only" />}
      <Card variant="borderless" style={{ maxWidth: 760 }}>
        <Form<TSettingsForm> form={form} layout="vertical" onFinish={save} disabled={isReadOnly} initialValues={settingsToForm(settingsQuery.data)} requiredMark={false}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('qa.settings.maskingTitle')}
          </Typography.Title>
          <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
            <Form.Item name="isMaskingEnabled" valuePropName="checked" noStyle>
              <Switch data-testid="qa-settings-masking" />
            </Form.Item>
            <Typography.Text strong>{isMaskingEnabled ? t('qa.settings.maskingOn') : t('qa.settings.maskingOff')}</Typography.Text>
          </Flex>
          <Typography.Paragraph type="secondary">{t('qa.settings.maskingHelp')}</Typography.Paragraph>
          {isMaskingEnabled === false && <Alert type="warning" showIcon title={t('qa.settings.maskingOffWarningTitle')} description={t('qa.settings.maskingOffWarning')} style={{ marginBottom: 16 }} data-testid="qa-settings-masking-warning" />}

          <Typography.Title level={5}>{t('qa.settings.retentionTitle')}</Typography.Title>
          <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
            <Form.Item name="isRetentionEnabled" valuePropName="checked" noStyle>
              <Switch data-testid="qa-settings-retention-enabled" />
            </Form.Item>
            <Typography.Text strong>{isRetentionEnabled ? t('qa.settings.retentionOn') : t('qa.settings.retentionOff')}</Typography.Text>
            {isRetentionEnabled && (
              <Form.Item
                name="retentionDays"
                noStyle
                rules={[{ required: true, type: 'number', min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS, message: t('qa.settings.retentionRange', { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS }) }]}
              >
                <InputNumber min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} precision={0} suffix={t('qa.settings.days')} style={{ width: 140 }} data-testid="qa-settings-retention-days" />
              </Form.Item>
            )}
            {isRetentionEnabled && <Typography.Text>{t('qa.settings.retentionAfter')}</Typography.Text>}
          </Flex>
          <Typography.Paragraph type="secondary">{t('qa.settings.retentionHelp', { min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS })}</Typography.Paragraph>

          <Typography.Title level={5}>{t('qa.settings.thresholdTitle')}</Typography.Title>
          <Form.Item name="coachingThreshold" rules={[{ required: true, type: 'number', min: 0, max: 100 }]} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={100} precision={0} suffix={t('qa.settings.points')} style={{ width: 140 }} data-testid="qa-settings-threshold" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('qa.settings.thresholdHelp')}</Typography.Paragraph>

          {!isReadOnly && (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="qa-settings-save">
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
