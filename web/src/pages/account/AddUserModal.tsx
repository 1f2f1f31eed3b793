/** A colleague's email, name, first password and language; they can change the password later. */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/users.ts';
import { tooShort } from '../../app/passwords.ts';
import { notifySuccess } from '../../components/notify.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { currentLocale, LOCALES } from '../../i18n/index.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { StoreAccess } from './StoreAccess.tsx';

export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<string>(currentLocale());
  const [short, setShort] = useState(false);
  const [stores, setStores] = useState<string[] | null>(null);

  const close = () => {
    create.reset();
    setEmail('');
    setName('');
    setPassword('');
    setShort(false);
    setStores(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShort(tooShort(password));
    if (tooShort(password)) return;
    create.mutate({ email: email.trim(), name: name.trim(), password, locale, ...(stores ? { stores } : {}) }, {
      onSuccess: (u) => {
        notifySuccess(t('account.users.added', { email: u.email }));
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('account.users.add')} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          {create.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {errorMessage(t, create.error)}
            </Alert>
          )}
          <TextInput label={t('common.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="off" data-autofocus />
          <TextInput label={t('common.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} autoComplete="off" />
          <PasswordField label={t('common.password')} description={t('setup.passwordHint')} required value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="new-password" error={short ? t('errors.weak_password') : undefined} />
          <Select label={t('common.language')} data={LOCALES.map((l) => ({ value: l.code, label: l.label }))} value={locale} onChange={(v) => v && setLocale(v)} allowDeselect={false} />
          <StoreAccess value={stores} onChange={setStores} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('account.users.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
