/**
 * SPF (RFC 7208), as far as doctor needs it: finding a domain's record, and whether that record
 * lets a given address send. The evaluation follows ip4, ip6, a, mx, include, redirect and all, with
 * the ten-lookup limit; a record that depends on what only the receiver knows (macros, exists, ptr)
 * or a lookup that failed gives "unknown" rather than a guess.
 */
import { BlockList, isIP } from 'node:net';
import type { DnsLookup, Lookup } from './lookup.ts';

/** A record starts with exactly this version term (case-insensitive), then a space or nothing. */
export const isSpf = (txt: string): boolean => /^v=spf1(\s|$)/i.test(txt.trim());

export type SpfVerdict =
  /** +: authorized; -: fail; ~: softfail; ?: neutral (also: no mechanism matched) */
  | { result: '+' | '-' | '~' | '?'; by: string }
  | { result: 'unknown'; why: string };

const MAX_LOOKUPS = 10;

interface Walk { lookups: number }

/** Does `domain`'s SPF record authorize `ip`? */
export async function spfVerdict(dns: DnsLookup, domain: string, ip: string): Promise<SpfVerdict> {
  return evaluate(dns, domain, ip, { lookups: 0 });
}

async function evaluate(dns: DnsLookup, domain: string, ip: string, walk: Walk): Promise<SpfVerdict> {
  const txt = await dns.txt(domain);
  if (!txt.ok) return { result: 'unknown', why: txt.missing ? `${domain} has no SPF record` : txt.error };
  const records = txt.value.filter(isSpf);
  if (records.length !== 1) return { result: 'unknown', why: `${domain} has ${records.length} SPF records` };
  let redirect: string | null = null;
  for (const term of records[0]!.trim().split(/\s+/).slice(1)) {
    if (term.includes('%')) return { result: 'unknown', why: `"${term}" uses a macro, which depends on the message` };
    const modifier = /^([a-z][\w.-]*)=(.*)$/i.exec(term);
    if (modifier) {
      if (modifier[1]!.toLowerCase() === 'redirect') redirect = modifier[2]!;
      continue;
    }
    const m = /^([+\-~?]?)([a-z0-9]+)(?::([^/]*))?(?:\/(\d+))?(?:\/\/(\d+))?$/i.exec(term);
    if (!m) return { result: 'unknown', why: `"${term}" is not an SPF term` };
    const qualifier = (m[1] || '+') as '+' | '-' | '~' | '?';
    const name = m[2]!.toLowerCase();
    const target = m[3] || domain;
    const prefix4 = m[4] === undefined ? 32 : Number(m[4]);
    const prefix6 = m[5] === undefined ? (m[4] !== undefined && name === 'ip6' ? Number(m[4]) : 128) : Number(m[5]);
    let matched: boolean | SpfVerdict;
    switch (name) {
      case 'all':
        return { result: qualifier, by: term };
      case 'ip4':
      case 'ip6':
        matched = inNetwork(ip, m[3] ?? '', name === 'ip4' ? prefix4 : prefix6);
        break;
      case 'a':
      case 'mx': {
        if (++walk.lookups > MAX_LOOKUPS) return tooMany();
        const hosts: Lookup<string[]> = name === 'a' ? { ok: true, value: [target] } : await dns.mx(target);
        if (!hosts.ok && hosts.missing) {
          matched = false;
          break;
        }
        if (!hosts.ok) return { result: 'unknown', why: hosts.error };
        matched = await anyAddress(dns, hosts.value, ip, prefix4, prefix6);
        break;
      }
      case 'include': {
        if (++walk.lookups > MAX_LOOKUPS) return tooMany();
        const inner = await evaluate(dns, target, ip, walk);
        if (inner.result === 'unknown') return inner;
        matched = inner.result === '+';
        break;
      }
      case 'exists':
      case 'ptr':
        return { result: 'unknown', why: `"${term}" depends on lookups only the receiver makes` };
      default:
        return { result: 'unknown', why: `"${term}" is not an SPF mechanism` };
    }
    if (typeof matched === 'object') return matched;
    if (matched) return { result: qualifier, by: term };
  }
  if (redirect) {
    if (++walk.lookups > MAX_LOOKUPS) return tooMany();
    return evaluate(dns, redirect, ip, walk);
  }
  return { result: '?', by: 'no mechanism matched' };
}

const tooMany = (): SpfVerdict => ({ result: 'unknown', why: `more than ${MAX_LOOKUPS} DNS lookups: receivers answer "permerror" and ignore the record` });

async function anyAddress(dns: DnsLookup, hosts: string[], ip: string, prefix4: number, prefix6: number): Promise<boolean | SpfVerdict> {
  for (const host of hosts) {
    const found = await dns.addresses(host);
    if (!found.ok) {
      if (found.missing) continue;
      return { result: 'unknown', why: found.error };
    }
    if (found.value.some((a) => inNetwork(ip, a, isIP(a) === 4 ? prefix4 : prefix6))) return true;
  }
  return false;
}

function inNetwork(ip: string, network: string, prefix: number): boolean {
  const family = isIP(ip);
  if (!family || isIP(network) !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  try {
    list.addSubnet(network, prefix, type);
  } catch {
    return false; // a prefix out of range: the term matches nothing
  }
  return list.check(ip, type);
}

/** What `all` a record ends with: the qualifier, or null when it has none (and no redirect). */
export function allQualifier(record: string): '+' | '-' | '~' | '?' | null | 'redirect' {
  const terms = record.trim().split(/\s+/).slice(1);
  const all = terms.find((t) => /^[+\-~?]?all$/i.test(t));
  if (all) return (all.length === 3 ? '+' : all[0]) as '+' | '-' | '~' | '?';
  return terms.some((t) => /^redirect=/i.test(t)) ? 'redirect' : null;
}
