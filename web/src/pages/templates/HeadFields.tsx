/**
 * Subject and preheader, the two lines an inbox shows before anyone opens the mail. They are the
 * <mj-title> and <mj-preview> of the MJML (see headFields.ts): typing here edits the source, and
 * editing the source shows here. Liquid works in both, e.g. {{ contact.first_name }}.
 */
import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HeadTag } from './headFields.ts';

// Liquid reads better in the code editor's face and size (13 px: at 14 px some monospace fonts
// lose the underscore of first_name to the input's line box).
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: '13px' } };

export interface HeadFieldsProps {
  subject: string | null;
  preheader: string | null;
  onChange: (tag: HeadTag, value: string) => void;
}

export function HeadFields({ subject, preheader, onChange }: HeadFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={1} spacing="sm">
      <TextInput
        label={t('template.subject')}
        description={subject === null ? t('template.subjectMissing') : undefined}
        value={subject ?? ''}
        onChange={(e) => onChange('mj-title', e.currentTarget.value)}
        styles={MONO}
        spellCheck={false}
      />
      <TextInput
        label={t('template.preheader')}
        description={t('template.preheaderHint')}
        value={preheader ?? ''}
        onChange={(e) => onChange('mj-preview', e.currentTarget.value)}
        styles={MONO}
        spellCheck={false}
      />
    </SimpleGrid>
  );
}
