/**
 * Something the storefront reported (Product Added, Checkout Started, …) or an identify with the
 * shopper's traits. Event names are the store's own words and stay as they are; the raw
 * properties are one click away.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JsonToggle } from '../JsonToggle.tsx';

const TYPES = ['identify', 'page', 'screen', 'alias', 'group'] as const;

export function EventEntry({ name, properties, traits }: { name: string; properties: Record<string, unknown> | null; traits: Record<string, unknown> | null }) {
  const { t } = useTranslation();
  const type = TYPES.find((x) => x === name);
  return (
    <>
      <Text size="sm" fw={600}>
        {type ? t(`contact.event.type.${type}`) : name}
      </Text>
      {properties && Object.keys(properties).length > 0 && <JsonToggle label={t('contact.event.properties')} value={properties} />}
      {traits && Object.keys(traits).length > 0 && <JsonToggle label={t('contact.event.traits')} value={traits} />}
    </>
  );
}
