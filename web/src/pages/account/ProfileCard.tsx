/** Your name and interface language (the same switch as in the header). */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../api/session.ts';
import { useUpdateMe } from '../../api/users.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { useChangeLocale } from '../../i18n/useChangeLocale.ts';
import { SectionCard } from './SectionCard.tsx';

export function ProfileCard() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const updateMe = useUpdateMe();
  const { locale, change } = useChangeLocale();
  const [name, setName] = useState(user.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    updateMe.mutate({ name: name.trim() }, { onSuccess: () => notifySuccess(t('account.profile.saved')), onError: (err) => notifyError(t, err) });
  };

  return (
    <SectionCard id="profile-title" title={t('account.profile.title')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput label={t('common.email')} value={user.email} readOnly variant="filled" />
          <TextInput label={t('common.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={200} autoComplete="name" />
          <Select label={t('common.language')} data={LOCALES.map((l) => ({ value: l.code, label: l.label }))} value={locale} onChange={(v) => v && change(v as Locale)} allowDeselect={false} />
          <Group justify="flex-end">
            <Button type="submit" loading={updateMe.isPending} disabled={!name.trim() || name.trim() === user.name}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
