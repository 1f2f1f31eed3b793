/**
 * Naming a token, then showing it exactly once with a copy button. The token lives only in this
 * component's state; closing the dialog forgets it (the server keeps only its hash).
 */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../api/tokens.ts';
import { errorMessage } from '../../i18n/errorMessage.ts';
import { StoreAccess } from './StoreAccess.tsx';

export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [stores, setStores] = useState<string[] | null>(null);
  const token = create.data?.token;

  const close = () => {
    create.reset();
    setName('');
    setStores(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), storeId: stores?.[0] ?? null });
  };

  return (
    <Modal opened={opened} onClose={close} title={token ? t('account.tokens.newTitle') : t('account.tokens.create')} centered size="lg">
      {token ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconShieldLock size={18} />}>
            {t('account.tokens.shownOnce')}
          </Alert>
          <Code block aria-label={t('account.tokens.tokenLabel')} data-testid="new-token" style={{ wordBreak: 'break-all', fontSize: 'var(--mantine-font-size-sm)' }}>
            {token}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={token}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />} onClick={copy} aria-live="polite">
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              {t('common.done')}
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
            <TextInput label={t('common.name')} placeholder={t('account.tokens.namePlaceholder')} required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <StoreAccess value={stores} onChange={setStores} single />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('common.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
