import { CheckCircleFilled, ClockCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAssignments, useScenarios, type TAssignment, type TScenarioSummary } from '../../api/roleplay';
import { useErrorMessage } from '../../hooks/use-error-message';
import { isOverdue } from './format';
import { DIFFICULTIES, FAMILIES, TEMPERAMENTS, useRoleplayLabels } from './labels';
import { RoleplayHeader } from './roleplay-header';
import { Difficulty, ScenarioTags } from './scenario-tags';

/** The assignments aimed at me, the undone ones first (by due date). */
function MyAssignments({ assignments }: { assignments: readonly TAssignment[] }) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const navigate = useNavigate();
  const today = dayjs().format('YYYY-MM-DD');
  const mine = assignments
    .filter((assignment) => assignment.isDoneByMe !== null)
    .sort((a, b) => Number(a.isDoneByMe) - Number(b.isDoneByMe) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  if (mine.length === 0) return null;
  const open = mine.filter((assignment) => !assignment.isDoneByMe).length;
  return (
    <Card
      variant="borderless"
      title={t('roleplay.assignments.mineTitle')}
      extra={<Typography.Text type="secondary">{t('roleplay.assignments.openCount', { count: open })}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="roleplay-my-assignments"
    >
      <div className="cd-roleplay-strip">
        {mine.map((assignment) => {
          const done = assignment.isDoneByMe === true;
          const overdue = !done && isOverdue(assignment.dueDate, today);
          return (
            <div key={assignment.id} className={`cd-roleplay-assignment${done ? ' cd-roleplay-assignment--done' : ''}`} data-testid={`roleplay-assignment-${assignment.id}`} data-done={done}>
              <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
                {labels.text(assignment.scenarioTitle)}
              </Typography.Text>
              <Flex gap={6} wrap align="center">
                {done ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t('roleplay.assignments.done')}
                  </Tag>
                ) : (
                  <Tag color={overdue ? 'error' : 'processing'} icon={<ClockCircleOutlined />}>
                    {overdue ? t('roleplay.assignments.overdue') : t('roleplay.assignments.todo')}
                  </Tag>
                )}
                <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {assignment.dueDate ? t('roleplay.assignments.due', { date: assignment.dueDate }) : t('roleplay.assignments.noDue')}
                </Typography.Text>
              </Flex>
              {assignment.assignedBy && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('roleplay.assignments.by', { name: assignment.assignedBy })}
                </Typography.Text>
              )}
              <Button
                size="small"
                type={done ? 'default' : 'primary'}
                onClick={() => navigate(`/roleplay/${encodeURIComponent(assignment.scenarioId)}?assignment=${encodeURIComponent(assignment.id)}`)}
                data-testid={`roleplay-assignment-open-${assignment.id}`}
              >
                {done ? t('roleplay.assignments.again') : t('roleplay.assignments.go')}
              </Button>
            </div>
          );
        })}
      </div>
    </Card>
  );
}

function ScenarioCard({ scenario }: { scenario: TScenarioSummary }) {
  const labels = useRoleplayLabels();
  return (
    <Link to={`/roleplay/${encodeURIComponent(scenario.id)}`} data-testid={`roleplay-card-${scenario.id}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable variant="borderless" className="cd-roleplay-card">
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {labels.text(scenario.title)}
          </Typography.Text>
          <Difficulty value={scenario.difficulty} />
        </Flex>
        <ScenarioTags scenario={scenario} />
        <div style={{ flex: 1 }}>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
            {labels.text(scenario.summary)}
          </Typography.Paragraph>
        </div>
      </Card>
    </Link>
  );
}

type TFilter = 'family' | 'temperament' | 'difficulty' | 'q';

/**
 * The scenario catalogue at /roleplay: my assignments on top, then every scenario as a
 * card, filtered by family, temperament, difficulty or words (kept in the address, so
 * "back" returns to the same list).
 */
export default function CataloguePage() {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  const errorMessage = useErrorMessage();
  const scenariosQuery = useScenarios();
  const assignmentsQuery = useAssignments();
  const [params, setParams] = useSearchParams();
  const filter = (key: TFilter) => params.get(key) ?? '';
  const setFilter = (key: TFilter, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const family = filter('family');
  const temperament = filter('temperament');
  const difficulty = filter('difficulty');
  const q = filter('q').trim().toLowerCase();
  const scenarios = useMemo(
    () =>
      (scenariosQuery.data ?? []).filter(
        (scenario) =>
          (!family || scenario.family === family) &&
          (!temperament || scenario.temperament === temperament) &&
          (!difficulty || String(scenario.difficulty) === difficulty) &&
          (!q || [scenario.title.zh, scenario.title.en, scenario.summary.zh, scenario.summary.en, scenario.id].some((text) => text.toLowerCase().includes(q))),
      ),
    [scenariosQuery.data, family, temperament, difficulty, q],
  );
  const isFiltered = Boolean(family || temperament || difficulty || q);

  return (
    <div data-testid="roleplay-catalogue">
      <RoleplayHeader tab="catalogue" />
      {assignmentsQuery.data && <MyAssignments assignments={assignmentsQuery.data} />}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('roleplay.filters.search')}
          aria-label={t('roleplay.filters.search')}
          value={filter('q')}
          onChange={(event) => setFilter('q', event.target.value)}
          style={{ width: 220 }}
          data-testid="roleplay-filter-q"
        />
        <Select
          allowClear
          placeholder={t('roleplay.filters.family')}
          aria-label={t('roleplay.filters.family')}
          value={family || undefined}
          onChange={(value?: string) => setFilter('family', value)}
          options={FAMILIES.map((code) => ({ value: code, label: labels.family(code) }))}
          style={{ width: 150 }}
          data-testid="roleplay-filter-family"
        />
        <Select
          allowClear
          placeholder={t('roleplay.filters.temperament')}
          aria-label={t('roleplay.filters.temperament')}
          value={temperament || undefined}
          onChange={(value?: string) => setFilter('temperament', value)}
          options={TEMPERAMENTS.map((code) => ({ value: code, label: labels.temperament(code) }))}
          style={{ width: 150 }}
          data-testid="roleplay-filter-temperament"
        />
        <Select
          allowClear
          placeholder={t('roleplay.filters.difficulty')}
          aria-label={t('roleplay.filters.difficulty')}
          value={difficulty || undefined}
          onChange={(value?: string) => setFilter('difficulty', value)}
          options={DIFFICULTIES.map((level) => ({ value: String(level), label: t(`roleplay.difficulties.${level}`) }))}
          style={{ width: 150 }}
          data-testid="roleplay-filter-difficulty"
        />
        {isFiltered && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('roleplay.filters.clear')}
          </Button>
        )}
      </Flex>
      {scenariosQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : scenariosQuery.isError ? (
        <Alert type="error" showIcon title={errorMessage(scenariosQuery.error)} />
      ) : scenarios.length === 0 ? (
        <Empty description={isFiltered ? t('roleplay.filters.noMatch') : t('roleplay.noScenarios')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t('roleplay.scenarioCount', { count: scenarios.length })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {scenarios.map((scenario) => (
              <Col key={scenario.id} xs={24} sm={12} xl={8}>
                <ScenarioCard scenario={scenario} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
