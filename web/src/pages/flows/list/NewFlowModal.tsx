/**
 * "New flow": a name (unique in the store) and where to start: one of the ready-made flows, saved
 * at once as a draft, or a blank canvas. Picking a ready flow suggests its name, numbered when the
 * store already has one of that name.
 */
import { Alert, Button, Group, Modal, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateFlow, useReadyTemplates, type FlowSummary, type FlowTemplate } from '../../../api/flows.ts';
import { errorMessage } from '../../../i18n/errorMessage.ts';

const BLANK = 'blank';
const KNOWN = ['helpful-two-step', 'classic-three-step', 'day-based'] as const;

/** The ready flows the app knows are named in the interface language; others as the server says. */
function localized(t: TFunction, tpl: FlowTemplate): { key: string; name: string; description: string } {
  const key = KNOWN.find((k) => k === tpl.key);
  return key ? { key, name: t(`flows.create.templates.${key}.name`), description: t(`flows.create.templates.${key}.description`) } : tpl;
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let i = 2;
  while (taken.has(`${base} (${i})`)) i += 1;
  return `${base} (${i})`;
}

export function NewFlowModal({ storeId, flows, opened, onClose }: { storeId: string; flows: FlowSummary[]; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const templates = useReadyTemplates(storeId);
  const create = useCreateFlow(storeId);
  const [name, setName] = useState('');
  const [edited, setEdited] = useState(false);
  const [start, setStart] = useState(BLANK);
  const taken = new Set(flows.map((f) => f.name));
  const clash = taken.has(name.trim());

  const close = () => {
    create.reset();
    setName('');
    setEdited(false);
    setStart(BLANK);
    onClose();
  };
  const pick = (key: string) => {
    setStart(key);
    const tpl = templates.data?.find((x) => x.key === key);
    if (!edited) setName(tpl ? freeName(localized(t, tpl).name, taken) : '');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || clash) return;
    const tpl = templates.data?.find((x) => x.key === start);
    if (!tpl) return navigate(`/stores/${storeId}/flows/new?name=${encodeURIComponent(trimmed)}`);
    create.mutate({ definition: { ...tpl.definition, name: trimmed }, publish: false }, { onSuccess: (flow) => navigate(`/stores/${storeId}/flows/${flow.id}`) });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('flows.create.title')} centered size="lg">
      <form onSubmit={submit}>
        <Stack gap="md">
          {create.isError && <Alert color="red" variant="light" role="alert">{errorMessage(t, create.error)}</Alert>}
          <TextInput label={t('flows.create.name')} required maxLength={200} value={name} data-autofocus error={clash ? t('flows.create.nameTaken') : undefined} onChange={(e) => (setName(e.currentTarget.value), setEdited(true))} />
          <Radio.Group label={t('flows.create.start')} value={start} onChange={pick}>
            <ScrollArea.Autosize mah="50vh" type="auto" mt="xs">
              <Stack gap="xs">
                {[{ key: BLANK, name: t('flows.create.blank'), description: t('flows.create.blankBody') }, ...(templates.data ?? []).map((tpl) => localized(t, tpl))].map((o) => (
                  <Radio.Card key={o.key} value={o.key} p="sm" radius="md" aria-label={o.name}>
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <div>
                        <Text fw={600} size="sm">
                          {o.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {o.description}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Radio.Group>
          {templates.isError && <Text size="sm" c="dimmed">{t('flows.create.templatesFailed')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || clash}>
              {t('flows.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
