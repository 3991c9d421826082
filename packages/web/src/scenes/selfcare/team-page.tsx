import { EyeInvisibleOutlined } from '@ant-design/icons';
import { SELFCARE_AGGREGATE_ROLES, SELFCARE_MIN_CONTRIBUTORS, type TDiaryAggregateCell, type TStressAggregateCell } from '@calmdesk/shared';
import { Alert, Card, Empty, Flex, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelfcareTeamAggregates, type TTeamAggregates } from '../../api/selfcare';
import { PageHeader } from '../../components/page-header';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { NoAccessPage } from '../no-access-page';
import { PrivacyNote } from './privacy-note';

type TRow = TTeamAggregates['teams'][number]['cells'][number];

function Hidden() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('selfcare.team.hiddenWhy', { min: SELFCARE_MIN_CONTRIBUTORS })}>
      <Typography.Text type="secondary" data-testid="team-cell-hidden">
        <EyeInvisibleOutlined /> {t('selfcare.team.hidden', { min: SELFCARE_MIN_CONTRIBUTORS })}
      </Typography.Text>
    </Tooltip>
  );
}

function StressCell({ cell }: { cell: TStressAggregateCell }) {
  const { t } = useTranslation();
  if (cell.status === 'hidden') return <Hidden />;
  return (
    <Flex vertical gap={2} data-testid="team-cell-stress">
      <Typography.Text strong>{cell.averageScore.toFixed(1)}</Typography.Text>
      <Flex gap={4} wrap>
        <Tag color="green">{t('selfcare.team.low', { count: cell.bands.low })}</Tag>
        <Tag color="gold">{t('selfcare.team.moderate', { count: cell.bands.moderate })}</Tag>
        <Tag color="volcano">{t('selfcare.team.high', { count: cell.bands.high })}</Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('selfcare.team.people', { count: cell.contributors })}
      </Typography.Text>
    </Flex>
  );
}

function DiaryCell({ cell }: { cell: TDiaryAggregateCell }) {
  const { t } = useTranslation();
  if (cell.status === 'hidden') return <Hidden />;
  return (
    <Flex vertical gap={2} data-testid="team-cell-diary">
      <Typography.Text>{t('selfcare.team.entries', { count: cell.entries })}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('selfcare.team.intensity', { value: cell.averageIntensity.toFixed(1) })} · {t('selfcare.team.people', { count: cell.contributors })}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 团队概况 at /selfcare/team, for supervisors (their teams), deputies and leaders (every team):
 * per team and week, the stress-check average and bands and the diary counts — anonymous, and a
 * cell with fewer than 5 contributors shows nothing, not even how many. Never any entry.
 */
export default function TeamPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const canSee = session.roles.some((role) => (SELFCARE_AGGREGATE_ROLES as readonly string[]).includes(role));
  const aggregates = useSelfcareTeamAggregates(canSee ? teamId : undefined);
  const [allTeams, setAllTeams] = useState<{ id: string; name: string }[]>([]);
  if (aggregates.data && teamId === undefined && allTeams.length !== aggregates.data.teams.length) setAllTeams(aggregates.data.teams.map((item) => item.team));

  if (!canSee) return <NoAccessPage />;
  const teams = aggregates.data?.teams ?? [];

  return (
    <div data-testid="selfcare-team-page">
      <PageHeader title={t('selfcare.team.title')} subtitle={t('selfcare.team.subtitle')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="team-threshold-note"
        title={t('selfcare.team.thresholdTitle', { min: SELFCARE_MIN_CONTRIBUTORS })}
        description={t('selfcare.team.thresholdText', { min: SELFCARE_MIN_CONTRIBUTORS })}
      />
      {allTeams.length > 1 && (
        <Select
          allowClear
          value={teamId}
          onChange={setTeamId}
          placeholder={t('selfcare.team.allTeams')}
          options={allTeams.map((team) => ({ value: team.id, label: team.name }))}
          style={{ minWidth: 220, marginBottom: 16 }}
          data-testid="team-select"
        />
      )}
      {aggregates.isLoading ? (
        <Skeleton active />
      ) : aggregates.isError ? (
        <Alert type="error" title={errorMessage(aggregates.error)} />
      ) : teams.length === 0 ? (
        <Empty description={t('selfcare.team.noTeams')} />
      ) : (
        <Flex vertical gap={16}>
          {teams.map((item) => (
            <Card key={item.team.id} variant="borderless" title={item.team.name} data-testid="team-card">
              <Table<TRow>
                size="small"
                rowKey="weekStart"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={[...item.cells].reverse()}
                columns={[
                  { key: 'week', title: t('selfcare.team.week'), render: (_value, row) => t('selfcare.team.weekOf', { date: dayjs(row.weekStart).format('MM-DD') }), width: 110 },
                  { key: 'stress', title: t('selfcare.team.stress'), render: (_value, row) => <StressCell cell={row.stress} /> },
                  { key: 'diary', title: t('selfcare.team.diary'), render: (_value, row) => <DiaryCell cell={row.diary} /> },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
      <PrivacyNote variant="team" />
    </div>
  );
}
