/** The product mark and name; links home. */
import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import logo from './logo.svg';

export function Brand({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={t('app.name')} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
      <Group gap={10} wrap="nowrap">
        <img src={logo} alt="" width={30} height={30} />
        <Text fw={700} fz="lg" c="dark.8" style={{ letterSpacing: '-0.01em' }}>
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
