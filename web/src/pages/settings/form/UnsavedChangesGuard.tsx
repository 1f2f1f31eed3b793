/**
 * Keeps unsaved changes from being lost without a word: leaving the section (another section,
 * another area, another store) asks first; closing or reloading the tab gets the browser's own
 * question. Only one section is on screen at a time, so there is only ever one guard (a router
 * supports one blocker).
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation: from, nextLocation: to }) => dirty && (from.pathname !== to.pathname || from.search !== to.search));

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: Event) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocked = blocker.state === 'blocked';
  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title={t('settings.unsaved.title')} centered size="sm">
      <Text size="sm">{t('settings.unsaved.body')}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('settings.unsaved.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('settings.unsaved.discard')}
        </Button>
      </Group>
    </Modal>
  );
}
