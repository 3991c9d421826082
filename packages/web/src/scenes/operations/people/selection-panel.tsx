import { CalculatorOutlined, CrownOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { SELECTION_PARTS, type TSelectionPart, type TSelectionRow } from '@calmdesk/shared';
import { Alert, App, Button, Card, Checkbox, Col, Flex, InputNumber, Modal, Row, Select, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useComputeSelection, useConfirmSelection, useSelection, useSelections, type TSelection, type TSelectionWeights } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { useText, when } from './labels';
import { recentHalves, todayInChina } from './periods';

/** Where the training group starts; the same as the server's default (selection.service.ts). */
const DEFAULT_WEIGHTS: TSelectionWeights = { exams: 35, roleplay: 30, attendance: 20, kpi: 15 };

/** One decimal is enough on screen; the tooltip keeps two. */
const one = (value: number) => Math.round(value * 10) / 10;

/** One part of a person's score: its mark, and the weight it carried (with the measured value on hover). */
function PartCell({ row, part }: { row: TSelectionRow; part: TSelectionPart }) {
  const { t } = useTranslation();
  const score = row.parts[part];
  const isMoved = row.redistributed.includes(part);
  const value =
    score.value === null
      ? t('people.selection.noData')
      : part === 'attendance'
        ? `${Math.round(score.value * 100)}%`
        : part === 'kpi'
          ? t('people.selection.csatChange', { value: score.value > 0 ? `+${score.value}` : score.value })
          : String(score.value);
  return (
    <Tooltip title={t(`people.selection.partTip.${part}`, { value, count: score.count, weight: score.weight, points: score.points })}>
      <Flex vertical gap={0} data-testid={`selection-part-${part}`}>
        {isMoved ? (
          <Tag color="default" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
            {t('people.selection.moved')}
          </Tag>
        ) : (
          <Typography.Text>{score.mark === null ? '0' : score.mark}</Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('people.selection.weighted', { weight: one(score.weight), points: one(score.points) })}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** The four weights, which must add up to 100, and the shortlist size. */
function WeightsEditor({ weights, onChange, size, onSize, disabled }: { weights: TSelectionWeights; onChange: (weights: TSelectionWeights) => void; size: number; onSize: (size: number) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const sum = SELECTION_PARTS.reduce((total, part) => total + weights[part], 0);
  return (
    <Row gutter={[12, 12]} align="bottom">
      {SELECTION_PARTS.map((part) => (
        <Col key={part} xs={12} md={4}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {t(`people.selection.part.${part}`)}
          </Typography.Text>
          <InputNumber min={0} max={100} precision={0} suffix="%" value={weights[part]} disabled={disabled} onChange={(value) => onChange({ ...weights, [part]: value ?? 0 })} style={{ width: '100%' }} data-testid={`selection-weight-${part}`} />
        </Col>
      ))}
      <Col xs={12} md={4}>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {t('people.selection.sum')}
        </Typography.Text>
        <Typography.Text strong type={sum === 100 ? 'success' : 'danger'} style={{ fontSize: 18 }} data-testid="selection-weight-sum">
          {sum}%
        </Typography.Text>
      </Col>
      <Col xs={12} md={4}>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {t('people.selection.shortlistSize')}
        </Typography.Text>
        <InputNumber min={1} max={50} precision={0} value={size} disabled={disabled} onChange={(value) => onSize(value ?? 1)} style={{ width: '100%' }} data-testid="selection-size" />
      </Col>
    </Row>
  );
}

/** The ranking with its parts; the shortlist stands out, and the leader ticks the chosen among it. */
function RankingTable({ selection, chosen, onChoose, canChoose }: { selection: TSelection; chosen: string[]; onChoose: (ids: string[]) => void; canChoose: boolean }) {
  const { t } = useTranslation();
  const shortlist = new Set(selection.ranking.slice(0, selection.shortlistSize).map((row) => row.user.id));
  const picked = new Set(selection.status === 'confirmed' ? selection.chosen.map((person) => person.id) : chosen);
  return (
    <Table<TSelectionRow>
      rowKey={(row) => row.user.id}
      dataSource={selection.ranking}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      size="middle"
      data-testid="selection-ranking"
      locale={{ emptyText: t('people.selection.noneRanked') }}
      rowClassName={(row) => (shortlist.has(row.user.id) ? 'cd-selection-shortlisted' : '')}
      onRow={(row) => ({ 'data-testid': `selection-row-${row.user.id}`, 'data-name': row.user.displayName, 'data-shortlisted': shortlist.has(row.user.id) ? 'true' : 'false', style: shortlist.has(row.user.id) ? { background: '#f0f8f9' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        ...(canChoose || selection.status === 'confirmed'
          ? [
              {
                title: t('people.selection.choose'),
                key: 'choose',
                width: 70,
                render: (_: unknown, row: TSelectionRow) =>
                  shortlist.has(row.user.id) ? (
                    <Checkbox
                      checked={picked.has(row.user.id)}
                      disabled={!canChoose}
                      onChange={(event) => onChoose(event.target.checked ? [...chosen, row.user.id] : chosen.filter((id) => id !== row.user.id))}
                      data-testid={`selection-choose-${row.user.id}`}
                    />
                  ) : null,
              },
            ]
          : []),
        { title: t('people.selection.rank'), dataIndex: 'rank', width: 60 },
        {
          title: t('people.fields.person'),
          key: 'person',
          render: (_, row) => (
            <Flex vertical gap={0}>
              <Typography.Text strong>
                {row.user.displayName}
                {picked.has(row.user.id) && selection.status === 'confirmed' && <CrownOutlined style={{ color: '#d4a017', marginInlineStart: 6 }} />}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.teams.map((team) => team.name).join('、') || '—'}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('people.selection.score'), key: 'score', width: 90, render: (_, row) => <Typography.Text strong style={{ fontSize: 16, color: '#2f7d8c' }}>{row.score}</Typography.Text> },
        ...SELECTION_PARTS.map((part) => ({ title: t(`people.selection.part.${part}`), key: part, width: 160, render: (_: unknown, row: TSelectionRow) => <PartCell row={row} part={part} /> })),
      ]}
    />
  );
}

/**
 * 优秀学员 (half-yearly excellent-trainee selection): the training group sets the weights and
 * computes the ranking, the top N form the shortlist, the leader ticks the chosen and confirms;
 * certificates are issued and the chosen are told.
 */
export function SelectionPanel({ canCompute, isLeader }: { canCompute: boolean; isLeader: boolean }) {
  const { t } = useTranslation();
  const text = useText();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const halves = useMemo(() => recentHalves(todayInChina()), []);
  const selections = useSelections();
  const [period, setPeriod] = useState(halves[0]!);
  const listed = selections.data?.find((s) => s.period === period);
  const selectionId = params.get('id') ?? listed?.id;
  const selection = useSelection(selectionId);
  const compute = useComputeSelection();
  const confirm = useConfirmSelection();
  const [weights, setWeights] = useState<TSelectionWeights>(DEFAULT_WEIGHTS);
  const [size, setSize] = useState(5);
  const [chosen, setChosen] = useState<string[]>([]);
  const [isConfirming, setIsConfirming] = useState(false);

  // Opening a selection (from a notice's link or the period list) shows its period and settings.
  useEffect(() => {
    if (!selection.data) return;
    setPeriod(selection.data.period);
    setWeights(selection.data.weights);
    setSize(selection.data.shortlistSize);
    setChosen([]);
  }, [selection.data]);

  const choosePeriod = (next: string) => {
    setPeriod(next);
    const existing = selections.data?.find((s) => s.period === next);
    setParams(existing ? { id: existing.id } : {}, { replace: true });
    if (!existing) {
      setWeights(DEFAULT_WEIGHTS);
      setSize(5);
    }
  };

  const current = selection.data && selection.data.period === period ? selection.data : undefined;
  const isConfirmed = current?.status === 'confirmed';
  const sum = SELECTION_PARTS.reduce((total, part) => total + weights[part], 0);
  const run = () =>
    compute.mutate(
      { period, weights, shortlistSize: size },
      {
        onSuccess: (computed) => {
          setParams({ id: computed.id }, { replace: true });
          void message.success(t('people.selection.computed', { count: computed.ranking.length }));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  const submitChoice = () =>
    current &&
    confirm.mutate(
      { id: current.id, chosenUserIds: chosen },
      {
        onSuccess: (done) => {
          setIsConfirming(false);
          void message.success(t('people.selection.confirmedToast', { count: done.chosen.length }));
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  return (
    <Flex vertical gap={16} data-testid="selection-panel">
      <Card variant="borderless" title={t('people.selection.settings')}>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Typography.Text>{t('people.selection.period')}</Typography.Text>
          <Select
            value={period}
            onChange={choosePeriod}
            style={{ width: 220 }}
            options={halves.map((half) => {
              const existing = selections.data?.find((s) => s.period === half);
              return { value: half, label: `${half}${existing ? ` · ${t(`people.selection.status.${existing.status}`)}` : ''}` };
            })}
            data-testid="selection-period"
          />
          {current && (
            <Tag color={isConfirmed ? 'success' : 'processing'} data-testid="selection-status" data-status={current.status}>
              {t(`people.selection.status.${current.status}`)}
            </Tag>
          )}
        </Flex>
        <WeightsEditor weights={weights} onChange={setWeights} size={size} onSize={setSize} disabled={!canCompute || isConfirmed} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
          {t('people.selection.method')}
        </Typography.Paragraph>
        {canCompute && !isConfirmed && (
          <Button type="primary" icon={<CalculatorOutlined />} onClick={run} disabled={sum !== 100} loading={compute.isPending} data-testid="selection-compute">
            {current ? t('people.selection.recompute') : t('people.selection.compute')}
          </Button>
        )}
        {sum !== 100 && !isConfirmed && (
          <Typography.Text type="danger" style={{ marginInlineStart: 12 }}>
            {t('people.selection.sumError', { sum })}
          </Typography.Text>
        )}
      </Card>

      {selection.isFetching && !current && <Skeleton active />}
      {selection.isError && <Alert type="error" showIcon title={errorMessage(selection.error)} />}
      {!current && !selection.isFetching && (
        <Alert type="info" showIcon title={canCompute ? t('people.selection.notYet', { period }) : t('people.selection.notYetLeader', { period })} data-testid="selection-empty" />
      )}
      {current && (
        <Card
          variant="borderless"
          title={
            <Flex gap={8} align="center">
              <SafetyCertificateOutlined style={{ color: '#2f7d8c' }} />
              {text(current.title)}
            </Flex>
          }
          extra={
            isLeader &&
            current.status === 'shortlisted' && (
              <Button type="primary" icon={<CrownOutlined />} disabled={chosen.length === 0} onClick={() => setIsConfirming(true)} data-testid="selection-confirm">
                {t('people.selection.confirm', { count: chosen.length })}
              </Button>
            )
          }
        >
          {isConfirmed ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="selection-chosen"
              title={t('people.selection.confirmedBy', { name: current.confirmedBy?.displayName ?? '—', date: when(current.confirmedAt) })}
              description={
                <Flex vertical gap={2}>
                  {current.chosen.map((person) => (
                    <span key={person.id} data-testid={`selection-chosen-${person.id}`}>
                      {t('people.selection.certificate', { name: person.displayName, code: person.certificateCode ?? '—' })}
                    </span>
                  ))}
                </Flex>
              }
            />
          ) : (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={isLeader ? t('people.selection.leaderHint', { count: Math.min(current.shortlistSize, current.ranking.length) }) : t('people.selection.waitingLeader', { count: Math.min(current.shortlistSize, current.ranking.length) })}
            />
          )}
          <RankingTable selection={current} chosen={chosen} onChoose={setChosen} canChoose={isLeader && current.status === 'shortlisted'} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            {t('people.selection.computedAt', { date: when(current.createdAt), weights: SELECTION_PARTS.map((part) => `${t(`people.selection.part.${part}`)} ${current.weights[part]}%`).join(' · ') })}
          </Typography.Paragraph>
        </Card>
      )}
      {current && (
        <Modal
          open={isConfirming}
          title={t('people.selection.confirmTitle', { title: text(current.title) })}
          onCancel={() => setIsConfirming(false)}
          onOk={submitChoice}
          okText={t('people.selection.confirmOk')}
          okButtonProps={{ loading: confirm.isPending, 'data-testid': 'selection-confirm-ok' } as never}
        >
          <Typography.Paragraph>{t('people.selection.confirmBody')}</Typography.Paragraph>
          <Flex gap={8} wrap>
            {current.ranking
              .filter((row) => chosen.includes(row.user.id))
              .map((row) => (
                <Tag key={row.user.id} color="gold" icon={<CrownOutlined />}>
                  {row.user.displayName}（{row.score}）
                </Tag>
              ))}
          </Flex>
        </Modal>
      )}
    </Flex>
  );
}
