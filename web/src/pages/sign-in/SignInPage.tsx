/**
 * Email and password. Each failure says what happened (wrong credentials, too many attempts, no
 * server); success goes back where the user was headed (?next=), else home.
 */
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSetupStatus, useSignIn } from '../../api/session.ts';
import { safeNext } from '../../app/navigation.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const setup = useSetupStatus();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(next, { replace: true }), onError: () => setPassword('') });
  };

  return (
    <AuthLayout title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form onSubmit={submit} aria-describedby={signIn.isError ? 'sign-in-error' : undefined}>
        <Stack gap="md">
          {setup.data?.needed && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
              {t('signIn.setupNeeded')}
            </Alert>
          )}
          {signIn.isError && (
            <Alert id="sign-in-error" color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-code={(signIn.error as { code?: string }).code}>
              {errorMessage(t, signIn.error)}
            </Alert>
          )}
          <TextInput label={t('signIn.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} data-autofocus autoFocus />
          <PasswordField label={t('signIn.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" size="md" fullWidth loading={signIn.isPending} mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
