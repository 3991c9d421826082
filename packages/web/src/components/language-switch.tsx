import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language';

/**
 * A button that switches between 中文 and English; it shows the language it switches to.
 * Used on the login page and in the app header.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, changeLanguage } = useLanguage();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Tooltip title={t('lang.switchHint')}>
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('lang.switchHint')}
        lang={next}
        onClick={() => void changeLanguage(next)}
      >
        {t('lang.switchTo')}
      </Button>
    </Tooltip>
  );
}
