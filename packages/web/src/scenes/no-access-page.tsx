import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Shown when a role opens a page it may not use (the menu never links there). */
export function NoAccessPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('noAccess.title')}
      subTitle={t('noAccess.subtitle')}
      data-testid="no-access"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
