import { Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pacerAt, PACER_TOTAL_MS } from './pacer';

const PHASE_COLOR = { ready: '#8fb8c0', inhale: '#2f7d8c', hold: '#5ea0be', exhale: '#7fbf9f', done: '#8fb8c0' } as const;

/**
 * The one-minute breathing pacer: a circle that grows as you breathe in (4 s), stays (2 s)
 * and shrinks as you breathe out (6 s), after a count of three, with the seconds left.
 * Opened when the trainee asks the customer for a short pause, the moment to use it.
 * @param props.open whether it shows; opening restarts the minute
 * @param props.onClose called by the close button, Esc, or the "done" button
 */
export function PacerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState(0);

  useEffect(() => {
    if (!open) return;
    const startedAt = performance.now();
    setElapsed(0);
    const timer = window.setInterval(() => {
      const now = performance.now() - startedAt;
      setElapsed(now);
      if (now >= PACER_TOTAL_MS) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [open]);

  const state = pacerAt(elapsed);
  const isDone = state.phase === 'done';
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('roleplay.pacer.title')}
      footer={
        <Button type={isDone ? 'primary' : 'default'} onClick={onClose} data-testid="roleplay-pacer-close">
          {isDone ? t('roleplay.pacer.finish') : t('roleplay.pacer.close')}
        </Button>
      }
      destroyOnHidden
      width={420}
    >
      <Flex vertical align="center" gap={12} data-testid="roleplay-pacer" data-phase={state.phase}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, textAlign: 'center' }}>
          {t('roleplay.pacer.intro')}
        </Typography.Paragraph>
        <div className="cd-pacer">
          <div className="cd-pacer__ring" />
          <div className="cd-pacer__circle" style={{ transform: `scale(${state.scale})`, background: PHASE_COLOR[state.phase] }} />
          <div className="cd-pacer__label" aria-live="polite">
            <div className="cd-pacer__phase">{t(`roleplay.pacer.phases.${state.phase}`)}</div>
            {!isDone && <div className="cd-pacer__count">{state.phaseSecondsLeft}</div>}
          </div>
        </div>
        <Typography.Text type="secondary" data-testid="roleplay-pacer-left">
          {isDone ? t('roleplay.pacer.doneNote') : t('roleplay.pacer.left', { count: state.totalSecondsLeft })}
        </Typography.Text>
      </Flex>
    </Modal>
  );
}
