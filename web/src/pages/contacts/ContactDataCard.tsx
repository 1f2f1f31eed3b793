/**
 * The contact's personal data as a whole: export it (a JSON file with everything Cartback holds
 * about them) or delete it for good, for a person's access or erasure request.
 */
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadContactExport } from '../../api/privacy.ts';
import { notifyError } from '../../components/notify.ts';
import { EraseContactDialog } from './EraseContactDialog.tsx';

export function ContactDataCard({ storeId, contactId, name }: { storeId: string; contactId: string; name: string }) {
  const { t } = useTranslation();
  const [erasing, dialog] = useDisclosure(false);
  const [exporting, setExporting] = useState(false);
  const exportData = async () => {
    setExporting(true);
    try {
      await downloadContactExport(storeId, contactId);
    } catch (err) {
      notifyError(t, err);
    } finally {
      setExporting(false);
    }
  };
  return (
    <Card component="section" aria-labelledby="contact-data-title">
      <Title order={2} id="contact-data-title" mb="xs">
        {t('contact.data.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('contact.data.description')}
      </Text>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void exportData()} loading={exporting}>
          {t('contact.data.export')}
        </Button>
        <Button variant="light" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={dialog.open}>
          {t('contact.data.erase')}
        </Button>
      </Group>
      <EraseContactDialog storeId={storeId} contactId={contactId} name={name} opened={erasing} onClose={dialog.close} />
    </Card>
  );
}
