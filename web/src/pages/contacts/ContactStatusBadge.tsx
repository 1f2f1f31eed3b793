/** A contact's reachability as a badge (see contactState). */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api/people.ts';
import { contactState } from './contactStatus.ts';

const COLOR = { subscribed: 'jade', unsubscribed: 'gray', suppressed: 'red', noEmail: 'gray' } as const;

export function ContactStatusBadge({ contact }: { contact: Pick<Contact, 'email' | 'unsubscribed_at' | 'suppressed_at'> }) {
  const { t } = useTranslation();
  const s = contactState(contact);
  return (
    <Badge color={COLOR[s]} variant={s === 'subscribed' ? 'light' : 'outline'} miw="max-content">
      {t(`contacts.state.${s}`)}
    </Badge>
  );
}
