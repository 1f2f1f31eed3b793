/**
 * Deliverability checks of a sender domain's DNS: SPF, DKIM, DMARC and DMARC's alignment of the From
 * domain with the DKIM signature. Each check says ok, warn or fail, why in plain words, what to do,
 * and the exact record to publish when it can be computed. Used by `cartback doctor` (every sender
 * in use) and `GET /api/stores/:id/deliverability` (one store). Only DNS is asked; no mail is sent.
 */
import { createPublicKey } from 'node:crypto';
import type { DnsCheck, SenderReport } from '../../../contracts/deliverability.ts';
import { dkimPublicKey } from '../../../kernel/dkim-key.ts';
import type { DnsLookup } from './lookup.ts';
import { allQualifier, isSpf, spfVerdict } from './spf.ts';

export interface SenderSetup {
  /** the From address, e.g. hello@shop.example */
  from: string;
  /** the key the mail is signed with, or null (unsigned) */
  dkim: { domain: string; selector: string; privateKey: string } | null;
  /** the SMTP server's host name, or null for the dev mailbox */
  smtpHost: string | null;
}

const RANK = { ok: 0, warn: 1, fail: 2 } as const;
export const worst = (checks: Array<{ status: DnsCheck['status'] }>): DnsCheck['status'] =>
  checks.reduce<DnsCheck['status']>((w, c) => (RANK[c.status] > RANK[w] ? c.status : w), 'ok');

/** Where cartback.local comes from: a store without sender email or domain (fromAddress in compose.ts). */
const PLACEHOLDER = 'cartback.local';

export async function checkSender(dns: DnsLookup, setup: SenderSetup): Promise<SenderReport> {
  const domain = (setup.from.split('@')[1] ?? '').toLowerCase();
  const base = { domain, from: setup.from, dkim: setup.dkim && { domain: setup.dkim.domain, selector: setup.dkim.selector }, smtpHost: setup.smtpHost };
  if (!domain || domain === PLACEHOLDER) {
    const checks: DnsCheck[] = [{
      check: 'sender', status: 'fail', code: 'sender_placeholder',
      summary: `mail goes out From ${setup.from}, a placeholder: no domain of yours, so no receiver can check it`,
      fix: 'set the sender email (Settings → Sending) to an address on your own domain, e.g. hello@yourshop.com',
    }];
    return { ...base, status: 'fail', checks };
  }
  const [spf, dkim, dmarc] = await Promise.all([checkSpf(dns, domain, setup.smtpHost), checkDkim(dns, setup.dkim), checkDmarc(dns, domain)]);
  const checks = [spf, dkim, dmarc.check, ...(setup.dkim ? [alignment(domain, setup.dkim.domain, dmarc.adkim)] : [])];
  return { ...base, status: worst(checks), checks };
}

// --- SPF ---------------------------------------------------------------------------------------

async function checkSpf(dns: DnsLookup, domain: string, smtpHost: string | null): Promise<DnsCheck> {
  const txt = await dns.txt(domain);
  if (!txt.ok && txt.missing === 'nxdomain') {
    return { check: 'spf', status: 'fail', code: 'domain_missing', summary: `${domain} does not exist in DNS (NXDOMAIN): receivers refuse mail from a domain that does not exist`, fix: 'check the spelling of the sender email, and that the domain is registered and has name servers' };
  }
  if (!txt.ok && !txt.missing) return dnsError('spf', txt.error);
  const records = txt.ok ? txt.value.filter(isSpf) : [];
  const suggested = suggestSpf(records, smtpHost);
  if (records.length === 0) {
    return {
      check: 'spf', status: 'fail', code: 'spf_missing',
      summary: `${domain} has no SPF record: receivers cannot tell which servers may send its mail, and Gmail and Yahoo require SPF or DKIM of every sender`,
      fix: `publish one TXT record on ${domain} listing the servers that send for it${smtpHost ? ` (here ${smtpHost}; if your mail provider documents an include:, use that instead)` : ''}`,
      record: { name: domain, type: 'TXT', value: suggested },
    };
  }
  if (records.length > 1) {
    return {
      check: 'spf', status: 'fail', code: 'spf_multiple',
      summary: `${domain} has ${records.length} SPF records (${records.map((r) => `"${r}"`).join(', ')}): with more than one, receivers answer "permerror" and SPF fails for all its mail`,
      fix: 'merge them into one record and delete the others',
      record: { name: domain, type: 'TXT', value: suggested },
    };
  }
  const record = records[0]!;
  const all = allQualifier(record);
  if (all === '+') {
    return { check: 'spf', status: 'warn', code: 'spf_plus_all', summary: `"${record}" ends with +all: any server on the internet may send as ${domain}, so SPF protects nothing`, fix: 'end the record with ~all (or -all) instead', record: { name: domain, type: 'TXT', value: replaceAll(record, '~all') } };
  }
  if (all === null) {
    return { check: 'spf', status: 'warn', code: 'spf_no_all', summary: `"${record}" has no all at the end: mail from servers it does not list is "neutral", neither passed nor failed`, fix: 'end the record with ~all (or -all, once you are sure every sender is listed)', record: { name: domain, type: 'TXT', value: `${record.trim()} ~all` } };
  }
  return smtpAuthorized(dns, domain, record, smtpHost);
}

