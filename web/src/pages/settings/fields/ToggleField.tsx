/**
 * A setting that is either off or has a value (quiet hours, a frequency cap, the hold-back): a
 * switch, and the value's inputs only while it is on. Turning it on fills in a sensible default,
 * so the setting never reaches the server half filled. A problem with the value shows once, below
 * its inputs.
 */
import { Collapse, Input, Stack, Switch } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ToggleFieldProps {
  label: string;
  description?: string;
  enabled: boolean;
  onToggle: (on: boolean) => void;
  /** the server's word on the value; the inputs inside are only marked red */
  error?: string;
  children: ReactNode;
}

export function ToggleField({ label, description, enabled, onToggle, error, children }: ToggleFieldProps) {
  return (
    <Stack gap="sm">
      <Switch label={label} description={description} checked={enabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
      <Collapse expanded={enabled}>
        <Stack gap="sm" pl={{ base: 0, sm: 54 }}>
          {enabled && children}
          {enabled && error && <Input.Error role="alert">{error}</Input.Error>}
        </Stack>
      </Collapse>
    </Stack>
  );
}
