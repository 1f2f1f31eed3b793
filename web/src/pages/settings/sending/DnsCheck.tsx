/**
 * "Will receivers trust mail from this domain?" (GET …/deliverability): SPF, DKIM, DMARC and
 * alignment of the saved sender, each ok, warning or failed, with a line in the person's language,
 * the server's explanation, what to do and the record to publish (copyable). Like the mail server
 * check, it asks about the SAVED settings, so it waits for a save.
 */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconWorldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCheckDns, type DnsCheck as Check } from '../../../api/settings.ts';
import { CopyCode } from '../fields/CopyCode.tsx';
import { SavedSettingsCheck } from './SavedSettingsCheck.tsx';

const STATUS_COLOR: Record<Check['status'], string> = { ok: 'jade', warn: 'yellow', fail: 'red' };

/** Codes the server sends (src/channels/email/dns/checks.ts) that have wording here; others show the server's sentence. */
const CODES = [
  'sender_placeholder', 'domain_missing', 'dns_error',
  'spf_ok', 'spf_missing', 'spf_multiple', 'spf_plus_all', 'spf_no_all', 'spf_not_authorized',
  'dkim_ok', 'dkim_not_configured', 'dkim_missing', 'dkim_multiple', 'dkim_no_key', 'dkim_revoked', 'dkim_mismatch',
  'dmarc_ok', 'dmarc_missing', 'dmarc_multiple', 'dmarc_invalid_policy', 'dmarc_none',
  'alignment_ok', 'alignment_mismatch',
] as const;
type Code = (typeof CODES)[number];
const isCode = (c: string): c is Code => (CODES as readonly string[]).includes(c);

export function DnsCheck({ storeId, unsaved }: { storeId: string; unsaved: boolean }) {
  const { t } = useTranslation();
  const check = useCheckDns(storeId);
  const report = check.data;

  return (
    <SavedSettingsCheck
      label={t('settings.sending.dns.check')}
      icon={<IconWorldCheck size={16} aria-hidden />}
      unsaved={unsaved}
      pending={check.isPending}
      onCheck={() => check.mutate()}
      error={check.isError ? check.error : null}
    >
      {report && (
        <Stack gap="sm" data-testid="dns-report" data-status={report.status}>
          <Text size="sm" c="dimmed">
            {t('settings.sending.dns.checked', { domain: report.domain, from: report.from })}
            {report.dnsServer ? ` ${t('settings.sending.dns.server', { server: report.dnsServer })}` : ''}
          </Text>
          {report.checks.map((c) => (
            <Paper key={c.check} withBorder p="sm" data-testid={`dns-${c.check}`} data-status={c.status}>
              <Stack gap={6}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Badge color={STATUS_COLOR[c.status]} variant="light" style={{ flexShrink: 0 }}>
                    {t(`settings.sending.dns.status.${c.status}`)}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {t(`settings.sending.dns.name.${c.check}`)}
                    {' · '}
                    {isCode(c.code) ? t(`settings.sending.dns.code.${c.code}`) : c.summary}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {c.summary}
                </Text>
                {c.fix && (
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {t('settings.sending.dns.fix', { fix: c.fix })}
                  </Text>
                )}
                {c.record && <CopyCode block label={t('settings.sending.dns.record', { name: c.record.name })} value={c.record.value} />}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </SavedSettingsCheck>
  );
}
