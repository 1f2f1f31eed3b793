/**
 * Mantine's PasswordInput with its show/hide toggle named in the interface language and reachable
 * by keyboard (Mantine leaves it out of the tab order by default).
 */
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleFocusable visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} {...props} />;
}
