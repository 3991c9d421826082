import { ArrowLeftOutlined, EyeInvisibleOutlined, FileExcelOutlined, NodeIndexOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { TBreakdownCell, TQuestionReport, TSurveyFinding } from '@calmdesk/shared';
import { Alert, Button, Card, Checkbox, Col, Empty, Flex, Progress, Result, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { surveyReportXlsxUrl, useSurveyReport, type TSurveyPlanItemsResult } from '../../../api/surveys';
import { EChart } from '../../../components/echart';
import { useCurrentSession } from '../../../hooks/use-current-session';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { opsAccess } from '../access';
import { OpsHeader } from '../ops-header';
import { KIND_COLOR, STATUS_COLOR, useSurveyLabels } from './labels';
import { PlanItemsModal } from './plan-items-modal';
import { breakdownHeight, breakdownOption, choiceOption, drawableCells, likertOption, type TChartWords } from './report-charts';

type TView = 'overall' | 'level' | 'tenure';
/** Open answers shown before "show all". */
const TEXTS_SHOWN = 6;

/** A hidden cell: a tag that says why on hover. */
function HiddenTag({ reason, minCell }: { reason: NonNullable<TBreakdownCell['hiddenReason']>; minCell: number }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={reason === 'complement' ? t('surveys.report.hiddenComplementHelp') : t('surveys.report.hiddenTooFewHelp', { count: minCell })}>
      <Tag icon={<EyeInvisibleOutlined />} style={{ cursor: 'help' }} data-testid={`report-hidden-${reason}`}>
        {reason === 'complement' ? t('surveys.report.hiddenComplement') : t('surveys.report.hiddenTooFew', { count: minCell })}
      </Tag>
    </Tooltip>
  );
}

/** The open answers of a question, with names on a named survey. */
function TextAnswers({ question }: { question: TQuestionReport }) {
  const { t } = useTranslation();
  const [isAll, setAll] = useState(false);
  const stats = question.overall;
  if (stats?.kind !== 'text') return null;
  if (stats.texts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.report.noAnswers')} />;
  const shown = isAll ? stats.texts : stats.texts.slice(0, TEXTS_SHOWN);
  return (
    <Flex vertical gap={8} data-testid={`report-texts-${question.id}`}>
      {shown.map((text, index) => (
        <div key={index} style={{ background: '#f7fafb', borderRadius: 6, padding: '8px 12px', borderInlineStart: '3px solid #2f7d8c' }}>
          <Typography.Text>{text.text}</Typography.Text>
          {text.by && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
              — {text.by}
            </Typography.Text>
          )}
        </div>
      ))}
      {stats.texts.length > TEXTS_SHOWN && (
        <Button type="link" onClick={() => setAll(!isAll)} style={{ alignSelf: 'flex-start', padding: 0 }}>
          {isAll ? t('surveys.report.showFewer') : t('surveys.report.showAll', { count: stats.texts.length })}
        </Button>
      )}
    </Flex>
  );
}

/** One question of the report: totals, or the breakdown chosen at the top. */
function QuestionCard({ question, index, view, words, minCell }: { question: TQuestionReport; index: number; view: TView; words: TChartWords; minCell: number }) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  const stats = question.overall;
  const cells = view === 'level' ? question.byLevel : question.byTenure;
  const breakdownChart = useMemo(() => (view === 'overall' || question.type === 'text' ? null : breakdownOption(question.type, cells, question.options, words)), [view, question, cells, words]);
  const overallChart = useMemo(() => {
    if (!stats) return null;
    if (stats.kind === 'likert') return likertOption(stats, words);
    if (stats.kind === 'choice') return choiceOption(stats, words);
    return null;
  }, [stats, words]);

  const cellColumns: TableProps<TBreakdownCell>['columns'] = [
    { key: 'group', title: view === 'level' ? t('surveys.report.colLevel') : t('surveys.report.colTenure'), render: (_, cell) => labels.group(cell.key) },
    { key: 'answered', title: t('surveys.report.answered'), align: 'right', render: (_, cell) => (cell.hiddenReason ? <HiddenTag reason={cell.hiddenReason} minCell={minCell} /> : cell.answered) },
    {
      key: 'figure',
      title: question.type === 'likert' ? t('surveys.report.average') : t('surveys.report.topOption'),
      render: (_, cell) => {
        if (!cell.stats) return t('common.none');
        if (cell.stats.kind === 'likert') return cell.stats.average ?? t('common.none');
        if (cell.stats.kind === 'choice' && cell.stats.answered > 0) {
          const stats = cell.stats;
          const top = [...stats.counts].sort((a, b) => b.count - a.count)[0]!;
          return `${top.option}（${Math.round((top.count / stats.answered) * 100)}%）`;
        }
        return t('common.none');
      },
    },
  ];

  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid={`report-question-${question.id}`}
      title={
        <Flex gap={8} align="baseline" wrap style={{ whiteSpace: 'normal', padding: '8px 0' }}>
          <Typography.Text type="secondary">{`Q${index + 1}`}</Typography.Text>
          <Typography.Text strong style={{ flex: 1, minWidth: 240 }}>
            {question.prompt}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Space size={4}>
          <Tag>{labels.type(question.type)}</Tag>
          {question.topic && <Tag color="cyan">{labels.topic(question.topic)}</Tag>}
          {stats && <Typography.Text type="secondary">{t('surveys.report.answeredCount', { count: stats.answered })}</Typography.Text>}
        </Space>
      }
    >
      {!stats ? (
        <Alert type="warning" showIcon icon={<EyeInvisibleOutlined />} title={t('surveys.report.questionHidden', { count: minCell })} />
      ) : view === 'overall' || question.type === 'text' ? (
        <>
          {view !== 'overall' && question.type === 'text' && <Typography.Paragraph type="secondary">{t('surveys.report.textNotSplit')}</Typography.Paragraph>}
          {stats.kind === 'likert' && (
            <Row gutter={16} align="middle">
              <Col xs={24} md={6}>
                <Statistic title={t('surveys.report.average')} value={stats.average ?? t('common.none')} suffix={stats.average === null ? undefined : '/ 5'} data-testid={`report-average-${question.id}`} />
              </Col>
              <Col xs={24} md={18}>
                {overallChart && <EChart option={overallChart} height={200} ariaLabel={t('surveys.report.likertAria', { prompt: question.prompt })} testId={`report-chart-${question.id}`} />}
              </Col>
            </Row>
          )}
          {stats.kind === 'choice' && overallChart && <EChart option={overallChart} height={Math.max(140, 34 * question.options.length + 20)} ariaLabel={t('surveys.report.choiceAria', { prompt: question.prompt })} testId={`report-chart-${question.id}`} />}
          {stats.kind === 'text' && <TextAnswers question={question} />}
        </>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            {breakdownChart ? (
              <EChart option={breakdownChart} height={breakdownHeight(question.type, question.options.length, drawableCells(cells).length)} ariaLabel={t('surveys.report.breakdownAria', { prompt: question.prompt })} testId={`report-breakdown-chart-${question.id}`} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.report.noGroupShown')} />
            )}
          </Col>
          <Col xs={24} xl={10}>
            <Table<TBreakdownCell> rowKey="key" size="small" columns={cellColumns} dataSource={cells} pagination={false} data-testid={`report-cells-${question.id}`} />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** The findings: options many chose and statements rated low; the training group ticks some and turns them into plan items. */
function FindingsCard({ findings, selected, onSelect, canPlan, onPlan }: { findings: readonly TSurveyFinding[]; selected: string[]; onSelect: (ids: string[]) => void; canPlan: boolean; onPlan: () => void }) {
  const { t } = useTranslation();
  const labels = useSurveyLabels();
  return (
    <Card
      variant="borderless"
      style={{ marginBottom: 16 }}
      data-testid="report-findings"
      title={
        <Space>
          {t('surveys.report.findings')}
          <Tooltip title={t('surveys.report.findingsHelp')}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c', fontSize: 13 }} />
          </Tooltip>
        </Space>
      }
      extra={
        canPlan && (
          <Button type="primary" icon={<NodeIndexOutlined />} disabled={selected.length === 0} onClick={onPlan} data-testid="report-to-plan">
            {t('surveys.report.toPlan', { count: selected.length })}
          </Button>
        )
      }
    >
      {findings.length === 0 ? (
        <Typography.Text type="secondary">{t('surveys.report.noFindings')}</Typography.Text>
      ) : (
        <Checkbox.Group value={selected} onChange={(values) => onSelect(values as string[])} style={{ width: '100%', display: 'block' }} disabled={!canPlan}>
          <div style={{ display: 'grid', gridTemplateColumns: `${canPlan ? 'auto ' : ''}auto minmax(180px, 1.4fr) 150px minmax(72px, auto) 2fr`, columnGap: 12, rowGap: 10, alignItems: 'center' }}>
            {findings.map((finding) => (
              <div key={finding.id} style={{ display: 'contents' }} data-testid={`report-finding-${finding.id}`}>
                {canPlan && (
                  <span data-testid={`report-finding-check-${finding.id}`}>
                    <Checkbox value={finding.id} aria-label={finding.option ?? finding.prompt} />
                  </span>
                )}
                <span>{finding.topic && <Tag color="cyan" style={{ marginInlineEnd: 0 }}>{labels.topic(finding.topic)}</Tag>}</span>
                <Typography.Text strong>{finding.option ?? finding.prompt}</Typography.Text>
                {finding.option !== null ? (
                  <Progress percent={Math.round((finding.share ?? 0) * 100)} size="small" strokeColor="#f6a04d" format={(percent) => `${percent}%`} style={{ margin: 0 }} />
                ) : (
                  <Progress percent={Math.round(((finding.average ?? 0) / 5) * 100)} size="small" strokeColor="#cf1322" format={() => `${finding.average}`} style={{ margin: 0 }} />
                )}
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {finding.option !== null ? t('surveys.report.findingChoice', { count: finding.count ?? 0 }) : t('surveys.report.findingLikert', { average: finding.average })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: finding.prompt }}>
                  {finding.option !== null ? finding.prompt : ''}
                </Typography.Text>
              </div>
            ))}
          </div>
        </Checkbox.Group>
      )}
    </Card>
  );
}

/**
 * 调研报告 at /operations/surveys/:surveyId/report: response rate, each question's distribution
 * (Likert average and its 1–5 bars, choice counts, open answers), broken down by level or by
 * tenure band with charts; on an anonymous survey, a group of fewer than 3 is hidden and the page
 * says why. The findings can be turned into plan items; the whole report exports to Excel.
 * Supervisors see the answers of their teams.
 */
export default function ReportPage() {
  const { surveyId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const access = opsAccess(session.roles);
  const labels = useSurveyLabels();
  const errorMessage = useErrorMessage();
  const reportQuery = useSurveyReport(surveyId);
  const [view, setView] = useState<TView>('overall');
  const [selected, setSelected] = useState<string[]>([]);
  const [isPlanOpen, setPlanOpen] = useState(false);
  const [planned, setPlanned] = useState<TSurveyPlanItemsResult | null>(null);
  const report = reportQuery.data;

  const words = useMemo<TChartWords>(
    () => ({ likert: labels.likert, people: t('surveys.report.people'), average: t('surveys.report.average'), share: t('surveys.report.share'), group: labels.group }),
    [labels, t],
  );

  if (reportQuery.isError) return <Result status="error" title={errorMessage(reportQuery.error)} extra={<Button onClick={() => navigate('/operations/surveys')}>{t('surveys.builder.back')}</Button>} data-testid="report-missing" />;
  if (!report) return <Skeleton active paragraph={{ rows: 14 }} />;

  const { survey } = report;
  const groups = view === 'level' ? report.levels : report.tenures;
  const chosen = report.findings.filter((finding) => selected.includes(finding.id));

  return (
    <div data-testid="survey-report">
      <OpsHeader
        tab="surveys"
        extra={
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(access.isTrainingGroup ? `/operations/surveys/${survey.id}` : '/operations/surveys')} data-testid="report-back">
              {access.isTrainingGroup ? t('surveys.report.backToSurvey') : t('surveys.builder.back')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={surveyReportXlsxUrl(survey.id)} download data-testid="report-export">
              {t('surveys.report.export')}
            </Button>
          </Space>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
          {t('surveys.report.title', { title: survey.title })}
        </Typography.Title>
        <Space size={4} wrap style={{ marginTop: 8 }}>
          <Tag color={KIND_COLOR[survey.kind]}>{labels.kind(survey.kind)}</Tag>
          <Tag color={STATUS_COLOR[survey.status]}>{labels.status(survey.status)}</Tag>
          <Tag>{survey.isAnonymous ? t('surveys.anonymous') : t('surveys.named')}</Tag>
          {survey.period && <Tag>{survey.period}</Tag>}
          {report.scope === 'teams' && <Tag color="blue">{t('surveys.report.scopeTeams')}</Tag>}
        </Space>
      </Card>

      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Statistic title={t('surveys.report.asked')} value={report.recipients} data-testid="report-recipients" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card variant="borderless" size="small">
            <Statistic title={t('surveys.report.responses')} value={report.responses} data-testid="report-responses" />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card variant="borderless" size="small">
            <Typography.Text type="secondary">{t('surveys.report.rate')}</Typography.Text>
            <Progress percent={report.responseRate === null ? 0 : Math.round(report.responseRate * 1000) / 10} style={{ marginTop: 8 }} data-testid="report-rate" />
          </Card>
        </Col>
      </Row>

      {report.isHidden ? (
        <Alert type="warning" showIcon icon={<EyeInvisibleOutlined />} title={t('surveys.report.hiddenAll', { count: report.minCell })} style={{ marginBottom: 16 }} data-testid="report-hidden-all" />
      ) : (
        survey.isAnonymous && <Alert type="info" showIcon title={t('surveys.report.anonymousNote', { count: report.minCell })} style={{ marginBottom: 16 }} data-testid="report-anonymous-note" />
      )}

      {planned && (
        <Alert
          type="success"
          showIcon
          title={planned.isNewPlan ? t('surveys.plan.doneNew', { count: planned.itemIds.length, title: planned.plan.title }) : t('surveys.plan.done', { count: planned.itemIds.length, title: planned.plan.title })}
          action={
            <Button size="small" onClick={() => navigate(`/operations/plans/${planned.plan.id}`)} data-testid="plan-items-open-plan">
              {t('surveys.plan.openPlan')}
            </Button>
          }
          closable={{ onClose: () => setPlanned(null) }}
          style={{ marginBottom: 16 }}
          data-testid="plan-items-done"
        />
      )}

      {!report.isHidden && (
        <>
          <FindingsCard findings={report.findings} selected={selected} onSelect={setSelected} canPlan={access.isTrainingGroup} onPlan={() => setPlanOpen(true)} />
          <Card variant="borderless" size="small" style={{ marginBottom: 16 }}>
            <Flex gap={12} align="center" wrap>
              <Typography.Text strong>{t('surveys.report.breakdown')}</Typography.Text>
              <Segmented<TView>
                value={view}
                onChange={setView}
                options={[
                  { value: 'overall', label: <span data-testid="report-view-overall">{t('surveys.report.overall')}</span> },
                  { value: 'level', label: <span data-testid="report-view-level">{t('surveys.report.byLevel')}</span> },
                  { value: 'tenure', label: <span data-testid="report-view-tenure">{t('surveys.report.byTenure')}</span> },
                ]}
                data-testid="report-breakdown"
              />
              {view !== 'overall' && (
                <Space size={[4, 4]} wrap>
                  {groups.map((group) => (
                    <Tag key={group.key}>{group.responses === null ? t('surveys.report.groupHidden', { group: labels.group(group.key), count: report.minCell }) : t('surveys.report.groupCount', { group: labels.group(group.key), count: group.responses })}</Tag>
                  ))}
                </Space>
              )}
            </Flex>
          </Card>
          {report.questions.map((question, index) => (
            <QuestionCard key={question.id} question={question} index={index} view={view} words={words} minCell={report.minCell} />
          ))}
        </>
      )}
      <PlanItemsModal
        surveyId={survey.id}
        findings={chosen}
        open={isPlanOpen}
        onClose={() => setPlanOpen(false)}
        onDone={(result) => {
          setPlanned(result);
          setSelected([]);
        }}
      />
    </div>
  );
}
