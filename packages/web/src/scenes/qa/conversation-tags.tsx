import { CheckCircleFilled } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQaLabels } from './labels';
import { SCORE_TAG_COLOR, scoreBand } from './score';

/** A quality score as a coloured tag: green from 80, gold 60–79, red under 60 (the coaching line). */
export function ScoreTag({ score, testId }: { score: number | null; testId?: string }) {
  const { t } = useTranslation();
  const band = scoreBand(score);
  return (
    <Tag color={SCORE_TAG_COLOR[band]} style={{ marginInlineEnd: 0, minWidth: 40, textAlign: 'center', fontWeight: 600 }} data-testid={testId} data-band={band}>
      {score === null ? t('qa.conversations.noScore') : score}
    </Tag>
  );
}

/** The coaching flags of a conversation (低分, 漏升级, 禁忌用语). */
export function FlagTags({ flags }: { flags: readonly string[] }) {
  const { t } = useTranslation();
  const labels = useQaLabels();
  if (flags.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={flag === 'missed_escalation' ? 'red' : flag === 'avoid_language' ? 'volcano' : 'gold'} style={{ marginInlineEnd: 4 }}>
          {labels.flag(flag)}
        </Tag>
      ))}
    </>
  );
}

/** High risk reached, and whether its escalation was missed. */
export function RiskTags({ hadHighRisk, isEscalationMissed }: { hadHighRisk: boolean; isEscalationMissed: boolean }) {
  const { t } = useTranslation();
  if (!hadHighRisk) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <>
      <Tag color="orange" style={{ marginInlineEnd: 4 }}>
        {t('qa.conversations.highRisk')}
      </Tag>
      {isEscalationMissed && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('qa.conversations.missed')}
        </Tag>
      )}
    </>
  );
}

/** ✓ when the customer ended calmer than they started (or stayed calm). */
export function DeEscalatedMark({ isDeEscalated }: { isDeEscalated: boolean }) {
  const { t } = useTranslation();
  return isDeEscalated ? (
    <CheckCircleFilled style={{ color: '#389e0d', fontSize: 16 }} aria-label={t('qa.conversations.deEscalated')} />
  ) : (
    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  );
}
