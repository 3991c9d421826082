import { CoffeeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssistTeamLoad, type TAssistTeamLoad } from '../../api/assist';
import { useErrorMessage } from '../../hooks/use-error-message';
import { RISK_COLOR } from '../analyzer/labels';
import { AssistHeader } from './assist-header';
import { EscalationsTable } from './escalations-table';
import './assist.css';

type TAgentRow = TAssistTeamLoad['agents'][number];

/**
 * /live-assist/team (supervisors; deputies and leaders where the server allows): today's
 * live-assist load per agent of my teams, as counts only, never what was said (SPEC §2.5);
 * and the escalations, each to open and acknowledge.
 */
export default function AssistTeamPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [teamId, setTeamId] = useState<string | undefined>(undefined);
  const load = useAssistTeamLoad(teamId);
  const data = load.data;
  const time = (at: string | null) => (at ? dayjs(at).format('HH:mm') : '—');

  return (
    <div className="cd-assist" data-testid="assist-team-page">
      <AssistHeader tab="team" subtitle={t('assist.team.subtitle')} />
      <Flex vertical gap={16}>
        <Card
          size="small"
          className="cd-assist-card"
          title={t('assist.team.loadTitle')}
          extra={
            data && data.teams.length > 1 ? (
              <Select
                allowClear
                placeholder={t('assist.team.allTeams')}
                value={teamId}
                onChange={setTeamId}
                options={data.teams.map((team) => ({ value: team.id, label: team.name }))}
                style={{ minWidth: 160 }}
                data-testid="assist-team-select"
              />
            ) : null
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            <LockOutlined style={{ marginInlineEnd: 6 }} />
            {t('assist.team.countsOnly', { threshold: data?.pauseThreshold ?? 3 })}
          </Typography.Paragraph>
          {load.isError && <Alert type="error" showIcon title={errorMessage(load.error)} style={{ marginBottom: 12 }} />}
          <Table<TAgentRow>
            rowKey={(row) => row.agent.id}
            size="small"
            loading={load.isPending}
            dataSource={data?.agents ?? []}
            pagination={{ pageSize: 30, hideOnSinglePage: true }}
            scroll={{ x: 760 }}
            data-testid="assist-team-load"
            onRow={(row) => ({ 'data-testid': `assist-load-${row.agent.login}` }) as never}
            locale={{ emptyText: t('assist.team.empty') }}
            columns={[
              { title: t('assist.team.agent'), key: 'agent', fixed: 'left', width: 120, render: (_, row) => row.agent.displayName },
              { title: t('assist.team.teams'), key: 'teams', width: 130, render: (_, row) => row.teams.map((team) => team.name).join('、') },
              { title: t('assist.team.conversations'), dataIndex: 'conversations', width: 80, align: 'right' },
              {
                title: t('assist.team.highRisk'),
                dataIndex: 'highRisk',
                width: 80,
                align: 'right',
                render: (value: number) => <span style={{ color: value > 0 ? RISK_COLOR.high : undefined }} data-testid="assist-load-high">{value}</span>,
              },
              {
                title: t('assist.team.streak'),
                key: 'streak',
                width: 130,
                render: (_, row) => (
                  <Flex gap={4} align="center">
                    <span data-testid="assist-load-streak">{row.highRiskStreak}</span>
                    {row.suggestPause && (
                      <Tag color="green" icon={<CoffeeOutlined />} style={{ marginInlineEnd: 0 }}>
                        {t('assist.team.pauseDue')}
                      </Tag>
                    )}
                  </Flex>
                ),
              },
              {
                title: t('assist.team.escalations'),
                key: 'escalations',
                width: 100,
                align: 'right',
                render: (_, row) => (
                  <span data-testid="assist-load-escalations">
                    {row.escalations}
                    {row.openEscalations > 0 && <Typography.Text type="danger"> {t('assist.team.open', { count: row.openEscalations })}</Typography.Text>}
                  </span>
                ),
              },
              { title: t('assist.team.pauses'), dataIndex: 'pauses', width: 80, align: 'right' },
              { title: t('assist.team.lastPause'), key: 'lastPause', width: 90, render: (_, row) => time(row.lastPauseAt) },
              { title: t('assist.team.lastConversation'), key: 'last', width: 90, render: (_, row) => time(row.lastConversationAt) },
            ]}
          />
        </Card>
        <Card size="small" className="cd-assist-card" title={t('assist.escalations.title')}>
          <EscalationsTable canAcknowledge />
        </Card>
      </Flex>
    </div>
  );
}
