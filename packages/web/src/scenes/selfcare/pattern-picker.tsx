import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { BREATHING_PATTERN_IDS, type TBreathingPatternId } from './breathing-patterns';

/**
 * The choice of breathing rhythm, as one row of segments (it wraps on a phone).
 * @param props.value the chosen pattern
 * @param props.onChange called with the new pattern
 */
export function PatternPicker({ value, onChange }: { value: TBreathingPatternId; onChange: (value: TBreathingPatternId) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<TBreathingPatternId>
      block
      value={value}
      onChange={onChange}
      data-testid="pacer-pattern"
      options={BREATHING_PATTERN_IDS.map((id) => ({ value: id, label: <span data-testid={`pacer-pattern-${id}`} title={t(`selfcare.patterns.${id}.name`)}>{t(`selfcare.patterns.${id}.short`)}</span> }))}
    />
  );
}
