import { describe, expect, it } from 'vitest';
import { formToSettings, RETENTION_DEFAULT_DAYS, settingsToForm, settingsWarnings } from './settings-form';

const SAVED = { isMaskingEnabled: true, retentionDays: 365, coachingThreshold: 60 };

describe('settings form', () => {
  it('shows "keep forever" as deletion switched off, with a year offered for when it is switched on', () => {
    expect(settingsToForm({ ...SAVED, retentionDays: null })).toEqual({ isMaskingEnabled: true, isRetentionEnabled: false, retentionDays: RETENTION_DEFAULT_DAYS, coachingThreshold: 60 });
    expect(settingsToForm(SAVED)).toEqual({ isMaskingEnabled: true, isRetentionEnabled: true, retentionDays: 365, coachingThreshold: 60 });
  });

  it('sends null days when deletion is off, whatever number is in the box', () => {
    expect(formToSettings({ isMaskingEnabled: false, isRetentionEnabled: false, retentionDays: 90, coachingThreshold: 70 })).toEqual({ isMaskingEnabled: false, retentionDays: null, coachingThreshold: 70 });
  });

  it('round-trips the saved settings', () => {
    for (const settings of [SAVED, { ...SAVED, retentionDays: null }, { isMaskingEnabled: false, retentionDays: 30, coachingThreshold: 0 }]) {
      expect(formToSettings(settingsToForm(settings))).toEqual(settings);
    }
  });
});

describe('settingsWarnings', () => {
  it.each([
    { change: 'nothing', after: SAVED, expected: [] },
    { change: 'masking off', after: { ...SAVED, isMaskingEnabled: false }, expected: ['maskingOff'] },
    { change: 'a shorter retention', after: { ...SAVED, retentionDays: 90 }, expected: ['retentionShorter'] },
    { change: 'a longer retention', after: { ...SAVED, retentionDays: 730 }, expected: [] },
    { change: 'keeping forever', after: { ...SAVED, retentionDays: null }, expected: [] },
    { change: 'masking off and a shorter retention', after: { isMaskingEnabled: false, retentionDays: 30, coachingThreshold: 50 }, expected: ['maskingOff', 'retentionShorter'] },
  ])('warns about $change: $expected', ({ after, expected }) => {
    expect(settingsWarnings(SAVED, after)).toEqual(expected);
  });

  it('warns when deletion starts where conversations were kept forever, and not when masking goes back on', () => {
    expect(settingsWarnings({ ...SAVED, retentionDays: null }, { ...SAVED, retentionDays: 3650 })).toEqual(['retentionShorter']);
    expect(settingsWarnings({ ...SAVED, isMaskingEnabled: false }, SAVED)).toEqual([]);
  });
});
