import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError, issueField, type TClientErrorCode } from '../api/client';
import { useErrorMessage } from './use-error-message';

/** A message to show on one field when the server answers with a given code. */
export interface TFieldForCode {
  field: string;
  message: string;
}

/**
 * A handler for a failed form submission: field issues go next to their fields, a code the
 * form knows (like CONFLICT on the login field) goes to that field, anything else becomes a
 * toast.
 * @param form the antd form
 * @returns `(err, byCode?) => void`
 */
export function useFormErrorHandler(form: FormInstance) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (err: unknown, byCode: Partial<Record<TClientErrorCode, TFieldForCode | string>> = {}) => {
      const appError = AppError.parseError(err);
      const special = byCode[appError.code];
      if (typeof special === 'string') {
        void message.error(special);
        return;
      }
      if (special) {
        form.setFields([{ name: special.field, errors: [special.message] }]);
        return;
      }
      const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
      const fieldErrors = new Map<string, string[]>();
      const unplaced: string[] = [];
      for (const issue of appError.issues) {
        const field = issueField(issue.path);
        if (field && known.has(field)) {
          fieldErrors.set(field, [...(fieldErrors.get(field) ?? []), t('errors.fieldInvalid', { message: issue.message })]);
        } else {
          unplaced.push(issue.message);
        }
      }
      if (fieldErrors.size > 0) {
        form.setFields([...fieldErrors].map(([name, errors]) => ({ name, errors })));
      }
      if (fieldErrors.size === 0 || unplaced.length > 0) {
        const detail = unplaced.length > 0 ? ` (${unplaced.join('; ')})` : '';
        void message.error(errorMessage(appError) + detail);
      }
    },
    [form, message, t, errorMessage],
  );
}
