/**
 * `cartback simulate` end to end: check that the server's clock is virtual, start the mail sink,
 * prepare the store, play the population (play.ts), then ask the server for the dashboard and the
 * integrity report of the period and write the report. The population is population.ts's, so the
 * same seed gives the same shoppers as the demo store's history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { population, type PopulationParams } from '../population.ts';
import { Crowd } from './crowd.ts';
import { CartbackClient, HttpError } from './http.ts';
import { Ledger } from './ledger.ts';
import { play, type Progress } from './play.ts';
import { buildReport, type Dashboard, type Report } from './report.ts';
import { ServerClock } from './server-clock.ts';
import { stepUp } from './schedule.ts';
import { prepareStore } from './setup.ts';
import { startMailSink } from './sink.ts';
import { newCounts, type StepContext } from './step.ts';
import type { IntegrityReport } from '../../contracts/integrity.ts';

const DAY = 86_400_000;

export interface SimulateOptions {
  url: string;
  token: string;
  storeId?: string;
  writeKey?: string;
  population: Partial<PopulationParams> & { seed: number; shoppers: number; days: number };
  stepMs: number;
  /** waits of the created store's three-step flow (ISO 8601); default: scaled to the period */
  waits?: string[];
  /** days played after the period, for sequences and reactions to finish */
  tailDays: number;
  /** the address the mail sink listens on; the server must reach it */
  smtpHost: string;
  concurrency: number;
  /** events answered once applied (?wait=applied) instead of once stored */
  waitApplied: boolean;
  settleTimeoutMs: number;
  reportFile: string;
  progress?: (p: Progress & { arrived: number; shoppers: number }) => void;
  note?: (line: string) => void;
}

/** The simulation cannot start (the server refused, or cannot be driven); nothing was played. */
export class SimulationRefused extends Error {
  override name = 'SimulationRefused';
}

async function checkClock(clock: ServerClock, url: string): Promise<void> {
  try {
    await clock.read();
  } catch (err) {
    if (!(err instanceof HttpError)) throw new SimulationRefused(`cannot reach Cartback at ${url}: ${(err as Error).message}`);
    if (err.code === 'clock_not_virtual') throw new SimulationRefused(`the server at ${url} runs on the system clock; simulate needs one started with CARTBACK_CLOCK=virtual (a test or simulation deployment, never production)`);
    if (err.status === 401) throw new SimulationRefused(`the server at ${url} refused the admin token (--token, CARTBACK_ADMIN_TOKEN or data/admin-token)`);
    if (err.status === 404) throw new SimulationRefused(`the server at ${url} has no /api/clock: it is not a Cartback with a virtual clock`);
    throw err;
  }
}

export async function runSimulation(o: SimulateOptions): Promise<Report> {
  const api = new CartbackClient(o.url.replace(/\/+$/, ''), o.token);
  const clock = new ServerClock(api, o.settleTimeoutMs);
  await checkClock(clock, o.url);
  const sink = await startMailSink(o.smtpHost);
  try {
    const p = o.population;
    const store = await prepareStore(api, { smtpUrl: sink.url, storeId: o.storeId, writeKey: o.writeKey, waits: o.waits, days: p.days, name: `Simulation ${p.shoppers} shoppers, seed ${p.seed}` });
    if (store.warning) o.note?.(`note: ${store.warning}`);
    try {
      const base = (await api.admin<{ publicUrl: string }>('GET', `/stores/${store.storeId}/connect`)).publicUrl;
      await clock.settle();
      const from = clock.now();
      const periodStart = stepUp(from, o.stepMs);
      const crowd = new Crowd(population(p, periodStart), p.seed, periodStart);
      const ctx: StepContext = { api, clock, crowd, ledger: new Ledger(), storeId: store.storeId, writeKey: store.writeKey, concurrency: o.concurrency, waitApplied: o.waitApplied, counts: newCounts() };
      const played = await play(ctx, sink, {
        stepMs: o.stepMs, end: periodStart + (p.days + o.tailDays) * DAY, base, discountPrefix: store.discountPrefix,
        progress: (x) => o.progress?.({ ...x, arrived: ctx.counts.arrived, shoppers: p.shoppers }),
      });
      const to = clock.now() + 1;
      const range = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
      const dashboard = await api.admin<Dashboard>('GET', `/stores/${store.storeId}/dashboard?${range}`);
      const integrity = await api.admin<IntegrityReport>('GET', `/stores/${store.storeId}/integrity?${range}&messagePrefix=${encodeURIComponent(`sim-${p.seed}-`)}&acknowledged=${ctx.ledger.acknowledged}`);
      const report = buildReport({
        url: o.url, store: { id: store.storeId, created: store.created, waits: store.waits }, population: { ...p, stepMinutes: o.stepMs / 60_000, tailDays: o.tailDays, waitApplied: o.waitApplied },
        period: { from, to }, play: { steps: played.steps, wallMs: played.wallMs, unplayed: played.unplayed, phases: { ...played.phases }, requests: { ...api.counts } },
        shoppers: p.shoppers, counts: ctx.counts, ledger: ctx.ledger, dashboard, integrity,
      });
      fs.mkdirSync(path.dirname(path.resolve(o.reportFile)), { recursive: true });
      fs.writeFileSync(o.reportFile, `${JSON.stringify(report, null, 2)}\n`);
      return report;
    } finally {
      await store.release().catch((err: Error) => o.note?.(`note: could not clear the store's SMTP setting: ${err.message}`));
    }
  } finally {
    await sink.close();
  }
}
