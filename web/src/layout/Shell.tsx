/**
 * The frame around every signed-in page: header (brand, language, user), navigation (store picker,
 * areas), main. Landmarks are real (<header>, <nav>, <main>); below the md breakpoint (900px) the
 * navigation folds behind a burger and closes again after a choice.
 */
import { AppShell, Box, Burger, Divider, Group, Loader, NavLink, ScrollArea } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBook, IconExternalLink } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigation } from 'react-router';
import { Brand } from './Brand.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { NavLinks } from './NavLinks.tsx';
import { StorePicker } from './StorePicker.tsx';
import { UserMenu } from './UserMenu.tsx';

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const loading = useNavigation().state === 'loading';
  // Below md the folded navigation is only moved off screen; inert keeps Tab from wandering into it.
  const folded = useMediaQuery('(max-width: 56.24em)') && !opened;
  const burger = useRef<HTMLButtonElement>(null);
  const closeAndReturn = () => {
    close();
    burger.current?.focus();
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 264, breakpoint: 'md', collapsed: { mobile: !opened } }} padding={{ base: 'md', md: 'xl' }} styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger ref={burger} opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')} aria-controls="app-navigation" aria-expanded={opened} />
            <Brand />
            {loading && <Loader size="xs" aria-label={t('common.loading')} />}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="app-navigation" aria-label={t('nav.label')} p="md" inert={folded} onKeyDown={(e) => opened && e.key === 'Escape' && closeAndReturn()}>
        <AppShell.Section>
          <StorePicker onPicked={close} />
        </AppShell.Section>
        <Divider my="md" />
        <AppShell.Section grow component={ScrollArea} type="scroll">
          <NavLinks onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <NavLink href="/docs" target="_blank" rel="noopener" label={t('nav.docs')} leftSection={<IconBook size={20} stroke={1.6} aria-hidden />} rightSection={<IconExternalLink size={14} aria-hidden />} c="dimmed" style={{ borderRadius: 'var(--mantine-radius-md)' }} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Box pb="xl">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
