/**
 * A/B variants of a send step: 2 to 8 templates with relative weights (50/50, or 1/1/2). Each
 * shopper gets one variant, picked by weight; the share each weight gives is shown beside it.
 */
import { ActionIcon, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../api/flows.ts';
import { formatPercent } from '../../../../format.ts';
import { TemplateSelect } from './TemplateSelect.tsx';

type Variant = NonNullable<NodeOf<'send_email'>['variants']>[number];

const nextId = (vs: Variant[]) => 'abcdefgh'.split('').find((l) => !vs.some((v) => v.id === l)) ?? `v${vs.length + 1}`;

export function VariantsFields({ variants, onChange }: { variants: Variant[]; onChange: (vs: Variant[], field?: string) => void }) {
  const { t } = useTranslation();
  const total = variants.reduce((s, v) => s + v.weight, 0);
  const set = (i: number, patch: Partial<Variant>, field?: string) => onChange(variants.map((v, j) => (j === i ? { ...v, ...patch } : v)), field);
  return (
    <Stack gap="md">
      {variants.map((v, i) => {
        const name = t('flow.fields.variant', { letter: v.id.toUpperCase() });
        return (
          <Stack key={v.id} gap={6} className="flow-variant" aria-label={name} role="group">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>
                {name}
              </Text>
              {variants.length > 2 && (
                <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('flow.fields.removeVariant', { letter: v.id.toUpperCase() })} onClick={() => onChange(variants.filter((_, j) => j !== i))}>
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <TemplateSelect label={t('flow.fields.template')} value={v.template} onChange={(template) => set(i, { template })} />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <NumberInput label={t('flow.fields.weight')} value={v.weight} min={0} allowNegative={false} decimalScale={2} onChange={(w) => set(i, { weight: w === '' ? 0 : Number(w) }, `variant.${v.id}.weight`)} style={{ flex: 1 }} />
              <Text size="sm" c="dimmed" pb={8} miw={110}>
                {t('flow.fields.share', { share: total > 0 ? formatPercent(v.weight / total, 0) : '–' })}
              </Text>
            </Group>
          </Stack>
        );
      })}
      {variants.length < 8 && (
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...variants, { id: nextId(variants), template: '', weight: 50 }])} style={{ alignSelf: 'flex-start' }}>
          {t('flow.fields.addVariant')}
        </Button>
      )}
    </Stack>
  );
}
