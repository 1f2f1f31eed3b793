/**
 * The Liquid a template can use (the context of src/channels/email/render.ts), in a side drawer
 * that leaves the editor usable. Rendering is strict: a misspelt name is an error rather than an
 * empty gap in thousands of emails, so optional values are to be guarded with {% if %}.
 */
import { Code, Drawer, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// [what to write, its description's key under template.help.vars]
const GROUPS: Array<{ title: 'store' | 'contact' | 'cart' | 'item' | 'discount' | 'links'; vars: Array<[string, string]> }> = [
  { title: 'store', vars: [['store.name', 'store_name'], ['store.domain', 'store_domain'], ['store.support_email', 'store_support_email'], ['store.support_url', 'store_support_url'], ['store.postal_address', 'store_postal_address']] },
  { title: 'contact', vars: [['contact.first_name', 'contact_first_name'], ['contact.last_name', 'contact_last_name'], ['contact.email', 'contact_email']] },
  { title: 'cart', vars: [['cart.items', 'cart_items'], ['cart.item_count', 'cart_item_count'], ['cart.total', 'cart_total'], ['cart.currency', 'cart_currency']] },
  { title: 'item', vars: [['item.name', 'item_name'], ['item.quantity', 'item_quantity'], ['item.price', 'item_price'], ['item.line_total', 'item_line_total'], ['item.image_url', 'item_image_url'], ['item.url', 'item_url'], ['item.sku', 'item_sku']] },
  { title: 'discount', vars: [['discount', 'discount'], ['discount.code', 'discount_code'], ['discount.kind', 'discount_kind'], ['discount.value', 'discount_value'], ['discount.expires_at', 'discount_expires_at']] },
  { title: 'links', vars: [['links.restore', 'links_restore'], ['links.unsubscribe', 'links_unsubscribe'], ['links.open', 'links_open']] },
];

const LOOP = `{% for item in cart.items %}
  {{ item.quantity }} × {{ item.name }}: {{ item.line_total | money }}
{% endfor %}
{% if discount %}{{ discount.code }}{% endif %}`;

export function VariablesHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('template.help.title')}>
      <Stack gap="lg">
        <Text size="sm">{t('template.help.intro')}</Text>
        {GROUPS.map((g) => (
          <section key={g.title} aria-labelledby={`vars-${g.title}`}>
            <Title order={3} size="h4" id={`vars-${g.title}`} mb={6}>
              {t(`template.help.groups.${g.title}`)}
            </Title>
            <Table verticalSpacing={6} highlightOnHover={false} layout="fixed">
              <Table.Tbody>
                {g.vars.map(([code, desc]) => (
                  <Table.Tr key={code}>
                    <Table.Td w="42%">
                      <Code>{code}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`template.help.vars.${desc}` as 'template.help.vars.store_name')}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ))}
        <section aria-labelledby="vars-filters">
          <Title order={3} size="h4" id="vars-filters" mb={6}>
            {t('template.help.groups.filters')}
          </Title>
          <Text size="sm" mb="xs">
            {t('template.help.money')}
          </Text>
          <Code block>{LOOP}</Code>
          <Text size="sm" mt="xs" c="dimmed">
            {t('template.help.strict')}
          </Text>
        </section>
      </Stack>
    </Drawer>
  );
}
