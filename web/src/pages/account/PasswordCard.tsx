/** A new password needs the current one; the server signs out your other sessions. */
import { Button, Group, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '../../api/users.ts';
import { tooShort } from '../../app/passwords.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { SectionCard } from './SectionCard.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';

export function PasswordCard() {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [short, setShort] = useState(false);
  const mismatch = confirm !== '' && confirm !== next;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShort(tooShort(next));
    if (mismatch || tooShort(next)) return;
    updateMe.mutate(
      { password: next, currentPassword: current },
      {
        onSuccess: () => {
          notifySuccess(t('account.password.changed'));
          setCurrent('');
          setNext('');
          setConfirm('');
        },
        onError: (err) => notifyError(t, err),
      },
    );
  };

  return (
    <SectionCard id="password-title" title={t('account.password.title')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <PasswordField label={t('account.password.current')} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} required autoComplete="current-password" />
          <PasswordField label={t('account.password.new')} description={t('setup.passwordHint')} value={next} onChange={(e) => setNext(e.currentTarget.value)} required autoComplete="new-password" error={short ? t('errors.weak_password') : undefined} />
          <PasswordField label={t('account.password.confirm')} value={confirm} onChange={(e) => setConfirm(e.currentTarget.value)} required autoComplete="new-password" error={mismatch ? t('setup.mismatch') : undefined} />
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
