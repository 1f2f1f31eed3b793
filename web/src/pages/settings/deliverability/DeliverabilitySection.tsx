/**
 * What makes mail arrive and keeps the sender's name clean: the DKIM key that signs the store's
 * mail, and the bounce and complaint reports of the sending service (the addresses they name are
 * suppressed). Both save with this section.
 */
import type { Store } from '../../../api/types.ts';
import { SettingsForm } from '../form/SettingsForm.tsx';
import { useSectionForm } from '../form/useSectionForm.ts';
import { BounceWebhookCard } from './BounceWebhookCard.tsx';
import { DkimCard } from './DkimCard.tsx';

const FIELDS = ['dkimDomain', 'dkimSelector', 'dkimPrivateKey', 'bounceWebhookSecret'] as const;

export function DeliverabilitySection({ store }: { store: Store }) {
  const f = useSectionForm(store, FIELDS);
  return (
    <SettingsForm form={f}>
      <DkimCard form={f} senderDomain={(store.settings.senderEmail.split('@')[1] ?? store.settings.domain) || ''} />
      <BounceWebhookCard form={f} storeId={store.id} />
    </SettingsForm>
  );
}

export type DeliverabilityForm = ReturnType<typeof useSectionForm<(typeof FIELDS)[number]>>;
