import type { TRole } from '@calmdesk/shared';
import { ROLES } from '@calmdesk/shared';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ROLE_COLORS: Record<TRole, string> = {
  agent: 'cyan',
  mentor: 'geekblue',
  supervisor: 'blue',
  trainer: 'purple',
  deputy: 'gold',
  leader: 'orange',
  admin: 'default',
};

/**
 * Translated role names as tags, in the canonical role order.
 * @param props.roles roles to show
 */
export function RoleTags({ roles }: { roles: readonly TRole[] }) {
  const { t } = useTranslation();
  const sorted = ROLES.filter((role) => roles.includes(role));
  return (
    <Space size={[4, 4]} wrap>
      {sorted.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </Space>
  );
}
