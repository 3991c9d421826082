import { Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TScenarioSummary } from '../../api/roleplay';
import { FAMILY_COLOR, isFamily, isTemperament, TEMPERAMENT_COLOR, useRoleplayLabels } from './labels';

/** Difficulty as 1–3 stars, read-only. */
export function Difficulty({ value }: { value: number }) {
  const { t } = useTranslation();
  return (
    <span title={t('roleplay.difficulty', { count: value })} aria-label={t('roleplay.difficulty', { count: value })} style={{ flex: 'none', whiteSpace: 'nowrap' }}>
      <Rate disabled count={3} value={value} style={{ fontSize: 13 }} />
    </span>
  );
}

/** The tags of a scenario: family, temperament, goods, and for authors draft or own. */
export function ScenarioTags({ scenario }: { scenario: Pick<TScenarioSummary, 'family' | 'temperament' | 'goods'> & Partial<Pick<TScenarioSummary, 'source' | 'status'>> }) {
  const { t } = useTranslation();
  const labels = useRoleplayLabels();
  return (
    <span className="cd-roleplay-tags">
      <Tag color={isFamily(scenario.family) ? FAMILY_COLOR[scenario.family] : 'default'}>{labels.family(scenario.family)}</Tag>
      <Tag color={isTemperament(scenario.temperament) ? TEMPERAMENT_COLOR[scenario.temperament] : 'default'}>{labels.temperament(scenario.temperament)}</Tag>
      <Tag>{labels.goods(scenario.goods)}</Tag>
      {scenario.source === 'custom' && <Tag color="cyan">{t('roleplay.source.custom')}</Tag>}
      {scenario.status === 'draft' && <Tag color="warning">{t('roleplay.status.draft')}</Tag>}
    </span>
  );
}
