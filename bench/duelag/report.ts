/** Due-lag samples (one measurement) from the window's runs, and their row of the table (Cartback / baseline). */
import { fmt, ratioOf, stats, type ResultRow, type Stats } from '../report.ts';
import type { Stepped } from './database.ts';

export interface LagSample {
  /** runs that came due in the measured window (after the warm-up) */
  due: number;
  stepped: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** the warm-up's own p99 and max (a cold process), not part of the figures above */
  warmupP99Ms: number;
  warmupMaxMs: number;
  /** stepped before their due time, or a pending run (due an hour ahead) touched at all; warm-up included */
  early: number;
  /** due but not stepped by the end (the last due time + the grace period); warm-up included */
  lost: number;
  /** stepped more than once; warm-up included */
  doubled: number;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : -1);
const lagsOf = (rows: Stepped[]) => rows.filter((r) => r.steppedAt !== null).map((r) => r.steppedAt! - r.due).sort((a, b) => a - b);

/** Window runs due from `measureFrom` on are measured; those before it were the warm-up. */
export function lagSample(window: Stepped[], touchedPending: number, measureFrom: number): LagSample {
  const measured = window.filter((r) => r.due >= measureFrom);
  const lags = lagsOf(measured);
  const warm = lagsOf(window.filter((r) => r.due < measureFrom));
  const all = lagsOf(window);
  return {
    due: measured.length,
    stepped: lags.length,
    p50Ms: quantile(lags, 0.5),
    p99Ms: quantile(lags, 0.99),
    maxMs: lags.length ? lags[lags.length - 1]! : -1,
    warmupP99Ms: quantile(warm, 0.99),
    warmupMaxMs: warm.length ? warm[warm.length - 1]! : -1,
    early: all.filter((l) => l < 0).length + touchedPending,
    lost: window.length - all.length,
    doubled: window.filter((r) => r.steps > 1).length,
  };
}

const TARGET_P99_MS = 250;
const sum = (xs: LagSample[], k: 'early' | 'lost' | 'doubled') => xs.reduce((a, x) => a + x[k], 0);
const faults = (xs: LagSample[]) => `${sum(xs, 'early')}/${sum(xs, 'lost')}/${sum(xs, 'doubled')}`;
const range = (st: Stats) => `${fmt(st.median)} (${fmt(st.min)}–${fmt(st.max)})`;

/** The table row: p99 is the figure (median and min–max of the repeats); p50, max and the faults go in the note. */
export function lagRow(measure: string, dialect: string, workers: number, ours: LagSample[], baseline: LagSample[]): ResultRow {
  const of = (xs: LagSample[], k: 'p50Ms' | 'p99Ms' | 'maxMs') => stats(xs.map((x) => x[k]));
  const o = of(ours, 'p99Ms');
  const b = of(baseline, 'p99Ms');
  const clean = sum(ours, 'early') + sum(ours, 'lost') + sum(ours, 'doubled') === 0;
  const diff = o.median - b.median;
  return {
    key: 'duelag', measure, dialect: `${dialect}, ${workers} worker${workers > 1 ? 's' : ''}`, unit: 'ms p99', ours: o, baseline: b, ratio: ratioOf(o, b),
    compare: `${diff >= 0 ? '+' : '−'}${fmt(Math.abs(diff))} ms`, target: { text: `p99 ≤ ${TARGET_P99_MS} ms, never early, none lost or doubled`, p99Ms: TARGET_P99_MS },
    meetsTarget: o.median <= TARGET_P99_MS && clean,
    note: `p50 ${range(of(ours, 'p50Ms'))} / ${range(of(baseline, 'p50Ms'))} ms, max ${range(of(ours, 'maxMs'))} / ${range(of(baseline, 'maxMs'))} ms; early/lost/doubled ${faults(ours)} / ${faults(baseline)}`,
    samples: { ours, baseline },
  };
}
