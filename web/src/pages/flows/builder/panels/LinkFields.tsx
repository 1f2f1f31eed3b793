/**
 * Where each way out of a step leads, chosen from a list: the same links as the handles on the
 * canvas, for anyone who does not use a mouse. Nothing chosen ends the run at this step.
 */
import { Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../api/flows.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { stepName } from '../model/describe.ts';
import { portsOf, targetOf, type Port } from '../model/graph.ts';

export function LinkFields({ step, onLink }: { step: FlowNode; onLink: (port: Port, target: string | null) => void }) {
  const { t } = useTranslation();
  const { def } = useBuilderInfo();
  const options = def.nodes.filter((n) => n.id !== step.id && n.type !== 'trigger').map((n) => ({ value: n.id, label: stepName(t, n) }));
  return (
    <Stack gap="sm">
      {portsOf(step).map((port) => (
        <Select
          key={port}
          label={t(`flow.panel.link.${port}`)}
          placeholder={t('flow.panel.endsHere')}
          data={options}
          value={targetOf(step, port)}
          onChange={(v) => onLink(port, v)}
          clearable
          searchable
        />
      ))}
    </Stack>
  );
}