/** Whether the record lets the SMTP server Cartback hands mail to send, when that can be told. */
async function smtpAuthorized(dns: DnsLookup, domain: string, record: string, smtpHost: string | null): Promise<DnsCheck> {
  const ok = (more: string): DnsCheck => ({ check: 'spf', status: 'ok', code: 'spf_ok', summary: `one SPF record, "${record}"${more}` });
  if (!smtpHost) return ok('');
  const found = await dns.addresses(smtpHost);
  if (!found.ok) return ok(`; whether it covers ${smtpHost} is unknown (${found.missing ? 'the name has no address' : found.error})`);
  const ips = found.value.filter((ip) => !isLocal(ip));
  if (ips.length === 0) return ok(`; ${smtpHost} is on this machine or network, a relay that sends from elsewhere`);
  const verdicts = await Promise.all(ips.map(async (ip) => ({ ip, v: await spfVerdict(dns, domain, ip) })));
  const unknown = verdicts.find((x) => x.v.result === 'unknown');
  if (unknown && unknown.v.result === 'unknown') return ok(`; whether it covers ${smtpHost} cannot be told here: ${unknown.v.why}`);
  const refused = verdicts.filter((x) => x.v.result !== '+');
  if (refused.length === 0) return ok(`, authorizing ${smtpHost} (${ips.join(', ')})`);
  const missing = refused.map((x) => `${x.ip.includes(':') ? 'ip6' : 'ip4'}:${x.ip}`);
  return {
    check: 'spf', status: 'warn', code: 'spf_not_authorized',
    summary: `"${record}" does not authorize ${smtpHost} (${refused.map((x) => x.ip).join(', ')}), the SMTP server Cartback hands mail to`,
    fix: `if that server sends the mail itself, add ${missing.join(' ')} to the record; if it relays through a mail provider, add the include: the provider documents`,
    record: { name: domain, type: 'TXT', value: withTerms(record, missing) },
  };
}

/** One record: the mechanisms of every record given (or a:smtpHost, else mx), ending in ~all. */
function suggestSpf(records: string[], smtpHost: string | null): string {
  const terms = [...new Set(records.flatMap((r) => r.trim().split(/\s+/).slice(1)).filter((t) => !/^[+\-~?]?all$/i.test(t) && !/^redirect=/i.test(t)))];
  if (terms.length === 0) terms.push(smtpHost ? `a:${smtpHost}` : 'mx');
  return `v=spf1 ${terms.join(' ')} ~all`;
}

const replaceAll = (record: string, all: string): string => record.trim().replace(/(^|\s)[+\-~?]?all(?=\s|$)/i, `$1${all}`);
const withTerms = (record: string, terms: string[]): string => {
  const parts = record.trim().split(/\s+/);
  const at = parts.findIndex((t) => /^[+\-~?]?all$/i.test(t) || /^redirect=/i.test(t));
  parts.splice(at < 0 ? parts.length : at, 0, ...terms);
  return parts.join(' ');
};

