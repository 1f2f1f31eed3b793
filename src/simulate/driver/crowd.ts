/**
 * The simulated shoppers as the driver plays them (no I/O): their plans (population.ts), what each
 * will do when (an agenda in virtual time), and their reactions to each mail that reaches them
 * (reactions.ts), scheduled from the instant Cartback sent it. Popping a step yields the items
 * the driver then carries out over HTTP.
 */
import { Agenda } from '../agenda.ts';
import { visitDeliveries, type Delivery } from '../events.ts';
import type { ShopperPlan } from '../population.ts';
import { mixSeed, rng, type Rng } from '../random.ts';
import { reactToMessage } from '../reactions.ts';
import type { MailSeen } from './mail.ts';

export class SimShopper {
  /** mails received so far: the next one is step `sends` of their sequence */
  sends = 0;
  /** decided to buy: a second decision changes nothing */
  purchased = false;
  /** their first event has been sent */
  arrived = false;
  private stream: Rng | undefined;

  constructor(readonly plan: ShopperPlan, private readonly seed: number) {}

  /** The shopper's own stream for reactions (the demo history's convention), made when first needed: most never get a mail. */
  get rng(): Rng {
    return (this.stream ??= rng(mixSeed(this.seed ^ 0x5eed, this.plan.index)));
  }
}

export type LinkAction = 'open' | 'restore' | 'click' | 'unsubscribe';

export type StepItem =
  | { kind: 'deliver'; shopper: SimShopper; delivery: Delivery; retry: boolean }
  | { kind: 'link'; shopper: SimShopper; action: LinkAction; url: string }
  | { kind: 'buy'; shopper: SimShopper; mail: MailSeen | null; useDiscount: boolean };

export class Crowd {
  readonly byEmail = new Map<string, SimShopper>();
  readonly shoppers: SimShopper[];
  private readonly agenda = new Agenda();
  private popped: StepItem[] = [];
  constructor(plans: ShopperPlan[], seed: number, readonly periodStart: number) {
    this.shoppers = plans.map((plan) => new SimShopper(plan, seed));
    for (const s of this.shoppers) {
      if (s.plan.email) this.byEmail.set(s.plan.email.toLowerCase(), s);
      // A visit's events are built when it comes due: built up front, 100,000 shoppers' would hold 0.5 GB.
      this.agenda.at(visitDeliveries(s.plan, periodStart)[0]!.at, async () => {
        for (const d of visitDeliveries(s.plan, periodStart)) this.at(d.at, { kind: 'deliver', shopper: s, delivery: d, retry: false });
      });
      const { plan } = s;
      if (plan.boughtAt !== null) s.purchased = true;
      else if (plan.returnsAfter !== null) {
        // Comes back and buys with no message at all (the holdout converts too).
        const left = periodStart + Math.max(plan.checkoutAt ?? 0, ...plan.addedAt);
        this.at(left + plan.returnsAfter, { kind: 'buy', shopper: s, mail: null, useDiscount: false });
      }
    }
  }

  at(t: number, item: StepItem): void {
    this.agenda.at(t, async () => {
      this.popped.push(item);
    });
  }

  /** The earliest instant something is scheduled, if anything is. */
  nextAt(): number | undefined {
    return this.agenda.peek()?.at;
  }

  get pending(): number {
    return this.agenda.size;
  }

  /** Everything scheduled at or before `t`, in time order. */
  async due(t: number): Promise<StepItem[]> {
    this.popped = [];
    while ((this.agenda.peek()?.at ?? Infinity) <= t) await this.agenda.pop()!.run();
    return this.popped;
  }

  /** A retry of a delivery the shopper's connection sends twice (same message ids), 10 s to 5 min later. */
  deliveredOnce(item: Extract<StepItem, { kind: 'deliver' }>, at: number): void {
    if (item.retry || !item.shopper.plan.duplicate) return;
    this.at(at + item.shopper.rng.int(10, 300) * 1000, { ...item, retry: true });
  }

  /** A mail reached the shopper: what they do with it, and when, counted from `sentAt`. */
  react(shopper: SimShopper, mail: MailSeen, sentAt: number): void {
    const r = reactToMessage(shopper.plan, shopper.sends++, shopper.rng);
    if (r.openAfter !== null && mail.open) this.at(sentAt + r.openAfter, { kind: 'link', shopper, action: 'open', url: mail.open });
    if (r.click) {
      const url = r.click.via === 'click' ? (mail.clicks[0] ?? mail.restore) : (mail.restore ?? mail.clicks[0]);
      const action = url === mail.restore ? 'restore' : 'click';
      if (url) this.at(sentAt + r.click.after, { kind: 'link', shopper, action, url });
    }
    if (r.buy) this.at(sentAt + r.buy.after, { kind: 'buy', shopper, mail, useDiscount: r.buy.useDiscount });
    if (r.unsubscribeAfter !== null && mail.unsubscribe) this.at(sentAt + r.unsubscribeAfter, { kind: 'link', shopper, action: 'unsubscribe', url: mail.unsubscribe });
  }
}
