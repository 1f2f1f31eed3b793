/**
 * Asks before unsaved edits are lost: a navigation inside the app waits for an answer in a dialog;
 * closing or reloading the tab gets the browser's own question (it allows no custom text).
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

export function UnsavedGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  // Only leaving the page counts; a change of ?query on the same page loses nothing.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const warn = (e: Event) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  const blocked = blocker.state === 'blocked';
  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title={t('template.unsaved.title')} centered size="sm">
      <Text size="sm">{t('template.unsaved.body')}</Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('template.unsaved.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('template.unsaved.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
