/**
 * The foot of a section's form: what is unsaved, Save and Discard. It sticks to the bottom of the
 * window while there are changes, so Save is in reach in a long section (and only then, so it never
 * covers the last field for nothing). Problems the server found
 * are marked at their fields; this says so once, for screen readers too (role=alert).
 */
import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './fieldErrors.ts';
import { UnsavedChangesGuard } from './UnsavedChangesGuard.tsx';

/** The parts of a section form (useSectionForm) the bar shows and acts on. */
export interface SaveBarForm {
  dirty: boolean;
  saving: boolean;
  changed: readonly unknown[];
  errors: FieldErrors;
  reset: () => void;
}

export function SaveBar({ form }: { form: SaveBarForm }) {
  const { t } = useTranslation();
  const { dirty, saving, errors } = form;
  const problems = Object.values(errors).filter(Boolean).length;
  return (
    <Paper withBorder shadow={dirty ? 'sm' : undefined} p="sm" px="md" pos={dirty ? 'sticky' : undefined} bottom={12} style={{ zIndex: 5 }} bg={dirty ? 'white' : 'gray.0'}>
      <UnsavedChangesGuard dirty={dirty} />
      {problems > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" mb="sm" p="xs">
          {t('settings.form.problems', { count: problems })}
        </Alert>
      )}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c={dirty ? undefined : 'dimmed'} aria-live="polite">
          {dirty ? t('settings.form.unsaved', { count: form.changed.length }) : t('settings.form.clean')}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={form.reset} disabled={!dirty || saving}>
            {t('settings.form.discard')}
          </Button>
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
