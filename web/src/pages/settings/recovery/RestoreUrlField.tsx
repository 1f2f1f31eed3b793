/**
 * Where a restore link in an email leads: a storefront URL with placeholders Cartback fills in. Each
 * placeholder is explained, since the right one depends on how the store rebuilds a cart.
 */
import { Code, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const PLACEHOLDERS = ['items', 'cart_id', 'discount', 'token'] as const;

export function RestoreUrlField({ value, onChange, error, domain }: { value: string; onChange: (url: string) => void; error?: string; domain: string }) {
  const { t } = useTranslation();
  const example = `https://${domain || 'shop.example.com'}/cart?cb_restore={token}`;
  return (
    <Stack gap="xs">
      <TextInput label={t('settings.recovery.restoreUrl')} description={t('settings.recovery.restoreUrlHelp')} placeholder={example} value={value} onChange={(e) => onChange(e.currentTarget.value.trim())} error={error} />
      <Table withRowBorders={false} verticalSpacing={4} highlightOnHover={false} aria-label={t('settings.recovery.placeholders')}>
        <Table.Tbody>
          {PLACEHOLDERS.map((p) => (
            <Table.Tr key={p}>
              <Table.Td w={110} style={{ verticalAlign: 'top' }}>
                <Code>{`{${p}}`}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {t(`settings.recovery.placeholder.${p}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
