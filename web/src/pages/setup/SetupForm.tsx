/** Name, email and a password twice; the token comes from the link (asked for only when missing). */
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSetup } from '../../api/session.ts';
import { tooShort } from '../../app/passwords.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { currentLocale } from '../../i18n/index.ts';
import { PasswordField } from '../../components/PasswordField.tsx';

export function SetupForm({ initialToken }: { initialToken: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup();
  const [token, setToken] = useState(initialToken);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [short, setShort] = useState(false);
  const mismatch = confirm !== '' && confirm !== password;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShort(tooShort(password));
    if (mismatch || tooShort(password)) return;
    setup.mutate({ token: token.trim(), name: name.trim(), email: email.trim(), password, locale: currentLocale() }, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        {setup.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {errorMessage(t, setup.error)}
          </Alert>
        )}
        {!initialToken && <TextInput label={t('setup.token')} description={t('setup.tokenHint')} required value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" />}
        <TextInput label={t('setup.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="name" autoFocus />
        <TextInput label={t('setup.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="username" />
        <PasswordField label={t('setup.password')} description={t('setup.passwordHint')} required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" error={short ? t('errors.weak_password') : undefined} />
        <PasswordField label={t('setup.confirm')} required value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} autoComplete="new-password" error={mismatch ? t('setup.mismatch') : undefined} />
        <Button type="submit" size="md" fullWidth loading={setup.isPending} mt="xs">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
