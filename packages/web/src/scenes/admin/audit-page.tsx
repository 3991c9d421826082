import { Select, Table, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuditLog, type TAuditEntry } from '../../api/admin';
import { PageHeader } from '../../components/page-header';
import { useErrorMessage } from '../../hooks/use-error-message';

/** Actions the server records (see the server's audit calls); others still show, by their raw name. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.password_reset',
  'user.removed',
  'team.created',
  'team.updated',
  'team.deleted',
  'password.changed',
] as const;

const DEFAULT_PAGE_SIZE = 50;

/**
 * One line for an entry's details: `key: value` pairs, objects as compact JSON.
 * @param details the entry's details
 * @returns a readable line, '' when empty
 */
export function formatAuditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/** The audit log at /admin/audit (admin only), newest first as the server sends it. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [searchParams, setSearchParams] = useSearchParams();
  const action = searchParams.get('action') ?? undefined;
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const pageSize = Math.max(1, Number.parseInt(searchParams.get('pageSize') ?? '', 10) || DEFAULT_PAGE_SIZE);
  const auditQuery = useAuditLog({ ...(action ? { action } : {}), page, pageSize });

  const actionLabel = (value: string) => {
    const key = `admin.audit.actions.${value}`;
    return i18n.exists(key) ? t(key as never) : value;
  };
  const targetTypeLabel = (value: string) => {
    const key = `admin.audit.targetTypes.${value}`;
    return i18n.exists(key) ? t(key as never) : value;
  };
  const setParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next, { replace: true });
  };

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      key: 'time',
      title: t('admin.audit.colTime'),
      dataIndex: 'createdAt',
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(value).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      key: 'actor',
      title: t('admin.audit.colActor'),
      render: (_, entry) => entry.actor?.displayName ?? <Typography.Text type="secondary">{t('admin.audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      title: t('admin.audit.colAction'),
      dataIndex: 'action',
      render: (value: string) => (
        <Tooltip title={value}>
          <span>{actionLabel(value)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'target',
      title: t('admin.audit.colTarget'),
      render: (_, entry) => {
        if (!entry.targetType && !entry.targetId) return t('common.none');
        return (
          <span>
            {entry.targetType ? targetTypeLabel(entry.targetType) : ''}{' '}
            {entry.targetId && (
              <Typography.Text type="secondary" copyable={{ text: entry.targetId }} style={{ fontSize: 12 }}>
                {entry.targetId.length > 12 ? `${entry.targetId.slice(0, 8)}…` : entry.targetId}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      key: 'details',
      title: t('admin.audit.colDetails'),
      dataIndex: 'details',
      render: (details: Record<string, unknown>) => {
        const text = formatAuditDetails(details);
        return text ? (
          <Typography.Text style={{ fontSize: 13 }} ellipsis={{ tooltip: text }}>
            {text}
          </Typography.Text>
        ) : (
          t('common.none')
        );
      },
      width: 320,
    },
    {
      key: 'ip',
      title: t('admin.audit.colIp'),
      dataIndex: 'ip',
      responsive: ['md'],
      render: (value: string | null) => value ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader title={t('admin.audit.title')} subtitle={t('admin.audit.subtitle')} />
      <div style={{ marginBottom: 16 }}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.audit.filterAction')}
          value={action}
          onChange={(value) => setParams({ action: value, page: undefined })}
          options={KNOWN_AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(value) }))}
          style={{ width: 240 }}
          data-testid="audit-filter-action"
        />
      </div>
      <Table<TAuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={auditQuery.data?.entries ?? []}
        loading={auditQuery.isFetching}
        locale={{ emptyText: auditQuery.isError ? errorMessage(auditQuery.error) : t('admin.audit.empty') }}
        pagination={{
          current: page,
          pageSize,
          total: auditQuery.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (nextPage, nextSize) => setParams({ page: String(nextPage), pageSize: String(nextSize) }),
        }}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="audit-table"
      />
    </>
  );
}
