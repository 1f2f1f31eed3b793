/**
 * The selected step's settings: what it does (its own form), its label, where it leads, what is
 * wrong with it, and its numbers. An old version shows the same panel with every field disabled.
 */
import { Alert, Button, Fieldset, Group, List, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowNode, NodeOf } from '../../../../api/flows.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { ConditionForm } from '../forms/ConditionForm.tsx';
import { HoldoutForm } from '../forms/HoldoutForm.tsx';
import { SendEmailForm } from '../forms/SendEmailForm.tsx';
import { WaitForm } from '../forms/WaitForm.tsx';
import type { Port } from '../model/graph.ts';
import type { NodeType } from '../model/newNode.ts';
import { STEP_STYLE } from '../stepStyle.ts';
import { AddNextMenu } from './AddNextMenu.tsx';
import { LinkFields } from './LinkFields.tsx';
import { StepStats } from './StepStats.tsx';

export interface StepPanelProps {
  step: FlowNode;
  problems: string[];
  onChange: (fn: (n: FlowNode) => FlowNode, field?: string) => void;
  onLink: (port: Port, target: string | null) => void;
  onAddNext: (type: NodeType, port: Port) => void;
  onDelete: () => void;
}

export function StepPanel({ step, problems, onChange, onLink, onAddNext, onDelete }: StepPanelProps) {
  const { t } = useTranslation();
  const { readOnly, currency } = useBuilderInfo();
  const { icon: Icon, color } = STEP_STYLE[step.type];
  // Each form edits its own kind of step; the patch is merged into the step it was made for.
  const update = <T extends FlowNode>(patch: Partial<T>, field?: string) => onChange((n) => ({ ...n, ...patch }) as FlowNode, field);
  return (
    <Stack gap="md" data-testid="step-panel">
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={32} radius="md" variant="light" color={color} aria-hidden>
            <Icon size={18} />
          </ThemeIcon>
          <div>
            <Title order={2} size="h3" id="step-panel-title" tabIndex={-1}>
              {t(`flow.types.${step.type}`)}
            </Title>
            <Text size="xs" c="dimmed">
              {t('flow.panel.id', { id: step.id })}
            </Text>
          </div>
        </Group>
        {!readOnly && (
          <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
            {t('flow.panel.delete')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t(`flow.typeHelp.${step.type}`)}
      </Text>
      {problems.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('flow.panel.toFix')}>
          <List size="sm" spacing={2}>
            {problems.map((p) => <List.Item key={p}>{p}</List.Item>)}
          </List>
        </Alert>
      )}
      <Fieldset disabled={readOnly} variant="unstyled">
        <Stack gap="md">
          {step.type === 'wait' && <WaitForm step={step} update={update<NodeOf<'wait'>>} />}
          {step.type === 'send_email' && <SendEmailForm step={step} update={update<NodeOf<'send_email'>>} currency={currency} />}
          {step.type === 'condition' && <ConditionForm step={step} update={update<NodeOf<'condition'>>} />}
          {step.type === 'holdout' && <HoldoutForm step={step} update={update<NodeOf<'holdout'>>} />}
          <TextInput label={t('flow.panel.label')} description={t('flow.panel.labelHint')} value={step.label ?? ''} maxLength={200} onChange={(e) => update({ label: e.currentTarget.value || undefined }, 'label')} />
          <LinkFields step={step} onLink={onLink} />
          {!readOnly && <AddNextMenu step={step} onAdd={onAddNext} />}
        </Stack>
      </Fieldset>
      <StepStats step={step} />
    </Stack>
  );
}
