/** Everyone who can sign in. Anyone can add a colleague or remove one (never themselves). */
import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../api/session.ts';
import { useDeleteUser, useUsers } from '../../api/users.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { formatDate, formatRelative } from '../../format.ts';
import { AddUserModal } from './AddUserModal.tsx';
import { SectionCard } from './SectionCard.tsx';
import { useStoreNames } from './StoreAccess.tsx';

export function UsersCard() {
  const { t } = useTranslation();
  const storeNames = useStoreNames();
  const { user: me } = useCurrentSession();
  const users = useUsers();
  const remove = useDeleteUser();
  const [adding, { open, close }] = useDisclosure(false);

  const action = (
    <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open} variant="light">
      {t('account.users.add')}
    </Button>
  );
  return (
    <SectionCard id="users-title" title={t('account.users.title')} description={t('account.users.description')} action={action}>
      {users.isPending && <PageLoader />}
      {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="users-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.email')}</Table.Th>
                <Table.Th>{t('account.users.created')}</Table.Th>
                <Table.Th>{t('account.access.column')}</Table.Th>
                <Table.Th>{t('account.users.lastSignIn')}</Table.Th>
                <Table.Th w={60}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {u.name}
                      </Text>
                      {u.id === me.id && (
                        <Badge size="xs" variant="light">
                          {t('account.users.you')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{formatDate(u.createdAt)}</Table.Td>
                  <Table.Td>{storeNames(u.stores)}</Table.Td>
                  <Table.Td>{u.lastSignInAt ? <span title={u.lastSignInAt}>{formatRelative(u.lastSignInAt)}</span> : t('common.never')}</Table.Td>
                  <Table.Td>
                    {u.id !== me.id && (
                      <ConfirmAction
                        label={t('account.users.remove', { email: u.email })}
                        icon={<IconTrash size={16} aria-hidden />}
                        message={t('account.users.removeConfirm', { email: u.email })}
                        confirmLabel={t('common.remove')}
                        onConfirm={() =>
                          remove.mutateAsync(u.id).then(
                            () => notifySuccess(t('account.users.removed', { email: u.email })),
                            (err: unknown) => notifyError(t, err),
                          )
                        }
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddUserModal opened={adding} onClose={close} />
    </SectionCard>
  );
}
