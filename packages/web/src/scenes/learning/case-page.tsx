import { Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCase } from '../../api/learning';
import { CASE_KIND_COLOR, useLearningLabels } from './labels';
import { LearningHeader } from './learning-header';
import { BackLink, LoadFailure } from './parts';
import { RichText } from './rich-text';

/**
 * A case at /learning/cases/:caseId: background, the conversation drawn as chat bubbles,
 * the analysis and the key points, from the case's Markdown (rendered safely).
 */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLearningLabels();
  const caseQuery = useCase(caseId);

  let body;
  if (caseQuery.isPending) body = <Skeleton active paragraph={{ rows: 12 }} />;
  else if (caseQuery.isError) body = <LoadFailure error={caseQuery.error} backTo="/learning/cases" backLabel={t('learn.cases.backToCases')} onRetry={() => void caseQuery.refetch()} />;
  else {
    const item = caseQuery.data;
    body = (
      <div data-testid="learning-case" data-kind={item.kind}>
        <div className="cd-page-header">
          <BackLink to="/learning/cases">{t('learn.cases.backToCases')}</BackLink>
          <Typography.Title level={2} className="cd-learning-lesson-title" data-testid="learning-case-title">
            {labels.text(item.title)}
          </Typography.Title>
          <Flex gap={6} wrap>
            <Tag color={CASE_KIND_COLOR[item.kind]} data-testid="learning-case-kind">
              {labels.kind(item.kind)}
            </Tag>
            <Link to={`/learning/cases?goods=${encodeURIComponent(item.goods)}`}>
              <Tag variant="filled">{labels.goods(item.goods)}</Tag>
            </Link>
            {item.tags.map((tag) => (
              <Link key={tag} to={`/learning/cases?tag=${encodeURIComponent(tag)}`}>
                <Tag variant="filled">{labels.tag(tag)}</Tag>
              </Link>
            ))}
          </Flex>
        </div>
        <Card variant="borderless" className="cd-learning-lesson cd-learning-lesson__body">
          <RichText testId="learning-case-body">{item.bodyMd}</RichText>
        </Card>
      </div>
    );
  }
  return (
    <>
      <LearningHeader tab="cases" />
      {body}
    </>
  );
}
