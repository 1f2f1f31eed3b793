/**
 * Which mailer sends a store's mail: its own SMTP server when the store has one (settings.smtpUrl),
 * else the instance's (CARTBACK_SMTP_URL, else the dev mailbox). One pooled transport per distinct
 * URL, kept for the life of the process. Whichever it is, the store's mail is DKIM-signed with the
 * key dkim.ts picks (the store's own, else the instance's), so no path can send it unsigned.
 */
import type { Store } from '../../store/queries/stores.ts';
import { dkimKeyFor, type DkimKey } from './dkim.ts';
import { smtpMailer, type Mailer } from './transport.ts';

export class Mailers {
  private readonly byUrl = new Map<string, Mailer>();

  constructor(readonly fallback: Mailer, private readonly opts: { pool: number; host: string; dkim?: DkimKey | null; timeoutMs?: number }) {}

  for(store: Store): Mailer {
    const mailer = this.transportFor(store);
    const dkim = dkimKeyFor(store.settings, this.opts.dkim ?? null);
    if (!dkim) return mailer;
    return { label: mailer.label, send: (mail) => mailer.send({ ...mail, dkim }), verify: () => mailer.verify(), close: () => mailer.close() };
  }

  private transportFor(store: Store): Mailer {
    const url = store.settings.smtpUrl;
    if (!url) return this.fallback;
    let m = this.byUrl.get(url);
    if (!m) {
      m = smtpMailer(url, this.opts.pool, this.opts.host, this.opts.timeoutMs);
      this.byUrl.set(url, m);
    }
    return m;
  }

  close(): void {
    this.fallback.close();
    for (const m of this.byUrl.values()) m.close();
    this.byUrl.clear();
  }
}
