/**
 * The first account, from the one-time link Cartback prints at start (/setup?token=...). Once
 * anyone has an account this page only points to sign-in.
 */
import { Alert, Button, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSession, useSetupStatus } from '../../api/session.ts';
import { FullPageLoader } from '../../components/FullPageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { SetupForm } from './SetupForm.tsx';

export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  const status = useSetupStatus();

  if (session.data) return <Navigate to="/" replace />;
  if (status.isPending) return <FullPageLoader />;
  if (status.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} fullPage />;

  if (!status.data.needed) {
    return (
      <AuthLayout title={t('setup.doneTitle')}>
        <Stack gap="lg">
          <Alert color="jade" variant="light" icon={<IconCircleCheck size={18} />}>
            {t('setup.doneBody')}
          </Alert>
          <Button component={Link} to="/sign-in" size="md" fullWidth>
            {t('setup.toSignIn')}
          </Button>
        </Stack>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <SetupForm initialToken={params.get('token') ?? ''} />
    </AuthLayout>
  );
}
