/** An address inside the app that leads nowhere. */
import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState.tsx';
import { Page } from '../components/Page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <EmptyState icon={IconMapOff} title={t('notFound.title')} action={<Button component={Link} to="/">{t('notFound.home')}</Button>}>
        {t('notFound.body')}
      </EmptyState>
    </Page>
  );
}
