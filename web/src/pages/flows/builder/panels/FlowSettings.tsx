/**
 * The flow's own settings: its name (unique in the store), a description for colleagues, and
 * whether a purchase ends the run (almost always wanted: nobody should be reminded of a cart they
 * already bought).
 */
import { Fieldset, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowDefinition } from '../../../../api/flows.ts';
import type { FlowPatch } from '../useFlowEditor.ts';

export function FlowSettings({ def, readOnly, onChange }: { def: FlowDefinition; readOnly: boolean; onChange: (patch: FlowPatch, field?: string) => void }) {
  const { t } = useTranslation();
  return (
    <Fieldset disabled={readOnly} variant="unstyled">
      <Stack gap="md">
        <TextInput label={t('flow.settings.name')} description={t('flow.settings.nameHint')} value={def.name} maxLength={200} required onChange={(e) => onChange({ name: e.currentTarget.value }, 'name')} />
        <Textarea label={t('flow.settings.description')} value={def.description ?? ''} maxLength={2000} autosize minRows={2} maxRows={6} onChange={(e) => onChange({ description: e.currentTarget.value || undefined }, 'description')} />
        <Switch
          label={t('flow.settings.stopOnPurchase')}
          description={t('flow.settings.stopOnPurchaseHint')}
          checked={def.stopOnPurchase !== false}
          onChange={(e) => onChange({ stopOnPurchase: e.currentTarget.checked })}
        />
      </Stack>
    </Fieldset>
  );
}
