/** A cart's status in a word and a colour: recovered (bought after a message) stands out in the brand colour. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CartStatus } from '../../api/people.ts';

const COLOR: Record<CartStatus, string> = { active: 'blue', abandoned: 'orange', recovered: 'jade', purchased: 'teal', expired: 'gray' };

export function CartStatusBadge({ status }: { status: CartStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant={status === 'recovered' ? 'filled' : 'light'} miw="max-content">
      {t(`carts.status.${status}`)}
    </Badge>
  );
}
