/**
 * A section's form: its cards, then the save bar. Enter in a field saves, like the Save button;
 * the browser's own validation bubbles are off, since the server's answer marks each field.
 */
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { SaveBar, type SaveBarForm } from './SaveBar.tsx';

export function SettingsForm({ form, children }: { form: SaveBarForm & { save: () => void }; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        form.save();
      }}
    >
      <Stack gap="lg">
        {children}
        <SaveBar form={form} />
      </Stack>
    </form>
  );
}
