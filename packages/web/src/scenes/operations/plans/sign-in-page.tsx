import { Button, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSignIn } from '../../../api/plans';
import { MyHeader } from '../ops-header';
import { useSignInMessage } from './my-sessions-page';

/**
 * /my/sign-in?session=&code=: where the instructor's QR code leads. Signed-out people log in first
 * (the address is kept); the page then signs in once and says how it went.
 */
export default function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const sessionId = params.get('session') ?? '';
  const code = params.get('code') ?? '';
  const signIn = useSignIn();
  const signInMessage = useSignInMessage();
  const hasTried = useRef(false);
  const isValid = /^[0-9a-f-]{36}$/i.test(sessionId) && code.length > 0;
  useEffect(() => {
    if (!isValid || hasTried.current) return;
    hasTried.current = true;
    signIn.mutate({ sessionId, code, method: 'qr' });
  }, [isValid, sessionId, code, signIn]);
  const toMine = (
    <Link to="/my/sessions" key="mine">
      <Button type="primary">{t('plans.signIn.toMySessions')}</Button>
    </Link>
  );
  return (
    <div data-testid="sign-in-page">
      <MyHeader tab="sessions" />
      {!isValid ? (
        <Result status="warning" title={t('plans.signIn.badLink')} subTitle={t('plans.signIn.badLinkHint')} extra={toMine} data-testid="sign-in-result" data-outcome="bad-link" />
      ) : signIn.isSuccess ? (
        <Result
          status="success"
          title={t(signIn.data.attendance === 'late' ? 'plans.signIn.okLate' : 'plans.signIn.ok', { title: signIn.data.title, time: dayjs(signIn.data.signedInAt).format('HH:mm') })}
          subTitle={signIn.data.wasAlreadySignedIn ? t('plans.signIn.already') : undefined}
          extra={toMine}
          data-testid="sign-in-result"
          data-outcome="ok"
        />
      ) : signIn.isError ? (
        <Result status="error" title={t('plans.signIn.failed')} subTitle={signInMessage(signIn.error)} extra={toMine} data-testid="sign-in-result" data-outcome="error" />
      ) : (
        <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
      )}
    </div>
  );
}
