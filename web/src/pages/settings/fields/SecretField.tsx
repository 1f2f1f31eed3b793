/**
 * A secret setting (SMTP URL, webhook signing secret, DKIM key). The server only ever shows a mask (its last
 * characters, or the SMTP URL without its password) and keeps the stored secret when the mask comes
 * back, so this field's value IS the mask until the person replaces or clears it: an empty
 * replacement means "unchanged", never "remove". Clearing is its own, undoable, choice.
 */
import { Button, Code, Group, Input, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconEraser, IconReplace } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField.tsx';

export interface SecretFieldProps {
  label: string;
  description?: string;
  /** the masked value the server showed ('' when none is set) */
  saved: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  placeholder?: string;
  /** several lines (a PEM key): typed into a text area, in a monospace font */
  multiline?: boolean;
}

/** The SMTP mask comes percent-encoded (the dots are set as a URL password); show it as read. */
const readable = (mask: string) => {
  try {
    return decodeURIComponent(mask);
  } catch {
    return mask;
  }
};

export function SecretField({ label, description, saved, value, onChange, error, placeholder, multiline }: SecretFieldProps) {
  const { t } = useTranslation();
  const isSet = saved !== '';
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');

  if (!isSet || editing) {
    const input = {
      label,
      description,
      placeholder: isSet ? t('settings.secret.replacePlaceholder') : placeholder,
      value: typed,
      onChange: (e: { currentTarget: { value: string } }) => {
        setTyped(e.currentTarget.value);
        onChange(e.currentTarget.value.trim() || saved);
      },
      error,
      autoComplete: 'off',
      'data-autofocus': editing || undefined,
      autoFocus: editing,
    };
    return (
      <Stack gap={6}>
        {multiline ? (
          <Textarea {...input} autosize minRows={4} maxRows={12} spellCheck={false} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }} />
        ) : (
          <PasswordField {...input} />
        )}
        {editing && (
          <Group>
            <Button size="compact-sm" variant="subtle" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => { setEditing(false); setTyped(''); onChange(saved); }}>
              {t('settings.secret.keep')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }
  const cleared = value === '';
  return (
    <Input.Wrapper label={label} description={description} error={error}>
      <Group gap="sm" mt={6} wrap="wrap">
        {cleared ? (
          <Text size="sm" c="orange.8" fw={500}>
            {t('settings.secret.willClear')}
          </Text>
        ) : (
          <Code aria-label={t('settings.secret.current', { label })} style={{ fontSize: 'var(--mantine-font-size-sm)', padding: '6px 10px', wordBreak: 'break-all' }}>
            {readable(saved)}
          </Code>
        )}
        {cleared ? (
          <Button size="compact-sm" variant="subtle" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => onChange(saved)}>
            {t('settings.secret.undo')}
          </Button>
        ) : (
          <>
            <Button size="compact-sm" variant="light" leftSection={<IconReplace size={14} aria-hidden />} onClick={() => setEditing(true)} aria-label={t('settings.secret.replaceThing', { label })}>
              {t('settings.secret.replace')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconEraser size={14} aria-hidden />} onClick={() => onChange('')} aria-label={t('settings.secret.clearThing', { label })}>
              {t('settings.secret.clear')}
            </Button>
          </>
        )}
      </Group>
    </Input.Wrapper>
  );
}
