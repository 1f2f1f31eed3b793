/**
 * DNS questions for the deliverability checks, through node:dns/promises with short timeouts, and
 * every way a lookup can go wrong turned into an answer: a name that does not exist (NXDOMAIN) or
 * has no record of that type is an ordinary result the checks explain; a timeout or a refusing
 * server is an error with a sentence saying what to look at. Nothing here throws.
 */
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';

export type Lookup<T> =
  | { ok: true; value: T }
  /** nxdomain: the name does not exist; nodata: it exists, without records of this type */
  | { ok: false; missing: 'nxdomain' | 'nodata' }
  | { ok: false; missing?: undefined; error: string };

/** How long one question may take: c-ares doubles the timeout on each try, so 1 s + 2 s. Doctor and the API wait for it. */
const TIMEOUT_MS = 1000;
const TRIES = 2;
const TOTAL_S = (TIMEOUT_MS * (2 ** TRIES - 1)) / 1000;

export class DnsLookup {
  private readonly resolver: Resolver;

  /** `server`: CARTBACK_DNS_SERVER (an IP address, optionally with a port); null: the system's resolvers. */
  constructor(readonly server: string | null) {
    this.resolver = new Resolver({ timeout: TIMEOUT_MS, tries: TRIES });
    if (server) this.resolver.setServers([server]);
  }

  /** Each TXT record as one string (a record longer than 255 bytes comes in pieces, joined here). */
  txt(name: string): Promise<Lookup<string[]>> {
    return this.ask(name, 'TXT', async () => (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join('')));
  }

  /** IPv4 and IPv6 addresses; the name is missing only when it has neither. */
  async addresses(name: string): Promise<Lookup<string[]>> {
    if (isIP(name)) return { ok: true, value: [name] };
    const [v4, v6] = await Promise.all([this.ask(name, 'A', () => this.resolver.resolve4(name)), this.ask(name, 'AAAA', () => this.resolver.resolve6(name))]);
    if (v4.ok || v6.ok) return { ok: true, value: [...(v4.ok ? v4.value : []), ...(v6.ok ? v6.value : [])] };
    return [v4, v6].find((l) => !l.ok && !l.missing) ?? v4; // a failed question says more than a missing record
  }

  mx(name: string): Promise<Lookup<string[]>> {
    return this.ask(name, 'MX', async () => (await this.resolver.resolveMx(name)).sort((a, b) => a.priority - b.priority).map((m) => m.exchange));
  }

  private async ask<T>(name: string, type: string, query: () => Promise<T>): Promise<Lookup<T>> {
    try {
      return { ok: true, value: await query() };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND') return { ok: false, missing: 'nxdomain' };
      if (code === 'ENODATA') return { ok: false, missing: 'nodata' };
      return { ok: false, error: this.explain(name, type, code, err as Error) };
    }
  }

  private explain(name: string, type: string, code: string | undefined, err: Error): string {
    const via = this.server ? `the DNS server ${this.server} (CARTBACK_DNS_SERVER)` : "this machine's DNS resolver";
    switch (code) {
      case 'ETIMEOUT':
        return `no answer from ${via} for ${type} ${name} within ${TOTAL_S} s: is there a network, and is the server up? CARTBACK_DNS_SERVER picks another`;
      case 'ECONNREFUSED':
        return `${via} refused the connection (${type} ${name}): nothing answers DNS there`;
      case 'ESERVFAIL':
        return `${via} failed to answer ${type} ${name} (SERVFAIL): the domain's name servers may be down or misconfigured (or its DNSSEC broken)`;
      case 'EREFUSED':
        return `${via} refused to answer ${type} ${name} (REFUSED): it may not resolve names for this machine`;
      default:
        return `${type} ${name}: ${code ?? err.message} from ${via}`;
    }
  }
}
