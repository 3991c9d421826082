import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TSessionResponse } from '@calmdesk/shared';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useLogin, useSessionQuery } from '../api/session';
import { Brand } from '../components/brand';
import { FullPageSpin } from '../components/full-page-spin';
import { LanguageSwitch } from '../components/language-switch';
import { useErrorMessage } from '../hooks/use-error-message';
import { canOpen, matchNavKey } from '../navigation';

interface TLoginForm {
  login: string;
  password: string;
}

/**
 * Where to go after signing in: the page the person asked for, if their roles may open it,
 * else home. (The previous user of this browser may have been somewhere the new one may not go.)
 * @param from the path saved when the guard redirected to /login
 * @param session the new session
 * @returns a path inside the app
 */
export function landingPath(from: unknown, session: TSessionResponse): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/';
  const key = matchNavKey(from.split(/[?#]/)[0] ?? '/');
  if (key && !canOpen(session.roles, key)) return '/';
  return from;
}

/** Sign-in page at /login. */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const sessionQuery = useSessionQuery();
  const login = useLogin();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const from: unknown = (location.state as { from?: unknown } | null)?.from;

  if (sessionQuery.isPending) return <FullPageSpin />;
  if (sessionQuery.data && !login.isPending) return <Navigate to={landingPath(from, sessionQuery.data)} replace />;

  const onFinish = (values: TLoginForm) => {
    setFailure(null);
    login.mutate(
      { login: values.login.trim(), password: values.password },
      {
        onSuccess: (session) => navigate(landingPath(from, session), { replace: true }),
        onError: (err) => setFailure(errorMessage(err)),
      },
    );
  };

  return (
    <div className="cd-login">
      <div className="cd-login__top">
        <LanguageSwitch />
      </div>
      <main className="cd-login__main">
        <Card className="cd-login__card" variant="borderless">
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Brand size={48} compact />
            <Typography.Title level={2} style={{ margin: '12px 0 4px', color: '#1f4d57' }}>
              心安客服 <span style={{ fontWeight: 400 }}>CalmDesk</span>
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          {failure && (
            <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
          )}
          <Form<TLoginForm> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={login.isPending} size="large">
            <Form.Item
              name="login"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.usernamePlaceholder')}
                autoComplete="username"
                autoFocus
                autoCapitalize="none"
                spellCheck={false}
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0 0', textAlign: 'center' }}>
            {t('login.help')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
