/** What `GET /api/stores/:id/deliverability` and `cartback doctor` report about a sender domain's DNS. */
import { Type, type Static } from 'typebox';

const Status = Type.Union([Type.Literal('ok'), Type.Literal('warn'), Type.Literal('fail')]);

export const DnsCheck = Type.Object({
  check: Type.Union([Type.Literal('sender'), Type.Literal('spf'), Type.Literal('dkim'), Type.Literal('dmarc'), Type.Literal('alignment')]),
  status: Status,
  /** stable, for the admin app's wording: spf_missing, spf_multiple, dkim_mismatch, dmarc_none, dns_error, … */
  code: Type.String(),
  /** what was found, in a sentence or two */
  summary: Type.String(),
  /** what to do about it (absent when nothing is to be done) */
  fix: Type.Optional(Type.String()),
  /** the record to publish, when it can be computed */
  record: Type.Optional(Type.Object({ name: Type.String(), type: Type.Literal('TXT'), value: Type.String() })),
});
export type DnsCheck = Static<typeof DnsCheck>;

export const SenderReport = Type.Object({
  /** the domain of the From address */
  domain: Type.String(),
  from: Type.String(),
  /** the DKIM key the mail is signed with (the store's, else the instance's), or null */
  dkim: Type.Union([Type.Null(), Type.Object({ domain: Type.String(), selector: Type.String() })]),
  /** the SMTP server the mail is handed to, or null for the dev mailbox */
  smtpHost: Type.Union([Type.Null(), Type.String()]),
  /** the worst of the checks */
  status: Status,
  checks: Type.Array(DnsCheck),
});
export type SenderReport = Static<typeof SenderReport>;

export const DeliverabilityReport = Type.Object({
  ...SenderReport.properties,
  /** CARTBACK_DNS_SERVER, or null for the system's resolvers */
  dnsServer: Type.Union([Type.Null(), Type.String()]),
  checkedAt: Type.String({ format: 'date-time' }),
});
export type DeliverabilityReport = Static<typeof DeliverabilityReport>;
