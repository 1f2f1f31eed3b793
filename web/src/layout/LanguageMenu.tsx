/** The interface language, switchable everywhere (also before signing in). */
import { Box, Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../i18n/index.ts';
import { useChangeLocale } from '../i18n/useChangeLocale.ts';

export function LanguageMenu() {
  const { t } = useTranslation();
  const { locale, change } = useChangeLocale();
  const current = LOCALES.find((l) => l.code === locale) ?? LOCALES[0];
  return (
    <Menu position="bottom-end" width={180} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="dark.6"
          px="xs"
          leftSection={<IconLanguage size={18} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`${t('shell.language')}: ${current.label}`}
        >
          <Box component="span" lang={current.code} visibleFrom="xs">
            {current.label}
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.language')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l.code}
            lang={l.code}
            onClick={() => change(l.code)}
            // Mantine fixes the role to menuitem (so no aria-checked); aria-current marks the choice.
            aria-current={l.code === locale ? 'true' : undefined}
            rightSection={l.code === locale ? <IconCheck size={16} aria-hidden /> : null}
          >
            {l.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
