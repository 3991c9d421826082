import { ReloadOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Checkbox, DatePicker, Flex, InputNumber, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState, type HTMLAttributes, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQaConversations, useQaSources, type TQaConversationSummary } from '../../api/qa';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { qaAccess } from './access';
import { DeEscalatedMark, FlagTags, RiskTags, ScoreTag } from './conversation-tags';
import { changeFilters, CONVERSATION_SORTS, filtersFromParams, filtersToParams, filtersToQuery, type TConversationFilters } from './filters';
import { useQaLabels } from './labels';
import { QaHeader } from './qa-header';
import './qa.css';

/**
 * A free-text filter (shop, channel) that applies on pick, Enter, clear or leaving the box,
 * not on every key: each change reloads the list. Offers the values seen on the page.
 */
function TextFilter({ value, options, placeholder, onCommit, testId }: { value: string | undefined; options: string[]; placeholder: string; onCommit: (value: string) => void; testId: string }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    if (next.trim() !== (value ?? '')) onCommit(next.trim());
  };
  return (
    <AutoComplete
      value={draft}
      options={options.map((option) => ({ value: option }))}
      onChange={(next: string) => setDraft(next)}
      onSelect={(next: string) => commit(next)}
      onClear={() => commit('')}
      onBlur={() => commit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(draft);
      }}
      allowClear
      placeholder={placeholder}
      style={{ width: 160 }}
      data-testid={testId}
    />
  );
}

/**
 * 对话 at /qa: analysed conversations with filters (dates, source, shop, channel, flagged,
 * highest score) and a sort, kept in the address; each row opens the conversation view.
 * Supervisors and mentors see their teams' agents, the others everyone (the server decides).
 */
