/**
 * The dev mailbox: mail kept instead of sent, newest first, searchable by recipient or subject,
 * with a reading pane. The search and the open message live in the URL (?q=, ?mail=), so the
 * template editor can link to a test send and a view can be shared. Below the lg breakpoint the
 * list and the message take turns instead of squeezing side by side.
 */
import { Grid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconMailOpened, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMailbox } from '../../api/mailbox.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { MailboxEmpty } from './MailboxEmpty.tsx';
import { MailList } from './MailList.tsx';
import { MailReader } from './MailReader.tsx';

export function MailboxPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const selected = params.get('mail');
  const [typed, setTyped] = useState(q);
  const [debounced] = useDebouncedValue(typed.trim(), 300);
  const wide = useMediaQuery('(min-width: 75em)', true);
  const mailbox = useMailbox(storeId, q);
  const mails = mailbox.data?.pages.flat() ?? [];

  const update = (next: { q?: string; mail?: string | null }) =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      for (const [k, v] of Object.entries(next)) {
        if (v) out.set(k, v);
        else out.delete(k);
      }
      return out;
    }, { replace: true });

  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
    // Only the typed text drives this; q follows it (and a link may set q directly).
  }, [debounced]);

  const list = (
    <Stack gap="sm">
      <TextInput
        leftSection={<IconSearch size={16} aria-hidden />}
        aria-label={t('mailbox.search')}
        placeholder={t('mailbox.searchPlaceholder')}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        type="search"
      />
      {mailbox.isPending && <PageLoader />}
      {mailbox.isError && <QueryError error={mailbox.error} onRetry={() => void mailbox.refetch()} />}
      {mailbox.isSuccess && mails.length === 0 && <MailboxEmpty storeId={storeId} searching={q !== ''} />}
      {mails.length > 0 && (
        <MailList mails={mails} selected={selected} onSelect={(id) => update({ mail: id })} hasMore={mailbox.hasNextPage} loadingMore={mailbox.isFetchingNextPage} onMore={() => void mailbox.fetchNextPage()} />
      )}
    </Stack>
  );
  const reader = selected ? (
    <MailReader storeId={storeId} id={selected} onBack={wide ? undefined : () => update({ mail: null })} />
  ) : (
    mails.length > 0 && <EmptyState icon={IconMailOpened} title={t('mailbox.pick')} />
  );

  return (
    <Page title={t('mailbox.title')} description={t('mailbox.description')}>
      {wide ? (
        <Grid gap="lg">
          <Grid.Col span={5}>{list}</Grid.Col>
          <Grid.Col span={7}>{reader}</Grid.Col>
        </Grid>
      ) : (
        (selected ? reader : list)
      )}
    </Page>
  );
}
