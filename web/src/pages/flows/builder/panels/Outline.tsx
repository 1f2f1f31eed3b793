/**
 * Every step as a list, in the order a run meets them: the flow without the canvas. Each entry is
 * a button (Tab moves through them); choosing one selects the step, brings it into view and opens
 * its settings. Steps with something to fix are marked.
 */
import { Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconAlertTriangleFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBuilderInfo } from '../BuilderContext.ts';
import { stepName, stepSummary } from '../model/describe.ts';
import { stepOrder } from '../model/graph.ts';
import { STEP_STYLE } from '../stepStyle.ts';

export function Outline({ selectedId, onChoose }: { selectedId: string | null; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const { def, problemNodes, currency } = useBuilderInfo();
  const steps = stepOrder(def);
  if (steps.length === 0) return <Text size="sm" c="dimmed">{t('flow.outline.empty')}</Text>;
  return (
    <Stack component="ol" gap={4} aria-label={t('flow.outline.label')} m={0} p={0} style={{ listStyle: 'none' }}>
      {steps.map((step) => {
        const { icon: Icon, color } = STEP_STYLE[step.type];
        const problem = problemNodes.has(step.id);
        return (
          <li key={step.id}>
            <UnstyledButton className="flow-outline-item" aria-current={step.id === selectedId ? 'true' : undefined} onClick={() => onChoose(step.id)} data-testid={`outline-${step.id}`}>
              <ThemeIcon size={24} radius="sm" variant="light" color={color} aria-hidden>
                <Icon size={14} />
              </ThemeIcon>
              <span style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={600} truncate>
                  {stepName(t, step)}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {stepSummary(t, step, def, currency)}
                </Text>
              </span>
              {problem && <IconAlertTriangleFilled size={16} className="flow-node-warning" role="img" aria-label={t('flow.canvas.hasProblem')} />}
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}
