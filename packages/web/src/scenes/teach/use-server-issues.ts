import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../api/client';
import { useErrorMessage } from '../../hooks/use-error-message';
import { fieldMatcher, placeIssues } from './issues';

/**
 * A handler for a failed save: each server issue goes beside its field (nested ones too, like
 * `title.en` or `downloads.1.url`), what has no field becomes one toast with the server's words.
 * @param form the antd form
 * @param fields the name paths the form shows errors on (see {@link fieldMatcher}); issues on
 *   other paths go to the nearest one above them, or into the toast
 * @returns `(err) => void`
 */
export function useServerIssues(form: FormInstance, fields: readonly string[]) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return useCallback(
    (err: unknown) => {
      const appError = AppError.parseError(err);
      const placed = placeIssues(appError.issues, fieldMatcher(fields));
      if (placed.fields.length > 0) {
        form.setFields(placed.fields.map((field) => ({ name: field.name, errors: field.errors.map((issue) => t('errors.fieldInvalid', { message: issue })) })));
        const first = placed.fields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }
      if (placed.fields.length === 0 || placed.unplaced.length > 0) {
        // A conflict or a refusal carries the server's reason ("built-in courses cannot be deleted"): show it too.
        const reason = placed.unplaced.length > 0 ? placed.unplaced.join('; ') : appError.code === 'CONFLICT' || appError.code === 'VALIDATION_FAILED' ? appError.message : '';
        void message.error(reason ? `${errorMessage(appError)}（${reason}）` : errorMessage(appError));
      }
    },
    // The field list is a constant of each form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, message, t, errorMessage],
  );
}
