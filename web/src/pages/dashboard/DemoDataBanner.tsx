/**
 * Says loudly that the figures include simulated shoppers (the demo store's made-up month), and
 * removes them in one click after a confirmation. Real shoppers' data is never touched (the server
 * deletes only contacts marked simulated, and what hangs on them).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlask, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDemoData, useRemoveDemoData } from '../../api/reports.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { formatNumber } from '../../format.ts';

export function DemoDataBanner({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const demo = useDemoData(storeId);
  const remove = useRemoveDemoData(storeId);
  const [opened, { open, close }] = useDisclosure(false);
  const d = demo.data;
  if (!d || d.simulatedContacts === 0) return null;

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: (r) => {
        close();
        notifySuccess(t('dashboard.demo.removed', { count: r.removedContacts, n: formatNumber(r.removedContacts) }));
      },
      onError: (err) => notifyError(t, err),
    });

  return (
    <Alert color="yellow" variant="light" icon={<IconFlask size={20} aria-hidden />} title={t('dashboard.demo.title')} data-testid="demo-banner">
      <Group justify="space-between" align="flex-end" gap="md">
        <Text size="sm" maw={760}>
          {t('dashboard.demo.body', { contacts: formatNumber(d.simulatedContacts), orders: formatNumber(d.simulatedOrders), messages: formatNumber(d.simulatedMessages) })}
        </Text>
        <Button color="red" variant="outline" bg="white" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
          {t('dashboard.demo.remove')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('dashboard.demo.confirmTitle')} centered>
        <Stack gap="lg">
          <Text size="sm">{t('dashboard.demo.confirmBody', { contacts: formatNumber(d.simulatedContacts) })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={remove.isPending}>
              {t('dashboard.demo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}
