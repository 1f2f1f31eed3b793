/**
 * Which mailer sends a store's mail: its own SMTP server when the store has one (settings.smtpUrl),
 * else the instance's (CARTBACK_SMTP_URL, else the dev mailbox). One pooled transport per distinct
 * URL, kept for the life of the process.
 */
import type { Store } from '../../store/queries/stores.ts';
import { smtpMailer, type Mailer } from './transport.ts';

export class Mailers {
  private readonly byUrl = new Map<string, Mailer>();

  constructor(readonly fallback: Mailer, private readonly opts: { pool: number; host: string }) {}

  for(store: Store): Mailer {
    const url = store.settings.smtpUrl;
    if (!url) return this.fallback;
    let m = this.byUrl.get(url);
    if (!m) {
      m = smtpMailer(url, this.opts.pool, this.opts.host);
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
