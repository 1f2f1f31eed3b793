/**
 * "What's missing": the server's check of the current draft, said plainly, with a one-line verdict
 * ("Ready to publish", "3 things to fix") announced to screen readers as it changes. A problem that
 * belongs to a step is a button that selects that step.
 */
import { Group, Loader, Paper, ScrollArea, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../i18n/errorMessage.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { stepName } from '../model/describe.ts';
import type { Check } from '../useChecks.ts';

export function ProblemsPanel({ check, publishable, onChoose }: { check: Check; publishable: boolean; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const { def } = useBuilderInfo();
  const count = check.items.length;
  const verdict = check.state === 'error' ? t('flow.problems.failed') : check.state === 'checking' && check.first ? t('flow.problems.checking') : count === 0 ? (publishable ? t('flow.problems.ready') : t('flow.problems.complete')) : t('flow.problems.toFix', { count });
  const tone = check.state === 'error' ? 'gray' : count === 0 ? 'jade' : 'orange';
  const Icon = check.state === 'error' ? IconCloudOff : count === 0 ? IconCircleCheck : IconAlertTriangle;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="flow-problems-title" data-testid="problems">
      <Group gap="xs" wrap="nowrap" mb={count || check.tips.length ? 'xs' : 0}>
        <ThemeIcon variant="light" color={tone} size={28} radius="xl" aria-hidden>
          <Icon size={16} />
        </ThemeIcon>
        <div style={{ flex: 1 }}>
          <Title order={2} size="h5" id="flow-problems-title">
            {t('flow.problems.title')}
          </Title>
          <Text size="sm" fw={600} c={`${tone}.8`} role="status" aria-live="polite" data-testid="problems-verdict">
            {verdict}
          </Text>
        </div>
        {check.state === 'checking' && <Loader size="xs" aria-label={t('flow.problems.checking')} />}
      </Group>
      {check.state === 'error' && <Text size="xs" c="dimmed">{errorMessage(t, check.error)}</Text>}
      {count > 0 && (
        <ScrollArea.Autosize mah={200} type="auto" offsetScrollbars>
          <Stack component="ol" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
            {check.items.map((p, i) => {
              const step = p.node ? def.nodes.find((n) => n.id === p.node) : undefined;
              const text = (
                <Text size="sm" span>
                  {step && <Text span fw={600}>{stepName(t, step)}: </Text>}
                  {p.text}
                </Text>
              );
              return (
                <li key={`${p.node ?? ''}${i}`}>
                  {step ? <UnstyledButton className="flow-problem" onClick={() => onChoose(step.id)}>{text}</UnstyledButton> : <div className="flow-problem">{text}</div>}
                </li>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {check.tips.map((tip) => (
        <Text key={tip} size="xs" c="dimmed" mt={6}>
          {tip}
        </Text>
      ))}
    </Paper>
  );
}
