import { Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { TAttemptSummary } from '../../api/roleplay';
import { formatScore, isOutcome, OUTCOME_STYLE, SCORE_BAND_COLOR, scoreBand } from './format';
import { useRoleplayLabels } from './labels';

/** An attempt's ending as a coloured tag, or "in progress". */
export function OutcomeTag({ outcome }: { outcome: string | null }) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  if (outcome === null) return <Tag color="processing">{t('roleplay.history.inProgress')}</Tag>;
  return <Tag color={isOutcome(outcome) ? OUTCOME_STYLE[outcome].tag : 'default'}>{labels.outcome(outcome)}</Tag>;
}

/**
 * Attempts as a table (scenario, ending, score, turns, date; the person too for coaches);
 * a click on a row opens the attempt.
 */
export function AttemptsTable({
  attempts,
  showPerson,
  loading,
  pagination,
}: {
  attempts: readonly TAttemptSummary[];
  showPerson: boolean;
  loading: boolean;
  pagination: TableProps<TAttemptSummary>['pagination'];
}) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const navigate = useNavigate();
  const columns: TableProps<TAttemptSummary>['columns'] = [
    ...(showPerson
      ? [{ key: 'person', title: t('roleplay.history.colPerson'), render: (_: unknown, row: TAttemptSummary) => <Typography.Text strong>{row.user.displayName}</Typography.Text> }]
      : []),
    { key: 'scenario', title: t('roleplay.history.colScenario'), render: (_, row) => labels.text(row.scenarioTitle) },
    { key: 'outcome', title: t('roleplay.history.colOutcome'), render: (_, row) => <OutcomeTag outcome={row.outcome} /> },
    {
      key: 'total',
      title: t('roleplay.history.colScore'),
      align: 'right',
      render: (_, row) =>
        row.total === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Typography.Text strong style={{ color: SCORE_BAND_COLOR[scoreBand(row.total)] }}>
            {formatScore(row.total)}
          </Typography.Text>
        ),
    },
    { key: 'turns', title: t('roleplay.history.colTurns'), dataIndex: 'turns', align: 'right', responsive: ['sm'] },
    { key: 'date', title: t('roleplay.history.colDate'), render: (_, row) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(row.startedAt).format('YYYY-MM-DD HH:mm')}</span> },
  ];
  return (
    <Table<TAttemptSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...attempts]}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('roleplay.history.empty') }}
      onRow={(row) =>
        ({
          onClick: () => navigate(`/roleplay/attempts/${row.id}`),
          style: { cursor: 'pointer' },
          'data-testid': `roleplay-attempt-row-${row.id}`,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
