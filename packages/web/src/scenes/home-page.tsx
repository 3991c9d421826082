import { ArrowRightOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RoleTags } from '../components/role-tags';
import { NAV_ICONS } from '../components/nav-icons';
import { useCurrentSession } from '../hooks/use-current-session';
import { getNavigation, type TNavItem, type TNavKey } from '../navigation';
import { BUILT_AREAS } from './area-page';

type TGreetingKey = 'home.greetingMorning' | 'home.greetingAfternoon' | 'home.greetingEvening';

/**
 * The greeting for an hour of the day.
 * @param hour 0–23 in the reader's time zone
 * @returns the i18n key of the greeting
 */
export function greetingKey(hour: number): TGreetingKey {
  if (hour >= 5 && hour < 12) return 'home.greetingMorning';
  if (hour >= 12 && hour < 18) return 'home.greetingAfternoon';
  return 'home.greetingEvening';
}

/** Top-level areas other than home: each has a card and a one-line description. */
type TCardKey = Exclude<TNavKey, 'home' | 'admin-users' | 'admin-teams' | 'admin-audit' | 'admin-integrations'>;

/** Card targets: every top-level area except home itself; a group links to its first child. */
function areaCards(navigation: readonly TNavItem[]): { key: TCardKey; path: string }[] {
  return navigation
    .filter((item) => item.key !== 'home')
    .map((item) => ({ key: item.key as TCardKey, path: item.children?.[0]?.path ?? item.path }));
}

/** Home: who you are here, your teams, and the areas your roles open. No figures until real ones exist. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const cards = areaCards(getNavigation(session.roles));

  return (
    <Space orientation="vertical" size={24} style={{ width: '100%' }}>
      <Card variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
          {t(greetingKey(new Date().getHours()), { name: session.user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
          {t('home.intro')}
        </Typography.Paragraph>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.organisation')}>{session.organisation.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>
            <span data-testid="home-roles">
              <RoleTags roles={session.roles} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.teams')}>
            {session.teams.length > 0 ? (
              <Space size={[4, 4]} wrap data-testid="home-teams">
                {session.teams.map((team) => (
                  <Tag key={team.id} style={{ marginInlineEnd: 0 }}>
                    {team.name}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('home.noTeams')}</Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <div>
        <Typography.Title level={4}>{t('home.areasTitle')}</Typography.Title>
        <Row gutter={[16, 16]}>
          {cards.map((card) => {
            const isBuilt = BUILT_AREAS.has(card.key);
            return (
              <Col key={card.key} xs={24} sm={12} xl={8}>
                <Link to={card.path} data-testid={`home-card-${card.key}`} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable className="cd-area-card" variant="borderless">
                    <Flex align="center" gap={10}>
                      <span style={{ fontSize: 20, color: '#2f7d8c' }}>{NAV_ICONS[card.key]}</span>
                      <Typography.Text strong style={{ fontSize: 16 }}>
                        {t(`nav.${card.key}`)}
                      </Typography.Text>
                      {!isBuilt && (
                        <Tag color="default" style={{ marginInlineStart: 'auto', marginInlineEnd: 0 }}>
                          {t('app.comingSoon')}
                        </Tag>
                      )}
                    </Flex>
                    <Typography.Text type="secondary" style={{ flex: 1 }}>
                      {t(`areas.${card.key}.short`)}
                    </Typography.Text>
                    <Typography.Text style={{ color: '#27707e' }}>
                      {t('home.open')} <ArrowRightOutlined />
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      </div>
    </Space>
  );
}
