import type { TEvalMetric } from '@calmdesk/shared';
import { Card, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { EvalHeader } from './eval-header';
import { MethodBody } from './method-help';

const GROUPS: { level: 'reaction' | 'learning' | 'behaviour' | 'results'; metrics: TEvalMetric[] }[] = [
  { level: 'reaction', metrics: ['reaction-score', 'reaction-response-rate'] },
  { level: 'learning', metrics: ['exam-average', 'exam-pass-rate', 'roleplay-average'] },
  { level: 'behaviour', metrics: ['qa-score', 'qa-empathy', 'qa-de-escalation', 'qa-missed-escalations'] },
  { level: 'results', metrics: ['kpi-csat', 'kpi-complaint-rate', 'kpi-repurchase-rate', 'kpi-resolution-minutes', 'kpi-escalation-rate', 'kpi-did', 'trained-people'] },
];

/**
 * 计算方法 at /evaluation/methods: every figure of the dashboard with its formula, the tables
 * it reads and its filters; /evaluation/methods#<metric> scrolls to one and marks it.
 */
export default function MethodsPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const target = decodeURIComponent(hash.replace(/^#/, ''));
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [target]);
  return (
    <div data-testid="eval-methods">
      <EvalHeader tab="methods" />
      <Typography.Paragraph type="secondary">{t('evaluation.methods.intro')}</Typography.Paragraph>
      {GROUPS.map((group) => (
        <section key={group.level} style={{ marginBottom: 24 }}>
          <Typography.Title level={4}>{t(`evaluation.methods.groups.${group.level}`)}</Typography.Title>
          <Flex vertical gap={12}>
            {group.metrics.map((metric) => (
              <Card
                key={metric}
                id={metric}
                size="small"
                variant="borderless"
                title={t(`evaluation.methods.items.${metric}.title`)}
                style={{ scrollMarginTop: 80, outline: metric === target ? '2px solid #2f7d8c' : undefined }}
                data-testid={`eval-method-${metric}`}
              >
                <MethodBody metric={metric} />
              </Card>
            ))}
          </Flex>
        </section>
      ))}
    </div>
  );
}
