/** Your profile and password, the people who can sign in, and API tokens. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentSession } from '../../api/session.ts';
import { Page } from '../../components/Page.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { UsersCard } from './UsersCard.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  // Someone limited to some stores manages only themselves: users and tokens are the instance's.
  const admin = useCurrentSession().user.stores === null;
  return (
    <Page title={t('account.title')} description={t('account.description')}>
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <ProfileCard />
          <PasswordCard />
        </SimpleGrid>
        {admin && <UsersCard />}
        {admin && <TokensCard />}
      </Stack>
    </Page>
  );
}
