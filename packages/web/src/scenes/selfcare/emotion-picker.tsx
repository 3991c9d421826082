import { SELFCARE_EMOTIONS, SELFCARE_LIMITS, type TEmotionRating, type TSelfcareEmotion } from '@calmdesk/shared';
import { Flex, Slider, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emotionOf, useLocalText } from './labels';
import './selfcare.css';

const DEFAULT_INTENSITY = 5;

/**
 * Emotion chips to tap, each picked one with its intensity 0–10. In `quick` mode one slider sets
 * every picked emotion's intensity (the phone's fast path); otherwise each has its own slider.
 * @param props.value the picked emotions with their intensities
 * @param props.onChange called with the new list
 * @param props.testId prefix for test ids (`<testId>-<emotion>`, `<testId>-intensity`)
 */
export function EmotionPicker({ value = [], onChange, quick = false, testId = 'emotion' }: { value?: TEmotionRating[]; onChange?: (value: TEmotionRating[]) => void; quick?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const local = useLocalText();
  const picked = new Map(value.map((rating) => [rating.emotion, rating.intensity]));
  const sharedIntensity = value[0]?.intensity ?? DEFAULT_INTENSITY;

  const toggle = (emotion: TSelfcareEmotion) => {
    if (picked.has(emotion)) onChange?.(value.filter((rating) => rating.emotion !== emotion));
    else if (value.length < SELFCARE_LIMITS.emotionsMax) onChange?.([...value, { emotion, intensity: quick ? sharedIntensity : DEFAULT_INTENSITY }]);
  };
  const setIntensity = (emotion: TSelfcareEmotion | null, intensity: number) =>
    onChange?.(value.map((rating) => (emotion === null || rating.emotion === emotion ? { ...rating, intensity } : rating)));

  return (
    <Flex vertical gap={12}>
      <div className="cd-emotion-chips" role="group" aria-label={t('selfcare.emotions.label')}>
        {SELFCARE_EMOTIONS.map((emotion) => (
          <Tag.CheckableTag
            key={emotion.key}
            checked={picked.has(emotion.key)}
            onChange={() => toggle(emotion.key)}
            data-testid={`${testId}-${emotion.key}`}
            style={picked.has(emotion.key) ? { background: emotion.isPleasant ? '#52a67a' : '#2f7d8c' } : { background: emotion.isPleasant ? '#eef7f1' : '#eef4f6' }}
          >
            {local(emotion.label)}
          </Tag.CheckableTag>
        ))}
      </div>
      {quick && value.length > 0 && (
        <Flex align="center" gap={12}>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('selfcare.emotions.intensity')}
          </Typography.Text>
          <div style={{ flex: 1 }} data-testid={`${testId}-intensity`}>
            <Slider min={0} max={SELFCARE_LIMITS.intensityMax} value={sharedIntensity} onChange={(next) => setIntensity(null, next)} aria-label={t('selfcare.emotions.intensity')} />
          </div>
          <Typography.Text strong style={{ minWidth: 20, textAlign: 'end' }}>
            {sharedIntensity}
          </Typography.Text>
        </Flex>
      )}
      {!quick &&
        value.map((rating) => (
          <Flex key={rating.emotion} align="center" gap={12} data-testid={`${testId}-row-${rating.emotion}`}>
            <Typography.Text style={{ minWidth: 72 }}>{local(emotionOf(rating.emotion).label)}</Typography.Text>
            <Slider min={0} max={SELFCARE_LIMITS.intensityMax} value={rating.intensity} onChange={(next) => setIntensity(rating.emotion, next)} style={{ flex: 1 }} aria-label={t('selfcare.emotions.intensityOf', { emotion: local(emotionOf(rating.emotion).label) })} />
            <Typography.Text strong style={{ minWidth: 20, textAlign: 'end' }}>
              {rating.intensity}
            </Typography.Text>
          </Flex>
        ))}
    </Flex>
  );
}

/**
 * Picked emotions as small tags with their intensities ("委屈 7").
 * @param props.ratings the emotions
 */
export function EmotionTags({ ratings }: { ratings: readonly TEmotionRating[] }) {
  const local = useLocalText();
  return (
    <Flex gap={4} wrap>
      {ratings.map((rating) => {
        const emotion = emotionOf(rating.emotion);
        return (
          <Tag key={rating.emotion} color={emotion.isPleasant ? 'green' : 'cyan'} style={{ marginInlineEnd: 0 }}>
            {local(emotion.label)} {rating.intensity}
          </Tag>
        );
      })}
    </Flex>
  );
}
