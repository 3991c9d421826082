import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clampMeter, deltaTone, formatDelta, meterBand, meterColor, METERS, type TMeters } from './meter';

const TONE_COLOR = { good: '#389e0d', bad: '#cf1322', neutral: '#8c8c8c' } as const;

/**
 * The customer's mood: anger, trust and patience as coloured bars (0–100) that slide to
 * their new value after every reply, with the last change beside each.
 * @param props.state the meters now
 * @param props.delta the change the last reply made, or null before the first reply
 * @param props.compact three bars side by side without band names (narrow screens, above the chat)
 */
export function MoodMeter({ state, delta, compact = false }: { state: TMeters; delta: TMeters | null; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical={!compact} gap={compact ? 12 : 14} data-testid="roleplay-meters" className={compact ? 'cd-roleplay-meters--compact' : undefined}>
      {METERS.map((meter) => {
        const value = clampMeter(state[meter]);
        const change = delta ? Math.round(delta[meter]) : 0;
        const band = meterBand(meter, value);
        return (
          <div key={meter} data-testid={`roleplay-meter-${meter}`} data-value={value} data-band={band} style={compact ? { flex: 1, minWidth: 0 } : undefined}>
            <Flex justify="space-between" align="baseline" gap={8}>
              <Typography.Text strong>{t(`roleplay.meters.${meter}`)}</Typography.Text>
              <span>
                {delta && change !== 0 && (
                  <span key={`${meter}-${value}`} className="cd-roleplay-delta" style={{ color: TONE_COLOR[deltaTone(meter, change)] }}>
                    {formatDelta(change)}
                  </span>
                )}
                <Typography.Text style={{ fontVariantNumeric: 'tabular-nums', marginInlineStart: 8 }}>{value}</Typography.Text>
              </span>
            </Flex>
            <div
              className="cd-roleplay-meter"
              role="meter"
              aria-label={t(`roleplay.meters.${meter}`)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={value}
              aria-valuetext={`${value} · ${t(`roleplay.meterBands.${meter}.${band}`)}`}
            >
              <div className="cd-roleplay-meter__fill" style={{ width: `${value}%`, background: meterColor(meter, value) }} />
            </div>
            {!compact && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`roleplay.meterBands.${meter}.${band}`)}
              </Typography.Text>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
