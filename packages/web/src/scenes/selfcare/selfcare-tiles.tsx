import { BookOutlined, BulbOutlined, DashboardOutlined, ExperimentOutlined, HeartOutlined, LockOutlined, SmileOutlined, TeamOutlined } from '@ant-design/icons';
import { SELFCARE_AGGREGATE_ROLES, type TRole } from '@calmdesk/shared';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentSession } from '../../hooks/use-current-session';
import './selfcare.css';

/** Roles that see the team's anonymous figures (SPEC §2.6): the supervisors and the training group's heads. */
export const SELFCARE_TEAM_ROLES: readonly TRole[] = SELFCARE_AGGREGATE_ROLES;

interface TTile {
  key: 'breathe' | 'relax' | 'diary' | 'abc' | 'notes' | 'check' | 'data' | 'team';
  path: string;
  icon: ReactNode;
}

const TILES: readonly TTile[] = [
  { key: 'breathe', path: '/selfcare/breathe', icon: <HeartOutlined /> },
  { key: 'relax', path: '/selfcare/relax', icon: <SmileOutlined /> },
  { key: 'diary', path: '/selfcare/diary', icon: <BookOutlined /> },
  { key: 'abc', path: '/selfcare/abc', icon: <BulbOutlined /> },
  { key: 'notes', path: '/selfcare/notes', icon: <ExperimentOutlined /> },
  { key: 'check', path: '/selfcare/check', icon: <DashboardOutlined /> },
  { key: 'data', path: '/selfcare/data', icon: <LockOutlined /> },
];

const TEAM_TILE: TTile = { key: 'team', path: '/selfcare/team', icon: <TeamOutlined /> };

/**
 * The self-care tools as tiles: two to a row on a phone, four on a desktop. The team tile shows
 * only to the roles that may open the team page.
 */
export function SelfcareTiles() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canSeeTeam = session.roles.some((role) => SELFCARE_TEAM_ROLES.includes(role));
  const tiles = canSeeTeam ? [...TILES, TEAM_TILE] : TILES;
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} md={8} xl={6}>
          <Link to={tile.path} data-testid={`selfcare-tile-${tile.key}`}>
            <Card hoverable variant="borderless" className="cd-selfcare-tile">
              <span className="cd-selfcare-tile__icon" aria-hidden="true">
                {tile.icon}
              </span>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{t(`selfcare.tiles.${tile.key}.title`)}</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
                  {t(`selfcare.tiles.${tile.key}.text`)}
                </Typography.Paragraph>
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
