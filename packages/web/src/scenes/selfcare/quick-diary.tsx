import { SELFCARE_LIMITS, type TEmotionRating } from '@calmdesk/shared';
import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSaveSelfcareEntry } from '../../api/selfcare';
import { useErrorMessage } from '../../hooks/use-error-message';
import { EmotionPicker } from './emotion-picker';

/**
 * The quick diary entry at the top of the overview: tap an emotion or two, slide the intensity,
 * optionally one line, save. Under 20 seconds on a phone; the full form is one link away.
 */
export function QuickDiary() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const save = useSaveSelfcareEntry();
  const [emotions, setEmotions] = useState<TEmotionRating[]>([]);
  const [event, setEvent] = useState('');

  const onSave = () =>
    save.mutate(
      { entry: { kind: 'diary', body: { emotions, event: event.trim() } } },
      {
        onSuccess: () => {
          void message.success(t('selfcare.quick.saved'));
          setEmotions([]);
          setEvent('');
        },
        onError: (err) => void message.error(errorMessage(err)),
      },
    );

  return (
    <Card variant="borderless" title={t('selfcare.quick.title')} extra={<Link to="/selfcare/diary?new=1">{t('selfcare.quick.full')}</Link>} data-testid="quick-diary">
      <Flex vertical gap={12}>
        <EmotionPicker quick value={emotions} onChange={setEmotions} testId="quick-emotion" />
        <Input
          value={event}
          onChange={(e) => setEvent(e.target.value)}
          maxLength={SELFCARE_LIMITS.eventMax}
          placeholder={t('selfcare.quick.eventPlaceholder')}
          aria-label={t('selfcare.quick.eventPlaceholder')}
          data-testid="quick-event"
          onPressEnter={() => emotions.length > 0 && onSave()}
        />
        <Flex align="center" justify="space-between" gap={8} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {emotions.length === 0 ? t('selfcare.quick.pickFirst') : t('selfcare.quick.ready')}
          </Typography.Text>
          <Button type="primary" onClick={onSave} disabled={emotions.length === 0} loading={save.isPending} data-testid="quick-save">
            {t('selfcare.quick.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
