/**
 * One contact (GET /api/stores/:id/contacts/:contactId): who they are and whether they may be
 * emailed, their carts, their data as a whole (export, delete), and the timeline that explains
 * every message. Two columns on a wide
 * screen (profile beside the story), one below 1200px.
 */
import { Anchor, Grid, Stack } from '@mantine/core';
import { IconArrowLeft, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useContact } from '../../api/people.ts';
import { useCurrentStore, useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ContactCarts } from './ContactCarts.tsx';
import { ContactDataCard } from './ContactDataCard.tsx';
import { ContactProfile } from './ContactProfile.tsx';
import { displayName } from './contactStatus.ts';
import { ContactTimeline } from './timeline/ContactTimeline.tsx';

export function ContactPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const { contactId = '' } = useParams();
  const consentRule = useCurrentStore()?.settings.emailConsent ?? 'opt_out';
  const q = useContact(storeId, contactId);
  const c = q.data?.contact;
  const back = (
    <Anchor component={Link} to={`/stores/${storeId}/contacts`} size="sm">
      <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
      {t('contact.back')}
    </Anchor>
  );

  return (
    <Page title={c ? (c.email ?? (displayName(c) || t('contact.title'))) : t('contact.title')} description={c && c.email ? displayName(c) || undefined : undefined} actions={back}>
      {q.isPending && <PageLoader />}
      {q.isError && (q.error instanceof ApiError && q.error.status === 404 ? (
        <EmptyState icon={IconUserQuestion} title={t('contact.notFoundTitle')}>{t('contact.notFoundBody')}</EmptyState>
      ) : (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ))}
      {q.data && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <ContactProfile contact={q.data.contact} consentRule={consentRule} />
              <ContactCarts carts={q.data.carts} contact={q.data.contact} />
              <ContactDataCard storeId={storeId} contactId={contactId} name={q.data.contact.email ?? (displayName(q.data.contact) || t('contact.title'))} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <ContactTimeline entries={q.data.timeline} />
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}
