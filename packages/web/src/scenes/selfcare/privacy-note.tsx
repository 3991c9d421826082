import { LockOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import './selfcare.css';

/**
 * The promise every self-care page repeats: entries belong to their writer alone. `practice`
 * says instead that the exercises record nothing; `team` that the figures are counts only.
 * @param props.variant which promise fits the page
 */
export function PrivacyNote({ variant = 'entries' }: { variant?: 'entries' | 'practice' | 'team' }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="flex-start" className="cd-privacy-note" data-testid="selfcare-privacy-note" style={{ marginTop: 24 }}>
      <LockOutlined style={{ color: '#2f7d8c', marginTop: 3 }} aria-hidden="true" />
      <Typography.Text type="secondary">{t(`selfcare.privacy.${variant}`)}</Typography.Text>
    </Flex>
  );
}
