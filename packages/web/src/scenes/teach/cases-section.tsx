import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Segmented, Table, Tag, Tooltip, type TableProps } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCaseList, useDeleteCase, type TCaseSummary } from '../../api/teach';
import { useErrorMessage } from '../../hooks/use-error-message';
import { useRoleplayLabels } from '../roleplay/labels';
import { CASE_KIND_COLOR, CASE_KINDS, useTeachLabels } from './labels';

type TKindFilter = 'all' | (typeof CASE_KINDS)[number];

/**
 * 案例 under 内容编辑: the case library with kind, goods, tags and origin; filter by kind or
 * text; create a case, open one in the editor, or delete one of the organisation's own.
 */
export function CasesSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useTeachLabels();
  const roleplayLabels = useRoleplayLabels();
  const casesQuery = useCaseList();
  const remove = useDeleteCase();
  const [kind, setKind] = useState<TKindFilter>('all');
  const [search, setSearch] = useState('');

  const cases = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return (casesQuery.data ?? []).filter(
      (item) =>
        (kind === 'all' || item.kind === kind) &&
        (needle === '' || item.title.zh.toLocaleLowerCase().includes(needle) || item.title.en.toLocaleLowerCase().includes(needle) || item.tags.some((tag) => tag.toLocaleLowerCase().includes(needle))),
    );
  }, [casesQuery.data, kind, search]);

  const confirmDelete = (item: TCaseSummary) =>
    void modal.confirm({
      title: t('teach.caseEditor.deleteTitle', { title: labels.text(item.title) }),
      content: t('teach.caseEditor.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'teach-confirm-delete' } as never,
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(item.id).then(
          () => void message.success(t('teach.caseEditor.deleted')),
          (err: unknown) => void message.error(errorMessage(err)),
        ),
    });

  const columns: TableProps<TCaseSummary>['columns'] = [
    {
      key: 'title',
      title: t('teach.cases.colTitle'),
      render: (_, item) => (
        <Link to={`/learning/authoring/cases/${item.id}`} data-testid={`teach-case-open-${item.id}`}>
          {labels.text(item.title)}
        </Link>
      ),
    },
    { key: 'kind', title: t('teach.cases.colKind'), render: (_, item) => <Tag color={CASE_KIND_COLOR[item.kind]}>{labels.caseKind(item.kind)}</Tag> },
    { key: 'goods', title: t('teach.cases.colGoods'), render: (_, item) => roleplayLabels.goods(item.goods) },
    {
      key: 'tags',
      title: t('teach.cases.colTags'),
      render: (_, item) => (
        <Flex gap={4} wrap>
          {item.tags.map((tag) => (
            <Tag key={tag} style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'origin',
      title: t('teach.cases.colOrigin'),
      render: (_, item) => <Tag color={item.origin === 'builtin' ? 'blue' : 'purple'}>{t(`teach.common.origin.${item.origin}`)}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, item) => (
        <Flex gap={2}>
          <Tooltip title={t('common.edit')}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={() => navigate(`/learning/authoring/cases/${item.id}`)} aria-label={t('common.edit')} data-testid={`teach-case-edit-${item.id}`} />
          </Tooltip>
          {item.origin === 'custom' ? (
            <Tooltip title={t('common.delete')}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(item)} aria-label={t('common.delete')} data-testid={`teach-case-delete-${item.id}`} />
            </Tooltip>
          ) : (
            <Tooltip title={t('teach.cases.builtinNoDelete')}>
              <Button type="text" size="small" icon={<DeleteOutlined />} disabled aria-label={t('teach.cases.builtinNoDelete')} />
            </Tooltip>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      variant="borderless"
      title={t('teach.cases.title', { count: casesQuery.data?.length ?? 0 })}
      data-testid="teach-cases"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/learning/authoring/cases/new')} data-testid="teach-case-create">
          {t('teach.cases.create')}
        </Button>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }} align="center">
        <Segmented<TKindFilter>
          value={kind}
          onChange={setKind}
          options={[{ value: 'all', label: t('common.all') }, ...CASE_KINDS.map((code) => ({ value: code, label: labels.caseKind(code) }))]}
          data-testid="teach-cases-filter-kind"
        />
        <Input.Search allowClear placeholder={t('teach.cases.search')} aria-label={t('teach.cases.search')} onChange={(event) => setSearch(event.target.value)} style={{ width: 240 }} data-testid="teach-cases-search" />
      </Flex>
      {casesQuery.isError && <Alert type="error" showIcon title={errorMessage(casesQuery.error)} style={{ marginBottom: 12 }} />}
      <Table<TCaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases}
        loading={casesQuery.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: (casesQuery.data?.length ?? 0) === 0 ? t('teach.cases.empty') : t('teach.cases.noMatch') }}
        onRow={(item) => ({ 'data-testid': `teach-case-row-${item.id}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
