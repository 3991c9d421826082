import { describe, expect, it } from 'vitest';
import { checkImportFile, etaOf, formatBytes, importStage, progressPercent, progressStatus } from './progress';

const running = { status: 'running' as const, phase: 'staging' as const, isCancelRequested: false };

describe('importStage', () => {
  it.each([
    { whenInputIs: running, expectedOutputIs: 'staging' },
    { whenInputIs: { ...running, phase: 'analysing' as const }, expectedOutputIs: 'analysing' },
    { whenInputIs: { ...running, phase: null }, expectedOutputIs: 'staging' },
    { whenInputIs: { status: 'queued' as const, phase: null, isCancelRequested: false }, expectedOutputIs: 'queued' },
    { whenInputIs: { ...running, isCancelRequested: true }, expectedOutputIs: 'stopping' },
    { whenInputIs: { status: 'done' as const, phase: 'analysing' as const, isCancelRequested: false }, expectedOutputIs: 'done' },
    { whenInputIs: { status: 'cancelled' as const, phase: 'staging' as const, isCancelRequested: true }, expectedOutputIs: 'cancelled' },
    { whenInputIs: { status: 'uploaded' as const, phase: null, isCancelRequested: false }, expectedOutputIs: 'uploaded' },
  ])('$whenInputIs.status/$whenInputIs.phase → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(importStage(whenInputIs)).toBe(expectedOutputIs);
  });
});

describe('progressPercent', () => {
  it.each([
    { whenInputIs: { status: 'running' as const, progress: 0 }, expectedOutputIs: 0 },
    { whenInputIs: { status: 'running' as const, progress: 0.4 }, expectedOutputIs: 40 },
    { whenInputIs: { status: 'running' as const, progress: 0.677 }, expectedOutputIs: 67 },
    { whenInputIs: { status: 'running' as const, progress: 0.999 }, expectedOutputIs: 99 },
    { whenInputIs: { status: 'running' as const, progress: 1 }, expectedOutputIs: 99 },
    { whenInputIs: { status: 'done' as const, progress: 0.97 }, expectedOutputIs: 100 },
    { whenInputIs: { status: 'failed' as const, progress: Number.NaN }, expectedOutputIs: 0 },
    { whenInputIs: { status: 'running' as const, progress: -0.2 }, expectedOutputIs: 0 },
  ])('$whenInputIs → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(progressPercent(whenInputIs)).toBe(expectedOutputIs);
  });

  it('moves the bar while running and fills it when done', () => {
    expect(progressStatus('running')).toBe('active');
    expect(progressStatus('queued')).toBe('active');
    expect(progressStatus('done')).toBe('success');
    expect(progressStatus('failed')).toBe('exception');
    expect(progressStatus('cancelled')).toBe('normal');
  });
});

describe('etaOf', () => {
  it.each([
    { whenInputIs: null, expectedOutputIs: null },
    { whenInputIs: -5, expectedOutputIs: null },
    { whenInputIs: 0, expectedOutputIs: { unit: 'lessThanMinute' } },
    { whenInputIs: 59, expectedOutputIs: { unit: 'lessThanMinute' } },
    { whenInputIs: 60, expectedOutputIs: { unit: 'minutes', minutes: 1 } },
    { whenInputIs: 100, expectedOutputIs: { unit: 'minutes', minutes: 2 } },
    { whenInputIs: 3599, expectedOutputIs: { unit: 'minutes', minutes: 60 } },
    { whenInputIs: 3600, expectedOutputIs: { unit: 'hours', hours: 1, minutes: 0 } },
    { whenInputIs: 3900, expectedOutputIs: { unit: 'hours', hours: 1, minutes: 5 } },
    { whenInputIs: 3901, expectedOutputIs: { unit: 'hours', hours: 1, minutes: 10 } },
    { whenInputIs: 7199, expectedOutputIs: { unit: 'hours', hours: 2, minutes: 0 } },
  ])('$whenInputIs s → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(etaOf(whenInputIs)).toEqual(expectedOutputIs);
  });
});

describe('formatBytes', () => {
  it.each([
    { whenInputIs: 0, expectedOutputIs: '0 B' },
    { whenInputIs: 812, expectedOutputIs: '812 B' },
    { whenInputIs: 21_943, expectedOutputIs: '21.4 KB' },
    { whenInputIs: 180 * 1024 * 1024, expectedOutputIs: '180 MB' },
    { whenInputIs: 1.2 * 1024 ** 3, expectedOutputIs: '1.2 GB' },
    { whenInputIs: Number.NaN, expectedOutputIs: '—' },
  ])('$whenInputIs → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(formatBytes(whenInputIs)).toBe(expectedOutputIs);
  });
});

describe('checkImportFile', () => {
  const extensions = ['.csv', '.json', '.jsonl', '.xlsx'];
  it.each([
    { whenInputIs: { name: '千牛聊天记录.CSV', size: 10 }, expectedOutputIs: null },
    { whenInputIs: { name: 'export.xlsx', size: 1024 }, expectedOutputIs: null },
    { whenInputIs: { name: 'export.xls', size: 1024 }, expectedOutputIs: 'type' },
    { whenInputIs: { name: 'README', size: 1024 }, expectedOutputIs: 'type' },
    { whenInputIs: { name: 'a.csv', size: 0 }, expectedOutputIs: 'empty' },
    { whenInputIs: { name: 'a.jsonl', size: 2048 }, expectedOutputIs: 'size' },
  ])('$whenInputIs.name ($whenInputIs.size B) → $expectedOutputIs', ({ whenInputIs, expectedOutputIs }) => {
    expect(checkImportFile(whenInputIs, extensions, 1024)).toBe(expectedOutputIs);
  });
});
