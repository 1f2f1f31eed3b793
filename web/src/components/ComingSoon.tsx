/** What an area shows until it is built. */
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState.tsx';

export function ComingSoon() {
  const { t } = useTranslation();
  return (
    <EmptyState icon={IconTools} title={t('common.comingSoon')}>
      {t('common.comingSoonBody')}
    </EmptyState>
  );
}
