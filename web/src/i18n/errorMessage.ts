/** What to tell a person about a failed call: the translation of its stable code, else the server's words. */
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { i18n } from './index.ts';

export function errorMessage(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `errors.${err.code}`;
    // Validation messages name the field at fault; worth showing even in English.
    if (err.code === 'invalid_body' && err.message) return `${t('errors.invalid_body')} (${err.message})`;
    if (i18n.exists(key)) return t(key as 'errors.generic');
    return err.message || t('errors.generic');
  }
  return t('errors.generic');
}
