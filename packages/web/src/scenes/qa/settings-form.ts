import type { TQaSettings } from '../../api/qa';

/**
 * The QA settings form: the API keeps "keep conversations forever" as retentionDays null; the
 * form shows it as a switch with the days beside it, so turning deletion off and on again
 * remembers the number typed. Also which changes need a second confirmation before saving.
 */

/** The server's bounds (ZQaSettings). */
export const RETENTION_MIN_DAYS = 7;
export const RETENTION_MAX_DAYS = 3650;
/** Offered when deletion is switched on with no number yet: a year, as many shops keep chat logs. */
export const RETENTION_DEFAULT_DAYS = 365;

export interface TSettingsForm {
  isMaskingEnabled: boolean;
  isRetentionEnabled: boolean;
  retentionDays: number;
  coachingThreshold: number;
}

/**
 * @param settings GET /api/qa/settings
 * @returns the form's values
 */
export function settingsToForm(settings: TQaSettings): TSettingsForm {
  return {
    isMaskingEnabled: settings.isMaskingEnabled,
    isRetentionEnabled: settings.retentionDays !== null,
    retentionDays: settings.retentionDays ?? RETENTION_DEFAULT_DAYS,
    coachingThreshold: settings.coachingThreshold,
  };
}

/**
 * @param form the form's values
 * @returns PUT /api/qa/settings body
 */
export function formToSettings(form: TSettingsForm): TQaSettings {
  return {
    isMaskingEnabled: form.isMaskingEnabled,
    retentionDays: form.isRetentionEnabled ? Math.round(form.retentionDays) : null,
    coachingThreshold: Math.round(form.coachingThreshold),
  };
}

/** A change that loses something: originals stored from now on, or conversations deleted sooner. */
export type TSettingsWarning = 'maskingOff' | 'retentionShorter';

/**
 * The changes that deserve a confirmation: turning masking off (new imports keep the personal
 * data) and starting or shortening deletion (older conversations go at the next run, for good).
 * @param before the saved settings
 * @param after what is about to be saved
 * @returns the warnings, in the order the dialog lists them
 */
export function settingsWarnings(before: TQaSettings, after: TQaSettings): TSettingsWarning[] {
  const warnings: TSettingsWarning[] = [];
  if (before.isMaskingEnabled && !after.isMaskingEnabled) warnings.push('maskingOff');
  if (after.retentionDays !== null && (before.retentionDays === null || after.retentionDays < before.retentionDays)) warnings.push('retentionShorter');
  return warnings;
}
