import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useCases, type TCaseSummary } from '../../api/learning';
import { GOODS } from '../roleplay/labels';
import { caseTagCounts, filterCases, type TCaseFilter } from './cases';
import { CASE_KIND_COLOR, CASE_KINDS, useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { SectionError } from './parts';

function CaseCard({ item }: { item: TCaseSummary }) {
  const labels = useLearningLabels();
  const color = CASE_KIND_COLOR[item.kind];
  return (
    <Link to={`/learning/cases/${encodeURIComponent(item.id)}`} data-testid={`learning-case-${item.id}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable variant="borderless" className={`cd-learning-card cd-learning-case-card cd-learning-case-card--${item.kind}`}>
        <Flex gap={6} wrap>
          <Tag color={color}>{labels.kind(item.kind)}</Tag>
          <Tag variant="filled">{labels.goods(item.goods)}</Tag>
        </Flex>
        <Typography.Text strong className="cd-learning-card__title">
          {labels.text(item.title)}
        </Typography.Text>
        <Flex gap={4} wrap>
          {item.tags.map((tag) => (
            <Tag key={tag} variant="filled" className="cd-learning-small-tag">
              {labels.tag(tag)}
            </Tag>
          ))}
        </Flex>
      </Card>
    </Link>
  );
}

/**
 * The case library at /learning/cases: real-life conversations, good, bad and turned around,
 * filtered by kind, tag, goods or words (kept in the address, so "back" keeps the list).
 */
export default function CasesPage() {
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const casesQuery = useCases();
  const [params, setParams] = useSearchParams();
  const filter: TCaseFilter = { kind: params.get('kind') ?? '', tag: params.get('tag') ?? '', goods: params.get('goods') ?? '', q: params.get('q') ?? '' };
  const setFilter = (key: keyof TCaseFilter, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const all = casesQuery.data ?? [];
  const cases = filterCases(all, filter, labels.tag);
  const tags = useMemo(() => caseTagCounts(casesQuery.data ?? []), [casesQuery.data]);
  const goods = useMemo(() => [...new Set((casesQuery.data ?? []).map((item) => item.goods))].sort((a, b) => GOODS.indexOf(a as never) - GOODS.indexOf(b as never)), [casesQuery.data]);
  const isFiltered = Boolean(filter.kind || filter.tag || filter.goods || filter.q);

  return (
    <div data-testid="learning-cases">
      <LearningHeader tab="cases" />
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('learn.cases.intro')}
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          value={filter.kind}
          onChange={(value) => setFilter('kind', String(value))}
          options={[{ value: '', label: t('learn.cases.allKinds') }, ...CASE_KINDS.map((kind) => ({ value: kind, label: <span data-testid={`learning-cases-kind-${kind}`}>{labels.kind(kind)}</span> }))]}
        />
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('learn.cases.search')}
          aria-label={t('learn.cases.search')}
          value={filter.q}
          onChange={(event) => setFilter('q', event.target.value)}
          style={{ width: 220 }}
          data-testid="learning-cases-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('learn.cases.tag')}
          aria-label={t('learn.cases.tag')}
          value={filter.tag || undefined}
          onChange={(value?: string) => setFilter('tag', value)}
          options={tags.map(({ tag, count }) => ({ value: tag, label: `${labels.tag(tag)} (${count})` }))}
          style={{ width: 200 }}
          data-testid="learning-cases-tag"
        />
        <Select
          allowClear
          placeholder={t('learn.cases.goods')}
          aria-label={t('learn.cases.goods')}
          value={filter.goods || undefined}
          onChange={(value?: string) => setFilter('goods', value)}
          options={goods.map((code) => ({ value: code, label: labels.goods(code) }))}
          style={{ width: 140 }}
          data-testid="learning-cases-goods"
        />
        {isFiltered && (
          <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            {t('learn.cases.clear')}
          </Button>
        )}
      </Flex>
      {casesQuery.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : casesQuery.isError ? (
        <SectionError error={casesQuery.error} onRetry={() => void casesQuery.refetch()} />
      ) : cases.length === 0 ? (
        <Empty description={isFiltered ? t('learn.cases.noMatch') : t('learn.cases.empty')} data-testid="learning-cases-empty" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="learning-cases-count">
            {t('learn.cases.count', { count: cases.length })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {cases.map((item) => (
              <Col key={item.id} xs={24} sm={12} xl={8}>
                <CaseCard item={item} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
