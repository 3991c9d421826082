import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner for whole-page loading states (session check, lazy pages). */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