/** Loopback and private addresses: a relay on this machine or network, not what receivers see. */
const isLocal = (ip: string): boolean => /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|::1$|f[cd][0-9a-f]{2}:|fe80:)/i.test(ip);

// --- DKIM --------------------------------------------------------------------------------------

async function checkDkim(dns: DnsLookup, key: SenderSetup['dkim']): Promise<DnsCheck> {
  if (!key) {
    return {
      check: 'dkim', status: 'warn', code: 'dkim_not_configured',
      summary: 'mail goes out without a DKIM signature: DMARC can then pass only through SPF, which breaks when a message is forwarded, and Gmail and Yahoo expect bulk senders to sign',
      fix: 'make a key (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out dkim.pem), give it with a selector and your domain in Settings → Deliverability (dkimDomain, dkimSelector, dkimPrivateKey) or as CARTBACK_DKIM_*, then check again for the record to publish',
    };
  }
  const name = `${key.selector}._domainkey.${key.domain}`;
  const publicKey = spki(key.privateKey);
  const record = publicKey ? { name, type: 'TXT' as const, value: `v=DKIM1; k=rsa; p=${publicKey}` } : undefined;
  const txt = await dns.txt(name);
  if (!txt.ok && !txt.missing) return dnsError('dkim', txt.error);
  const found = txt.ok ? txt.value.filter((r) => /^\s*v=DKIM1\b/i.test(r) || /(^|;)\s*p=/i.test(r)) : [];
  if (found.length === 0) {
    return { check: 'dkim', status: 'fail', code: 'dkim_missing', summary: `no DKIM key at ${name}: receivers cannot verify the signature Cartback puts on every message`, fix: `publish the public key as a TXT record at ${name}`, record };
  }
  if (found.length > 1) return { check: 'dkim', status: 'fail', code: 'dkim_multiple', summary: `${found.length} DKIM records at ${name}: receivers may take either`, fix: 'keep one record, the one below', record };
  const tags = tagsOf(found[0]!);
  const p = tags.get('p');
  if (p === undefined) return { check: 'dkim', status: 'fail', code: 'dkim_no_key', summary: `the record at ${name} has no p= (the public key)`, fix: 'publish the record below instead', record };
  if (p === '') return { check: 'dkim', status: 'fail', code: 'dkim_revoked', summary: `the key at ${name} is revoked (empty p=): every signature with this selector fails`, fix: 'publish the record below, or sign with another selector', record };
  if ((tags.get('k') ?? 'rsa').toLowerCase() !== 'rsa' || !publicKey || spki(p, 'public') !== publicKey) {
    return {
      check: 'dkim', status: 'fail', code: 'dkim_mismatch',
      summary: `the key published at ${name} is not the public half of the private key Cartback signs with: receivers will find every signature broken`,
      fix: 'replace the record with the one below (or set the private key that belongs to the published one)',
      record,
    };
  }
  return { check: 'dkim', status: 'ok', code: 'dkim_ok', summary: `the key at ${name} matches the private key Cartback signs with` };
}

/** A key as base64 DER SubjectPublicKeyInfo (what p= holds), or null when it is not one. */
function spki(key: string, kind: 'private' | 'public' = 'private'): string | null {
  try {
    if (kind === 'private') return dkimPublicKey(key);
    return createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'der' }).toString('base64');
  } catch {
    return null;
  }
}

function tagsOf(record: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of record.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}

// --- DMARC -------------------------------------------------------------------------------------

