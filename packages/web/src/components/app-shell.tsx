import {
  CheckOutlined,
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Layout, Menu, Typography, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useSwitchOrganisation } from '../api/session';
import { useCurrentSession } from '../hooks/use-current-session';
import { useErrorMessage } from '../hooks/use-error-message';
import { useStableBreakpoints } from '../hooks/use-stable-breakpoints';
import { getNavigation, matchNavKey, type TNavItem } from '../navigation';
import { Brand } from './brand';
import { ErrorBoundary } from './error-boundary';
import { FullPageSpin } from './full-page-spin';
import { LanguageSwitch } from './language-switch';
import { NAV_ICONS } from './nav-icons';
import { NotificationBell } from './notification-bell';

const { Header, Sider, Content } = Layout;
const SIDER_WIDTH = 220;

type TMenuItem = Required<MenuProps>['items'][number];

/**
 * The signed-in frame: a role-aware menu on the left, organisation, language and user menu
 * on top, and the current page in the middle. On narrow screens the menu starts collapsed
 * and opens over the page.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { isNarrow, isCompact } = useStableBreakpoints();
  const [collapsed, setCollapsed] = useState(isCompact);

  useEffect(() => {
    // Follow the screen size when it crosses the breakpoint; the person can still toggle.
    setCollapsed(isCompact);
  }, [isCompact]);

  const navigation = useMemo(() => getNavigation(session.roles), [session.roles]);
  const selectedKey = matchNavKey(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  useEffect(() => {
    // Arriving on an administration page (by link or address) opens its group.
    if (location.pathname.startsWith('/admin')) setOpenKeys((keys) => (keys.includes('admin') ? keys : [...keys, 'admin']));
  }, [location.pathname]);

  const toMenuItem = (item: TNavItem): TMenuItem => {
    const label = t(`nav.${item.key}`);
    if (item.children) {
      return {
        key: item.key,
        icon: NAV_ICONS[item.key],
        label,
        'data-testid': `nav-${item.key}`,
        children: item.children.map(toMenuItem),
      } as TMenuItem;
    }
    return { key: item.key, icon: NAV_ICONS[item.key], label, 'data-testid': `nav-${item.key}` } as TMenuItem;
  };
  const menuItems = navigation.map(toMenuItem);
  const pathByKey = useMemo(() => {
    const map = new Map<string, string>();
    const walk = (items: readonly TNavItem[]) =>
      items.forEach((item) => {
        map.set(item.key, item.path);
        if (item.children) walk(item.children);
      });
    walk(navigation);
    return map;
  }, [navigation]);

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    const path = pathByKey.get(key);
    if (path && path !== location.pathname) navigate(path);
    if (isNarrow) setCollapsed(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        className={`cd-sider${collapsed ? ' cd-sider--collapsed' : ''}`}
        width={SIDER_WIDTH}
        collapsedWidth={isNarrow ? 0 : 64}
        collapsible
        collapsed={collapsed}
        trigger={null}
        style={
          isNarrow
            ? { position: 'fixed', insetBlock: 0, insetInlineStart: 0, zIndex: 100, height: '100vh', overflow: 'auto' }
            : { position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }
        }
      >
        <div className="cd-sider__brand">
          <Brand compact={collapsed} />
        </div>
        <Menu
          mode="inline"
          data-testid="nav-menu"
          aria-label={t('nav.menu')}
          items={menuItems}
          selectedKeys={selectedKey ? [selectedKey] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={(keys) => {
            // Collapsing closes every group; keep the expanded menu's groups for when it opens again.
            if (!collapsed) setOpenKeys(keys);
          }}
          onClick={onMenuClick}
          style={{ borderInlineEnd: 0, paddingBlock: 8 }}
        />
      </Sider>
      {isNarrow && !collapsed && (
        <div
          aria-hidden="true"
          onClick={() => setCollapsed(true)}
          style={{ position: 'fixed', inset: 0, background: 'rgba(0,0,0,0.25)', zIndex: 99 }}
        />
      )}
      <Layout>
        <Header className="cd-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((value) => !value)}
            aria-label={collapsed ? t('shell.expandMenu') : t('shell.collapseMenu')}
            data-testid="nav-toggle"
          />
          <OrganisationSwitcher />
          <div className="cd-header__spacer" />
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Header>
        <Content className="cd-content">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}

/** The organisation's name; a dropdown to switch when the person belongs to several. */
function OrganisationSwitcher() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const switchOrganisation = useSwitchOrganisation();

  const name = (
    <Typography.Text strong ellipsis style={{ maxWidth: 280 }} data-testid="org-name">
      {session.organisation.name}
    </Typography.Text>
  );
  if (session.organisations.length <= 1) return name;

  const items: MenuProps['items'] = session.organisations.map((org) => ({
    key: org.id,
    label: org.name,
    icon: org.id === session.organisation.id ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
    disabled: org.id === session.organisation.id,
    'data-testid': `org-option-${org.id}`,
  }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: false,
        onClick: ({ key }) =>
          switchOrganisation.mutate(key, {
            onSuccess: (next) => {
              void message.success(t('shell.switchedOrganisation', { name: next.organisation.name }));
              navigate('/');
            },
            onError: (err) => void message.error(errorMessage(err)),
          }),
      }}
    >
      <Button type="text" data-testid="org-switcher" loading={switchOrganisation.isPending} title={t('shell.switchOrganisation')}>
        <SwapOutlined />
        {name}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}

/** Avatar and name with profile and sign-out. */
function UserMenu() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('shell.profile'), 'data-testid': 'user-menu-profile' } as TMenuItem,
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), 'data-testid': 'logout' } as TMenuItem,
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/profile');
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => void message.success(t('shell.loggedOut')) });
  };
  const initial = Array.from(session.user.displayName.trim())[0] ?? '?';
  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ paddingInline: 8, height: 40 }}>
        <Avatar size={28} style={{ backgroundColor: '#2f7d8c' }}>
          {initial.toUpperCase()}
        </Avatar>
        <span className="cd-header__user-name">{session.user.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
