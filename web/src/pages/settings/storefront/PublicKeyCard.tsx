/**
 * The public key: in every storefront page, so not a secret, but rotating it is how a store stops
 * someone else's site from sending in its name. Pages keep the old tag until updated, and that
 * is what the confirmation says.
 */
import { Stack, Text } from '@mantine/core';
import { IconRotateClockwise } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRotatePublicKey } from '../../../api/settings.ts';
import type { Store } from '../../../api/types.ts';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { SettingsCard } from '../SettingsCard.tsx';
import { ConfirmButton } from '../fields/ConfirmButton.tsx';
import { CopyCode } from '../fields/CopyCode.tsx';

export function PublicKeyCard({ store }: { store: Store }) {
  const { t } = useTranslation();
  const rotate = useRotatePublicKey(store.id);
  const action = (
    <ConfirmButton
      leftSection={<IconRotateClockwise size={16} aria-hidden />}
      title={t('settings.storefront.rotateTitle')}
      message={t('settings.storefront.rotateConfirm')}
      confirmLabel={t('settings.storefront.rotate')}
      busy={rotate.isPending}
      onConfirm={() => rotate.mutateAsync().then(() => notifySuccess(t('settings.storefront.rotated')), (err: unknown) => { notifyError(t, err); throw err; })}
    >
      {t('settings.storefront.rotate')}
    </ConfirmButton>
  );
  return (
    <SettingsCard id="settings-public-key-title" title={t('settings.storefront.publicKeyTitle')} description={t('settings.storefront.publicKeyDescription')} action={action}>
      <Stack gap="xs">
        <CopyCode label={t('settings.storefront.publicKey')} value={store.publicKey} testId="public-key" />
        <Text size="xs" c="dimmed">
          {t('settings.storefront.publicKeyNote')}
        </Text>
      </Stack>
    </SettingsCard>
  );
}
