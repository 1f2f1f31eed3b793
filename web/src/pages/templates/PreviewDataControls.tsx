/**
 * What the preview (and a test send) is rendered with: the sample shopper and cart in the
 * template's language, or a real cart of this store with its shopper; and whether the step gives a
 * discount code (the discount block shows only then, as in a flow step with a discount).
 */
import { Group, SegmentedControl, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartPicker, type PickedCart } from './CartPicker.tsx';

export interface PreviewDataControlsProps {
  storeId: string;
  useCart: boolean;
  onUseCart: (v: boolean) => void;
  cart: PickedCart | null;
  onCart: (cart: PickedCart | null) => void;
  discount: boolean;
  onDiscount: (v: boolean) => void;
}

export function PreviewDataControls({ storeId, useCart, onUseCart, cart, onCart, discount, onDiscount }: PreviewDataControlsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('template.preview.dataLabel')}
          value={useCart ? 'cart' : 'sample'}
          onChange={(v) => onUseCart(v === 'cart')}
          data={[
            { value: 'sample', label: t('template.preview.sample') },
            { value: 'cart', label: t('template.preview.realCart') },
          ]}
        />
        <Switch size="sm" label={t('template.preview.discount')} checked={discount} onChange={(e) => onDiscount(e.currentTarget.checked)} />
      </Group>
      {useCart && <CartPicker storeId={storeId} value={cart} onChange={onCart} />}
    </Stack>
  );
}
