import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Segmented, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAcknowledgeAssistEscalation, useAssistEscalations, type TAssistEscalationStatus, type TAssistEscalationSummary } from '../../api/assist';
import { useErrorMessage } from '../../hooks/use-error-message';
import { EMOTION_COLOR, RISK_COLOR, useAnalyzerLabels } from '../analyzer/labels';

/**
 * The escalations in my view, newest first: who asked, how the customer was, the note, when,
 * and whether someone has it; "acknowledge" for those who may (the server decides on click).
 * @param props.canAcknowledge whether to offer the acknowledge button
 */
export function EscalationsTable({ canAcknowledge }: { canAcknowledge: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const labels = useAnalyzerLabels();
  const [status, setStatus] = useState<TAssistEscalationStatus>('open');
  const query = useAssistEscalations(status);
  const acknowledge = useAcknowledgeAssistEscalation();

  const onAcknowledge = (id: string) =>
    acknowledge.mutate(id, {
      onSuccess: () => void message.success(t('assist.escalations.acknowledged')),
      onError: (err) => void message.error(errorMessage(err)),
    });

  return (
    <>
      <Segmented<TAssistEscalationStatus>
        value={status}
        onChange={setStatus}
        style={{ marginBottom: 12 }}
        options={(['open', 'acknowledged', 'all'] as const).map((value) => ({ value, label: <span data-testid={`assist-escalations-${value}`}>{t(`assist.escalations.status.${value}`)}</span> }))}
      />
      <Table<TAssistEscalationSummary>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        data-testid="assist-escalations"
        onRow={(row) => ({ 'data-testid': `assist-escalation-row-${row.agent.displayName}`, 'data-state': row.acknowledgedAt ? 'acknowledged' : 'open' }) as never}
        locale={{ emptyText: t('assist.escalations.empty') }}
        columns={[
          {
            title: t('assist.escalations.when'),
            dataIndex: 'createdAt',
            width: 120,
            render: (at: string, row) => (
              <Link to={`/live-assist/escalations/${row.id}`} data-testid="assist-escalation-open">
                {dayjs(at).format('MM-DD HH:mm')}
              </Link>
            ),
          },
          { title: t('assist.escalations.agent'), key: 'agent', width: 140, render: (_, row) => row.agent.displayName },
          { title: t('assist.escalations.teams'), key: 'teams', width: 140, render: (_, row) => row.teams.map((team) => team.name).join('、') || t('common.none') },
          {
            title: t('assist.escalations.customer'),
            key: 'customer',
            width: 150,
            render: (_, row) => (
              <>
                <Tag color={EMOTION_COLOR[row.emotion]}>{labels.emotion(row.emotion)}</Tag>
                <Typography.Text style={{ color: RISK_COLOR[row.risk] }}>{t(`analyzer.riskLevels.${row.risk}`)}</Typography.Text>
              </>
            ),
          },
          { title: t('assist.escalations.note'), dataIndex: 'note', ellipsis: true, render: (note: string | null) => note ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> },
          {
            title: t('assist.escalations.state'),
            key: 'state',
            width: 200,
            render: (_, row) =>
              row.acknowledgedAt ? (
                <Typography.Text type="secondary" data-testid="assist-escalation-acknowledged">
                  <CheckOutlined style={{ color: '#389e0d', marginInlineEnd: 4 }} />
                  {t('assist.escalations.acknowledgedBy', { name: row.acknowledgedBy?.displayName ?? '', time: dayjs(row.acknowledgedAt).format('HH:mm') })}
                </Typography.Text>
              ) : canAcknowledge ? (
                <Button size="small" type="primary" onClick={() => onAcknowledge(row.id)} loading={acknowledge.isPending && acknowledge.variables === row.id} data-testid="assist-escalation-acknowledge">
                  {t('assist.escalations.acknowledge')}
                </Button>
              ) : (
                <Tag color="orange">{t('assist.escalations.waiting')}</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
