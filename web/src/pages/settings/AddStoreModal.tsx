/**
 * A new store: its name, currency and time zone (everything else has a default and is in
 * settings). Its write key exists only in the server's answer, so it is shown once, with a copy
 * button, before going on to the new store's install section.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconArrowRight, IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateStore } from '../../api/settings.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { CopyCode } from './fields/CopyCode.tsx';
import { CurrencySelect } from './fields/CurrencySelect.tsx';
import { browserTimeZone } from './fields/intl.ts';
import { TimeZoneSelect } from './fields/TimeZoneSelect.tsx';

/** onClose(true) when it went on to the new store (a folded navigation may then close too). */
export function AddStoreModal({ opened, onClose }: { opened: boolean; onClose: (movedOn: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStore();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [timezone, setTimezone] = useState(browserTimeZone);
  const created = create.data;

  const close = (movedOn = false) => {
    create.reset();
    setName('');
    onClose(movedOn);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), settings: { currency, timezone } });
  };
  const toInstall = () => {
    if (!created) return;
    close(true);
    void navigate(`/stores/${created.id}/settings?section=storefront`);
  };

  return (
    <Modal opened={opened} onClose={() => close()} title={created ? t('settings.addStore.createdTitle', { name: created.name }) : t('settings.addStore.title')} centered size="lg" closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />}>
            {t('settings.addStore.shownOnce')}
          </Alert>
          <CopyCode label={t('settings.connections.server.writeKey')} value={created.writeKey} testId="created-write-key" />
          <Text size="sm" c="dimmed">
            {t('settings.addStore.next')}
          </Text>
          <Group justify="flex-end">
            <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={toInstall} data-autofocus>
              {t('settings.addStore.toInstall')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            {create.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                {errorMessage(t, create.error)}
              </Alert>
            )}
            <TextInput label={t('settings.store.name')} placeholder={t('settings.addStore.namePlaceholder')} required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <CurrencySelect value={currency} onChange={setCurrency} />
            <TimeZoneSelect value={timezone} onChange={setTimezone} />
            <Text size="xs" c="dimmed">
              {t('settings.addStore.flowsNote')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => close()}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('settings.addStore.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
