/**
 * `cartback simulate`: drives a running Cartback (started with CARTBACK_CLOCK=virtual) through its
 * public HTTP API with a population of simulated shoppers, and checks the invariants afterwards.
 * Exit code 0: every invariant held; 1: one failed; 2: the simulation could not run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isDuration } from '../kernel/duration.ts';
import { DEFAULT_POPULATION } from '../simulate/population.ts';
import { formatReport } from '../simulate/driver/report.ts';
import { runSimulation, SimulationRefused, type SimulateOptions } from '../simulate/driver/run.ts';
import { configOrExit } from './context.ts';

const int = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};
const share = (v: string) => {
  const n = Number(v);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('a share from 0 to 1, e.g. 0.6');
  return n;
};
const shares = (v: string) => v.split(',').map((x) => share(x.trim()));
const durations = (v: string) => {
  const list = v.split(',').map((x) => x.trim());
  if (!list.every(isDuration)) throw new InvalidArgumentError('ISO 8601 durations separated by commas, e.g. PT30M,PT23H,P2D');
  return list;
};

interface Opts {
  url?: string; token?: string; store?: string; writeKey?: string; shoppers: number; days: number; seed: number; step: number; tailDays: number;
  waits?: string[]; abandonRate?: number; reachable?: number; open?: number[]; click?: number[]; buyAfterClick?: number[]; buyAfterOpen?: number;
  baselineReturn?: number; discountUse?: number; unsubscribe?: number; lateRate?: number; duplicateRate?: number;
  smtpHost: string; concurrency: number; waitApplied: boolean; settleTimeout: number; report?: string; progress: boolean;
}

/** Per-step propensities from the --open/--click/--buy-after-click lists; a shorter list repeats its last value. */
function steps(o: Opts) {
  if (!o.open && !o.click && !o.buyAfterClick) return undefined;
  const base = DEFAULT_POPULATION.steps;
  const at = <T>(list: T[] | undefined, i: number, fallback: T) => (list ? list[Math.min(i, list.length - 1)]! : fallback);
  const n = Math.max(o.open?.length ?? 0, o.click?.length ?? 0, o.buyAfterClick?.length ?? 0, base.length);
  return Array.from({ length: n }, (_, i) => {
    const d = base[Math.min(i, base.length - 1)]!;
    return { open: at(o.open, i, d.open), click: at(o.click, i, d.click), buyAfterClick: at(o.buyAfterClick, i, d.buyAfterClick) };
  });
}

async function simulate(o: Opts): Promise<void> {
  const config = configOrExit();
  const tokenFile = path.join(config.dataDir, 'admin-token');
  const token = o.token ?? config.adminToken ?? (fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim() : undefined);
  if (!token) {
    process.stderr.write(`simulate: no admin token (give --token, set CARTBACK_ADMIN_TOKEN, or run where ${tokenFile} exists)\n`);
    process.exit(2);
  }
  const optional = { abandonRate: o.abandonRate, reachableShare: o.reachable, buyAfterOpen: o.buyAfterOpen, baselineReturn: o.baselineReturn, discountUse: o.discountUse, unsubscribe: o.unsubscribe, lateRate: o.lateRate, duplicateRate: o.duplicateRate, steps: steps(o) };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const tty = process.stderr.isTTY;
  const options: SimulateOptions = {
    url: o.url ?? `http://127.0.0.1:${config.port}`, token, storeId: o.store, writeKey: o.writeKey,
    population: { seed: o.seed, shoppers: o.shoppers, days: o.days, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) },
    stepMs: o.step * 60_000, waits: o.waits, tailDays: o.tailDays, smtpHost: o.smtpHost, concurrency: o.concurrency, waitApplied: o.waitApplied, settleTimeoutMs: o.settleTimeout * 1000,
    reportFile: o.report ?? path.join(config.dataDir, 'simulations', `simulate-${stamp}.json`),
    note: (line) => process.stderr.write(`${line}\n`),
    progress: o.progress ? (p) => {
      const rate = p.wallMs ? (p.virtualNow - p.virtualFrom) / 3_600_000 / (p.wallMs / 1000) : 0;
      const line = `${new Date(p.virtualNow).toISOString().slice(0, 16).replace('T', ' ')}  shoppers ${p.arrived.toLocaleString('en-US')}/${p.shoppers.toLocaleString('en-US')}  mails ${p.mails.toLocaleString('en-US')}  ${rate.toFixed(1)} virtual h/s  ${(p.wallMs / 1000).toFixed(0)} s`;
      process.stderr.write(tty ? `\r${line}${p.done ? '\n' : ''}` : `${line}\n`);
    } : undefined,
  };
  try {
    const report = await runSimulation(options);
    process.stdout.write(`${formatReport(report)}\nreport: ${options.reportFile}\n`);
    process.exitCode = report.ok ? 0 : 1;
  } catch (err) {
    process.stderr.write(`${tty ? '\n' : ''}simulate: ${(err as Error).message}\n`);
    if (!(err instanceof SimulationRefused) && config.logLevel === 'debug') process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 2;
  }
}

