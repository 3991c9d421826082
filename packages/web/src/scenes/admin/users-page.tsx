import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, ZRole, type TRole, type TUserSummary } from '@calmdesk/shared';
import { App, Button, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useRemoveUser, useTeams, useUsers } from '../../api/admin';
import { AppError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { RoleTags } from '../../components/role-tags';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormDrawer } from './user-form-drawer';

/** The server's default page size; a small organisation fits on one page. */
const DEFAULT_PAGE_SIZE = 50;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * Users of the organisation at /admin/users (admin only). Filters and page live in the URL,
 * so a filtered view can be reloaded or linked (the teams page links here by team).
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();

  const q = searchParams.get('q') ?? '';
  const roleParam = ZRole.safeParse(searchParams.get('role'));
  const role: TRole | undefined = roleParam.success ? roleParam.data : undefined;
  const teamId = searchParams.get('teamId') ?? undefined;
  const page = positiveInt(searchParams.get('page'), 1);
  const pageSize = positiveInt(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE);

  const [searchText, setSearchText] = useState(q);
  const [drawer, setDrawer] = useState<{ mode: 'create' } | { mode: 'edit'; user: TUserSummary } | null>(null);
  const [resetFor, setResetFor] = useState<TUserSummary | null>(null);

  const teamsQuery = useTeams();
  const usersQuery = useUsers({ ...(q ? { q } : {}), ...(role ? { role } : {}), ...(teamId ? { teamId } : {}), page, pageSize });
  const removeUser = useRemoveUser();

  const updateParams = (changes: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (resetPage) next.delete('page');
    setSearchParams(next, { replace: true });
  };

  const confirmRemove = (user: TUserSummary) => {
    void modal.confirm({
      title: t('admin.users.removeConfirmTitle', { name: user.displayName }),
      content: t('admin.users.removeConfirmBody'),
      okText: t('admin.users.remove'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-remove-user' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        removeUser.mutateAsync(user.id).then(
          () => void message.success(t('admin.users.removed', { name: user.displayName })),
          (err: unknown) => {
            const appError = AppError.parseError(err);
            void message.error(appError.code === 'CONFLICT' ? t('admin.users.lastAdmin') : errorMessage(appError));
          },
        ),
    });
  };

  const columns: TableProps<TUserSummary>['columns'] = [
    {
      key: 'name',
      title: t('admin.users.colName'),
      render: (_, user) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>
            {user.displayName}
            {user.id === session.user.id && <Typography.Text type="secondary"> ({t('admin.users.you')})</Typography.Text>}
          </Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: user.login }} style={{ fontSize: 13 }}>
            {user.login}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'roles',
      title: t('admin.users.colRoles'),
      render: (_, user) => <RoleTags roles={user.roles} />,
    },
    {
      key: 'teams',
      title: t('admin.users.colTeams'),
      responsive: ['md'],
      render: (_, user) =>
        user.teams.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {user.teams.map((team) => (
              <Tag key={team.id} style={{ marginInlineEnd: 0 }}>
                {team.name}
              </Tag>
            ))}
          </Space>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'hireDate',
      title: t('admin.users.colHireDate'),
      dataIndex: 'hireDate',
      responsive: ['lg'],
      render: (value: string | null) => value ?? t('common.none'),
    },
    {
      key: 'status',
      title: t('admin.users.colStatus'),
      render: (_, user) => (
        <Space size={[4, 4]} wrap>
          {user.isActive ? <Tag color="green">{t('admin.users.active')}</Tag> : <Tag>{t('admin.users.inactive')}</Tag>}
          {user.isLocked && (
            <Tooltip title={t('admin.users.lockedHint')}>
              <Tag color="red" icon={<LockOutlined />} data-testid={`user-locked-${user.login}`}>
                {t('admin.users.locked')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'createdAt',
      title: t('admin.users.colCreatedAt'),
      dataIndex: 'createdAt',
      responsive: ['xl'],
      render: (value: string) => dayjs(value).format('YYYY-MM-DD'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', user })} data-testid={`edit-user-${user.login}`}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetFor(user)} data-testid={`reset-password-${user.login}`}>
            {t('admin.users.resetPassword')}
          </Button>
          <Button
            type="link"
            size="small"
            danger
            disabled={user.id === session.user.id}
            onClick={() => confirmRemove(user)}
            data-testid={`remove-user-${user.login}`}
          >
            {t('admin.users.remove')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        subtitle={t('admin.users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })} data-testid="user-create">
            {t('admin.users.create')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.searchPlaceholder')}
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) => updateParams({ q: value.trim() })}
          style={{ width: 280, maxWidth: '100%' }}
          data-testid="users-search"
        />
        <Select<TRole>
          allowClear
          placeholder={t('admin.users.filterRole')}
          value={role}
          onChange={(value) => updateParams({ role: value })}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          style={{ width: 180 }}
          data-testid="users-filter-role"
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.users.filterTeam')}
          value={teamId}
          onChange={(value) => updateParams({ teamId: value })}
          loading={teamsQuery.isPending}
          options={(teamsQuery.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
          style={{ width: 200 }}
          data-testid="users-filter-team"
        />
      </Flex>
      <Table<TUserSummary>
        rowKey="id"
        columns={columns}
        dataSource={usersQuery.data?.users ?? []}
        loading={usersQuery.isFetching}
        locale={{ emptyText: usersQuery.isError ? errorMessage(usersQuery.error) : t('admin.users.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: usersQuery.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) =>
            updateParams({ page: String(nextPage), pageSize: String(nextSize) }, false),
        }}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
      <UserFormDrawer
        open={drawer !== null}
        user={drawer?.mode === 'edit' ? drawer.user : null}
        teams={teamsQuery.data ?? []}
        onClose={() => setDrawer(null)}
        onCreated={(created) => {
          // Show the new person at once, whatever page or filter was on screen.
          setSearchText(created.login);
          updateParams({ q: created.login, role: undefined, teamId: undefined });
        }}
      />
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}
