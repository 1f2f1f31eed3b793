/**
 * Raw data (an event's properties, a contact's traits) behind a button: closed, the timeline stays
 * readable; open, nothing is hidden. The button says whether it is open (aria-expanded).
 */
import { Button, Code, Collapse } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';

export function JsonToggle({ label, value }: { label: string; value: unknown }) {
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <>
      <Button
        variant="subtle"
        size="compact-xs"
        color="gray"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
        leftSection={opened ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
      >
        {label}
      </Button>
      <Collapse expanded={opened} id={id}>
        <Code block mt={4} fz="xs" style={{ maxHeight: 280, overflow: 'auto' }}>
          {JSON.stringify(value, null, 2)}
        </Code>
      </Collapse>
    </>
  );
}
