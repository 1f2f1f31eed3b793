/**
 * Something to paste elsewhere (a snippet tag, a webhook URL, a key) shown whole, with a copy
 * button named after it ("Copy webhook URL"); its "Copied" is announced through a status region
 * (a changed button label is not read out).
 */
import { ActionIcon, Box, Button, Code, CopyButton, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface CopyCodeProps {
  /** what it is, e.g. "Webhook URL"; labels the code and names the copy button */
  label: string;
  value: string;
  /** several lines (a snippet tag) in a block with a text button; else one line with an icon button */
  block?: boolean;
  testId?: string;
}

export function CopyCode({ label, value, block, testId }: CopyCodeProps) {
  const { t } = useTranslation();
  const copyLabel = t('settings.copyThing', { thing: label });
  if (block) {
    return (
      <Box>
        <Group justify="space-between" mb={6}>
          <Text size="sm" fw={500}>
            {label}
          </Text>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <>
                <Button size="xs" variant={copied ? 'light' : 'filled'} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />} onClick={copy} aria-label={copyLabel}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
                <VisuallyHidden role="status">{copied ? t('common.copied') : ''}</VisuallyHidden>
              </>
            )}
          </CopyButton>
        </Group>
        <Code block aria-label={label} data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 'var(--mantine-font-size-xs)' }}>
          {value}
        </Code>
      </Box>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Code aria-label={label} data-testid={testId} style={{ wordBreak: 'break-all', fontSize: 'var(--mantine-font-size-sm)', padding: '6px 10px', flex: 1 }}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <>
            <Tooltip label={copied ? t('common.copied') : copyLabel} withArrow>
              <ActionIcon variant={copied ? 'light' : 'default'} size="lg" onClick={copy} aria-label={copyLabel}>
                {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              </ActionIcon>
            </Tooltip>
            <VisuallyHidden role="status">{copied ? t('common.copied') : ''}</VisuallyHidden>
          </>
        )}
      </CopyButton>
    </Group>
  );
}
