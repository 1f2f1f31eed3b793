/** Your profile and password, the people who can sign in, and API tokens. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { PasswordCard } from './PasswordCard.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { TokensCard } from './TokensCard.tsx';
import { UsersCard } from './UsersCard.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')} description={t('account.description')}>
      <Stack gap="xl">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <ProfileCard />
          <PasswordCard />
        </SimpleGrid>
        <UsersCard />
        <TokensCard />
      </Stack>
    </Page>
  );
}
