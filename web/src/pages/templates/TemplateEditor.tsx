/**
 * Editing one template in one locale: subject and preheader, the MJML and text sources with the
 * server's problems at their lines, and the live preview beside them (below them on a tablet).
 * Saving makes a new version; a template the server refuses is not saved and its problems show.
 */
import { Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconArrowBackUp, IconArrowLeft, IconDeviceFloppy, IconHelp, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { templateProblems, useSaveTemplate, type TemplateDraft, type TemplateProblem, type TemplateSource } from '../../api/templates.ts';
import { useCurrentStore } from '../../app/currentStore.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { Page } from '../../components/Page.tsx';
import { HeadFields } from './HeadFields.tsx';
import { PreviewDataControls } from './PreviewDataControls.tsx';
import { PreviewPanel, type PreviewView } from './PreviewPanel.tsx';
import { ProblemList } from './ProblemList.tsx';
import { SendTestModal } from './SendTestModal.tsx';
import { SourceTabs } from './SourceTabs.tsx';
import { UnsavedGuard } from './UnsavedGuard.tsx';
import { useLivePreview } from './useLivePreview.ts';
import { useSourceJump } from './useSourceJump.ts';
import { useTemplateDraft } from './useTemplateDraft.ts';
import type { PickedCart } from './CartPicker.tsx';
import { VariablesHelp } from './VariablesHelp.tsx';

export function TemplateEditor({ storeId, source, title, description }: { storeId: string; source: TemplateSource; title: string; description: string }) {
  const { t } = useTranslation();
  const store = useCurrentStore();
  const { key, locale } = source;
  const d = useTemplateDraft(source);
  const [view, setView] = useState<PreviewView>('desktop');
  const [useCart, setUseCart] = useState(false);
  const [cart, setCart] = useState<PickedCart | null>(null);
  const [discount, setDiscount] = useState(true);
  const data = { cartId: useCart ? (cart?.id ?? null) : null, discount };
  const preview = useLivePreview(storeId, key, locale, d.draft, data);
  const jump = useSourceJump();
  const save = useSaveTemplate(storeId, key, locale);
  const [version, setVersion] = useState(source.version);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<{ draft: TemplateDraft; problems: TemplateProblem[] } | null>(null);
  const [testing, testModal] = useDisclosure(false);
  const [helping, help] = useDisclosure(false);

  // A refusal holds for the draft that was refused; the first edit after it hands over to the preview.
  const refused = refusal?.draft === d.draft ? refusal.problems : null;
  const problems = refused ?? preview.problems;

  const onSave = () => {
    if (save.isPending || !d.dirty) return;
    save.mutate(d.draft, {
      onSuccess: (r, saved) => {
        d.markSaved(saved);
        setVersion(r.version);
        setJustSaved(r.version);
        setRefusal(null);
        notifySuccess(t('template.saved', { version: r.version }));
      },
      onError: (err, tried) => {
        const found = templateProblems(err);
        // A refusal is shown where the problems are (an alert, announced); other failures as a toast.
        if (found.length > 0) setRefusal({ draft: tried, problems: found });
        else notifyError(t, err);
      },
    });
  };
  useHotkeys([['mod+S', onSave]], [], true);

  const actions = (
    <>
      <Button variant="default" leftSection={<IconHelp size={16} aria-hidden />} onClick={help.open}>
        {t('template.help.open')}
      </Button>
      <Button variant="default" leftSection={<IconSend size={16} aria-hidden />} onClick={testModal.open}>
        {t('template.test.open')}
      </Button>
      {d.dirty && (
        <Button variant="subtle" color="gray" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={d.revert}>
          {t('template.revert')}
        </Button>
      )}
      <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={onSave} loading={save.isPending} disabled={!d.dirty}>
        {t('common.save')}
      </Button>
    </>
  );

  return (
    <Page title={title} description={description} actions={actions}>
      <Group gap="sm" mt={-12}>
        <Anchor component={Link} to={`/stores/${encodeURIComponent(storeId)}/templates`} size="sm">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
          {t('template.backToList')}
        </Anchor>
        <Badge variant="light" color={version === null ? 'gray' : 'jade'}>
          {version === null ? t('templates.builtIn') : t('templates.version', { version })}
        </Badge>
        {d.dirty && <Badge variant="dot" color="orange">{t('template.unsavedBadge')}</Badge>}
        {!d.dirty && justSaved !== null && (
          <Text size="sm" c="jade.8" role="status" data-testid="saved-version">
            {t('template.saved', { version: justSaved })}
          </Text>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <HeadFields subject={d.subject} preheader={d.preheader} onChange={d.setHead} />
            <ProblemList problems={problems} refused={refused !== null} onJump={jump.jump} />
            <SourceTabs draft={d.draft} onMjml={d.setMjml} onText={d.setText} problems={problems} tab={jump.tab} onTab={jump.setTab} onView={jump.onView} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <PreviewPanel
            sender={store?.settings.senderName || store?.name || ''}
            rendered={preview.rendered}
            updating={preview.updating}
            stale={preview.stale}
            error={preview.error}
            onRetry={preview.retry}
            view={view}
            onView={setView}
            controls={<PreviewDataControls storeId={storeId} useCart={useCart} onUseCart={setUseCart} cart={cart} onCart={setCart} discount={discount} onDiscount={setDiscount} />}
          />
        </Grid.Col>
      </Grid>
      <SendTestModal opened={testing} onClose={testModal.close} storeId={storeId} templateKey={key} locale={locale} draft={d.draft} data={data} />
      <VariablesHelp opened={helping} onClose={help.close} />
      <UnsavedGuard when={d.dirty} />
    </Page>
  );
}