/** The DMARC record of the From domain, else of its organizational domain (as receivers look). */
async function checkDmarc(dns: DnsLookup, domain: string): Promise<{ check: DnsCheck; adkim: 'r' | 's' }> {
  const org = organizationalDomain(domain);
  let at = `_dmarc.${domain}`;
  let txt = await dns.txt(at);
  let found = txt.ok ? txt.value.filter((r) => /^v=DMARC1\s*(;|$)/i.test(r.trim())) : [];
  if (found.length === 0 && org !== domain && (txt.ok || txt.missing)) {
    at = `_dmarc.${org}`;
    txt = await dns.txt(at);
    found = txt.ok ? txt.value.filter((r) => /^v=DMARC1\s*(;|$)/i.test(r.trim())) : [];
  }
  const suggested = { name: `_dmarc.${org}`, type: 'TXT' as const, value: `v=DMARC1; p=none; rua=mailto:postmaster@${org}` };
  if (!txt.ok && !txt.missing) return { check: dnsError('dmarc', txt.error), adkim: 'r' };
  if (found.length === 0) {
    return {
      check: {
        check: 'dmarc', status: 'fail', code: 'dmarc_missing',
        summary: `no DMARC record at _dmarc.${domain}${org !== domain ? ` or _dmarc.${org}` : ''}: Gmail and Yahoo require one of bulk senders, and without it anyone may send as ${domain} unchallenged`,
        fix: 'publish the record below (start with p=none and read the reports sent to rua=, then move to p=quarantine)',
        record: suggested,
      },
      adkim: 'r',
    };
  }
  if (found.length > 1) {
    return { check: { check: 'dmarc', status: 'fail', code: 'dmarc_multiple', summary: `${found.length} DMARC records at ${at}: receivers then ignore DMARC for the domain`, fix: 'keep one record' }, adkim: 'r' };
  }
  const record = found[0]!.trim();
  const tags = tagsOf(record);
  const adkim = tags.get('adkim')?.toLowerCase() === 's' ? 's' : 'r';
  const p = tags.get('p')?.toLowerCase();
  if (p !== 'none' && p !== 'quarantine' && p !== 'reject') {
    return { check: { check: 'dmarc', status: 'fail', code: 'dmarc_invalid_policy', summary: `"${record}" at ${at} has ${p === undefined ? 'no p=' : `p=${p}`}; it must be p=none, p=quarantine or p=reject, else receivers ignore the record`, fix: 'publish the record below', record: { ...suggested, name: at } }, adkim };
  }
  if (p === 'none') {
    return {
      check: {
        check: 'dmarc', status: 'warn', code: 'dmarc_none',
        summary: `"${record}" at ${at}: p=none only asks receivers for reports; mail that fails DMARC, forged mail included, is still delivered as if there were no policy`,
        fix: 'once the reports show your own mail passing (SPF or DKIM aligned with the From domain), move to p=quarantine, then p=reject',
        record: { name: at, type: 'TXT', value: record.replace(/(^|;)(\s*)p=none/i, '$1$2p=quarantine') },
      },
      adkim,
    };
  }
  return { check: { check: 'dmarc', status: 'ok', code: 'dmarc_ok', summary: `"${record}" at ${at}: mail that fails DMARC is ${p === 'reject' ? 'refused' : 'put in spam'}` }, adkim };
}

/** DMARC passes through DKIM only when the signing domain (d=) matches the From domain. */
function alignment(from: string, signing: string, adkim: 'r' | 's'): DnsCheck {
  const d = signing.toLowerCase();
  const aligned = adkim === 's' ? d === from : organizationalDomain(d) === organizationalDomain(from);
  if (aligned) return { check: 'alignment', status: 'ok', code: 'alignment_ok', summary: `the DKIM signature (d=${d}) is aligned with the From domain ${from}${adkim === 's' ? ' (strict, adkim=s)' : ''}` };
  return {
    check: 'alignment', status: 'warn', code: 'alignment_mismatch',
    summary: `mail is signed as d=${d} but comes From ${from}: DMARC${adkim === 's' ? ' (strict, adkim=s)' : ''} does not count this signature, so it passes only if SPF does`,
    fix: `sign as ${from}: set dkimDomain to ${from} (or the sender email to an address on ${d}) and publish the key there`,
  };
}

/**
 * The registered domain, roughly: the last two labels, three under a two-letter country code's
 * generic second level (co.uk, com.cn). Without the public suffix list this misses rarer suffixes;
 * it only decides where a DMARC record is also looked for and relaxed alignment.
 */
export function organizationalDomain(domain: string): string {
  const labels = domain.toLowerCase().split('.');
  const n = labels.length >= 3 && labels.at(-1)!.length === 2 && /^(co|com|net|org|gov|edu|ac|or|ne|go)$/.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

function dnsError(check: DnsCheck['check'], error: string): DnsCheck {
  return { check, status: 'warn', code: 'dns_error', summary: `could not be checked: ${error}` };
}
