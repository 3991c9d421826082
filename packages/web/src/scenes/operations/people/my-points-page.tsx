import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyPoints, type TPointEntry } from '../../../api/people';
import { useErrorMessage } from '../../../hooks/use-error-message';
import { MyHeader } from '../ops-header';
import { EntrySource, PointsValue, when } from './labels';

/** 积分 at /my/points: my balance, this year's points, how points are earned, and every entry. */
export default function MyPointsPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const points = useMyPoints();
  return (
    <div data-testid="my-points-page">
      <MyHeader tab="points" />
      {points.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {points.isError && <Alert type="error" showIcon title={errorMessage(points.error)} />}
      {points.data && (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card variant="borderless">
                <Statistic title={t('people.myPoints.balance')} value={points.data.balance} prefix={<TrophyOutlined style={{ color: '#d4a017' }} />} styles={{ content: { color: '#2f7d8c' } }} data-testid="my-points-balance" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card variant="borderless">
                <Statistic title={t('people.myPoints.thisYear')} value={points.data.thisYear} data-testid="my-points-year" />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card variant="borderless" size="small" title={t('people.myPoints.howTo')} data-testid="my-points-rules">
                <Flex vertical gap={4}>
                  {points.data.rules
                    .filter((rule) => rule.isEnabled)
                    .map((rule) => (
                      <Flex key={rule.key} justify="space-between" gap={8}>
                        <Typography.Text style={{ fontSize: 13 }}>{t(`people.myPoints.earn.${rule.key}`, { threshold: rule.threshold ?? 0 })}</Typography.Text>
                        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
                          +{rule.points}
                        </Tag>
                      </Flex>
                    ))}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('people.myPoints.manualNote')}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          </Row>
          <Card variant="borderless" title={t('people.myPoints.history')}>
            <Table<TPointEntry>
              rowKey="id"
              dataSource={points.data.entries}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              size="middle"
              data-testid="my-points-history"
              locale={{ emptyText: t('people.myPoints.empty') }}
              onRow={(entry) => ({ 'data-testid': `my-points-entry-${entry.id}`, 'data-rule': entry.ruleKey ?? 'manual' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('people.points.date'), key: 'date', width: 150, render: (_, entry) => when(entry.createdAt) },
                { title: t('people.points.source'), key: 'source', width: 170, render: (_, entry) => <EntrySource entry={entry} /> },
                { title: t('people.points.reason'), dataIndex: 'reason' },
                { title: t('people.points.points'), key: 'points', width: 90, align: 'right', render: (_, entry) => <PointsValue points={entry.points} /> },
              ]}
            />
          </Card>
        </Flex>
      )}
    </div>
  );
}
