/** API tokens: who made them, when they were last used, revoke. Creating one shows it once. */
import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRevokeToken, useTokens } from '../../api/tokens.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatRelative } from '../../format.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { SectionCard } from './SectionCard.tsx';
import { useStoreNames } from './StoreAccess.tsx';

export function TokensCard() {
  const { t } = useTranslation();
  const storeNames = useStoreNames();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, { open, close }] = useDisclosure(false);

  const action = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open} variant="light">
      {t('account.tokens.create')}
    </Button>
  );
  return (
    <SectionCard id="tokens-title" title={t('account.tokens.title')} description={t('account.tokens.description')} action={action}>
      {tokens.isPending && <PageLoader />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('account.tokens.empty')}
        </Text>
      )}
      {!!tokens.data?.length && (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-labelledby="tokens-title" data-testid="tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('account.access.column')}</Table.Th>
                <Table.Th>{t('account.tokens.created')}</Table.Th>
                <Table.Th>{t('account.tokens.lastUsed')}</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((tk) => (
                <Table.Tr key={tk.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} span>
                      <IconKey size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 6, color: 'var(--mantine-color-dimmed)' }} />
                      {tk.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{storeNames(tk.storeId === null ? null : [tk.storeId])}</Table.Td>
                  <Table.Td>{formatDate(tk.createdAt)}</Table.Td>
                  <Table.Td>{tk.lastUsedAt ? <span title={tk.lastUsedAt}>{formatRelative(tk.lastUsedAt)}</span> : t('common.never')}</Table.Td>
                  <Table.Td>
                    <ConfirmAction
                      label={t('account.tokens.revokeLabel', { name: tk.name })}
                      icon={<IconTrash size={16} aria-hidden />}
                      message={t('account.tokens.revokeConfirm', { name: tk.name })}
                      confirmLabel={t('account.tokens.revoke')}
                      onConfirm={() =>
                        revoke.mutateAsync(tk.id).then(
                          () => notifySuccess(t('account.tokens.revoked', { name: tk.name })),
                          (err: unknown) => notifyError(t, err),
                        )
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateTokenModal opened={creating} onClose={close} />
    </SectionCard>
  );
}
