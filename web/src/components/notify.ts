/** Toasts for the outcome of an action (a failed load is shown in place instead; see QueryError). */
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorMessage } from '../i18n/errorMessage.ts';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'jade', autoClose: 4000 });
}

export function notifyError(t: TFunction, err: unknown): void {
  notifications.show({ title: t('errors.title'), message: errorMessage(t, err), color: 'red', autoClose: 8000 });
}
