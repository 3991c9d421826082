import { LIMITS } from '@calmdesk/shared';
import type { TFunction } from 'i18next';

/** Form rules shared by the profile and admin forms, using the limits the server applies. */

type TTranslate = TFunction;

/**
 * Rules for a new password: the same length limits the server applies.
 * @param t translate function
 * @returns antd form rules
 */
export function passwordRules(t: TTranslate) {
  return [
    { required: true, message: t('validation.required') },
    { min: LIMITS.passwordMin, message: t('validation.minLength', { count: LIMITS.passwordMin }) },
    { max: LIMITS.passwordMax, message: t('validation.maxLength', { count: LIMITS.passwordMax }) },
  ];
}

/**
 * Rules for a "type it again" field that must equal another field.
 * @param t translate function
 * @param otherField the field it must match
 * @returns antd form rules
 */
export function confirmRules(t: TTranslate, otherField: string) {
  return [
    { required: true, message: t('validation.required') },
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_: unknown, value: unknown) =>
        !value || getFieldValue(otherField) === value ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordMismatch'))),
    }),
  ];
}
