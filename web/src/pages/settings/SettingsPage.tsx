/**
 * A store's settings, in sections (Store, Sending, Recovery, Storefront, Connections). Wide
 * windows list the sections at the side, narrower ones above. The open section is in the address
 * (?section=), and only that one is mounted, so each section's unsaved changes are its own and
 * its guard asks before they are left behind.
 */
import { Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useStoreDetail } from '../../api/settings.ts';
import { useStoreId } from '../../app/currentStore.ts';
import { Page } from '../../components/Page.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SECTION_IDS, SECTIONS, toSection } from './sections.ts';

export function SettingsPage() {
  const { t } = useTranslation();
  const storeId = useStoreId();
  const store = useStoreDetail(storeId);
  const [params, setParams] = useSearchParams();
  const section = toSection(params.get('section'));
  const wide = useMediaQuery('(min-width: 75em)', true);

  return (
    <Page title={t('settings.title')} description={t('settings.description')}>
      {store.isPending && <PageLoader />}
      {store.isError && !store.data && <QueryError error={store.error} onRetry={() => void store.refetch()} />}
      {store.data && (
        // Keyed by store: a switch of store starts every section afresh, so no draft (or a key shown once) crosses over.
        <Tabs key={storeId} value={section} onChange={(v) => v && setParams({ section: v })} orientation={wide ? 'vertical' : 'horizontal'} keepMounted={false} variant="pills" radius="md" styles={{ tabLabel: { textAlign: wide ? 'left' : undefined } }}>
          <Tabs.List aria-label={t('settings.sectionsLabel')} mb={wide ? 0 : 'lg'} mr={wide ? 'xl' : 0} miw={wide ? 200 : undefined} style={wide ? { alignSelf: 'flex-start', position: 'sticky', top: 84 } : undefined}>
            {SECTION_IDS.map((id) => {
              const Icon = SECTIONS[id].icon;
              return (
                <Tabs.Tab key={id} value={id} leftSection={<Icon size={18} stroke={1.7} aria-hidden />}>
                  {t(`settings.sections.${id}`)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {SECTION_IDS.map((id) => {
            const { Component } = SECTIONS[id];
            return (
              <Tabs.Panel key={id} value={id} style={{ minWidth: 0 }}>
                <Component store={store.data} />
              </Tabs.Panel>
            );
          })}
        </Tabs>
      )}
    </Page>
  );
}
