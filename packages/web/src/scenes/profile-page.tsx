import { LIMITS, type TLocale } from '@calmdesk/shared';
import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword, useUpdateProfile } from '../api/session';
import { confirmRules, passwordRules } from '../components/form-rules';
import { PageHeader } from '../components/page-header';
import { RoleTags } from '../components/role-tags';
import { useCurrentSession } from '../hooks/use-current-session';
import { useFormErrorHandler } from '../hooks/use-form-error-handler';
import { useLanguage } from '../hooks/use-language';
import { LOCALES } from '../i18n';

interface TPasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Own account at /profile: display name, language, password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('profile.basic')} variant="borderless">
              <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('profile.login')}>{session.user.login}</Descriptions.Item>
                <Descriptions.Item label={t('profile.organisation')}>{session.organisation.name}</Descriptions.Item>
                <Descriptions.Item label={t('profile.roles')}>
                  <RoleTags roles={session.roles} />
                </Descriptions.Item>
              </Descriptions>
              <DisplayNameForm />
            </Card>
            <LanguageCard />
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <PasswordCard />
        </Col>
      </Row>
    </>
  );
}

function DisplayNameForm() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName: string }>();
  const updateProfile = useUpdateProfile();
  const onError = useFormErrorHandler(form);

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ displayName: session.user.displayName }}
      onFinish={(values) =>
        updateProfile.mutate(
          { displayName: values.displayName.trim() },
          { onSuccess: () => void message.success(t('common.saved')), onError: (err) => onError(err) },
        )
      }
    >
      <Form.Item
        name="displayName"
        label={t('profile.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: LIMITS.displayNameMax, message: t('validation.maxLength', { count: LIMITS.displayNameMax }) },
        ]}
      >
        <Input maxLength={LIMITS.displayNameMax} data-testid="profile-display-name" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={updateProfile.isPending} data-testid="profile-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function LanguageCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { locale, changeLanguage } = useLanguage();
  return (
    <Card title={t('profile.languageTitle')} variant="borderless">
      <Radio.Group
        value={locale}
        optionType="button"
        buttonStyle="solid"
        data-testid="profile-language"
        options={LOCALES.map((value) => ({ value, label: t(`lang.${value}`) }))}
        onChange={(event) =>
          void changeLanguage(event.target.value as TLocale).then(() => message.success(t('profile.languageSaved')))
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('profile.languageHint')}
      </Typography.Paragraph>
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TPasswordForm>();
  const changePassword = useChangePassword();
  const onError = useFormErrorHandler(form);

  const onFinish = (values: TPasswordForm) =>
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('profile.passwordChanged'));
        },
        onError: (err) =>
          onError(err, { WRONG_PASSWORD: { field: 'currentPassword', message: t('errors.WRONG_PASSWORD') } }),
      },
    );

  return (
    <Card title={t('profile.passwordTitle')} variant="borderless">
      <Form<TPasswordForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ currentPassword: '', newPassword: '', confirmPassword: '' }}
      >
        <Form.Item
          name="currentPassword"
          label={t('profile.currentPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="profile-current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          extra={t('profile.newPasswordHint', { count: LIMITS.passwordMin })}
          rules={passwordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="profile-new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={confirmRules(t, 'newPassword')}
        >
          <Input.Password autoComplete="new-password" data-testid="profile-confirm-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={changePassword.isPending} data-testid="profile-change-password">
          {t('profile.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
