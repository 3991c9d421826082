import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, issueField } from '../../api/client';
import { useErrorMessage } from '../../hooks/use-error-message';

export type TAnalysisField = 'text' | 'context' | 'customer';

export interface TAnalysisErrorView {
  /** Messages to show under a field of this panel, by field. */
  fields: Partial<Record<TAnalysisField, string>>;
  /** A sentence for the panel as a whole, or null. */
  alert: string | null;
}

const NO_ERROR: TAnalysisErrorView = { fields: {}, alert: null };

/**
 * How a failed analysis call is shown in its panel: a 400 names the field that was wrong
 * (shown under that field when the panel has it), a 429 says to slow down, anything else
 * gets the app's usual sentence.
 * @param err the mutation's error, or null
 * @param panelFields fields this panel shows
 * @returns messages by field and one for the panel
 */
export function useAnalysisError(err: unknown, panelFields: readonly TAnalysisField[]): TAnalysisErrorView {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const fieldsKey = panelFields.join();
  return useMemo(() => {
    if (!err) return NO_ERROR;
    const appError = AppError.parseError(err);
    if (appError.code === 'RATE_LIMITED') {
      const wait = appError.retryAfterSeconds ? ` ${t('analyzer.errors.retryAfterSeconds', { count: appError.retryAfterSeconds })}` : '';
      return { fields: {}, alert: t('analyzer.errors.rateLimited') + wait };
    }
    if (appError.issues.length === 0) return { fields: {}, alert: errorMessage(appError) };

    const known = new Set(fieldsKey.split(','));
    const fields: Partial<Record<TAnalysisField, string>> = {};
    const unplaced: string[] = [];
    for (const issue of appError.issues) {
      const field = issueField(issue.path);
      if (known.has(field)) {
        const key = field as TAnalysisField;
        const line = t('errors.fieldInvalid', { message: issue.message });
        fields[key] = fields[key] ? `${fields[key]} ${line}` : line;
      } else {
        const label = field === 'text' || field === 'context' || field === 'customer' ? t(`analyzer.fields.${field}`) : field;
        unplaced.push(label ? `${label}: ${issue.message}` : issue.message);
      }
    }
    const alert = unplaced.length > 0 ? `${errorMessage(appError)} (${unplaced.join('; ')})` : null;
    return { fields, alert };
  }, [err, fieldsKey, t, errorMessage]);
}
