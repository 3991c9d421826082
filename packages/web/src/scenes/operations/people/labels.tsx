import type { TPersonRecord, TSuggestion } from '@calmdesk/shared';
import { Flex, Progress, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TPointEntry } from '../../../api/people';

/** Small shared pieces of the people pages: tags, dates, bilingual text. */

export const DATE = 'YYYY-MM-DD';
export const when = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');
export const day = (at: string | null | undefined) => (at ? dayjs(at).format(DATE) : '—');

/** Picks the reader's language from a { zh, en } text. */
export function useText() {
  const { i18n } = useTranslation();
  return (text: { zh: string; en: string } | null | undefined) => (text ? (i18n.language === 'en' ? text.en || text.zh : text.zh) : '—');
}

const RECORD_COLOURS: Record<TPersonRecord['kind'], string> = { warning: 'gold', deduction: 'volcano', retraining: 'blue', discipline: 'red' };

export function RecordKindTag({ kind }: { kind: TPersonRecord['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={RECORD_COLOURS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`people.records.kind.${kind}`)}
    </Tag>
  );
}

const SUGGESTION_COLOURS: Record<TSuggestion['status'], string> = { submitted: 'processing', adopted: 'success', declined: 'default' };

export function SuggestionStatusTag({ status }: { status: TSuggestion['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SUGGESTION_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid={`suggestion-status-${status}`}>
      {t(`people.suggestions.status.${status}`)}
    </Tag>
  );
}

/** Points with their sign, green for gains and red for deductions. */
export function PointsValue({ points }: { points: number }) {
  return <span style={{ color: points > 0 ? '#2f7d8c' : points < 0 ? '#c0392b' : undefined, fontWeight: 600, whiteSpace: 'nowrap' }}>{points > 0 ? `+${points}` : points}</span>;
}

/** Where a ledger entry came from: the rule's name, or "manual" and who wrote it. */
export function EntrySource({ entry }: { entry: TPointEntry }) {
  const { t } = useTranslation();
  return entry.ruleKey ? (
    <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
      {t(`people.points.rule.${entry.ruleKey}`)}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{t('people.points.manualBy', { name: entry.createdBy?.displayName ?? '—' })}</Tag>
  );
}

/** Tasks ticked out of all, as a slim bar. */
export function TaskProgress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={0} style={{ minWidth: 120 }}>
      <Progress percent={total === 0 ? 0 : Math.round((100 * done) / total)} showInfo={false} size="small" strokeColor="#2f7d8c" style={{ margin: 0 }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('people.mentoring.tasksDone', { done, total })}
      </Typography.Text>
    </Flex>
  );
}
