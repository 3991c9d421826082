import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isImportActive, type TQaImport } from '../../api/qa';
import { useQaLabels } from './labels';
import { importStage, progressPercent, progressStatus } from './progress';

/**
 * An import's bar with its percentage, what it is doing (读取文件 / 逐条分析) and the time left.
 * @param props.item the import
 * @param props.size 'small' in the list, 'large' on the import's own page
 */
export function ImportProgress({ item, size }: { item: TQaImport; size: 'small' | 'large' }) {
  const { t } = useTranslation();
  const labels = useQaLabels();
  const stage = importStage(item);
  const percent = progressPercent(item);
  const eta = item.status === 'running' ? labels.eta(item.secondsLeft) : null;
  const isLarge = size === 'large';
  const isActive = isImportActive(item.status);
  return (
    <div data-testid={isLarge ? 'qa-import-progress' : `qa-import-progress-${item.id}`} data-percent={percent} data-stage={stage}>
      <Progress
        percent={percent}
        status={progressStatus(item.status)}
        // The big bar says 100% when done (antd would show a tick), so the number people watched ends where they expect.
        format={isLarge ? (value) => `${value ?? 0}%` : undefined}
        size={isLarge ? { height: 18 } : 'small'}
        strokeColor={item.status === 'running' || item.status === 'queued' ? '#2f7d8c' : undefined}
        aria-label={t('qa.progress.barLabel', { percent })}
        style={{ margin: 0, minWidth: isLarge ? undefined : 160 }}
      />
      <Flex gap={isLarge ? 16 : 8} wrap align="baseline" style={{ fontSize: isLarge ? 15 : 12 }}>
        {/* In the list the status tag already says how an ended import ended. */}
        {(isLarge || isActive) && (
          <Typography.Text strong={isLarge} type={isLarge ? undefined : 'secondary'} data-testid={isLarge ? 'qa-import-stage' : undefined}>
            {labels.stage(stage)}
          </Typography.Text>
        )}
        {item.status === 'running' && (
          <Typography.Text type="secondary" data-testid={isLarge ? 'qa-import-eta' : undefined}>
            {eta === null ? t('qa.eta.estimating') : t('qa.eta.left', { eta })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