export default function ConversationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useQaLabels();
  const access = qaAccess(session.roles);
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const conversationsQuery = useQaConversations(filtersToQuery(filters));
  // Only importing roles may list the sources (GET /api/qa/sources); mentors filter without it.
  const sourcesQuery = useQaSources(access.canImport);
  const conversations = conversationsQuery.data?.conversations ?? [];
  const total = conversationsQuery.data?.total ?? 0;

  const apply = (next: TConversationFilters) => setParams(filtersToParams(next), { replace: true });
  const change = (partial: Partial<Omit<TConversationFilters, 'page'>>) => apply(changeFilters(filters, partial));
  const seen = (key: 'shop' | 'channel') => [...new Set(conversations.map((row) => row[key]).filter((value): value is string => value !== null))];
  const hasFilters = Object.keys(filtersToParams({ ...filters, page: 1, pageSize: filters.pageSize })).length > 0;

  const columns: TableProps<TQaConversationSummary>['columns'] = [
    {
      key: 'time',
      title: t('qa.conversations.colTime'),
      render: (_, row) => (
        <Flex vertical gap={0}>
          <Link to={`/qa/conversations/${row.id}`} data-testid={`qa-conversation-open-${row.id}`} style={{ whiteSpace: 'nowrap' }}>
            {row.startedAt ? dayjs(row.startedAt).format('YYYY-MM-DD HH:mm') : t('qa.conversations.noTime')}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.externalId}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'agent',
      title: t('qa.conversations.colAgent'),
      render: (_, row) => (
        <Flex vertical gap={0}>
          <span>{row.agent.name ?? t('common.none')}</span>
          {row.agent.userId === null && (
            <Tooltip title={t('qa.conversations.unmatchedHelp')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('qa.conversations.unmatched')}
              </Typography.Text>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'shop',
      title: t('qa.conversations.colShop'),
      render: (_, row) => (
        <Flex vertical gap={0}>
          <span>{row.shop ?? t('common.none')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.channel, row.source.name].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'messages', title: t('qa.conversations.colMessages'), align: 'right', render: (_, row) => row.messageCount },
    { key: 'score', title: t('qa.conversations.colScore'), align: 'center', render: (_, row) => <ScoreTag score={row.score} testId={`qa-conversation-score-${row.id}`} /> },
    { key: 'calm', title: t('qa.conversations.colDeEscalated'), align: 'center', render: (_, row) => <DeEscalatedMark isDeEscalated={row.isDeEscalated} /> },
    { key: 'risk', title: t('qa.conversations.colRisk'), render: (_, row) => <RiskTags hadHighRisk={row.hadHighRisk} isEscalationMissed={row.isEscalationMissed} /> },
    {
      key: 'response',
      title: t('qa.conversations.colFirstResponse'),
      align: 'right',
      render: (_, row) => (
        <Tooltip title={row.avgResponseSeconds === null ? undefined : t('qa.conversations.averageResponse', { time: labels.duration(row.avgResponseSeconds) })}>
          <span style={{ whiteSpace: 'nowrap' }}>{labels.duration(row.firstResponseSeconds)}</span>
        </Tooltip>
      ),
    },
    { key: 'flags', title: t('qa.conversations.colFlags'), render: (_, row) => <FlagTags flags={row.flags} /> },
  ];

  return (
    <div data-testid="qa-conversations">
      <QaHeader tab="conversations" />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="qa-filters">
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('qa.filters.from'), t('qa.filters.to')]}
            data-testid="qa-filter-range"
          />
          {access.canImport && (
            <Select
              value={filters.sourceId}
              onChange={(sourceId: string | undefined) => change({ sourceId })}
              options={(sourcesQuery.data ?? []).map((source) => ({ value: source.id, label: source.name }))}
              allowClear
              placeholder={t('qa.filters.source')}
              style={{ width: 180 }}
              loading={sourcesQuery.isPending}
              data-testid="qa-filter-source"
            />
          )}
          <TextFilter value={filters.shop} options={seen('shop')} placeholder={t('qa.filters.shop')} onCommit={(shop) => change({ shop })} testId="qa-filter-shop" />
          <TextFilter value={filters.channel} options={seen('channel')} placeholder={t('qa.filters.channel')} onCommit={(channel) => change({ channel })} testId="qa-filter-channel" />
          <InputNumber
            value={filters.maxScore ?? null}
            min={0}
            max={100}
            precision={0}
            onChange={(value) => change({ maxScore: value ?? undefined })}
            placeholder={t('qa.filters.maxScore')}
            style={{ width: 140 }}
            data-testid="qa-filter-max-score"
          />
          <Checkbox checked={filters.isFlaggedOnly} onChange={(event) => change({ isFlaggedOnly: event.target.checked })} data-testid="qa-filter-flagged">
            {t('qa.filters.flaggedOnly')}
          </Checkbox>
          <Flex align="center" gap={6}>
            <Typography.Text type="secondary">{t('qa.filters.sort')}</Typography.Text>
            <Select
              value={filters.sort}
              onChange={(sort) => change({ sort })}
              options={CONVERSATION_SORTS.map((sort) => ({ value: sort, label: t(`qa.sort.${sort}`) }))}
              style={{ width: 140 }}
              data-testid="qa-filter-sort"
            />
          </Flex>
          {hasFilters && (
            <Button icon={<ReloadOutlined />} onClick={() => apply(filtersFromParams(new URLSearchParams()))} data-testid="qa-filter-reset">
              {t('qa.filters.reset')}
            </Button>
          )}
        </Flex>
        {(filters.importId || filters.agentUserId || filters.teamId) && (
          <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="qa-linked-filters">
            {filters.importId && (
              <Tag closable onClose={() => change({ importId: undefined })} data-testid="qa-filter-import">
                {t('qa.filters.oneImport')}
              </Tag>
            )}
            {filters.agentUserId && (
              <Tag closable onClose={() => change({ agentUserId: undefined })} data-testid="qa-filter-agent">
                {t('qa.filters.oneAgent', { name: conversations[0]?.agent.name ?? '…' })}
              </Tag>
            )}
            {filters.teamId && (
              <Tag closable onClose={() => change({ teamId: undefined })} data-testid="qa-filter-team">
                {t('qa.filters.oneTeam')}
              </Tag>
            )}
          </Flex>
        )}
        {conversationsQuery.isError && <Alert type="error" showIcon title={errorMessage(conversationsQuery.error)} style={{ marginBottom: 12 }} />}
        <Table<TQaConversationSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={conversations}
          loading={conversationsQuery.isFetching}
          scroll={{ x: 'max-content' }}
          rowClassName={(row) => (row.isEscalationMissed ? 'cd-qa-row--missed' : row.flags.length > 0 ? 'cd-qa-row--flagged' : '')}
          onRow={(row) =>
            ({
              'data-testid': `qa-conversation-row-${row.id}`,
              'data-external-id': row.externalId,
              onClick: (event: MouseEvent) => {
                if ((event.target as HTMLElement).closest('a,button')) return;
                navigate(`/qa/conversations/${row.id}`);
              },
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (count) => <span data-testid="qa-conversations-total">{t('qa.conversations.total', { count })}</span>,
            onChange: (page, pageSize) => apply({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize }),
          }}
          locale={{ emptyText: hasFilters ? t('qa.conversations.emptyFiltered') : access.canImport ? t('qa.conversations.emptyImport') : t('qa.conversations.empty') }}
        />
      </Card>
    </div>
  );
}
