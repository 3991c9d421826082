import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Select, Table, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAssignments, useAttempts, useScenarios, type TAssignment } from '../../api/roleplay';
import { useCurrentSession } from '../../hooks/use-current-session';
import { useErrorMessage } from '../../hooks/use-error-message';
import { NoAccessPage } from '../no-access-page';
import { roleplayAccess } from './access';
import { AssignDrawer } from './assign-drawer';
import { AttemptsTable } from './attempts-table';
import { isOverdue } from './format';
import { useRoleplayLabels } from './labels';
import { RoleplayHeader } from './roleplay-header';

const PAGE_SIZE = 20;
/** Attempts read to name the people in the person filter (the people directory is admin-only). */
const PEOPLE_SAMPLE = 200;

/**
 * Coaching at /roleplay/coaching (trainers, mentors, supervisors, deputies, leaders):
 * everyone's attempts, filtered by scenario or person, each opening its transcript and
 * scorecard to comment on; the assignments with their progress, and for trainers and
 * mentors the drawer to assign a scenario.
 */
export default function CoachingPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const errorMessage = useErrorMessage();
  const labels = useRoleplayLabels();
  const access = roleplayAccess(session.roles);
  const [scenarioId, setScenarioId] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [isAssignOpen, setAssignOpen] = useState(false);

  const scenariosQuery = useScenarios();
  const attemptsQuery = useAttempts({ scenarioId, userId, page, pageSize: PAGE_SIZE }, { enabled: access.canCoach });
  const peopleQuery = useAttempts({ page: 1, pageSize: PEOPLE_SAMPLE }, { enabled: access.canCoach });
  const assignmentsQuery = useAssignments();

  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const attempt of peopleQuery.data?.attempts ?? []) byId.set(attempt.user.id, attempt.user.displayName);
    return [...byId].map(([id, name]) => ({ value: id, label: name })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [peopleQuery.data]);

  if (!access.canCoach) return <NoAccessPage />;

  const today = dayjs().format('YYYY-MM-DD');
  const assignmentColumns: TableProps<TAssignment>['columns'] = [
    {
      key: 'scenario',
      title: t('roleplay.coaching.colScenario'),
      render: (_, row) => <Link to={`/roleplay/${encodeURIComponent(row.scenarioId)}`}>{labels.text(row.scenarioTitle)}</Link>,
    },
    {
      key: 'progress',
      title: t('roleplay.coaching.colProgress'),
      width: 220,
      render: (_, row) => (
        <Flex align="center" gap={8}>
          <Progress percent={row.people === 0 ? 0 : Math.round((row.done / row.people) * 100)} size="small" showInfo={false} style={{ width: 100, margin: 0 }} />
          <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid={`roleplay-assignment-progress-${row.id}`}>
            {t('roleplay.coaching.progress', { done: row.done, people: row.people })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('roleplay.coaching.colDue'),
      render: (_, row) =>
        row.dueDate ? (
          <Typography.Text type={isOverdue(row.dueDate, today) && row.done < row.people ? 'danger' : undefined}>{row.dueDate}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('roleplay.assignments.noDue')}</Typography.Text>
        ),
    },
    { key: 'by', title: t('roleplay.coaching.colBy'), responsive: ['md'], render: (_, row) => row.assignedBy ?? t('common.none') },
    { key: 'created', title: t('roleplay.coaching.colCreated'), responsive: ['lg'], render: (_, row) => dayjs(row.createdAt).format('YYYY-MM-DD') },
  ];

  return (
    <div data-testid="roleplay-coaching">
      <RoleplayHeader
        tab="coaching"
        extra={
          access.canAssign && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssignOpen(true)} data-testid="roleplay-assign">
              {t('roleplay.assign.open')}
            </Button>
          )
        }
      />
      <Card
        title={t('roleplay.coaching.attemptsTitle')}
        variant="borderless"
        style={{ marginBottom: 16 }}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('roleplay.coaching.filterScenario')}
              aria-label={t('roleplay.coaching.filterScenario')}
              value={scenarioId}
              onChange={(value?: string) => {
                setScenarioId(value);
                setPage(1);
              }}
              options={(scenariosQuery.data ?? []).map((scenario) => ({ value: scenario.id, label: labels.text(scenario.title) }))}
              style={{ width: 220 }}
              data-testid="roleplay-filter-scenario"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('roleplay.coaching.filterPerson')}
              aria-label={t('roleplay.coaching.filterPerson')}
              value={userId}
              onChange={(value?: string) => {
                setUserId(value);
                setPage(1);
              }}
              options={people}
              notFoundContent={t('roleplay.coaching.noPeople')}
              style={{ width: 180 }}
              data-testid="roleplay-filter-person"
            />
          </Flex>
        }
      >
        {attemptsQuery.isError && <Alert type="error" showIcon title={errorMessage(attemptsQuery.error)} style={{ marginBottom: 12 }} />}
        <AttemptsTable
          attempts={attemptsQuery.data?.attempts ?? []}
          showPerson
          loading={attemptsQuery.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: attemptsQuery.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      </Card>
      <Card title={t('roleplay.coaching.assignmentsTitle')} variant="borderless">
        {assignmentsQuery.isError && <Alert type="error" showIcon title={errorMessage(assignmentsQuery.error)} style={{ marginBottom: 12 }} />}
        <Table<TAssignment>
          rowKey="id"
          size="middle"
          columns={assignmentColumns}
          dataSource={assignmentsQuery.data ?? []}
          loading={assignmentsQuery.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: access.canAssign ? t('roleplay.coaching.noAssignmentsAssigner') : t('roleplay.coaching.noAssignments') }}
          onRow={(row) => ({ 'data-testid': `roleplay-assignment-${row.id}` }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      {access.canAssign && <AssignDrawer open={isAssignOpen} onClose={() => setAssignOpen(false)} />}
    </div>
  );
}
