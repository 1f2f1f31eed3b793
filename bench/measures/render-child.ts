/**
 * One render sample, single thread: warm up, then count messages finished in a fixed window.
 *
 *   ours      what the send step does per message besides SQL and SMTP (email-fixture.ts compose():
 *             signed links, render context, Liquid subject/preheader/HTML/text, click rewriting)
 *   baseline  a bare `new Liquid()` that parsed the same compiled HTML once and renders it per
 *             message with the same data (`renderSync`, the fastest plain use; `money` is a plain
 *             Intl formatter, since the template calls it). It also reports the same bare engine
 *             rendering all four parts, the like-for-like figure.
 *
 * argv: side warmupMs durationMs
 */
import { Liquid, type Template } from 'liquidjs';
import { sendResult } from './child.ts';
import { emailFixture } from './email-fixture.ts';

export interface RenderSample {
  /** messages per second (ours) or HTML renders per second (baseline) */
  perSec: number;
  /** baseline only: the four parts (subject, preheader, HTML, text) rendered per second */
  allPartsPerSec?: number;
  /** bytes of the last HTML, to check both sides render the same thing */
  htmlBytes: number;
}

const [side, warmupArg, durationArg] = process.argv.slice(2);
const warmupMs = Number(warmupArg);
const durationMs = Number(durationArg);
const f = await emailFixture();

/** Calls `one` until `ms` have passed; returns how many calls completed per second. */
async function rate(one: () => unknown, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let n = 0;
  let now = performance.now();
  const t0 = now;
  while (now < end) {
    await one();
    n++;
    now = performance.now();
  }
  return n / ((now - t0) / 1000);
}

if (side === 'ours') {
  let htmlBytes = 0;
  const one = async () => (htmlBytes = (await f.compose()).html.length);
  await rate(one, warmupMs);
  sendResult({ perSec: Math.round(await rate(one, durationMs)), htmlBytes } satisfies RenderSample);
} else {
  const liquid = new Liquid();
  const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
  liquid.registerFilter('money', (minor: number) => usd.format(minor / 100));
  const t = f.template;
  const parts: Record<'subject' | 'preheader' | 'html' | 'text', Template[]> = { subject: liquid.parse(t.subject), preheader: liquid.parse(t.preheader), html: liquid.parse(t.html), text: liquid.parse(t.text) };
  let htmlBytes = 0;
  const html = () => (htmlBytes = (liquid.renderSync(parts.html, f.context) as string).length);
  const all = () => [parts.subject, parts.preheader, parts.html, parts.text].map((p) => liquid.renderSync(p, f.context));
  await rate(html, warmupMs);
  await rate(all, warmupMs / 2);
  // Half the window each: the HTML-only figure is the row's baseline, the other is context.
  const perSec = await rate(html, durationMs / 2);
  const allPartsPerSec = await rate(all, durationMs / 2);
  sendResult({ perSec: Math.round(perSec), allPartsPerSec: Math.round(allPartsPerSec), htmlBytes } satisfies RenderSample);
}
