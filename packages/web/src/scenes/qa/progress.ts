import type { TQaImport, TQaImportStatus } from '../../api/qa';

/**
 * How an import's progress is shown: the bar's percentage, the stage in words, the time
 * left. The server sends `progress` 0–1 (reading the file is the first 40 %, analysing the
 * rest), `phase` and `secondsLeft`; these turn them into what a person reads.
 */

/** What the import is doing now, as the page names it (qa.stage.* in the resource files). */
export type TImportStage = 'uploading' | 'uploaded' | 'queued' | 'staging' | 'analysing' | 'stopping' | 'done' | 'failed' | 'cancelled';

/**
 * The stage of an import.
 * @param item status, phase and whether a cancel was asked for
 * @returns 'staging' (读取文件) or 'analysing' (逐条分析) while running, 'stopping' after a cancel
 *   request until the worker stops, else the status itself
 */
export function importStage(item: Pick<TQaImport, 'status' | 'phase' | 'isCancelRequested'>): TImportStage {
  if (item.status === 'running' || item.status === 'queued') {
    if (item.isCancelRequested) return 'stopping';
    if (item.status === 'queued') return 'queued';
    return item.phase === 'analysing' ? 'analysing' : 'staging';
  }
  return item.status;
}

/**
 * The bar's whole percentage. 100 only when the import is done: a running import whose
 * figures round up to 100 still has its last batch to commit.
 * @param item status and progress (0–1)
 * @returns 0..100
 */
export function progressPercent(item: Pick<TQaImport, 'status' | 'progress'>): number {
  if (item.status === 'done') return 100;
  if (!Number.isFinite(item.progress)) return 0;
  return Math.max(0, Math.min(99, Math.floor(item.progress * 100)));
}

/** antd Progress status of an import's bar. */
export function progressStatus(status: TQaImportStatus): 'active' | 'success' | 'exception' | 'normal' {
  if (status === 'done') return 'success';
  if (status === 'failed') return 'exception';
  if (status === 'running' || status === 'queued') return 'active';
  return 'normal';
}

/** Tag colour of each status. */
export const IMPORT_STATUS_COLOR: Record<TQaImportStatus, string> = {
  uploading: 'default',
  uploaded: 'default',
  queued: 'processing',
  running: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/** Time left as the page says it: "不到 1 分钟", "约 2 分钟", "约 1 小时 5 分钟". */
export type TEta = { unit: 'lessThanMinute' } | { unit: 'minutes'; minutes: number } | { unit: 'hours'; hours: number; minutes: number };

/**
 * Rounds the server's estimate to what is worth saying. Minutes round up: "about 2 minutes"
 * that end after 1 min 40 s please, the reverse annoys. Over an hour, to the next 5 minutes.
 * @param secondsLeft the server's estimate; null before it has a pace to go by
 * @returns the rounded time, or null when there is no estimate
 */
export function etaOf(secondsLeft: number | null): TEta | null {
  if (secondsLeft === null || !Number.isFinite(secondsLeft) || secondsLeft < 0) return null;
  if (secondsLeft < 60) return { unit: 'lessThanMinute' };
  if (secondsLeft < 3600) return { unit: 'minutes', minutes: Math.ceil(secondsLeft / 60) };
  const totalMinutes = Math.ceil(secondsLeft / 300) * 5;
  return { unit: 'hours', hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/**
 * A file size for people: 812 B, 21.4 KB, 180 MB, 1.2 GB.
 * @param bytes the size
 * @returns the text
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Whether a file may be sent at all: the extensions the server reads, up to its size limit.
 * Checked before the upload so a 2 GB mistake is refused at once, not after minutes.
 * @param file name and size
 * @param extensions accepted extensions with the dot, lower case
 * @param maxBytes the limit
 * @returns null when fine, else why not
 */
export function checkImportFile(file: { name: string; size: number }, extensions: readonly string[], maxBytes: number): 'type' | 'size' | 'empty' | null {
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  if (!extensions.includes(extension)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}
