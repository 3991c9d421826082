import { CheckOutlined, GlobalOutlined } from '@ant-design/icons';
import type { TLocale } from '@calmdesk/shared';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/use-language';
import { LOCALES } from '../i18n';

/** Each language's name in itself, so a reader finds their own whatever the UI shows. */
const LANGUAGE_NAMES: Record<TLocale, string> = { 'zh-CN': '中文', en: 'English' };

/**
 * The language menu (中文 / English) on the login page and in the app header. The button
 * shows the current language; the menu lists both, each in its own language.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, changeLanguage } = useLanguage();
  const items: MenuProps['items'] = LOCALES.map((value) => ({
    key: value,
    label: <span lang={value}>{LANGUAGE_NAMES[value]}</span>,
    icon: value === locale ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
    'data-testid': `lang-option-${value}`,
  })) as MenuProps['items'];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items,
        selectable: true,
        selectedKeys: [locale],
        onClick: ({ key }) => void changeLanguage(key as TLocale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('lang.label')}>
        {LANGUAGE_NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
