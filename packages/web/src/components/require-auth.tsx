import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { AppError } from '../api/client';
import { useLogout, useSessionQuery } from '../api/session';
import { useErrorMessage } from '../hooks/use-error-message';
import { SessionContext } from '../hooks/use-current-session';
import { FullPageSpin } from './full-page-spin';

/**
 * Renders its children only for a signed-in person, providing the session to them.
 * Signed out → /login, remembering where the person wanted to go.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const sessionQuery = useSessionQuery();
  const logout = useLogout();
  const errorMessage = useErrorMessage();

  if (sessionQuery.isPending) return <FullPageSpin />;
  if (sessionQuery.isError) {
    const appError = AppError.parseError(sessionQuery.error);
    if (appError.code === 'NO_ORGANISATION') {
      return (
        <Result
          status="info"
          title={t('shell.noOrganisationTitle')}
          subTitle={t('shell.noOrganisationBody')}
          extra={
            <Button onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('shell.logout')}
            </Button>
          }
        />
      );
    }
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        subTitle={errorMessage(appError)}
        extra={
          <Button type="primary" onClick={() => void sessionQuery.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!sessionQuery.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <SessionContext.Provider value={sessionQuery.data}>{children}</SessionContext.Provider>;
}
