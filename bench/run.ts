/**
 * `npm run bench`: every measure of DESIGN.md §7 beside its baseline, in the same run, repeated;
 * results in bench/results/<date>.json and a Markdown table on the console (for bench/README.md).
 * Each measure is a file under bench/measures/; see bench/README.md for what each one does.
 *
 * Knobs (environment): BENCH_MEASURES (all: single,batch50,render,smtp,memory,latency,duelag),
 * BENCH_DIALECTS (sqlite,postgres), BENCH_REPEAT (3), and each measure's own (in its file).
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { postgresSkipReason, type DialectName } from './dialects.ts';
import { list, num, type BenchContext, type Measure } from './measures/harness.ts';
import { dueLag, dueLagSettings } from './measures/due-lag.ts';
import { batch50, ingestSettings, single } from './measures/ingest.ts';
import { latency, latencySettings } from './measures/latency.ts';
import { memory, memorySettings } from './measures/memory.ts';
import { render, renderSettings } from './measures/render.ts';
import { smtp, smtpSettings } from './measures/smtp.ts';
import { machine, markdown, writeResults, type ResultRow } from './report.ts';

const ALL: Measure[] = [single, batch50, latency, render, smtp, memory, dueLag];
const wanted = list('BENCH_MEASURES', ALL.map((m) => m.key).join(','));
const unknown = wanted.filter((k) => !ALL.some((m) => m.key === k));
if (unknown.length) throw new Error(`unknown BENCH_MEASURES ${unknown.join(', ')}; known: ${ALL.map((m) => m.key).join(', ')}`);
const measures = ALL.filter((m) => wanted.includes(m.key));

const started = Date.now();
const repeat = num('BENCH_REPEAT', 3);
const pgSkip = await postgresSkipReason();
const asked = list('BENCH_DIALECTS', 'sqlite,postgres') as DialectName[];
const dialects = asked.filter((d) => d === 'sqlite' || (d === 'postgres' && !pgSkip));
const skipped: Record<string, string> = {};
if (pgSkip && asked.includes('postgres')) {
  skipped.postgres = pgSkip;
  console.log(`PostgreSQL skipped: ${pgSkip}`);
}

const total = measures.reduce((n, m) => n + m.steps({ dialects, repeat }), 0);
let i = 0;
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const ctx: BenchContext = {
  dialects,
  repeat,
  step(what) {
    const tag = `[${String(++i).padStart(String(total).length)}/${total}] ${what}`;
    console.log(`${tag} …`);
    return (result) => console.log(`${tag} ${result}  (${elapsed()})`);
  },
};
console.log(`benchmark: ${measures.map((m) => m.key).join(', ')} on ${dialects.join(', ')}; ${repeat} repeats, ${total} steps; only 127.0.0.1; stops by itself`);

// Other work on this machine slows both sides, but not always alike: say so, and keep it with the results.
const load1 = () => Math.round(os.loadavg()[0]! * 10) / 10;
if (load1() > os.cpus().length) console.warn(`! the machine is busy (load ${load1()} on ${os.cpus().length} cores): figures will be low and noisy`);
const code = provenance();
const rows: ResultRow[] = [];
const timings: Record<string, number> = {};
const loadAvg: Record<string, [before: number, after: number]> = {};
for (const m of measures) {
  const t0 = Date.now();
  const before = load1();
  rows.push(...(await m.run(ctx)));
  timings[m.key] = Math.round((Date.now() - t0) / 1000);
  loadAvg[m.key] = [before, load1()];
}

/**
 * Which code was measured: the commit, and any files under src/ that differed from it (the tree is
 * shared while people work). BENCH_COMMIT names the commit when running from an export without .git.
 */
function provenance(): { commit: string; uncommittedSrc: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), uncommittedSrc: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).map((l) => l.slice(3)) };
  } catch {
    return { commit: process.env.BENCH_COMMIT ?? 'unknown', uncommittedSrc: [] };
  }
}

const settings = { repeat, dialects, ingest: ingestSettings, latency: latencySettings, render: renderSettings, smtp: smtpSettings, memory: memorySettings, duelag: dueLagSettings };
const name = measures.length === ALL.length ? '' : measures.map((m) => m.key).join('-');
const file = writeResults(name, { benchmark: 'DESIGN.md §7', at: new Date().toISOString(), machine: machine(), code, settings, skipped, secondsPerMeasure: timings, loadAvg1m: loadAvg, rows });
console.log(`\n${markdown(rows)}\n`);
if (Object.keys(skipped).length) console.log(Object.entries(skipped).map(([d, why]) => `${d} skipped: ${why}`).join('\n'));
console.log(`seconds per measure (1-minute load average before → after): ${Object.entries(timings).map(([k, s]) => `${k} ${s} (${loadAvg[k]!.join(' → ')})`).join(', ')}`);
console.log(`results: ${file} (${elapsed()})`);
