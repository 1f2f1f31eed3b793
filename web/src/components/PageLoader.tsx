/** A page's content is on its way (inside the shell, so the navigation stays usable). */
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py={96} role="status" aria-label={t('common.loading')}>
      <Loader size="md" />
    </Center>
  );
}