export function simulateCommand(): Command {
  return new Command('simulate')
    .description('drive a running Cartback (CARTBACK_CLOCK=virtual) with simulated shoppers over HTTP, then check the invariants')
    .option('--url <url>', 'the Cartback to drive (default http://127.0.0.1:CARTBACK_PORT)')
    .option('--token <token>', 'admin API token (default CARTBACK_ADMIN_TOKEN, else data/admin-token)')
    .option('--store <id>', 'play in this store (default: create one with the "Classic three-step" flow live)')
    .option('--write-key <key>', "the store's write key (needed with --store)")
    .option('--shoppers <n>', 'shoppers who fill a cart during the period', int(1, 10_000_000), 1000)
    .option('--days <n>', 'length of the period in virtual days', int(1, 365), 30)
    .option('--seed <n>', 'population seed (same seed, same shoppers)', int(0, 2 ** 31), 1)
    .option('--step <minutes>', 'virtual minutes per step: actions and due work in one step are played together', int(1, 60), 5)
    .option('--tail-days <n>', 'virtual days played after the period, for sequences to finish', int(0, 60), 3)
    .option('--waits <list>', "the created store's three waits (ISO 8601, e.g. PT30M,PT23H,P2D; default: the ready flow's, shortened for periods under 14 days)", durations)
    .option('--abandon-rate <share>', `carts left without buying (default ${DEFAULT_POPULATION.abandonRate})`, share)
    .option('--reachable <share>', `abandoners who left an email (default ${DEFAULT_POPULATION.reachableShare})`, share)
    .option('--open <shares>', 'open rate per email step, e.g. 0.66,0.59', shares)
    .option('--click <shares>', 'click rate per email step (of sent), e.g. 0.14,0.18', shares)
    .option('--buy-after-click <shares>', 'chance to buy after a click, per step', shares)
    .option('--buy-after-open <share>', `chance to buy after only opening (default ${DEFAULT_POPULATION.buyAfterOpen})`, share)
    .option('--baseline-return <share>', `abandoners who come back and buy without any message (default ${DEFAULT_POPULATION.baselineReturn})`, share)
    .option('--discount-use <share>', `buyers with a code who use it (default ${DEFAULT_POPULATION.discountUse})`, share)
    .option('--unsubscribe <share>', `chance to unsubscribe after opening (default ${DEFAULT_POPULATION.unsubscribe})`, share)
    .option('--late-rate <share>', `shoppers whose orders and last event arrive late (default ${DEFAULT_POPULATION.lateRate})`, share)
    .option('--duplicate-rate <share>', `shoppers whose deliveries are sent twice (default ${DEFAULT_POPULATION.duplicateRate})`, share)
    .option('--smtp-host <host>', "address of the simulator's mail sink; the server must reach it", '127.0.0.1')
    .option('--concurrency <n>', 'link requests in flight at once', int(1, 64), 8)
    .option('--wait-applied', 'send events with ?wait=applied (the api applies them before answering; steps settle sooner) instead of answered once stored and applied by the workers', false)
    .option('--settle-timeout <seconds>', 'how long to wait for the server to finish a step before giving up', int(1, 3600), 120)
    .option('--report <file>', 'where to save the JSON report (default data/simulations/simulate-<time>.json)')
    .option('--no-progress', 'no progress lines on stderr')
    .action(simulate);
}
