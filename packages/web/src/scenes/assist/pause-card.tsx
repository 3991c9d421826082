import { CoffeeOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordAssistPause, type TAssistLoad } from '../../api/assist';
import { useErrorMessage } from '../../hooks/use-error-message';
import { BreathingPacer, type TBreathingPacerSummary } from '../selfcare/breathing-pacer';

/**
 * The gentle pause offer (SPEC §2.5 load awareness): after a run of high-risk conversations,
 * a one-minute breathing pause with the self-care pacer (the quick desk rhythm); when the
 * pacer ends, the pause is recorded, which ends the run. "Later" hides it until the run grows.
 * @param props.load the agent's load as the server last said it
 */
export function PauseCard({ load }: { load: TAssistLoad }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const record = useRecordAssistPause();
  const [isBreathing, setBreathing] = useState(false);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [recorded, setRecorded] = useState<number | null>(null);

  const finish = (summary: TBreathingPacerSummary) => {
    record.mutate(Math.max(1, Math.round(summary.seconds)), {
      onSuccess: () => {
        setBreathing(false);
        setRecorded(summary.seconds);
        void message.success(t('assist.pause.recorded'));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });
  };

  if (recorded !== null && !load.suggestPause) {
    return (
      <Card size="small" className="cd-assist-pause" data-testid="assist-pause-done">
        <Typography.Text>{t('assist.pause.thanks')}</Typography.Text>
      </Card>
    );
  }
  if (!load.suggestPause && !isBreathing) return null;
  if (!isBreathing && dismissedAt !== null && load.highRiskStreak <= dismissedAt) return null;

  return (
    <Card size="small" className="cd-assist-pause" data-testid="assist-pause-card" data-streak={load.highRiskStreak}>
      <Flex gap={12} align="flex-start">
        <CoffeeOutlined className="cd-assist-pause__icon" />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>{t('assist.pause.title')}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
            {t('assist.pause.body', { count: load.highRiskStreak, seconds: load.suggestedPauseSeconds })}
          </Typography.Paragraph>
          {!isBreathing && (
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setBreathing(true)} data-testid="assist-pause-start">
                {t('assist.pause.start')}
              </Button>
              <Button onClick={() => setDismissedAt(load.highRiskStreak)} data-testid="assist-pause-later">
                {t('assist.pause.later')}
              </Button>
            </Flex>
          )}
        </div>
      </Flex>
      {isBreathing && (
        <Flex vertical align="center" gap={4} className="cd-assist-pause__pacer" data-testid="assist-pause-pacer">
          <BreathingPacer pattern="desk" durationSeconds={load.suggestedPauseSeconds} onDone={finish} compact autoStart />
          <Button type="link" size="small" onClick={() => setBreathing(false)} data-testid="assist-pause-cancel">
            {t('assist.pause.cancel')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
