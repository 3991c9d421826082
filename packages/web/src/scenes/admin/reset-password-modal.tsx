import { LIMITS, type TUserSummary } from '@calmdesk/shared';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetUserPassword } from '../../api/admin';
import { confirmRules, passwordRules } from '../../components/form-rules';
import { useFormErrorHandler } from '../../hooks/use-form-error-handler';

interface TResetForm {
  newPassword: string;
  confirmPassword: string;
}

/** Sets a new password for another user; open while `user` is not null. */
export function ResetPasswordModal({ user, onClose }: { user: TUserSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TResetForm>();
  const resetPassword = useResetUserPassword();
  const onError = useFormErrorHandler(form);

  useEffect(() => {
    if (user) form.resetFields();
  }, [user, form]);

  const onFinish = (values: TResetForm) => {
    if (!user) return;
    resetPassword.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('admin.users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (err) => onError(err),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('admin.users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('admin.users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPassword.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' } as never}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('admin.users.initialPasswordHint', { count: LIMITS.passwordMin })}</Typography.Paragraph>
      <Form<TResetForm> form={form} layout="vertical" onFinish={onFinish} initialValues={{ newPassword: '', confirmPassword: '' }}>
        <Form.Item name="newPassword" label={t('admin.users.newPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('admin.users.confirmPassword')}
          dependencies={['newPassword']}
          rules={confirmRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
