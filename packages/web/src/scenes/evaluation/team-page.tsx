import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { TLevelFigures } from '@calmdesk/shared';
import { Alert, Button, Card, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { AppError } from '../../api/client';
import { evaluationExportUrls, useEvalTeam, type TEvalTeam } from '../../api/evaluation';
import { useErrorMessage } from '../../hooks/use-error-message';
import { RangeFilter } from './dashboard-page';
import { DidCard } from './did-card';
import { EvalHeader } from './eval-header';
import { FIGURES, type TFigureKey } from './figures';
import { LevelCards, useFigureText } from './level-cards';
import { FigureHeading } from './method-help';
import { rangeSearch, useEvalFilters } from './range';

type TRow = TEvalTeam['people'][number];

const PERSON_FIGURES: TFigureKey[] = ['responseRate', 'examAverage', 'examPassRate', 'roleplayAverage', 'qaScore', 'empathyRate', 'deEscalationRate', 'missedEscalations', 'csat', 'complaintRate', 'repurchaseRate', 'resolutionMinutes', 'escalationRate'];

/**
 * A team at /evaluation/teams/:teamId: its four levels, its before/after comparison, and each
 * member's figures (a click opens the person). Supervisors reach only their own teams.
 */
export default function TeamPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const figureText = useFigureText();
  const { teamId } = useParams();
  const [filters, setFilters] = useEvalFilters();
  const range = { from: filters.from, to: filters.to };
  const team = useEvalTeam(teamId, range);
  const data = team.data;
  const search = rangeSearch(filters);

  if (team.isError && AppError.parseError(team.error).code === 'NOT_FOUND') {
    return <Result status="404" title={t('evaluation.team.notFound')} extra={<Link to="/evaluation">{t('evaluation.team.back')}</Link>} />;
  }
  const figureColumn = (key: TFigureKey) => ({
    key,
    title: <FigureHeading figure={key} />,
    align: 'right' as const,
    width: 118,
    sorter: (a: TRow, b: TRow) => (FIGURES[key].pick(a.figures) ?? -1) - (FIGURES[key].pick(b.figures) ?? -1),
    render: (_: unknown, row: { figures: TLevelFigures }) => {
      const value = FIGURES[key].pick(row.figures);
      return value === null ? <Typography.Text type="secondary">—</Typography.Text> : <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{figureText(key, row.figures)}</span>;
    },
  });

  return (
    <div data-testid="eval-team-page">
      <EvalHeader
        title={data ? t('evaluation.team.title', { name: data.team.name }) : t('nav.evaluation')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/evaluation${search}`)} data-testid="eval-team-back">
              {t('evaluation.team.back')}
            </Button>
            {teamId && (
              <Button icon={<FileExcelOutlined />} href={evaluationExportUrls.teamXlsx(teamId, range)} download data-testid="eval-team-export">
                {t('evaluation.export.xlsx')}
              </Button>
            )}
          </Flex>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Flex gap={12} align="center" wrap>
          <RangeFilter filters={filters} onChange={(next) => setFilters({ from: next.from, to: next.to })} />
          {data && (
            <Typography.Text type="secondary">
              {data.range.from} – {data.range.to}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {team.isError && <Alert type="error" showIcon title={errorMessage(team.error)} style={{ marginBottom: 16 }} />}
      {!data ? (
        team.isPending && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <LevelCards figures={data.figures} testIdPrefix="eval-team-level" />
          <Card variant="borderless" style={{ marginBottom: 16 }} title={t('evaluation.team.members', { count: data.people.length })}>
            <Table<TRow>
              size="small"
              rowKey={(row) => row.person.id}
              pagination={false}
              dataSource={data.people}
              locale={{ emptyText: t('evaluation.empty.people') }}
              scroll={{ x: 1900 }}
              onRow={(row) => ({ onClick: () => navigate(`/evaluation/people/${row.person.id}${search}`), style: { cursor: 'pointer' } })}
              columns={[
                {
                  key: 'name',
                  title: t('evaluation.team.colName'),
                  fixed: 'left',
                  sorter: (a, b) => a.person.displayName.localeCompare(b.person.displayName, 'zh-CN'),
                  render: (_, row) => (
                    <Link to={`/evaluation/people/${row.person.id}${search}`} onClick={(event) => event.stopPropagation()} data-testid={`eval-person-link-${row.person.id}`}>
                      {row.person.displayName}
                    </Link>
                  ),
                },
                {
                  key: 'trained',
                  title: t('evaluation.team.colFirstTrained'),
                  sorter: (a, b) => (a.firstTrainedOn ?? '9999').localeCompare(b.firstTrainedOn ?? '9999'),
                  render: (_, row) => (row.firstTrainedOn ? <span style={{ whiteSpace: 'nowrap' }}>{row.firstTrainedOn}</span> : <Tag>{t('evaluation.team.notTrained')}</Tag>),
                },
                ...PERSON_FIGURES.map(figureColumn),
              ]}
            />
          </Card>
          <DidCard rows={data.did} />
        </>
      )}
    </div>
  );
}
