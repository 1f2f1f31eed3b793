/**
 * The driver's loop in virtual time. Each step: move the server's clock to the step's end, wait
 * until the deployment has done everything due by then, read the mail it sent (and schedule each
 * shopper's reaction), carry out the shoppers' actions that fell in the step, wait again and read
 * the mail again. Settling before the actions keeps "was this mail claimed before that order?"
 * answerable; settling after them lets the next step start from a quiet server.
 */
import { readMail } from './mail.ts';
import { nextStep } from './schedule.ts';
import type { MailSink } from './sink.ts';
import { playStep, type StepContext } from './step.ts';

export interface PlayOptions {
  stepMs: number;
  /** nothing after this virtual instant is played */
  end: number;
  /** the Cartback base URL links start with, and the store's discount code prefix */
  base: string;
  discountPrefix: string;
  /** called about every two seconds, and once at the end */
  progress?: (p: Progress) => void;
}

export interface Progress { virtualFrom: number; virtualNow: number; steps: number; mails: number; wallMs: number; done: boolean }

/** Real ms spent in each part of the steps: where a slow simulation loses its time. */
export interface Phases { advance: number; settleBefore: number; actions: number; settleAfter: number; mail: number }

export interface PlayResult { steps: number; wallMs: number; from: number; to: number; unplayed: number; phases: Phases }

function collectMail(ctx: StepContext, sink: MailSink, o: PlayOptions): void {
  for (const raw of sink.take()) {
    const mail = readMail(raw, o.base, o.discountPrefix);
    const shopper = ctx.crowd.byEmail.get(mail.to) ?? null;
    ctx.ledger.mail(shopper?.plan.key ?? null, mail);
    if (shopper) ctx.crowd.react(shopper, mail, mail.sentAt ?? ctx.clock.now());
  }
}

export async function play(ctx: StepContext, sink: MailSink, o: PlayOptions): Promise<PlayResult> {
  const started = Date.now();
  const from = ctx.clock.now();
  let steps = 0;
  let shown = started;
  const phases: Phases = { advance: 0, settleBefore: 0, actions: 0, settleAfter: 0, mail: 0 };
  const timed = async <T>(phase: keyof Phases, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      phases[phase] += performance.now() - t0;
    }
  };
  const report = (done: boolean) => o.progress?.({ virtualFrom: from, virtualNow: ctx.clock.now(), steps, mails: ctx.ledger.mails, wallMs: Date.now() - started, done });
  for (;;) {
    const t = nextStep({ nextAction: ctx.crowd.nextAt(), serverDue: ctx.clock.nextDueAt(), now: ctx.clock.now(), stepMs: o.stepMs, end: o.end });
    if (t === null) break;
    await timed('advance', () => ctx.clock.advanceTo(t));
    await timed('settleBefore', () => ctx.clock.settle(true));
    await timed('mail', () => collectMail(ctx, sink, o));
    // Everything up to the server's now: time also flows in real time between steps.
    const at = Math.max(t, ctx.clock.now());
    const items = await ctx.crowd.due(at);
    if (items.length) {
      await timed('actions', () => playStep(ctx, items, at));
      await timed('settleAfter', () => ctx.clock.settle());
      await timed('mail', () => collectMail(ctx, sink, o));
    }
    steps++;
    if (Date.now() - shown >= 2000) {
      shown = Date.now();
      report(false);
    }
  }
  report(true);
  for (const k of Object.keys(phases) as Array<keyof Phases>) phases[k] = Math.round(phases[k]);
  return { steps, wallMs: Date.now() - started, from, to: ctx.clock.now(), unplayed: ctx.crowd.pending, phases };
}
